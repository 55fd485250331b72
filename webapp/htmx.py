"""Page or fragment: the one place that reads HX-Request."""
from __future__ import annotations

from flask import make_response, render_template, request


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
