"""Text as it enters the application: control characters are stripped at the boundary.

A vertical tab (what Word's Shift+Enter pastes), NUL or another C0 control character in a name or an
answer is invisible on screen, cannot be typed back to fix it, and breaks the XML inside XLSX/DOCX
exports. Every submitted form value (WTForms fields, questionnaire answers, htmx autosaves) passes
through ``clean`` before any view sees it; imported cells do too (webapp.users.importing). Tab,
newline and carriage return stay. Passwords are left exactly as typed.
"""
from __future__ import annotations

import re

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict

CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
VERBATIM_FIELDS = frozenset({"password", "confirm", "current", "csrf_token"})


def clean(text: str) -> str:
    return CONTROL_RE.sub("", text) if isinstance(text, str) else text


def clean_form(form):
    if not any(CONTROL_RE.search(v) for k, v in form.items(multi=True) if k not in VERBATIM_FIELDS):
        return form
    return ImmutableMultiDict([(k, v if k in VERBATIM_FIELDS else clean(v)) for k, v in form.items(multi=True)])


class CleanFormMixin:
    """A request whose ``form`` (and so ``values``) carries cleaned text."""

    def _load_form_data(self) -> None:
        super()._load_form_data()
        if "form" in self.__dict__:
            self.__dict__["form"] = clean_form(self.__dict__["form"])


class CleanRequest(CleanFormMixin, Request):
    pass


def init_app(app) -> None:
    """Call after extensions that replace the request class (htmx-flask does): it wraps theirs."""
    if not issubclass(app.request_class, CleanFormMixin):
        app.request_class = type("CleanRequest", (CleanFormMixin, app.request_class), {})
