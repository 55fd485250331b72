"""The administrator's health page, the unauthenticated /healthz probe and the site icon."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, current_app, jsonify, render_template, send_from_directory

from webapp.access import public, roles
from webapp.db import database
from webapp.ops import health

bp = Blueprint("ops", __name__)


@bp.route("/healthz")
@public
def healthz():
    """For Docker's HEALTHCHECK and monitors: is the app up and its database answering. No data."""
    if health.is_alive(database.obj):
        return jsonify(status="ok")
    return jsonify(status="error"), 503


@bp.route("/favicon.ico")
@public
def favicon():
    """Browsers ask for /favicon.ico whatever the page links: the same SVG icon, so no 404 in the logs."""
    return send_from_directory(current_app.static_folder, "favicon.svg", mimetype="image/svg+xml", max_age=86400)


@bp.route("/admin/health")
@roles("admin")
def health_page():
    now = dt.datetime.now()
    report = health.collect(current_app, database.obj, now)
    return render_template("ops/health.html", h=report, now=now, WARNING_MESSAGES=health.WARNING_MESSAGES)
