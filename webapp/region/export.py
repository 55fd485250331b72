"""The regional report of a school year: XLSX (figures to work with) and DOCX (to print).

Both read the same :class:`webapp.region.table.RegionTable` cells as the page, so a cell hidden there
(«<5») is hidden in every export; neither carries a name, a login or a free-text answer.
"""
from __future__ import annotations

import datetime as dt
from io import BytesIO

from flask_babel import gettext as _

from webapp import export_text
from webapp.documents.layout import Sheet
from webapp.monitoring.export import docx_table
from webapp.region import columns
from webapp.region.suppression import THRESHOLD


def _note() -> str:
    return _("Ячейки, построенные менее чем по %(n)s участникам, скрыты («<5»), как и ячейки, по которым их "
             "можно было бы восстановить из итогов. Данные без персональных сведений.", n=THRESHOLD)


def report_xlsx(region, table) -> bytes:
    from openpyxl import Workbook  # on first export, not at app start (openpyxl brings numpy)
    from openpyxl.styles import Font
    wb = Workbook()
    first = True
    for heading, cols in columns.sections(table):
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = export_text.clean(heading)[:31]
        export_text.append(ws, [_("Муниципалитет"), _("Школа")] + [label for _key, label in cols])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            school = row.label if row.kind == "school" else columns.row_label(row)
            municipality = (row.municipality or "—") if row.kind != "region" else ""
            export_text.append(ws, [municipality, school] + [row.cells[key].export_value for key, _l in cols])
    ws = wb.create_sheet(_("О данных"))
    export_text.append(ws, [_("Регион"), region.name])
    export_text.append(ws, [_("Учебный год"), table.year_label])
    export_text.append(ws, [_("Дата формирования"), dt.date.today().strftime("%d.%m.%Y")])
    export_text.append(ws, [_note()])
    stream = BytesIO()
    wb.save(stream)
    return stream.getvalue()


def report_docx(region, table) -> bytes:
    sheet = Sheet(landscape=True)
    doc = sheet.doc
    sheet.title(_("Отчёт о реализации целевой модели наставничества"), region.name)
    sheet.para(_("Учебный год: %(year)s. Дата формирования: %(date)s.", year=table.year_label,
                 date=dt.date.today().strftime("%d.%m.%Y")), indent=False)
    sheet.para(_note(), indent=False)
    for heading, cols in columns.sections(table):
        sheet.para(heading, bold=True, indent=False)
        docx_table(doc, [_("Школа")] + [label for _key, label in cols],
                   [[columns.row_label(row)] + [row.cells[key].text for key, _l in cols] for row in table.rows])
    return sheet.bytes()

