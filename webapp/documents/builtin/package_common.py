"""The context every document of the normative package shares, with its sample."""
from __future__ import annotations

from webapp.documents.builtin.common import SAMPLE_CURATOR, SAMPLE_ORG, order_head as school_order_head

BLANK_DATE = "«___» __________ 20___ г."

SAMPLE_PACKAGE = {
    "org": {**SAMPLE_ORG, "head_acting": "действующей"},
    "curator": SAMPLE_CURATOR,
    "year": {"label": "2026/2027", "start": "01.09.2026", "end": "31.05.2027"},
    "doc": {"number": "12-о", "date": "01.09.2026", "date_long": "1 сентября 2026 г."},
    "approval": {"number": "12-о", "date": "01.09.2026"},
    "mentors": [{"name": "Черных Анна Петровна", "name_datv": "Черных Анне Петровне",
                 "name_accs": "Черных Анну Петровну", "name_gent": "Черных Анны Петровны",
                 "initials": "А.П. Черных", "position": "учитель математики",
                 "position_datv": "учителю математики", "position_gent": "учителя математики",
                 "mentees": "Дюма Александр Александрович",
                 "pairs_count": "1 пара или группа", "pairs_count_accs": "1 пару или группу"}],
    "roadmap": [{"n": 1, "title": "Разработка и утверждение Положения о программе наставничества",
                 "due": "до 01.09.2026", "responsible": "И.Г. Белова", "result": "Приказ, Положение"}],
    "staff_mentors": None,  # set below: the teachers among the mentors
    "awards": [{"text": "Объявить благодарность учителю математики Черных Анне Петровне (за успешное "
                        "наставничество)."}],
    "counts": {"mentors": "1 наставник", "pairs": "1 пара или группа", "mentees": "1 наставляемый"},
}


def order_head(sheet, title: str) -> None:
    """The head of an order of the package: its date and number, or blanks for a draft to sign by hand."""
    school_order_head(sheet, title, "{{ doc.date_long or '" + BLANK_DATE + "' }}\t№ {{ doc.number or '______' }}")


def order_tail(sheet) -> None:
    sheet.signature("{{ org.head_position }}", "{{ org.head_initials }}")


SAMPLE_PACKAGE["staff_mentors"] = SAMPLE_PACKAGE["mentors"]
