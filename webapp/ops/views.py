"""The administrator's health page and the unauthenticated /healthz probe."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, current_app, jsonify, render_template

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


@bp.route("/admin/health")
@roles("admin")
def health_page():
    now = dt.datetime.now()
    report = health.collect(current_app, database.obj, now)
    return render_template("ops/health.html", h=report, now=now, WARNING_MESSAGES=health.WARNING_MESSAGES)
