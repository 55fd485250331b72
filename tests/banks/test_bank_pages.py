"""The banks of mentors and mentees: filters, sorting, pagination, counts, person page, access."""
from __future__ import annotations

import pytest
from playhouse.test_utils import count_queries

from tests.banks import builders
from tests.conftest import text
from tests.factories import make_user


@pytest.fixture
def bank(school):
    org = school["org"]
    _, version, questions = builders.questionnaire(org)
    _, mversion, mquestions = builders.questionnaire(org, "mentee_request", "mentee", "Анкета наставляемого")
    builders.consent(school["mentor"])
    builders.respond(school["mentor"], version, questions, {
        "problems": ["it_skills", "new_technologies"], "forms": ["teacher_teacher"], "format": "remote",
        "comfort": 8, "ready": True, "about": "<script>alert(1)</script> Учитель математики"})
    builders.consent(school["mentee"], representative="Ученикова Мария Петровна")
    builders.respond(school["mentee"], mversion, mquestions, {
        "problems": ["low_results", "professional_career"], "format": "in_person"})
    # a mentor without consents and one who revoked
    nocons = make_user(org, "nocons", ["mentor"], full_name="Безсогласий Олег Олегович")
    revoked = make_user(org, "revoked", ["mentor"], full_name="Отозвавшая Ольга Игоревна", subjects="физика")
    builders.consent(revoked, revoked=True)
    builders.respond(revoked, version, questions, {"problems": ["it_skills"], "about": "секретный текст"})
    return dict(school, version=version, questions=questions, nocons=nocons, revoked=revoked,
                mversion=mversion, mquestions=mquestions)


def test_mentor_bank_lists_only_people_in_the_bank_by_default(as_coordinator, bank):
    page = text(as_coordinator.get("/banks/mentors"))
    assert "Наставникова Анна Сергеевна" in page
    assert "Безсогласий" not in page and "Отозвавшая" not in page
    assert "Найдено: 1" in page and "всего с ролью: 4" in page and "в банке: 1" in page


def test_everyone_shows_all_people_with_the_role(as_coordinator, bank):
    page = text(as_coordinator.get("/banks/mentors?everyone=1"))
    for name in ("Наставникова", "Безсогласий", "Отозвавшая", "Реверсов"):
        assert name in page
    assert "Учеников" not in page  # a mentee only
    assert "Чужой" not in page


@pytest.mark.parametrize("query,present,absent", [
    ("consent=revoked", ["Отозвавшая"], ["Наставникова", "Безсогласий"]),
    ("consent=none", ["Безсогласий", "Реверсов"], ["Наставникова", "Отозвавшая"]),
    ("consent=complete", ["Наставникова"], ["Безсогласий"]),
    ("questionnaire=submitted", ["Наставникова", "Отозвавшая"], ["Безсогласий"]),
    ("questionnaire=not_started", ["Безсогласий", "Реверсов"], ["Наставникова"]),
    ("problem=it_skills", ["Наставникова"], ["Отозвавшая", "Безсогласий"]),  # revoked answers never match
    ("form=teacher_teacher", ["Наставникова", "Безсогласий"], ["Отозвавшая"]),  # no answer: category decides
    ("subject=физика", ["Отозвавшая"], ["Наставникова"]),
    ("q=безсоглас", ["Безсогласий"], ["Наставникова"]),
    ("category=student", [], ["Наставникова", "Безсогласий"]),
    ("paired=no", ["Наставникова", "Безсогласий"], []),
])
def test_filters(as_coordinator, bank, query, present, absent):
    page = text(as_coordinator.get(f"/banks/mentors?everyone=1&{query}"))
    for name in present:
        assert name in page, (query, name)
    for name in absent:
        assert name not in page.split('id="bank-table"')[1], (query, name)


def test_paired_filter(as_coordinator, bank):
    builders.pair(bank["org"], bank["mentor"], bank["both"])
    assert "Наставникова" in text(as_coordinator.get("/banks/mentors?paired=yes"))
    assert "Наставникова" not in text(as_coordinator.get("/banks/mentors?paired=no"))


def test_form_filter_uses_category_and_chosen_forms(as_coordinator, bank):
    assert "Наставникова" not in text(as_coordinator.get("/banks/mentors?form=student_student"))
    # a mentee's form follows from their category: a student fits «Ученик – ученик»
    assert "Учеников Пётр" in text(as_coordinator.get("/banks/mentees?form=student_student"))
    assert "Учеников Пётр" not in text(as_coordinator.get("/banks/mentees?form=teacher_teacher"))


def test_mentee_bank_filters_by_requests(as_coordinator, bank):
    page = text(as_coordinator.get("/banks/mentees?problem=low_results&class_name=7б"))
    assert "Учеников Пётр Иванович" in page
    page = text(as_coordinator.get("/banks/mentees?problem=it_skills"))
    assert "Учеников Пётр" not in page


@pytest.mark.parametrize("query,message", [
    ("category=wizard", "Неизвестное значение фильтра «категория» не учтено."),
    ("problem=%3Cscript%3E", "Неизвестное значение фильтра «проблема» не учтено."),
    ("consent=maybe", "Неизвестное значение фильтра «согласия» не учтено."),
    ("questionnaire=1", "Неизвестное значение фильтра «анкета» не учтено."),
    ("sort=password_hash", "Такой порядок сортировки недоступен"),
    ("class_name=99Z", "Такого класса нет"),
    ("page=999", "Страницы 999 нет; показана страница 1."),
])
def test_bad_filter_values_are_explained_not_fatal(as_coordinator, bank, query, message):
    response = as_coordinator.get(f"/banks/mentors?{query}")
    assert response.status_code == 200
    assert message in text(response)
    assert "Наставникова" in text(response)


@pytest.mark.parametrize("query", ["page=abc", "page=-5", "q=" + "я" * 5000, "everyone=x", "user=abc"])
def test_odd_values_never_fail(as_coordinator, bank, query):
    assert as_coordinator.get(f"/banks/mentees?{query}").status_code == 200


def test_sorting_and_pagination(as_coordinator, bank, app):
    org = bank["org"]
    for index in range(25):
        user = make_user(org, f"s{index:02d}", ["mentee"], full_name=f"Ученица {index:02d}", category="student",
                         class_name=f"{5 + index % 5}А")
        builders.consent(user, representative="Мама")
    page1 = text(as_coordinator.get("/banks/mentees"))
    assert "Страница 1 из 2" in page1 and "Найдено: 26" in page1
    assert page1.index("Ученица 00") < page1.index("Ученица 01")
    desc = text(as_coordinator.get("/banks/mentees?sort=-name"))
    assert desc.index("Ученица 24") < desc.index("Ученица 23") and "Учеников" not in desc  # last, on page 2
    by_class = text(as_coordinator.get("/banks/mentees?sort=class"))
    table = by_class.split('id="bank-table"')[1]
    assert table.index("5А") < table.index("6А") < table.index("7Б")
    page2 = text(as_coordinator.get("/banks/mentees?page=2"))
    assert "Страница 2 из 2" in page2
    status = text(as_coordinator.get("/banks/mentees?sort=-status"))
    assert status.split('id="bank-table"')[1].index("Учеников") < status.split('id="bank-table"')[1].index("Ученица 00")


def test_active_search_returns_only_the_fragment(as_coordinator, bank):
    response = as_coordinator.get("/banks/mentors?q=наставникова", headers={"HX-Request": "true"})
    body = text(response)
    assert body.lstrip().startswith('<div id="bank-table">')
    assert "<html" not in body and "HX-Request" in response.headers["Vary"]


def test_bank_page_has_no_n_plus_one(as_coordinator, bank):
    org = bank["org"]
    for index in range(12):
        user = make_user(org, f"m{index:02d}", ["mentor"], full_name=f"Наставник {index:02d}")
        builders.consent(user)
        builders.respond(user, bank["version"], bank["questions"], {"problems": ["it_skills"], "comfort": 5})
    as_coordinator.get("/banks/mentors")  # warm up
    with count_queries() as few:
        as_coordinator.get("/banks/mentors?q=Наставник 0")
    with count_queries() as many:
        as_coordinator.get("/banks/mentors")
    assert many.count <= few.count  # the whole bank even skips one COUNT: its page's total is the bank's


def test_person_page_renders_answers_readably(as_coordinator, bank):
    page = text(as_coordinator.get(f"/banks/people/{bank['mentor'].id}"))
    assert "С чем вы можете помочь?" in page
    assert "Освоение информационных технологий" in page and "Внедрение новых образовательных технологий" in page
    assert "Дистанционно" in page and "8 из 10" in page and "Учитель – учитель" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page


def test_ranked_answers_keep_priority_order(as_coordinator, bank):
    page = text(as_coordinator.get(f"/banks/people/{bank['mentee'].id}"))
    assert "<ol>" in page
    assert page.index("Низкие образовательные результаты") < page.index("Профессиональная карьера")
    assert "Ученикова Мария Петровна" in page


def test_revoked_person_answers_are_hidden(as_coordinator, bank):
    page = text(as_coordinator.get(f"/banks/people/{bank['revoked'].id}"))
    assert "Ответы скрыты: согласие отозвано." in page
    assert "секретный текст" not in page


def test_person_page_of_another_organisation_or_forged_id_is_404(as_coordinator, bank):
    assert as_coordinator.get(f"/banks/people/{bank['other_mentee'].id}").status_code == 404
    assert as_coordinator.get("/banks/people/999999").status_code == 404
    assert as_coordinator.get("/banks/people/abc").status_code == 404


@pytest.mark.parametrize("login", ["mentor", "mentee", "both"])
@pytest.mark.parametrize("url", ["/banks/mentors", "/banks/mentees", "/banks/mentors/export.xlsx",
                                 "/banks/mentees/consent-forms.docx", "/banks/people/{mentor}"])
def test_participants_are_refused(client, auth, bank, login, url):
    auth.login(login)
    response = client.get(url.format(mentor=bank["mentor"].id))
    assert response.status_code == 403
    assert "У вас нет прав" in text(response)
    assert "секретный" not in text(response) and "Учитель математики" not in text(response)


def test_anonymous_is_sent_to_log_in(client, bank):
    response = client.get("/banks/mentors")
    assert response.status_code == 302 and "/login" in response.location


def test_other_organisation_coordinator_sees_only_their_people(client, auth, bank):
    builders.consent(bank["other_mentee"], representative="Чужая Мама")
    auth.login("other.kurator")
    page = text(client.get("/banks/mentees"))
    assert "Чужой Ученик" in page and "Учеников" not in page
