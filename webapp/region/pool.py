"""The regional pool of remote mentors.

A mentor joins by signing the consent line (their name, subjects and e-mail go to another school of the
region once a pair is confirmed) and only if their questionnaire allows remote meetings. A mentee joins
the search when they (or, for a minor, their representative through the coordinator) accept remote
mentoring by a mentor of another school. A school's pool run scores its such mentees against the pool
with the matching package's cross-organisation switch: the rules (both formats allow remote meetings,
one capacity shared across schools) are the package's. Candidates carry no name: a pool mentor is
shown by school, category and subjects. The coordinator confirms a pair; only then do the two schools
see each other's person of that pair, and only if both consents are in place.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import abort

from webapp.consents.services import bank_members, in_bank
from webapp.db import database
from webapp.pairing.scorer import new_scorer
from webapp.models import (AuditEvent, GroupMember, MentoringGroup, Organisation, PoolMember, RemoteConsent,
                           RemotePair, StageChange, UnpairedMentee, User)
from webapp.models.mentoring import ACTIVE
from webapp.models.questionnaire import MENTOR_PROFILE
from webapp.pairing import profiles_adapter
from webapp.questionnaires.features import profile_features
from webapp.user_errors import UserError

TOP_K = 3


class PoolError(UserError):
    """A pool step that cannot be done; the message is for the person."""


# --- consents ------------------------------------------------------------------------------
def in_pool(user) -> bool:
    return PoolMember.select().where((PoolMember.user == user) & PoolMember.left_at.is_null(True)).exists()


def accepts_remote(user) -> bool:
    return RemoteConsent.select().where((RemoteConsent.user == user)
                                        & RemoteConsent.withdrawn_at.is_null(True)).exists()


def mentor_format(user) -> str:
    return profiles_adapter._format(profile_features([user.id], MENTOR_PROFILE).get(user.id, {}).get("formats"))


def join(user, consent: bool) -> PoolMember:
    """The mentor's consent line; refused without it, outside a region, or with in-person meetings only."""
    if not user.has_role("mentor"):
        raise PoolError("В региональный пул вступают наставники.")
    if user.organisation.region_id is None:
        raise PoolError("Школа не входит в регион: регионального пула для неё нет.")
    if not consent:
        raise PoolError("Чтобы вступить в пул, подтвердите согласие: отметьте строку согласия.")
    if mentor_format(user) == "in_person":
        raise PoolError("В анкете наставника выбраны только очные встречи. Отметьте в анкете дистанционный "
                        "формат, чтобы вступить в региональный пул.")
    with database.atomic():
        member = PoolMember.get_or_none(PoolMember.user == user)
        if member is None:
            member = PoolMember.create(user=user, region=user.organisation.region_id)
        else:
            member.region, member.joined_at, member.left_at = user.organisation.region_id, dt.datetime.now(), None
            member.save()
        AuditEvent.record("pool_joined", actor=user, target=user.id)
    return member


def leave(user) -> None:
    PoolMember.update(left_at=dt.datetime.now()).where(
        (PoolMember.user == user) & PoolMember.left_at.is_null(True)).execute()


def accept_remote(mentee, actor) -> RemoteConsent:
    if not mentee.has_role("mentee"):
        raise PoolError("Согласие на дистанционное наставничество даёт наставляемый.")
    if mentee.organisation.region_id is None:
        raise PoolError("Школа не входит в регион: регионального пула для неё нет.")
    with database.atomic():
        found = RemoteConsent.get_or_none(RemoteConsent.user == mentee)
        recorded_by = actor if actor.id != mentee.id else None
        if found is None:
            found = RemoteConsent.create(user=mentee, recorded_by=recorded_by)
        else:
            found.consented_at, found.recorded_by, found.withdrawn_at = dt.datetime.now(), recorded_by, None
            found.save()
        AuditEvent.record("remote_mentoring_accepted", actor=actor, organisation=mentee.organisation_id,
                          target=mentee.id)
    return found


def withdraw_remote(mentee) -> None:
    RemoteConsent.update(withdrawn_at=dt.datetime.now()).where(
        (RemoteConsent.user == mentee) & RemoteConsent.withdrawn_at.is_null(True)).execute()


# --- who takes part ----------------------------------------------------------------------
def remote_mentees(school) -> list[User]:
    """The school's mentees in the bank who accept remote mentoring and have no active pair."""
    paired = profiles_adapter.paired_mentee_ids(school)
    accepted = RemoteConsent.select(RemoteConsent.user).where(RemoteConsent.withdrawn_at.is_null(True))
    return [u for u in bank_members(school, "mentee").where(User.id.in_(accepted)) if u.id not in paired]


def pool_mentors(school) -> list[User]:
    """Mentors of the pool from the other schools of the school's region, in their schools' banks."""
    if school.region_id is None:
        return []
    members = (PoolMember.select(PoolMember.user).where((PoolMember.region == school.region_id)
                                                         & PoolMember.left_at.is_null(True)))
    found = []
    schools = (Organisation.select().where((Organisation.region == school.region_id) & (Organisation.id != school.id)
                                           & (Organisation.kind != "regional_centre")))
    for other in schools:
        found.extend(bank_members(other, "mentor").where(User.id.in_(members)))
    return found


def loads_elsewhere(mentors) -> dict[int, int]:
    """Mentees each mentor has in active pairs of schools other than their own (shared capacity)."""
    own = {m.id: m.organisation_id for m in mentors}
    rows = (GroupMember.select(GroupMember.user, MentoringGroup.organisation, GroupMember.group)
            .join(MentoringGroup).where(GroupMember.user.in_(list(own) or [0]) & (GroupMember.role == "mentor")
                                        & (MentoringGroup.status == ACTIVE)).tuples())
    groups: dict[int, set[int]] = {}
    for user_id, org_id, group_id in rows:
        if org_id != own[user_id]:
            groups.setdefault(user_id, set()).add(group_id)
    all_groups = [g for gs in groups.values() for g in gs]
    mentees_in: dict[int, int] = {}
    for (group_id,) in (GroupMember.select(GroupMember.group).where(
            GroupMember.group.in_(all_groups or [0]) & (GroupMember.role == "mentee")).tuples()):
        mentees_in[group_id] = mentees_in.get(group_id, 0) + 1
    return {uid: sum(mentees_in.get(g, 0) for g in gs) for uid, gs in groups.items()}


def _scorer(school, mentees, mentors):
    mentee_profiles, _f = profiles_adapter.mentee_profiles(mentees, school)
    mentor_profiles = []
    by_school: dict[int, list[User]] = {}
    for m in mentors:
        by_school.setdefault(m.organisation_id, []).append(m)
    for org_id, people in by_school.items():
        mentor_profiles.extend(profiles_adapter.mentor_profiles(people, Organisation.get_by_id(org_id))[0])
    scorer = new_scorer(allow_cross_organisation=True, commitments=loads_elsewhere(mentors))
    return scorer.fit(mentor_profiles, mentee_profiles)


@dataclass
class Candidate:
    mentor: User
    school: Organisation
    score: float
    form: str


def candidates(school) -> dict[User, list[Candidate]]:
    """Per remote-accepting mentee of the school, up to three pool mentors (no names shown for them)."""
    mentees = remote_mentees(school)
    mentors = pool_mentors(school)
    if not mentees or not mentors:
        return {m: [] for m in mentees}
    from matching.rules import EligibilityRules
    scorer = _scorer(school, mentees, mentors)
    by_id = {m.id: m for m in mentors}
    schools = {o.id: o for o in Organisation.select().where(Organisation.id.in_({m.organisation_id for m in mentors}))}
    found = scorer.suggest(top_k=TOP_K)
    out = {}
    for mentee in mentees:
        rows = []
        for s in found.get(mentee.id, []):
            mentor = by_id[s.mentor_id]
            form = EligibilityRules.form_key(scorer.mentors_[scorer.mentor_index_[mentor.id]],
                                             scorer.mentees_[scorer.mentee_index_[mentee.id]])
            rows.append(Candidate(mentor, schools[mentor.organisation_id], round(s.score, 1), form or ""))
        out[mentee] = rows
    return out


# --- confirming --------------------------------------------------------------------------
def mentee_of_school_or_404(school, mentee_id) -> User:
    mentee = User.get_or_none(User.id == mentee_id) if isinstance(mentee_id, int) else None
    if mentee is None or mentee.organisation_id != school.id:
        abort(404)
    return mentee


def confirm(school, mentee_id: int, mentor_id: int, actor) -> RemotePair:
    """The coordinator confirms a pool pair: every consent and every matching rule is checked again."""
    from webapp.pairing.wording import rule_reason
    mentee = mentee_of_school_or_404(school, mentee_id)
    mentor = User.get_or_none(User.id == mentor_id) if isinstance(mentor_id, int) else None
    if mentor is None or mentor.organisation_id == school.id or mentor not in pool_mentors(school):
        raise PoolError("Этого наставника нет в региональном пуле для вашей школы.")
    if not (in_bank(mentee, "mentee") and accepts_remote(mentee)):
        raise PoolError("Наставляемый не дал всех согласий: нужны согласие на обработку данных, на участие и "
                        "на дистанционное наставничество.")
    if not (in_bank(mentor, "mentor") and in_pool(mentor)):
        raise PoolError("Наставник не дал всех согласий для регионального пула.")
    if mentee not in remote_mentees(school):
        raise PoolError("У наставляемого уже есть пара.")
    from matching.rules import EligibilityRules
    scorer = _scorer(school, [mentee], [mentor])
    code = scorer.why_not(mentor.id, mentee.id)
    if code is not None and code != "below_min_score":
        raise PoolError("Пару составить нельзя: %(reason)s.", reason=rule_reason(code))
    form = EligibilityRules.form_key(scorer.mentors_[0], scorer.mentees_[0])
    with database.atomic():
        start = dt.date.today()
        group = MentoringGroup.create(organisation=school, form=form, kind="virtual", stage=1, started_on=start,
                                      planned_end_on=school.school_year_end(start))
        StageChange.create(group=group, stage=1, changed_on=start, changed_by=actor,
                           note="Пара сформирована из регионального пула")
        UnpairedMentee.delete().where((UnpairedMentee.organisation == school)
                                      & (UnpairedMentee.mentee == mentee)).execute()
        GroupMember.create(group=group, user=mentor, role="mentor")
        GroupMember.create(group=group, user=mentee, role="mentee")
        pair = RemotePair.create(group=group, mentor=mentor, mentee=mentee, mentee_organisation=school,
                                 mentor_organisation=mentor.organisation_id, confirmed_by=actor)
        AuditEvent.record("remote_pair_confirmed", actor=actor, organisation=school, target=group.id)
        AuditEvent.record("remote_pair_confirmed", actor=actor, organisation=mentor.organisation_id, target=group.id)
    return pair


def pairs_of(school) -> list[RemotePair]:
    """Remote pairs the school takes part in, on either side (both schools see the pair)."""
    return list(RemotePair.select().where((RemotePair.mentee_organisation == school)
                                          | (RemotePair.mentor_organisation == school))
                .order_by(RemotePair.confirmed_at.desc()))
