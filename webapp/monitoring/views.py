"""Monitoring pages: the coordinator's overview, influence (before/after) and process pages, a pair's
figures, exports; a participant's list of the pair questionnaires to fill in."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from matching.catalogue import FORM_LABELS, FORMS
from webapp.access import in_my_school_or_404, roles, staff_only
from webapp.downloads import download
from webapp.form_errors import error_text
from webapp.user_errors import UserError
from webapp.models import MentoringGroup
from webapp import number_format
from webapp.monitoring import (assigning, cache, dataset, export, marks, paired, process_figures, report, school_year,
                               statistics)
from webapp.monitoring import influence as outcome_figures  # the view «influence» is the pair-relationship page
from webapp.monitoring.assigning import STAGE_LABELS
from webapp.page_cache import cached_page

bp = Blueprint("monitoring", __name__, url_prefix="/monitoring")
bp.record_once(lambda state: cache.clear())


@bp.app_template_filter("ru_number")
def ru_number(value, signed: bool = False) -> str:
    """2 decimals with a comma (6,78; +1,89); a dash for no data."""
    if value is None:
        return "—"
    return (f"{value:+.2f}" if signed else f"{value:.2f}").replace(".", ",")



@bp.app_template_filter("ru_percent")
def ru_percent(value) -> str:
    """One decimal with a comma and a percent sign (20,8 %); a dash for no data."""
    return "—" if value is None else f"{value:.1f}".replace(".", ",") + " %"


@bp.app_template_filter("ru_p")
def ru_p(value) -> str:
    """A p-value: three decimals with a comma, «< 0,001» below that."""
    if value is None:
        return "—"
    return "< 0,001" if value < 0.001 else f"{value:.3f}".replace(".", ",")


def _filters() -> tuple[str, str]:
    form = request.args.get("form", "")
    role = request.args.get("role", "")
    return (form if form in FORM_LABELS else ""), (role if role in report.ROLE_LABELS else "")


def _group(group_id: int) -> MentoringGroup:
    return in_my_school_or_404(MentoringGroup, group_id)


def _year():
    return school_year.chosen(current_user.organisation, request.args.get("year"))


def _common() -> dict:
    form, role = _filters()
    return dict(forms={k: v.label for k, v in FORMS.items() if v.allowed_in_school}, roles=report.ROLE_LABELS, form=form, role=role, stages=STAGE_LABELS,
                item_label=report.label, answer_label=dataset.answer_label, year=_year(), years=school_year.years_with_pairs(current_user.organisation),
                verdicts=paired.VERDICT_LABELS)


@bp.route("")
@staff_only
@cached_page
def index():
    org = current_user.organisation
    year = _year()
    groups = sorted(dataset.groups_of(org, year=year).values(),
                    key=lambda g: (g.status, -g.started_on.toordinal(), -g.id))
    names = dataset.pair_names(groups)
    observations = dataset.observations(org, year=year)
    expected = dataset.expected(org, year=year)
    rates = {g.id: statistics.response_rates([e for e in expected if e.group_id == g.id],
                                             [o for o in observations if o.group_id == g.id]) for g in groups}
    from webapp.monitoring.forms import YearStartForm
    start = YearStartForm(start=_kept(["start"]).get("start") or school_year.start_text(org))
    other_years = []  # an empty year says which years the choice hides
    if not groups:
        with_pairs = school_year.pair_years(org) - {year.start_year}
        other_years = [y for y in school_year.years_with_pairs(org) if y.start_year in with_pairs]
    return render_template("monitoring/index.html", groups=groups, names=names, rates=rates, other_years=other_years,
                           school=statistics.response_rates(expected, observations),
                           comparison=report.year_over_year(org, year), start_form=start, **_common())


MARK_FIELDS = ["student", "subject", "mark", "moment"]
KEPT_MAX = 100  # a refused value travels back in the address, cut to a sane length


def _typed(form, names: list[str]) -> dict:
    """The values a refused form carried (as typed), for the redirect back to it (post/redirect/get)."""
    typed = {name: (form[name].raw_data or [""])[0] for name in names}
    return {f"typed_{name}": value[:KEPT_MAX] for name, value in typed.items() if isinstance(value, str) and value}


def _kept(names: list[str]) -> dict:
    """What ``_typed`` sent back, to fill the form in again."""
    kept = {name: request.args.get(f"typed_{name}", "")[:KEPT_MAX] for name in names}
    if kept.get("student", "").isdigit():
        kept["student"] = int(kept["student"])
    return {k: v for k, v in kept.items() if v != ""}


@bp.route("/school-year", methods=["POST"])
@staff_only
def school_year_start():
    """The school's first day of the school year (its boundaries for every monitoring figure)."""
    from webapp.monitoring.forms import YearStartForm
    form = YearStartForm()
    back = url_for("monitoring.index", **_typed(form, ["start"]))  # a refused value comes back to be corrected
    if not form.validate_on_submit():
        flash(error_text(form), "error")
        return redirect(back, 303)
    try:
        month, day = school_year.set_start(current_user.organisation, form.start.data)
    except UserError as exc:
        flash(exc.message, "error")
        return redirect(back, 303)
    flash(_("Учебный год начинается %(day)02d.%(month)02d.", day=day, month=month), "success")
    return redirect(url_for("monitoring.index"), 303)


@bp.route("/outcomes")
@staff_only
@cached_page
def outcomes():
    org = current_user.organisation
    year = _year()
    found = outcome_figures.analyse(org, year)
    return render_template("monitoring/outcomes.html", found=found, subjects=marks.per_subject(org, year),
                           process=process_figures.compute(org, year), label=outcome_figures.label,
                           charts=report.outcome_charts(found), **_common())


@bp.route("/influence")
@staff_only
@cached_page
def influence():
    form, role = _filters()
    built = report.build(current_user.organisation, form=form, role=role, year=_year())
    scopes = built.forms if form else [built.school] + built.forms
    charts = [(s, Markup(report.influence_chart(s, built.texts)),
               [Markup(svg) for svg in report.histograms(s, "entry", built.texts)],
               [Markup(svg) for svg in report.histograms(s, "exit", built.texts)]) for s in scopes if s.changes]
    return render_template("monitoring/influence.html", report=built, charts=charts, **_common())


@bp.route("/process")
@staff_only
@cached_page
def process():
    form, role = _filters()
    built = report.build(current_user.organisation, form=form, role=role, year=_year())
    scopes = built.forms if form else [built.school] + built.forms
    charts = [(s, Markup(report.process_chart(s, built.texts)),
               [Markup(svg) for svg in report.histograms(s, "mid", built.texts)],
               [Markup(svg) for svg in report.histograms(s, "exit", built.texts)]) for s in scopes
              if s.stats["mid"] or s.stats["exit"]]
    answers = statistics.open_answers([o for o in built.school.observations if o.stage in ("mid", "exit")
                                       and (not form or o.form == form)])
    return render_template("monitoring/process.html", report=built, charts=charts, answers=answers,
                           flag_labels=report.FLAG_LABELS, **_common())


@bp.route("/pairs/<int:group_id>")
@staff_only
def pair(group_id: int):
    group = _group(group_id)
    s = report.pair_scope(current_user.organisation, group)
    texts = dataset.question_texts(current_user.organisation)
    chart = Markup(report.influence_chart(s, texts)) if s.changes else None
    process_chart = Markup(report.process_chart(s, texts)) if (s.stats["mid"] or s.stats["exit"]) else None
    return render_template("monitoring/pair.html", group=group, scope=s, chart=chart, process_chart=process_chart,
                           texts=texts, answers=statistics.open_answers(s.observations), **_common())


@bp.route("/pairs/<int:group_id>/assign", methods=["POST"])
@staff_only
def assign_pair(group_id: int):
    from webapp.monitoring.forms import MonitoringStageForm
    group = _group(group_id)
    form = MonitoringStageForm()
    if not form.validate():
        flash(error_text(form), "error")
    else:
        created = assigning.assign_monitoring(group, form.stage.data, current_user)
        flash(_("Анкеты выданы участникам пары: %(n)s.", n=created) if created
              else _("Участники пары уже получили эти анкеты."), "success")
    return redirect(form.next.data == "pair" and url_for("monitoring.pair", group_id=group.id)
                    or url_for("monitoring.index"), 303)


@bp.route("/assign", methods=["POST"])
@staff_only
def assign_all():
    from webapp.monitoring.forms import MonitoringStageForm
    form = MonitoringStageForm()
    if not form.validate():
        flash(error_text(form), "error")
        return redirect(url_for("monitoring.index"), 303)
    pairs, created = assigning.assign_all_active(current_user.organisation, form.stage.data, current_user)
    flash(_("Активных пар: %(p)s, выдано анкет: %(n)s.", p=pairs, n=created), "success")
    return redirect(url_for("monitoring.index"), 303)


@bp.route("/report.xlsx")
@staff_only
def report_xlsx():
    form, role = _filters()
    org = current_user.organisation
    built = report.build(org, form=form, role=role, year=_year())
    groups = dataset.groups_of(org, form=form, year=_year())
    names = dataset.pair_names(list(groups))
    pairs = []
    for group in groups.values():
        s = report.pair_scope(org, group)
        s.title = FORM_LABELS.get(group.form, group.form)
        pairs.append((names[group.id], s))
    return download(export.report_xlsx(built, pairs), "monitoring.xlsx")


@bp.route("/report.docx")
@staff_only
def report_docx():
    form, role = _filters()
    built = report.build(current_user.organisation, form=form, role=role, year=_year())
    return download(export.report_docx(current_user.organisation, built), "monitoring.docx")


@bp.route("/spravka.docx")
@staff_only
def spravka_docx():
    from webapp.monitoring import spravka
    org, year = current_user.organisation, _year()
    return download(spravka.build_docx(spravka.gather(org, year)), f"spravka-monitoring-{year.start_year}.docx")


@bp.route("/tables.xlsx")
@staff_only
def tables_xlsx():
    from webapp.monitoring import spravka
    org, year = current_user.organisation, _year()
    return download(spravka.build_xlsx(spravka.gather(org, year)), f"monitoring-{year.start_year}.xlsx")


@bp.route("/mine")
@roles("mentor", "mentee")
def mine():
    items = assigning.monitoring_for(current_user)
    return render_template("monitoring/mine.html", items=items, names=dataset.pair_names([d.group for d in items]),
                           stages=STAGE_LABELS)


@bp.route("/pairs/<int:group_id>/answer", methods=["POST"])
@roles("mentor", "mentee")
def answer(group_id: int):
    from webapp.monitoring.forms import MonitoringStageForm
    group = _group(group_id)
    form = MonitoringStageForm()
    if assigning.membership(group, current_user) is None:
        abort(404)
    response = assigning.start_for_member(group, current_user, form.stage.data) if form.validate() else None
    if response is None:
        abort(404)
    return redirect(url_for("questionnaires.show_response", response_id=response.id), 303)


@bp.route("/marks/import", methods=["GET", "POST"])
@staff_only
def marks_import():
    """Step 1: upload the journal's export; step 2 (``token`` present): map the columns and import."""
    from flask import current_app
    from webapp.monitoring import marks_import as importer
    from webapp.monitoring.forms import MarksMappingForm, MarksUploadForm
    org, year = current_user.organisation, _year()
    upload, mapping, header, rows, checked, stored, error = MarksUploadForm(), None, None, None, None, None, None
    status = 200
    sent = MarksMappingForm()  # step 2's fields, when that step was posted
    token = sent.token.data or ""
    try:
        if request.method == "POST" and not token:
            if upload.validate_on_submit():
                data = upload.file.data
                token = importer.read_upload(org.id, data.filename, data.read(), current_app.config["UPLOAD_FOLDER"])
            else:
                status = 400
        if token:
            rows = importer.load_rows(org.id, token, current_app.config["UPLOAD_FOLDER"])
            header = rows[0]
            columns_sent = bool(sent.person.raw_data)  # else the file was just uploaded: guess the columns
            mapping = sent if columns_sent else MarksMappingForm(formdata=None)
            mapping.set_columns(header)
            mapping.token.data = token
            if not columns_sent:
                for role, index in importer.guess(header).items():
                    getattr(mapping, role).data = str(index)
            elif mapping.validate_on_submit():
                columns = {role: int(getattr(mapping, role).data) for role in importer.ROLES}
                checked = importer.check(org, rows, columns)
                if mapping.confirm.data:
                    stored = importer.apply(org, checked, year.start_year, mapping.moment.data)
                    importer.forget(token, current_app.config["UPLOAD_FOLDER"])
            else:
                status = 400
    except UserError as exc:  # the file or the mapping as a whole (MarksImportError, ImportFileError)
        error, status, mapping = exc.message, 400, None
    from webapp.monitoring.forms import MarkEntryForm
    entry = MarkEntryForm(formdata=None, data=_kept(MARK_FIELDS))
    entry.student.choices = [(s.id, s.full_name) for s in marks.students_of_year(org, year)]
    return render_template("monitoring/marks_import.html", upload=upload, mapping=mapping, checked=checked,
                           stored=stored, error=error, problem_labels=importer.PROBLEM_LABELS, entry=entry,
                           **_common()), status


@bp.route("/marks/entry", methods=["POST"])
@staff_only
def mark_entry():
    """One term mark entered by hand (a student of the year's pairs, a subject, a mark, before/after)."""
    from webapp.monitoring.forms import MarkEntryForm
    year = _year()
    form = MarkEntryForm()
    form.student.choices = [(s.id, s.full_name) for s in marks.students_of_year(current_user.organisation, year)]
    target = url_for("monitoring.marks_import", year=year.start_year)
    back = url_for("monitoring.marks_import", year=year.start_year, **_typed(form, MARK_FIELDS))  # keeps what was typed
    if not form.validate_on_submit():
        flash(error_text(form), "error")
        return redirect(back, 303)
    try:
        marks.enter(current_user.organisation, year, form.student.data, form.subject.data, form.mark.data,
                    form.moment.data)
    except UserError as exc:
        flash(exc.message, "error")
        return redirect(back, 303)
    flash(_("Отметка сохранена."), "success")
    return redirect(target, 303)
