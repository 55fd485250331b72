"""Monitoring reports: XLSX (figures to work with) and DOCX (a printable report)."""
from __future__ import annotations

import datetime as dt
from io import BytesIO

from webapp import export_text
from webapp.monitoring import statistics
from webapp.monitoring.assigning import STAGE_LABELS
from webapp.monitoring.dataset import answer_label
from webapp.monitoring.report import FLAG_LABELS, ROLE_LABELS, label


def _bold_header(ws):
    from openpyxl.styles import Font
    for cell in ws[1]:
        cell.font = Font(bold=True)


def report_xlsx(report, pairs: list[tuple[str, object]]) -> BytesIO:
    """Sheets: rates, before/after, distributions, pairs, open answers."""
    from openpyxl import Workbook  # on first export, not at app start (openpyxl brings numpy)
    wb = Workbook()
    scopes = [report.school] + report.forms
    ws = wb.active
    ws.title = "Охват"
    export_text.append(ws, ["Срез", "Этап", "Опрошено", "Ответили", "Доля ответивших, %"])
    for s in scopes:
        for stage, rate in s.rates.items():
            export_text.append(ws, [s.title, STAGE_LABELS[stage], rate.asked, rate.answered, rate.percent])
    _bold_header(ws)
    ws2 = wb.create_sheet("До и после")
    export_text.append(ws2, ["Срез", "Показатель", "Среднее до", "n до", "Среднее после", "n после", "Изменение",
                "Изменение у ответивших дважды", "n пар ответов"])
    for s in scopes:
        for key, change in s.changes.items():
            export_text.append(ws2, [s.title, label(key, report.texts), change.before.mean, change.before.n, change.after.mean,
                        change.after.n, change.delta, change.paired_delta, change.paired_n])
    _bold_header(ws2)
    ws3 = wb.create_sheet("Распределения")
    export_text.append(ws3, ["Срез", "Этап", "Показатель", "n", "Среднее"] + [str(i) for i in statistics.SCALE])
    for s in scopes:
        for stage, stats in s.stats.items():
            for key, stat in stats.items():
                export_text.append(ws3, [s.title, STAGE_LABELS[stage], label(key, report.texts), stat.n, stat.mean]
                           + [stat.distribution[i] for i in statistics.SCALE])
    _bold_header(ws3)
    ws4 = wb.create_sheet("Пары")
    export_text.append(ws4, ["Пара/группа", "Форма", "Этап", "Опрошено", "Ответили"] + [label(k) for k in statistics.ITEM_ORDER])
    for name, s in pairs:
        for stage, rate in s.rates.items():
            export_text.append(ws4, [name, s.title, STAGE_LABELS[stage], rate.asked, rate.answered]
                       + [s.stats[stage][k].mean if k in s.stats[stage] else None for k in statistics.ITEM_ORDER])
    _bold_header(ws4)
    ws5 = wb.create_sheet("Открытые ответы")
    export_text.append(ws5, ["Этап", "Кто отвечал", "Вопрос", "Ответ", "Пара №"])
    for stage, role, key, text, group_id in statistics.open_answers(report.school.observations):
        export_text.append(ws5, [STAGE_LABELS[stage], ROLE_LABELS.get(role, role), answer_label(report.texts, role, key),
                                 text, group_id])
    _bold_header(ws5)
    for sheet, widths in ((ws, (30, 16, 12, 12, 18)), (ws2, (30, 40, 12, 8, 14, 9, 12, 16, 12)),
                          (ws3, (30, 16, 40, 6, 9)), (ws4, (50, 25, 16, 10, 10)), (ws5, (16, 16, 50, 80, 8))):
        for index, width in enumerate(widths):
            sheet.column_dimensions[chr(ord("A") + index)].width = width
    buffer = BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    return buffer


def _fmt(value) -> str:
    if value is None:
        return "—"
    return (f"{value:+.2f}" if isinstance(value, float) and value < 0 else f"{value:.2f}").replace(".", ",")


def _delta(value) -> str:
    return "—" if value is None else f"{value:+.2f}".replace(".", ",")


def docx_table(doc, headers, rows):
    """A bordered table with a bold header row; every text through the export text layer."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = export_text.clean(text)
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = export_text.clean(text)
    return table


def report_docx(organisation, report) -> BytesIO:
    from docx import Document  # on first export, not at app start
    from docx.shared import Pt
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(12)
    doc.add_heading("Мониторинг и оценка результатов реализации программ наставничества", level=1)
    doc.add_paragraph(export_text.clean(organisation.name))
    who = f" ({ROLE_LABELS[report.role]})" if report.role in ROLE_LABELS else ""
    year = f"Учебный год: {report.year.label}. " if report.year is not None else ""
    doc.add_paragraph(f"{year}Дата формирования: {dt.date.today().strftime('%d.%m.%Y')}{who}")
    for s in [report.school] + report.forms:
        doc.add_heading(export_text.clean(s.title), level=2)
        doc.add_paragraph("Охват анкетированием")
        docx_table(doc, ["Этап", "Опрошено", "Ответили", "Доля, %"],
               [[STAGE_LABELS[st], r.asked, r.answered,
                 "недостаточно ответов" if r.asked < 5 else f"{r.percent:.1f}".replace(".", ",")]
                for st, r in s.rates.items()])
        doc.add_paragraph("Отношения в паре: одни и те же вопросы на входе и по итогам (шкала 1–10)")
        docx_table(doc, ["Показатель", "До", "После", "Изменение", "Изменение у ответивших дважды"],
               [[label(k, report.texts), _fmt(c.before.mean), _fmt(c.after.mean), _delta(c.delta),
                 f"{_delta(c.paired_delta)} (n={c.paired_n})"] for k, c in s.changes.items()])
        doc.add_paragraph("Мониторинг процесса: качество работы пары (средние, шкала 1–10)")
        keys = sorted(set(s.stats["mid"]) | set(s.stats["exit"]),
                      key=lambda k: statistics.ITEM_ORDER.index(k) if k in statistics.ITEM_ORDER else 99)
        docx_table(doc, ["Показатель", "Промежуточный", "Итоговый"],
               [[label(k, report.texts), _fmt(s.stats["mid"][k].mean) if k in s.stats["mid"] else "—",
                 _fmt(s.stats["exit"][k].mean) if k in s.stats["exit"] else "—"] for k in keys])
        if s.flags:
            for key, rate in s.flags.items():
                doc.add_paragraph(f"{FLAG_LABELS.get(key, report.texts.get(key, key))}: {rate.answered} из {rate.asked}",
                                  style="List Bullet")
    answers = statistics.open_answers(report.school.observations)
    if answers:
        doc.add_heading("Открытые ответы", level=2)
        for stage, role, key, text, _group in answers:
            doc.add_paragraph(export_text.clean(f"{STAGE_LABELS[stage]}, {ROLE_LABELS.get(role, role)} — "
                                                f"{answer_label(report.texts, role, key)}: {text}"), style="List Bullet")
    buffer = BytesIO()
    doc.save(buffer)
    buffer.seek(0)
    return buffer
