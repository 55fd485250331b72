"""Page or fragment: the one place that reads HX-Request."""
from __future__ import annotations

from typing import Callable

from flask import flash, make_response, redirect, render_template, request


def is_htmx() -> bool:
    """An htmx request wants a fragment, except a history restore, which wants the whole page."""
    htmx = request.htmx  # set by htmx-flask's request class
    return bool(htmx) and not htmx.history_restore_request


def render(page_template: str, fragment_template: str, **context):
    """Render the whole page for a plain request, only the fragment for an htmx one."""
    template = fragment_template if is_htmx() else page_template
    response = make_response(render_template(template, **context))
    response.headers["Vary"] = "HX-Request"
    return response


def with_trigger(response, event: str):
    response.headers["HX-Trigger"] = event
    return response


def after_change(fragment: Callable[[], object], *, redirect_to: str, message: str = "", error: str = "",
                 event: str | None = None):
    """The answer to a state change: for htmx the updated fragment (with an ``HX-Trigger`` event);
    for a plain form the message flashed and a 303 to ``redirect_to`` (post/redirect/get)."""
    if is_htmx():
        response = make_response(fragment())
        return with_trigger(response, event) if event else response
    if error or message:
        flash(error or message, "error" if error else "success")
    return redirect(redirect_to, 303)
