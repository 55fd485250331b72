"""A submitted profile or request has its text encoded for matching in the background, so the
school's first matching run does not encode every questionnaire at once."""
from __future__ import annotations

import sqlite3

import pytest

from tests.questionnaires.conftest import question, questionnaire
from tests.questionnaires.test_filling import fill_required, start, switch
from webapp.models import BackgroundTask, Response, User
from webapp.pairing import text_vectors
from webapp.tasks.queue import run_claimed


def _tasks():
    return list(BackgroundTask.select().where(BackgroundTask.kind == text_vectors.KIND_NAME))


def _submitted_request(auth, installed):
    switch(auth, "mentee")
    q = questionnaire(installed["org"], "mentee_request")
    response = Response.get_by_id(start(auth.client, q))
    version = q.published_version()
    fill_required(auth.client, response, version)
    assert _tasks() == []  # drafts are not encoded: the text may still change
    requests = question(version, "requests_student").id
    reply = auth.client.post(f"/questionnaires/responses/{response.id}", data={
        "action": "submit", f"q{requests}_r_low_results": "1", f"q{requests}_r_individual_trajectory": "2",
        f"q{question(version, 'goals').id}": "Сдать ОГЭ", f"q{question(version, 'format').id}": "remote",
        f"q{question(version, 'availability').id}": "tue_evening",
        f"q{question(version, 'about').id}": "Трудно с алгеброй."})
    assert reply.status_code == 303 and Response.get_by_id(response.id).status == "submitted"
    return response


def test_a_submitted_request_is_encoded_into_the_vector_store(app, installed, auth, own_vector_store):
    response = _submitted_request(auth, installed)
    [task] = _tasks()
    assert (task.target_id, task.params, task.status) == (response.user_id, {"purpose": "mentee_request"}, "queued")
    with app.app_context():
        run_claimed(task.id, task.attempt)
        text = text_vectors.matching_text(User.get_by_id(response.user_id), "mentee_request")
    assert BackgroundTask.get_by_id(task.id).status == "done"
    assert text == "Трудно с алгеброй. Сдать ОГЭ"  # about + goals, as a matching run builds it
    from matching.sentence_encoder import SentenceEncoder, load_sentence_encoder
    if load_sentence_encoder() is None:
        pytest.skip("the sentence encoder does not load on this platform: the task finished without it")
    with sqlite3.connect(app.config["SENTENCE_VECTOR_STORE"]) as db:
        assert db.execute("SELECT COUNT(*) FROM sentence_vector").fetchone() == (1,)
    from matching.sentence_encoder import _store
    assert _store is not None and _store.path == app.config["SENTENCE_VECTOR_STORE"]
    assert list(_store.get([SentenceEncoder._key(text)], 384)) == [SentenceEncoder._key(text)]


def test_nothing_is_queued_without_a_vector_store(make_app, installed):
    app = make_app(SENTENCE_VECTOR_STORE="")
    from tests.conftest import Auth
    auth = Auth(app.test_client())
    _submitted_request(auth, installed)
    assert _tasks() == []


def test_a_person_deleted_before_the_worker_came_is_skipped(app, installed, auth):
    response = _submitted_request(auth, installed)
    [task] = _tasks()
    with app.app_context():
        User.delete().where(User.id == response.user_id).execute()
        run_claimed(task.id, task.attempt)
    assert BackgroundTask.get_by_id(task.id).status == "done"


def test_other_questionnaires_are_not_encoded(app, installed):
    with app.app_context():
        monitoring = questionnaire(installed["org"], "mentee_request")
        monitoring.purpose = "monitoring_entry"
        response = Response(version=monitoring.published_version(), organisation=installed["org"])
        response.version.questionnaire = monitoring
        text_vectors.queue_for(response)
    assert _tasks() == []


def test_the_task_has_a_name_on_its_page():
    from webapp.tasks.wording import TASK_KIND_LABELS
    assert str(TASK_KIND_LABELS[text_vectors.KIND_NAME]) == "Подготовка текста анкеты к подбору пар"
