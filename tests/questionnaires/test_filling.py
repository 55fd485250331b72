"""Filling in: autosave, reload, submit and lock, reopen, plain forms, bad input, isolation."""
from __future__ import annotations

import re

import pytest

from webapp.models import Answer, AuditEvent, Response
from webapp.questionnaires import responses
from tests.conftest import text
from tests.questionnaires.conftest import question, questionnaire

HX = {"HX-Request": "true"}


def switch(auth, login):
    auth.logout()
    auth.login(login)


def start(client, q) -> int:
    response = client.post(f"/questionnaires/{q.id}/start")
    assert response.status_code == 303
    return int(re.search(r"/responses/(\d+)", response.location).group(1))


@pytest.fixture
def mentee(installed, auth):
    switch(auth, "mentee")
    q = questionnaire(installed["org"], "mentee_request")
    rid = start(auth.client, q)
    return auth.client, Response.get_by_id(rid), q.published_version()


def autosave(client, response, q, data):
    return client.post(f"/questionnaires/responses/{response.id}/answers/{q.id}", data=data, headers=HX)


def fill_required(client, response, version):
    answers = {"requests_student": {"low_results": "1", "individual_trajectory": "2"},
               "goals": "Сдать ОГЭ", "format": "remote", "availability": ["tue_evening"], "about": "Трудно с алгеброй."}
    for key, value in answers.items():
        q = question(version, key)
        if isinstance(value, dict):
            data = {f"q{q.id}_r_{k}": v for k, v in value.items()}
        else:
            data = {f"q{q.id}": value}
        assert "error" not in text(autosave(client, response, q, data))


def test_mine_lists_the_default_questionnaire(installed, auth):
    switch(auth, "mentee")
    page = text(auth.client.get("/questionnaires/mine"))
    assert "Анкета наставляемого" in page and "Анкета наставника" not in page
    switch(auth, "both")
    page = text(auth.client.get("/questionnaires/mine"))
    assert "Анкета наставляемого" in page and "Анкета наставника" in page


def test_start_twice_gives_the_same_draft(mentee, installed):
    client, response, version = mentee
    assert start(client, version.questionnaire) == response.id


def test_questions_are_filtered_by_category(mentee):
    client, response, version = mentee
    page = text(client.get(f"/questionnaires/responses/{response.id}"))
    assert "С чем вам нужна помощь?" in page  # student's list
    assert "С какими задачами вам нужна помощь?" not in page  # teacher's list
    assert "Сколько лет вы работаете в школе?" not in page


def test_autosave_then_reload_keeps_the_draft(mentee):
    client, response, version = mentee
    goals = question(version, "goals")
    fragment = text(autosave(client, response, goals, {f"q{goals.id}": "Сдать ОГЭ на пять"}))
    assert "Сохранено" in fragment and "<html" not in fragment
    ranked = question(version, "requests_student")
    autosave(client, response, ranked, {f"q{ranked.id}_r_low_results": "2", f"q{ranked.id}_r_gifted_children": "1"})
    page = text(client.get(f"/questionnaires/responses/{response.id}"))
    assert "Сдать ОГЭ на пять" in page
    assert responses.stored_answers(response)[ranked.id] == ["gifted_children", "low_results"]


def test_invalid_autosave_keeps_what_was_saved(mentee):
    client, response, version = mentee
    about = question(version, "about")
    autosave(client, response, about, {f"q{about.id}": "Первый вариант"})
    reply = autosave(client, response, about, {f"q{about.id}": "я" * 2001})
    assert reply.status_code == 200
    # only the status line comes back: what is typed stays in the browser's field, untouched
    assert "длиннее 2000" in text(reply) and "я" * 20 not in text(reply) and "<textarea" not in text(reply)
    assert responses.stored_answers(response)[about.id] == "Первый вариант"
    fmt = question(version, "format")
    assert "Такого варианта" in text(autosave(client, response, fmt, {f"q{fmt.id}": "teleport"}))


def test_submit_requires_answers_then_locks(mentee):
    client, response, version = mentee
    reply = client.post(f"/questionnaires/responses/{response.id}", data={"action": "submit"})
    assert reply.status_code == 303 and reply.location.endswith("#error-summary")  # post/redirect/get
    page = text(client.get(reply.location))
    assert "Исправьте ошибки" in page and "Анкета не отправлена" in page
    assert "Остальные ответы сохранены" not in page  # nothing was saved, so the banner does not say so
    assert "Напишите ответ: без него анкету не отправить." in page
    assert "Поставьте приоритет хотя бы одному варианту" in page
    fill_required(client, response, version)
    reply = client.post(f"/questionnaires/responses/{response.id}", data={
        "action": "submit", **{f"q{question(version, 'requests_student').id}_r_low_results": "1",
                               f"q{question(version, 'requests_student').id}_r_individual_trajectory": "2",
                               f"q{question(version, 'goals').id}": "Сдать ОГЭ",
                               f"q{question(version, 'format').id}": "remote",
                               f"q{question(version, 'availability').id}": "tue_evening",
                               f"q{question(version, 'about').id}": "Трудно с алгеброй."}})
    assert reply.status_code == 303
    assert Response.get_by_id(response.id).status == "submitted"
    page = text(client.get(f"/questionnaires/responses/{response.id}"))
    assert "Анкета отправлена" in page and "Отправить анкету" not in page and "hx-post" not in page
    assert "Низкие образовательные результаты" in page  # shown by label, with its priority
    goals = question(version, "goals")
    locked = autosave(client, response, goals, {f"q{goals.id}": "Другое"})
    assert "закрыта для изменений" in text(locked)
    refused = client.post(f"/questionnaires/responses/{response.id}", data={"action": "save", f"q{goals.id}": "Х"},
                          follow_redirects=True)
    assert "закрыта для изменений" in text(refused)
    assert responses.stored_answers(response)[goals.id] == "Сдать ОГЭ"


def test_coordinator_reopens_with_an_audit_record(mentee, installed, auth):
    client, response, version = mentee
    fill_required(client, response, version)
    assert responses.submit(response) == []
    switch(auth, "mentee")
    assert client.post(f"/questionnaires/responses/{response.id}/reopen").status_code == 403
    switch(auth, "kurator")
    page = text(client.get(f"/questionnaires/responses/{response.id}"))
    assert "Трудно с алгеброй." in page and "Открыть анкету для изменений" in page
    assert client.post(f"/questionnaires/responses/{response.id}/reopen").status_code == 303
    assert Response.get_by_id(response.id).status == "draft"
    assert AuditEvent.select().where(AuditEvent.action == "questionnaire_reopened").count() == 1
    switch(auth, "mentee")
    goals = question(version, "goals")
    assert "Сохранено" in text(autosave(client, response, goals, {f"q{goals.id}": "Новая цель"}))


def test_plain_save_without_javascript(mentee):
    client, response, version = mentee
    goals, about, fmt = question(version, "goals"), question(version, "about"), question(version, "format")
    reply = client.post(f"/questionnaires/responses/{response.id}",
                        data={"action": "save", f"q{goals.id}": "Цель", f"q{fmt.id}": "both"})
    assert reply.status_code == 303 and reply.location.endswith(f"/questionnaires/responses/{response.id}")
    stored = responses.stored_answers(response)
    assert stored[goals.id] == "Цель" and stored[fmt.id] == "both"
    reply = client.post(f"/questionnaires/responses/{response.id}",
                        data={"action": "save", f"q{goals.id}": "Цель 2", f"q{about.id}": "я" * 3000, f"q{fmt.id}": "both"})
    assert reply.status_code == 303
    page = text(client.get(reply.location))
    assert "длиннее 2000" in page and "я" * 3000 in page  # the refused text is kept in the draft, shown again
    assert "Остальные ответы сохранены" in page and 'href="#question-%d"' % about.id in page
    stored = responses.stored_answers(response)
    assert stored[goals.id] == "Цель 2" and about.id not in stored
    # a plain POST to the autosave URL redirects like the Save button
    reply = client.post(f"/questionnaires/responses/{response.id}/answers/{goals.id}", data={f"q{goals.id}": "Цель 3"})
    assert reply.status_code == 303


def test_html_in_answers_is_shown_as_text(mentee):
    client, response, version = mentee
    about = question(version, "about")
    payload = '<script>alert("x")</script><b>жирный</b>'
    autosave(client, response, about, {f"q{about.id}": payload})
    page = text(client.get(f"/questionnaires/responses/{response.id}"))
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert Answer.get(Answer.question == about.id).value == payload


def test_forged_and_foreign_ids_are_404(mentee, installed, auth):
    client, response, version = mentee
    goals = question(version, "goals")
    assert autosave(client, response, goals, {}).status_code == 200
    assert client.post(f"/questionnaires/responses/{response.id}/answers/999999", data={}, headers=HX).status_code == 404
    teacher_only = question(version, "experience_years")  # not asked of a student
    assert autosave(client, response, teacher_only, {f"q{teacher_only.id}": "3"}).status_code == 404
    mentor_q = question(questionnaire(installed["org"], "mentor_profile").published_version(), "about")
    assert autosave(client, response, mentor_q, {f"q{mentor_q.id}": "x"}).status_code == 404
    assert client.get("/questionnaires/responses/999999").status_code == 404
    foreign_org = questionnaire(installed["other_org"], "mentee_request")
    assert client.post(f"/questionnaires/{foreign_org.id}/start").status_code == 404
    mentor_profile = questionnaire(installed["org"], "mentor_profile")
    assert client.post(f"/questionnaires/{mentor_profile.id}/start").status_code == 404  # not a mentor


def test_nobody_sees_another_persons_answers(mentee, installed, auth):
    client, response, version = mentee
    about = question(version, "about")
    autosave(client, response, about, {f"q{about.id}": "Секретный текст"})
    for login in ("both", "mentor", "other.mentee"):
        switch(auth, login)
        assert client.get(f"/questionnaires/responses/{response.id}").status_code == 404
        assert autosave(client, response, about, {f"q{about.id}": "взлом"}).status_code in (403, 404)
        assert client.post(f"/questionnaires/responses/{response.id}", data={"action": "submit"}).status_code in (403, 404)
    switch(auth, "other.kurator")
    assert client.get(f"/questionnaires/responses/{response.id}").status_code == 404
    assert client.post(f"/questionnaires/responses/{response.id}/reopen").status_code == 404
    assert responses.stored_answers(response)[about.id] == "Секретный текст"


def test_autosave_markup_and_csrf(installed, make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        client = app.test_client()
        page = text(client.get("/login"))
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        client.post("/login", data={"login": "mentee", "password": "correct-horse-1", "csrf_token": token})
        q = questionnaire(installed["org"], "mentee_request")
        assert client.post(f"/questionnaires/{q.id}/start").status_code == 400  # no token
        reply = client.post(f"/questionnaires/{q.id}/start", data={"csrf_token": token})
        page = text(client.get(reply.location))
        assert "data-autosave=" in page and "js/autosave.js" in page and "X-CSRFToken" in page
