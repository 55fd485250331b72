"""Assignment options, unmatched reasons, and the greedy baseline."""
import pytest

from matching import (UNMATCHED_CODES, UNMATCHED_REASONS_RU, MenteeProfile,
                      MentorProfile, PairAssigner, greedy_pairs)
from matching.synthetic import make_profiles
from tests.matching.scorers import WordsOnlyScorer as Scorer  # text scoring is not what these tests check


def teacher(i, cap=1, problems=("it_skills",), org="s1", **kw):
    return MentorProfile(id=f"m{i}", category="teacher", organisation=org, capacity=cap,
                         problems=problems, **kw)


def young(i, problems=("it_skills",), org="s1", **kw):
    return MenteeProfile(id=f"e{i}", category="teacher", organisation=org,
                         requested_problems=dict.fromkeys(problems, 1), **kw)


def test_optimal_beats_or_equals_greedy():
    mentors, mentees = make_profiles(300, 90, n_organisations=2, seed=5)
    scorer = Scorer().fit(mentors, mentees)
    opt = PairAssigner().fit(scorer)
    greedy = greedy_pairs(scorer)
    assert opt.total_score_ >= sum(s for *_, s in greedy) - 1e-6
    fair = PairAssigner(objective="maximin").fit(scorer)
    assert fair.n_assigned_ >= opt.n_assigned_
    assert fair.min_score_ >= opt.min_score_ - 1e-9


def test_spread_shares_mentees_across_mentors():
    mentors = [teacher(0, cap=3, problems=("it_skills", "burnout_prevention")),
               teacher(1, cap=3, problems=("it_skills",))]
    mentees = [young(i, problems=("it_skills", "burnout_prevention")) for i in range(2)]
    scorer = Scorer().fit(mentors, mentees)
    plain = PairAssigner().fit(scorer)
    assert {p.mentor_id for p in plain.pairs_} == {"m0"}
    spread = PairAssigner(spread=50).fit(scorer)
    assert {p.mentor_id for p in spread.pairs_} == {"m0", "m1"}


def test_unmatched_reasons():
    mentors = [teacher(0, cap=1), teacher(1, cap=0, org="s2"),
               MentorProfile(id="st", category="student", organisation="s1", capacity=5)]
    mentees = [young(0), young(1),                      # one place for two
               young(2, org="s2"),                      # only mentor has capacity 0
               MenteeProfile(id="e3", category="teacher", organisation="s3"),  # nobody there
               MenteeProfile(id="e4", category="student", organisation="s1",
                             requested_problems={"low_results": 1})]
    scorer = Scorer(min_score=30).fit(mentors, mentees)
    a = PairAssigner().fit(scorer)
    codes = {u.mentee_id: u.code for u in a.unmatched_}
    assert len([p for p in a.pairs_ if p.mentor_id == "m0"]) == 1
    assert codes.pop("e0" if "e0" in codes else "e1") == "capacity_exhausted"
    assert codes == {"e2": "capacity_exhausted", "e3": "no_eligible_mentor",
                     "e4": "below_min_score"}
    by_id = {u.mentee_id: u for u in a.unmatched_}
    assert by_id["e4"].best_candidates[0][0] == "st"
    assert by_id["e2"].best_candidates[0][0] == "m1"
    assert by_id["e3"].best_candidates == ()
    assert all(u.code in UNMATCHED_CODES and UNMATCHED_REASONS_RU[u.code][0].isupper()
               for u in a.unmatched_)


def test_per_problem_gives_one_mentor_per_area():
    mentors = [teacher(0, cap=2, problems=("it_skills",)),
               teacher(1, cap=2, problems=("burnout_prevention",))]
    mentees = [young(0, problems=("it_skills", "burnout_prevention"))]
    scorer = Scorer().fit(mentors, mentees)
    a = PairAssigner(per_problem=True).fit(scorer)
    assert {(p.mentor_id, p.problem) for p in a.pairs_} == {
        ("m0", "it_skills"), ("m1", "burnout_prevention")}
    assert PairAssigner().fit(scorer).n_assigned_ == 1


def test_reverse_mentoring_same_person_both_roles_but_never_self():
    mentors = [MentorProfile(id="anna", category="teacher", organisation="s", capacity=1),
               MentorProfile(id="oleg", category="teacher", organisation="s", capacity=1)]
    mentees = [MenteeProfile(id="anna", category="teacher", organisation="s"),
               MenteeProfile(id="oleg", category="teacher", organisation="s")]
    scorer = Scorer().fit(mentors, mentees)
    a = PairAssigner().fit(scorer)
    assert {(p.mentor_id, p.mentee_id) for p in a.pairs_} == {("anna", "oleg"), ("oleg", "anna")}
    assert scorer.why_not("anna", "anna")


def test_school_student_never_mentors_a_teacher_and_employer_student_form_rules():
    mentors = [MentorProfile(id="kid", category="student", organisation="s", capacity=3),
               MentorProfile(id="boss", category="employer", organisation="s", capacity=3)]
    mentees = [MenteeProfile(id="t", category="teacher", organisation="s"),
               MenteeProfile(id="u", category="university_student", organisation="s"),
               MenteeProfile(id="u2", category="university_student", organisation="s",
                             org_is_school=False)]
    scorer = Scorer(allow_cross_organisation=True).fit(mentors, mentees)
    pairs = {(p.mentor_id, p.mentee_id) for p in PairAssigner().fit(scorer).pairs_}
    assert pairs == {("boss", "u2")}
    assert scorer.why_not("boss", "u") == "school"


def test_excluded_pairs_and_min_score_are_respected():
    mentors = [teacher(0), teacher(1)]
    mentees = [young(0)]
    scorer = Scorer(excluded_pairs=[("m0", "e0")]).fit(mentors, mentees)
    assert [p.mentor_id for p in PairAssigner().fit(scorer).pairs_] == ["m1"]
    assert scorer.why_not("m0", "e0") == "excluded"
    scorer = Scorer(min_score=100).fit(mentors, mentees)
    assert PairAssigner().fit(scorer).pairs_ == []


def test_pruned_candidates_stay_close_to_exact():
    mentors, mentees = make_profiles(400, 120, seed=11)
    exact = PairAssigner().fit(Scorer().fit(mentors, mentees)).total_score_
    pruned = PairAssigner().fit(Scorer(max_candidates=40).fit(mentors, mentees)).total_score_
    assert pruned <= exact + 1e-6
    assert (exact - pruned) / exact < 1e-3


@pytest.mark.parametrize("flow", [True, False], ids=["min-cost-flow", "scipy-sparse"])
@pytest.mark.parametrize("objective,spread", [("total", 0.0), ("maximin", 0.0), ("total", 7.0),
                                              ("maximin", 3.0)])
def test_dense_and_sparse_solvers_agree(monkeypatch, objective, spread, flow):
    import matching.assignment as assignment
    mentors, mentees = make_profiles(150, 50, seed=13)
    scorer = Scorer().fit(mentors, mentees)
    dense = PairAssigner(objective=objective, spread=spread).fit(scorer)
    monkeypatch.setattr(assignment, "_DENSE_LIMIT", 0)
    if flow:
        assert assignment._flow_solver() is not None  # OR-Tools is a dependency
    else:
        monkeypatch.setattr(assignment, "_FLOW", None)  # as without OR-Tools
    sparse = PairAssigner(objective=objective, spread=spread).fit(scorer)
    assert sparse.n_assigned_ == dense.n_assigned_
    assert sparse.total_score_ == pytest.approx(dense.total_score_, abs=1e-3)
    assert sparse.min_score_ == pytest.approx(dense.min_score_, abs=1e-9)
