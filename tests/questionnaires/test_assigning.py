"""Assigning to a person, a selection, a category, a class; who has not filled in; reminders."""
from __future__ import annotations

from webapp.models import Assignment
from webapp.questionnaires import assigning, responses
from tests.conftest import text
from tests.factories import make_user
from tests.questionnaires.conftest import question, questionnaire


def test_default_audience_and_status_list(installed):
    profile = questionnaire(installed["org"], "mentor_profile")
    rows = {r.user.login: r.status for r in assigning.status_list(profile)}
    assert rows == {"mentor": "not_started", "both": "not_started"}
    response = responses.start(installed["mentor"], profile)
    assert {r.user.login: r.status for r in assigning.status_list(profile)}["mentor"] == "draft"
    responses.save_answer(response, question(response.version, "about"), "x")
    assert [r.user.login for r in assigning.status_list(profile, only="not_started")] == ["both"]


def test_assign_to_a_class_and_a_category(installed, as_coordinator):
    org = installed["org"]
    make_user(org, "petya", ["mentee"], full_name="Петров Петя", category="student", class_name="7Б")
    make_user(org, "vasya", ["mentee"], full_name="Васин Вася", category="student", class_name="8А")
    entry = questionnaire(org, "monitoring_entry_mentee")
    assert assigning.status_list(entry) == []
    reply = as_coordinator.post(f"/questionnaires/{entry.id}/assign", data={"mode": "class", "class_name": "7Б"})
    assert reply.status_code == 303
    assert {r.user.login for r in assigning.status_list(entry)} == {"mentee", "petya"}
    reply = as_coordinator.post(f"/questionnaires/{entry.id}/assign", data={"mode": "category", "category": "student"},
                                follow_redirects=True)
    page = text(reply)
    assert "новых назначений — 1" in page and "Васин Вася" in page
    assert {r.user.login for r in assigning.status_list(entry)} == {"mentee", "petya", "vasya"}
    # category "teacher" holds people without the mentee role: they are refused, not assigned
    reply = as_coordinator.post(f"/questionnaires/{entry.id}/assign", data={"mode": "category", "category": "teacher"},
                                follow_redirects=True)
    assert "без роли «наставляемый»" in text(reply)
    assert "both" in {r.user.login for r in assigning.status_list(entry)}  # «both» is a teacher mentee
    assert "kurator" not in {r.user.login for r in assigning.status_list(entry)}
    page = text(as_coordinator.get(f"/questionnaires/{entry.id}?status=not_started"))
    assert "Петров Петя" in page and "не начата" in page


def test_assign_a_selection_and_bad_input(installed, as_coordinator):
    exit_q = questionnaire(installed["org"], "monitoring_exit_mentor")
    mentor = installed["mentor"]
    url = f"/questionnaires/{exit_q.id}/assign"
    assert as_coordinator.post(url, data={"mode": "users", "user_ids": [str(mentor.id)]}).status_code == 303
    assert as_coordinator.post(url, data={"mode": "users", "user_ids": [str(mentor.id)]}).status_code == 303
    assert Assignment.select().where(Assignment.questionnaire == exit_q).count() == 1
    for data, message in (({"mode": "users"}, "Отметьте хотя бы одного"),
                          ({"mode": "users", "user_ids": ["abc"]}, "передан неверно"),
                          ({"mode": "users", "user_ids": [str(installed["other_mentee"].id)]}, "нет в вашей организации"),
                          ({"mode": "category", "category": "alien"}, "Выберите категорию"),
                          ({"mode": "class", "class_name": "99Я"}, "Выберите класс"),
                          ({"mode": "users", "user_ids": [str(mentor.id)], "due_on": "завтра"}, "Срок укажите датой"),
                          ({"mode": "everyone"}, "Неизвестный способ"),
                          ({"mode": "users", "user_ids": ["99999999999999999999"]}, "передан неверно"),
                          ({"mode": "users", "user_ids": [str(mentor.id), "-1"]}, "передан неверно"),
                          ({"mode": "category", "category": ""}, "Выберите категорию"),
                          ({"mode": "class", "class_name": "7" * 5000}, "Выберите класс"),
                          ({"mode": "users", "user_ids": [str(mentor.id)], "due_on": "2999-01-01"},
                           "Дата должна быть не раньше 01.01.2000"),
                          ({"mode": "x" * 5000}, "Неизвестный способ")):
        reply = as_coordinator.post(url, data=data)
        assert reply.status_code == 400 and message in text(reply), data
    assert Assignment.select().where(Assignment.questionnaire == exit_q).count() == 1
    other = questionnaire(installed["other_org"], "monitoring_exit_mentor")
    assert as_coordinator.post(f"/questionnaires/{other.id}/assign",
                               data={"mode": "users", "user_ids": [str(mentor.id)]}).status_code == 404


def test_assigned_questionnaire_shows_up_and_reminds(installed, auth):
    exit_q = questionnaire(installed["org"], "monitoring_exit_mentee")
    assigning.assign(exit_q, [installed["mentee"]], installed["kurator"])
    auth.login("mentee")
    page = text(auth.client.get("/questionnaires/mine"))
    assert "Итоговый мониторинг" in page
    dashboard = text(auth.client.get("/dashboard"))
    assert "Заполните анкету «Итоговый мониторинг: анкета наставляемого»" in dashboard
    assert "Заполните анкету «Анкета наставляемого: ваш запрос»" in dashboard
    reply = auth.client.post(f"/questionnaires/{exit_q.id}/start")
    assert reply.status_code == 303
    dashboard = text(auth.client.get("/dashboard"))
    assert "Допишите и отправьте анкету «Итоговый мониторинг" in dashboard
    # not assigned to the mentor
    auth.logout()
    auth.login("mentor")
    assert auth.client.post(f"/questionnaires/{exit_q.id}/start").status_code == 404
    assert "Итоговый мониторинг" not in text(auth.client.get("/dashboard"))
