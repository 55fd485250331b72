"""Words for a background task's step and error codes (shown in the reader's language)."""
from __future__ import annotations

import json

from flask_babel import gettext, lazy_gettext as _l

TASK_STEP_LABELS = {
    "": _l("В очереди"),
    "loading": _l("Чтение данных"),
    "building": _l("Составление файла"),
    "saving": _l("Сохранение файла"),
    "done": _l("Готово"),
    "failed": _l("Ошибка"),
}

TASK_ERROR_MESSAGES = {
    "worker_lost": "Задача прервана: обработчик фоновых задач остановился во время работы. "
                   "Нажмите «Повторить», чтобы выполнить её снова.",
    "internal": "Задача не выполнена из-за внутренней ошибки.",
    "not_available": "Эта задача пока недоступна в установленной версии программы.",
}

TASK_KIND_LABELS = {
    "matching_run": _l("Подбор пар"),
    "bank_export": _l("Выгрузка банка в XLSX"),
    "regional_report": _l("Региональный отчёт"),
    "region_snapshot": _l("Пересчёт региональной таблицы"),
    "sentence_vectors": _l("Подготовка текста анкеты к подбору пар"),
}

RETRYABLE = ("worker_lost", "internal")


def error_code(stored: str) -> str:
    try:
        return json.loads(stored or "{}").get("code", "")
    except (ValueError, AttributeError):
        return ""


def error_text(stored: str) -> str:
    return gettext(TASK_ERROR_MESSAGES.get(error_code(stored), TASK_ERROR_MESSAGES["internal"]))


def step_text(step: str) -> str:
    label = TASK_STEP_LABELS.get(step or "")
    return str(label) if label is not None else step


def retryable(task) -> bool:
    return task.status == "failed" and error_code(task.error) in RETRYABLE
