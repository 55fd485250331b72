"""Assigning a questionnaire: to one person, a selection, a category or a class."""
from __future__ import annotations

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import staff_only
from webapp.form_errors import error_text
from webapp.models import User, UserRole
from webapp.plurals import plural
from webapp.models.user import CATEGORIES
from webapp.questionnaires import assigning
from webapp.questionnaires.assign_form import AssignForm
from webapp.questionnaires.views import bp


def assign_context(questionnaire) -> dict:
    candidates = (User.select().join(UserRole)
                  .where((User.organisation == current_user.organisation_id) & (UserRole.role == questionnaire.role)
                         & (User.is_active == True))  # noqa: E712
                  .order_by(User.full_name))
    classes = sorted({u.class_name for u in User.select(User.class_name)
                      .where((User.organisation == current_user.organisation_id) & (User.class_name != ""))})
    return dict(candidates=candidates, class_names=classes, category_keys=CATEGORIES)


@bp.route("/<int:questionnaire_id>/assign", methods=["POST"])
@staff_only
def assign(questionnaire_id: int):
    from webapp.questionnaires.editor_views import _questionnaire
    questionnaire = _questionnaire(questionnaire_id)
    form = AssignForm()
    error, users = None, []
    if not form.validate():
        error = error_text(form)
    elif form.mode.data == "users":
        users = assigning.select_users(current_user.organisation_id, user_ids=form.ids)
        if len(users) != len(set(form.ids)):
            error = _("Среди отмеченных есть участники, которых нет в вашей организации.")
    elif form.mode.data == "category":
        users = assigning.select_users(current_user.organisation_id, category=form.category.data)
    else:
        users = assigning.select_users(current_user.organisation_id, class_name=form.class_name.data)
        if not users:
            error = _("Выберите класс из списка.")
    if error:
        from webapp.questionnaires.editor_views import show
        flash(error, "error")
        body = show(questionnaire_id)
        return body, 400
    due_on = form.due_on.data
    ok, refused = assigning.eligible(questionnaire, users)
    created = assigning.assign(questionnaire, ok, current_user, due_on)
    message = _("Анкета назначена: новых назначений — %(n)s.", n=created)
    if refused:
        message += " " + plural(len(refused), "Не назначена %(num)d участнику без роли «%(role)s».",
                                "Не назначена %(num)d участникам без роли «%(role)s».",
                                "Не назначена %(num)d участникам без роли «%(role)s».",
                                role=_("наставник") if questionnaire.role == "mentor" else _("наставляемый"))
    flash(message, "success")
    return redirect(url_for("questionnaires.show", questionnaire_id=questionnaire.id), 303)



