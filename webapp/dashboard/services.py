"""What each role sees first: the coordinator's counts, a participant's next steps."""
from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _

from webapp.models import GroupMember, MentoringGroup, User, UserRole
from webapp.models.mentoring import ACTIVE


@dataclass
class Step:
    text: str
    endpoint: str | None = None
    args: dict | None = None


def _active_members(organisation, role: str):
    return (GroupMember.select(GroupMember.user)
            .join(MentoringGroup)
            .where((MentoringGroup.organisation == organisation)
                   & (MentoringGroup.status == ACTIVE) & (GroupMember.role == role)))


def coordinator_counts(organisation) -> dict:
    def count_role(role):
        return (User.in_org(organisation).join(UserRole)
                .where((UserRole.role == role) & (User.is_active == True)).count())  # noqa: E712

    mentees_paired = _active_members(organisation, "mentee")
    without_pair = (User.in_org(organisation).join(UserRole)
                    .where((UserRole.role == "mentee") & (User.is_active == True)  # noqa: E712
                           & User.id.not_in(mentees_paired)).count())
    return {
        "mentors": count_role("mentor"),
        "mentees": count_role("mentee"),
        "without_pair": without_pair,
        "pairs": MentoringGroup.active_in(organisation).count(),
    }


@dataclass
class Partner:
    """A person on the other side of one of the user's active pairs, and the pair's page."""
    full_name: str
    said: str  # the name as the sentence needs it: genitive after «для» in Russian
    group_id: int
    met: bool  # a meeting is recorded in the pair's journal


@dataclass
class MyPairs:
    """Whom the user mentors and who mentors the user, in their active pairs."""
    mentees: list = field(default_factory=list)
    mentors: list = field(default_factory=list)


def _russian() -> bool:
    from flask_babel import get_locale
    locale = get_locale()
    return locale is None or locale.language == "ru"


def my_pairs(user) -> MyPairs:
    """The partners of ``user`` in active pairs, in a fixed number of queries."""
    from webapp.models import MeetingLog, Programme
    from webapp.russian import decline_name
    mine = {m.group_id: m.role for m in GroupMember.select(GroupMember.group, GroupMember.role).join(MentoringGroup)
            .where((GroupMember.user == user) & (MentoringGroup.status == ACTIVE))}
    result = MyPairs()
    if not mine:
        return result
    met = {p.group_id for p in Programme.select(Programme.group).where(
        Programme.group.in_(list(mine)) & Programme.id.in_(MeetingLog.select(MeetingLog.programme)))}
    russian = _russian()
    partners = (GroupMember.select(GroupMember, User).join(User)
                .where(GroupMember.group.in_(list(mine)) & (GroupMember.user != user))
                .order_by(GroupMember.group, User.full_name))
    for member in partners:
        my_role = mine[member.group_id]
        if my_role == "mentor" and member.role == "mentee":
            said = decline_name(member.user.full_name, "gent") if russian else member.user.full_name
            result.mentees.append(Partner(member.user.full_name, said, member.group_id, member.group_id in met))
        elif my_role == "mentee" and member.role == "mentor":
            result.mentors.append(Partner(member.user.full_name, member.user.full_name, member.group_id,
                                          member.group_id in met))
    return result


def pairing_steps(user) -> list[Step]:
    """A first meeting to arrange in each new pair (the pairs themselves open the dashboard), or the wait."""
    from webapp.russian import decline_name
    pairs = my_pairs(user)
    russian = _russian()
    steps = []
    for partner in pairs.mentees + pairs.mentors:
        if not partner.met:
            name = decline_name(partner.full_name, "ablt") if russian else partner.full_name
            steps.append(Step(_("Договоритесь о первой встрече с %(name)s и запишите её в журнал встреч.",
                                name=name), "programmes.show", {"group_id": partner.group_id}))
    if not (pairs.mentees or pairs.mentors) and user.has_role("mentee"):
        steps.append(Step(_("Куратор подбирает вам наставника. Мы сообщим, когда пара будет сформирована.")))
    if not (pairs.mentees or pairs.mentors) and user.has_role("mentor"):
        steps.append(Step(_("Куратор подбирает вам наставляемых. Мы сообщим, когда пара будет сформирована.")))
    return steps


def next_steps(user) -> list[Step]:
    steps: list[Step] = []
    from webapp.dashboard.steps import step_providers
    for provider in step_providers():
        steps.extend(provider(user))
    steps.extend(pairing_steps(user))
    return steps
