"""Printable documents of pairs (DOCX): the order assigning pairs and groups, and the personalised
programme. What is missing is left as a visible blank «________» to fill in by hand."""
from __future__ import annotations

import datetime as dt
from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from matching.catalogue import FORM_LABELS, TYPES
from webapp.programmes.groups import STAGES
from webapp.programmes.programme import PLAN_STATUS_LABELS

BLANK = "________"
LONG_BLANK = "_" * 40
MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
          "октября", "ноября", "декабря")
ORDER_COLUMNS = ("№ п/п", "ФИО наставника", "ФИО наставляемого", "Форма наставничества",
                 "Вид наставничества", "Срок наставничества")
PLAN_COLUMNS = ("№", "Наименование мероприятия", "Срок реализации", "Ответственный исполнитель",
                "Результат (вид документа)", "Отметка о выполнении")


def long_date(value: dt.date | None) -> str:
    if value is None:
        return f"«{BLANK[:3]}» {BLANK} 20{BLANK[:2]} г."
    return f"«{value.day}» {MONTHS[value.month - 1]} {value.year} г."


def short_date(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else BLANK


def _or_blank(text: str | None, blank: str = BLANK) -> str:
    text = (text or "").strip()
    return text if text else blank


def _document() -> Document:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    for section in document.sections:
        section.left_margin, section.right_margin = Cm(2.5), Cm(1.5)
        section.top_margin = section.bottom_margin = Cm(2)
    return document


def _centered(document, text: str, bold: bool = False, size: int | None = None):
    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    return p


def _justified(document, text: str):
    p = document.add_paragraph(text)
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return p


def _table(document, header, rows):
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = str(text)
    return table


def _names(people) -> str:
    return ", ".join(p.full_name for p in people) if people else LONG_BLANK


def _term(group) -> str:
    return f"с {short_date(group.started_on)} по {short_date(group.planned_end_on)}"


def _bytes(document) -> bytes:
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def order_docx(organisation, order, rows) -> bytes:
    """Приказ «О закреплении наставнических пар (групп)» listing ``rows`` (GroupRow objects)."""
    document = _document()
    _centered(document, _or_blank(organisation.name, LONG_BLANK), bold=True)
    _centered(document, "ПРИКАЗ", bold=True, size=14)
    p = document.add_paragraph()
    p.add_run(long_date(order.signed_on))
    p.add_run("\t\t\t\t\t\t")
    p.add_run(f"№ {_or_blank(order.number)}")
    _centered(document, "О закреплении наставнических пар (групп)", bold=True)
    basis = _or_blank(order.basis, LONG_BLANK)
    _justified(document, f"В соответствии с {basis}, на основании письменных согласий наставников и "
                         "наставляемых (законных представителей несовершеннолетних обучающихся), в целях "
                         "реализации целевой модели наставничества")
    document.add_paragraph().add_run("ПРИКАЗЫВАЮ:").bold = True
    _justified(document, "1. Закрепить наставнические пары (группы) в следующем составе:")
    table_rows = []
    for index, row in enumerate(rows, start=1):
        table_rows.append((index, _names(row.mentors), _names(row.mentees),
                           FORM_LABELS.get(row.group.form, _or_blank(row.group.form)),
                           TYPES.get(row.group.kind, _or_blank(row.group.kind)), _term(row.group)))
    _table(document, ORDER_COLUMNS, table_rows)
    deadline = order.signed_on + dt.timedelta(days=30) if order.signed_on else None
    _justified(document, "2. Наставникам совместно с наставляемыми разработать персонализированные программы "
                         f"наставничества в срок до {short_date(deadline)} и представить их куратору на утверждение.")
    _justified(document, "3. Назначить ответственным за организацию работы наставнических пар (групп) и мониторинг "
                         f"реализации программ наставничества куратора {_or_blank(order.responsible_name, LONG_BLANK)}.")
    _justified(document, "4. Контроль за исполнением настоящего приказа оставляю за собой.")
    document.add_paragraph()
    p = document.add_paragraph()
    p.add_run("Руководитель образовательной организации\t")
    p.add_run(f"____________ / {_or_blank(organisation.head_name, '____________________')} /")
    document.add_paragraph()
    document.add_paragraph("С приказом ознакомлены:")
    for row in rows:
        for person in row.mentors + row.mentees:
            document.add_paragraph(f"{person.full_name}\t____________\t«___» ________ 20__ г.")
    return _bytes(document)


def programme_docx(organisation, row, programme, plan_items) -> bytes:
    """Персонализированная программа наставничества of one pair or group."""
    document = _document()
    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.add_run("УТВЕРЖДАЮ\nРуководитель образовательной организации\n"
              f"____________ / {_or_blank(organisation.head_name, '____________________')} /\n"
              f"{long_date(None)}")
    _centered(document, "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА", bold=True, size=14)
    _centered(document, _or_blank(organisation.name, LONG_BLANK))
    facts = [
        ("Наставник", _names(row.mentors)),
        ("Наставляемый", _names(row.mentees)),
        ("Форма наставничества", FORM_LABELS.get(row.group.form, _or_blank(row.group.form))),
        ("Вид наставничества", TYPES.get(row.group.kind, _or_blank(row.group.kind))),
        ("Срок реализации", _term(row.group)),
        ("Приказ о закреплении", f"№ {_or_blank(row.group.order_number)} от {short_date(row.group.order_date)}"),
        ("Текущий этап", STAGES.get(row.group.stage, BLANK)),
    ]
    for label, value in facts:
        para = document.add_paragraph()
        para.add_run(f"{label}: ").bold = True
        para.add_run(value)
    for title, text in (("1. Цели программы", programme.goals), ("2. Задачи", programme.tasks),
                        ("3. Ожидаемые результаты", programme.expected_results)):
        document.add_paragraph().add_run(title).bold = True
        if (text or "").strip():
            for line in text.strip().splitlines():
                _justified(document, line)
        else:
            document.add_paragraph(LONG_BLANK)
            document.add_paragraph(LONG_BLANK)
    document.add_paragraph().add_run("4. План мероприятий").bold = True
    rows = [(i, item.name, short_date(item.deadline), _or_blank(item.responsible), _or_blank(item.result_doc),
             PLAN_STATUS_LABELS.get(item.status, item.status)) for i, item in enumerate(plan_items, start=1)]
    if not rows:
        rows = [(i, BLANK, BLANK, BLANK, BLANK, BLANK) for i in range(1, 4)]
    _table(document, PLAN_COLUMNS, rows)
    document.add_paragraph()
    for label, people in (("Наставник", row.mentors), ("Наставляемый", row.mentees)):
        for person in people or [None]:
            name = person.full_name if person else "____________________"
            document.add_paragraph(f"{label}: ____________ / {name} /")
    document.add_paragraph("Куратор программы наставничества: ____________ / ____________________ /")
    return _bytes(document)
