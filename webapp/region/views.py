"""The regional centre's pages: the dashboard (aggregated, no personal data), its XLSX/DOCX report,
and the regional administrator's schools."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import regional_admin_only, regional_staff
from webapp.auth import invitations
from webapp.downloads import download
from webapp.htmx import after_change
from webapp.region import columns, report_task, schools
from webapp.region.cache import region_table, shown_table
from webapp.region.forms import NewSchoolForm, SchoolForm

bp = Blueprint("region", __name__, url_prefix="/region")
bp.record_once(report_task.init_app)
YEARS_SHOWN = 3


def _current_start_year(today: dt.date | None = None) -> int:
    today = today or dt.date.today()
    return today.year if today.month >= 9 else today.year - 1


def _year() -> int:
    """The school year asked for (?year=2025); anything else is the current one, never an error page."""
    current = _current_start_year()
    raw = request.args.get("year", "")
    if raw.isdigit() and current - 20 <= int(raw) <= current:
        return int(raw)
    return current


def _years() -> list[int]:
    current = _current_start_year()
    return [current - i for i in range(YEARS_SHOWN)]


@bp.route("")
@regional_staff
def index():
    region = schools.region_of(current_user)
    year = _year()
    shown = shown_table(region, year)
    built = shown.table
    from webapp.tasks.lifecycle import new_request_key
    return render_template("region/index.html", region=region, table=built, shown=shown, sections=columns.sections(built),
                           row_label=columns.row_label, year=year, years=_years(), request_key=new_request_key())


@bp.route("/report.<any(xlsx, docx):fmt>")
@regional_staff
def report(fmt: str):
    """The school year's report as a spreadsheet (XLSX) or a document to print (DOCX)."""
    region = schools.region_of(current_user)
    built = region_table(region, _year())
    return download(report_task.FORMATS[fmt](region, built), f"region-{built.start_year}.{fmt}")


@bp.route("/report-task", methods=["POST"])
@regional_staff
def report_in_background():
    """The report built by a worker (the task queue): the person follows it on the task's page."""
    from webapp.region.forms import ReportTaskForm
    from webapp.tasks import lifecycle
    region = schools.region_of(current_user)
    form = ReportTaskForm()
    if not form.validate_on_submit():
        return after_change(lambda: "", redirect_to=url_for("region.index"),
                            error=next(iter(form.errors.values()))[0])
    task, _created = lifecycle.submit("regional_report", request_key=form.request_key.data,
                                      organisation=current_user.organisation, author=current_user,
                                      params={"region": region.id, "year": form.year.data,
                                              "format": form.format.data})
    return redirect(url_for("tasks.show", task_id=task.id), 303)


@bp.route("/schools")
@regional_admin_only
def school_list():
    region = schools.region_of(current_user)
    return render_template("region/schools.html", region=region, statuses=schools.statuses(region))


@bp.route("/schools/new", methods=["GET", "POST"])
@regional_admin_only
def school_create():
    region = schools.region_of(current_user)
    form = NewSchoolForm()
    if form.validate_on_submit():
        try:
            school, admin = schools.create_school(region, form.values(), " ".join(form.admin_full_name.data.split()),
                                                  (form.admin_email.data or "").strip(), current_user)
        except schools.RegionError as exc:
            form.form_errors.append(exc.message)
        else:
            link = invitations.issue(admin)
            return render_template("region/school_created.html", school=school, link=link)
    status = 400 if request.method == "POST" else 200
    return render_template("region/school_form.html", form=form, school=None), status


@bp.route("/schools/<int:school_id>/edit", methods=["GET", "POST"])
@regional_admin_only
def school_edit(school_id: int):
    region = schools.region_of(current_user)
    school = schools.school_or_404(region, school_id)
    form = SchoolForm(obj=school)
    if form.validate_on_submit():
        try:
            schools.update_school(school, form.values(), current_user)
        except schools.RegionError as exc:
            form.form_errors.append(exc.message)
        else:
            return after_change(lambda: "", redirect_to=url_for("region.school_list"),
                                message=_("Реквизиты школы сохранены."))
    status = 400 if request.method == "POST" else 200
    return render_template("region/school_form.html", form=form, school=school), status


@bp.route("/schools/<int:school_id>/invite", methods=["POST"])
@regional_admin_only
def school_invite(school_id: int):
    region = schools.region_of(current_user)
    school = schools.school_or_404(region, school_id)
    admin = schools.pending_admin(school)
    if admin is None:
        return after_change(lambda: "", redirect_to=url_for("region.school_list"),
                            error=_("Администратор этой школы уже задал пароль: новое приглашение не нужно."))
    return render_template("region/school_created.html", school=school, link=invitations.issue(admin),
                           again=True)
