"""A refused WTForms form as one line of text, for a flash message or a panel's alert."""
from __future__ import annotations

from flask_babel import gettext as _


def error_text(form) -> str:
    """Every message of a refused form, in field order; a stale CSRF token says so in plain words."""
    if getattr(form, "csrf_token", None) is not None and form.csrf_token.errors:
        return _("Форма устарела. Обновите страницу и отправьте её снова.")
    return " ".join(str(e) for name, errors in form.errors.items() if name != "csrf_token" for e in errors)
