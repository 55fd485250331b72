"""The administrator's health page and the unauthenticated /healthz probe."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, current_app, jsonify, render_template

from webapp.access import public, roles
from webapp.db import database
from webapp.ops import health
from webapp.tasks.status import queue_state

bp = Blueprint("ops", __name__)


@bp.route("/healthz")
@public
def healthz():
    """For Docker's HEALTHCHECK, a load balancer and monitors: is the app up and its database answering,
    and the queue's figures (workers alive, tasks queued, running, failed in a day). No personal data."""
    if not health.is_alive(database.obj):
        return jsonify(status="error"), 503
    try:
        queue = queue_state(current_app.config).as_dict()
    except Exception:  # noqa: BLE001 — a schema not migrated yet must not turn the probe red
        queue = {"state": "unknown"}
    return jsonify(status="ok", queue=queue)


@bp.route("/admin/health")
@roles("admin")
def health_page():
    now = dt.datetime.now()
    report = health.collect(current_app, database.obj, now)
    return render_template("ops/health.html", h=report, now=now, WARNING_MESSAGES=health.WARNING_MESSAGES)
