"""Bad input gives a clear ValueError or an empty result, never a crash."""
import math

import pytest

from matching import MatchScorer, MenteeProfile, MentorProfile, PairAssigner, TextSimilarity


def mentor(**kw):
    base = dict(id="m1", category="teacher", organisation="s")
    base.update(kw)
    return MentorProfile(**base)


def mentee(**kw):
    base = dict(id="e1", category="teacher", organisation="s")
    base.update(kw)
    return MenteeProfile(**base)


@pytest.mark.parametrize("kw,match", [
    (dict(category="pupil"), "category"),
    (dict(category=None), "category"),
    (dict(capacity=-1), "capacity"),
    (dict(capacity=1.5), "capacity"),
    (dict(capacity=True), "capacity"),
    (dict(problems=["world_peace"]), "problem"),
    (dict(forms=["mentor_mentor"]), "form"),
    (dict(types=["weird"]), "type"),
    (dict(format="telepathy"), "format"),
    (dict(id=None), "id"),
    (dict(id=""), "id"),
    (dict(id=float("nan")), "id"),
    (dict(text=42), "text"),
    (dict(subjects=[1]), "subjects"),
    (dict(problems=5), "problem"),
    (dict(availability=3.5), "availability"),
])
def test_bad_mentor_fields(kw, match):
    with pytest.raises(ValueError, match=match):
        mentor(**kw)


@pytest.mark.parametrize("kw,match", [
    (dict(category="boss"), "category"),
    (dict(requested_problems={"low_results": math.nan}), "priority"),
    (dict(requested_problems={"low_results": -1}), "priority"),
    (dict(requested_problems={"low_results": "high"}), "priority"),
    (dict(requested_problems={"nope": 1}), "problem"),
    (dict(requested_problems=["low_results", "low_results"]), "repeat"),
    (dict(grade=12), "grade"),
    (dict(requested_problems=7), "requested problems"),
    (dict(organisation=None), "id"),
])
def test_bad_mentee_fields(kw, match):
    with pytest.raises(ValueError, match=match):
        mentee(**kw)


def test_ranked_problems_and_zero_priority():
    e = mentee(requested_problems=["it_skills", "burnout_prevention"])
    assert e.requested_problems == {"burnout_prevention": 1.0, "it_skills": 2.0}
    assert mentee(requested_problems={"it_skills": 0}).requested_problems == {}


@pytest.mark.parametrize("kw,match", [
    (dict(weights={"text": math.nan}), "weight"),
    (dict(weights={"text": -0.1}), "weight"),
    (dict(weights={"charm": 1}), "component"),
    (dict(weights={k: 0 for k in ["problems", "text", "subjects", "availability", "format"]}),
     "weight"),
    (dict(min_score=math.nan), "min_score"),
    (dict(min_score=101), "min_score"),
    (dict(form="mentor_mentor"), "form"),
    (dict(form=[]), "form"),
    (dict(max_candidates=0), "max_candidates"),
    (dict(language="fr"), "language"),
    (dict(fixed_pairs=[("m1", "ghost")]), "unknown mentee"),
    (dict(fixed_pairs=["m1e1"]), "pairs"),
    (dict(excluded_pairs=[5]), "pairs"),
])
def test_bad_scorer_options(kw, match):
    with pytest.raises(ValueError, match=match):
        MatchScorer(**kw).fit([mentor()], [mentee()])


def test_fixed_pairs_breaking_rules_or_capacity():
    with pytest.raises(ValueError, match="capacity"):
        MatchScorer(fixed_pairs=[("m1", "e1"), ("m1", "e2")]).fit(
            [mentor(capacity=1)], [mentee(), mentee(id="e2")])
    with pytest.raises(ValueError, match="rule"):
        MatchScorer(fixed_pairs=[("m1", "e1")]).fit(
            [mentor(category="student")], [mentee()])


def test_duplicate_ids_and_wrong_types():
    with pytest.raises(ValueError, match="duplicate"):
        MatchScorer().fit([mentor(), mentor()], [mentee()])
    with pytest.raises(ValueError, match="MentorProfile"):
        MatchScorer().fit([{"id": "m1"}], [mentee()])
    with pytest.raises(ValueError, match="mentees must be a list"):
        MatchScorer().fit([mentor()], None)


def test_no_mentors_no_mentees_zero_capacity_empty_texts_give_empty_results():
    scorer = MatchScorer().fit([], [mentee()])
    assert scorer.suggest() == {"e1": []}
    a = PairAssigner().fit(scorer)
    assert a.pairs_ == [] and [u.code for u in a.unmatched_] == ["no_eligible_mentor"]
    assert a.total_score_ == 0 and a.min_score_ is None
    scorer = MatchScorer().fit([mentor()], [])
    assert scorer.suggest() == {} and PairAssigner().fit(scorer).pairs_ == []
    scorer = MatchScorer().fit([mentor(capacity=0, text="")], [mentee(text="")])
    assert scorer.suggest() == {"e1": []}
    assert [u.code for u in PairAssigner().fit(scorer).unmatched_] == ["capacity_exhausted"]


def test_bad_queries_and_assigner_options():
    scorer = MatchScorer().fit([mentor()], [mentee()])
    with pytest.raises(ValueError, match="unknown mentee"):
        scorer.explain("m1", "nobody")
    with pytest.raises(ValueError, match="top_k"):
        scorer.suggest(top_k=0)
    for kw in (dict(objective="best"), dict(spread=-1), dict(spread=math.nan),
               dict(per_problem=True, objective="maximin")):
        with pytest.raises(ValueError):
            PairAssigner(**kw).fit(scorer)
    with pytest.raises(ValueError):
        PairAssigner().fit("not a scorer")


def test_unfitted_estimators_say_so():
    from sklearn.exceptions import NotFittedError
    with pytest.raises(NotFittedError):
        MatchScorer().suggest()
    with pytest.raises(NotFittedError):
        TextSimilarity().similarity(["a"], ["b"])
    with pytest.raises(ValueError, match="single string"):
        TextSimilarity().fit("одна строка")
