"""Dashboard reminders: a participant sees each questionnaire still to fill in, with a link."""
from __future__ import annotations

from flask_babel import gettext as _

from webapp.models.questionnaire import SUBMITTED
from webapp.shipped_text import shipped


def questionnaire_steps(user) -> list:
    from webapp.dashboard.services import Step
    from webapp.questionnaires.assigning import questionnaires_for
    steps = []
    for due in questionnaires_for(user):
        if due.status == SUBMITTED:
            continue
        if due.response is None:
            text = _("Заполните анкету «%(title)s».", title=shipped(due.questionnaire.title))
            steps.append(Step(text, "questionnaires.mine"))
        else:
            text = _("Допишите и отправьте анкету «%(title)s» — черновик сохранён.", title=shipped(due.questionnaire.title))
            steps.append(Step(text, "questionnaires.show_response", {"response_id": due.response.id}))
    return steps
