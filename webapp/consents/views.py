"""Consents: the coordinator marks signed forms received or revoked; a person sees and revokes their own,
and downloads everything stored about them."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp import confirmation
from webapp.access import in_my_school_or_404, signed_in, staff_only
from webapp.banks.person import person_context
from webapp.consents import services
from webapp.consents.details import DetailsForm, details_of, missing_for_consent, save_details
from webapp.consents.documents import consent_forms
from webapp.consents.forms import GIVEN_BY_LABELS, KIND_LABELS, ReceiveForm, RevokeForm
from webapp.consents.personal_data import personal_data_json
from webapp.documents.responses import document_or_message
from webapp.downloads import download
from webapp.htmx import after_change, is_htmx
from webapp.models import AuditEvent, User

bp = Blueprint("consents", __name__, url_prefix="/consents")


def _person(user_id: int) -> User:
    return in_my_school_or_404(User, user_id)


def _card(user, status=200, **forms):
    """After a change: the consents card for htmx, the person page with errors, or a 303."""
    context = person_context(user, **forms)
    if is_htmx():
        response = render_template("consents/_card.html", **context)
        return response, 200
    return render_template("banks/person.html", **context), status


def _done(user, message: str):
    return after_change(lambda: render_template("consents/_card.html", notice=message, **person_context(user)),
                        redirect_to=url_for("banks.person", user_id=user.id), message=message,
                        event="consentsChanged")


@bp.route("/people/<int:user_id>/receive", methods=["POST"])
@staff_only
def receive(user_id: int):
    user = _person(user_id)
    minor = services.is_minor(user)
    form = ReceiveForm(minor=minor)
    if form.validate_on_submit():
        receipt = services.Receipt(kinds=form.kinds.data or [], signed_on=form.signed_on.data,
                                   given_by=form.given_by.data,
                                   representative_name=form.representative_name.data or "",
                                   representative_relation=form.representative_relation.data or "")
        problems = services.validate_receipt(user, receipt)
        form.form_errors.extend(_(m) for m in problems)
        if not problems:
            try:
                services.record_received(user, receipt, actor=current_user)
            except services.ConsentError as error:
                form.form_errors.append(error.message)
            else:
                return _done(user, _("Согласия отмечены как полученные."))
    return _card(user, 400, receive_form=form)


@bp.route("/people/<int:user_id>/revoke", methods=["POST"])
@staff_only
def revoke(user_id: int):
    user = _person(user_id)
    form = RevokeForm()
    question = confirmation.ask(_("Отозвать все согласия %(name)s?", name=user.full_name),
                                details=_("Участник будет исключён из банков и подбора пар, его ответы на анкеты "
                                          "будут скрыты, куратор получит уведомление о его действующих парах."),
                                button=_("Да, отозвать согласия"), back=url_for("banks.person", user_id=user.id))
    if question is not None:
        return question
    if form.validate_on_submit():
        try:
            services.revoke(user, actor=current_user, reason=form.reason.data or "")
        except services.ConsentError as error:
            form.form_errors.append(error.message)
        else:
            return _done(user, _("Согласия отозваны: участник исключён из банков и подбора пар, "
                                 "его ответы скрыты."))
    return _card(user, 400, revoke_form=form)


@bp.route("/people/<int:user_id>/details", methods=["GET", "POST"])
@staff_only
def details(user_id: int):
    user = _person(user_id)
    stored = details_of(user)
    form = DetailsForm(obj=stored)
    if form.validate_on_submit():
        save_details(user, form.values(), current_user)
        flash(_("Сведения для согласий сохранены."), "success")
        return redirect(url_for("consents.details", user_id=user.id), 303)
    minor = services.is_minor(user)
    return render_template("consents/details.html", person=user, form=form, minor=minor,
                           missing=missing_for_consent(user, stored, minor)), 400 if request.method == "POST" else 200


@bp.route("/people/<int:user_id>/forms.docx")
@staff_only
def forms_docx(user_id: int):
    user = _person(user_id)
    return document_or_message(lambda: consent_forms([user], current_user.organisation),
                               f"soglasie-{user.login}.docx", url_for("banks.person", user_id=user.id))


@bp.route("/people/<int:user_id>/data.json")
@staff_only
def person_data(user_id: int):
    user = _person(user_id)
    AuditEvent.record("personal_data_exported", actor=current_user, target=user.login,
                      details="выгрузка сведений куратором")
    return _json(user, hide_revoked_answers=True)


def _json(user, hide_revoked_answers: bool = False):
    data = personal_data_json(user, hide_revoked_answers=hide_revoked_answers)
    return download(data, f"personal-data-{user.login}.json")


# --- the person's own page --------------------------------------------------
def _mine(form=None, status=200):
    state = services.state_of(current_user)
    return render_template("consents/mine.html", state=state, form=form or RevokeForm(),
                           kind_labels=KIND_LABELS, given_by_labels=GIVEN_BY_LABELS,
                           minor=services.is_minor(current_user),
                           refusal=services.why_not_revoke_own(current_user),
                           in_bank={r: services.in_bank(current_user, r) for r in ("mentor", "mentee")
                                    if current_user.has_role(r)}), status


@bp.route("/mine")
@signed_in
def mine():
    return _mine()


@bp.route("/mine/revoke", methods=["POST"])
@signed_in
def revoke_mine():
    form = RevokeForm()
    refusal = services.why_not_revoke_own(current_user)
    if refusal is not None:  # checked here and again in the service
        flash(refusal.message, "error")
        return redirect(url_for("consents.mine"), 303)
    question = confirmation.ask(_("Отозвать ваши согласия?"),
                                details=_("Вы будете исключены из банка и подбора наставнических пар, ваши ответы "
                                          "на анкеты будут скрыты."),
                                button=_("Да, отозвать мои согласия"), back=url_for("consents.mine"))
    if question is not None:
        return question
    if form.validate_on_submit():
        try:
            services.revoke(current_user, actor=current_user, reason=form.reason.data or "")
        except services.ConsentError as error:
            form.form_errors.append(error.message)
        else:
            flash(_("Ваши согласия отозваны. Вы исключены из банка и подбора пар, ваши ответы скрыты."),
                  "success")
            return redirect(url_for("consents.mine"), 303)
    return _mine(form, 400)


@bp.route("/mine/data.json")
@signed_in
def my_data():
    AuditEvent.record("personal_data_exported", actor=current_user, target=current_user.login,
                      details="выгрузка сведений самим участником")
    return _json(current_user)
