"""Files attached to practices: type, content and size checks, random stored names, reading back.

A file is accepted only when its extension is allowed AND its first bytes are what that type
starts with (a renamed .exe is refused). Stored under UPLOAD_FOLDER/practices with a random name;
the original name is kept only for the download's Content-Disposition.
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _

from webapp import archives, number_format

MB = 1024 * 1024
DEFAULT_MAX_FILE_SIZE = 10 * MB
MAX_FILES_PER_SUBMISSION = 3

# extension -> (MIME type, content check)
OOXML = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF = {"odt": "application/vnd.oasis.opendocument.text"}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
}
ALLOWED_LABEL = "PDF, DOCX, XLSX, PPTX, ODT, JPG, PNG"


class UploadRejected(Exception):
    """A file that may not be stored; the message is a Russian sentence for the user."""


@dataclass
class CheckedFile:
    original_name: str
    extension: str
    content_type: str
    data: bytes


def max_file_size() -> int:
    return int(current_app.config.get("PRACTICE_MAX_FILE_SIZE", DEFAULT_MAX_FILE_SIZE))


def size_label(size: int) -> str:
    """10 МБ, 1,5 МБ or 512 КБ (10 MB, 1.5 MB, 512 KB in English)."""
    if size >= MB:
        places = 0 if size % MB == 0 else 1
        return _("%(size)s МБ", size=number_format.decimal(size / MB, places))
    return _("%(size)s КБ", size=max(1, round(size / 1024)))


def _archive_matches(extension: str, data: bytes) -> bool:
    """The archive passes the size limits and holds what its type must hold (see webapp.archives)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    with archives.open_checked(data) as archive:
        names = archive.namelist()
        if extension in OOXML:
            return "[Content_Types].xml" in names and any(n.startswith(OOXML[extension]) for n in names)
        mimetype = archives.read_member(archive, "mimetype", cap=200)
        return mimetype is not None and mimetype.decode("ascii", "replace").strip() == ODF[extension]


def content_matches(extension: str, data: bytes) -> bool:
    if extension == "pdf":
        return data.startswith(b"%PDF-")
    if extension in ("jpg", "jpeg"):
        return data.startswith(b"\xff\xd8\xff")
    if extension == "png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in OOXML or extension in ODF:
        try:
            return _archive_matches(extension, data)
        except archives.ArchiveRejected as exc:
            if exc.code == "not_zip":
                return False
            raise
    return False


def clean_name(name: str) -> str:
    """The user's file name without folders or control characters, at most 200 characters."""
    name = (name or "").replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '<>:"|?*').strip().strip(".")
    if len(name) > 200:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:190] + dot + ext) if dot else name[:200]
    return name or "file"


def check(filename: str, data: bytes) -> CheckedFile:
    name = clean_name(filename)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in TYPES:
        raise UploadRejected(_("Файл «%(name)s»: такой тип файлов не принимается. Допустимы: %(allowed)s.",
                                name=name, allowed=ALLOWED_LABEL))
    limit = max_file_size()
    if len(data) > limit:
        raise UploadRejected(_("Файл «%(name)s» слишком большой. Допустимый размер — не более %(limit)s.",
                                name=name, limit=size_label(limit)))
    if not data:
        raise UploadRejected(_("Файл «%(name)s» пустой.", name=name))
    try:
        matches = content_matches(extension, data)
    except archives.ArchiveRejected:
        raise UploadRejected(_("Файл «%(name)s»: архив внутри документа распаковывается в слишком большой объём "
                               "или содержит слишком много частей. Такой файл не принимается.", name=name))
    if not matches:
        raise UploadRejected(_("Файл «%(name)s»: содержимое не соответствует расширению .%(extension)s. "
                               "Сохраните файл в нужном формате и загрузите снова.", name=name,
                               extension=extension))
    return CheckedFile(name, extension, TYPES[extension], data)


def folder() -> Path:
    path = Path(current_app.config["UPLOAD_FOLDER"]) / "practices"
    path.mkdir(parents=True, exist_ok=True)
    return path


def store(checked: CheckedFile) -> str:
    """Write the bytes under a random name; return the stored name."""
    stored = f"{secrets.token_hex(16)}.{checked.extension}"
    target = folder() / stored
    with open(target, "xb") as handle:
        handle.write(checked.data)
    return stored


def path_of(stored_name: str) -> Path:
    if not stored_name or "/" in stored_name or "\\" in stored_name or stored_name.startswith("."):
        raise FileNotFoundError(stored_name)
    return folder() / stored_name


def remove(stored_name: str) -> None:
    try:
        os.remove(path_of(stored_name))
    except FileNotFoundError:
        pass
