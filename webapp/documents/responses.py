"""A document as a download, or, when it cannot be made, a clear message where the user came from."""
from __future__ import annotations

from flask import flash, redirect

from webapp.documents.archive import TemplateFileError
from webapp.documents.requisites import MissingRequisites, missing_message
from webapp.downloads import download


def document_or_message(build, filename: str, back: str):
    """``build()`` → DOCX bytes sent as ``filename``; missing requisites or a broken template: flash
    the reason (what to fill in and where) and go back to ``back`` (303)."""
    try:
        data = build()
    except MissingRequisites as error:
        flash(missing_message(error.missing), "error")
        return redirect(back, 303)
    except TemplateFileError as error:
        flash(error.message, "error")
        return redirect(back, 303)
    return download(data, filename)
