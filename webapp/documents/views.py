"""«Документы»: the organisation's requisites, the Word templates (download, upload an edited one,
preview, restore the default), and the school's orders by school year."""
from __future__ import annotations

import datetime as dt
from io import BytesIO

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import roles, staff_only
from webapp.db import database
from webapp.documents import package, registry, templates
from webapp.documents.archive import MAX_UPLOAD, TemplateFileError
from webapp.documents.forms import PackageStatusForm, RequisitesForm, TemplateUploadForm
from webapp.documents.responses import document_or_message
from webapp.documents.requisites import REQUISITE_LABELS, missing_requisites
from webapp.downloads import download
from webapp.models import AuditEvent, Organisation, PairingOrder, User

bp = Blueprint("documents", __name__, url_prefix="/documents")
TEMPLATE_TITLES = {
    "pairing_order": "Приказ «О закреплении наставнических пар (групп)»",
    "consents": "Согласия на обработку персональных данных и на участие в программе",
    "programme": "Персонализированная программа наставничества",
    "roadmap": "Дорожная карта реализации целевой модели наставничества",
    "act": "Распорядительный акт «О внедрении целевой модели наставничества»",
    "polozhenie_order": "Приказ «Об утверждении Положения о программе наставничества»",
    "polozhenie": "Положение о программе наставничества",
    "roadmap_order": "Приказ «Об утверждении дорожной карты внедрения целевой модели наставничества»",
    "agreement": "Дополнительное соглашение к трудовому договору наставника",
    "extra_pay_order": "Приказ «Об установлении доплаты за наставничество»",
    "session_protocol": "Протокол установочной сессии наставников",
    "round_table_protocol": "Протокол итогового круглого стола",
    "incentives_order": "Приказ «О поощрении наставников»",
    "petition": "Ходатайство о награждении наставника",
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


def _year_arg(org) -> int:
    raw = request.args.get("year", "")
    current = org.school_year_of(today())
    if raw.isdigit() and 2000 <= int(raw) <= current + 1:
        return int(raw)
    return current


def _page(org, year, status=200, **extra):
    found = templates.customised(org)
    custom = {code: found.get(code) for code in registry.KINDS}
    current = org.school_year_of(today())
    return render_template("documents/index.html", missing=_missing(org), titles=TEMPLATE_TITLES, custom=custom,
                           years=_orders_by_year(org), upload_form=TemplateUploadForm(), year=year,
                           year_choices=list(range(current + 1, current - 5, -1)), package=package.records(org, year),
                           package_codes=list(registry.PACKAGE), **extra), status


@bp.route("")
@staff_only
def index():
    org = current_user.organisation
    return _page(org, _year_arg(org))


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
        flash(error.message, "error")
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
    return _page(org, org.school_year_of(today()), 400, error_code=code, error=message, unknown=unknown,
                 missing_fields=missing)


@bp.route("/templates/<code>", methods=["POST"])
@roles("admin")
def upload(code: str):
    _kind_or_404(code)
    form = TemplateUploadForm()
    if not form.validate_on_submit():
        return _template_error(code, _("Форма устарела. Обновите страницу и отправьте её снова."))
    try:
        data, filename = _uploaded()
        if form.action.data == "preview":
            result = templates.check(code, data)
            if not result.ok:
                return _template_error(code, _("В шаблоне есть поля, которых нет в документе: %(fields)s.",
                                               fields=", ".join(result.unknown)), result.unknown, result.missing)
            return download(templates.preview(code, data), f"primer_{code}.docx")
        result = templates.save(current_user.organisation, code, data, filename, current_user)
    except TemplateFileError as error:
        return _template_error(code, error.message)
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


# --- the normative package ------------------------------------------------------
def _package_code(code: str, year: int) -> None:
    if code not in registry.PACKAGE or not 2000 <= year <= 2100:
        abort(404)


@bp.route("/package/<int:year>/<code>.docx")
@staff_only
def package_docx(year: int, code: str):
    _package_code(code, year)
    org = current_user.organisation
    return document_or_message(lambda: package.render(org, code, year), registry.PACKAGE[code].FILENAME,
                               url_for("documents.index", year=year))


@bp.route("/package/<int:year>/<code>", methods=["POST"])
@roles("admin")
def package_status(year: int, code: str):
    _package_code(code, year)
    org = current_user.organisation
    form = PackageStatusForm()
    if form.validate_on_submit():
        try:
            package.set_status(org, code, year, form.status.data, form.number.data or "",
                               getattr(form.signed_on, "parsed", None), current_user)
        except package.PackageError as error:
            return _page(org, year, 400, package_error=(code, error.message))
        flash(_("Статус документа сохранён: «%(title)s».", title=_(TEMPLATE_TITLES[code])), "success")
        return redirect(url_for("documents.index", year=year), 303)
    errors = [str(e) for field in form for e in field.errors] or [
        _("Форма устарела. Обновите страницу и отправьте её снова.")]
    return _page(org, year, 400, package_error=(code, " ".join(errors)))


@bp.route("/package/<int:year>/<code>/scan", methods=["POST"])
@roles("admin")
def package_scan(year: int, code: str):
    _package_code(code, year)
    org = current_user.organisation
    if not TemplateUploadForm().validate_on_submit():
        return _page(org, year, 400, package_error=(code, _("Форма устарела. Обновите страницу и отправьте её снова.")))
    upload = request.files.get("file")
    try:
        data = upload.stream.read(package.MAX_SCAN + 1) if upload is not None else b""
        package.attach_scan(org, code, year, data, upload.filename if upload is not None else "", current_user)
    except package.PackageError as error:
        return _page(org, year, 400, package_error=(code, error.message))
    AuditEvent.record("scan_uploaded", actor=current_user, target=code, details=str(year))
    flash(_("Скан загружен: «%(title)s».", title=_(TEMPLATE_TITLES[code])), "success")
    return redirect(url_for("documents.index", year=year), 303)


@bp.route("/package/<int:year>/<code>/scan")
@staff_only
def package_scan_file(year: int, code: str):
    _package_code(code, year)
    row = package.record(current_user.organisation, code, year)
    if row.id is None or not row.scan:
        abort(404)
    response = send_file(BytesIO(bytes(row.scan)), mimetype=row.scan_type, as_attachment=True,
                         download_name=f"{code}_{year}{package.scan_type(bytes(row.scan))[1]}", max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    return response


def today() -> dt.date:
    return dt.date.today()
