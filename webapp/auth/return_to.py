"""Where to go back to after logging in, and how a request without a session is sent there.

A plain GET goes to the log-in page with ``next`` = the page asked for; a plain POST with ``next`` =
the page the form was on (its Referer). An htmx request gets 401 with ``HX-Redirect`` to the log-in
page, ``next`` = the page the person was on (``HX-Current-URL``), never the fragment's URL: htmx
then loads the log-in page as a whole page instead of swapping it into a panel. Only local paths of
this site are ever followed (no open redirect).
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import make_response, redirect, request, url_for

from webapp.htmx import is_htmx


def local_path(target: str | None) -> str | None:
    """``target`` as a path of this site ("/x?y"), or None when it is not one (another host, "//x",
    a scheme, control characters)."""
    if not target or any(ord(c) < 32 for c in target) or "\\" in target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https") or parts.netloc != request.host:
            return None
    path = parts.path or "/"
    if not path.startswith("/") or path.startswith("//"):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def safe_next(target: str | None) -> str:
    """A local path to follow after log-in, else the dashboard."""
    return local_path(target) or url_for("dashboard.index")


def _page_of_request() -> str | None:
    if is_htmx() or request.headers.get("HX-Request"):
        return local_path(request.headers.get("HX-Current-URL"))
    if request.method == "GET":
        return request.full_path.rstrip("?")
    return local_path(request.referrer)


def to_login():
    """The answer to a request that needs a session and has none."""
    login = url_for("auth.login", next=_page_of_request())
    if request.headers.get("HX-Request"):
        response = make_response("", 401)
        response.headers["HX-Redirect"] = login
        response.headers["Vary"] = "HX-Request"
        return response
    return redirect(login, 303 if request.method != "GET" else 302)
