"""Consent forms that satisfy ч. 4 ст. 9 and ст. 10 152-ФЗ, for an adult, a minor through the
representative (and the 14–17-year-old's own), the teacher-mentor's consent to additional duties,
and the form that stores the details."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import text
from tests.documents.helpers import assert_official_layout, paragraphs, pupil
from tests.factories import make_user
from webapp.models import Organisation, PersonDetails

DETAILS = {
    "birth_date": "2013-05-05", "address": "426000, г. Ижевск, ул. Ленина, д. 1, кв. 2",
    "document": "свидетельство о рождении II-НИ № 123456", "document_issued_on": "2013-05-20",
    "document_issuer": "отдел ЗАГС г. Ижевска", "representative_name": "Волкова Ирина Петровна",
    "representative_relation": "мать", "representative_address": "426000, г. Ижевск, ул. Ленина, д. 1, кв. 2",
    "representative_document": "паспорт 9415 654321", "representative_document_issued_on": "2015-03-12",
    "representative_document_issuer": "ОУФМС России по Удмуртской Республике",
    "authority_document": "свидетельство о рождении II-НИ № 123456 от 20.05.2013",
}


@pytest.fixture
def coordinator(school, auth):
    auth.login("kurator")
    return auth.client


@pytest.fixture
def girl(school):
    return pupil(school["org"], "girl", "Волкова Наталья Юрьевна", "6Б")


def test_a_minors_consent_carries_every_field_of_article_9(coordinator, school, girl):
    response = coordinator.post(f"/consents/people/{girl.id}/details", data=DETAILS)
    assert response.status_code == 303
    data = coordinator.get(f"/consents/people/{girl.id}/forms.docx").data
    assert_official_layout(data)
    body = paragraphs(data)
    personal = body.split("ПИСЬМЕННОЕ СОГЛАСИЕ")[0]
    # 2. the representative: name, address, identity document with date and issuer, the authority
    assert ("Я, Волкова Ирина Петровна, адрес: 426000, г. Ижевск, ул. Ленина, д. 1, кв. 2, документ, "
            "удостоверяющий личность: паспорт 9415 654321, выдан 12.03.2015 ОУФМС России по Удмуртской Республике,"
            ) in personal
    assert "действующая на основании: свидетельство о рождении II-НИ № 123456 от 20.05.2013" in personal
    assert "являясь матерью и законным представителем несовершеннолетней Волковой Натальи Юрьевны, " \
           "обучающейся 6 «Б» класса" in personal
    # 1. the subject: address, document, its date and issuer
    assert "документ, удостоверяющий личность: свидетельство о рождении II-НИ № 123456, выдан 20.05.2013 " \
           "отдел ЗАГС г. Ижевска" in personal
    # 3. the operator and its address
    assert "даю согласие школе № 1 (далее — Оператор), адрес: 426000, г. Ижевск, ул. Школьная, д. 1" in personal
    # 4.–8. purpose, data, actions and means, who else processes, term, revocation; ст. 10
    for part in ("1. Цель обработки:", "2. Перечень персональных данных:",
                 "3. Специальные категории персональных данных (статья 10",
                 "сведения о состоянии здоровья (ограниченные возможности здоровья, инвалидность",
                 "4. Перечень действий с персональными данными и способы обработки:",
                 "с использованием средств автоматизации", "обработку по поручению Оператора иные лица не осуществляют",
                 "5. Срок действия согласия:", "не позднее 31.05.", "6. Порядок отзыва:"):
        assert part in personal, part
    # 9. the signature of the representative
    assert "«___» ____________ 20___ г.\t____________\tИ.П. Волкова" in personal
    assert "(подписывается обучающимся" not in body  # the school has not asked for the child's own consent
    participation = body.split("ПИСЬМЕННОЕ СОГЛАСИЕ")[1]
    assert "на участие несовершеннолетнего в программе наставничества" in participation
    assert "в качестве наставляемой" in participation  # agrees with the girl


def test_a_14_year_old_signs_their_own_consent_too_when_the_school_asks(coordinator, school, girl):
    Organisation.update(minor_own_consent_age=14).where(Organisation.id == school["org"].id).execute()
    coordinator.post(f"/consents/people/{girl.id}/details", data={**DETAILS, "birth_date": "2011-01-10"})
    body = paragraphs(coordinator.get(f"/consents/people/{girl.id}/forms.docx").data)
    assert "на обработку персональных данных (подписывается обучающимся, достигшим 14 лет)" in body
    assert "Я, Волкова Наталья Юрьевна, адрес:" in body and "Н.Ю. Волкова" in body
    coordinator.post(f"/consents/people/{girl.id}/details", data={**DETAILS, "birth_date": "2013-01-10"})
    assert "достигшим 14 лет" not in paragraphs(coordinator.get(f"/consents/people/{girl.id}/forms.docx").data)


def test_a_teacher_mentor_consents_to_additional_duties(coordinator, school):
    teacher = make_user(school["org"], "teacher", ["mentor"], full_name="Черных Анна Петровна",
                        position="учитель математики")
    body = paragraphs(coordinator.get(f"/consents/people/{teacher.id}/forms.docx").data)
    assert "на участие в программе наставничества и на возложение дополнительных обязанностей, связанных с " \
           "наставнической деятельностью" in body
    assert "Я, Черных Анна Петровна, учитель математики, даю согласие на участие" in body
    assert "Даю согласие на возложение на меня дополнительных обязанностей" in body
    pupil_body = paragraphs(coordinator.get(f"/consents/people/{school['mentee'].id}/forms.docx").data)
    assert "дополнительных обязанностей" not in pupil_body


def test_missing_operator_address_names_what_to_fill_in(coordinator, school, girl):
    Organisation.update(address="").where(Organisation.id == school["org"].id).execute()
    response = coordinator.get(f"/consents/people/{girl.id}/forms.docx")
    assert response.status_code == 303
    page = text(coordinator.get(response.location))
    assert "заполните адрес организации" in page and "«Документы» → «Реквизиты организации»" in page


@pytest.mark.parametrize("field,value,message", [
    ("address", "а" * 301, "Не длиннее 300 символов."),
    ("birth_date", "31.02.2013", "Укажите дату"),
    ("birth_date", "2099-01-01", "не позже сегодняшнего дня"),
    ("document_issued_on", "2012-01-01", "раньше даты рождения"),
    ("representative_relation", "сосед", "Выберите значение из списка."),
    ("representative_document_issued_on", "not a date", "Укажите дату"),
])
def test_details_bad_input_keeps_what_was_stored(coordinator, girl, field, value, message):
    coordinator.post(f"/consents/people/{girl.id}/details", data=DETAILS)
    response = coordinator.post(f"/consents/people/{girl.id}/details", data={**DETAILS, field: value})
    assert response.status_code == 400 and message in text(response)
    stored = PersonDetails.get(PersonDetails.user == girl)
    assert stored.address == DETAILS["address"] and stored.birth_date == dt.date(2013, 5, 5)


def test_details_of_another_school_or_a_forged_id_are_404(coordinator, school):
    assert coordinator.get(f"/consents/people/{school['other_mentee'].id}/details").status_code == 404
    assert coordinator.post(f"/consents/people/{school['other_mentee'].id}/details", data=DETAILS).status_code == 404
    assert coordinator.get("/consents/people/99999999999999999999/details").status_code == 404


def test_participants_cannot_open_the_details(school, auth):
    auth.login("mentee")
    assert auth.client.get(f"/consents/people/{school['mentee'].id}/details").status_code == 403
