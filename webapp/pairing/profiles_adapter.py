"""People of the banks as :mod:`matching` profiles.

Reads the questionnaire answers through :func:`webapp.questionnaires.features.profile_features`
and the banks through :func:`webapp.consents.services.bank_members` / ``in_bank``. Values the
matching package would refuse (unknown keys, odd numbers) are dropped here, so one odd answer
never stops a whole run.
"""
from __future__ import annotations

import numbers

from matching import MenteeProfile, MentorProfile
from matching.catalogue import FORMATS, FORMS, PROBLEMS, TYPES
from webapp.consents.services import bank_members, in_bank  # noqa: F401  (re-exported for the area)
from webapp.models import GroupMember, MentoringGroup, User
from webapp.models.mentoring import ACTIVE
from webapp.models.questionnaire import MENTEE_REQUEST, MENTOR_PROFILE
from webapp.questionnaires.features import profile_features

DEFAULT_CAPACITY = 1
MAX_CAPACITY = 10


def _list(value) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple, set)):
        return [v for v in value if isinstance(v, str)]
    return []


def _keys(value, allowed) -> list[str]:
    seen = []
    for v in _list(value):
        if v in allowed and v not in seen:
            seen.append(v)
    return seen


def _format(value) -> str:
    value = value[0] if isinstance(value, list) and value else value
    return value if isinstance(value, str) and value in FORMATS else "both"


def capacity_of(features: dict) -> int:
    value = features.get("capacity")
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or value != value:
        return DEFAULT_CAPACITY
    return max(0, min(MAX_CAPACITY, int(value)))


def capacities(users) -> dict[int, int]:
    """How many mentees each mentor said they can take (1 when not answered)."""
    ids = [u if isinstance(u, int) else u.id for u in users]
    features = profile_features(ids, MENTOR_PROFILE)
    return {i: capacity_of(features.get(i, {})) for i in ids}


def mentor_loads(organisation, mentor_ids=None) -> dict[int, int]:
    """Mentees each mentor has now in active pairs and groups."""
    mentor_rows = (GroupMember.select(GroupMember.user, GroupMember.group).join(MentoringGroup)
                   .where((MentoringGroup.organisation == organisation) & (MentoringGroup.status == ACTIVE)
                          & (GroupMember.role == "mentor")))
    if mentor_ids is not None:
        mentor_rows = mentor_rows.where(GroupMember.user.in_(list(mentor_ids)))
    groups_of: dict[int, set] = {}
    for row in mentor_rows:
        groups_of.setdefault(row.user_id, set()).add(row.group_id)
    all_groups = {g for gs in groups_of.values() for g in gs}
    mentees_in: dict[int, int] = {}
    if all_groups:
        for row in GroupMember.select(GroupMember.group).where(
                GroupMember.group.in_(list(all_groups)) & (GroupMember.role == "mentee")):
            mentees_in[row.group_id] = mentees_in.get(row.group_id, 0) + 1
    return {uid: sum(mentees_in.get(g, 0) for g in gs) for uid, gs in groups_of.items()}


def paired_mentee_ids(organisation) -> set[int]:
    rows = (GroupMember.select(GroupMember.user).join(MentoringGroup)
            .where((MentoringGroup.organisation == organisation) & (MentoringGroup.status == ACTIVE)
                   & (GroupMember.role == "mentee")))
    return {r.user_id for r in rows}


def _subjects(user: User, features: dict) -> list[str]:
    found = list(user.subject_list)
    for s in _list(features.get("subjects")):
        if s not in found:
            found.append(s)
    return found


def mentor_profiles(mentors, organisation) -> tuple[list[MentorProfile], dict[int, dict]]:
    """Profiles of ``mentors`` with capacity left after their active pairs; also their raw features."""
    features = profile_features(mentors, MENTOR_PROFILE)
    loads = mentor_loads(organisation, [m.id for m in mentors])
    org_is_school = organisation.is_school
    profiles = []
    for m in mentors:
        f = features.get(m.id, {})
        problems = _keys(f.get("competences"), PROBLEMS)
        forms = _keys(f.get("forms"), FORMS)
        profiles.append(MentorProfile(
            id=m.id, category=m.category, organisation=m.organisation_id,
            capacity=max(0, capacity_of(f) - loads.get(m.id, 0)), problems=problems,
            subjects=_subjects(m, f), forms=forms, types=_keys(f.get("types"), TYPES),
            format=_format(f.get("formats")), availability=_list(f.get("availability")),
            org_is_school=org_is_school, text=str(f.get("about") or "")))
    return profiles, features


def mentee_profiles(mentees, organisation) -> tuple[list[MenteeProfile], dict[int, dict]]:
    features = profile_features(mentees, MENTEE_REQUEST)
    org_is_school = organisation.is_school
    profiles = []
    for e in mentees:
        f = features.get(e.id, {})
        text = " ".join(str(f.get(k) or "") for k in ("about", "goals")).strip()
        profiles.append(MenteeProfile(
            id=e.id, category=e.category, organisation=e.organisation_id,
            requested_problems=_keys(f.get("requests"), PROBLEMS), subjects=_subjects(e, f),
            format=_format(f.get("formats")), availability=_list(f.get("availability")),
            org_is_school=org_is_school, text=text, grade=_grade(e.class_name)))
    return profiles, features


def _grade(class_name: str):
    digits = "".join(ch for ch in class_name or "" if ch.isdigit())
    if digits and 1 <= int(digits) <= 11:
        return int(digits)
    return None
