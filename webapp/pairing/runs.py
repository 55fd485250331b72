"""Matching runs: choose the pool, call :mod:`matching`, store suggestions and the unmatched.

``start_run`` stores the run (status «queued») and executes it inline (``MATCHING_SYNC``, or a pool
of at most ``MATCHING_INLINE_LIMIT`` people) or as a background task on the queue, run by a worker
process (:mod:`webapp.pairing.run_task`); the run page polls its status row from any app server.
"""
from __future__ import annotations

import datetime as dt
import json

from flask import current_app

from webapp.db import contains, database
from webapp.models import MatchingRun, Suggestion, UnpairedMentee, User
from webapp.models.pairing import DONE, FAILED, PROPOSED, QUEUED, RUNNING, SUPERSEDED
from webapp.pairing import profiles_adapter as adapter
from webapp.pairing.parameters import RunParameters
from webapp.pairing.run_status import RunError, stored_error
from webapp.pairing.scorer import new_scorer
from webapp.tasks import lifecycle
from webapp.tasks.queue import PASSING_FAULTS
from webapp.models.questionnaire import MENTEE_REQUEST, MENTOR_PROFILE, SUBMITTED
from webapp.questionnaires.features import profile_features


def _with_submitted(users: list[User], purpose: str) -> list[User]:
    """Only people who submitted their questionnaire enter a run: an empty or half-filled
    profile would be matched on noise. Drafts show up in the banks, where the coordinator
    can remind them."""
    features = profile_features(users, purpose)
    return [u for u in users if features.get(u.id, {}).get("_status") == SUBMITTED]


def mentor_pool(organisation, params: RunParameters):
    query = adapter.bank_members(organisation, "mentor")
    if params.mentor_category:
        query = query.where(User.category == params.mentor_category)
    return _with_submitted(list(query), MENTOR_PROFILE)


def mentee_pool(organisation, params: RunParameters) -> list[User]:
    """Mentees in the bank matching the filters, not paired yet, plus those marked «keep searching»."""
    paired = adapter.paired_mentee_ids(organisation)
    query = adapter.bank_members(organisation, "mentee")
    chosen = query
    if params.mentee_category:
        chosen = chosen.where(User.category == params.mentee_category)
    if params.class_name:
        chosen = chosen.where(User.class_name == params.class_name)
    if params.subject:
        chosen = chosen.where(contains(User.subjects, params.subject))
    keep = {r.mentee_id for r in UnpairedMentee.select(UnpairedMentee.mentee)
            .where((UnpairedMentee.organisation == organisation) & (UnpairedMentee.keep_searching == True))}  # noqa: E712
    people = {u.id: u for u in chosen}
    if keep:
        for u in adapter.bank_members(organisation, "mentee").where(User.id.in_(list(keep))):
            people.setdefault(u.id, u)
    pool = [u for uid, u in sorted(people.items(), key=lambda kv: (kv[1].full_name, kv[0])) if uid not in paired]
    return _with_submitted(pool, MENTEE_REQUEST)


def start_run(organisation, params: RunParameters, author, parent: MatchingRun | None = None,
              request_key: str = "") -> MatchingRun:
    """Store the run and start it; the same ``request_key`` again gives back the run it started."""
    app = current_app._get_current_object()
    inline, limit = app.config.get("MATCHING_SYNC"), app.config.get("MATCHING_INLINE_LIMIT") or 0
    if not inline and limit:
        size = adapter.bank_members(organisation, "mentee").count() + adapter.bank_members(organisation, "mentor").count()
        inline = size <= limit

    def new_run(task=None) -> MatchingRun:
        run = MatchingRun.create(organisation=organisation, author=author, parent=parent,
                                 parameters_json=json.dumps(params.to_dict(), ensure_ascii=False), status=QUEUED,
                                 step="queued")
        if task is not None:
            task.target_id = run.id
            task.save(only=[task.__class__.target_id])
        return run

    if inline:
        run = new_run()
        execute(run.id)
        return MatchingRun.get_by_id(run.id)
    from webapp.pairing.run_task import KIND_NAME
    task, _ = lifecycle.submit(KIND_NAME, request_key=request_key, organisation=organisation, author=author,
                               before_enqueue=new_run)
    return MatchingRun.get_by_id(task.target_id)


# A queued or running run with no task behind it (run inline by an older version, or cut off by a
# restart while inline) older than STALE_AFTER is marked failed when opened.
STALE_AFTER = dt.timedelta(minutes=15)


def settle_if_interrupted(run: MatchingRun, now: dt.datetime | None = None) -> MatchingRun:
    """A run whose worker died (no heartbeat) or that a restart cut off is marked failed, so the page
    stops waiting; any app server showing the run does it."""
    if run.status not in (QUEUED, RUNNING):
        return run
    from webapp.pairing.run_task import KIND_NAME
    if lifecycle.task_of(KIND_NAME, run.id) is not None:
        return MatchingRun.get_by_id(run.id) if lifecycle.reap(now=now) else run
    now = now or dt.datetime.now()
    if now - run.created_at > STALE_AFTER:
        MatchingRun.update(status=FAILED, error=stored_error("interrupted"), finished_at=now, step="failed").where(
            (MatchingRun.id == run.id) & MatchingRun.status.in_([QUEUED, RUNNING])).execute()
        run = MatchingRun.get_by_id(run.id)
    return run


def retry_run(run: MatchingRun) -> bool:
    """Run a run that failed for a passing reason (its worker died, an internal error) again."""
    from webapp.pairing.run_task import KIND_NAME
    task = lifecycle.task_of(KIND_NAME, run.id)
    return task is not None and lifecycle.retry(task)


def _progress(run: MatchingRun, progress: int, step: str) -> None:
    run.progress, run.step, run.status = progress, step, RUNNING
    MatchingRun.update(progress=progress, step=step, status=RUNNING).where(
        (MatchingRun.id == run.id) & MatchingRun.status.in_([QUEUED, RUNNING])).execute()
    if run.task_progress is not None:
        run.task_progress(progress, step)


def execute(run_id: int, progress: lifecycle.Progress | None = None) -> None:
    """Run the matching of a stored run. A failure is stored on the run; as a background task
    (``progress`` given) a lost task and a passing database fault are raised for the queue."""
    run = MatchingRun.get_by_id(run_id)
    run.task_progress = progress
    try:
        _execute(run)
    except lifecycle.TaskLost:
        raise
    except Exception as exc:  # stored for the coordinator, logged for the administrator
        if progress is not None and isinstance(exc, PASSING_FAULTS):
            raise
        current_app.logger.exception("matching run %s failed", run_id)
        error = exc.stored() if isinstance(exc, RunError) else stored_error("internal")
        MatchingRun.update(status=FAILED, error=error, finished_at=dt.datetime.now(),
                           step="failed").where(MatchingRun.id == run_id).execute()


def _fixed_pairs(run: MatchingRun) -> list[tuple[int, int]]:
    if run.parent_id is None:
        return []
    rows = Suggestion.select().where((Suggestion.run == run.parent_id) & (Suggestion.fixed == True)  # noqa: E712
                                     & (Suggestion.status == PROPOSED))
    return [(s.mentor_id, s.mentee_id) for s in rows]


def _excluded_pairs(run: MatchingRun) -> list[tuple[int, int]]:
    """Pairs the coordinator rejected in this run's ancestors."""
    pairs, parent = [], run.parent_id
    seen = set()
    while parent and parent not in seen:
        seen.add(parent)
        pairs += [(s.mentor_id, s.mentee_id) for s in Suggestion.select(Suggestion.mentor, Suggestion.mentee)
                  .where((Suggestion.run == parent) & (Suggestion.status == "rejected"))]
        parent = MatchingRun.get_by_id(parent).parent_id
    return pairs


def _execute(run: MatchingRun) -> None:
    organisation = run.organisation
    params = RunParameters.from_dict(run.parameters)
    _progress(run, 5, "loading")
    mentors = mentor_pool(organisation, params)
    mentees = mentee_pool(organisation, params)
    fixed = _fixed_pairs(run)
    have_m, have_e = {m.id for m in mentors}, {e.id for e in mentees}
    fixed_ok = []
    for mid, eid in fixed:
        if mid not in have_m:
            extra = adapter.bank_members(organisation, "mentor").where(User.id == mid).first()
            if extra is None:
                continue
            mentors.append(extra)
            have_m.add(mid)
        if eid not in have_e:
            extra = adapter.bank_members(organisation, "mentee").where(User.id == eid).first()
            if extra is None or eid in adapter.paired_mentee_ids(organisation):
                continue
            mentees.append(extra)
            have_e.add(eid)
        fixed_ok.append((mid, eid))
    if not mentees:
        raise RunError("no_mentees")
    if not mentors:
        raise RunError("no_mentors")
    mentor_profiles, _ = adapter.mentor_profiles(mentors, organisation)
    mentee_profiles, _ = adapter.mentee_profiles(mentees, organisation)
    MatchingRun.update(n_mentors=len(mentors), n_mentees=len(mentees)).where(MatchingRun.id == run.id).execute()
    _progress(run, 25, "scoring")
    try:
        scorer = new_scorer(weights=params.weights, form=params.form or None, min_score=params.min_score,
                             excluded_pairs=_excluded_pairs(run), fixed_pairs=fixed_ok).fit(mentor_profiles,
                                                                                            mentee_profiles)
    except ValueError as exc:
        raise RunError("fixed_pairs_invalid", detail=str(exc)) from exc
    _progress(run, 55, "candidates")
    suggestions = scorer.suggest(top_k=params.top_k)
    _progress(run, 70, "assigning")
    from matching import PairAssigner
    assigner = PairAssigner(objective=params.objective, spread=params.spread,
                            per_problem=params.per_problem).fit(scorer)
    _progress(run, 85, "saving")
    _store(run, scorer, suggestions, assigner, organisation)


def _store(run, scorer, suggestions, assigner, organisation) -> None:
    assigned = {(p.mentor_id, p.mentee_id, p.problem or ""): p for p in assigner.pairs_}
    rows = {}
    for mentee_id, items in suggestions.items():
        for s in items:
            rows[(s.mentor_id, s.mentee_id, "")] = dict(
                run=run.id, mentor=s.mentor_id, mentee=s.mentee_id, score=s.score, rank=s.rank,
                explanation_json=json.dumps(s.explanation.to_dict(), ensure_ascii=False), status=PROPOSED)
    for (mid, eid, problem), pair in assigned.items():
        key = (mid, eid, problem)
        if key in rows:
            rows[key]["assigned"] = True
            rows[key]["fixed"] = pair.fixed
            continue
        if not problem and (mid, eid, "") in rows:
            continue
        explanation = scorer.explain(mid, eid)
        rows[key] = dict(run=run.id, mentor=mid, mentee=eid, score=explanation.score,
                         rank=_rank_of(scorer, mid, eid), assigned=True, fixed=pair.fixed, problem=problem,
                         explanation_json=json.dumps(explanation.to_dict(), ensure_ascii=False), status=PROPOSED)
    with database.atomic():
        if run.task_progress is not None and not run.task_progress.still_ours():
            raise lifecycle.TaskLost(run.id)  # reaped or retried meanwhile: another attempt stores its own
        if run.parent_id:
            Suggestion.update(status=SUPERSEDED).where((Suggestion.run == run.parent_id)
                                                       & (Suggestion.status == PROPOSED)).execute()
        for batch in _chunks(list(rows.values()), 200):
            Suggestion.insert_many(batch).execute()
        for u in assigner.unmatched_:
            best = json.dumps([[m, round(s, 1)] for m, s in u.best_candidates])
            existing = UnpairedMentee.get_or_none((UnpairedMentee.organisation == organisation)
                                                  & (UnpairedMentee.mentee == u.mentee_id))
            if existing:
                UnpairedMentee.update(run=run.id, code=u.code, reason="", best_json=best,
                                      updated_at=dt.datetime.now()).where(UnpairedMentee.id == existing.id).execute()
            else:
                UnpairedMentee.create(organisation=organisation, mentee=u.mentee_id, run=run.id, code=u.code,
                                      reason="", best_json=best)
        MatchingRun.update(status=DONE, progress=100, step="Готово", finished_at=dt.datetime.now(),
                           n_suggestions=len(rows), n_assigned=len(assigner.pairs_),
                           n_unmatched=len(assigner.unmatched_)).where(MatchingRun.id == run.id).execute()


def _rank_of(scorer, mentor_id, mentee_id) -> int:
    for position, (mid, _) in enumerate(scorer.candidates(mentee_id), start=1):
        if mid == mentor_id:
            return position
    return 0


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def latest_run(organisation):
    return (MatchingRun.select().where(MatchingRun.organisation == organisation)
            .order_by(MatchingRun.id.desc()).first())
