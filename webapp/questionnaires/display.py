"""Answers as people read them: option labels, «да»/«нет», ranked lists with their priority."""
from __future__ import annotations

from itertools import groupby

from flask_babel import gettext as _

from webapp import number_format
from webapp.models.questionnaire import CHOICE_TYPES, RANKED, YESNO
from webapp.shipped_text import shipped


def answer_text(question, value) -> str:
    """Plain text of a stored answer to ``question`` (escaped by Jinja when shown)."""
    if value is None or value == "" or value == []:
        return _("нет ответа")
    if question.qtype == YESNO:
        return _("да") if value else _("нет")
    if question.qtype in CHOICE_TYPES:
        labels = {o.value: shipped(o.label) for o in question.ordered_options()}
        values = value if isinstance(value, list) else [value]
        if question.qtype == RANKED:
            return "; ".join(f"{i}. {labels.get(v, v)}" for i, v in enumerate(values, start=1))
        return "; ".join(labels.get(v, v) for v in values)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else number_format.number(value)
    return str(value)


def by_section(questions) -> list[tuple[str, list]]:
    """Consecutive questions grouped under their section title."""
    return [(section, list(items)) for section, items in groupby(questions, key=lambda q: q.section)]

