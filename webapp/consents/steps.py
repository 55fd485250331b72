"""Dashboard reminders about a participant's own consents."""
from __future__ import annotations

from flask_babel import gettext as _


def consent_steps(user) -> list:
    from webapp.consents.services import COMPLETE, REVOKED, is_minor, state_of
    from webapp.dashboard.services import Step
    status = state_of(user).status
    if status == COMPLETE:
        return []
    if status == REVOKED:
        return [Step(_("Ваши согласия отозваны: вы не участвуете в банке и подборе пар."), "consents.mine")]
    if is_minor(user):
        text = _("Передайте куратору согласия, подписанные родителем (законным представителем): без них вы не "
                 "попадёте в банк программы наставничества.")
    else:
        text = _("Подпишите и передайте куратору согласие на обработку персональных данных и согласие на участие "
                 "в программе: без них вы не попадёте в банк программы наставничества.")
    return [Step(text, "consents.mine")]
