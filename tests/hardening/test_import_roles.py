"""Roles handed out by an import follow the same rules as the «Добавить» form, for every role."""
from __future__ import annotations

from io import BytesIO

import pytest

from tests.conftest import text
from webapp.models import User

ROLE_WORDS = {"admin": "администратор", "coordinator": "куратор", "mentor": "наставник", "mentee": "наставляемый"}
# who may hand out which role (the form's rule)
MAY = {"admin": {"admin", "coordinator", "mentor", "mentee"}, "kurator": {"mentor", "mentee"}}


def _via_form(client, role, n):
    return client.post("/users/new", data={"full_name": f"Формов{n} Иван Иванович", "category": "teacher",
                                           "login": f"form{n}", "roles": [role]})


def _via_import(client, role, n):
    csv = f"ФИО;категория;класс/должность;логин;роль\nИмпортов{n} Иван Иванович;педагог;учитель;imp{n};{ROLE_WORDS[role]}\n"
    return client.post("/users/import", data={"file": (BytesIO(csv.encode()), "people.csv")},
                       content_type="multipart/form-data")


@pytest.mark.parametrize("actor", ["admin", "kurator", "mentor", "mentee"])
def test_form_and_import_agree_for_every_role(client, auth, school, actor):
    auth.login(actor)
    for n, role in enumerate(ROLE_WORDS):
        form_reply, import_reply = _via_form(client, role, n), _via_import(client, role, n)
        by_form = User.get_or_none(User.login == f"form{n}")
        by_import = User.get_or_none(User.login == f"imp{n}")
        if actor not in MAY:
            assert form_reply.status_code == import_reply.status_code == 403
            assert by_form is None and by_import is None
            continue
        allowed = role in MAY[actor]
        assert (by_form is not None) == allowed, (actor, role)
        assert (by_import is not None) == allowed, (actor, role)
        if allowed:
            assert by_import.role_set == frozenset({role}) == by_form.role_set
        else:
            assert "Эту роль вы назначить не можете." in text(form_reply)
            assert f"Роль «{ROLE_WORDS[role]}» вы назначить не можете." in text(import_reply)
