"""«Документы»: the organisation's requisites, the Word templates (download, upload an edited one,
preview, restore the default), and the school's orders by school year."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import roles, staff_only
from webapp.db import database
from webapp.documents import registry, templates
from webapp.documents.archive import MAX_UPLOAD, TemplateFileError
from webapp.documents.forms import RequisitesForm, TemplateUploadForm
from webapp.documents.requisites import REQUISITE_LABELS, missing_requisites
from webapp.downloads import download
from webapp.models import AuditEvent, Organisation, PairingOrder, User

bp = Blueprint("documents", __name__, url_prefix="/documents")
TEMPLATE_TITLES = {
    "pairing_order": "Приказ «О закреплении наставнических пар (групп)»",
    "consents": "Согласия на обработку персональных данных и на участие в программе",
    "programme": "Персонализированная программа наставничества",
}


def _kind_or_404(code: str):
    if code not in registry.KINDS:
        abort(404)
    return registry.KINDS[code]


def _orders_by_year(organisation):
    years: dict[int, list] = {}
    for order in (PairingOrder.select().where(PairingOrder.organisation == organisation)
                  .order_by(PairingOrder.signed_on.desc(), PairingOrder.id.desc())):
        year = order.school_year or organisation.school_year_of(order.signed_on)
        years.setdefault(year, []).append(order)
    return sorted(years.items(), reverse=True)


def _missing(org) -> list[str]:
    codes = missing_requisites(org, ("name", "short_name", "address", "head_position", "head_name", "curator"))
    return [_(REQUISITE_LABELS[c]) for c in codes]


@bp.route("")
@staff_only
def index():
    org = current_user.organisation
    custom = {code: templates.custom(org, code) for code in registry.KINDS}
    return render_template("documents/index.html", missing=_missing(org), titles=TEMPLATE_TITLES, custom=custom, years=_orders_by_year(org),
        upload_form=TemplateUploadForm())


# --- requisites --------------------------------------------------------------
def _curators(org):
    return list(User.with_role(org, "coordinator").where(User.is_active == True)  # noqa: E712
                .order_by(User.full_name))


@bp.route("/requisites", methods=["GET", "POST"])
@roles("admin")
def requisites():
    org = current_user.organisation
    form = RequisitesForm(obj=org, curators=_curators(org))
    if request.method == "GET":
        form.curator_id.data = str(org.curator_id or "")
        form.year_start.data = f"{org.year_start_day:02d}.{org.year_start_month:02d}"
        form.year_end.data = f"{org.year_end_day:02d}.{org.year_end_month:02d}"
    if form.validate_on_submit():
        values = form.values()
        with database.atomic():
            Organisation.update(**values).where(Organisation.id == org.id).execute()
            AuditEvent.record("requisites_changed", actor=current_user, target=org.short_name,
                              details="реквизиты организации")
        flash(_("Реквизиты организации сохранены."), "success")
        return redirect(url_for("documents.requisites"), 303)
    return render_template("documents/requisites.html", form=form), 400 if request.method == "POST" else 200


# --- templates ---------------------------------------------------------------
@bp.route("/templates/<code>.docx")
@roles("admin")
def template_file(code: str):
    _kind_or_404(code)
    return download(templates.template_bytes(current_user.organisation, code), f"shablon_{code}.docx")


@bp.route("/templates/<code>/default.docx")
@roles("admin")
def default_template(code: str):
    _kind_or_404(code)
    return download(registry.builtin_bytes(code), f"shablon_{code}_po_umolchaniyu.docx")


@bp.route("/templates/<code>/preview.docx")
@roles("admin")
def preview(code: str):
    _kind_or_404(code)
    try:
        data = templates.preview(code, templates.template_bytes(current_user.organisation, code))
    except TemplateFileError as error:
        flash(_(str(error)), "error")
        return redirect(url_for("documents.index"), 303)
    return download(data, f"primer_{code}.docx")


def _uploaded() -> tuple[bytes, str]:
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        raise TemplateFileError("Выберите файл шаблона (.docx).")
    if not upload.filename.lower().endswith(".docx"):
        raise TemplateFileError("Нужен файл Word с расширением .docx.")
    data = upload.stream.read(MAX_UPLOAD + 1)
    return data, upload.filename


def _template_error(code: str, message: str, unknown=(), missing=()):
    org = current_user.organisation
    custom = {c: templates.custom(org, c) for c in registry.KINDS}
    return render_template("documents/index.html", missing=_missing(org), titles=TEMPLATE_TITLES, custom=custom, years=_orders_by_year(org),
        upload_form=TemplateUploadForm(), error_code=code, error=message, unknown=unknown,
        missing_fields=missing), 400


@bp.route("/templates/<code>", methods=["POST"])
@roles("admin")
def upload(code: str):
    _kind_or_404(code)
    form = TemplateUploadForm()
    if not form.validate_on_submit():
        return _template_error(code, _("Форма устарела. Обновите страницу и отправьте её снова."))
    try:
        data, filename = _uploaded()
        if request.form.get("action") == "preview":
            result = templates.check(code, data)
            if not result.ok:
                return _template_error(code, _("В шаблоне есть поля, которых нет в документе: %(fields)s.",
                                               fields=", ".join(result.unknown)), result.unknown, result.missing)
            return download(templates.preview(code, data), f"primer_{code}.docx")
        result = templates.save(current_user.organisation, code, data, filename, current_user)
    except TemplateFileError as error:
        return _template_error(code, _(str(error)))
    if not result.ok:
        return _template_error(code, _("Шаблон не принят: в нём есть поля, которых нет в документе: %(fields)s. "
                                       "Исправьте их или удалите; сохранённый шаблон не изменился.",
                                       fields=", ".join(result.unknown)), result.unknown, result.missing)
    AuditEvent.record("template_uploaded", actor=current_user, target=code, details=filename[:200])
    message = _("Шаблон «%(title)s» загружен и будет использоваться.", title=_(TEMPLATE_TITLES[code]))
    if result.missing:
        message += " " + _("В нём нет полей встроенного шаблона: %(fields)s.", fields=", ".join(result.missing))
    flash(message, "success")
    return redirect(url_for("documents.index"), 303)


@bp.route("/templates/<code>/restore", methods=["POST"])
@roles("admin")
def restore(code: str):
    _kind_or_404(code)
    if not TemplateUploadForm().validate_on_submit():
        return _template_error(code, _("Форма устарела. Обновите страницу и отправьте её снова."))
    if templates.restore(current_user.organisation, code):
        AuditEvent.record("template_restored", actor=current_user, target=code, details="")
    flash(_("Восстановлен шаблон по умолчанию: «%(title)s».", title=_(TEMPLATE_TITLES[code])), "success")
    return redirect(url_for("documents.index"), 303)


def today() -> dt.date:
    return dt.date.today()
