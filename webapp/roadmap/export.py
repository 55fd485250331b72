"""The roadmap as DOCX (landscape table to print and sign) and XLSX."""
from __future__ import annotations

import datetime as dt
from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from webapp import export_text
from webapp.roadmap.services import STATUS_LABELS, display_deadline, numbered

HEADERS = ["№", "Наименование мероприятий", "Срок реализации", "Ответственный исполнитель",
           "Результат (вид документа)", "Статус"]
TITLE = "Дорожная карта реализации Целевой модели наставничества педагогических работников и обучающихся"


def _result(item) -> str:
    return item.result_document + (f"\n{item.document_url}" if item.document_url else "")


def roadmap_docx(organisation, today: dt.date | None = None) -> BytesIO:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(TITLE, level=1)
    doc.add_paragraph(export_text.clean(organisation.name))
    table = doc.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    widths = [Cm(1.3), Cm(10.5), Cm(3.5), Cm(4.5), Cm(4.7), Cm(2.2)]
    for cell, text, width in zip(table.rows[0].cells, HEADERS, widths):
        cell.text = export_text.clean(text)
        cell.width = width
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for step, step_title, rows in numbered(organisation, today):
        cells = table.add_row().cells
        merged = cells[0].merge(cells[-1])
        merged.text = export_text.clean(f"{step}. {step_title}")
        merged.paragraphs[0].runs[0].bold = True
        for row in rows:
            item = row.item
            status = STATUS_LABELS[item.status] + (" (просрочено)" if row.overdue else "")
            values = [row.number, item.title, display_deadline(item), item.responsible, _result(item), status]
            for cell, text, width in zip(table.add_row().cells, values, widths):
                cell.text = export_text.clean(text)
                cell.width = width
    doc.add_paragraph(f"Сформировано: {dt.date.today().strftime('%d.%m.%Y')}")
    buffer = BytesIO()
    doc.save(buffer)
    buffer.seek(0)
    return buffer


def roadmap_xlsx(organisation, today: dt.date | None = None) -> BytesIO:
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
