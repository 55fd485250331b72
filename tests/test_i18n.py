"""Interface language: Russian by default, English through POST /language, and a complete English catalogue."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import text
from tests.factories import PASSWORD
from webapp.models import User

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "translations" / "en" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrx%]")


def switch(client, lang: str, next_path: str = "/login"):
    return client.post("/language", data={"lang": lang, "next": next_path})


def test_russian_is_the_default(client, school):
    page = text(client.get("/login"))
    assert '<html lang="ru">' in page
    assert "Вход в систему" in page and "Войти" in page
    assert ">English</button>" in page  # the header offers the other language


def test_login_page_switches_to_english_and_back(client, school):
    response = switch(client, "en")
    assert response.status_code == 303 and response.location.endswith("/login")
    page = text(client.get("/login"))
    assert '<html lang="en">' in page
    assert "Sign in" in page and "No password? Ask the coordinator for an invitation link." in page
    assert "Вход в систему" not in page
    assert ">Русский</button>" in page

    switch(client, "ru")
    page = text(client.get("/login"))
    assert '<html lang="ru">' in page and "Вход в систему" in page and "Sign in" not in page


def test_form_errors_follow_the_language(client, school):
    switch(client, "en")
    response = client.post("/login", data={"login": "kurator", "password": "wrong-password"})
    assert response.status_code == 401 and "Wrong login or password." in text(response)
    response = client.post("/login", data={"login": "", "password": ""})
    assert response.status_code == 400 and "Fill in this field." in text(response)


def test_coordinators_dashboard_and_user_list_in_english(client, auth, school):
    auth.login("kurator")
    switch(client, "en", "/dashboard")
    page = text(client.get("/dashboard"))
    assert "Hello, Кураторова Ирина Петровна!" in page  # names stay as entered
    assert "The mentoring programme in numbers" in page and "Quick actions" in page
    assert "coordinator" in page  # role label (lazy_gettext in webapp.labels)
    assert "Sign out" in page and "Быстрые действия" not in page

    page = text(client.get("/users"))
    assert "Users" in page and "Search by name, login, e-mail" in page
    assert "Пользователи" not in page

    switch(client, "ru", "/users")
    page = text(client.get("/users"))
    assert "Пользователи" in page and "Search by name, login, e-mail" not in page
    assert "Быстрые действия" in text(client.get("/dashboard"))


def test_switch_redirects_to_the_page_it_came_from_and_never_off_site(client, auth, school):
    auth.login("kurator")
    assert switch(client, "en", "/users?q=x").location.endswith("/users?q=x")
    assert switch(client, "en", "https://evil.example/").location.endswith("/dashboard")
    assert switch(client, "en", "//evil.example/").location.endswith("/dashboard")


def test_signed_in_choice_is_stored_and_survives_a_new_session(app, school):
    first = app.test_client()
    first.post("/login", data={"login": "mentor", "password": PASSWORD})
    switch(first, "en", "/dashboard")
    assert User.get(User.login == "mentor").locale == "en"

    second = app.test_client()  # another browser: no session yet
    assert "Вход в систему" in text(second.get("/login"))  # anonymous: still Russian
    second.post("/login", data={"login": "mentor", "password": PASSWORD})
    page = text(second.get("/dashboard"))
    assert '<html lang="en">' in page and "Your roles:" in page

    switch(second, "ru", "/dashboard")
    assert User.get(User.login == "mentor").locale == "ru"
    third = app.test_client()
    third.post("/login", data={"login": "mentor", "password": PASSWORD})
    assert "Ваши роли:" in text(third.get("/dashboard"))


def test_anonymous_choice_is_not_written_to_any_user(client, school):
    switch(client, "en")
    assert User.select().where(User.locale.is_null(False)).count() == 0


@pytest.mark.parametrize("lang", ["de", "", "EN", "en-US", "ru ", "x" * 300])
def test_unknown_language_changes_nothing(client, auth, school, lang):
    auth.login("kurator")
    response = switch(client, lang, "/dashboard")
    assert response.status_code == 303
    page = text(client.get("/dashboard"))
    assert '<html lang="ru">' in page and "Быстрые действия" in page
    assert User.get(User.login == "kurator").locale is None

    switch(client, "en", "/dashboard")
    switch(client, lang, "/dashboard")
    assert "Quick actions" in text(client.get("/dashboard"))
    assert User.get(User.login == "kurator").locale == "en"


def test_missing_language_field_changes_nothing(client, school):
    response = client.post("/language", data={})
    assert response.status_code == 303
    assert "Вход в систему" in text(client.get("/login"))


# The catalogue: every message id in the code has an English translation with the same placeholders.

@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The message template extracted from the current code by bin/update-translations, with the tools
    of the venv running these tests (a checkout tested with another checkout's venv has none of its own)."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run([str(ROOT / "bin" / "update-translations"), "--pot", str(pot)], check=True, capture_output=True,
                   timeout=300, env={**os.environ, "VENV_BIN": str(Path(sys.executable).parent)})
    with pot.open("rb") as handle:
        return read_po(handle)


@pytest.fixture(scope="module")
def english():
    with PO.open("rb") as handle:
        return read_po(handle)


def _ids(catalog):
    return {message.id for message in catalog if message.id}


def test_extraction_finds_the_ui(template):
    ids = _ids(template)
    assert len(ids) > 500
    assert {"Вход в систему", "Войти", "Пароль", "Пользователи"} <= ids  # templates and lazy_gettext
    assert "Неверный логин или пароль." in ids  # gettext in a view
    assert "Введите число от %(low)s до %(high)s." in ids  # questionnaires' message()
    assert "Ссылка-приглашение недействительна." in ids  # an exception shown through _(str(exc))


def test_every_message_in_the_code_is_translated(template, english):
    # a plural entry is translated when every one of its forms is
    missing = sorted(_ids(template) - {m.id for m in english if m.id and all(_forms(m.string)) and not m.fuzzy})
    assert not missing, (f"{len(missing)} message(s) have no English translation; run bin/update-translations "
                         f"and fill translations/en/LC_MESSAGES/messages.po: {missing[:20]}")


def _forms(value) -> tuple:
    return value if isinstance(value, tuple) else (value,)


def test_translations_keep_the_placeholders(english):
    # a plural entry (webapp.plurals.plural) holds (one, many) ids and a string per English form
    wrong = [(m.id, m.string) for m in english if m.id and m.string
             for string in _forms(m.string)
             if sorted(PLACEHOLDER.findall(_forms(m.id)[-1])) != sorted(PLACEHOLDER.findall(string))]
    assert not wrong


def test_catalogue_is_clean(english):
    messages = [m for m in english if m.id]
    assert not [m.id for m in messages if not m.string], "empty msgstr"
    assert not [m.id for m in messages if m.fuzzy], "fuzzy entries"
    assert english.locale and str(english.locale) == "en"
    problems = [(message.id, [str(e) for e in errors]) for message, errors in english.check()]
    assert not problems


def test_a_domain_error_is_translated_once_when_shown(app):
    """Services raise message ids with parameters; the view shows them in the reader's language."""
    from webapp.pairing.decisions import PairingError
    error = PairingError("%(name)s вне банка наставляемых.", name="Иванов Иван")
    with app.test_request_context():
        assert error.message == "Иванов Иван вне банка наставляемых."
    with app.test_request_context():
        from flask import session
        from flask_babel import refresh
        session["lang"] = "en"
        refresh()
        assert error.message.startswith("Иванов Иван") and "вне" not in error.message


def test_workers_compiling_the_catalogue_at_once_never_leave_a_broken_one(tmp_path):
    """gunicorn's workers (and the test workers) start together: each compiles a stale .mo at the same moment."""
    import os
    import shutil
    import threading
    from babel.messages.mofile import read_mo
    from webapp.i18n import TRANSLATIONS, compile_catalogues
    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copyfile(TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po", folder / "messages.po")
    errors = []

    def compile_once():
        try:
            compile_catalogues(tmp_path)
        except Exception as exc:  # noqa: BLE001 - the failure is what the test looks for
            errors.append(exc)

    for _ in range(3):
        (folder / "messages.mo").unlink(missing_ok=True)
        threads = [threading.Thread(target=compile_once) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors
        with open(folder / "messages.mo", "rb") as mo:
            assert read_mo(mo).get("Войти").string == "Sign in"
    assert sorted(os.listdir(folder)) == ["messages.mo", "messages.po"]
