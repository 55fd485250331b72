"""Consents: marking signed forms received, revoking (by the coordinator or the person), in_bank,
bank_members, the person's own page and the personal-data JSON."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from tests.banks import builders
from tests.conftest import text
from webapp.consents import services
from webapp.models import AuditEvent, Consent

TODAY = dt.date.today().isoformat()


def _receive(client, user, **data):
    payload = {"kinds": ["personal_data", "participation"], "signed_on": TODAY, "given_by": "self"}
    payload.update(data)
    return client.post(f"/consents/people/{user.id}/receive", data=payload)


# --- service functions other areas use -------------------------------------
def test_in_bank_and_bank_members(school):
    org, mentor, mentee = school["org"], school["mentor"], school["mentee"]
    assert not services.in_bank(mentor)
    builders.consent(mentor, kinds=["personal_data"])
    assert not services.in_bank(mentor) and services.state_of(mentor).status == services.PARTIAL
    builders.consent(mentor, kinds=["participation"])
    assert services.in_bank(mentor) and services.in_bank(mentor, "mentor") and not services.in_bank(mentor, "mentee")
    assert [u.login for u in services.bank_members(org, "mentor")] == ["mentor"]
    assert list(services.bank_members(org, "mentee")) == []
    builders.consent(mentee, representative="Ученикова Мария Петровна")
    assert [u.login for u in services.bank_members(org, "mentee")] == ["mentee"]
    services.revoke(mentee, actor=school["kurator"], reason="переезд")
    assert not services.in_bank(mentee)
    assert list(services.bank_members(org, "mentee")) == []
    assert services.state_of(mentee).status == services.REVOKED
    mentor.is_active = False
    mentor.save()
    assert not services.in_bank(mentor) and list(services.bank_members(org, "mentor")) == []


def test_bank_members_never_cross_organisations(school):
    builders.consent(school["other_mentee"], representative="Чужая Мама")
    assert list(services.bank_members(school["org"], "mentee")) == []
    assert [u.login for u in services.bank_members(school["other_org"], "mentee")] == ["other.mentee"]


def test_a_new_consent_after_revocation_brings_the_person_back(school):
    mentor = school["mentor"]
    builders.consent(mentor)
    services.revoke(mentor, actor=mentor)
    assert services.state_of(mentor).status == services.REVOKED
    builders.consent(mentor)
    assert services.in_bank(mentor) and services.state_of(mentor).status == services.COMPLETE


# --- marking received ------------------------------------------------------
def test_coordinator_marks_an_adults_consents_received(as_coordinator, school):
    response = _receive(as_coordinator, school["mentor"])
    assert response.status_code == 303
    page = text(as_coordinator.get(response.location))
    assert "Согласия отмечены как полученные." in page and "Согласия: получены" in page
    assert services.in_bank(school["mentor"])
    consent = Consent.get(Consent.user == school["mentor"], Consent.kind == "personal_data")
    assert consent.recorded_by_id == school["kurator"].id and consent.signed_on == dt.date.today()
    assert AuditEvent.get(AuditEvent.action == "consent_received").target == "mentor"


def test_minor_needs_a_representative(as_coordinator, school):
    response = _receive(as_coordinator, school["mentee"])
    assert response.status_code == 400
    body = text(response)
    assert "За несовершеннолетнего обучающегося согласие даёт законный представитель." in body
    response = _receive(as_coordinator, school["mentee"], given_by="representative", representative_name="  ",
                        representative_relation="мать")
    assert "Укажите ФИО законного представителя." in text(response)
    assert Consent.select().count() == 0
    response = _receive(as_coordinator, school["mentee"], given_by="representative",
                        representative_name="Ученикова Мария Петровна", representative_relation="мать",
                        signed_on="01.09.2025")
    assert response.status_code == 303
    consent = Consent.get(Consent.user == school["mentee"], Consent.kind == "participation")
    assert consent.representative_name == "Ученикова Мария Петровна" and consent.signed_on == dt.date(2025, 9, 1)


@pytest.mark.parametrize("data,message", [
    ({"signed_on": (dt.date.today() + dt.timedelta(days=1)).isoformat()}, "Дата подписания не может быть в будущем."),
    ({"signed_on": "завтра"}, "Укажите дату подписания в формате ДД.ММ.ГГГГ."),
    ({"signed_on": ""}, "Укажите дату подписания в формате ДД.ММ.ГГГГ."),
    ({"signed_on": "1899-01-01"}, "Дата подписания слишком давняя."),
    ({"kinds": []}, "Выберите, какое согласие получено."),
    ({"kinds": ["everything"]}, "Выберите значение из списка."),
    ({"given_by": "neighbour"}, "Выберите значение из списка."),
    ({"given_by": "representative", "representative_name": "Я" * 201, "representative_relation": "мать"},
     "ФИО представителя — не длиннее 200 символов."),
    ({"given_by": "representative", "representative_name": "Иванова Анна", "representative_relation": "м" * 101},
     "Степень родства — не длиннее 100 символов."),
    ({"given_by": "representative", "representative_name": "Иванова Анна", "representative_relation": ""},
     "Укажите, кем представитель приходится участнику"),
])
def test_bad_receipts_are_refused_clearly_and_save_nothing(as_coordinator, school, data, message):
    response = _receive(as_coordinator, school["mentor"], **data)
    assert response.status_code == 400
    body = text(response)
    assert message in body
    assert Consent.select().count() == 0


def test_receiving_twice_is_refused_and_keeps_the_first(as_coordinator, school):
    _receive(as_coordinator, school["mentor"], signed_on="2025-09-01")
    response = _receive(as_coordinator, school["mentor"])
    assert response.status_code == 400 and "уже отмечено как полученное" in text(response)
    assert [c.signed_on for c in Consent.select()] == [dt.date(2025, 9, 1)] * 2


def test_html_in_representative_fields_is_shown_as_text(as_coordinator, school):
    _receive(as_coordinator, school["mentee"], given_by="representative",
             representative_name="<b>Мама</b><script>x()</script>", representative_relation="<i>мать</i>")
    page = text(as_coordinator.get(f"/banks/people/{school['mentee'].id}"))
    assert "&lt;b&gt;Мама&lt;/b&gt;&lt;script&gt;" in page and "<script>x()" not in page


def test_htmx_receive_returns_the_card_fragment(as_coordinator, school):
    response = as_coordinator.post(f"/consents/people/{school['mentor'].id}/receive",
                                   data={"kinds": ["personal_data"], "signed_on": TODAY, "given_by": "self"},
                                   headers={"HX-Request": "true"})
    body = text(response)
    assert response.status_code == 200 and response.headers["HX-Trigger"] == "consentsChanged"
    assert body.lstrip().startswith('<section class="card" id="consents-card">') and "Согласия: неполные" in body
    bad = as_coordinator.post(f"/consents/people/{school['mentor'].id}/receive",
                              data={"kinds": ["participation"], "signed_on": "2999-01-01", "given_by": "self"},
                              headers={"HX-Request": "true"})
    assert bad.status_code == 200 and "не может быть в будущем" in text(bad)


@pytest.mark.parametrize("target", ["other_mentee", "forged"])
def test_receive_for_another_organisation_or_forged_id_is_404(as_coordinator, school, target):
    user_id = school["other_mentee"].id if target == "other_mentee" else 987654
    response = as_coordinator.post(f"/consents/people/{user_id}/receive",
                                   data={"kinds": ["personal_data"], "signed_on": TODAY, "given_by": "self"})
    assert response.status_code == 404 and Consent.select().count() == 0


# --- revoking --------------------------------------------------------------
def test_coordinator_revokes_on_the_persons_behalf(as_coordinator, school):
    mentee = school["mentee"]
    builders.consent(mentee, representative="Ученикова Мария Петровна")
    assert "Учеников" in text(as_coordinator.get("/banks/mentees"))
    response = as_coordinator.post(f"/consents/people/{mentee.id}/revoke", data={"reason": "<b>семья против</b>", "confirmed": "1"})
    assert response.status_code == 303
    assert "Учеников" not in text(as_coordinator.get("/banks/mentees")).split('id="bank-table"')[1]
    event = AuditEvent.get(AuditEvent.action == "consent_revoked")
    assert event.target == "mentee" and "куратором" in event.details and "семья против" in event.details
    page = text(as_coordinator.get(f"/banks/people/{mentee.id}"))
    assert "Ответы скрыты: согласие отозвано." in page and "&lt;b&gt;семья против&lt;/b&gt;" in page
    again = as_coordinator.post(f"/consents/people/{mentee.id}/revoke", data={"confirmed": "1"})
    assert again.status_code == 400 and "отзывать нечего" in text(again)


def test_revoke_reason_too_long(as_coordinator, school):
    builders.consent(school["mentor"])
    response = as_coordinator.post(f"/consents/people/{school['mentor'].id}/revoke", data={"reason": "x" * 1001, "confirmed": "1"})
    assert response.status_code == 400 and "не длиннее 1000 символов" in text(response)
    assert services.in_bank(school["mentor"])


def test_person_revokes_from_their_own_page(client, auth, school):
    mentor = school["mentor"]
    builders.consent(mentor)
    auth.login("mentor")
    page = text(client.get("/consents/mine"))
    assert "Мои согласия и данные" in page and "вы в банке" in page and "Отозвать мои согласия" in page
    response = client.post("/consents/mine/revoke", data={"reason": "", "confirmed": "1"})
    assert response.status_code == 303
    page = text(client.get(response.location))
    assert "Ваши согласия отозваны" in page and "вы не в банке" in page
    assert not services.in_bank(mentor)
    event = AuditEvent.get(AuditEvent.action == "consent_revoked")
    assert event.actor_id == mentor.id and "самим участником" in event.details


def test_revoking_with_nothing_to_revoke_is_explained(client, auth, school):
    auth.login("mentee")
    response = client.post("/consents/mine/revoke", data={"confirmed": "1"})
    assert response.status_code == 400 and "отзывать нечего" in text(response)


def test_revoke_needs_csrf(make_app, school):
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    builders.consent(school["mentor"])
    token = re.search(r'name="csrf_token" value="([^"]+)"', text(client.get("/login"))).group(1)
    client.post("/login", data={"login": "mentor", "password": "correct-horse-1", "csrf_token": token})
    response = client.post("/consents/mine/revoke", data={"confirmed": "1"})
    assert response.status_code == 400
    assert services.in_bank(school["mentor"])


# --- privacy between participants -----------------------------------------
@pytest.mark.parametrize("url", ["/consents/people/{id}/receive", "/consents/people/{id}/revoke"])
def test_participants_cannot_change_others_consents(client, auth, school, url):
    builders.consent(school["mentor"])
    auth.login("mentee")
    response = client.post(url.format(id=school["mentor"].id),
                           data={"kinds": ["personal_data"], "signed_on": TODAY, "given_by": "self"})
    assert response.status_code == 403
    assert services.in_bank(school["mentor"]) and Consent.select().count() == 2


@pytest.mark.parametrize("url", ["/consents/people/{id}/data.json", "/consents/people/{id}/forms.docx",
                                 "/banks/people/{id}"])
def test_participants_never_see_others_consents_or_answers(client, auth, school, url):
    _, version, questions = builders.questionnaire(school["org"])
    builders.respond(school["mentor"], version, questions, {"about": "личное мнение наставника"})
    builders.consent(school["mentor"], kinds=["personal_data"])
    auth.login("mentee")
    response = client.get(url.format(id=school["mentor"].id))
    assert response.status_code == 403
    assert "личное мнение" not in text(response)


def test_own_page_shows_only_own_consents(client, auth, school):
    builders.consent(school["mentor"], representative="Чужой Представитель")
    builders.consent(school["mentee"], representative="Ученикова Мария Петровна")
    auth.login("mentee")
    page = text(client.get("/consents/mine"))
    assert "Ученикова Мария Петровна" in page and "Чужой Представитель" not in page


# --- everything stored about a person ------------------------------------
def test_person_downloads_everything_stored_about_them(client, auth, school):
    mentee = school["mentee"]
    _, version, questions = builders.questionnaire(school["org"], "mentee_request", "mentee", "Анкета наставляемого")
    builders.respond(mentee, version, questions, {"problems": ["low_results", "gifted_children"], "comfort": 3})
    builders.consent(mentee, representative="Ученикова Мария Петровна")
    builders.pair(school["org"], school["mentor"], mentee, form="student_student")
    _, mversion, mquestions = builders.questionnaire(school["org"])
    builders.respond(school["mentor"], mversion, mquestions, {"about": "чужие ответы"})
    auth.login("mentee")
    response = client.get("/consents/mine/data.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.data)
    assert data["account"]["full_name"] == "Учеников Пётр Иванович" and data["account"]["class_name"] == "7Б"
    assert "password_hash" not in json.dumps(data) and "invite_nonce" not in json.dumps(data)
    assert data["roles"] == ["mentee"]
    assert {c["kind"] for c in data["consents"]} == {"personal_data", "participation"}
    assert data["consents"][0]["representative_name"] == "Ученикова Мария Петровна"
    [response_data] = data["questionnaire_responses"]
    answers = {a["question"]: a["answer"] for a in response_data["answers"]}
    assert answers["Что для вас важнее всего?"] == ["Низкие образовательные результаты", "Работа с одарёнными детьми"]
    assert answers["Насколько вам комфортно в роли?"] == "3 из 10"
    assert data["group_memberships"][0]["role"] == "mentee"
    assert "чужие ответы" not in response.get_data(as_text=True)
    assert any(e["action"] == "personal_data_exported" for e in
               json.loads(client.get("/consents/mine/data.json").data)["audit_events"])


def test_coordinator_downloads_a_persons_data(as_coordinator, school):
    builders.consent(school["mentor"])
    response = as_coordinator.get(f"/consents/people/{school['mentor'].id}/data.json")
    data = json.loads(response.data)
    assert data["account"]["login"] == "mentor" and len(data["consents"]) == 2
    assert AuditEvent.get(AuditEvent.action == "personal_data_exported").actor_id == school["kurator"].id


def test_dashboard_reminds_about_missing_consents(client, auth, school):
    auth.login("mentee")
    page = text(client.get("/dashboard"))
    assert "подписанные родителем (законным представителем)" in page
    builders.consent(school["mentee"], representative="Ученикова Мария Петровна")
    assert "законным представителем" not in text(client.get("/dashboard"))
    services.revoke(school["mentee"], actor=school["kurator"])  # the representative's statement, recorded
    assert "Ваши согласия отозваны" in text(client.get("/dashboard"))


def test_revoked_answers_stay_hidden_from_the_coordinator_but_not_from_the_person(client, auth, school):
    mentor = school["mentor"]
    _, version, questions = builders.questionnaire(school["org"])
    builders.respond(mentor, version, questions, {"about": "мой личный рассказ"})
    builders.consent(mentor, revoked=True)
    auth.login("kurator")
    data = json.loads(client.get(f"/consents/people/{mentor.id}/data.json").data)
    assert data["answers_hidden"] is True and data["questionnaire_responses"] == []
    auth.logout()
    auth.login("mentor")
    data = json.loads(client.get("/consents/mine/data.json").data)
    assert data["questionnaire_responses"][0]["answers"][0]["answer"] == "мой личный рассказ"
