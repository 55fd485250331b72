"""News: the coordinator writes, the school reads, the public website reads the Atom feed."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp import confirmation
from webapp.access import in_my_school_or_404, public, signed_in, staff_only
from webapp.models import NewsItem, Organisation
from webapp.news import atom, services
from webapp.news.forms import NewsForm

bp = Blueprint("news", __name__, url_prefix="/news")


def _readable(news_id: int) -> NewsItem:
    item = in_my_school_or_404(NewsItem, news_id)
    if not item.published and not current_user.is_staff:
        abort(404)
    return item


@bp.route("")
@signed_in
def index():
    items = list(services.visible(current_user.organisation, current_user).limit(100))
    return render_template("news/index.html", items=items,
                           feed_url=url_for("news.feed", org_id=current_user.organisation_id, _external=True))


@bp.route("/<int:news_id>")
@signed_in
def show(news_id: int):
    return render_template("news/show.html", item=_readable(news_id))


@bp.route("/new", methods=["GET", "POST"])
@staff_only
def create():
    form = NewsForm(organisation=current_user.organisation)
    if request.method == "GET" and request.args.get("roadmap_item", "").isdigit():
        form.roadmap_item_id.data = request.args["roadmap_item"]
    if form.validate_on_submit():
        item = services.save(current_user.organisation, form.data_dict(), current_user)
        flash(_("Новость сохранена."), "success")
        return redirect(url_for("news.show", news_id=item.id), 303)
    return render_template("news/form.html", form=form, item=None), 400 if request.method == "POST" else 200


@bp.route("/<int:news_id>/edit", methods=["GET", "POST"])
@staff_only
def edit(news_id: int):
    item = in_my_school_or_404(NewsItem, news_id)
    form = NewsForm(obj=item, organisation=current_user.organisation)
    if request.method == "GET":
        form.roadmap_item_id.data = str(item.roadmap_item_id or "")
    if form.validate_on_submit():
        services.save(current_user.organisation, form.data_dict(), current_user, item)
        flash(_("Новость сохранена."), "success")
        return redirect(url_for("news.show", news_id=item.id), 303)
    return render_template("news/form.html", form=form, item=item), 400 if request.method == "POST" else 200


@bp.route("/<int:news_id>/delete", methods=["POST"])
@staff_only
def delete(news_id: int):
    item = in_my_school_or_404(NewsItem, news_id)
    question = confirmation.ask(_("Удалить новость «%(title)s»?", title=item.title), button=_("Да, удалить"),
                                back=url_for("news.show", news_id=item.id))
    if question is not None:
        return question
    item.delete_instance()
    flash(_("Новость удалена."), "success")
    return redirect(url_for("news.index"), 303)


def absolute(path: str) -> str:
    """``path`` under the configured BASE_URL; without one, the path alone (never the Host header)."""
    base = (current_app.config.get("BASE_URL") or "").rstrip("/")
    return f"{base}{path}" if base else path


@bp.route("/<int:org_id>/feed.atom")
@public
def feed(org_id: int):
    organisation = Organisation.get_or_none(Organisation.id == org_id)
    if organisation is None:
        abort(404)
    feed_url = absolute(url_for("news.feed", org_id=org_id))
    body = atom.feed(organisation, services.published(organisation),
                     feed_id=feed_url if "://" in feed_url else f"tag:nastavnik,2026:organisation-{org_id}/news",
                     feed_url=feed_url,
                     site_url=absolute(url_for("news.index")),
                     item_url=lambda item: absolute(url_for("news.show", news_id=item.id)))
    response = make_response(body)
    response.headers["Content-Type"] = "application/atom+xml; charset=utf-8"
    response.headers["Access-Control-Allow-Origin"] = "*"
    # built per school and never from the request's Host header, yet no shared cache keeps it
    response.headers["Cache-Control"] = "private, max-age=300"
    return response
