"""The first page after log-in, by role."""
from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user

from webapp.access import public, regional_ok, signed_in
from webapp.dashboard.services import coordinator_counts, my_pairs, next_steps
from webapp.page_cache import cached_page

bp = Blueprint("dashboard", __name__)


@bp.route("/")
@public
def home():
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.index"))
    return redirect(url_for("auth.login"))


@bp.route("/dashboard")
@signed_in
@regional_ok
@cached_page
def index():
    if current_user.is_regional:  # the regional centre's start page is the region's
        return redirect(url_for("region.index"))
    counts = coordinator_counts(current_user.organisation) if current_user.is_staff else None
    participant = current_user.has_role("mentor", "mentee")
    steps = next_steps(current_user) if participant else []
    pairs = my_pairs(current_user) if participant else None
    return render_template("dashboard/index.html", counts=counts, steps=steps, pairs=pairs)
