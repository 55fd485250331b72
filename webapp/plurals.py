"""Numbers with nouns in the interface, the CLI and documents.

Message ids are the Russian text, so Russian must come out right with no compiled catalogue:
``plural(n, one, few, many)`` takes all three Russian forms and picks one by the CLDR rules Babel
carries (1, 21, 101 наставник; 2–4, 22–24 наставника; 0, 5–20, 25–30, 111 наставников). In any
other language it asks the catalogue through ``ngettext(one, many, n)``, so the English catalogue
holds the entry as msgid ``one`` / msgid_plural ``many`` (bin/update-translations extracts
``plural`` with the keyword spec ``plural:2,4``).
"""
from __future__ import annotations

from flask import has_app_context
from flask_babel import get_locale, ngettext

from webapp.russian.numbers import agree


def _language() -> str:
    if not has_app_context():
        return "ru"
    try:
        locale = get_locale()
    except Exception:  # noqa: BLE001 - no Babel set up (a bare script): Russian
        return "ru"
    return locale.language if locale is not None else "ru"


def plural(number: int, one: str, few: str, many: str, **variables) -> str:
    """The form agreeing with ``number``; ``%(num)d`` and ``%(name)s`` placeholders are filled."""
    if _language() != "ru":
        return ngettext(one, many, number, **variables)
    return agree(number, one, few, many) % {"num": number, **variables}


def init_app(app) -> None:
    app.jinja_env.globals["plural"] = plural
