"""The forms that start background tasks (TaskRequestForm, BankExportForm): a forged request key is
dropped and a new one made, filters that are not the list's are left out, never a 500."""
from __future__ import annotations

import json

from webapp.banks import export_task
from webapp.models import BackgroundTask
from webapp.tasks.lifecycle import REQUEST_KEY


def test_forged_request_keys_make_new_tasks(school, as_coordinator, monkeypatch):
    monkeypatch.setattr(export_task, "BACKGROUND_FROM", 0)
    for forged in ("b" * 5000, "<script>", "B" * 32, "b" * 32 + "\n", ""):
        reply = as_coordinator.post("/banks/mentees/export-task", data={"request_key": forged})
        assert reply.status_code == 303 and "/tasks/" in reply.location, forged
    keys = [t.request_key for t in BackgroundTask.select()]
    assert len(keys) == 5 and len(set(keys)) == 5 and all(REQUEST_KEY.fullmatch(k) for k in keys)


def test_filters_carried_by_the_export_are_the_lists_own(school, as_coordinator, monkeypatch):
    monkeypatch.setattr(export_task, "BACKGROUND_FROM", 0)
    junk = {"q": "  Петров " + "п" * 5000, "category": "pirate", "class_name": "99Я", "subject": "x" * 300,
            "form": "ship", "sort": "-salary", "paired": "maybe", "everyone": "1", "request_key": "c" * 32}
    reply = as_coordinator.post("/banks/mentees/export-task", data=junk)
    assert reply.status_code == 303
    filters = json.loads(BackgroundTask.get().params_json)["filters"]
    assert filters == {"q": ("Петров " + "п" * 5000)[:100], "everyone": "1"}


def test_a_rerun_with_a_forged_key_is_no_500(school, as_coordinator):
    from webapp.models import MatchingRun
    reply = as_coordinator.post("/matching/runs/999999/rerun", data={"request_key": "z" * 5000})
    assert reply.status_code == 404 and MatchingRun.select().count() == 0
