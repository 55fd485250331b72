"""The text component ranks by meaning and explains honestly; bad input never raises."""
import logging
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from matching import MatchScorer, MenteeProfile, MentorProfile, TextSimilarity
from matching.embeddings import embeddings_path

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from text_cases_ru import MENTORS, UNRELATED, split  # noqa: E402

needs_embeddings = pytest.mark.skipif(embeddings_path() is None,
                                      reason="the natasha wheel with navec embeddings is missing")


def _teacher(pid, text, cls=MentorProfile, **kw):
    return cls(id=pid, category="teacher", organisation="s", text=text, **kw)


def test_unrelated_request_scores_exactly_zero_and_the_explanation_says_so():
    mentors = [_teacher("ruk", "Классное руководство: работа с классом и дисциплина"),
               _teacher("sad", "Веду школьную теплицу, садоводство и огород")]
    mentee = _teacher("e", "Интересует садоводство и разведение кроликов", MenteeProfile)
    scorer = MatchScorer().fit(mentors, [mentee])
    ex = scorer.explain("ruk", "e")
    text = next(c for c in ex.components if c.key == "text")
    assert text.value == 0.0 and text.points == 0.0
    assert ex.shared_words == () and ex.root_words == () and ex.close_words == ()
    assert ex.text_note == "nothing_in_common"
    assert "нет ни общих, ни близких по смыслу слов" in ex.to_text()
    ex = scorer.explain("sad", "e")
    assert "садоводство" in ex.shared_words and ex.text_note is None


def test_the_shipped_unrelated_pairs_score_zero():
    sim = TextSimilarity().fit(list(MENTORS.values()))
    for request, key in UNRELATED:
        assert sim.similarity([request], [MENTORS[key]])[0, 0] == 0.0


def test_inflections_and_roots_are_matched_and_labelled():
    sim = TextSimilarity().fit(["Профилактика выгорания педагогов", "Боюсь ошибиться у доски",
                                "Работаю со страхом ошибки"])
    assert sim.shared_words("на грани выгоранием", "Профилактика выгорания педагогов") \
        == ["выгоранием"]
    assert sim.root_words("Боюсь ошибиться у доски", "Работаю со страхом ошибки") \
        == [("ошибиться", "ошибки")]
    assert sim.similarity(["Боюсь ошибиться"], ["страх ошибки"])[0, 0] > 0


def test_look_alike_words_are_not_shared():
    sim = TextSimilarity(semantic_weight=0.0).fit(["садоводство", "руководство"])
    assert sim.similarity(["садоводство"], ["руководство"])[0, 0] == 0.0
    assert sim.shared_words("садоводство", "руководство") == []
    assert sim.root_words("садоводство", "руководство") == []


@needs_embeddings
def test_close_in_meaning_pairs_come_from_the_embeddings():
    sim = TextSimilarity().fit(["Ищу опытного учителя", "Опытный педагог поделится методикой"])
    assert sim.semantic_available_
    assert sim.close_words("Ищу опытного учителя", "Опытный педагог поделится методикой") \
        == [("учителя", "педагог")]
    lexical = TextSimilarity(semantic_weight=0.0).fit(["учитель", "педагог"])
    assert lexical.similarity(["учитель"], ["педагог"])[0, 0] == 0.0
    assert sim.similarity(["учитель"], ["педагог"])[0, 0] > 0.0


@needs_embeddings
def test_russian_set_test_half_stays_accurate():
    sys.path.insert(0, str(ROOT / "bench"))
    from eval_text import evaluate
    _, test = split()
    top1, mrr, _ = evaluate(test, {})
    assert top1 >= 0.85 and mrr >= 0.9
    lex_top1, lex_mrr, _ = evaluate(test, {"semantic_weight": 0.0})
    assert mrr >= lex_mrr - 0.01


def test_each_text_of_a_person_is_compared_separately():
    long_profile = ("Веду кружок робототехники и соревнования роботов.\n"
                    "Помогаю с олимпиадой по физике.\n" + "Люблю походы и туризм. " * 5)
    # the word parts compare sentences; the sentence encoder compares whole texts, so it is off here
    sim = TextSimilarity(encoder_weight=0.0).fit([long_profile, "Олимпиада по физике"])
    one = sim.similarity(["олимпиада по физике"], ["Помогаю с олимпиадой по физике."])[0, 0]
    assert sim.similarity(["олимпиада по физике"], [long_profile])[0, 0] == pytest.approx(one)


BAD = ["", "   \n\t ", "这是中文文本", "Ελληνικά κείμενα", "😀🎉👍", "матем😀атика", "Math и "
       "математика mixed", "x" * 100_000, ("слово " * 20_000), "\x00\x01", "ёЁ-—–"]


@pytest.mark.parametrize("text", BAD, ids=range(len(BAD)))
def test_bad_text_gives_a_defined_score(text):
    sim = TextSimilarity().fit([text, "математика и физика", ""])
    s = sim.similarity([text, "математика"], [text, "математика и физика", ""])
    assert s.shape == (2, 3) and np.all(np.isfinite(s)) and np.all((0 <= s) & (s <= 1))
    assert s[1, 2] == 0.0
    mentors = [_teacher("m", text), _teacher("m2", "математика")]
    scorer = MatchScorer().fit(mentors, [_teacher("e", text, MenteeProfile)])
    for mid in ("m", "m2"):
        ex = scorer.explain(mid, "e")
        assert 0 <= ex.score <= 100


def test_broken_embeddings_fall_back_to_lexical_with_a_warning(tmp_path, caplog):
    broken = tmp_path / "navec_broken.tar"
    broken.write_bytes(b"not a tar archive at all")
    corpus = ["Ищу опытного учителя", "Опытный педагог поделится методикой", "выгорание"]
    with caplog.at_level(logging.WARNING, logger="matching.embeddings"):
        sim = TextSimilarity(embeddings_path=str(broken)).fit(corpus)
    assert not sim.semantic_available_
    assert any("lexical part only" in r.getMessage() for r in caplog.records)
    lexical = TextSimilarity(semantic_weight=0.0).fit(corpus)
    assert np.allclose(sim.similarity(corpus, corpus), lexical.similarity(corpus, corpus))
    assert sim.close_words(corpus[0], corpus[1]) == []


def test_importing_matching_stays_light():
    code = ("import sys, matching, matching.catalogue\n"
            "from matching import COMPONENTS, DEFAULT_WEIGHTS, FORMS\n"
            "heavy = [m for m in ('sklearn', 'scipy', 'navec', 'numpy', 'pymorphy3') "
            "if m in sys.modules]\n"
            "assert not heavy, heavy\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env=env)


def test_vectorised_explanations_agree_with_the_pair_helpers():
    from matching.synthetic import make_profiles
    mentors, mentees = make_profiles(40, 15, n_organisations=1, seed=4)
    mentees[0].text = "Боюсь ошибиться у доски, нужен опытный учитель"
    mentors[0].text = "Опытный педагог: страх ошибки, работа с тревогой"
    scorer = MatchScorer().fit(mentors, mentees)
    ex = scorer.explain(mentors[0].id, mentees[0].id)
    sim = scorer.text_
    assert ex.root_words == tuple(sim.root_words(mentees[0].text, mentors[0].text))
    assert ex.close_words == tuple(sim.close_words(mentees[0].text, mentors[0].text))
    assert set(ex.shared_words) == set(sim.shared_words(mentees[0].text, mentors[0].text))
    assert ("ошибиться", "ошибки") in ex.root_words
    for suggestions in scorer.suggest(top_k=3).values():
        for s in suggestions:
            e = scorer.mentees_[scorer.mentee_index_[s.mentee_id]]
            m = scorer.mentors_[scorer.mentor_index_[s.mentor_id]]
            full = sim.shared_words(e.text, m.text, top_n=100)
            assert set(s.explanation.shared_words) <= set(full)
            assert len(s.explanation.shared_words) == min(5, len(full))


@needs_embeddings
def test_close_in_meaning_only_within_nouns_adjectives_or_adverbs():
    a, b = "Хочу сделать проект к конференции", "Помогу найти друзей в новой школе"
    sim = TextSimilarity().fit([a, b])
    assert sim.semantic_available_
    assert sim.close_words(a, b) == []  # «сделать» ~ «найти», «проект» ~ «новой» are not shown
    assert sim.similarity([a], [b])[0, 0] == 0.0  # ... nor scored
