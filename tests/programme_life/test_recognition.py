"""Recognitions and training courses of mentors; training_summary for other areas."""
from __future__ import annotations

import datetime as dt
from io import BytesIO

import openpyxl

from tests.conftest import text
from webapp.models import Award, TrainingCourse
from webapp.recognition.services import training_summary

AWARD = {"kind": "badge", "title": "Знак «За наставничество»", "awarded_on": "2026-05-20",
         "issued_by": "Министерство образования", "note": ""}
COURSE = {"name": "Организация деятельности наставников", "organiser": "ИРО", "started_on": "2022-04-11",
          "ended_on": "2022-04-15", "hours": "36"}


def test_coordinator_adds_recognition_shown_on_the_mentor_page(as_coordinator, school):
    mentor = school["mentor"]
    assert as_coordinator.post(f"/mentors/{mentor.id}/awards", data=AWARD).status_code == 303
    award = Award.get()
    assert (award.user_id, award.kind, award.awarded_on) == (mentor.id, "badge", dt.date(2026, 5, 20))
    body = text(as_coordinator.get(f"/mentors/{mentor.id}/recognition"))
    assert "Знак «За наставничество»" in body and "20.05.2026" in body
    assert "Наставникова Анна Сергеевна" in text(as_coordinator.get("/recognition"))


def test_mentor_sees_own_page_only_and_cannot_award(client, auth, school):
    auth.login("mentor")
    assert client.get(f"/mentors/{school['mentor'].id}/recognition").status_code == 200
    assert client.get(f"/mentors/{school['both'].id}/recognition").status_code == 404
    assert client.post(f"/mentors/{school['mentor'].id}/awards", data=AWARD).status_code == 403
    assert client.get("/recognition").status_code == 403
    assert Award.select().count() == 0


def test_mentee_and_other_school_are_refused(client, auth, school):
    auth.login("kurator")
    assert client.get(f"/mentors/{school['mentee'].id}/recognition").status_code == 404  # not a mentor
    assert client.get(f"/mentors/{school['other_mentee'].id}/recognition").status_code == 404
    assert client.post(f"/mentors/{school['other_kurator'].id}/awards", data=AWARD).status_code == 404
    assert client.get("/mentors/999999/recognition").status_code == 404


def test_bad_award_input(as_coordinator, school):
    url = f"/mentors/{school['mentor'].id}/awards"
    for change, message in [({"title": ""}, "Укажите наименование."), ({"title": "x" * 301}, "Не длиннее 300"),
                            ({"awarded_on": ""}, "Укажите дату."), ({"awarded_on": "завтра"}, "Введите дату"),
                            ({"kind": "medal_of_honour"}, None), ({"note": "x" * 1001}, "не длиннее 1000")]:
        response = as_coordinator.post(url, data={**AWARD, **change})
        assert response.status_code == 400, change
        if message:
            assert message in text(response), change
    assert Award.select().count() == 0


def test_html_in_award_is_text(as_coordinator, school):
    as_coordinator.post(f"/mentors/{school['mentor'].id}/awards", data={**AWARD, "title": "<img src=x onerror=alert(1)>"})
    body = text(as_coordinator.get(f"/mentors/{school['mentor'].id}/recognition"))
    assert "&lt;img src=x onerror=alert(1)&gt;" in body


def test_training_course_dates_and_summary(client, auth, school):
    auth.login("mentor")
    url = f"/mentors/{school['mentor'].id}/training"
    response = client.post(url, data={**COURSE, "ended_on": "2022-04-01"})
    assert response.status_code == 400
    assert "Дата окончания не может быть раньше даты начала." in text(response)
    assert 'value="Организация деятельности наставников"' in text(response)
    assert client.post(url, data={**COURSE, "hours": "много"}).status_code == 400
    assert client.post(url, data={**COURSE, "hours": "0"}).status_code == 400
    assert TrainingCourse.select().count() == 0
    assert client.post(url, data=COURSE).status_code == 303
    assert client.post(f"/mentors/{school['both'].id}/training", data=COURSE).status_code == 404
    summary = training_summary([school["mentor"].id, school["both"].id])
    assert summary[school["both"].id] == []
    assert summary[school["mentor"].id] == [{"name": "Организация деятельности наставников", "organiser": "ИРО",
                                             "started_on": dt.date(2022, 4, 11), "ended_on": dt.date(2022, 4, 15),
                                             "hours": 36}]
    body = text(client.get(f"/mentors/{school['mentor'].id}/recognition"))
    assert "Всего часов: 36" in body


def test_xlsx_exports(as_coordinator, school):
    as_coordinator.post(f"/mentors/{school['mentor'].id}/awards", data=AWARD)
    as_coordinator.post(f"/mentors/{school['mentor'].id}/training", data=COURSE)
    for url in ("/recognition/awards.xlsx", f"/mentors/{school['mentor'].id}/recognition.xlsx"):
        response = as_coordinator.get(url)
        assert response.status_code == 200
        wb = openpyxl.load_workbook(BytesIO(response.data))
        rows = list(wb["Поощрения"].iter_rows(values_only=True))
        assert rows[0][:3] == ("Наставник", "Вид", "Наименование")
        assert rows[1][0] == "Наставникова Анна Сергеевна" and rows[1][1] == "Знак «За наставничество»"
        assert rows[1][3].date() == dt.date(2026, 5, 20)
        courses = list(wb["Обучение"].iter_rows(values_only=True))
        assert courses[1][1] == "Организация деятельности наставников" and courses[1][5] == 36


def test_user_page_links_to_the_mentor_recognition(as_coordinator, school):
    body = text(as_coordinator.get(f"/users/{school['mentor'].id}"))
    assert f"/mentors/{school['mentor'].id}/recognition" in body
    assert "/recognition" not in text(as_coordinator.get(f"/users/{school['mentee'].id}")).split("<main")[1].split("</main>")[0]
