"""Monitoring in the application: assigning per pair, answering as a member, pages, exports."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from io import BytesIO

import openpyxl
from docx import Document

from tests.conftest import text
from tests.programme_life.conftest import answer, make_pair
from webapp.models import Assignment, Response
from webapp.monitoring import dataset, report
from webapp.monitoring.assigning import assign_all_active, assign_monitoring, monitoring_questionnaires

SVG = "{http://www.w3.org/2000/svg}"


def test_assign_monitoring_gives_each_member_their_version(school):
    group = make_pair(school["org"], school["mentor"], [school["mentee"], school["both"]], form="teacher_teacher")
    assert assign_monitoring(group, "entry", school["kurator"]) == 3
    assert assign_monitoring(group, "entry", school["kurator"]) == 0  # idempotent
    rows = list(Assignment.select().where(Assignment.group_id == group.id))
    roles = {a.user_id: a.questionnaire.role for a in rows}
    assert roles == {school["mentor"].id: "mentor", school["mentee"].id: "mentee", school["both"].id: "mentee"}
    assert {a.questionnaire.purpose for a in rows} == {"monitoring_entry"}
    make_pair(school["org"], school["both"], [school["mentee"]], status="ended")
    assert assign_all_active(school["org"], "mid", school["kurator"]) == (1, 3)


def test_coordinator_buttons_and_participant_refusal(client, auth, school):
    group = make_pair(school["org"], school["mentor"], [school["mentee"]])
    auth.login("mentor")
    assert client.post(f"/monitoring/pairs/{group.id}/assign", data={"stage": "entry"}).status_code == 403
    assert client.post("/monitoring/assign", data={"stage": "exit"}).status_code == 403
    assert client.get("/monitoring/influence").status_code == 403
    auth.logout()
    auth.login("kurator")
    response = client.post(f"/monitoring/pairs/{group.id}/assign", data={"stage": "bogus"})
    assert response.status_code == 303 and Assignment.select().count() == 0
    for bad in ("", "e" * 5000, "<script>"):
        for url in (f"/monitoring/pairs/{group.id}/assign", "/monitoring/assign"):
            response = client.post(url, data={"stage": bad}, follow_redirects=True)
            assert response.status_code == 200 and "Выберите этап мониторинга" in response.get_data(as_text=True)
    assert Assignment.select().count() == 0
    assert client.post(f"/monitoring/pairs/{group.id}/assign", data={"stage": "entry"}).status_code == 303
    assert Assignment.select().where(Assignment.group_id == group.id).count() == 2
    assert client.post("/monitoring/assign", data={"stage": "mid"}).status_code == 303
    assert Assignment.select().count() == 4
    foreign = make_pair(school["other_org"], school["other_kurator"], [school["other_mentee"]])
    assert client.post(f"/monitoring/pairs/{foreign.id}/assign", data={"stage": "entry"}).status_code == 404
    assert client.get(f"/monitoring/pairs/{foreign.id}").status_code == 404


def test_member_answers_for_their_pair_only(client, auth, school):
    group = make_pair(school["org"], school["mentor"], [school["mentee"]])
    other = make_pair(school["org"], school["both"], [school["mentee"]])
    assign_monitoring(group, "entry")
    assign_monitoring(other, "entry")
    auth.login("mentor")
    assert "Входной мониторинг" in text(client.get("/monitoring/mine"))
    response = client.post(f"/monitoring/pairs/{group.id}/answer", data={"stage": "entry"})
    assert response.status_code == 303
    created = Response.get()
    assert created.group_id == group.id and created.user_id == school["mentor"].id
    assert created.version.questionnaire.role == "mentor"
    assert f"/questionnaires/responses/{created.id}" in response.location
    assert client.post(f"/monitoring/pairs/{other.id}/answer", data={"stage": "entry"}).status_code == 404
    assert client.post(f"/monitoring/pairs/{group.id}/answer", data={"stage": "exit"}).status_code == 404  # not given
    assert client.post("/monitoring/pairs/999999/answer", data={"stage": "entry"}).status_code == 404
    assert Response.select().count() == 1


def _history(school):
    org = school["org"]
    g1 = make_pair(org, school["mentor"], [school["both"]], form="teacher_teacher", status="ended")
    g2 = make_pair(org, school["mentor"], [school["mentee"]], form="student_student", status="ended")
    answer(g1, school["mentor"], "mentor", "entry", {"comfort": 4, "usefulness": 5, "hopes": "<b>Жду</b> роста"})
    answer(g1, school["both"], "mentee", "entry", {"comfort": 2, "usefulness": 3})
    answer(g1, school["mentor"], "mentor", "exit", {"comfort": 8, "usefulness": 9, "would_continue": True})
    answer(g1, school["both"], "mentee", "exit", {"comfort": 6, "usefulness": 7, "would_continue": False,
                                                 "what_helped": "<script>alert(1)</script>"})
    answer(g1, school["both"], "mentee", "mid", {"comfort": 5, "usefulness": 6, "satisfaction": 6})
    answer(g2, school["mentor"], "mentor", "entry", {"comfort": 7})
    questionnaire = monitoring_questionnaires(org, "exit")["mentor"]
    Assignment.create(questionnaire=questionnaire, user=school["mentor"], group_id=g2.id)  # asked, no answer
    return g1, g2


def test_dataset_and_report_from_the_database(school):
    g1, g2 = _history(school)
    obs = dataset.observations(school["org"])
    assert len(obs) == 6
    built = report.build(school["org"])
    assert built.school.changes["comfort"].before.mean == round((4 + 2 + 7) / 3, 2)
    assert built.school.changes["comfort"].after.mean == 7.0
    assert built.school.rates["exit"].asked == 3 and built.school.rates["exit"].answered == 2
    teacher = next(s for s in built.forms if s.title == "Учитель – учитель")
    assert teacher.changes["comfort"].delta == 4.0 and teacher.changes["usefulness"].paired_delta == 4.0
    assert teacher.flags["would_continue"].answered == 1
    mentees = report.build(school["org"], role="mentee")
    assert mentees.school.changes["comfort"].delta == 4.0
    assert dataset.observations(school["other_org"]) == []


def test_influence_and_process_pages_with_svg(as_coordinator, school):
    _history(school)
    body = text(as_coordinator.get("/monitoring/influence"))
    assert "<h2>Учитель – учитель</h2>" in body and "<h2>Вся школа</h2>" in body
    svgs = [chunk.split("</svg>")[0] + "</svg>" for chunk in body.split("<svg")[1:]]
    assert svgs
    for svg in svgs:
        root = ET.fromstring("<svg" + svg)
        assert root.tag == f"{SVG}svg"
    assert "Входной мониторинг" in body and "Итоговый мониторинг" in body
    body = text(as_coordinator.get("/monitoring/process"))
    assert "<svg" in body and "Открытые ответы" in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "<script>alert(1)" not in body
    body = text(as_coordinator.get("/monitoring/influence?form=teacher_teacher&role=<x>"))
    assert "<h2>Учитель – учитель</h2>" in body and "Ученик – ученик</h2>" not in body
    body = text(as_coordinator.get("/monitoring/influence?form=student_student"))
    assert "Пока нет ответов входного и итогового мониторинга" in body
    assert as_coordinator.get("/monitoring").status_code == 200


def test_pair_page(as_coordinator, school):
    g1, _ = _history(school)
    body = text(as_coordinator.get(f"/monitoring/pairs/{g1.id}"))
    assert "Наставникова Анна Сергеевна — Реверсов Илья Олегович" in body
    assert "&lt;b&gt;Жду&lt;/b&gt; роста" in body and "<svg" in body


def test_xlsx_and_docx_reports(as_coordinator, school):
    _history(school)
    response = as_coordinator.get("/monitoring/report.xlsx")
    assert response.status_code == 200
    wb = openpyxl.load_workbook(BytesIO(response.data))
    assert wb.sheetnames == ["Охват", "До и после", "Распределения", "Пары", "Открытые ответы"]
    rows = list(wb["До и после"].iter_rows(values_only=True))
    comfort = next(r for r in rows if r[0] == "Учитель – учитель" and r[1] == "Комфорт общения")
    assert comfort[2:7] == (3.0, 2, 7.0, 2, 4.0)
    dist = next(r for r in wb["Распределения"].iter_rows(values_only=True)
                if r[0] == "Вся школа" and r[1] == "входной" and r[2] == "Комфорт общения")
    assert dist[3] == 3 and dist[5:15] == (0, 1, 0, 1, 0, 0, 1, 0, 0, 0)
    answers = [r[3] for r in wb["Открытые ответы"].iter_rows(values_only=True)]
    assert "<script>alert(1)</script>" in answers
    response = as_coordinator.get("/monitoring/report.docx")
    assert response.status_code == 200
    doc = Document(BytesIO(response.data))
    all_text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "Отношения в паре: одни и те же вопросы на входе и по итогам" in all_text
    assert "Комфорт общения" in all_text and "+4,00" in all_text


def test_monitoring_aggregates_are_cached_until_the_data_changes(app, school):
    from webapp.monitoring import cache
    from webapp.questionnaires import responses
    g1, g2 = _history(school)
    first = dataset.observations(school["org"])
    assert dataset.observations(school["org"]) is first  # nothing changed: served from the cache
    assert report.build(school["org"]).school.changes["comfort"].after.mean == 7.0

    reopened = Response.select().where(Response.group_id == g1.id, Response.user == school["both"]).order_by(
        Response.id.desc()).first()
    with app.app_context():
        responses.reopen(reopened, school["kurator"])
    after = dataset.observations(school["org"])
    assert after is not first and len(after) == len(first) - 1
    answer(g2, school["mentee"], "mentee", "entry", {"comfort": 1})  # a new answer shows at once
    assert len(dataset.observations(school["other_org"])) == 0
    assert len(dataset.observations(school["org"])) == len(after) + 1
    cache.clear()
    assert len(dataset.observations(school["org"])) == len(after) + 1
