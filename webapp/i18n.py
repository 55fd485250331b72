"""Interface language: Russian by default, English switchable, through Flask-Babel catalogues.

Message ids are the Russian UI text itself, so the Russian interface never depends on a compiled
catalogue; ``translations/en`` carries the English one. Catalogues are compiled from the .po files
when the app starts and the .mo is missing or older.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from flask import has_request_context, session
import flask_babel
from flask_babel import Babel
from flask_login import current_user

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
LANGUAGES = {"ru": "Русский", "en": "English"}


def compile_catalogues(root: Path = TRANSLATIONS) -> None:
    for po_path in root.glob("*/LC_MESSAGES/messages.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        from babel.messages.mofile import write_mo  # only when a catalogue is stale, not at every start
        from babel.messages.pofile import read_po
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file)
        # a temporary file of its own: several workers (gunicorn's, pytest-xdist's) may compile at the same
        # moment, and each replaces the .mo whole, so none reads a half-written one
        handle, tmp = tempfile.mkstemp(dir=mo_path.parent, prefix=f".{mo_path.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as mo_file:
            write_mo(mo_file, catalog)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the catalogue is read by whoever serves the app
        os.replace(tmp, mo_path)


def select_locale() -> str:
    if not has_request_context():  # a command, a report built outside a request
        return "ru"
    chosen = session.get("lang")
    if chosen in LANGUAGES:
        return chosen
    if current_user and getattr(current_user, "is_authenticated", False) and current_user.locale in LANGUAGES:
        return current_user.locale
    return "ru"


def request_translations():
    """This request's catalogue, looked up once per request and language.

    Flask-Babel finds it anew for every ``_()`` a template calls (its context, domain, locale and
    the locale's name each time): a page makes 30–160 such calls, a tenth of a list page's time."""
    ctx = flask_babel._get_current_context()
    if ctx is None:
        return flask_babel.get_translations()
    locale = getattr(ctx, "babel_locale", None)
    kept = getattr(ctx, "nastavnik_translations", None)
    if kept is not None and locale is not None and kept[0] is locale:
        return kept[1]
    translations = flask_babel.get_translations()
    ctx.nastavnik_translations = (getattr(ctx, "babel_locale", None), translations)  # refresh() drops the locale
    return translations


def init_app(app) -> None:
    compile_catalogues()
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS))
    Babel(app, locale_selector=select_locale)
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: request_translations().ugettext(s),
        ngettext=lambda s, p, n: request_translations().ungettext(s, p, n),
        pgettext=lambda c, s: request_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: request_translations().unpgettext(c, s, p, n),
        newstyle=True)
    app.jinja_env.globals["LANGUAGES"] = LANGUAGES
    app.jinja_env.globals["current_lang"] = select_locale
