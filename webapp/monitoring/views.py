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
from webapp.models import MentoringGroup
from webapp.monitoring import assigning, cache, dataset, export, report, statistics
from webapp.monitoring.assigning import STAGE_LABELS

bp = Blueprint("monitoring", __name__, url_prefix="/monitoring")
bp.record_once(lambda state: cache.clear())


@bp.app_template_filter("ru_number")
def ru_number(value, signed: bool = False) -> str:
    """2 decimals with a comma (6,78; +1,89); a dash for no data."""
    if value is None:
        return "—"
    return (f"{value:+.2f}" if signed else f"{value:.2f}").replace(".", ",")



def _filters() -> tuple[str, str]:
    form = request.args.get("form", "")
    role = request.args.get("role", "")
    return (form if form in FORM_LABELS else ""), (role if role in report.ROLE_LABELS else "")


def _group(group_id: int) -> MentoringGroup:
    return in_my_school_or_404(MentoringGroup, group_id)


def _stage() -> str:
    stage = request.form.get("stage", "")
    return stage if stage in STAGE_LABELS else ""


def _common() -> dict:
    form, role = _filters()
    return dict(forms={k: v.label for k, v in FORMS.items() if v.allowed_in_school}, roles=report.ROLE_LABELS, form=form, role=role, stages=STAGE_LABELS,
                item_label=report.label)


@bp.route("")
@staff_only
def index():
    org = current_user.organisation
    groups = list(MentoringGroup.select().where(MentoringGroup.organisation == org)
                  .order_by(MentoringGroup.status, MentoringGroup.started_on.desc(), MentoringGroup.id.desc()))
    names = dataset.pair_names(groups)
    observations = dataset.observations(org)
    expected = dataset.expected(org)
    rates = {g.id: statistics.response_rates([e for e in expected if e.group_id == g.id],
                                             [o for o in observations if o.group_id == g.id]) for g in groups}
    return render_template("monitoring/index.html", groups=groups, names=names, rates=rates,
                           school=statistics.response_rates(expected, observations), **_common())


@bp.route("/influence")
@staff_only
def influence():
    form, role = _filters()
    built = report.build(current_user.organisation, form=form, role=role)
    scopes = built.forms if form else [built.school] + built.forms
    charts = [(s, Markup(report.influence_chart(s, built.texts)),
               [Markup(svg) for svg in report.histograms(s, "entry", built.texts)],
               [Markup(svg) for svg in report.histograms(s, "exit", built.texts)]) for s in scopes if s.changes]
    return render_template("monitoring/influence.html", report=built, charts=charts, **_common())


@bp.route("/process")
@staff_only
def process():
    form, role = _filters()
    built = report.build(current_user.organisation, form=form, role=role)
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
    group = _group(group_id)
    stage = _stage()
    if not stage:
        flash(_("Выберите этап мониторинга: входной, промежуточный или итоговый."), "error")
    else:
        created = assigning.assign_monitoring(group, stage, current_user)
        flash(_("Анкеты выданы участникам пары: %(n)s.", n=created) if created
              else _("Участники пары уже получили эти анкеты."), "success")
    return redirect(request.form.get("next") == "pair" and url_for("monitoring.pair", group_id=group.id)
                    or url_for("monitoring.index"), 303)


@bp.route("/assign", methods=["POST"])
@staff_only
def assign_all():
    stage = _stage()
    if not stage:
        flash(_("Выберите этап мониторинга: входной, промежуточный или итоговый."), "error")
        return redirect(url_for("monitoring.index"), 303)
    pairs, created = assigning.assign_all_active(current_user.organisation, stage, current_user)
    flash(_("Активных пар: %(p)s, выдано анкет: %(n)s.", p=pairs, n=created), "success")
    return redirect(url_for("monitoring.index"), 303)


@bp.route("/report.xlsx")
@staff_only
def report_xlsx():
    form, role = _filters()
    org = current_user.organisation
    built = report.build(org, form=form, role=role)
    groups = dataset.groups_of(org, form=form)
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
    built = report.build(current_user.organisation, form=form, role=role)
    return download(export.report_docx(current_user.organisation, built), "monitoring.docx")


@bp.route("/mine")
@roles("mentor", "mentee")
def mine():
    items = assigning.monitoring_for(current_user)
    return render_template("monitoring/mine.html", items=items, names=dataset.pair_names([d.group for d in items]),
                           stages=STAGE_LABELS)


@bp.route("/pairs/<int:group_id>/answer", methods=["POST"])
@roles("mentor", "mentee")
def answer(group_id: int):
    group = _group(group_id)
    stage = _stage()
    if assigning.membership(group, current_user) is None:
        abort(404)
    response = assigning.start_for_member(group, current_user, stage) if stage else None
    if response is None:
        abort(404)
    return redirect(url_for("questionnaires.show_response", response_id=response.id), 303)
