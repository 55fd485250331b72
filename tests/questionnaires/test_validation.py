"""Every question type: good input is stored in its shape, bad input gets a Russian message."""
from __future__ import annotations

import pytest

from webapp.models import Question, QuestionnaireVersion, QuestionOption
from webapp.questionnaires.validation import check
from tests.questionnaires.conftest import questionnaire


@pytest.fixture
def make(installed):
    version = QuestionnaireVersion.create(questionnaire=questionnaire(installed["org"], "mentor_profile"), number=9)
    counter = iter(range(100))

    def factory(qtype, options=(), **fields):
        q = Question.create(version=version, key=f"k{next(counter)}", text="?", qtype=qtype, **fields)
        for i, (value, label) in enumerate(options):
            QuestionOption.create(question=q, position=i, value=value, label=label)
        return q
    return factory


ABC = [("a", "А"), ("b", "Б"), ("c", "В")]


def test_single_choice(make):
    q = make("single", ABC)
    assert check(q, "b").value == "b"
    assert check(q, "").value is None and check(q, "").error is None
    assert "Такого варианта" in check(q, "z").error


def test_multiple_choice_keeps_option_order_and_limit(make):
    q = make("multiple", ABC, max_choices=2)
    assert check(q, ["c", "a"]).value == ["a", "c"]
    assert "не больше 2" in check(q, ["a", "b", "c"]).error
    assert "Такого варианта" in check(q, ["a", "<script>"]).error
    assert check(q, []).value is None


def test_ranked_orders_by_priority(make):
    q = make("ranked", ABC, max_choices=2)
    assert check(q, {"b": "1", "a": "2", "c": ""}).value == ["b", "a"]
    assert "свой приоритет" in check(q, {"a": "1", "b": "1"}).error
    assert "от 1 до 2" in check(q, {"a": "3"}).error
    assert "от 1 до 2" in check(q, {"a": "первый"}).error
    assert "Такого варианта" in check(q, {"zz": "1"}).error
    assert check(q, {}).value is None


def test_scale_is_1_to_10(make):
    q = make("scale", min_value=1, max_value=10)
    assert check(q, "7").value == 7
    for bad in ("0", "11", "5.5", "пять"):
        assert "от 1 до 10" in check(q, bad).error


def test_yes_no(make):
    q = make("yesno")
    assert check(q, "yes").value is True and check(q, "no").value is False
    assert "«да» или «нет»" in check(q, "maybe").error


def test_texts_and_their_limits(make):
    short = make("short_text", max_length=10)
    assert check(short, "  привет ").value == "привет"
    result = check(short, "x" * 11)
    assert "длиннее 10" in result.error and result.shown == "x" * 11 and result.value is None
    long = make("long_text")
    assert "длиннее 5000" in check(long, "я" * 5001).error
    assert check(long, "<script>alert(1)</script>").value == "<script>alert(1)</script>"


def test_number(make):
    q = make("number", min_value=1, max_value=10)
    assert check(q, "3").value == 3 and check(q, "2,5").value == 2.5
    assert "Введите число" in check(q, "три").error
    assert "Введите число" in check(q, "nan").error
    assert "от 1 до 10" in check(q, "11").error
    assert check(q, "три").shown == "три"


def test_date(make):
    q = make("date")
    assert check(q, "2026-09-01").value == "2026-09-01"
    assert "ГГГГ-ММ-ДД" in check(q, "01.09.2026").error
    assert "ГГГГ-ММ-ДД" in check(q, "2026-02-30").error


def test_wrong_shapes_never_raise(make):
    for qtype, options in (("single", ABC), ("multiple", ABC), ("ranked", ABC), ("scale", ()), ("number", ()),
                           ("date", ()), ("yesno", ()), ("short_text", ()), ("long_text", ())):
        q = make(qtype, options)
        for raw in (None, 5, ["x"], {"a": "1"}, ""):
            check(q, raw)
