"""The coordinator's decisions on suggestions: accept (a pair or group results), reject, keep for a
re-run, pair by hand. Every rule is checked inside the transaction; a broken one is a PairingError with a
Russian sentence and nothing changes."""
from __future__ import annotations

import datetime as dt
import json

from flask import url_for
from flask_babel import gettext as _

from matching.catalogue import FORM_LABELS, PROBLEMS, form_for
from webapp.pairing.wording import rule_reason
from webapp.db import database
from webapp.models import (GroupMember, MentoringGroup, StageChange, Suggestion, UnpairedMentee, User)
from webapp.models.mentoring import ACTIVE
from webapp.models.pairing import ACCEPTED, PROPOSED, REJECTED, SUPERSEDED
from webapp.monitoring import assigning as monitoring
from webapp.pairing import profiles_adapter as adapter
from webapp.pairing.scorer import new_scorer
from webapp.pairing.notifications import N_, notify
from webapp.pairing.parameters import RunParameters
from webapp.user_errors import UserError

REASON_MAX = 500


class PairingError(UserError):
    """A decision breaks a rule; the message is for the coordinator."""


def _paired_areas(mentee_ids) -> dict[int, set[str]]:
    """The areas each mentee already has a mentor for in an active pair or group ("" = every area)."""
    rows = list(GroupMember.select(GroupMember.user, GroupMember.group).join(MentoringGroup)
                .where(GroupMember.user.in_(list(mentee_ids)) & (GroupMember.role == "mentee")
                       & (MentoringGroup.status == ACTIVE)))
    if not rows:
        return {}
    areas_of_group: dict[int, set[str]] = {}
    for m in GroupMember.select(GroupMember.group, GroupMember.area).where(
            GroupMember.group.in_([r.group_id for r in rows]) & (GroupMember.role == "mentor")):
        areas_of_group.setdefault(m.group_id, set()).add(m.area)
    found: dict[int, set[str]] = {}
    for r in rows:
        found.setdefault(r.user_id, set()).update(areas_of_group.get(r.group_id, set()) or {""})
    return found


def _mentee_paired_for(mentee_id: int, problem: str, paired=None) -> bool:
    areas = (paired if paired is not None else _paired_areas([mentee_id])).get(mentee_id)
    if not areas:
        return False
    return not problem or "" in areas or problem in areas


def conflicts(suggestion: Suggestion, *, capacities=None, loads=None, banks=None, paired=None) -> list[str]:
    """Why accepting this suggestion now would break a rule (empty list: it may be accepted). ``banks``
    ({"mentor": ids, "mentee": ids} in the banks) and ``paired`` (:func:`_paired_areas`) are read once for many."""
    found = []
    mentor, mentee = suggestion.mentor, suggestion.mentee

    def in_bank(user, role):
        return user.id in banks[role] if banks is not None else adapter.in_bank(user, role)
    if not mentor.is_active:
        found.append(_("Учётная запись наставника %(name)s отключена.", name=mentor.full_name))
    elif not in_bank(mentor, "mentor"):
        found.append(_("Наставник %(name)s вне банка наставников (нет действующих согласий).",
                        name=mentor.full_name))
    if not mentee.is_active:
        found.append(_("Учётная запись наставляемого %(name)s отключена.", name=mentee.full_name))
    elif not in_bank(mentee, "mentee"):
        found.append(_("Наставляемый %(name)s вне банка наставляемых (нет действующих согласий).",
                        name=mentee.full_name))
    if _mentee_paired_for(mentee.id, suggestion.problem, paired):
        found.append(_("У наставляемого %(name)s уже есть наставник по этому направлению.", name=mentee.full_name))
    capacity = (capacities or {}).get(mentor.id)
    if capacity is None:
        capacity = adapter.capacities([mentor.id])[mentor.id]
    load = (loads or {}).get(mentor.id) if loads is not None else adapter.mentor_loads(
        mentor.organisation_id, [mentor.id]).get(mentor.id, 0)
    if (load or 0) >= capacity:
        found.append(_("У наставника %(name)s нет свободных мест: наставляемых %(load)s из %(capacity)s.",
                        name=mentor.full_name, load=load or 0, capacity=capacity))
    return found


def conflicts_for(suggestions) -> dict[int, list[str]]:
    """Conflicts of many proposed suggestions (capacity and loads read once)."""
    items = [s for s in suggestions if s.status == PROPOSED]
    if not items:
        return {}
    mentor_ids = list({s.mentor_id for s in items})
    capacities = adapter.capacities(mentor_ids)
    loads = adapter.mentor_loads(items[0].run.organisation_id, mentor_ids)
    loads = {m: loads.get(m, 0) for m in mentor_ids}
    organisation = items[0].run.organisation_id
    mentee_ids = list({s.mentee_id for s in items})
    banks = {"mentor": {u.id for u in adapter.bank_members(organisation, "mentor").where(User.id.in_(mentor_ids))},
             "mentee": {u.id for u in adapter.bank_members(organisation, "mentee").where(User.id.in_(mentee_ids))}}
    paired = _paired_areas(mentee_ids)
    return {s.id: conflicts(s, capacities=capacities, loads=loads, banks=banks, paired=paired) for s in items}


def _group_for(suggestion: Suggestion, params: RunParameters, form: str) -> tuple[MentoringGroup, bool]:
    """The group the accepted pair joins (group mentoring) or a new one."""
    organisation = suggestion.run.organisation_id
    if suggestion.problem:
        existing = (MentoringGroup.select().join(GroupMember)
                    .where((MentoringGroup.organisation == organisation) & (MentoringGroup.status == ACTIVE)
                           & (GroupMember.user == suggestion.mentee) & (GroupMember.role == "mentee")
                           & (MentoringGroup.kind == "group")).first())
        if existing:
            return existing, False
    elif params.kind == "group":
        existing = (MentoringGroup.select().join(GroupMember)
                    .where((MentoringGroup.organisation == organisation) & (MentoringGroup.status == ACTIVE)
                           & (GroupMember.user == suggestion.mentor) & (GroupMember.role == "mentor")
                           & (MentoringGroup.kind == "group") & (MentoringGroup.form == form)).first())
        if existing:
            return existing, False
    kind = "group" if suggestion.problem else params.kind
    start = dt.date.today()
    group = MentoringGroup.create(organisation=organisation, form=form, kind=kind, stage=1, started_on=start,
                                  planned_end_on=suggestion.run.organisation.school_year_end(start))
    return group, True


def accept(suggestion_id: int, organisation, actor, approval=None) -> MentoringGroup:
    """Accept a proposed suggestion; returns the pair or group. Twice-sent accepts make one pair.
    ``approval`` (webapp.pairing.approvals) is recorded on it and on the candidates it closes."""
    with database.atomic():
        suggestion = suggestion_in(suggestion_id, organisation)
        if suggestion.status != PROPOSED:
            raise PairingError(_status_message(suggestion))
        problems = conflicts(suggestion)
        if problems:
            raise PairingError("%(problems)s Пара не создана.", problems=" ".join(problems))
        # compare-and-set: only one of two concurrent accepts changes the row
        changed = (Suggestion.update(status=ACCEPTED, decided_by=actor, decided_at=dt.datetime.now(), approval=approval)
                   .where((Suggestion.id == suggestion.id) & (Suggestion.status == PROPOSED)).execute())
        if changed != 1:
            raise PairingError("Это предложение уже принято или отклонено. Обновите страницу.")
        params = RunParameters.from_dict(suggestion.run.parameters)
        form = (suggestion.explanation.get("form") or params.form
                or form_for(suggestion.mentor.category, suggestion.mentee.category) or "")
        group, created = _group_for(suggestion, params, form)
        if created:
            StageChange.create(group=group, stage=1, changed_on=group.started_on, changed_by=actor,
                               note="Пара (группа) сформирована")
        if not GroupMember.select().where((GroupMember.group == group) & (GroupMember.user == suggestion.mentor)
                                          & (GroupMember.role == "mentor")).exists():
            GroupMember.create(group=group, user=suggestion.mentor, role="mentor", area=suggestion.problem)
        if not GroupMember.select().where((GroupMember.group == group) & (GroupMember.user == suggestion.mentee)
                                          & (GroupMember.role == "mentee")).exists():
            GroupMember.create(group=group, user=suggestion.mentee, role="mentee")
        Suggestion.update(group=group).where(Suggestion.id == suggestion.id).execute()
        # the mentee's other open suggestions for the same area are no longer needed
        others = ((Suggestion.run == suggestion.run) & (Suggestion.mentee == suggestion.mentee)
                  & (Suggestion.status == PROPOSED) & (Suggestion.id != suggestion.id))
        if suggestion.problem:
            others &= (Suggestion.problem == suggestion.problem)
        Suggestion.update(status=SUPERSEDED, approval=approval).where(others).execute()
        UnpairedMentee.delete().where((UnpairedMentee.organisation == organisation)
                                      & (UnpairedMentee.mentee == suggestion.mentee)).execute()
    _announce(group, suggestion.mentor, suggestion.mentee)
    monitoring.on_pair_started(group, actor=actor)
    return group


def _announce(group, mentor: User, mentee: User) -> None:
    link = url_for("programmes.show", group_id=group.id)
    form = FORM_LABELS.get(group.form, group.form)
    for person, other, message, no_contact in (
            (mentor, mentee, N_("Сформирована наставническая пара: вы наставник для %(name)s (форма «%(form_label)s»). "
                                "Связаться: %(email)s."),
             N_("Сформирована наставническая пара: вы наставник для %(name)s (форма «%(form_label)s»). "
                "Контакты уточните у куратора.")),
            (mentee, mentor, N_("Сформирована наставническая пара: ваш наставник — %(name)s (форма «%(form_label)s»). "
                                "Связаться: %(email)s."),
             N_("Сформирована наставническая пара: ваш наставник — %(name)s (форма «%(form_label)s»). "
                "Контакты уточните у куратора."))):
        if other.email:
            notify(person, message, link, name=other.full_name, form_label=form, email=other.email)
        else:
            notify(person, no_contact, link, name=other.full_name, form_label=form)


def _status_message(suggestion: Suggestion) -> str:
    return {
        ACCEPTED: "Это предложение уже принято — пара создана. Повторно принимать не нужно.",
        REJECTED: "Это предложение уже отклонено.",
        SUPERSEDED: "Это предложение устарело: наставляемому уже подобрана пара или выполнен новый подбор.",
    }.get(suggestion.status, "Это предложение нельзя принять.")


def suggestion_in(suggestion_id: int, organisation) -> Suggestion:
    """The suggestion if its run belongs to this organisation (else 404)."""
    from flask import abort
    from webapp.models import MatchingRun
    suggestion = (Suggestion.select(Suggestion, MatchingRun).join(MatchingRun)
                  .where((Suggestion.id == suggestion_id) & (MatchingRun.organisation == organisation)).first())
    if suggestion is None:
        abort(404)
    return suggestion


def reject(suggestion_id: int, organisation, actor, reason: str = "") -> Suggestion:
    reason = (reason or "").strip()
    if len(reason) > REASON_MAX:
        raise PairingError("Причина отклонения — не длиннее %(limit)s символов.", limit=REASON_MAX)
    with database.atomic():
        suggestion = suggestion_in(suggestion_id, organisation)
        if suggestion.status != PROPOSED:
            raise PairingError(_status_message(suggestion))
        (Suggestion.update(status=REJECTED, reject_reason=reason, decided_by=actor, decided_at=dt.datetime.now(),
                           fixed=False)
         .where(Suggestion.id == suggestion.id).execute())
    return Suggestion.get_by_id(suggestion.id)


def toggle_fixed(suggestion_id: int, organisation) -> Suggestion:
    with database.atomic():
        suggestion = suggestion_in(suggestion_id, organisation)
        if suggestion.status != PROPOSED:
            raise PairingError(_status_message(suggestion))
        if not suggestion.fixed:
            problems = conflicts(suggestion)
            if problems:
                raise PairingError("%(problems)s Сохранить пару для повторного подбора нельзя.",
                                   problems=" ".join(problems))
        Suggestion.update(fixed=not suggestion.fixed).where(Suggestion.id == suggestion.id).execute()
    return Suggestion.get_by_id(suggestion.id)


def bulk_accept(ids, organisation, actor, approval=None) -> tuple[int, list[str]]:
    accepted, errors = 0, []
    for suggestion_id in ids:
        try:
            accept(suggestion_id, organisation, actor, approval=approval)
            accepted += 1
        except PairingError as exc:
            s = Suggestion.get_or_none(Suggestion.id == suggestion_id)
            who = f"{s.mentor.full_name} — {s.mentee.full_name}: " if s else ""
            errors.append(who + str(exc))
    return accepted, errors


def manual_suggestion(run, mentee: User, mentor: User, actor) -> Suggestion:
    """A pair chosen by hand: scored and explained like the others, then accepted."""
    organisation = run.organisation
    if mentor.organisation_id != organisation.id or mentee.organisation_id != organisation.id:
        from flask import abort
        abort(404)
    if not adapter.in_bank(mentor, "mentor"):
        raise PairingError("%(name)s вне банка наставников (нет роли, согласий или учётная запись отключена).",
                              name=mentor.full_name)
    if not adapter.in_bank(mentee, "mentee"):
        raise PairingError("%(name)s вне банка наставляемых.", name=mentee.full_name)
    mentors, _skipped = adapter.mentor_profiles([mentor], organisation)
    mentees, _skipped = adapter.mentee_profiles([mentee], organisation)
    mentors[0].capacity = max(mentors[0].capacity, 1)  # capacity is checked on accept with a clear message
    scorer = new_scorer().fit(mentors, mentees)
    code = scorer.why_not(mentor.id, mentee.id)
    if code:
        raise PairingError("Такую пару составить нельзя: %(reason)s.", reason=rule_reason(code))
    explanation = scorer.explain(mentor.id, mentee.id)
    with database.atomic():
        existing = Suggestion.get_or_none((Suggestion.run == run) & (Suggestion.mentor == mentor)
                                          & (Suggestion.mentee == mentee) & (Suggestion.problem == ""))
        if existing is not None:
            if existing.status != PROPOSED:
                raise PairingError(_status_message(existing))
            suggestion = existing
        else:
            suggestion = Suggestion.create(run=run, mentor=mentor, mentee=mentee, score=explanation.score, rank=0,
                                           explanation_json=json.dumps(explanation.to_dict(), ensure_ascii=False))
    from webapp.pairing.approvals import approve_one
    approve_one(suggestion.id, organisation, actor)
    return Suggestion.get_by_id(suggestion.id)


def problem_label(key: str) -> str:
    return PROBLEMS.get(key, key)
