"""Files the app hands out (DOCX orders and reports, XLSX exports, JSON personal data)."""
from __future__ import annotations

from io import BytesIO
from pathlib import PurePath

from flask import send_file

MIMETYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".json": "application/json",
}


def download(data, filename: str):
    """Send ``data`` (bytes or a binary stream) as an attachment called ``filename``.

    These files carry personal data, so no browser or proxy may keep a copy.
    """
    stream = BytesIO(data) if isinstance(data, (bytes, bytearray)) else data
    response = send_file(stream, mimetype=MIMETYPES[PurePath(filename).suffix], as_attachment=True,
                         download_name=filename, max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    return response
