"""Bad input on a pair's page and the order form: a Russian message, no 500, nothing saved changed,
and what was typed comes back in the form (htmx fragment or the whole page with 400)."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import text
from tests.documents.helpers import make_pair
from webapp.models import MeetingLog, MentoringGroup, PairingOrder, PlanItem, Programme, StageChange

HTMX = {"HX-Request": "true"}
START = dt.date(2026, 9, 15)


@pytest.fixture
def group(school):
    return make_pair(school["org"], school["mentor"], school["mentee"], started_on=START)


@pytest.fixture
def kurator(school, auth):
    auth.login("kurator")
    return auth.client


DETAILS = {"form": "teacher_teacher", "kind": "traditional", "started_on": "2026-09-01", "planned_end_on": "2027-05-31"}


@pytest.mark.parametrize("changes,message", [
    ({"form": "бред"}, "Выберите форму наставничества из списка."),
    ({"form": ""}, "Выберите форму наставничества из списка."),
    ({"kind": "x" * 5000}, "Выберите вид наставничества из списка."),
    ({"started_on": ""}, "Укажите дату начала."),
    ({"started_on": "32.13.2026"}, "Дата «32.13.2026» не распознана"),
    ({"started_on": "2026-09-01" * 100}, "не распознана"),
    ({"planned_end_on": "9999-12-31"}, "Дата должна быть не раньше 01.01.2000"),
    ({"planned_end_on": "2026-08-01"}, "Плановая дата окончания не может быть раньше даты начала."),
])
def test_refused_pair_details_keep_the_saved_ones_and_what_was_typed(group, kurator, changes, message):
    data = {**DETAILS, **changes}
    for headers in ({}, HTMX):
        response = kurator.post(f"/pairs/{group.id}/details", data=data, headers=headers)
        assert response.status_code == (200 if headers else 400)
        page = text(response)
        assert message in page
        if changes.get("started_on"):
            assert f'value="{changes["started_on"]}"' in page  # typed, not the saved date
    saved = MentoringGroup.get_by_id(group.id)
    assert (saved.form, saved.kind, saved.started_on) == ("teacher_teacher", "traditional", START)


def test_pair_details_saved_from_the_form(group, kurator):
    response = kurator.post(f"/pairs/{group.id}/details", data={**DETAILS, "started_on": "01.09.2026"})
    assert response.status_code == 303
    saved = MentoringGroup.get_by_id(group.id)
    assert (saved.started_on, saved.planned_end_on) == (dt.date(2026, 9, 1), dt.date(2027, 5, 31))


@pytest.mark.parametrize("data,message", [
    ({"stage": "9"}, "Выберите этап из списка."),
    ({"stage": "два"}, "Выберите этап из списка."),
    ({"stage": ""}, "Выберите этап из списка."),
    ({"stage": "2", "note": "н" * 1001}, "Комментарий — не длиннее 1000 символов."),
    ({"stage": "2", "changed_on": "0001-01-01"}, "Дата должна быть не раньше"),
    ({"stage": "2", "changed_on": "2026-09-01"}, "Дата смены этапа не может быть раньше начала работы пары."),
])
def test_refused_stage_change_saves_nothing(group, kurator, data, message):
    response = kurator.post(f"/pairs/{group.id}/stage", data=data, headers=HTMX)
    assert response.status_code == 200 and message in text(response)
    assert MentoringGroup.get_by_id(group.id).stage == 1 and StageChange.select().count() == 0
    if "note" in data:
        assert data["note"] in text(response)


def test_over_long_programme_text_is_refused_and_kept_in_the_form(group, school, auth):
    auth.login("mentor")
    auth.client.post(f"/pairs/{group.id}/programme", data={"goals": "Первые цели", "tasks": "Задачи"})
    typed = "Новая цель. " + "ц" * 4000
    response = auth.client.post(f"/pairs/{group.id}/programme", headers=HTMX,
                                data={"goals": typed, "tasks": "Другие задачи", "request": "Запрос"})
    page = text(response)
    assert response.status_code == 200
    assert "Поле «Цели» — не длиннее 4000 символов." in page
    assert typed in page and "Другие задачи" in page  # what was typed comes back
    programme = Programme.get(Programme.group == group)
    assert (programme.goals, programme.tasks, programme.request) == ("Первые цели", "Задачи", "")


def test_programme_form_without_the_request_keeps_the_saved_request(group, school, auth):
    auth.login("mentor")
    auth.client.post(f"/pairs/{group.id}/programme", data={"goals": "Цели", "request": "Подготовка к олимпиаде"})
    auth.client.post(f"/pairs/{group.id}/programme", data={"goals": "  Цели 2  "})
    programme = Programme.get(Programme.group == group)
    assert (programme.goals, programme.request) == ("Цели 2", "Подготовка к олимпиаде")


@pytest.mark.parametrize("data,message", [
    ({"name": ""}, "Заполните поле «Мероприятие»."),
    ({"name": "   "}, "Заполните поле «Мероприятие»."),
    ({"name": "м" * 301}, "Поле «Мероприятие» — не длиннее 300 символов."),
    ({"name": "Урок", "responsible": "о" * 201}, "Поле «Ответственный» — не длиннее 200 символов."),
    ({"name": "Урок", "result_doc": "р" * 201}, "Поле «Результат (вид документа)» — не длиннее 200 символов."),
    ({"name": "Урок", "deadline": "завтра"}, "Дата «завтра» не распознана"),
    ({"name": "Урок", "deadline": "2999-01-01"}, "Дата должна быть не раньше"),
])
def test_refused_plan_item_adds_nothing_and_keeps_the_typed_text(group, kurator, data, message):
    kurator.get(f"/pairs/{group.id}")  # the programme and its default plan
    before = PlanItem.select().count()
    response = kurator.post(f"/pairs/{group.id}/plan", data=data)
    page = text(response)
    assert response.status_code == 400 and message in page
    assert PlanItem.select().count() == before
    for value in data.values():
        if value.strip():
            assert f'value="{value}"' in page


def test_plan_item_status_bad_choice_and_other_pairs_items(group, school, kurator):
    other = make_pair(school["org"], school["mentor"], school["both"])
    kurator.get(f"/pairs/{other.id}")
    other_item = PlanItem.select().join(Programme).where(Programme.group == other).first()
    kurator.get(f"/pairs/{group.id}")
    item = PlanItem.select().join(Programme).where(Programme.group == group).first()
    response = kurator.post(f"/pairs/{group.id}/plan/{item.id}", data={"status": "сделано"}, headers=HTMX)
    assert response.status_code == 200 and "Выберите состояние пункта плана из списка." in text(response)
    assert PlanItem.get_by_id(item.id).status == "planned"
    assert kurator.post(f"/pairs/{group.id}/plan/{other_item.id}", data={"status": "done"}).status_code == 404
    assert kurator.post(f"/pairs/{group.id}/plan/99999999999999999999", data={"status": "done"}).status_code == 404
    assert PlanItem.get_by_id(other_item.id).status == "planned"


MEETING = {"met_on": "2026-10-01", "format": "in_person", "duration_minutes": "45", "topic": "Знакомство",
           "outcome": "Договорились о плане"}


@pytest.mark.parametrize("changes,message", [
    ({"duration_minutes": "0"}, "Продолжительность — от 1 до 600 минут."),
    ({"duration_minutes": "601"}, "Продолжительность — от 1 до 600 минут."),
    ({"duration_minutes": "-5"}, "Продолжительность — от 1 до 600 минут."),
    ({"duration_minutes": "1e3"}, "Продолжительность укажите целым числом минут."),
    ({"duration_minutes": "9" * 40}, "Продолжительность укажите целым числом минут."),
    ({"duration_minutes": ""}, "Продолжительность укажите целым числом минут."),
    ({"format": "телепатия"}, "Выберите формат встречи: очно или дистанционно."),
    ({"topic": "т" * 301}, "Поле «Тема» — не длиннее 300 символов."),
    ({"outcome": "и" * 4001}, "Поле «Итог встречи» — не длиннее 4000 символов."),
    ({"met_on": "2026-09-01"}, "Дата встречи раньше начала работы пары."),
])
def test_refused_meeting_is_not_logged_and_comes_back_as_typed(group, school, auth, changes, message):
    auth.login("mentee")
    data = {**MEETING, **changes}
    response = auth.client.post(f"/pairs/{group.id}/meetings", data=data, headers=HTMX)
    page = text(response)
    assert response.status_code == 200 and message in page
    assert MeetingLog.select().count() == 0
    assert 'value="Договорились о плане"' in page or "outcome" in changes
    assert f'value="{data["duration_minutes"]}"' in page


def test_a_meeting_in_the_future_is_refused(group, kurator):
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    response = kurator.post(f"/pairs/{group.id}/meetings", data={**MEETING, "met_on": tomorrow})
    assert response.status_code == 400 and "Дата встречи не может быть в будущем." in text(response)
    assert MeetingLog.select().count() == 0


def test_a_good_meeting_is_logged_with_typed_numbers(group, kurator):
    assert kurator.post(f"/pairs/{group.id}/meetings", data={**MEETING, "duration_minutes": " 50 "}).status_code == 303
    meeting = MeetingLog.get()
    assert (meeting.met_on, meeting.duration_minutes, meeting.topic) == (dt.date(2026, 10, 1), 50, "Знакомство")


@pytest.mark.parametrize("data,message", [
    ({"signed_on": ""}, "Укажите дату приказа."),
    ({"signed_on": "вчера"}, "Дата «вчера» не распознана"),
    ({"signed_on": "1999-12-31"}, "Дата должна быть не раньше 01.01.2000"),
    ({"signed_on": "2026-10-01", "number": "№" * 41}, "Номер приказа — не длиннее 40 символов."),
    ({"signed_on": "2026-10-01", "basis": "о" * 1001}, "Основание — не длиннее 1000 символов."),
    ({"signed_on": "2026-10-01", "responsible_name": "Ф" * 201}, "ФИО ответственного — не длиннее 200 символов."),
])
def test_refused_order_issues_nothing_and_keeps_the_typed_values(group, kurator, data, message):
    data = {"basis": "Положением о наставничестве (своя формулировка)", "number": "12-н", **data,
            "group": [str(group.id)]}
    response = kurator.post("/pairs/order", data=data)
    page = text(response)
    assert response.status_code == 400 and message in page
    assert PairingOrder.select().count() == 0 and MentoringGroup.get_by_id(group.id).order_number == ""
    if len(data["basis"]) <= 1000:
        assert data["basis"] in page
    assert f'value="{group.id}" id="g{group.id}" checked' in page


@pytest.mark.parametrize("ids", [["x"], ["99999999999999999999"], ["0"], ["-1"], ["123456"]])
def test_order_with_forged_group_ids_is_404(group, kurator, ids):
    response = kurator.post("/pairs/order", data={"signed_on": "2026-10-01", "group": ids})
    assert response.status_code == 404
    assert PairingOrder.select().count() == 0


def test_order_with_another_schools_pair_is_404(group, school, kurator):
    theirs = make_pair(school["other_org"], school["other_kurator"], school["other_mentee"])
    response = kurator.post("/pairs/order", data={"signed_on": "2026-10-01", "group": [str(group.id), str(theirs.id)]})
    assert response.status_code == 404
    assert PairingOrder.select().count() == 0 and MentoringGroup.get_by_id(theirs.id).order_number == ""


def test_forms_of_another_schools_pair_are_404(group, school, auth):
    auth.login("other.kurator")
    for url, data in ((f"/pairs/{group.id}/details", DETAILS), (f"/pairs/{group.id}/meetings", MEETING),
                      (f"/pairs/{group.id}/plan", {"name": "Чужой пункт"}), (f"/pairs/{group.id}/stage", {"stage": "2"}),
                      (f"/pairs/{group.id}/programme", {"goals": "Чужие цели"})):
        assert auth.client.post(url, data=data).status_code == 404, url
    assert MeetingLog.select().count() == 0 and StageChange.select().count() == 0


@pytest.mark.parametrize("reason,message", [("", "Укажите причину досрочного завершения."),
                                            ("   ", "Укажите причину досрочного завершения."),
                                            ("п" * 1001, "Причина — не длиннее 1000 символов.")])
def test_refused_early_end_keeps_the_pair_active(group, kurator, reason, message):
    response = kurator.post(f"/pairs/{group.id}/end", data={"reason": reason, "send_back": "1"}, headers=HTMX)
    assert response.status_code == 200 and message in text(response)
    if reason.strip():
        assert reason in text(response)  # what was typed comes back
    assert MentoringGroup.get_by_id(group.id).status == "active"
