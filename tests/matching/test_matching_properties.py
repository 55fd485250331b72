"""Property tests: no rule or capacity is ever broken; the assignment is optimal.

The scores come from the words-only scorer: the subject here is the assignment, and the texts hypothesis
makes up are new at every run (each would cost the sentence encoder 25–80 ms)."""
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching import MenteeProfile, MentorProfile, PairAssigner
from tests.matching.scorers import WordsOnlyScorer

# Written out again on purpose: the test must not trust matching.rules.
FORM_OF = {
    ("student", "student"): "student_student",
    ("university_student", "student"): "university_student_student",
    ("employer", "student"): "employer_student",
    ("teacher", "teacher"): "teacher_teacher",
    ("employer", "university_student"): "employer_university_student",
}
CATS = ["teacher", "student", "university_student", "employer"]
PROBLEMS = ["low_results", "professional_career", "it_skills", "burnout_prevention"]
WORDS = ["математика", "собеседование", "олимпиада", "выгорание", "проект", "уроки", ""]
IDS = ["p0", "p1", "p2", "p3", "p4", "p5"]

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@st.composite
def instances(draw):
    n_m = draw(st.integers(1, 4))
    n_e = draw(st.integers(1, 5))
    mentor_ids = draw(st.permutations(IDS))[:n_m]
    mentee_ids = draw(st.permutations(IDS))[:n_e]
    mentors = [MentorProfile(
        id=mid, category=draw(st.sampled_from(CATS)), organisation=draw(st.sampled_from("AB")),
        capacity=draw(st.integers(0, 2)),
        problems=draw(st.sets(st.sampled_from(PROBLEMS))),
        forms=draw(st.sets(st.sampled_from(sorted(set(FORM_OF.values()))), max_size=2)),
        org_is_school=draw(st.booleans()),
        format=draw(st.sampled_from(["in_person", "remote", "both"])),
        availability=draw(st.sets(st.sampled_from(["mon_morning", "tue_evening"]))),
        text=" ".join(draw(st.lists(st.sampled_from(WORDS), max_size=3))))
        for mid in mentor_ids]
    mentees = [MenteeProfile(
        id=eid, category=draw(st.sampled_from(CATS[:3])), organisation=draw(st.sampled_from("AB")),
        requested_problems=draw(st.dictionaries(st.sampled_from(PROBLEMS), st.integers(1, 3))),
        org_is_school=draw(st.booleans()),
        format=draw(st.sampled_from(["in_person", "remote", "both"])),
        availability=draw(st.sets(st.sampled_from(["mon_morning", "tue_evening"]))),
        text=" ".join(draw(st.lists(st.sampled_from(WORDS), max_size=3))))
        for eid in mentee_ids]
    all_pairs = [(m.id, e.id) for m in mentors for e in mentees]
    excluded = draw(st.lists(st.sampled_from(all_pairs), max_size=2))
    options = dict(
        form=draw(st.sampled_from([None, "student_student", "teacher_teacher",
                                   ["employer_student", "employer_university_student"]])),
        allow_cross_organisation=draw(st.booleans()),
        min_score=draw(st.sampled_from([0.0, 15.0, 40.0])),
        excluded_pairs=excluded)
    return mentors, mentees, options


def allowed(m, e, options):
    form = FORM_OF.get((m.category, e.category))
    forms = options["form"]
    forms = None if forms is None else ([forms] if isinstance(forms, str) else forms)
    return (form is not None
            and (forms is None or form in forms)
            and (not m.forms or form in m.forms)
            and not (form == "employer_university_student" and e.org_is_school)
            and (m.organisation == e.organisation
                 or (options["allow_cross_organisation"]  # across organisations: remote meetings only
                     and m.format != "in_person" and e.format != "in_person"))
            and m.id != e.id
            and (m.id, e.id) not in set(map(tuple, options["excluded_pairs"])))


def candidates(scorer, mentors, mentees, options):
    out = {}
    for e in mentees:
        out[e.id] = [m.id for m in mentors if allowed(m, e, options) and m.capacity > 0
                     and scorer.pair_score(m.id, e.id) >= options["min_score"]]
    return out


def check_valid(assigner, scorer, mentors, mentees, options):
    by_id = {m.id: m for m in mentors}
    mentee_by_id = {e.id: e for e in mentees}
    load = {}
    seen = set()
    for p in assigner.pairs_:
        m, e = by_id[p.mentor_id], mentee_by_id[p.mentee_id]
        assert allowed(m, e, options), p
        if not p.fixed:  # the coordinator may fix a pair below the threshold
            assert p.score >= options["min_score"] - 1e-9
        assert e.id not in seen, "a mentee got two mentors"
        seen.add(e.id)
        load[m.id] = load.get(m.id, 0) + 1
    for mid, n in load.items():
        assert n <= by_id[mid].capacity


def brute_force(scorer, mentors, mentees, cands):
    caps = {m.id: m.capacity for m in mentors}
    choices = [[None] + cands[e.id] for e in mentees]
    best = None
    for combo in itertools.product(*choices):
        used = {}
        for mid in combo:
            if mid is not None:
                used[mid] = used.get(mid, 0) + 1
        if any(n > caps[mid] for mid, n in used.items()):
            continue
        scores = [scorer.pair_score(mid, e.id) for mid, e in zip(combo, mentees) if mid]
        total = sum(scores)
        key_total = total
        key_maximin = (len(scores), min(scores) if scores else 0.0, total)
        if best is None:
            best = [key_total, key_maximin]
        else:
            best[0] = max(best[0], key_total)
            best[1] = max(best[1], key_maximin)
    return best


@SETTINGS
@given(instances())
def test_rules_and_capacities_never_broken_and_optimal(inst):
    mentors, mentees, options = inst
    scorer = WordsOnlyScorer(**options).fit(mentors, mentees)
    cands = candidates(scorer, mentors, mentees, options)
    # suggestions respect the rules too
    for eid, sugg in scorer.suggest(top_k=10).items():
        assert sorted(s.mentor_id for s in sugg) == sorted(cands[eid])
    total_opt, maximin_opt = brute_force(scorer, mentors, mentees, cands)

    a = PairAssigner().fit(scorer)
    check_valid(a, scorer, mentors, mentees, options)
    assert abs(a.total_score_ - total_opt) < 1e-4

    # the min-cost-flow solver used on large components reaches the same optimum
    import matching.assignment as assignment
    saved = assignment._DENSE_LIMIT
    assignment._DENSE_LIMIT = 0
    try:
        for objective in ("total", "maximin"):
            f = PairAssigner(objective=objective).fit(scorer)
            check_valid(f, scorer, mentors, mentees, options)
            fs = [p.score for p in f.pairs_]
            if objective == "total":
                assert abs(f.total_score_ - total_opt) < 1e-4
            else:
                assert (len(fs), abs((min(fs) if fs else 0.0) - maximin_opt[1]) < 1e-6) \
                    == (maximin_opt[0], True)
    finally:
        assignment._DENSE_LIMIT = saved

    b = PairAssigner(objective="maximin").fit(scorer)
    check_valid(b, scorer, mentors, mentees, options)
    scores = [p.score for p in b.pairs_]
    got = (len(scores), min(scores) if scores else 0.0, sum(scores))
    assert got[0] == maximin_opt[0]
    assert abs(got[1] - maximin_opt[1]) < 1e-6
    assert abs(got[2] - maximin_opt[2]) < 1e-4

    c = PairAssigner(spread=10.0).fit(scorer)
    check_valid(c, scorer, mentors, mentees, options)

    # every mentee is either assigned or reported unmatched with a fitting reason
    assigned = {p.mentee_id for p in a.pairs_}
    for u in a.unmatched_:
        assert u.mentee_id not in assigned
        if u.code == "no_eligible_mentor":
            assert not any(allowed(m, mentee, options) for m in mentors
                           for mentee in mentees if mentee.id == u.mentee_id)
        elif u.code == "capacity_exhausted":  # a fitting mentor exists, but has no room
            mentee = next(e for e in mentees if e.id == u.mentee_id)
            fitting = [m for m in mentors if allowed(m, mentee, options)
                       and scorer.pair_score(m.id, mentee.id) >= options["min_score"]]
            assert fitting
            assert all(a.mentor_load_[m.id] == m.capacity for m in fitting)
    assert assigned | {u.mentee_id for u in a.unmatched_} == {e.id for e in mentees}


@SETTINGS
@given(instances(), st.data())
def test_fixed_pairs_use_capacity_and_serve_the_mentee(inst, data):
    mentors, mentees, options = inst
    possible = [(m.id, e.id) for m in mentors for e in mentees
                if allowed(m, e, options) and m.capacity > 0]
    fixed = data.draw(st.lists(st.sampled_from(possible), max_size=1)) if possible else []
    scorer = WordsOnlyScorer(fixed_pairs=fixed, **options).fit(mentors, mentees)
    a = PairAssigner().fit(scorer)
    check_valid(a, scorer, mentors, mentees, options)
    assert {(p.mentor_id, p.mentee_id) for p in a.pairs_ if p.fixed} == set(fixed)
    for mid, eid in fixed:
        assert sum(p.mentee_id == eid for p in a.pairs_) == 1
        assert eid not in {u.mentee_id for u in a.unmatched_}
        assert scorer.suggest()[eid] == []


@SETTINGS
@given(instances())
def test_per_problem_assignment_respects_rules(inst):
    mentors, mentees, options = inst
    scorer = WordsOnlyScorer(**options).fit(mentors, mentees)
    a = PairAssigner(per_problem=True).fit(scorer)
    by_id = {m.id: m for m in mentors}
    mentee_by_id = {e.id: e for e in mentees}
    load, seen = {}, set()
    for p in a.pairs_:
        m, e = by_id[p.mentor_id], mentee_by_id[p.mentee_id]
        assert allowed(m, e, options)
        assert (m.id, e.id) not in seen
        seen.add((m.id, e.id))
        if p.problem is not None:
            assert p.problem in e.requested_problems and p.problem in m.problems
        load[m.id] = load.get(m.id, 0) + 1
    for mid, n in load.items():
        assert n <= by_id[mid].capacity
