"""The regional collection of best practices: propose → review → published to every school of the region
(the school credited, no authors) → a contest with nominations, expert scores and results."""
from __future__ import annotations

import re

from tests.conftest import text
from tests.factories import make_user
from webapp.models import Practice, RegionalPractice


def _practice(app, org, title="Наставничество через проектную работу", status="approved"):
    with app.app_context():
        return Practice.create(organisation=org, title=title, description="Описание практики.\nВторой абзац.",
                               form="student_student", tags="проекты,ИОТ", status=status,
                               authors_text="Наставникова Анна Сергеевна").id


def _publish(app, school, region, login_as, title="Наставничество через проектную работу"):
    practice_id = _practice(app, school["org"], title)
    assert login_as("kurator").post(f"/practices/{practice_id}/to-region").status_code == 303
    with app.app_context():
        regional = RegionalPractice.get(RegionalPractice.practice == practice_id)
    method = login_as("region.method")
    assert method.post(f"/region/practices/{regional.id}", data={"decision": "publish"}).status_code == 303
    return regional.id


def test_a_published_practice_reaches_every_school_of_the_region_credited_to_its_school(app, school, region, login_as):
    regional_id = _publish(app, school, region, login_as)
    other = login_as("other.kurator")
    listing = text(other.get("/practices/region"))
    assert "Наставничество через проектную работу" in listing and "Школа 1" in listing
    page = text(other.get(f"/practices/region/{regional_id}"))
    assert "Второй абзац" in page and "Школа 1" in page and "Наставникова" not in page
    with app.app_context():
        far_kurator = make_user(region["far_school"], "far.kurator", ["coordinator"])
    assert far_kurator
    assert login_as("far.kurator").get(f"/practices/region/{regional_id}").status_code == 404
    assert "проектную" not in text(login_as("far.kurator").get("/practices/region"))


def test_only_an_approved_practice_of_ones_own_school_is_proposed_once(app, school, region, login_as):
    kurator = login_as("kurator")
    proposed = _practice(app, school["org"], status="proposed")
    refused = kurator.post(f"/practices/{proposed}/to-region", follow_redirects=True)
    assert "только одобренную практику" in text(refused)
    foreign = _practice(app, school["other_org"])
    assert kurator.post(f"/practices/{foreign}/to-region").status_code == 404
    approved = _practice(app, school["org"])
    kurator.post(f"/practices/{approved}/to-region")
    again = kurator.post(f"/practices/{approved}/to-region", follow_redirects=True)
    assert "уже предложена региону" in text(again)
    assert login_as("mentor").post(f"/practices/{approved}/to-region").status_code == 403


def test_returning_needs_a_reason_and_a_returned_practice_may_come_again(app, school, region, login_as):
    practice_id = _practice(app, school["org"])
    login_as("kurator").post(f"/practices/{practice_id}/to-region")
    with app.app_context():
        regional_id = RegionalPractice.get(RegionalPractice.practice == practice_id).id
    method = login_as("region.method")
    no_reason = method.post(f"/region/practices/{regional_id}", data={"decision": "return", "note": ""})
    assert no_reason.status_code == 400 and "почему практика возвращена" in text(no_reason)
    too_long = method.post(f"/region/practices/{regional_id}", data={"decision": "return", "note": "х" * 501})
    assert too_long.status_code == 400 and "Не длиннее 500 символов" in text(too_long)
    forged = method.post(f"/region/practices/{regional_id}", data={"decision": "delete-everything"})
    assert forged.status_code == 400
    assert method.post(f"/region/practices/{regional_id}", data={"decision": "return",
                                                                 "note": "Добавьте результаты"}).status_code == 303
    assert "уже предложена" not in text(login_as("kurator").post(f"/practices/{practice_id}/to-region",
                                                                 follow_redirects=True))
    assert login_as("far.method").get(f"/region/practices/{regional_id}").status_code == 404


def test_a_contest_with_nominations_scores_and_results(app, school, region, login_as):
    first = _publish(app, school, region, login_as, "Первая практика")
    second = _publish(app, school, region, login_as, "Вторая практика")
    method = login_as("region.method")
    bad = method.post("/region/contests", data={"title": "", "nominations": ""})
    assert bad.status_code == 400 and "Укажите название конкурса" in text(bad)
    created = method.post("/region/contests", data={"title": "Лучшая практика наставничества — 2026",
                                                    "nominations": "Ученик – ученик\nУчитель – учитель\n"})
    assert created.status_code == 303
    contest_id = int(re.search(r"/region/contests/(\d+)", created.location).group(1))
    page = text(method.get(f"/region/contests/{contest_id}"))
    nomination_id = int(re.search(r'<option value="(\d+)">Ученик – ученик', page).group(1))
    for practice_id in (first, second):
        assert method.post(f"/region/contests/{contest_id}/entries",
                           data={"nomination_id": nomination_id, "practice_id": practice_id}).status_code == 303
    twice = method.post(f"/region/contests/{contest_id}/entries",
                        data={"nomination_id": nomination_id, "practice_id": first}, follow_redirects=True)
    assert "уже участвует" in text(twice)
    forged = method.post(f"/region/contests/{contest_id}/entries",
                         data={"nomination_id": 999999, "practice_id": first}, follow_redirects=True)
    assert "Такой номинации в конкурсе нет" in text(forged)
    entries = [int(e) for e in re.findall(r'name="entry_id" value="(\d+)"', text(method.get(f"/region/contests/{contest_id}")))]
    assert len(entries) == 2
    for value in ("11", "-1", "abc", ""):
        refused = method.post(f"/region/contests/{contest_id}/scores", data={"entry_id": entries[0], "score": value},
                              follow_redirects=True)
        assert "Оценк" in text(refused) or "целое число" in text(refused), value
    with app.app_context():
        make_user(region["centre"], "region.method2", ["regional_method"], full_name="Второй Эксперт")
    second_expert = login_as("region.method2")
    # entries are listed best first: find which entry is which practice from the page order afterwards
    method.post(f"/region/contests/{contest_id}/scores", data={"entry_id": entries[0], "score": "9"})
    method.post(f"/region/contests/{contest_id}/scores", data={"entry_id": entries[1], "score": "6"})
    second_expert.post(f"/region/contests/{contest_id}/scores", data={"entry_id": entries[0], "score": "7"})
    second_expert.post(f"/region/contests/{contest_id}/scores", data={"entry_id": entries[1], "score": "6"})
    assert method.post(f"/region/contests/{contest_id}/close").status_code == 303
    results = text(method.get(f"/region/contests/{contest_id}"))
    assert "8,00" in results and "6,00" in results
    assert results.index("8,00") < results.index("6,00")
    late = method.post(f"/region/contests/{contest_id}/scores", data={"entry_id": entries[0], "score": "1"},
                       follow_redirects=True)
    assert "Конкурс завершён" in text(late)
    assert login_as("far.method").get(f"/region/contests/{contest_id}").status_code == 404
