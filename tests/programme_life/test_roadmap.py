"""The school's roadmap: pre-filled per organisation, edited by the coordinator, overdue items, exports."""
from __future__ import annotations

import datetime as dt
from io import BytesIO

import openpyxl
from docx import Document
from docx.enum.section import WD_ORIENT

from tests.conftest import text
from webapp.models import RoadmapItem
from webapp.roadmap import services
from webapp.roadmap.seed import EVENTS


def test_prefill_is_per_organisation_and_idempotent(school):
    assert services.prefill(school["org"]) == len(EVENTS)
    assert services.prefill(school["org"]) == 0
    assert RoadmapItem.select().where(RoadmapItem.organisation == school["other_org"]).count() == 0
    steps = services.numbered(school["org"])
    assert [s for s, _t, _r in steps] == [1, 2, 3, 4, 5, 6, 7]
    assert steps[0][2][0].number == "1.1"
    assert "Положения о системе наставничества педагогических работников" in steps[0][2][0].item.title


def test_everyone_in_the_school_reads_it_with_the_seed_columns(client, auth, school):
    auth.login("mentee")
    body = text(client.get("/roadmap"))
    for column in ("№", "Наименование мероприятий", "Срок реализации", "Ответственный исполнитель",
                   "Результат (вид документа)"):
        assert column in body
    assert "Формирование банка наставников" in body
    assert "Изменить" not in body


def test_participants_may_not_edit(client, auth, school):
    services.prefill(school["org"])
    item = services.items_of(school["org"]).first()
    auth.login("mentor")
    assert client.get("/roadmap/new").status_code == 403
    assert client.post(f"/roadmap/{item.id}/edit", data={"title": "x"}).status_code == 403
    assert client.post(f"/roadmap/{item.id}/delete").status_code == 403
    assert RoadmapItem.get_by_id(item.id).title == item.title


def test_coordinator_edits_an_item(as_coordinator, school):
    services.prefill(school["org"])
    item = services.items_of(school["org"]).first()
    response = as_coordinator.post(f"/roadmap/{item.id}/edit", data={
        "step": "1", "title": "Приказ <script>alert(1)</script>", "due_on": "2026-09-10", "period": "",
        "responsible": "Кравцова Л. Н.", "result_document": "Приказ", "document_url": "https://school7.example/doc.pdf",
        "status": "done"})
    assert response.status_code == 303
    item = RoadmapItem.get_by_id(item.id)
    assert (item.due_on, item.status, item.responsible) == (dt.date(2026, 9, 10), "done", "Кравцова Л. Н.")
    body = text(as_coordinator.get("/roadmap"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "<script>alert(1)" not in body
    assert 'href="https://school7.example/doc.pdf"' in body


def test_bad_input_keeps_the_saved_item(as_coordinator, school):
    services.prefill(school["org"])
    item = services.items_of(school["org"]).first()
    before = item.title
    cases = [
        ({"step": "1", "title": "", "status": "planned"}, "Укажите наименование мероприятия."),
        ({"step": "1", "title": "x" * 1001, "status": "planned"}, "не длиннее 1000 символов"),
        ({"step": "1", "title": "Событие", "due_on": "31.02.2026", "status": "planned"}, "Введите дату в формате"),
        ({"step": "99", "title": "Событие", "status": "planned"}, "field"),
        ({"step": "1", "title": "Событие", "status": "planned", "document_url": "javascript:alert(1)"},
         "Ссылка должна начинаться"),
        ({"step": "1", "title": "Событие", "status": "bogus"}, "field"),
    ]
    for data, message in cases:
        response = as_coordinator.post(f"/roadmap/{item.id}/edit", data=data)
        assert response.status_code == 400, data
        if message != "field":
            assert message in text(response), data
    assert RoadmapItem.get_by_id(item.id).title == before


def test_other_organisations_items_do_not_exist(client, auth, school):
    services.prefill(school["other_org"])
    foreign = services.items_of(school["other_org"]).first()
    auth.login("kurator")
    assert client.get(f"/roadmap/{foreign.id}/edit").status_code == 404
    assert client.post(f"/roadmap/{foreign.id}/delete").status_code == 404
    assert client.get("/roadmap/999999/edit").status_code == 404
    assert RoadmapItem.get_or_none(RoadmapItem.id == foreign.id) is not None


def test_add_and_delete(as_coordinator, school):
    services.prefill(school["org"])
    response = as_coordinator.post("/roadmap/new", data={"step": "7", "title": "Публикация в группе ВКонтакте",
                                                         "period": "ежемесячно", "status": "planned"})
    assert response.status_code == 303
    item = RoadmapItem.get(RoadmapItem.title == "Публикация в группе ВКонтакте")
    assert item.position == 2
    assert as_coordinator.post(f"/roadmap/{item.id}/delete", data={"confirmed": "1"}).status_code == 303
    assert RoadmapItem.get_or_none(RoadmapItem.id == item.id) is None


def test_overdue_items_stand_out(as_coordinator, school):
    services.prefill(school["org"])
    late, done = list(services.items_of(school["org"]))[:2]
    late.due_on, late.status = dt.date.today() - dt.timedelta(days=3), "in_progress"
    late.save()
    done.due_on, done.status = dt.date.today() - dt.timedelta(days=3), "done"
    done.save()
    assert late.is_overdue() and not done.is_overdue()
    assert services.overdue_count(school["org"]) >= 1
    body = text(as_coordinator.get("/roadmap"))
    assert f'id="item-{late.id}" class="overdue"' in body
    assert f'id="item-{done.id}" class="overdue"' not in body
    assert "просрочено" in body


def test_docx_export_is_a_landscape_table(as_coordinator, school):
    response = as_coordinator.get("/roadmap/roadmap.docx")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    doc = Document(BytesIO(response.data))
    assert doc.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert doc.tables[0].rows[0].cells[1].text.startswith("УТВЕРЖДЕНА\nприказом Школа 1\nот «___»")
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert "Heading" not in " ".join(p.style.name for p in doc.paragraphs)
    table = doc.tables[1]
    assert [c.text for c in table.rows[0].cells][:5] == ["№", "Наименование мероприятий", "Срок реализации",
                                                         "Ответственный исполнитель", "Результат (вид документа)"]
    all_text = "\n".join(c.text for row in table.rows for c in row.cells)
    assert "Формирование банка наставляемых" in all_text and "1.1" in all_text


def test_xlsx_export_reads_back(client, auth, school):
    services.prefill(school["org"])
    item = services.items_of(school["org"]).first()
    item.due_on, item.status = dt.date.today() - dt.timedelta(days=1), "planned"
    item.save()
    auth.login("mentee")
    response = client.get("/roadmap/roadmap.xlsx")
    assert response.status_code == 200
    ws = openpyxl.load_workbook(BytesIO(response.data)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[2][:5] == ("№", "Наименование мероприятий", "Срок реализации", "Ответственный исполнитель",
                           "Результат (вид документа)")
    first = next(r for r in rows if r[0] == "1.1")
    assert "(просрочено)" in first[5]
    assert len([r for r in rows if r[0] and "." in str(r[0]) and str(r[0])[0].isdigit() and r[1]]) >= len(EVENTS)
