"""One answer, checked against its question: what the form sent -> a stored value or a message.

Form field names: ``q<question id>`` (a list for multiple choice); a ranked question sends one
``q<id>_r_<option value>`` per option with the rank typed or chosen (1 = most important).
Stored values (JSON): text -> str, number -> int or float, scale -> int, yes/no -> bool,
date -> "YYYY-MM-DD", single -> option value, multiple -> option values in the question's order,
ranked -> option values, most important first. ``None`` means "no answer".
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from flask import has_request_context
from flask_babel import gettext

from webapp.models.questionnaire import (DATE, LONG_TEXT, MULTIPLE, NUMBER, RANKED, SCALE, SHORT_TEXT, SINGLE,
                                         YESNO)

SHORT_TEXT_LIMIT, LONG_TEXT_LIMIT = 300, 5000
SCALE_MIN, SCALE_MAX = 1, 10
YES, NO = "yes", "no"


def message(text: str, **params) -> str:
    """A Russian message, translated when a request says which language to use."""
    if has_request_context():
        return gettext(text, **params)
    return text % params if params else text


@dataclass
class Checked:
    value: Any  # what to store; None = no answer
    shown: Any  # what the field shows again (the raw input when it was rejected)
    error: str | None = None


def field_name(question) -> str:
    return f"q{question.id}"


def shown_from_value(question, value) -> Any:
    """A stored value in the shape the field template expects."""
    if value is None:
        return {} if question.qtype == RANKED else ([] if question.qtype == MULTIPLE else "")
    if question.qtype == RANKED:
        return {v: str(i + 1) for i, v in enumerate(value)}
    if question.qtype == YESNO:
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if question.qtype == MULTIPLE else str(value)


def _offered(question) -> list[str]:
    return [o.value for o in question.ordered_options()]


def _number(text: str):
    try:
        number = float(text.replace(",", ".").replace(" ", ""))
    except ValueError:
        return None
    if math.isnan(number) or math.isinf(number):
        return None
    return int(number) if number.is_integer() else number


def _range_error(question, number, low=None, high=None) -> str | None:
    low = question.min_value if question.min_value is not None else low
    high = question.max_value if question.max_value is not None else high
    shown = {"low": _fmt(low), "high": _fmt(high)}
    if low is not None and high is not None and not low <= number <= high:
        return message("Введите число от %(low)s до %(high)s.", **shown)
    if low is not None and number < low:
        return message("Число должно быть не меньше %(low)s.", low=shown["low"])
    if high is not None and number > high:
        return message("Число должно быть не больше %(high)s.", high=shown["high"])
    return None


def _fmt(number) -> str:
    if number is None:
        return ""
    return str(int(number)) if float(number).is_integer() else str(number)


def _text(question, raw: str, limit: int) -> Checked:
    text = raw.replace("\r\n", "\n").strip()
    if not text:
        return Checked(None, "")
    limit = question.max_length or limit
    if len(text) > limit:
        return Checked(None, raw, message("Ответ длиннее %(limit)s символов (сейчас %(n)s). Сократите его.",
                                          limit=limit, n=len(text)))
    return Checked(text, text)


def _single(question, raw: str) -> Checked:
    if not raw:
        return Checked(None, "")
    if raw not in _offered(question):
        return Checked(None, "", message("Такого варианта ответа нет. Выберите один из предложенных."))
    return Checked(raw, raw)


def _multiple(question, raw: list[str]) -> Checked:
    offered = _offered(question)
    chosen = [v for v in raw if v]
    if any(v not in offered for v in chosen):
        return Checked(None, [v for v in chosen if v in offered],
                       message("Такого варианта ответа нет. Выберите из предложенных."))
    value = [v for v in offered if v in set(chosen)]
    if question.max_choices and len(value) > question.max_choices:
        return Checked(None, value, message("Можно выбрать не больше %(n)s вариантов.", n=question.max_choices))
    return Checked(value or None, value)


def _ranked(question, raw: dict[str, str]) -> Checked:
    offered = _offered(question)
    given = {v: r.strip() for v, r in raw.items() if r.strip()}
    if any(v not in offered for v in given):
        return Checked(None, {v: r for v, r in given.items() if v in offered},
                       message("Такого варианта ответа нет. Выберите из предложенных."))
    limit = question.max_choices or len(offered)
    ranks = {}
    for value, rank in given.items():
        if not rank.isdigit() or not 1 <= int(rank) <= limit:
            return Checked(None, given, message("Приоритет — целое число от 1 до %(n)s.", n=limit))
        ranks[value] = int(rank)
    if len(ranks) > limit:
        return Checked(None, given, message("Можно выбрать не больше %(n)s вариантов.", n=limit))
    if len(set(ranks.values())) != len(ranks):
        return Checked(None, given, message("У каждого варианта должен быть свой приоритет: 1, 2, 3…"))
    value = sorted(ranks, key=ranks.get)
    return Checked(value or None, {v: str(i + 1) for i, v in enumerate(value)})


def _scale(question, raw: str) -> Checked:
    if not raw.strip():
        return Checked(None, "")
    number = _number(raw.strip())
    low, high = int(question.min_value or SCALE_MIN), int(question.max_value or SCALE_MAX)
    if number is None or not isinstance(number, int) or not low <= number <= high:
        return Checked(None, "", message("Выберите оценку от %(low)s до %(high)s.", low=low, high=high))
    return Checked(number, str(number))


def _number_answer(question, raw: str) -> Checked:
    if not raw.strip():
        return Checked(None, "")
    number = _number(raw.strip())
    if number is None:
        return Checked(None, raw, message("Введите число, например 3."))
    error = _range_error(question, number, -1e9, 1e9)
    if error:
        return Checked(None, raw, error)
    return Checked(number, _fmt(number))


def _yesno(question, raw: str) -> Checked:
    if not raw:
        return Checked(None, "")
    if raw not in (YES, NO):
        return Checked(None, "", message("Ответьте «да» или «нет»."))
    return Checked(raw == YES, raw)


def _date(question, raw: str) -> Checked:
    if not raw.strip():
        return Checked(None, "")
    try:
        day = dt.date.fromisoformat(raw.strip())
    except ValueError:
        return Checked(None, raw, message("Введите дату в формате ГГГГ-ММ-ДД, например 2026-09-01."))
    if not dt.date(1900, 1, 1) <= day <= dt.date(2100, 12, 31):
        return Checked(None, raw, message("Дата вне допустимого диапазона."))
    return Checked(day.isoformat(), day.isoformat())


def check(question, raw) -> Checked:
    """Check one raw answer; never raises on user input."""
    qtype = question.qtype
    if qtype == MULTIPLE:
        return _multiple(question, raw if isinstance(raw, list) else [raw])
    if qtype == RANKED:
        return _ranked(question, raw if isinstance(raw, dict) else {})
    raw = raw if isinstance(raw, str) else ""
    if qtype == SHORT_TEXT:
        return _text(question, raw, SHORT_TEXT_LIMIT)
    if qtype == LONG_TEXT:
        return _text(question, raw, LONG_TEXT_LIMIT)
    handlers = {SINGLE: _single, SCALE: _scale, NUMBER: _number_answer, YESNO: _yesno, DATE: _date}
    return handlers[qtype](question, raw)


def required_message(question=None) -> str:
    """What to do to answer an unanswered required ``question``, in words that fit its kind."""
    qtype = getattr(question, "qtype", None)
    if qtype in (SINGLE, YESNO):
        return message("Выберите один из вариантов: без ответа на этот вопрос анкету не отправить.")
    if qtype == SCALE:
        return message("Выберите оценку на шкале: без неё анкету не отправить.")
    if qtype == MULTIPLE:
        return message("Отметьте хотя бы один вариант: без ответа на этот вопрос анкету не отправить.")
    if qtype == RANKED:
        return message("Поставьте приоритет хотя бы одному варианту (1 — самое важное).")
    if qtype == NUMBER:
        return message("Введите число: без ответа на этот вопрос анкету не отправить.")
    if qtype == DATE:
        return message("Укажите дату: без неё анкету не отправить.")
    if qtype in (SHORT_TEXT, LONG_TEXT):
        return message("Напишите ответ: без него анкету не отправить.")
    return message("Это обязательный вопрос: ответьте на него, чтобы отправить анкету.")


def stale_message() -> str:
    """A write based on an older version of an answer than the one stored, refused."""
    return message("Этот ответ уже изменён в другой вкладке или после того, как страница была открыта; "
                   "новый ответ сохранён, устаревший не записан. Обновите страницу и проверьте ответ.")
