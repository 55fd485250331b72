"""Running matching in the interface: parameters, pool, stored runs and suggestions, bad input."""
from __future__ import annotations

import pytest

from tests.conftest import text
from webapp.models import MatchingRun, Suggestion, UnpairedMentee

DEFAULTS = {"w_problems": "0.4", "w_text": "0.3", "w_subjects": "0.15", "w_availability": "0.1",
            "w_format": "0.05", "min_score": "0", "top_k": "3", "objective": "total", "spread": "0",
            "kind": "traditional"}


def start(client, **overrides):
    data = {**DEFAULTS, **overrides}
    return client.post("/matching/runs", data=data)


def test_run_stores_parameters_suggestions_and_the_unmatched(coordinator, people):
    response = start(coordinator)
    assert response.status_code == 303
    run = MatchingRun.select().order_by(MatchingRun.id.desc()).get()
    assert run.status == "done", run.error
    assert run.author_id == people["kurator"].id
    assert run.parameters["top_k"] == 3
    # «both» has no consents, other school's mentee never appears
    mentee_ids = {s.mentee_id for s in Suggestion.select().where(Suggestion.run == run)}
    assert people["both"].id not in mentee_ids and people["other_mentee"].id not in mentee_ids
    assert {people["young1"].id, people["young2"].id, people["mentee"].id} <= mentee_ids
    assigned = {(s.mentor_id, s.mentee_id) for s in Suggestion.select().where((Suggestion.run == run) & Suggestion.assigned)}
    assert (people["mentor2"].id, people["young2"].id) in assigned
    assert (people["senior"].id, people["mentee"].id) in assigned
    # «mentor» takes one: young1 or young3 is left without a pair, with a reason
    unmatched = list(UnpairedMentee.select())
    assert run.n_unmatched == len(unmatched) >= 1
    assert all(u.reason for u in unmatched)
    page = text(coordinator.get(f"/matching/runs/{run.id}"))
    assert "Молодой Артём Сергеевич" in page and "Почему" in page


def test_the_explanation_shows_profiles_problems_and_parts(coordinator, people):
    start(coordinator)
    run = MatchingRun.select().get()
    page = text(coordinator.get(f"/matching/runs/{run.id}/mentees/{people['young1'].id}"))
    assert "Развитие IT-технологий" in page  # covered request
    assert "Из чего складывается балл" in page and "<meter" in page
    assert "Наставникова Анна Сергеевна" in page
    assert "style=" not in page


@pytest.mark.parametrize("field,value,message", [
    ("w_text", "-1", "должно быть от 0 до 100"),
    ("w_text", "nan", "обычным числом"),
    ("w_problems", "abc", "должно быть числом"),
    ("top_k", "0", "от 1 до 10"),
    ("top_k", "11", "от 1 до 10"),
    ("top_k", "2.5", "целым"),
    ("min_score", "101", "от 0 до 100"),
    ("objective", "best", "Недопустимое значение"),
    ("form", "teacher_student", "Недопустимое значение"),
    ("spread", "inf", "обычным числом"),
])
def test_bad_parameters_are_refused_and_nothing_runs(coordinator, people, field, value, message):
    response = start(coordinator, **{field: value})
    assert response.status_code == 400
    assert message in text(response)
    assert MatchingRun.select().count() == 0


def test_all_zero_weights_are_refused(coordinator, people):
    zeros = {k: "0" for k in DEFAULTS if k.startswith("w_")}
    response = start(coordinator, **zeros)
    assert response.status_code == 400 and "больше нуля" in text(response)


def test_pool_filters_by_category(coordinator, people):
    start(coordinator, mentee_category="student")
    run = MatchingRun.select().get()
    assert run.n_mentees == 1
    assert {s.mentee_id for s in Suggestion.select()} == {people["mentee"].id}


def test_an_empty_pool_fails_with_a_clear_message(coordinator, people):
    start(coordinator, mentee_category="employer")
    run = MatchingRun.select().get()
    from webapp.pairing.run_status import error_code
    assert run.status == "failed" and error_code(run.error) == "no_mentees"  # a code is stored, not words
    assert "нет наставляемых" in text(coordinator.get(f"/matching/runs/{run.id}"))
    coordinator.post("/language", data={"lang": "en"})
    assert "no mentees" in text(coordinator.get(f"/matching/runs/{run.id}")).lower()


def test_background_run_shows_progress_and_finishes(make_app, db_url):
    from tests.factories import make_school
    from tests.pairs.builders import matching_school
    app = make_app(MATCHING_SYNC=False, MATCHING_INLINE_LIMIT=0)
    with app.app_context():
        matching_school(make_school())
        client = app.test_client()
        client.post("/login", data={"login": "kurator", "password": "correct-horse-1"})
        response = start(client)
        run_id = int(response.location.rsplit("/", 1)[1])
        import time
        for _ in range(100):
            fragment = client.get(f"/matching/runs/{run_id}/status", headers={"HX-Request": "true"})
            if "HX-Refresh" in fragment.headers:
                break
            assert 'hx-trigger="every 1s"' in text(fragment)
            time.sleep(0.1)
        assert MatchingRun.get_by_id(run_id).status == "done"
        page = text(client.get(f"/matching/runs/{run_id}"))
        assert "Принять отмеченные" in page


def test_other_school_cannot_see_a_run(coordinator, people, auth):
    start(coordinator)
    run = MatchingRun.select().get()
    auth.logout()
    auth.login("other.kurator")
    assert auth.client.get(f"/matching/runs/{run.id}").status_code == 404
    s = Suggestion.select().first()
    assert auth.client.post(f"/matching/suggestions/{s.id}/accept").status_code == 404
