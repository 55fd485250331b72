"""Pairs and groups: list with flags, a pair's page with its programme and meeting log, documents, the order."""
from __future__ import annotations

from flask import Blueprint, abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp import confirmation
from matching.catalogue import TYPES
from webapp.access import in_my_school_or_404, roles, staff_only
from webapp.consents.documents import consent_forms
from webapp.documents.responses import document_or_message
from webapp.downloads import download
from webapp.form_errors import error_text
from webapp.htmx import after_change, is_htmx, render
from webapp.ids import ids_or_404
from webapp.models import GroupMember, PairingOrder, User
from webapp.models.programme import PLAN_STATUSES
from webapp.programmes import documents, groups, orders, programme as programmes
from webapp.programmes.forms import (EndEarlyForm, GoalsForm, MeetingForm, OrderForm, PairDetailsForm, PlanItemForm,
                                      PlanStatusForm, StageForm)
from webapp.programmes.groups import GroupError
from webapp.page_cache import cached_page

bp = Blueprint("programmes", __name__, url_prefix="/pairs")
EVERYONE = ("admin", "coordinator", "mentor", "mentee")


@bp.route("")
@roles(*EVERYONE)
@cached_page
def index():
    status = request.args.get("status", "active")
    status = status if status in ("active", "ended", "all") else "active"
    flag = request.args.get("flag", "")
    flag = flag if flag in ("overdue", "silent") else ""
    rows = groups.groups_of(current_user, current_user.organisation, status=status, flag=flag)
    hidden = groups.hidden_by_filter(current_user, current_user.organisation, status=status, flag=flag,
                                     shown=len(rows))
    return render("programmes/index.html", "programmes/_table.html", rows=rows, status=status, flag=flag,
                  hidden=hidden,
                  unordered=orders.unordered(current_user.organisation).count() if current_user.is_staff else 0)


def _context(group, message="", error="", typed=None):
    """The pair's panel; ``typed`` is a refused form, shown again as it was sent instead of the saved values."""
    row = groups.rows_for([group])[0]
    programme = programmes.programme_of(group)
    return dict(group=group, row=row, programme=programme, items=list(programmes.items(programme)),
                meetings=list(programmes.meetings(programme)), history=list(groups.history(group)),
                role=groups.role_in(group, current_user), stages=groups.STAGE_LABELS, forms=groups.SCHOOL_FORMS,
                types=TYPES, plan_statuses=PLAN_STATUSES, plan_labels=programmes.PLAN_STATUS_LABELS,
                meeting_formats=programmes.MEETING_FORMAT_LABELS, message=message, error=error,
                today=orders.today(), typed=_typed_values(typed))


def _typed_values(form) -> dict:
    """What a refused form carried, by field name; the panel's inputs have distinct names, so one dict serves
    whichever form was refused (fields not sent fall back to the saved values in the template)."""
    if not form:
        return {}
    if isinstance(form, dict):
        return form
    return {name: field.raw_data[0] for name, field in form._fields.items()
            if name != "csrf_token" and field.raw_data and isinstance(field.raw_data[0], str)}


@bp.route("/<int:group_id>")
@roles(*EVERYONE)
def show(group_id: int):
    group = groups.visible_group(group_id, current_user)
    return render("programmes/show.html", "programmes/_group.html", **_context(group))


def _done(group, form, action, *, message: str):
    """Validate ``form`` and run ``action(form)``; answer with the updated panel (htmx) or a redirect with a
    message. A refusal shows the panel again with the message and what was typed (a plain request: 400)."""
    error = ""
    if not form.validate():
        error = error_text(form)
    else:
        try:
            action(form)
        except GroupError as exc:
            error = exc.message
    group = groups.visible_group(group.id, current_user)
    if error:
        response = render("programmes/show.html", "programmes/_group.html", **_context(group, error=error, typed=form))
        return response if is_htmx() else (response, 400)
    return after_change(lambda: render("programmes/show.html", "programmes/_group.html", **_context(group, message)),
                        redirect_to=url_for("programmes.show", group_id=group.id), message=message)


def _may_edit(group) -> None:
    if not current_user.is_staff and groups.role_in(group, current_user) != "mentor":
        abort(403)


@bp.route("/<int:group_id>/stage", methods=["POST"])
@staff_only
def stage(group_id: int):
    group = groups.visible_group(group_id, current_user)
    return _done(group, StageForm(),
                 lambda f: groups.change_stage(group, int(f.stage.data), f.changed_on.data, f.note.data or "",
                                               current_user), message=_("Этап изменён."))


@bp.route("/<int:group_id>/details", methods=["POST"])
@staff_only
def details(group_id: int):
    group = groups.visible_group(group_id, current_user)
    return _done(group, PairDetailsForm(), lambda f: groups.update_details(group, f.as_data()),
                 message=_("Сведения о паре сохранены."))


@bp.route("/<int:group_id>/end", methods=["POST"])
@staff_only
def end(group_id: int):
    group = groups.visible_group(group_id, current_user)
    form = EndEarlyForm()
    action = lambda f: groups.end_early(group, f.reason.data, f.send_back.data, current_user)  # noqa: E731
    message = _("Пара завершена досрочно.") + (" " + _("Наставляемый возвращён в подбор.") if form.send_back.data else "")
    if not form.validate():  # a refused reason is said at once, before «Вы уверены?»
        return _done(group, form, action, message=message)
    question = confirmation.ask(_("Завершить пару (группу) № %(n)s досрочно?", n=group.id),
                                details=_("Пара перейдёт в завершённые, её программа и журнал встреч сохранятся. "
                                          "Вернуть пару в работу будет нельзя."),
                                button=_("Да, завершить пару"), back=url_for("programmes.show", group_id=group.id))
    if question is not None:
        return question
    return _done(group, form, action, message=message)


@bp.route("/<int:group_id>/programme", methods=["POST"])
@roles("admin", "coordinator", "mentor")
def programme(group_id: int):
    group = groups.visible_group(group_id, current_user)
    _may_edit(group)
    prog = programmes.programme_of(group)
    return _done(group, GoalsForm(), lambda f: programmes.update_goals(prog, f.as_data(), current_user),
                 message=_("Программа сохранена."))


@bp.route("/<int:group_id>/plan", methods=["POST"])
@roles("admin", "coordinator", "mentor")
def add_item(group_id: int):
    group = groups.visible_group(group_id, current_user)
    _may_edit(group)
    prog = programmes.programme_of(group)
    return _done(group, PlanItemForm(), lambda f: programmes.add_item(prog, f.as_data()),
                 message=_("Мероприятие добавлено в план."))


@bp.route("/<int:group_id>/plan/<int:item_id>", methods=["POST"])
@roles(*EVERYONE)
def item_status(group_id: int, item_id: int):
    group = groups.visible_group(group_id, current_user)
    prog = programmes.programme_of(group)
    programmes.plan_item_or_404(prog, item_id)
    return _done(group, PlanStatusForm(), lambda f: programmes.set_item_status(prog, item_id, f.status.data),
                 message=_("Отметка о выполнении сохранена."))


@bp.route("/<int:group_id>/meetings", methods=["POST"])
@roles(*EVERYONE)
def add_meeting(group_id: int):
    group = groups.visible_group(group_id, current_user)
    prog = programmes.programme_of(group)
    return _done(group, MeetingForm(), lambda f: programmes.add_meeting(prog, f.as_data(), current_user, group),
                 message=_("Встреча записана в журнал."))


def _docx(data: bytes, name: str):
    return download(data, name)


@bp.route("/<int:group_id>/programme.docx")
@roles(*EVERYONE)
def programme_docx(group_id: int):
    group = groups.visible_group(group_id, current_user)
    prog = programmes.programme_of(group)
    row = groups.rows_for([group])[0]
    order = orders.order_of(group)
    return document_or_message(
        lambda: documents.programme_docx(current_user.organisation, row, prog, list(programmes.items(prog)), order),
        f"programma_{group.id}.docx", url_for("programmes.show", group_id=group.id))


@bp.route("/<int:group_id>/consents.docx")
@staff_only
def consents_docx(group_id: int):
    group = groups.visible_group(group_id, current_user)
    members = (User.select().join(GroupMember).where(GroupMember.group == group)
               .order_by(GroupMember.role.desc(), User.full_name))
    people = list({user.id: user for user in members}.values())  # a person once, mentors first
    return document_or_message(lambda: consent_forms(people, current_user.organisation),
                               f"soglasiya_para_{group.id}.docx", url_for("programmes.show", group_id=group.id))


# --- the order ----------------------------------------------------------------
def _order_page(form=None, error="", status=200):
    """The order form: a new order's defaults, or a refused ``form`` as it was sent."""
    org = current_user.organisation
    rows = groups.rows_for(orders.active(org))
    history = PairingOrder.select().where(PairingOrder.organisation == org).order_by(PairingOrder.id.desc())
    if form is None:
        values = dict(number=orders.next_number(org), signed_on=orders.today().isoformat(), basis=orders.DEFAULT_BASIS)
        chosen = {str(r.group.id) for r in rows if not r.group.order_number}
    else:
        values = {name: form[name]._value() for name in ("number", "signed_on", "basis")}
        chosen = set(form.group.data or ())
    return render_template("programmes/order.html", rows=rows, values=values, chosen=chosen, error=error,
                           history=history, curator=org.curator), status


@bp.route("/order", methods=["GET", "POST"])
@staff_only
def order():
    if request.method == "GET":
        return _order_page()
    form = OrderForm()
    group_ids = ids_or_404(form.group.data or ())
    if not form.validate():
        return _order_page(form, error_text(form), 400)
    try:
        created, rows = orders.create_order(current_user.organisation, form.as_data(), group_ids, current_user)
    except GroupError as exc:
        return _order_page(form, exc.message, 400)
    return document_or_message(lambda: documents.order_docx(current_user.organisation, created, rows),
                               orders.filename(created), url_for("programmes.order"))


@bp.route("/orders/<int:order_id>.docx")
@staff_only
def order_docx(order_id: int):
    found = in_my_school_or_404(PairingOrder, order_id)
    rows = orders.order_rows(current_user.organisation, found)
    return document_or_message(lambda: documents.order_docx(current_user.organisation, found, rows),
                               orders.filename(found), url_for("programmes.order"))
