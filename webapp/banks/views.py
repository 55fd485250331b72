"""The coordinator's banks: tables with active search, the person page, XLSX and DOCX exports."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user

from matching.catalogue import FORM_LABELS, STUDENT_PROBLEMS, TEACHER_PROBLEMS
from webapp.access import in_my_school_or_404, staff_only
from webapp.banks import export_task as bank_export, listing
from webapp.banks.forms import BankExportForm
from webapp.banks.person import person_context
from webapp.banks.answers import PURPOSE_OF_ROLE, questionnaire_statuses
from webapp.banks.export import CONSENT_STATUS_LABELS, QUESTIONNAIRE_STATUS_LABELS, bank_workbook
from webapp.consents import services as consents
from webapp.consents.documents import consent_forms
from webapp.documents.responses import document_or_message
from webapp.downloads import download
from webapp.htmx import render
from webapp.ids import ids_or_404
from webapp.models import AuditEvent, User
from webapp.pagination import paginate, parse_page
from webapp.recognition.services import training_summary
from webapp.tasks import lifecycle
from webapp.users.listing import class_names
from webapp.page_cache import cached_page

bp = Blueprint("banks", __name__, url_prefix="/banks")

TITLES = {"mentor": "Банк наставников", "mentee": "Банк наставляемых"}
ENDPOINTS = {"mentor": "banks.mentors", "mentee": "banks.mentees"}
MAX_SELECTION = 500


def _filters(role: str, subjects: list[str], classes: list[str]) -> listing.BankFilters:
    return listing.BankFilters.from_args(request.args, subjects=subjects, class_names=classes)


def _bank(role: str):
    org = current_user.organisation
    subjects, classes = listing.subjects_of(org, role), class_names(org)
    filters = _filters(role, subjects, classes)
    requested = parse_page(request.args.get("page"))
    page = paginate(listing.search_bank(org, role, filters), requested, current_app.config["PAGE_SIZE"])
    if requested > page.number and "page" in request.args:
        filters.notes.append(f"Страницы {requested} нет; показана страница {page.number}.")
    states = consents.states_for(page.items)
    return render("banks/index.html", "banks/_table.html", role=role, title=TITLES[role],
                  endpoint=ENDPOINTS[role], page=page, filters=filters, counts=listing.counts(org, role, page.total if listing.unfiltered(filters) else None),
                  questionnaire=questionnaire_statuses([u.id for u in page.items], PURPOSE_OF_ROLE[role]),
                  states=states, paired=listing.paired_set(org, role, page.items),
                  class_names=classes, subjects=subjects,
                  teacher_problems=TEACHER_PROBLEMS, student_problems=STUDENT_PROBLEMS,
                  forms=FORM_LABELS, questionnaire_labels=QUESTIONNAIRE_STATUS_LABELS,
                  consent_labels=CONSENT_STATUS_LABELS,
                  training=training_summary([u.id for u in page.items]) if role == "mentor" else {},
                  export_in_background=page.total > bank_export.BACKGROUND_FROM)


def _selected_or_filtered(role: str) -> list[User]:
    """People picked with checkboxes (``user`` ids, own organisation only), else the filtered bank."""
    org = current_user.organisation
    if "user" in request.args:
        ids = ids_or_404(request.args.getlist("user")[:MAX_SELECTION])
        people = list(listing.role_members(org, role).where(User.id.in_(ids)).order_by(User.full_name, User.id))
        if len(people) != len(set(ids)):
            abort(404)  # a forged id or another organisation's person
        return people
    return list(listing.search_bank(org, role, _filters(role, listing.subjects_of(org, role), class_names(org))))


def _xlsx(role: str):
    people = _selected_or_filtered(role)
    data = bank_workbook(current_user.organisation, role, people)
    AuditEvent.record("bank_exported", actor=current_user, target=role, details=f"{len(people)} чел.")
    name = "bank-mentors.xlsx" if role == "mentor" else "bank-mentees.xlsx"
    return download(data, name)


def _docx(role: str):
    people = _selected_or_filtered(role)
    back = url_for("banks.mentors" if role == "mentor" else "banks.mentees")
    return document_or_message(lambda: consent_forms(people, current_user.organisation), "soglasiya.docx", back)


@bp.route("/mentors")
@staff_only
@cached_page
def mentors():
    return _bank("mentor")


@bp.route("/mentees")
@staff_only
@cached_page
def mentees():
    return _bank("mentee")


@bp.route("/mentors/export.xlsx")
@staff_only
def mentors_xlsx():
    return _xlsx("mentor")


@bp.route("/mentees/export.xlsx")
@staff_only
def mentees_xlsx():
    return _xlsx("mentee")


def _export_task(role: str):
    """A large bank's XLSX built by a worker: the coordinator follows it on the task's page."""
    org = current_user.organisation
    form = BankExportForm()
    filters = listing.BankFilters.from_args(form.filter_args(), subjects=listing.subjects_of(org, role),
                                            class_names=class_names(org))
    task, _ = lifecycle.submit(bank_export.KIND_NAME, request_key=form.request_key.data,
                               organisation=org, author=current_user,
                               params={"role": role, "filters": filters.as_args()})
    return redirect(url_for("tasks.show", task_id=task.id), 303)


@bp.route("/mentors/export-task", methods=["POST"])
@staff_only
def mentors_export_task():
    return _export_task("mentor")


@bp.route("/mentees/export-task", methods=["POST"])
@staff_only
def mentees_export_task():
    return _export_task("mentee")


@bp.route("/mentors/consent-forms.docx")
@staff_only
def mentors_docx():
    return _docx("mentor")


@bp.route("/mentees/consent-forms.docx")
@staff_only
def mentees_docx():
    return _docx("mentee")


@bp.route("/people/<int:user_id>")
@staff_only
def person(user_id: int):
    user = in_my_school_or_404(User, user_id)
    return render_template("banks/person.html", **person_context(user))
