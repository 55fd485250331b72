"""«Вы уверены?» before a destructive action (revoking consent, ending a pair, deleting anything).

The action's own POST asks first: without ``confirmed=1`` the view (after loading the record and
checking permissions, so a forged or foreign id still answers 404/403) returns a page that says what
will happen, with a POST button carrying the same fields, the CSRF token and ``confirmed=1``, and a
link back. Nothing changes until that button is pressed, so a reload of the question is harmless.
It works without JavaScript; for an htmx request the question replaces the page's main area
(``HX-Retarget``) and the confirming button is a plain form post, answered by a redirect.
"""
from __future__ import annotations

from flask import make_response, render_template, request

from webapp.auth.return_to import local_path
from webapp.htmx import is_htmx

CONFIRMED = "confirmed"


def is_confirmed() -> bool:
    return request.form.get(CONFIRMED) == "1"


def ask(question: str, *, button: str, back: str, details: str = ""):
    """The confirmation page for this POST, or None when it is already confirmed."""
    if is_confirmed():
        return None
    came_from = local_path(request.headers.get("HX-Current-URL") if is_htmx() else request.referrer)
    fields = [(name, value) for name, values in request.form.lists() if name not in ("csrf_token", CONFIRMED)
              for value in values]
    context = dict(question=question, details=details, button=button, back=came_from or back,
                   action=request.path, fields=fields)
    if is_htmx():
        response = make_response(render_template("_confirm.html", **context))
        response.headers["HX-Retarget"] = "#main"
        response.headers["HX-Reswap"] = "innerHTML show:top"
        response.headers["Vary"] = "HX-Request"
        return response
    return render_template("confirm.html", **context)
