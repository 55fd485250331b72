"""How the text component weighs words: parts of one written word, request-genre words and
sentences too short to stand alone (issue 14c)."""
import math

import pytest

from matching import TextSimilarity
from matching.terms import GENERIC_LEMMAS, TermAnalyzer


def test_parts_of_an_abbreviation_together_weigh_one_written_word():
    pieces = TermAnalyzer("ru", "stem").weighted("Боюсь ОГЭ")
    parts = [w for (word, _, _), w in pieces if word == "огэ"]
    assert len(parts) == 3
    assert sum(w * w for w in parts) == pytest.approx(1.0)
    assert all(w == pytest.approx(1 / math.sqrt(3)) for w in parts)
    assert [w for (word, _, _), w in pieces if word == "боюсь"] == [1.0]


def test_an_abbreviation_does_not_outweigh_the_topic_of_the_request():
    # before: «ОГЭ» became three shared words and the exam-subject mentor won a request
    # about sleep and nerves that names the exam only in passing
    # (with the parts at full weight the scores were 0.47 and 0.32)
    mentors = ["Готовлю к основному государственному экзамену по математике: геометрия.",
               "Помогаю с бессонницей: сон, режим дня."]
    sim = TextSimilarity(semantic_weight=0.0).fit(mentors)
    scores = sim.similarity(["Перед ОГЭ бессонница"], mentors)[0]
    assert scores[1] > scores[0] > 0


def test_hyphenated_words_match_by_their_parts():
    sim = TextSimilarity(semantic_weight=0.0).fit(["Педагог-психолог школы", "Онлайн-тесты"])
    assert sim.shared_words("Совет для молодых педагогов", "Педагог-психолог школы") \
        == ["педагогов"]
    assert sim.similarity(["составить тесты"], ["Онлайн-тесты"])[0, 0] > 0


def test_request_genre_words_are_not_shared_words():
    a, b = "Не знаю, с чего начать, хочу найти работу", "Помогу найти друзей и начать заново"
    sim = TextSimilarity().fit([a, b])
    assert sim.similarity([a], [b])[0, 0] == 0.0
    assert sim.shared_words(a, b) == []
    for lemma in ("знать", "начать", "найти", "уметь", "получаться"):
        assert lemma in GENERIC_LEMMAS


def test_a_heading_sentence_is_not_compared_on_its_own():
    # «Педагог-психолог.» alone would match a request naming «педагогов» with similarity 1
    profile = "Педагог-психолог. Работаю с тревожностью и страхом ошибки у подростков."
    other = "Помогаю педагогам готовиться к конкурсу мастерства: открытый урок, эссе."
    request = "Хочу участвовать в конкурсе педагогов"
    merged = TextSimilarity(semantic_weight=0.0).fit([profile, other])
    alone = TextSimilarity(semantic_weight=0.0, min_segment_terms=1).fit([profile, other])
    psychologist = merged.similarity([request], [profile])[0, 0]
    assert alone.similarity([request], [profile])[0, 0] > psychologist
    assert merged.similarity([request], [other])[0, 0] > psychologist


@pytest.mark.parametrize("bad", [0, -1, 1.5, "3", True, None])
def test_min_segment_terms_is_validated(bad):
    with pytest.raises(ValueError, match="min_segment_terms"):
        TextSimilarity(min_segment_terms=bad).fit(["текст"])


def test_a_text_of_headings_only_still_has_one_segment():
    sim = TextSimilarity().fit(["Логопед.", "Хор."])
    vectors = sim.transform(["Логопед.", "Хор.", "", "🙂"])
    assert list(vectors.seg_ptr) == [0, 1, 2, 3, 4]
    assert sim.similarity(["логопед нужен"], ["Логопед."])[0, 0] > 0
