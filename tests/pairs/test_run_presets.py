"""Starting a run: presets give the expected weights and are stored; the form refuses bad input in Russian and
keeps what was typed."""
from __future__ import annotations

import re

import pytest

from matching.reasons import top_reasons
from tests.conftest import text
from webapp.models import MatchingRun
from webapp.pairing.parameters import RunParameters
from webapp.pairing.presets import PRESETS

BASE = {"min_score": "0", "top_k": "3", "objective": "total", "spread": "0", "kind": "traditional"}


@pytest.mark.parametrize("preset,words", [("requests", "Главное — запросы"), ("subjects", "Главное — предметы"),
                                          ("time", "Главное — удобное время"), ("balanced", "Сбалансированно")])
def test_a_preset_gives_its_weights_and_the_run_says_which_in_words(coordinator, people, preset, words):
    # the weight fields are sent as the page shows them, but a preset's own weights win
    response = coordinator.post("/matching/runs", data={**BASE, "preset": preset, "w_problems": "9", "w_text": "9"})
    assert response.status_code == 303
    run = MatchingRun.get()
    assert run.status == "done", run.error
    assert run.parameters["preset"] == preset
    assert run.parameters["weights"] == dict(PRESETS[preset])
    assert abs(sum(run.parameters["weights"].values()) - 1) < 1e-9
    page = text(coordinator.get(f"/matching/runs/{run.id}"))
    assert f'data-preset="{preset}">{words}<' in page


def test_own_weights_are_used_and_stored_as_custom(coordinator, people):
    data = {**BASE, "preset": "custom", "w_problems": "2", "w_text": "0", "w_subjects": "1,5",
            "w_availability": "0", "w_format": "0"}
    assert coordinator.post("/matching/runs", data=data).status_code == 303
    run = MatchingRun.get()
    assert run.parameters["preset"] == "custom"
    assert run.parameters["weights"] == {"problems": 2.0, "text": 0.0, "subjects": 1.5, "availability": 0.0,
                                         "format": 0.0}
    assert "Свои веса" in text(coordinator.get(f"/matching/runs/{run.id}"))


def test_runs_stored_before_presets_get_the_preset_their_weights_match():
    assert RunParameters.from_dict({"weights": dict(PRESETS["balanced"])}).preset == "balanced"
    assert RunParameters.from_dict({"weights": dict(PRESETS["time"])}).preset == "time"
    assert RunParameters.from_dict({"weights": {"problems": 1, "text": 0, "subjects": 0, "availability": 0,
                                                "format": 0}}).preset == "custom"


def test_the_start_page_shows_presets_and_hides_the_numbers_under_advanced(coordinator, people):
    page = text(coordinator.get("/matching"))
    for words in ("Главное — запросы", "Главное — предметы", "Главное — удобное время", "Сбалансированно"):
        assert words in page
    assert re.search(r'value="balanced" checked', page)
    start = page.index("<details class=\"advanced\"")
    advanced = page[start:page.index("</details>", start)]
    assert 'name="w_problems"' in advanced and 'name="top_k"' in advanced
    assert "<details class=\"advanced\" open" not in page  # collapsed


@pytest.mark.parametrize("field,value,message", [
    ("preset", "best", "Выберите, что важнее всего при подборе"),
    ("preset", "x" * 5000, "Выберите, что важнее всего при подборе"),
    ("w_text", "-1", "должно быть от 0 до 100"),
    ("w_text", "101", "должно быть от 0 до 100"),
    ("w_problems", "abc", "должно быть числом"),
    ("w_text", "nan", "обычным числом"),
    ("w_format", "1" * 5000, "не длиннее 20 символов"),
    ("top_k", "2.5", "целым"),
    ("top_k", "0", "от 1 до 10"),
    ("min_score", "", "Укажите значение"),
    ("kind", "x" * 300, "Недопустимое значение поля «Вид наставничества»"),
    ("class_name", "11Я", "Недопустимое значение поля «Класс»"),
])
def test_bad_input_is_refused_in_russian_keeping_what_was_typed(coordinator, people, field, value, message):
    data = {**BASE, "preset": "custom", "w_problems": "0.5", "w_text": "0.2", "w_subjects": "0.1",
            "w_availability": "0.1", "w_format": "0.1", "min_score": "7", field: value}
    response = coordinator.post("/matching/runs", data=data)
    assert response.status_code == 400
    page = text(response)
    assert message in page and "Подбор не запущен" in page
    assert MatchingRun.select().count() == 0
    if field != "min_score":  # what was typed comes back
        assert re.search(r'name="min_score" type="text" value="7"', page)
    if field.startswith("w_") and len(value) < 100:
        assert f'value="{value}"' in page
    if field != "preset":
        assert re.search(r'value="custom" checked', page)
    if field not in ("preset", "class_name"):  # a mistake under «Дополнительно» opens it
        assert "<details class=\"advanced\" open" in page


def test_own_weights_must_not_all_be_zero_or_missing(coordinator, people):
    zeros = {f"w_{k}": "0" for k in PRESETS["balanced"]}
    response = coordinator.post("/matching/runs", data={**BASE, "preset": "custom", **zeros})
    assert response.status_code == 400 and "Хотя бы один вес должен быть больше нуля" in text(response)
    response = coordinator.post("/matching/runs", data={**BASE, "preset": "custom", "w_text": "1"})
    assert response.status_code == 400 and "или выберите готовый вариант подбора" in text(response)
    assert MatchingRun.select().count() == 0


def test_top_reasons_are_the_components_with_most_points():
    explanation = {"components": [
        {"key": "problems", "points": 10.0}, {"key": "text", "points": 30.0}, {"key": "subjects", "points": 0.0},
        {"key": "availability", "points": 20.0}, {"key": "format", "points": 5.0}, {"key": "old_x", "points": 99}]}
    assert top_reasons(explanation) == ["similar_descriptions", "shared_time", "covers_requests"]
    assert top_reasons(explanation, 1) == ["similar_descriptions"]
    assert top_reasons({}) == [] and top_reasons({"components": "junk"}) == []
