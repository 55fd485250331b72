"""The roadmap as DOCX (landscape table to print and sign) and XLSX."""
from __future__ import annotations

import datetime as dt
from io import BytesIO

from webapp import export_text
from webapp.documents import templates
from webapp.documents.requisites import org_context
from webapp.roadmap.services import STATUS_LABELS, display_deadline, numbered

HEADERS = ["№", "Наименование мероприятий", "Срок реализации", "Ответственный исполнитель",
           "Результат (вид документа)", "Статус"]
TITLE = "Дорожная карта реализации Целевой модели наставничества педагогических работников и обучающихся"


def _result(item) -> str:
    return item.result_document + (f"\n{item.document_url}" if item.document_url else "")


def roadmap_context(organisation, today: dt.date | None = None) -> dict:
    from webapp.documents.package import approval_requisites
    today = today or dt.date.today()
    year = organisation.school_year_of(today)
    rows = []
    for step, step_title, items in numbered(organisation, today):
        rows.append({"n": str(step), "title": step_title, "due": "", "responsible": "", "result": "", "status": ""})
        for row in items:
            item = row.item
            rows.append({"n": row.number, "title": item.title, "due": display_deadline(item),
                         "responsible": item.responsible, "result": _result(item),
                         "status": STATUS_LABELS[item.status] + (" (просрочено)" if row.overdue else "")})
    return {"org": org_context(organisation, today, need=("name", "short_name")), "year": f"{year}/{year + 1}",
            "approval": approval_requisites(organisation, "roadmap_order", year), "rows": rows}


def roadmap_docx(organisation, today: dt.date | None = None) -> bytes:
    """The roadmap through the document layer (the school's template when it has one)."""
    return templates.render(organisation, "roadmap", roadmap_context(organisation, today))


def roadmap_xlsx(organisation, today: dt.date | None = None) -> BytesIO:
    from openpyxl import Workbook  # on first export, not at app start (openpyxl brings numpy)
    from openpyxl.styles import Alignment, Font, PatternFill
    wb = Workbook()
    ws = wb.active
    ws.title = "Дорожная карта"
    export_text.append(ws, [TITLE])
    export_text.append(ws, [organisation.name])
    export_text.append(ws, HEADERS + ["Дата срока", "Ссылка на документ"])
    for cell in ws[3]:
        cell.font = Font(bold=True)
    red = PatternFill("solid", fgColor="F8D7DA")
    for step, step_title, rows in numbered(organisation, today):
        export_text.append(ws, [f"{step}. {step_title}"])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        for row in rows:
            item = row.item
            status = STATUS_LABELS[item.status] + (" (просрочено)" if row.overdue else "")
            export_text.append(ws, [row.number, item.title, display_deadline(item), item.responsible, item.result_document,
                       status, item.due_on, item.document_url])
            if item.due_on:
                ws.cell(ws.max_row, 7).number_format = "DD.MM.YYYY"
            if row.overdue:
                for cell in ws[ws.max_row]:
                    cell.fill = red
    for letter, width in zip("ABCDEFGH", (7, 70, 22, 30, 35, 18, 12, 40)):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    return buffer
