"""Everyone's notifications page."""
from __future__ import annotations

from flask import Blueprint, abort, url_for
from flask_login import current_user

from webapp.access import signed_in
from webapp.htmx import after_change, render
from webapp.models import Notification
from webapp.pairing.forms import MarkReadForm

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


def _list():
    items = (Notification.select().where(Notification.user == current_user)
             .order_by(Notification.created_at.desc(), Notification.id.desc()).limit(100))
    return render("pairing/notifications.html", "pairing/_notifications.html", items=items)


@bp.route("")
@signed_in
def index():
    return _list()


@bp.route("/read", methods=["POST"])
@signed_in
def mark_read():
    form = MarkReadForm()
    form.validate()
    if form.id.errors:  # not an id at all: no such notification
        abort(404)
    query = Notification.update(is_read=True).where(Notification.user == current_user)
    note_id = form.id.data  # None: every notification
    if note_id is not None:
        note = Notification.get_or_none(Notification.id == note_id)
        if note is None or note.user_id != current_user.id:
            abort(404)
        query = query.where(Notification.id == note_id)
    query.execute()
    return after_change(_list, redirect_to=url_for("notifications.index"))
