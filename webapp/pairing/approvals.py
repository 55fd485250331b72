"""Approving suggested pairs and undoing an approval until the order fixing the pairs is issued.

Every approval, of one pair or of all proposed pairs of a run, is an :class:`Approval` row; the
suggestions it accepted (and those it made unnecessary) point to it. Single and bulk approvals go
through :func:`webapp.pairing.decisions.accept`, so both are recorded the same way (status
«accepted», who and when), which is what the learned weights read. Undoing puts the suggestions
back to «proposed» and removes the pairs; it is refused once an order lists a pair or a pair has
started work (a meeting, a programme, a monitoring answer), since that would lose what people wrote.
"""
from __future__ import annotations

import datetime as dt

from flask import abort

from webapp.db import database
from webapp.models import (Approval, Assignment, GroupMember, MatchingRun, MeetingLog, MentoringGroup, OrderGroup,
                           PairingOrder, Programme, Response, Suggestion)
from webapp.models.pairing import ACCEPTED, PROPOSED, REJECTED, SUPERSEDED
from webapp.pairing import decisions
from webapp.pairing.decisions import PairingError
from webapp.pairing.notifications import notify


def approval_in(organisation, approval_id: int) -> Approval:
    """The approval if it belongs to a run of this organisation (else 404)."""
    approval = (Approval.select(Approval, MatchingRun).join(MatchingRun)
                .where((Approval.id == approval_id) & (MatchingRun.organisation == organisation)).first())
    if approval is None:
        abort(404)
    return approval


def approve_one(suggestion_id: int, organisation, actor):
    """«Утвердить» (or «Выбрать» among the alternatives): one pair, one approval."""
    suggestion = decisions.suggestion_in(suggestion_id, organisation)
    approval = Approval.create(run=suggestion.run_id, actor=actor, bulk=False)
    try:
        return decisions.accept(suggestion_id, organisation, actor, approval=approval)
    except PairingError:
        Approval.delete().where(Approval.id == approval.id).execute()
        raise


def approve_all(run: MatchingRun, suggestion_ids: list[int], actor) -> tuple[Approval | None, int, list[str]]:
    """«Утвердить все предложенные»: each proposed pair in turn; pairs with a conflict are left open and
    their reasons returned. Returns the approval (None when nothing was approved), the count, the reasons."""
    approval = Approval.create(run=run, actor=actor, bulk=True)
    accepted, errors = decisions.bulk_accept(suggestion_ids, run.organisation, actor, approval=approval)
    if not accepted:
        Approval.delete().where(Approval.id == approval.id).execute()
        return None, 0, errors
    return approval, accepted, errors


def latest_bulk(run: MatchingRun) -> Approval | None:
    """The run's last «Утвердить все предложенные» that may still be undone (not undone, pairs still approved)."""
    approval = (Approval.select().where((Approval.run == run) & Approval.bulk & Approval.undone_at.is_null())
                .order_by(Approval.id.desc()).first())
    if approval is None:
        return None
    approval.pairs = (Suggestion.select().where((Suggestion.approval == approval) & (Suggestion.status == ACCEPTED))
                      .count())
    return approval if approval.pairs else None


def _order_of(groups: list[int]) -> PairingOrder | None:
    if not groups:
        return None
    linked = (PairingOrder.select().join(OrderGroup).where(OrderGroup.group.in_(groups))
              .order_by(PairingOrder.signed_on).first())
    if linked:
        return linked
    numbered = MentoringGroup.select().where(MentoringGroup.id.in_(groups) & (MentoringGroup.order_number != "")).first()
    return PairingOrder(number=numbered.order_number, signed_on=numbered.order_date) if numbered else None


def _started(group_id: int) -> bool:
    """The pair has work someone wrote: a meeting, programme text or a monitoring answer."""
    programme = Programme.get_or_none(Programme.group == group_id)
    if programme and (MeetingLog.select().where(MeetingLog.programme == programme).exists()
                      or any((getattr(programme, f) or "").strip() for f in ("goals", "tasks", "expected_results"))):
        return True
    return Response.select().where(Response.group_id == group_id).exists()


def _check_undoable(accepted: list[Suggestion]) -> None:
    groups = [s.group_id for s in accepted if s.group_id]
    order = _order_of(groups)
    if order is not None:
        raise PairingError("Отменить утверждение нельзя: по этим парам уже издан приказ № %(number)s от %(date)s. "
                           "Чтобы расформировать пару, завершите её на странице пары.", number=order.number,
                           date=order.signed_on.strftime("%d.%m.%Y") if order.signed_on else "—")
    started = [s for s in accepted if s.group_id and _started(s.group_id)]
    if started:
        raise PairingError("Отменить утверждение нельзя: пары уже начали работу (встречи, программа или анкеты "
                           "мониторинга): %(pairs)s. Чтобы расформировать пару, завершите её на странице пары.",
                           pairs="; ".join(f"{s.mentor.full_name} — {s.mentee.full_name}" for s in started))


def _remove_pair(s: Suggestion) -> None:
    others = (GroupMember.select().where((GroupMember.group == s.group_id)
                                         & ~(GroupMember.user.in_([s.mentor_id, s.mentee_id]))).exists())
    if others:  # group mentoring: the mentee leaves the group, the group stays
        GroupMember.delete().where((GroupMember.group == s.group_id) & (GroupMember.user == s.mentee_id)
                                   & (GroupMember.role == "mentee")).execute()
        Assignment.delete().where((Assignment.group_id == s.group_id) & (Assignment.user == s.mentee_id)).execute()
    else:
        Assignment.delete().where(Assignment.group_id == s.group_id).execute()
        MentoringGroup.delete().where(MentoringGroup.id == s.group_id).execute()


def _undo(approval: Approval, accepted: list[Suggestion], actor) -> int:
    _check_undoable(accepted)
    with database.atomic():
        for s in accepted:
            if s.group_id:
                _remove_pair(s)
            (Suggestion.update(status=PROPOSED, decided_by=None, decided_at=None, group=None, approval=None)
             .where((Suggestion.id == s.id) & (Suggestion.status == ACCEPTED)).execute())
            # the mentee's other candidates this approval had closed are open again
            (Suggestion.update(status=PROPOSED, approval=None, decided_by=None, decided_at=None)
             .where((Suggestion.approval == approval) & Suggestion.status.in_([SUPERSEDED, REJECTED])
                    & (Suggestion.mentee == s.mentee_id) & (Suggestion.problem == s.problem)).execute())
        if not Suggestion.select().where((Suggestion.approval == approval) & (Suggestion.status == ACCEPTED)).exists():
            Approval.update(undone_at=dt.datetime.now(), undone_by=actor).where(Approval.id == approval.id).execute()
    for s in accepted:
        for person in (s.mentor, s.mentee):
            notify(person, f"Куратор отменил утверждение пары {s.mentor.full_name} — {s.mentee.full_name}: "
                           f"пара пока не сформирована.", "")
    return len(accepted)


def _accepted(approval: Approval) -> list[Suggestion]:
    return list(Suggestion.select().where((Suggestion.approval == approval) & (Suggestion.status == ACCEPTED)))


def undo_approval(approval_id: int, organisation, actor) -> int:
    """«Отменить утверждение» of a whole approval; returns how many pairs were undone."""
    approval = approval_in(organisation, approval_id)
    accepted = _accepted(approval)
    if approval.undone_at is not None or not accepted:
        raise PairingError("Это утверждение уже отменено.")
    return _undo(approval, accepted, actor)


def undo_suggestion(suggestion_id: int, organisation, actor) -> Suggestion:
    """«Отменить утверждение» of one approved pair (its approval's other pairs stay approved)."""
    suggestion = decisions.suggestion_in(suggestion_id, organisation)
    if suggestion.status != ACCEPTED or suggestion.approval_id is None:
        raise PairingError("Эта пара не утверждена в подборе — отменять нечего.")
    _undo(Approval.get_by_id(suggestion.approval_id), [suggestion], actor)
    return Suggestion.get_by_id(suggestion.id)


def choose(suggestion_id: int, organisation, actor):
    """«Выбрать» another candidate: approve it; the proposal it replaces counts as rejected (the learned
    weights read that), and comes back with «Отменить утверждение»."""
    group = approve_one(suggestion_id, organisation, actor)
    chosen = Suggestion.get_by_id(suggestion_id)
    (Suggestion.update(status=REJECTED, decided_by=actor, decided_at=dt.datetime.now())
     .where((Suggestion.approval == chosen.approval_id) & (Suggestion.status == SUPERSEDED)
            & (Suggestion.assigned | (Suggestion.rank == 0))).execute())
    return group
