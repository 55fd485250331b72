"""Who may use which route.

Every view declares its rule with one of the decorators below; a ``before_request`` hook enforces
it. A route without a declared rule is refused (deny by default), and the test suite walks every
route × role to prove each rule answers as declared.
"""
from __future__ import annotations


from flask import abort, current_app, request
from flask_login import current_user

from webapp.models.user import (ADMIN, COORDINATOR, MENTEE, MENTOR, REGIONAL_ADMIN, REGIONAL_METHODOLOGIST,
                                 REGIONAL_ROLES)

PUBLIC = "public"
ANY_USER = "any_user"
STAFF = frozenset({ADMIN, COORDINATOR})
PARTICIPANTS = frozenset({MENTOR, MENTEE})
REGIONAL = REGIONAL_ROLES


def _declare(rule):
    def decorator(view):
        view.access_rule = rule
        return view
    return decorator


def public(view):
    """Open to everyone, signed in or not (log-in page, invitation, static files)."""
    return _declare(PUBLIC)(view)


def signed_in(view):
    """Any active signed-in user of any role."""
    return _declare(ANY_USER)(view)


def roles(*allowed: str):
    """Only users holding at least one of ``allowed`` roles."""
    return _declare(frozenset(allowed))


def regional_ok(view):
    """A signed-in page that regional people may use too (their password, their start page).

    Every other page open to "any signed-in user" is a school's page, about the school's people:
    regional people are refused it (403), whatever it would show them."""
    view.regional_ok = True
    return view


def regional_admin_only(view):
    return roles(REGIONAL_ADMIN)(view)


def regional_staff(view):
    """The regional administrator and the regional methodologist (aggregated data only)."""
    return roles(REGIONAL_ADMIN, REGIONAL_METHODOLOGIST)(view)


def methodologist_only(view):
    return roles(REGIONAL_METHODOLOGIST)(view)


def rule_for(endpoint: str | None):
    if endpoint is None:
        return PUBLIC  # 404s are answered by the error handler
    view = current_app.view_functions.get(endpoint)
    if endpoint == "static":
        return PUBLIC
    return getattr(view, "access_rule", None)


def enforce():
    rule = rule_for(request.endpoint)
    if rule == PUBLIC:
        return None
    if not current_user.is_authenticated:
        from webapp.auth.return_to import to_login
        return to_login()  # htmx: 401 + HX-Redirect; a plain request: the log-in page, then back
    if rule == ANY_USER:
        if current_user.is_regional and not getattr(current_app.view_functions.get(request.endpoint),
                                                     "regional_ok", False):
            abort(403)
        return None
    if rule is None or not current_user.has_role(*rule):
        abort(403)
    return None


def init_app(app) -> None:
    app.before_request(enforce)


def staff_only(view):
    """Shorthand for the coordinator's and administrator's pages."""
    return roles(*STAFF)(view)


def same_org_or_404(record, organisation_field: str = "organisation_id"):
    """A record of another organisation does not exist for this user."""
    if record is None or getattr(record, organisation_field) != current_user.organisation_id:
        abort(404)
    return record


def in_my_school_or_404(model, record_id):
    """The ``model`` row with ``record_id`` if it belongs to the signed-in user's school, else 404:
    the one getter views use for "this record, if it is in my school"."""
    record = model.get_or_none(model.id == record_id) if record_id is not None else None
    return same_org_or_404(record)


