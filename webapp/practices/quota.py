"""How much one person may upload a day and how much one school may keep.

Counted from the stored files themselves (PracticeFile: who, when, how big), so nothing extra is
kept. Called inside the transaction that stores the files: on SQLite that transaction starts as
BEGIN IMMEDIATE, so two submissions of the same person cannot both slip under the limit.
"""
from __future__ import annotations

import datetime as dt

import peewee as pw
from flask import current_app
from flask_babel import gettext as _, ngettext

from webapp.models import Practice, PracticeFile
from webapp.practices.uploads import MB, UploadRejected, size_label

DEFAULTS = {
    "UPLOAD_FILES_PER_DAY": 20,                 # files one person may attach in 24 hours
    "UPLOAD_BYTES_PER_DAY": 50 * MB,            # bytes one person may attach in 24 hours
    "UPLOAD_SCHOOL_TOTAL_BYTES": 2 * 1024 * MB,  # everything a school's collection may hold
}


def limit(key: str) -> int:
    return int(current_app.config.get(key, DEFAULTS[key]))


def used_today(user) -> tuple[int, int]:
    """(files, bytes) ``user`` attached in the last 24 hours."""
    since = dt.datetime.now() - dt.timedelta(days=1)
    row = (PracticeFile.select(pw.fn.COUNT(PracticeFile.id), pw.fn.COALESCE(pw.fn.SUM(PracticeFile.size), 0))
           .where((PracticeFile.uploaded_by == user) & (PracticeFile.uploaded_at >= since)).tuples().get())
    return int(row[0]), int(row[1])


def school_total(organisation) -> int:
    return int(PracticeFile.select(pw.fn.COALESCE(pw.fn.SUM(PracticeFile.size), 0))
               .join(Practice).where(Practice.organisation == organisation).scalar() or 0)


def check(user, organisation, sizes: list[int]) -> None:
    """Raise UploadRejected (a Russian sentence) when storing files of ``sizes`` breaks a limit."""
    if not sizes:
        return
    files, size = used_today(user)
    max_files = limit("UPLOAD_FILES_PER_DAY")
    if files + len(sizes) > max_files:
        left = max(0, max_files - files)
        raise UploadRejected(ngettext(
            "За сутки можно прикрепить не больше %(num)d файла; сейчас можно ещё %(left)d. Попробуйте завтра.",
            "За сутки можно прикрепить не больше %(num)d файлов; сейчас можно ещё %(left)d. Попробуйте завтра.",
            max_files, left=left))
    max_bytes = limit("UPLOAD_BYTES_PER_DAY")
    if size + sum(sizes) > max_bytes:
        raise UploadRejected(_("За сутки можно загрузить файлов общим объёмом не больше %(limit)s; "
                               "сейчас осталось %(left)s. Попробуйте завтра.",
                               limit=size_label(max_bytes), left=size_label(max(0, max_bytes - size))))
    total = limit("UPLOAD_SCHOOL_TOTAL_BYTES")
    if school_total(organisation) + sum(sizes) > total:
        raise UploadRejected(_("Место для файлов методической копилки школы закончилось (не больше %(limit)s). "
                               "Попросите куратора удалить ненужные файлы.", limit=size_label(total)))
