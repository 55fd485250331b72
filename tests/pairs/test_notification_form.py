"""«Прочитано» (MarkReadForm): one notification by its id or all of them; an id that is not one, or is
someone else's, answers 404 in Russian and marks nothing."""
from __future__ import annotations

from tests.conftest import text
from webapp.models import Notification


def _note(user, words="Новая пара"):
    return Notification.create(user=user, text=words, message=words)


def test_forged_ids_mark_nothing(school, auth):
    mine, others = _note(school["mentor"]), _note(school["mentee"])
    auth.login("mentor")
    for forged in ("abc", "-1", "0", "9" * 20, "1" * 5000, str(others.id), "1.5"):
        reply = auth.client.post("/notifications/read", data={"id": forged})
        assert reply.status_code == 404 and "Страница не найдена" in text(reply), forged
    assert not Notification.get_by_id(mine.id).is_read and not Notification.get_by_id(others.id).is_read


def test_one_by_id_or_all_without_one(school, auth):
    first, second, others = _note(school["mentor"]), _note(school["mentor"]), _note(school["mentee"])
    auth.login("mentor")
    assert auth.client.post("/notifications/read", data={"id": str(first.id)}).status_code == 303
    assert [Notification.get_by_id(n.id).is_read for n in (first, second)] == [True, False]
    reply = auth.client.post("/notifications/read", data={"id": ""}, headers={"HX-Request": "true"})
    assert reply.status_code == 200
    assert Notification.get_by_id(second.id).is_read and not Notification.get_by_id(others.id).is_read
