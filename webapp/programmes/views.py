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
from webapp.htmx import after_change, render
from webapp.models import GroupMember, PairingOrder, User
from webapp.models.programme import PLAN_STATUSES
from webapp.programmes import documents, groups, orders, programme as programmes
from webapp.programmes.groups import GroupError

bp = Blueprint("programmes", __name__, url_prefix="/pairs")
EVERYONE = ("admin", "coordinator", "mentor", "mentee")


@bp.route("")
@roles(*EVERYONE)
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
    row = groups.rows_for([group])[0]
    programme = programmes.programme_of(group)
    return dict(group=group, row=row, programme=programme, items=list(programmes.items(programme)),
                meetings=list(programmes.meetings(programme)), history=list(groups.history(group)),
                role=groups.role_in(group, current_user), stages=groups.STAGE_LABELS, forms=groups.SCHOOL_FORMS,
                types=TYPES, plan_statuses=PLAN_STATUSES, plan_labels=programmes.PLAN_STATUS_LABELS,
                meeting_formats=programmes.MEETING_FORMAT_LABELS, message=message, error=error,
                typed=typed or {},
                today=orders.today())


@bp.route("/<int:group_id>")
@roles(*EVERYONE)
def show(group_id: int):
    group = groups.visible_group(group_id, current_user)
    return render("programmes/show.html", "programmes/_group.html", **_context(group))


def _done(group, action, *, message: str):
    """Run ``action``; answer with the updated panel (htmx) or a redirect with a message."""
    error = ""
    try:
        action()
    except GroupError as exc:
        error = exc.message
    group = groups.visible_group(group.id, current_user)
    typed = request.form.to_dict() if error else {}  # a refused form comes back as it was typed
    return after_change(lambda: render("programmes/show.html", "programmes/_group.html",
                                       **_context(group, "" if error else message, error, typed)),
                        redirect_to=url_for("programmes.show", group_id=group.id), message=message, error=error)


def _may_edit(group) -> None:
    if not current_user.is_staff and groups.role_in(group, current_user) != "mentor":
        abort(403)


@bp.route("/<int:group_id>/stage", methods=["POST"])
@staff_only
def stage(group_id: int):
    group = groups.visible_group(group_id, current_user)
    f = request.form
    return _done(group, lambda: groups.change_stage(group, f.get("stage"), f.get("changed_on"), f.get("note"),
                                                    current_user), message=_("Этап изменён."))


@bp.route("/<int:group_id>/details", methods=["POST"])
@staff_only
def details(group_id: int):
    group = groups.visible_group(group_id, current_user)
    return _done(group, lambda: groups.update_details(group, request.form), message=_("Сведения о паре сохранены."))


@bp.route("/<int:group_id>/end", methods=["POST"])
@staff_only
def end(group_id: int):
    group = groups.visible_group(group_id, current_user)
    question = confirmation.ask(_("Завершить пару (группу) № %(n)s досрочно?", n=group.id),
                                details=_("Пара перейдёт в завершённые, её программа и журнал встреч сохранятся. "
                                          "Вернуть пару в работу будет нельзя."),
                                button=_("Да, завершить пару"), back=url_for("programmes.show", group_id=group.id))
    if question is not None:
        return question
    send_back = request.form.get("send_back") in ("1", "on", "true")
    return _done(group, lambda: groups.end_early(group, request.form.get("reason"), send_back, current_user),
                 message=_("Пара завершена досрочно.") + (" " + _("Наставляемый возвращён в подбор.") if send_back else ""))


@bp.route("/<int:group_id>/programme", methods=["POST"])
@roles("admin", "coordinator", "mentor")
def programme(group_id: int):
    group = groups.visible_group(group_id, current_user)
    _may_edit(group)
    prog = programmes.programme_of(group)
    return _done(group, lambda: programmes.update_goals(prog, request.form, current_user),
                 message=_("Программа сохранена."))


@bp.route("/<int:group_id>/plan", methods=["POST"])
@roles("admin", "coordinator", "mentor")
def add_item(group_id: int):
    group = groups.visible_group(group_id, current_user)
    _may_edit(group)
    prog = programmes.programme_of(group)
    return _done(group, lambda: programmes.add_item(prog, request.form), message=_("Мероприятие добавлено в план."))


@bp.route("/<int:group_id>/plan/<int:item_id>", methods=["POST"])
@roles(*EVERYONE)
def item_status(group_id: int, item_id: int):
    group = groups.visible_group(group_id, current_user)
    prog = programmes.programme_of(group)
    return _done(group, lambda: programmes.set_item_status(prog, item_id, request.form.get("status", "")),
                 message=_("Отметка о выполнении сохранена."))


@bp.route("/<int:group_id>/meetings", methods=["POST"])
@roles(*EVERYONE)
def add_meeting(group_id: int):
    group = groups.visible_group(group_id, current_user)
    prog = programmes.programme_of(group)
    return _done(group, lambda: programmes.add_meeting(prog, request.form, current_user, group),
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
    org = current_user.organisation
    rows = groups.rows_for(orders.active(org))
    history = PairingOrder.select().where(PairingOrder.organisation == org).order_by(PairingOrder.id.desc())
    defaults = dict(number=orders.next_number(org), signed_on=orders.today().isoformat(),
                    basis=orders.DEFAULT_BASIS)
    values = {k: (form.get(k) if form is not None else v) or "" for k, v in defaults.items()}
    chosen = set(form.getlist("group")) if form is not None else {str(r.group.id) for r in rows
                                                                  if not r.group.order_number}
    return render_template("programmes/order.html", rows=rows, values=values, chosen=chosen, error=error,
                           history=history, curator=org.curator), status


@bp.route("/order", methods=["GET", "POST"])
@staff_only
def order():
    if request.method == "GET":
        return _order_page()
    try:
        created, rows = orders.create_order(current_user.organisation, request.form, request.form.getlist("group"),
                                            current_user)
    except GroupError as exc:
        return _order_page(request.form, exc.message, 400)
    return document_or_message(lambda: documents.order_docx(current_user.organisation, created, rows),
                               orders.filename(created), url_for("programmes.order"))


@bp.route("/orders/<int:order_id>.docx")
@staff_only
def order_docx(order_id: int):
    found = in_my_school_or_404(PairingOrder, order_id)
    rows = orders.order_rows(current_user.organisation, found)
    return document_or_message(lambda: documents.order_docx(current_user.organisation, found, rows),
                               orders.filename(found), url_for("programmes.order"))
