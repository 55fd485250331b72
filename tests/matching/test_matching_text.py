"""Russian word forms: the mentor whose text means the same thing ranks first."""
import numpy as np
import pytest

from matching import MatchScorer, MenteeProfile, MentorProfile, TextSimilarity
from matching.text import tokenize

MENTOR_TEXTS = {
    "interview": "Помогаю подготовиться к собеседованию при поступлении и на работу",
    "calculus": "Математический анализ, пределы и производные, олимпиадные задачи",
    "procrastination": "Как перестать откладывать дела: прокрастинация и планирование времени",
    "chemistry": "Органическая химия, лабораторные работы и эксперименты",
    "history": "История России, подготовка исторических сочинений",
}

CASES = [
    ("Боюсь собеседования, хочу потренироваться", "interview"),
    ("Не понимаю матанализ, нужна помощь", "calculus"),
    ("Постоянно прокрастинирую, не могу перестать прокрастинировать", "procrastination"),
    ("Ёлки, как сдать химию? лабораторная не получается", "chemistry"),
]


@pytest.mark.parametrize("request_text,expected", CASES)
def test_text_similarity_ranks_the_right_text_first(request_text, expected):
    sim = TextSimilarity(language="ru").fit(list(MENTOR_TEXTS.values()) + [request_text])
    scores = sim.similarity([request_text], list(MENTOR_TEXTS.values()))[0]
    assert list(MENTOR_TEXTS)[int(np.argmax(scores))] == expected
    assert scores.max() > 0


def _mentors():
    return [MentorProfile(id=k, category="teacher", organisation="school", capacity=2, text=t,
                          problems=["professional_career"])
            for k, t in MENTOR_TEXTS.items()]


@pytest.mark.parametrize("request_text,expected", CASES)
def test_scorer_suggests_the_right_mentor_first(request_text, expected):
    mentee = MenteeProfile(id="e1", category="teacher", organisation="school", text=request_text,
                           requested_problems={"professional_career": 1})
    scorer = MatchScorer().fit(_mentors(), [mentee])
    top = scorer.suggest(top_k=3)["e1"]
    assert top[0].mentor_id == expected
    assert top[0].score > top[1].score


def test_shared_words_are_real_words_of_the_texts():
    sim = TextSimilarity().fit(["подготовка к собеседованию", "собеседования боюсь"])
    words = sim.shared_words("собеседования боюсь", "подготовка к собеседованию")
    assert words == ["собеседования"]
    assert all(w in tokenize("собеседования боюсь") for w in words)
    # «матанализ» is an abbreviation of «математический анализ»: shared words, not look-alikes
    sim = TextSimilarity().fit(["матанализ", "математический анализ"])
    assert sim.shared_words("матанализ", "математический анализ") == ["матанализ"]


def test_explanation_names_shared_words():
    mentee = MenteeProfile(id="e1", category="teacher", organisation="school",
                           text="Не понимаю матанализ и боюсь собеседования")
    scorer = MatchScorer().fit(_mentors(), [mentee])
    ex = scorer.explain("calculus", "e1")
    assert "матанализ" in ex.shared_words and ex.text_note is None
    ex = scorer.explain("interview", "e1")
    assert "собеседования" in ex.shared_words
    assert "собеседования" in ex.to_text()


def test_yo_and_case_do_not_matter_and_english_works():
    sim = TextSimilarity().fit(["Ёжик в тумане", "ежик В ТУМАНЕ"])
    assert sim.similarity(["Ёжик в тумане"], ["ежик В ТУМАНЕ"])[0, 0] == pytest.approx(1.0)
    en = TextSimilarity(language="en").fit(["preparing for interviews", "cooking pasta"])
    s = en.similarity(["interview preparation"], ["preparing for interviews", "cooking pasta"])
    assert s[0, 0] > s[0, 1]


def test_empty_texts_give_zero_similarity_not_a_crash():
    sim = TextSimilarity().fit(["", "", "и в на"])
    assert sim.similarity(["", "и"], ["", "на"]).tolist() == [[0.0, 0.0], [0.0, 0.0]]
    sim = TextSimilarity().fit(["математика", ""])
    assert sim.similarity([""], ["математика"])[0, 0] == 0.0
    assert sim.shared_words("", "математика") == []
