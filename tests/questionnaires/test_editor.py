"""The coordinator's editor: versions, questions, publishing; old responses stay readable."""
from __future__ import annotations

import re

import pytest

from webapp.models import QuestionnaireVersion, Response
from webapp.questionnaires import responses
from webapp.questionnaires.editor import specs_of
from tests.conftest import text
from tests.questionnaires.conftest import question, questionnaire

GOOD = {"text": "Любимая форма работы?", "qtype": "single", "options": "games | Игры\nprojects | Проекты", "required": "on"}


@pytest.fixture
def draft(installed, as_coordinator):
    q = questionnaire(installed["org"], "mentee_request")
    reply = as_coordinator.post(f"/questionnaires/{q.id}/drafts")
    assert reply.status_code == 303
    version_id = int(re.search(r"/versions/(\d+)", reply.location).group(1))
    return as_coordinator, QuestionnaireVersion.get_by_id(version_id), q


def test_list_and_detail_pages(installed, as_coordinator):
    page = text(as_coordinator.get("/questionnaires"))
    assert "Анкета наставника" in page and "Итоговый мониторинг: анкета наставляемого" in page
    q = questionnaire(installed["org"], "mentor_profile")
    page = text(as_coordinator.get(f"/questionnaires/{q.id}"))
    assert "Версия 1" in page and "Наставникова Анна Сергеевна" in page
    preview = text(as_coordinator.get(f"/questionnaires/versions/{q.published_version().id}/preview?category=student"))
    assert "С какими трудностями обучающихся" in preview and "С какими задачами педагогов" not in preview
    assert "hx-post" not in preview


def test_new_draft_is_a_copy(draft):
    client, version, q = draft
    published = q.published_version()
    assert version.number == 2 and version.status == "draft"
    assert [x.key for x in version.ordered_questions()] == [x.key for x in published.ordered_questions()]
    assert specs_of(version) == specs_of(published)  # every field and option, in order
    assert question(version, "requests_student").id != question(published, "requests_student").id
    again = client.post(f"/questionnaires/{q.id}/drafts")
    assert f"/versions/{version.id}" in again.location  # one draft at a time


def test_add_edit_move_delete_publish(draft):
    client, version, q = draft
    count = version.questions.count()
    assert client.post(f"/questionnaires/versions/{version.id}/questions", data=GOOD).status_code == 303
    added = list(version.ordered_questions())[-1]
    assert added.text == GOOD["text"] and [o.label for o in added.ordered_options()] == ["Игры", "Проекты"]
    assert added.key and version.questions.count() == count + 1
    reply = client.post(f"/questionnaires/questions/{added.id}/edit",
                        data={**GOOD, "text": "Какая форма работы вам ближе?", "options": "projects | Проекты\ngames | Игры\nclub | Клуб"})
    assert reply.status_code == 303
    edited = list(version.ordered_questions())[-1]
    assert edited.text == "Какая форма работы вам ближе?"
    assert [o.value for o in edited.ordered_options()] == ["projects", "games", "club"]
    before = [x.id for x in version.ordered_questions()]
    client.post(f"/questionnaires/questions/{edited.id}/move", data={"direction": "up"})
    after = [x.id for x in version.ordered_questions()]
    assert after[-2] == edited.id and after[-1] == before[-2]
    first = after[0]
    client.post(f"/questionnaires/questions/{first}/move", data={"direction": "up"})  # already first: nothing moves
    assert [x.id for x in version.ordered_questions()][0] == first
    assert client.post(f"/questionnaires/questions/{edited.id}/delete", data={"confirmed": "1"}).status_code == 303
    assert version.questions.count() == count
    old = q.published_version()
    assert client.post(f"/questionnaires/versions/{version.id}/publish").status_code == 303
    assert QuestionnaireVersion.get_by_id(old.id).status == "archived"
    assert q.published_version().id == version.id
    assert client.post(f"/questionnaires/versions/{version.id}/questions", data=GOOD).status_code == 409
    assert client.post(f"/questionnaires/questions/{first}/delete", data={"confirmed": "1"}).status_code == 409


@pytest.mark.parametrize("data, field_message", [
    ({**GOOD, "text": "  "}, "Введите текст вопроса"),
    ({**GOOD, "text": "я" * 1001}, "длиннее 1000"),
    ({**GOOD, "qtype": "slider"}, "Выберите тип вопроса"),
    ({**GOOD, "qtype": "number", "min_value": "10", "max_value": "1"}, "Максимум меньше минимума"),
    ({**GOOD, "qtype": "number", "min_value": "десять"}, "Введите число"),
    ({**GOOD, "qtype": "scale", "max_value": "20"}, "Шкала — от 1 до 10"),
    ({**GOOD, "qtype": "short_text", "max_length": "2.5"}, "Введите целое число"),
    ({**GOOD, "options": ""}, "Добавьте хотя бы один вариант"),
    ({**GOOD, "options": "a | А\na | Б"}, "уже есть"),
    ({**GOOD, "options": "x" * 70}, "значение длиннее 64"),
    ({**GOOD, "key": "Ключ!"}, "латинские строчные"),
    ({**GOOD, "key": "goals"}, "уже есть в этой версии"),
    ({**GOOD, "categories": "pirate"}, "Неизвестная категория"),
    ({**GOOD, "forms": "pirate_ship"}, "Неизвестная форма"),
    ({**GOOD, "feature": "salary"}, "Неизвестный признак"),
])
def test_editor_bad_input(draft, data, field_message):
    client, version, q = draft
    count = version.questions.count()
    reply = client.post(f"/questionnaires/versions/{version.id}/questions", data=data)
    assert reply.status_code == 400
    page = text(reply)
    assert field_message in page and "Вопрос не сохранён" in page
    if data["text"].strip() and len(data["text"]) < 1000:
        assert data["text"] in page  # what was typed is kept
    assert version.questions.count() == count


def test_editing_keeps_old_responses_readable(draft, installed, auth):
    client, version, q = draft
    old_version = q.published_version()
    mentee = installed["mentee"]
    response = responses.start(mentee, q)
    goals_old = question(old_version, "goals")
    fmt_old = question(old_version, "format")
    responses.save_answer(response, goals_old, "Закончить год без троек")
    responses.save_answer(response, fmt_old, "remote")
    # the coordinator rewrites the questions and the option labels, deletes one, publishes
    goals_new = question(version, "goals")
    client.post(f"/questionnaires/questions/{goals_new.id}/edit", data={"text": "Совсем другой вопрос", "qtype": "short_text"})
    fmt_new = question(version, "format")
    client.post(f"/questionnaires/questions/{fmt_new.id}/edit",
                data={"text": "Формат", "qtype": "single", "options": "remote | Только онлайн"})
    client.post(f"/questionnaires/questions/{question(version, 'about').id}/delete", data={"confirmed": "1"})
    client.post(f"/questionnaires/versions/{version.id}/publish")
    assert Response.get_by_id(response.id).version_id == old_version.id
    page = text(client.get(f"/questionnaires/responses/{response.id}"))
    assert "Чего вы хотите добиться за время работы с наставником?" in page
    assert "Закончить год без троек" in page and "Дистанционно" in page
    assert "Совсем другой вопрос" not in page and "Только онлайн" not in page
    # a new person starts on the new version
    other = responses.start(installed["both"], q)
    assert other.version_id == version.id


def test_editor_isolation(installed, auth):
    other_q = questionnaire(installed["other_org"], "mentor_profile")
    other_v = other_q.published_version()
    other_question = question(other_v, "about")
    auth.login("kurator")
    client = auth.client
    assert client.get(f"/questionnaires/{other_q.id}").status_code == 404
    assert client.post(f"/questionnaires/{other_q.id}/drafts").status_code == 404
    assert client.get(f"/questionnaires/versions/{other_v.id}").status_code == 404
    assert client.get(f"/questionnaires/versions/{other_v.id}/preview").status_code == 404
    assert client.post(f"/questionnaires/versions/{other_v.id}/questions", data=GOOD).status_code == 404
    assert client.post(f"/questionnaires/questions/{other_question.id}/delete").status_code == 404
    assert client.post(f"/questionnaires/versions/{other_v.id}/publish").status_code == 404
    assert client.post("/questionnaires/versions/999999/publish").status_code == 404
    auth.logout()
    auth.login("mentor")
    assert client.get("/questionnaires").status_code == 403
    assert client.post(f"/questionnaires/{other_q.id}/drafts").status_code == 403
