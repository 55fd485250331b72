"""Recognitions (and training) as XLSX."""
from __future__ import annotations

from io import BytesIO

from webapp import export_text
from webapp.recognition.services import AWARD_KINDS


def _sheet(ws, headers, rows, widths):
    from openpyxl.styles import Font
    export_text.append(ws, headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        export_text.append(ws, row)
    for column, width in zip("ABCDEFG", widths):
        ws.column_dimensions[column].width = width


def awards_xlsx(awards, courses=None) -> BytesIO:
    from openpyxl import Workbook  # on first export, not at app start (openpyxl brings numpy)
    wb = Workbook()
    ws = wb.active
    ws.title = "Поощрения"
    _sheet(ws, ["Наставник", "Вид", "Наименование", "Дата", "Кем выдано", "Примечание"],
           [[a.user.full_name, AWARD_KINDS.get(a.kind, a.kind), a.title, a.awarded_on, a.issued_by, a.note]
            for a in awards], (35, 30, 50, 12, 30, 40))
    for cell in ws["D"][1:]:
        cell.number_format = "DD.MM.YYYY"
    if courses is not None:
        ws2 = wb.create_sheet("Обучение")
        _sheet(ws2, ["Наставник", "Курс", "Организатор", "Начало", "Окончание", "Часов"],
               [[c.user.full_name, c.name, c.organiser, c.started_on, c.ended_on, c.hours] for c in courses],
               (35, 50, 30, 12, 12, 8))
        for column in ("D", "E"):
            for cell in ws2[column][1:]:
                cell.number_format = "DD.MM.YYYY"
    buffer = BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    return buffer
