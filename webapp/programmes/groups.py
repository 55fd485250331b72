"""Pairs and groups: who may see one, listing with flags, stage changes, ending early."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from flask import abort

from matching.catalogue import FORM_LABELS, FORMS, TYPES
from webapp.db import database
from webapp.models import GroupMember, MeetingLog, MentoringGroup, PlanItem, Programme, StageChange, UnpairedMentee, User
from webapp.models.mentoring import ACTIVE, ENDED
from webapp.models.programme import DONE_ITEM
from webapp.monitoring import assigning as monitoring
from webapp.user_errors import UserError

STAGE_LABELS = {
    1: "Подготовительный",
    2: "Проектировочный",
    3: "Реализационный",
    4: "Рефлексивно-аналитический",
    5: "Результативный",
}
NO_MEETING_DAYS = 30
REASON_MAX = 1000
SCHOOL_FORMS = {k: v.label for k, v in FORMS.items() if v.allowed_in_school}


class GroupError(UserError):
    """A change to a pair breaks a rule; the message is for the person who made it."""


def visible_group(group_id: int, user) -> MentoringGroup:
    """The group if ``user`` may see it: staff of its organisation or one of its members; else 404."""
    group = MentoringGroup.get_or_none(MentoringGroup.id == group_id)
    if group is None or group.organisation_id != user.organisation_id:
        abort(404)
    if user.is_staff:
        return group
    if not GroupMember.select().where((GroupMember.group == group) & (GroupMember.user == user)).exists():
        abort(404)
    return group


def role_in(group, user) -> str | None:
    """"mentor", "mentee" or None (the coordinator looking in)."""
    roles = {m.role for m in GroupMember.select(GroupMember.role)
             .where((GroupMember.group == group) & (GroupMember.user == user))}
    return "mentor" if "mentor" in roles else ("mentee" if "mentee" in roles else None)


@dataclass
class GroupRow:
    group: MentoringGroup
    mentors: list = field(default_factory=list)
    mentees: list = field(default_factory=list)
    overdue: int = 0
    last_meeting: dt.date | None = None
    consent_revoked: list = field(default_factory=list)  # members whose consent is revoked

    @property
    def no_recent_meeting(self) -> bool:
        if self.group.status != ACTIVE:
            return False
        since = self.last_meeting or self.group.started_on
        return since is not None and (dt.date.today() - since).days > NO_MEETING_DAYS

    @property
    def form_label(self) -> str:
        return FORM_LABELS.get(self.group.form, self.group.form or "—")

    @property
    def kind_label(self) -> str:
        return TYPES.get(self.group.kind, self.group.kind or "—")

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS.get(self.group.stage, str(self.group.stage))


def rows_for(groups, today: dt.date | None = None) -> list[GroupRow]:
    """Groups with their people and flags, in a fixed number of queries."""
    today = today or dt.date.today()
    groups = list(groups)
    rows = {g.id: GroupRow(g) for g in groups}
    if not rows:
        return []
    ids = list(rows)
    for m in (GroupMember.select(GroupMember, User).join(User)
              .where(GroupMember.group.in_(ids)).order_by(User.full_name)):
        (rows[m.group_id].mentors if m.role == "mentor" else rows[m.group_id].mentees).append(m.user)
    from webapp.consents.services import answers_hidden_ids
    member_ids = {u.id for row in rows.values() for u in row.mentors + row.mentees}
    if member_ids:
        revoked = {u.id for u in answers_hidden_ids().where(User.id.in_(list(member_ids)))}
        for row in rows.values():
            row.consent_revoked = [u for u in row.mentors + row.mentees if u.id in revoked]
    programmes = {p.id: p.group_id for p in Programme.select(Programme.id, Programme.group).where(Programme.group.in_(ids))}
    if programmes:
        for item in PlanItem.select(PlanItem.programme, PlanItem.deadline, PlanItem.status).where(
                PlanItem.programme.in_(list(programmes)) & (PlanItem.status != DONE_ITEM)
                & PlanItem.deadline.is_null(False) & (PlanItem.deadline < today)):
            rows[programmes[item.programme_id]].overdue += 1
        from peewee import fn
        for r in (MeetingLog.select(MeetingLog.programme, fn.MAX(MeetingLog.met_on).alias("last"))
                  .where(MeetingLog.programme.in_(list(programmes))).group_by(MeetingLog.programme)):
            last = r.last
            if isinstance(last, str):
                last = dt.date.fromisoformat(last[:10])
            rows[programmes[r.programme_id]].last_meeting = last
    return [rows[g.id] for g in groups]


def groups_of(user, organisation, *, status: str = ACTIVE, flag: str = ""):
    """Groups ``user`` may see: all of the organisation for staff, their own otherwise."""
    query = MentoringGroup.select().where(MentoringGroup.organisation == organisation)
    if status in (ACTIVE, ENDED):
        query = query.where(MentoringGroup.status == status)
    if not user.is_staff:
        query = query.where(MentoringGroup.id.in_(GroupMember.select(GroupMember.group).where(GroupMember.user == user)))
    rows = rows_for(query.order_by(MentoringGroup.created_at.desc(), MentoringGroup.id.desc()))
    if flag == "overdue":
        rows = [r for r in rows if r.overdue]
    elif flag == "silent":
        rows = [r for r in rows if r.no_recent_meeting]
    return rows


@dataclass
class HiddenByFilter:
    """What the pairs list's filter leaves out, among the pairs the person may see."""
    active: int = 0  # active pairs a «завершённые» filter hides
    ended_this_year: int = 0  # ended pairs an «действующие» filter hides, ended this school year
    ended_earlier: int = 0  # … and ended in an earlier school year
    without_flag: int = 0  # pairs of the chosen state without the chosen «требуют внимания» mark

    @property
    def ended(self) -> int:
        return self.ended_this_year + self.ended_earlier


def hidden_by_filter(user, organisation, *, status: str, flag: str, shown: int,
                     today: dt.date | None = None) -> HiddenByFilter:
    """Counts of the pairs the chosen filter hides, so an empty or short list can say what is left out."""
    today = today or dt.date.today()
    query = MentoringGroup.select(MentoringGroup.status, MentoringGroup.started_on, MentoringGroup.ended_on).where(
        MentoringGroup.organisation == organisation)
    if not user.is_staff:
        query = query.where(MentoringGroup.id.in_(GroupMember.select(GroupMember.group).where(GroupMember.user == user)))
    hidden = HiddenByFilter()
    this_year = organisation.school_year_of(today)
    in_state = 0
    for group in query:
        if status in (ACTIVE, ENDED) and group.status != status:
            if group.status == ACTIVE:
                hidden.active += 1
            elif organisation.school_year_of(group.ended_on or group.started_on) >= this_year:
                hidden.ended_this_year += 1
            else:
                hidden.ended_earlier += 1
        else:
            in_state += 1
    if flag:
        hidden.without_flag = max(in_state - shown, 0)
    return hidden


@dataclass(frozen=True)
class PairDetails:
    form: str
    kind: str
    started_on: dt.date
    planned_end_on: dt.date | None = None


def change_stage(group, stage: int, on: dt.date | None, note: str, actor) -> None:
    if stage not in STAGE_LABELS:
        raise GroupError("Выберите этап из списка.")
    if group.status != ACTIVE:
        raise GroupError("Пара завершена: этап изменить нельзя.")
    on = on or dt.date.today()
    if group.started_on and on < group.started_on:
        raise GroupError("Дата смены этапа не может быть раньше начала работы пары.")
    with database.atomic():
        MentoringGroup.update(stage=stage).where(MentoringGroup.id == group.id).execute()
        StageChange.create(group=group, stage=stage, changed_on=on, changed_by=actor, note=note)
        monitoring.on_pair_stage(group, stage, actor=actor)


def update_details(group, details: PairDetails) -> None:
    if details.planned_end_on is not None and details.planned_end_on < details.started_on:
        raise GroupError("Плановая дата окончания не может быть раньше даты начала.")
    MentoringGroup.update(form=details.form, kind=details.kind, started_on=details.started_on,
                          planned_end_on=details.planned_end_on).where(MentoringGroup.id == group.id).execute()


def end_early(group, reason: str, send_back: bool, actor) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise GroupError("Укажите причину досрочного завершения.")
    if len(reason) > REASON_MAX:
        raise GroupError("Причина — не длиннее %(limit)s символов.", limit=REASON_MAX)
    if group.status != ACTIVE:
        raise GroupError("Эта пара уже завершена.")
    today = dt.date.today()
    with database.atomic():
        changed = (MentoringGroup.update(status=ENDED, ended_on=today, end_reason=reason)
                   .where((MentoringGroup.id == group.id) & (MentoringGroup.status == ACTIVE)).execute())
        if changed != 1:
            raise GroupError("Эта пара уже завершена.")
        StageChange.create(group=group, stage=group.stage, changed_on=today, changed_by=actor,
                           note=f"Пара завершена досрочно: {reason}")
        monitoring.on_pair_ended(group, actor=actor)
        if send_back:
            for m in GroupMember.select().where((GroupMember.group == group) & (GroupMember.role == "mentee")):
                row = UnpairedMentee.get_or_none((UnpairedMentee.organisation == group.organisation_id)
                                                 & (UnpairedMentee.mentee == m.user_id))
                text = f"Пара завершена досрочно: {reason}"
                if row:
                    UnpairedMentee.update(keep_searching=True, code="ended_early", reason=text,
                                          updated_at=dt.datetime.now()).where(UnpairedMentee.id == row.id).execute()
                else:
                    UnpairedMentee.create(organisation=group.organisation_id, mentee=m.user_id, code="ended_early",
                                          reason=text, keep_searching=True)


def history(group):
    return (StageChange.select().where(StageChange.group == group)
            .order_by(StageChange.changed_on, StageChange.id))
