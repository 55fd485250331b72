"""The coordinator's page of one questionnaire: its versions, who has filled it in, and the form
that assigns it. Both the page's own route (editor_views.show) and a refused assignment
(assign_views.assign) render it, so neither view module imports the other."""
from __future__ import annotations

from flask import render_template
from flask_login import current_user

from webapp.models import QuestionnaireVersion, User, UserRole
from webapp.models.user import CATEGORIES
from webapp.questionnaires import editor
from webapp.questionnaires.assigning import STATUS_LABELS, status_list


def assign_context(questionnaire) -> dict:
    candidates = (User.select().join(UserRole)
                  .where((User.organisation == current_user.organisation_id) & (UserRole.role == questionnaire.role)
                         & (User.is_active == True))  # noqa: E712
                  .order_by(User.full_name))
    classes = sorted({u.class_name for u in User.select(User.class_name)
                      .where((User.organisation == current_user.organisation_id) & (User.class_name != ""))})
    return dict(candidates=candidates, class_names=classes, category_keys=CATEGORIES)


def render(questionnaire, status: str = "") -> str:
    """The page; ``status`` filters who is listed (unknown values list everyone)."""
    only = status if status in STATUS_LABELS else ""
    versions = questionnaire.versions.order_by(QuestionnaireVersion.number.desc())
    return render_template("questionnaires/show.html", questionnaire=questionnaire, versions=versions,
                           draft=editor.draft_of(questionnaire), rows=status_list(questionnaire, only), only=only,
                           **assign_context(questionnaire))
