"""The domain thesaurus: groups join terms by lemma, score in the semantic part only, and are
explained as thesaurus pairs with the group's code (never as embedding closeness)."""
import sys
from pathlib import Path

import numpy as np
import pytest

from matching import MatchScorer, MenteeProfile, MentorProfile, TextSimilarity
from matching.explain import render_ru
from matching.term_relations import synonym_matrix
from matching.terms import TermAnalyzer
from matching.thesaurus import SYNONYM_GROUP_LABELS_RU, SYNONYM_GROUPS

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT / "bench"))


def _fitted_terms(texts, normaliser="stem"):
    analyse = TermAnalyzer("ru", normaliser)
    terms, forms = [], {}
    for t in texts:
        for _, form, term in analyse(t):
            if term not in forms:
                terms.append(term)
            forms.setdefault(term, {})[form] = None
    return terms, forms, analyse.term


def test_every_group_has_a_label_and_generic_words_are_left_out():
    assert set(SYNONYM_GROUPS) == set(SYNONYM_GROUP_LABELS_RU)
    words = {w for group in SYNONYM_GROUPS.values() for w in group}
    assert not words & {"работа", "класс", "урок", "учитель", "помощь", "школа", "ученик"}
    assert all(w == w.lower() and "ё" not in w for w in words)


@pytest.mark.parametrize("normaliser", ["stem", "lemma"])
def test_terms_join_a_group_by_lemma_not_by_look_alike_beginnings(normaliser):
    terms, forms, term_of = _fitted_terms(
        ["Выгорела совсем", "профилактика выгорания", "выбор профиля обучения"], normaliser)
    T, groups = synonym_matrix(terms, forms, term_of, 0.6)
    k = {f: t for t, fs in forms.items() for f in fs}
    assert groups[k["выгорела"]][k["выгорания"]] == "burnout"
    assert k["профилактика"] not in groups  # «профилактика» is not «профиль»
    assert T[terms.index(k["выгорела"]), terms.index(k["выгорания"])] == pytest.approx(0.6)
    assert T[terms.index(k["профилактика"]), terms.index(k["профиля"])] == 0.0
    none, empty = synonym_matrix(terms, forms, term_of, 0.0)
    assert empty == {} and np.array_equal(none.toarray(), np.eye(len(terms)))


def test_a_thesaurus_pair_scores_only_in_the_semantic_part_and_is_labelled():
    corpus = ["У нас текучка, учителя увольняются", "Снижаю текучесть персонала"]
    sim = TextSimilarity(semantic_threshold=1.0).fit(corpus)  # no embedding pairs at all
    assert sim.similarity(corpus[:1], corpus[1:])[0, 0] > 0
    assert sim.synonym_words(*corpus)[0] == ("текучка", "текучесть", "staff_turnover")
    assert sim.close_words(*corpus) == []
    off = TextSimilarity(semantic_threshold=1.0, synonym_weight=0.0).fit(corpus)
    assert off.similarity(corpus[:1], corpus[1:])[0, 0] == 0.0 and off.synonym_words(*corpus) == []
    lexical = TextSimilarity(semantic_weight=0.0).fit(corpus)
    assert lexical.similarity(corpus[:1], corpus[1:])[0, 0] == 0.0
    assert lexical.synonym_words(*corpus) == []


def test_bad_synonym_weight_is_refused():
    for bad in (-0.1, 1.5, float("nan"), "0.5", True):
        with pytest.raises(ValueError, match="synonym_weight"):
            TextSimilarity(synonym_weight=bad).fit(["текст"])


def test_explanation_carries_the_group_code_and_renders_its_label():
    mentor = MentorProfile(id="m", category="teacher", organisation="s",
                           text="Заместитель по кадрам: снижаю текучесть персонала")
    other = MentorProfile(id="o", category="teacher", organisation="s",
                          text="Веду школьную теплицу")
    mentee = MenteeProfile(id="e", category="teacher", organisation="s",
                           text="У нас текучка, молодые увольняются")
    scorer = MatchScorer().fit([mentor, other], [mentee])
    e = scorer.explain("m", "e")
    assert ("текучка", "текучесть", "staff_turnover") in e.synonym_words
    assert all(b != "текучесть" for _, b in e.close_words)
    assert "«текучка» ~ «текучесть» (текучесть кадров)" in render_ru(e)
    assert e.to_dict()["synonym_words"][0][2] == "staff_turnover"
    top = scorer.suggest(top_k=1)["e"][0]
    assert top.mentor_id == "m" and top.explanation.synonym_words == e.synonym_words


def test_webapp_labels_match_the_library():
    from webapp.pairing.wording import SYNONYM_GROUP_LABELS
    assert SYNONYM_GROUP_LABELS == dict(SYNONYM_GROUP_LABELS_RU)


def test_heldout_set_is_well_formed_and_stays_above_its_reported_floor():
    from eval_text import evaluate
    from text_cases_ru import MENTORS
    from text_cases_ru_heldout import HELDOUT_CASES, HELDOUT_MENTORS
    pool = {**MENTORS, **HELDOUT_MENTORS}
    assert len(HELDOUT_CASES) >= 40 and not set(MENTORS) & set(HELDOUT_MENTORS)
    assert all(key in pool for _, key in HELDOUT_CASES)
    assert not {r for r, _ in HELDOUT_CASES} & {r for r, _ in __import__("text_cases_ru").CASES}
    top1, mrr, _ = evaluate(HELDOUT_CASES, {}, mentors=pool)
    assert top1 >= 0.8 and mrr >= 0.85


def test_second_heldout_set_is_well_formed_and_stays_above_its_reported_floor():
    from eval_text import evaluate, sets
    from text_cases_ru_heldout2 import HELDOUT2_CASES, HELDOUT2_MENTORS
    cases, pool = sets()["heldout2"]
    assert cases is HELDOUT2_CASES and len(cases) >= 40 and set(HELDOUT2_MENTORS) <= set(pool)
    assert all(key in pool for _, key in cases)
    top1, mrr, _ = evaluate(cases, {}, mentors=pool)
    assert top1 >= 0.7 and mrr >= 0.78


@pytest.mark.parametrize("name, floor_top1, floor_mrr", [("heldout6", 0.8, 0.85), ("heldout7", 0.88, 0.92)])
def test_the_sets_written_from_the_profiles_only_are_new_and_stay_above_their_floors(name, floor_top1,
                                                                                      floor_mrr):
    """Held-outs 6 and 7 were written by someone who saw only the mentors' profiles. First measured:
    held-out 6 85.0 % top-1, MRR 0.902 (issue 14e); held-out 7 93.3 %, MRR 0.950 (issue 14f). They share
    no request with the other sets; a change that drops one far below what was reported fails here."""
    from eval_text import evaluate, sets
    cases, pool = sets()[name]
    others = {request for other_name, (other, _) in sets().items() if other_name != name
              for request, _ in other}
    assert len(cases) >= 40 and all(key in pool for _, key in cases)
    assert not {request for request, _ in cases} & others
    top1, mrr, _ = evaluate(cases, {}, mentors=pool)
    assert top1 >= floor_top1 and mrr >= floor_mrr
