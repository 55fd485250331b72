"""Персонализированная программа наставничества of one pair or group, approved by the head."""
from __future__ import annotations

from webapp.documents.builtin.common import SAMPLE_CURATOR, SAMPLE_ORG, approval_stamp
from webapp.documents.layout import Sheet

TITLE = "Персонализированная программа наставничества"
FILENAME = "programma.docx"


def _lines(sheet, heading: str, field: str) -> None:
    sheet.para(heading, align="left", bold=True, indent=False, keep_next=True)
    sheet.tag(f"for line in p.{field}")
    sheet.para("{{ line }}")
    sheet.tag("endfor")


def build() -> Sheet:
    sheet = Sheet()
    approval_stamp(sheet)
    sheet.title("ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА", "{{ org.short_name }}",
                "на {{ org.school_year }} учебный год")
    sheet.blank()
    for label, value in (("Наставник", "{{ p.mentors }}"), ("Наставляемый", "{{ p.mentees }}"),
                         ("Форма наставничества", "{{ p.form }}"), ("Вид наставничества", "{{ p.kind }}"),
                         ("Срок реализации", "с {{ p.start }} по {{ p.end }}"),
                         ("Приказ о закреплении", "от {{ p.order_date }} № {{ p.order_number }}"),
                         ("Куратор", "{{ curator.name }}")):
        sheet.runs((f"{label}: ", True), (value, False), indent=False)
    sheet.blank()
    _lines(sheet, "1. Запрос наставляемого", "request")
    _lines(sheet, "2. Проблемы, на решение которых направлена программа", "problems")
    _lines(sheet, "3. Цели программы", "goals")
    _lines(sheet, "4. Задачи", "tasks")
    _lines(sheet, "5. Ожидаемые результаты", "results")
    sheet.para("6. План мероприятий", align="left", bold=True, indent=False, keep_next=True)
    sheet.table(["№ п/п", "Наименование мероприятия", "Срок реализации", "Ответственный исполнитель",
                 "Результат (вид документа)"],
                ["{{ i.n }}", "{{ i.name }}", "{{ i.deadline }}", "{{ i.responsible }}", "{{ i.result }}"],
                loop="for i in plan", widths=[1.2, 6.0, 2.6, 3.5, 3.2])
    sheet.blank()
    sheet.tag("for s in signatures")
    sheet.signature("{{ s.role }}", "{{ s.name }}")
    sheet.tag("endfor")
    return sheet


SAMPLE = {
    "org": SAMPLE_ORG,
    "curator": SAMPLE_CURATOR,
    "p": {"mentors": "Черных Анна Петровна", "mentees": "Дюма Александр Александрович",
          "form": "Учитель – учитель", "kind": "традиционное", "start": "01.10.2026", "end": "31.08.2027",
          "order_date": "01.10.2026", "order_number": "45-о",
          "request": ["Адаптация молодого педагога в коллективе."],
          "problems": ["Адаптация молодых педагогов", "Профессиональный рост педагога"],
          "goals": ["Освоение методики урока."], "tasks": ["Посетить 10 уроков наставника."],
          "results": ["Самостоятельное проведение уроков."]},
    "plan": [{"n": 1, "name": "Установочная встреча", "deadline": "10.10.2026",
              "responsible": "А.П. Черных", "result": "План работы"}],
    "signatures": [{"role": "Наставник", "name": "А.П. Черных"}, {"role": "Наставляемый", "name": "А.А. Дюма"},
                   {"role": "Куратор", "name": "И.Г. Белова"}],
}
