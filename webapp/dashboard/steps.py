"""The areas that add a participant's next steps to the dashboard, in the order they are shown.

A new area that has steps to suggest adds its function ``user -> list[Step]`` here: this list is
the one place that says which areas contribute, so nothing depends on the order blueprints load.
"""
from __future__ import annotations


def step_providers() -> tuple:
    from webapp.consents.steps import consent_steps
    from webapp.monitoring.assigning import monitoring_steps
    from webapp.programmes.steps import programme_steps
    from webapp.questionnaires.steps import questionnaire_steps
    return (consent_steps, programme_steps, questionnaire_steps, monitoring_steps)
