"""Pairs after confirmation: programme and meeting log permissions, flags, stages, ending early,
documents (order, programme, consents) read back with python-docx, unpaired list, notifications."""
from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from docx import Document

from tests.conftest import text
from tests.pairs.test_matching_runs import start
from webapp.models import (MatchingRun, MeetingLog, MentoringGroup, Notification, PairingOrder, PlanItem, Programme,
                           Suggestion, UnpairedMentee)


def accept(client, run, mentor, mentee):
    s = Suggestion.get((Suggestion.run == run) & (Suggestion.mentor == mentor) & (Suggestion.mentee == mentee))
    client.post(f"/matching/suggestions/{s.id}/approve")
    return MentoringGroup.select().order_by(MentoringGroup.id.desc()).get()


@pytest.fixture
def pair(coordinator, people):
    start(coordinator)
    run = MatchingRun.select().get()
    group = accept(coordinator, run, people["mentor2"], people["young2"])
    return group


def login_as(auth, login):
    auth.logout()
    auth.login(login)
    return auth.client


def docx_text(data: bytes) -> tuple[str, list[list[str]]]:
    document = Document(BytesIO(data))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    tables = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    return paragraphs, tables


def test_mentor_edits_the_programme_and_logs_a_meeting(pair, people, auth):
    client = login_as(auth, "mentor2")
    assert "Персонализированная программа" in text(client.get(f"/pairs/{pair.id}"))
    client.post(f"/pairs/{pair.id}/programme", data={"goals": "Снизить нагрузку", "tasks": "План недели",
                                                     "expected_results": "Нет выгорания"})
    assert Programme.get(Programme.group == pair).goals == "Снизить нагрузку"
    response = client.post(f"/pairs/{pair.id}/meetings", headers={"HX-Request": "true"},
                           data={"met_on": dt.date.today().isoformat(), "format": "in_person",
                                 "duration_minutes": "40", "topic": "Знакомство", "outcome": "Договорились"})
    assert "Встреча записана" in text(response) and "Знакомство" in text(response)
    client.post(f"/pairs/{pair.id}/plan", data={"name": "Открытый урок", "deadline": "2030-01-10",
                                                "responsible": "Наставник", "result_doc": "Конспект"})
    assert PlanItem.select().where(PlanItem.name == "Открытый урок").exists()


def test_mentee_logs_meetings_and_marks_items_but_does_not_edit_the_programme(pair, people, auth):
    client = login_as(auth, "young2")
    programme = Programme.get_or_none(Programme.group == pair) or None
    client.get(f"/pairs/{pair.id}")
    programme = Programme.get(Programme.group == pair)
    item = PlanItem.select().where(PlanItem.programme == programme).first()
    client.post(f"/pairs/{pair.id}/plan/{item.id}", data={"status": "done"})
    assert PlanItem.get_by_id(item.id).status == "done"
    assert client.post(f"/pairs/{pair.id}/plan/{item.id}", data={"status": "бред"},
                       follow_redirects=True).get_data(as_text=True).count("Выберите состояние") == 1
    assert client.post(f"/pairs/{pair.id}/programme", data={"goals": "взлом"}).status_code == 403
    client.post(f"/pairs/{pair.id}/meetings", data={"met_on": dt.date.today().isoformat(), "format": "remote",
                                                    "duration_minutes": "30", "topic": "Вопросы"})
    assert MeetingLog.select().count() == 1


def test_other_people_get_404_for_a_pair(pair, people, auth):
    for login in ("mentor", "mentee", "other.kurator"):
        client = login_as(auth, login)
        assert client.get(f"/pairs/{pair.id}").status_code == 404
        assert client.post(f"/pairs/{pair.id}/meetings", data={"topic": "x"}).status_code == 404
        assert client.get(f"/pairs/{pair.id}/programme.docx").status_code == 404
    client = login_as(auth, "young2")
    other_item = 999999
    assert client.post(f"/pairs/{pair.id}/plan/{other_item}", data={"status": "done"}).status_code == 404


@pytest.mark.parametrize("data,message", [
    ({"met_on": "", "format": "in_person", "duration_minutes": "40", "topic": "x"}, "Укажите дату встречи"),
    ({"met_on": "next-month", "format": "in_person", "duration_minutes": "40", "topic": "x"}, "в будущем"),
    ({"met_on": "2999-01-01", "format": "in_person", "duration_minutes": "40", "topic": "x"}, "Дата должна быть не раньше"),
    ({"met_on": "вчера", "format": "in_person", "duration_minutes": "40", "topic": "x"}, "не распознана"),
    ({"met_on": "today", "format": "телепатия", "duration_minutes": "40", "topic": "x"}, "Выберите формат"),
    ({"met_on": "today", "format": "remote", "duration_minutes": "много", "topic": "x"}, "целым числом"),
    ({"met_on": "today", "format": "remote", "duration_minutes": "40", "topic": ""}, "Заполните поле «Тема»"),
    ({"met_on": "today", "format": "remote", "duration_minutes": "40", "topic": "т" * 301}, "не длиннее 300"),
])
def test_bad_meeting_input_changes_nothing(pair, people, auth, data, message):
    client = login_as(auth, "mentor2")
    if data["met_on"] == "today":
        data = {**data, "met_on": dt.date.today().isoformat()}
    if data["met_on"] == "next-month":
        data = {**data, "met_on": (dt.date.today() + dt.timedelta(days=30)).isoformat()}
    response = client.post(f"/pairs/{pair.id}/meetings", data=data, follow_redirects=True)
    assert message in text(response)
    assert MeetingLog.select().count() == 0


def test_coordinator_sees_overdue_items_and_silent_pairs(pair, people, coordinator):
    MentoringGroup.update(started_on=dt.date.today() - dt.timedelta(days=60)).execute()
    coordinator.get(f"/pairs/{pair.id}")
    programme = Programme.get(Programme.group == pair)
    PlanItem.update(deadline=dt.date.today() - dt.timedelta(days=1)).where(PlanItem.programme == programme).execute()
    page = text(coordinator.get("/pairs?flag=overdue"))
    assert "просрочено пунктов" in page and "Выгоранова Ольга Ивановна" in page
    assert "нет встреч более 30 дней" in text(coordinator.get("/pairs?flag=silent"))
    MeetingLog.create(programme=programme, met_on=dt.date.today() - dt.timedelta(days=3), topic="Встреча")
    assert "Выгоранова" not in text(coordinator.get("/pairs?flag=silent"))


def test_stage_changes_are_dated_and_end_date_before_start_is_refused(pair, coordinator):
    coordinator.post(f"/pairs/{pair.id}/stage", data={"stage": "2", "changed_on": dt.date.today().isoformat(),
                                                      "note": "программа составлена"})
    assert MentoringGroup.get_by_id(pair.id).stage == 2
    page = text(coordinator.get(f"/pairs/{pair.id}"))
    assert "Проектировочный" in page and "программа составлена" in page
    assert "Выберите этап" in text(coordinator.post(f"/pairs/{pair.id}/stage", data={"stage": "9"}, follow_redirects=True))
    response = coordinator.post(f"/pairs/{pair.id}/details", follow_redirects=True,
                                data={"form": "teacher_teacher", "kind": "traditional", "started_on": "2025-09-01",
                                      "planned_end_on": "2025-08-01"})
    assert "не может быть раньше" in text(response)
    assert MentoringGroup.get_by_id(pair.id).started_on != dt.date(2025, 9, 1)


def test_end_early_sends_the_mentee_back_to_matching(pair, people, coordinator):
    assert "Укажите причину" in text(coordinator.post(f"/pairs/{pair.id}/end", data={"confirmed": "1"}, follow_redirects=True))
    coordinator.post(f"/pairs/{pair.id}/end", data={"reason": "переезд наставника", "send_back": "1", "confirmed": "1"})
    group = MentoringGroup.get_by_id(pair.id)
    assert group.status == "ended" and group.end_reason == "переезд наставника"
    row = UnpairedMentee.get(UnpairedMentee.mentee == people["young2"])
    assert row.keep_searching
    assert "переезд наставника" in text(coordinator.get("/matching/unpaired"))
    # the next run includes her even when the pool filter would not
    start(coordinator, mentee_category="student")
    run = MatchingRun.select().order_by(MatchingRun.id.desc()).get()
    assert Suggestion.select().where((Suggestion.run == run) & (Suggestion.mentee == people["young2"])).exists()


def test_unpaired_list_marks_support_and_keep_searching(coordinator, people):
    start(coordinator)
    row = UnpairedMentee.select().first()
    assert row is not None
    page = text(coordinator.get("/matching/unpaired"))
    assert row.reason in page and "Психолого-педагогическая поддержка" in page
    coordinator.post(f"/matching/unpaired/{row.mentee_id}", data={"field": "support", "value": "1"})
    coordinator.post(f"/matching/unpaired/{row.mentee_id}", data={"field": "keep_searching", "value": "1"})
    row = UnpairedMentee.get_by_id(row.id)
    assert row.support and row.keep_searching
    assert coordinator.post("/matching/unpaired/999999", data={"field": "support", "value": "1"}).status_code == 404
    coordinator.post(f"/matching/unpaired/{row.mentee_id}", data={"field": "is_active", "value": "0"})
    assert people[next(k for k, v in people.items() if getattr(v, "id", None) == row.mentee_id and k != "org")].is_active


def test_order_lists_exactly_the_confirmed_pairs_and_stores_its_number(coordinator, people):
    start(coordinator)
    run = MatchingRun.select().get()
    accept(coordinator, run, people["mentor2"], people["young2"])
    accept(coordinator, run, people["senior"], people["mentee"])
    response = coordinator.post("/pairs/order", data={"number": "15-н", "signed_on": "2026-03-02",
                                                      "basis": "Положением о наставничестве",
                                                      "responsible_name": "Кураторова Ирина Петровна"})
    assert response.status_code == 200
    assert response.mimetype.endswith("wordprocessingml.document")
    paragraphs, rows = docx_text(response.data)
    assert "О закреплении наставнических пар (групп)" in paragraphs
    assert "2 марта 2026 г.\t№ 15-н" in paragraphs
    assert "Школа № 1" in paragraphs and "ПРИКАЗЫВАЮ" in paragraphs
    assert "на куратора программы наставничества Кураторову Ирину Петровну." in paragraphs
    assert "Директор\t____________\tЛ.Н. Директорова" in paragraphs
    listed = {(r[1], r[2]) for r in rows[1:]}
    assert listed == {("Выгоранова Ольга Ивановна", "Начинающая Дарья Олеговна"),
                      ("Старшеклассников Иван Петрович, 10 «А» класс", "Учеников Пётр Иванович, 7 «Б» класс")}
    assert {g.order_number for g in MentoringGroup.select()} == {"15-н"}
    assert PairingOrder.get().signed_on == dt.date(2026, 3, 2)
    # the next order has nothing new to list; the same number is refused
    response = coordinator.post("/pairs/order", data={"number": "16-н", "signed_on": "2026-03-03"})
    assert response.status_code == 400 and "Нет пар" in text(response)


def test_order_bad_input_and_forged_ids(coordinator, people, pair):
    assert "не длиннее 40" in text(coordinator.post("/pairs/order", data={"number": "9" * 41, "signed_on": "2026-03-02"}))
    assert "не распознана" in text(coordinator.post("/pairs/order", data={"number": "1", "signed_on": "32.13.2026"}))
    assert coordinator.post("/pairs/order", data={"number": "1", "signed_on": "2026-03-02", "group": "x"}).status_code == 404
    other = MentoringGroup.create(organisation=people["other_org"], form="teacher_teacher")
    assert coordinator.post("/pairs/order", data={"number": "1", "signed_on": "2026-03-02",
                                                  "group": [pair.id, other.id]}).status_code == 404
    assert MentoringGroup.get_by_id(pair.id).order_number == ""


def test_programme_docx_of_a_new_pair(pair, coordinator):
    response = coordinator.get(f"/pairs/{pair.id}/programme.docx")
    paragraphs, rows = docx_text(response.data)
    assert "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА" in paragraphs
    assert "Куратор: Кураторова Ирина Петровна" in paragraphs and "Текущий этап" not in paragraphs
    assert "1. Запрос наставляемого" in paragraphs and "2. Проблемы" in paragraphs
    assert rows[1][:5] == ["№ п/п", "Наименование мероприятия", "Срок реализации", "Ответственный исполнитель",
                           "Результат (вид документа)"]


def test_order_with_missing_requisites_names_what_to_fill_in(pair, coordinator, people):
    people["org"].head_name = ""
    people["org"].curator = None
    people["org"].save()
    response = coordinator.post("/pairs/order", data={"number": "3", "signed_on": "2026-03-02"})
    page = text(response)
    assert response.status_code == 400
    assert "ФИО руководителя" in page and "куратор программы наставничества" in page
    assert "«Документы» → «Реквизиты организации»" in page
    assert PairingOrder.select().count() == 0 and MentoringGroup.get_by_id(pair.id).order_number == ""


def test_consents_docx_for_a_pair(pair, coordinator):
    response = coordinator.get(f"/pairs/{pair.id}/consents.docx")
    paragraphs, _ = docx_text(response.data)
    assert "Выгоранова Ольга Ивановна" in paragraphs and "Начинающая Дарья Олеговна" in paragraphs


def test_notifications_page_and_count(pair, people, auth):
    client = login_as(auth, "young2")
    page = text(client.get("/notifications"))
    assert "Уведомления (1)" in page and "Выгоранова Ольга Ивановна" in page
    client.post("/notifications/read")
    assert Notification.get(Notification.user == people["young2"]).is_read
    assert "Уведомления (1)" not in text(client.get("/notifications"))
    other = Notification.get(Notification.user == people["mentor2"])
    assert client.post("/notifications/read", data={"id": other.id}).status_code == 404


def test_dashboard_links_the_programme(pair, auth):
    client = login_as(auth, "mentor2")
    assert f"/pairs/{pair.id}" in text(client.get("/dashboard"))


def test_a_short_planned_term_squeezes_the_default_plan_into_it(school):
    from webapp.programmes.programme import programme_of
    start = dt.date(2026, 2, 2)
    short = MentoringGroup.create(organisation=school["org"], form="teacher_teacher", kind="short_term",
                                  started_on=start, planned_end_on=start + dt.timedelta(days=60))
    year = MentoringGroup.create(organisation=school["org"], form="teacher_teacher", started_on=start,
                                 planned_end_on=start + dt.timedelta(days=300))
    squeezed = [i.deadline for i in PlanItem.select().where(PlanItem.programme == programme_of(short))
                .order_by(PlanItem.position)]
    assert squeezed == sorted(squeezed) and squeezed[-1] == short.planned_end_on and squeezed[0] > start
    kept = [(i.deadline - start).days for i in PlanItem.select().where(PlanItem.programme == programme_of(year))
            .order_by(PlanItem.position)]
    assert kept == [14, 30, 120, 260]  # a school year's term keeps the default deadlines


def test_a_notification_is_shown_in_the_readers_language(pair, people, auth):
    """Stored as a message code with parameters, not as Russian text: the same notification reads in
    English once the reader switches, with the form of mentoring translated too."""
    note = Notification.get(Notification.user == people["young2"])
    assert note.message.startswith("Сформирована наставническая пара") and "Выгоранова" in note.params_json
    client = login_as(auth, "young2")
    client.post("/language", data={"lang": "en"})
    page = text(client.get("/notifications"))
    assert "A mentoring pair has been formed: your mentor is Выгоранова Ольга Ивановна" in page
    assert "Сформирована" not in page and "форма" not in page
