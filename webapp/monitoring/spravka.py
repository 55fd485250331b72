"""Аналитическая справка по итогам мониторинга for a school year (DOCX) and its aggregated tables
(XLSX). The conclusions are generated from the figures only: a sentence appears when a figure
supports it, and groups under the minimum n are reported as «недостаточно ответов».

Written with python-docx directly (A4, Times New Roman 14, margins 30/20/15/20 mm) in this one
module, so it can move to the shared document layer (webapp/documents) later; number agreement is
the shared webapp.russian.numbers.agree.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from io import BytesIO


from webapp import export_text
from webapp.russian.numbers import agree
from webapp.monitoring import influence, marks, paired, process_figures, report
from webapp.monitoring.export import docx_table

STAGE_NAMES = {"entry": "входной", "mid": "промежуточный", "exit": "итоговый"}
FORM_NAMES = {"teacher_teacher": "«педагог — педагог»", "student_student": "«ученик — ученик»",
              "university_student_student": "«студент — ученик»", "employer_student": "«работодатель — ученик»"}


def plural(n: int, one: str, few: str, many: str) -> str:
    """Russian number agreement: 1 участник, 2 участника, 5 участников (the shared rule)."""
    return agree(n, one, few, many)


def num(value, digits: int = 2, signed: bool = False) -> str:
    """A number with a decimal comma (6,78; +1,89; 20,8)."""
    if value is None:
        return "—"
    text = f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"
    return text.replace(".", ",").replace("-", "−")


def pct(part: int, whole: int, few: str = "недостаточно ответов") -> str:
    if whole < paired.MIN_N:
        return few
    return num(100.0 * part / whole, 1) + " %"


@dataclass
class Data:
    organisation: object
    year: object
    process: process_figures.Process
    found: influence.Influence
    subjects: list
    comparison: list


def gather(organisation, year) -> Data:
    return Data(organisation, year, process_figures.compute(organisation, year), influence.analyse(organisation, year),
                marks.per_subject(organisation, year), report.year_over_year(organisation, year))


def _rows(data: Data):
    """(section, indicator, Paired) of every before/after comparison of the year."""
    for row in data.found.teacher_problems:
        yield "Педагоги: компетентность по задаче из запроса", influence.INDICATOR_LABELS.get(row.key) or \
            influence.TEACHER_PROBLEMS[row.problem], row.result
    for row in data.found.teachers:
        yield "Педагоги", influence.INDICATOR_LABELS[row.key], row.result
    for row in data.found.students:
        yield "Обучающиеся", influence.INDICATOR_LABELS[row.key], row.result
    for row in data.found.student_problems:
        yield ("Обучающиеся: задача из запроса",
               f"{influence.STUDENT_PROBLEMS[row.problem]}: {influence.INDICATOR_LABELS[row.key]}", row.result)
    for row in data.subjects:
        yield "Обучающиеся: отметки", row.subject, row.result


def _teacher_problem_name(row) -> str:
    return influence.TEACHER_PROBLEMS[row.problem]


def conclusions(data: Data) -> list[str]:
    """Sentences that follow from the figures, nothing else."""
    result = []
    rows = [(section, name, r) for section, name, r in _rows(data)]
    better = [(s, n, r) for s, n, r in rows if r.verdict == paired.IMPROVED]
    worse = [(s, n, r) for s, n, r in rows if r.verdict == paired.WORSE]
    same = [(s, n, r) for s, n, r in rows if r.verdict == paired.NO_CHANGE]
    few = [(s, n, r) for s, n, r in rows if r.verdict == paired.INSUFFICIENT and r.n > 0]  # n = 0: not asked
    for section, name, r in better:
        result.append(f"{section}: показатель «{name}» улучшился в среднем на {num(abs(r.mean_change))} "
                      f"(с {num(r.mean_before)} до {num(r.mean_after)}, n = {r.n}, p = {num(r.p_value, 3)}).")
    for section, name, r in worse:
        result.append(f"{section}: показатель «{name}» ухудшился в среднем на {num(abs(r.mean_change))} "
                      f"(с {num(r.mean_before)} до {num(r.mean_after)}, n = {r.n}, p = {num(r.p_value, 3)}).")
    if same:
        names = ", ".join(f"«{n}»" for _s, n, _r in same)
        result.append(f"Статистически значимых изменений не выявлено по {len(same)} "
                      f"{plural(len(same), 'показателю', 'показателям', 'показателям')}: {names}.")
    if few:
        result.append(f"По {len(few)} {plural(len(few), 'показателю', 'показателям', 'показателям')} вывод не сделан: "
                      f"до и после ответили менее {paired.MIN_N} человек ({', '.join(f'«{n}»' for _s, n, _r in few)}).")
    rates = data.process.rates
    exit_rate = rates.get("exit")
    if exit_rate and exit_rate.asked >= paired.MIN_N and exit_rate.answered / exit_rate.asked < 0.7:
        result.append(f"Доля участников, заполнивших итоговую анкету, — {pct(exit_rate.answered, exit_rate.asked)}: "
                      f"выводы по итогам года нужно проверять на полноту ответов.")
    if data.process.ended_early.part:
        n = data.process.ended_early.part
        result.append(f"Досрочно {plural(n, 'завершена', 'завершены', 'завершены')} {n} "
                      f"{plural(n, 'пара', 'пары', 'пар')} из {data.process.ended_early.whole} завершённых.")
    previous, current = data.comparison
    if previous.pairs and current.pairs:
        result.append(f"Пар и групп в прошлом учебном году ({previous.year.label}) — {previous.pairs}, в этом — "
                      f"{current.pairs}; улучшение отмечено по {current.improved} из {current.compared} "
                      f"{plural(current.compared, 'показателя', 'показателей', 'показателей')} "
                      f"(в прошлом году — {previous.improved} из {previous.compared}).")
    if not result:
        result.append("Данных для выводов за этот учебный год пока недостаточно.")
    return result


def _document():
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.top_margin, section.right_margin, section.bottom_margin = Mm(30), Mm(20), Mm(15), Mm(20)
    for name in ("Normal", "Table Grid", "List Bullet", "Title", "Heading 1", "Heading 2"):
        style = doc.styles[name]
        style.font.name = "Times New Roman"
        style.font.size = Pt(14 if name not in ("Table Grid",) else 12)
        if name.startswith("Heading") or name == "Title":
            style.font.color.rgb = None
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
        if fonts is None:
            from docx.oxml import OxmlElement
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            from docx.oxml.ns import qn
            fonts.set(qn(attr), "Times New Roman")
    return doc


def _paired_cells(r: paired.Paired) -> list[str]:
    if not r.enough:
        return [str(r.n), "—", "—", "—", "—", "недостаточно ответов"]
    return [str(r.n), num(r.mean_before), num(r.mean_after), num(r.mean_change, signed=True),
            f"{num(r.ci_low, signed=True)} … {num(r.ci_high, signed=True)}", paired.VERDICT_LABELS[r.verdict]]


def build_docx(data: Data) -> BytesIO:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    doc = _document()
    org, year, process, found = data.organisation, data.year, data.process, data.found
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("Аналитическая справка по итогам мониторинга реализации программы наставничества")
    run.bold = True
    centre = doc.add_paragraph(export_text.clean(f"{org.name}\n{year.label} учебный год"))
    centre.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_heading("1. Цель мониторинга", level=2)
    doc.add_paragraph("Оценка качества процесса реализации программы наставничества и её влияния на участников: "
                      "сравнение показателей наставляемых до входа в программу и по её итогам.")
    doc.add_heading("2. Период", level=2)
    doc.add_paragraph(f"С {year.first_day.strftime('%d.%m.%Y')} по {year.last_day.strftime('%d.%m.%Y')} "
                      f"({year.label} учебный год). Наставнических пар и групп, начавших работу в этом году: "
                      f"{process.pairs}.")
    doc.add_heading("3. Кто опрошен и доля ответивших", level=2)
    rate_rows = [[f"{STAGE_NAMES[stage].capitalize()} мониторинг", r.asked, r.answered, pct(r.answered, r.asked)]
                 for stage, r in process.rates.items()]
    rate_rows.append(["Анкета «до» (с запросом наставляемого)", found.asked_before, found.answered_before,
                      pct(found.answered_before, found.asked_before)])
    rate_rows.append(["Анкета результатов по итогам", found.asked_after, found.answered_after,
                      pct(found.answered_after, found.asked_after)])
    docx_table(doc, ["Анкета", "Опрошено", "Ответили", "Доля ответивших"], rate_rows)
    doc.add_heading("4. Результаты мониторинга процесса", level=2)
    p = process
    docx_table(doc, ["Показатель", "Значение"], [
        ["Пункты плана, выполненные в срок", f"{pct(p.plan_on_time.part, p.plan_on_time.whole, 'недостаточно данных')} "
                                             f"({p.plan_on_time.part} из {p.plan_on_time.whole})"],
        ["Встреч в месяц на пару (по журналу встреч)", "недостаточно данных" if p.meetings_per_month is None
         else num(p.meetings_per_month)],
        ["Дней от запроса до утверждения пары (медиана)", "недостаточно данных" if p.days_to_pair is None
         else f"{int(p.days_to_pair)} (n = {p.days_to_pair_n})"],
        ["Наставляемые без пары", f"{pct(p.without_pair.part, p.without_pair.whole, 'недостаточно данных')} "
                                  f"({p.without_pair.part} из {p.without_pair.whole})"],
        ["Пары, завершённые досрочно", f"{pct(p.ended_early.part, p.ended_early.whole, 'недостаточно данных')} "
                                       f"({p.ended_early.part} из {p.ended_early.whole})"],
    ])
    for reason in p.early_reasons:
        doc.add_paragraph(export_text.clean(f"Причина досрочного завершения: {reason}"), style="List Bullet")
    doc.add_heading("5. Результаты мониторинга влияния программы", level=2)
    doc.add_paragraph(f"Сравниваются только участники, ответившие и до, и после (n); изменение — среднее разности "
                      f"«после − до» с 95-процентным доверительным интервалом; значимость — критерий Уилкоксона "
                      f"для связанных выборок (уровень 0,05); при n < {paired.MIN_N} вывод не делается.")
    headers = ["Показатель", "n", "До", "После", "Изменение", "95 % ДИ", "Вывод"]
    if found.teacher_problems:
        doc.add_paragraph("Педагоги: самооценка компетентности по задачам из запроса (1–10)")
        docx_table(doc, headers, [[_teacher_problem_name(r)] + _paired_cells(r.result) for r in found.teacher_problems])
    doc.add_paragraph("Педагоги: профессиональное самочувствие")
    docx_table(doc, headers, [[influence.INDICATOR_LABELS[r.key]] + _paired_cells(r.result) for r in found.teachers])
    doc.add_paragraph("Обучающиеся: показатели из анкет")
    docx_table(doc, headers, [[influence.INDICATOR_LABELS[r.key]] + _paired_cells(r.result) for r in found.students])
    if found.student_problems:
        doc.add_paragraph("Обучающиеся: показатель по задаче из запроса")
        docx_table(doc, headers, [[f"{influence.STUDENT_PROBLEMS[r.problem]}: {influence.INDICATOR_LABELS[r.key]}"]
                              + _paired_cells(r.result) for r in found.student_problems])
    if data.subjects:
        doc.add_paragraph("Обучающиеся: отметки по предметам (1–5)")
        docx_table(doc, headers, [[r.subject] + _paired_cells(r.result) for r in data.subjects])
    doc.add_paragraph("Наставники по итогам года (1–10)")
    docx_table(doc, ["Показатель", "n", "Среднее"],
           [[influence.INDICATOR_LABELS[m.key], m.n, "недостаточно ответов" if m.mean is None else num(m.mean)]
            for m in found.mentors])
    doc.add_heading("6. Сравнение с прошлым учебным годом", level=2)
    docx_table(doc, ["Учебный год", "Пар и групп", "Итоговый мониторинг: ответили", "Показатели с улучшением"],
           [[f.year.label, f.pairs, f"{f.rates['exit'].answered} из {f.rates['exit'].asked}",
             f"{f.improved} из {f.compared}" if f.compared else "недостаточно ответов"] for f in data.comparison])
    doc.add_heading("7. Выводы", level=2)
    for sentence in conclusions(data):
        doc.add_paragraph(export_text.clean(sentence), style="List Bullet")
    doc.add_heading("8. Рекомендации", level=2)
    doc.add_paragraph("(заполняется куратором программы наставничества)")
    for _i in range(3):
        doc.add_paragraph("_" * 60)
    doc.add_paragraph("")
    from webapp.russian.names import initials_surname
    curator = org.curator.full_name if org.curator_id else ""
    doc.add_paragraph(export_text.clean(
        f"Куратор программы наставничества\t____________\t{initials_surname(curator) if curator else '________________'}\n"
        f"{org.head_position or 'Директор'}\t____________\t"
        f"{initials_surname(org.head_name) if org.head_name else '________________'}\n"
        f"Дата: «___» ____________ {year.start_year + 1} г."))
    buffer = BytesIO()
    doc.save(buffer)
    buffer.seek(0)
    return buffer


def build_xlsx(data: Data) -> BytesIO:
    """The справка's aggregated tables, numbers as numbers (the spreadsheet formats them)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    wb = Workbook()
    ws = wb.active
    ws.title = "Охват"
    export_text.append(ws, ["Учебный год", data.year.label])
    export_text.append(ws, ["Анкета", "Опрошено", "Ответили"])
    for stage, r in data.process.rates.items():
        export_text.append(ws, [f"{STAGE_NAMES[stage]} мониторинг", r.asked, r.answered])
    export_text.append(ws, ["анкета «до»", data.found.asked_before, data.found.answered_before])
    export_text.append(ws, ["анкета результатов", data.found.asked_after, data.found.answered_after])
    ws2 = wb.create_sheet("До и после")
    export_text.append(ws2, ["Раздел", "Показатель", "n", "До", "После", "Изменение", "ДИ нижняя", "ДИ верхняя", "p", "Вывод"])
    for section, name, r in _rows(data):
        export_text.append(ws2, [section, name, r.n, r.mean_before, r.mean_after, r.mean_change, r.ci_low, r.ci_high, r.p_value,
                    paired.VERDICT_LABELS[r.verdict]])
    ws3 = wb.create_sheet("Процесс")
    p = data.process
    for row in (["Пар и групп", p.pairs], ["Пункты плана в срок", p.plan_on_time.part],
                ["Пункты плана с наступившим сроком", p.plan_on_time.whole],
                ["Встреч в месяц на пару", p.meetings_per_month], ["Дней от запроса до пары (медиана)", p.days_to_pair],
                ["Наставляемые без пары", p.without_pair.part], ["Досрочно завершённые пары", p.ended_early.part]):
        export_text.append(ws3, row)
    ws4 = wb.create_sheet("Наставники")
    export_text.append(ws4, ["Показатель", "n", "Среднее"])
    for m in data.found.mentors:
        export_text.append(ws4, [influence.INDICATOR_LABELS[m.key], m.n, m.mean])
    for sheet in wb.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.column_dimensions["A"].width = 45
        sheet.column_dimensions["B"].width = 45
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, float):
                    cell.number_format = "0.00"
    buffer = BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    return buffer
