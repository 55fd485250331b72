"""The areas that add a participant's next steps to the dashboard, in the order they are shown.

A new area that has steps to suggest adds its function ``user -> list[Step]`` here: this list is
the one place that says which areas contribute, so nothing depends on the order blueprints load.
The participant's pairs are not a step: the dashboard opens with them («Вы наставник для …»,
linking each pair's programme), see ``webapp.dashboard.services.my_pairs``.
"""
from __future__ import annotations


def step_providers() -> tuple:
    from webapp.consents.steps import consent_steps
    from webapp.monitoring.assigning import monitoring_steps
    from webapp.questionnaires.steps import questionnaire_steps
    return (consent_steps, questionnaire_steps, monitoring_steps)
