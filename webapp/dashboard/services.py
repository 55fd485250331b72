"""What each role sees first: the coordinator's counts, a participant's next steps."""
from __future__ import annotations

from dataclasses import dataclass

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


def pairing_steps(user) -> list[Step]:
    memberships = (GroupMember.select(GroupMember, MentoringGroup)
                   .join(MentoringGroup)
                   .where((GroupMember.user == user) & (MentoringGroup.status == ACTIVE)))
    steps = []
    for membership in memberships:
        partner_role = "mentee" if membership.role == "mentor" else "mentor"
        partners = (User.select().join(GroupMember)
                    .where((GroupMember.group == membership.group_id) & (GroupMember.role == partner_role)))
        names = ", ".join(p.full_name for p in partners)
        if membership.role == "mentor":
            steps.append(Step(_("Вы наставник для: %(names)s. Договоритесь о первой встрече.", names=names)))
        else:
            steps.append(Step(_("Ваш наставник: %(names)s. Договоритесь о первой встрече.", names=names)))
    if not steps and user.has_role("mentee"):
        steps.append(Step(_("Куратор подбирает вам наставника. Мы сообщим, когда пара будет сформирована.")))
    if not steps and user.has_role("mentor"):
        steps.append(Step(_("Куратор подбирает вам наставляемых. Мы сообщим, когда пара будет сформирована.")))
    return steps


def next_steps(user) -> list[Step]:
    steps: list[Step] = []
    from webapp.dashboard.steps import step_providers
    for provider in step_providers():
        steps.extend(provider(user))
    steps.extend(pairing_steps(user))
    return steps
