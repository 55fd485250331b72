"""Assigning a questionnaire: to one person, a selection, a category or a class."""
from __future__ import annotations

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import in_my_school_or_404, staff_only
from webapp.form_errors import error_text
from webapp.models import Questionnaire
from webapp.plurals import plural
from webapp.questionnaires import assigning, questionnaire_page
from webapp.questionnaires.assign_form import AssignForm
from webapp.questionnaires.blueprint import bp


@bp.route("/<int:questionnaire_id>/assign", methods=["POST"])
@staff_only
def assign(questionnaire_id: int):
    questionnaire = in_my_school_or_404(Questionnaire, questionnaire_id)
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
        flash(error, "error")
        return questionnaire_page.render(questionnaire), 400
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



