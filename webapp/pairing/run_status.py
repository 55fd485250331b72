"""What a matching run stores about its progress and failure: codes and parameters, turned into
words only when a page shows them (in the reader's language).

``MatchingRun.step`` holds a step code; ``MatchingRun.error`` holds ``{"code": …, "params": {…}}`` as
JSON. Rows written before codes were introduced hold Russian text, which is shown as it is.
"""
from __future__ import annotations

import json

from flask_babel import gettext, lazy_gettext as _l

STEP_LABELS = {
    "queued": _l("В очереди"),
    "loading": _l("Загрузка банков и анкет"),
    "scoring": _l("Расчёт совпадений"),
    "candidates": _l("Подбор кандидатов и объяснения"),
    "assigning": _l("Оптимальное распределение"),
    "saving": _l("Сохранение результатов"),
    "failed": _l("Ошибка"),
}

ERROR_MESSAGES = {
    "no_mentees": "В пуле нет наставляемых: никто из банка наставляемых с отправленной анкетой-запросом "
                  "не подходит под фильтры (или все уже в парах). Проверьте фильтры, анкеты и согласия.",
    "no_mentors": "В банке наставников нет ни одного подходящего наставника с отправленной анкетой. "
                  "Проверьте фильтры, анкеты и согласия.",
    "fixed_pairs_invalid": "Пары, сохранённые для повторного подбора, нарушают правила подбора или вместимость "
                           "наставника (%(detail)s). Снимите отметку о сохранении и запустите подбор снова.",
    "interrupted": "Подбор прерван: сервер был перезапущен во время расчёта. Запустите подбор снова.",
    "worker_lost": "Подбор прерван: обработчик фоновых задач остановился во время расчёта. "
                   "Нажмите «Повторить подбор», чтобы выполнить его снова.",
    "internal": "Подбор не выполнен из-за внутренней ошибки.",
}


class RunError(ValueError):
    """A run could not be done, for a reason the coordinator can act on (a code of ERROR_MESSAGES)."""

    def __init__(self, code: str, **params):
        if code not in ERROR_MESSAGES:
            raise KeyError(code)
        super().__init__(code)
        self.code, self.params = code, params

    def stored(self) -> str:
        return stored_error(self.code, **self.params)


def stored_error(code: str, **params) -> str:
    return json.dumps({"code": code, "params": params}, ensure_ascii=False)


def error_code(stored: str) -> str:
    """The code of a stored error ('' for an old free-text one)."""
    try:
        return json.loads(stored).get("code", "")
    except (ValueError, AttributeError):
        return ""


def error_text(stored: str) -> str:
    code = error_code(stored)
    if not code:
        return stored or ""
    params = json.loads(stored).get("params") or {}
    return gettext(ERROR_MESSAGES.get(code, ERROR_MESSAGES["internal"]), **params)


def step_text(step: str) -> str:
    label = STEP_LABELS.get(step)
    return str(label) if label is not None else (step or "")


#: failures a retry of the same run can cure (its worker died; an internal error)
RETRYABLE = ("worker_lost", "internal", "interrupted")


def retryable(run) -> bool:
    return run.status == "failed" and error_code(run.error) in RETRYABLE


def init_app(app) -> None:
    app.jinja_env.globals.update(run_step_text=step_text, run_error_text=error_text, run_retryable=retryable)
