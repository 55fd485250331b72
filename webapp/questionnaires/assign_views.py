"""Assigning a questionnaire: to one person, a selection, a category or a class."""
from __future__ import annotations

import datetime as dt

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp import date_range
from webapp.access import staff_only
from webapp.ids import parse_id
from webapp.models import User, UserRole
from webapp.plurals import plural
from webapp.models.user import CATEGORIES
from webapp.questionnaires import assigning
from webapp.questionnaires.views import bp


def assign_context(questionnaire) -> dict:
    candidates = (User.select().join(UserRole)
                  .where((User.organisation == current_user.organisation_id) & (UserRole.role == questionnaire.role)
                         & (User.is_active == True))  # noqa: E712
                  .order_by(User.full_name))
    classes = sorted({u.class_name for u in User.select(User.class_name)
                      .where((User.organisation == current_user.organisation_id) & (User.class_name != ""))})
    return dict(candidates=candidates, class_names=classes, category_keys=CATEGORIES)


def _ids(values) -> list[int] | None:
    ids = [parse_id(v) for v in values]
    return None if any(i is None for i in ids) else ids


@bp.route("/<int:questionnaire_id>/assign", methods=["POST"])
@staff_only
def assign(questionnaire_id: int):
    from webapp.questionnaires.editor_views import _questionnaire
    questionnaire = _questionnaire(questionnaire_id)
    mode = request.form.get("mode", "users")
    error = None
    users = []
    if mode == "users":
        ids = _ids(request.form.getlist("user_ids"))
        if ids is None:
            error = _("Список участников передан неверно.")
        elif not ids:
            error = _("Отметьте хотя бы одного участника.")
        else:
            users = assigning.select_users(current_user.organisation_id, user_ids=ids)
            if len(users) != len(set(ids)):
                error = _("Среди отмеченных есть участники, которых нет в вашей организации.")
    elif mode == "category":
        category = request.form.get("category", "")
        if category not in CATEGORIES:
            error = _("Выберите категорию участников из списка.")
        else:
            users = assigning.select_users(current_user.organisation_id, category=category)
    elif mode == "class":
        class_name = request.form.get("class_name", "").strip()
        users = assigning.select_users(current_user.organisation_id, class_name=class_name) if class_name else []
        if not users:
            error = _("Выберите класс из списка.")
    else:
        error = _("Неизвестный способ назначения.")
    due_on = None
    if not error and request.form.get("due_on"):
        try:
            due_on = dt.date.fromisoformat(request.form["due_on"])
        except ValueError:
            error = _("Срок укажите датой, например 2026-10-01.")
        else:
            if not date_range.within(due_on):
                error, due_on = date_range.range_message(), None
    if error:
        from webapp.questionnaires.editor_views import show
        flash(error, "error")
        body = show(questionnaire_id)
        return body, 400
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



