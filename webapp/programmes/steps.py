"""Dashboard: a participant's link to the programme of each of their active pairs."""
from __future__ import annotations

from flask_babel import gettext as _

from webapp.models import GroupMember, MentoringGroup
from webapp.models.mentoring import ACTIVE


def programme_steps(user) -> list:
    from webapp.dashboard.services import Step
    rows = (GroupMember.select(GroupMember.group).join(MentoringGroup)
            .where((GroupMember.user == user) & (MentoringGroup.status == ACTIVE)).distinct())
    return [Step(_("Откройте персонализированную программу наставничества вашей пары и журнал встреч."),
                 "programmes.show", {"group_id": r.group_id}) for r in rows]
