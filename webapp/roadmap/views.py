"""The roadmap: everyone in the school reads it, the coordinator edits it."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp import confirmation
from webapp.access import in_my_school_or_404, signed_in, staff_only
from webapp.documents.responses import document_or_message
from webapp.downloads import download
from webapp.models import RoadmapItem
from webapp.roadmap import export, services
from webapp.roadmap.forms import RoadmapItemForm
from webapp.shipped_text import shipped
from webapp.page_cache import cached_page

bp = Blueprint("roadmap", __name__, url_prefix="/roadmap")



def _item(item_id: int) -> RoadmapItem:
    return in_my_school_or_404(RoadmapItem, item_id)


@bp.route("")
@signed_in
@cached_page
def index():
    services.prefill(current_user.organisation)
    return render_template("roadmap/index.html", steps=services.numbered(current_user.organisation),
                           labels=services.STATUS_LABELS, deadline=lambda item: services.display_deadline(item, shipped),
                           overdue=services.overdue_count(current_user.organisation))


@bp.route("/new", methods=["GET", "POST"])
@staff_only
def create():
    form = RoadmapItemForm()
    if request.method == "GET" and request.args.get("step", "").isdigit():
        form.step.data = request.args["step"]
    if form.validate_on_submit():
        services.save_item(current_user.organisation, form.data_dict())
        flash(_("Мероприятие добавлено в дорожную карту."), "success")
        return redirect(url_for("roadmap.index"), 303)
    status = 400 if request.method == "POST" else 200
    return render_template("roadmap/form.html", form=form, item=None), status


@bp.route("/<int:item_id>/edit", methods=["GET", "POST"])
@staff_only
def edit(item_id: int):
    item = _item(item_id)
    form = RoadmapItemForm(obj=item)
    if request.method == "GET":
        form.step.data = str(item.step)
    if form.validate_on_submit():
        services.save_item(current_user.organisation, form.data_dict(), item)
        flash(_("Мероприятие сохранено."), "success")
        return redirect(url_for("roadmap.index") + f"#item-{item.id}", 303)
    status = 400 if request.method == "POST" else 200
    return render_template("roadmap/form.html", form=form, item=item), status


@bp.route("/<int:item_id>/delete", methods=["POST"])
@staff_only
def delete(item_id: int):
    item = _item(item_id)
    question = confirmation.ask(_("Удалить мероприятие «%(title)s» из дорожной карты?", title=item.title),
                                button=_("Да, удалить"), back=url_for("roadmap.index"))
    if question is not None:
        return question
    services.delete_item(item)
    flash(_("Мероприятие удалено из дорожной карты."), "success")
    return redirect(url_for("roadmap.index"), 303)


@bp.route("/roadmap.docx")
@signed_in
def export_docx():
    services.prefill(current_user.organisation)
    return document_or_message(lambda: export.roadmap_docx(current_user.organisation), "dorozhnaya_karta.docx",
                               url_for("roadmap.index"))


@bp.route("/roadmap.xlsx")
@signed_in
def export_xlsx():
    services.prefill(current_user.organisation)
    return download(export.roadmap_xlsx(current_user.organisation), "dorozhnaya_karta.xlsx")


