"""Walking every page a signed-in person can reach, for the whole-interface checks (English, phone width).

The walk starts from every GET route without parameters that the role may open (``app.url_map`` and
each view's declared ``access_rule``), then follows the links on those pages to one representative
page of every route WITH parameters (a pair, a person, a questionnaire version, a news item … of the
demo school). Files (DOCX, XLSX, JSON, Atom) and pages that change state are not pages to look at.

The same walk drives the test client (English text) and the real browser (375 px overflow): it only
needs ``fetch(path) -> html or None``.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect

from webapp.access import ANY_USER, PUBLIC

# Demo log-ins (webapp/demo.py DEMO_LOGINS) with the role each one holds.
DEMO_ROLES = {"admin": "admin", "coordinator": "kurator", "mentor": "mentor", "mentee": "mentee"}
DEMO_PASSWORD = "demo2026"

# Not pages: downloads, feeds, status fragments polled by htmx, the log-in page itself.
NOT_PAGES = re.compile(r"\.(docx|xlsx|json|atom|ico|svg)$|/scan$|/status$|/files/\d+$|^/static/|^/healthz$|^/$|^/invite/")
# List pages whose default filter hides records the walk should reach (the demo's ended pairs).
MORE_START_PAGES = {"programmes.index": ["/pairs?status=all"]}
HREF = re.compile(r'href="(/[^"#]*)"')


def may_open(rule_access, roles: set[str]) -> bool:
    return rule_access in (PUBLIC, ANY_USER) or bool(set(rule_access or ()) & roles)


def start_pages(app, roles: set[str]) -> list[str]:
    """GET routes without parameters that these roles may open."""
    pages = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.arguments or rule.endpoint == "static":
            continue
        if rule.endpoint in ("auth.login",) or NOT_PAGES.search(rule.rule):
            continue
        if may_open(getattr(app.view_functions[rule.endpoint], "access_rule", None), roles):
            pages.append(rule.rule)
            pages.extend(MORE_START_PAGES.get(rule.endpoint, []))
    return sorted(pages)


def _endpoint(adapter, path: str) -> str | None:
    try:
        endpoint, _args = adapter.match(path, method="GET")
        return endpoint
    except RequestRedirect:
        return None
    except HTTPException:
        return None


def walk(app, roles: set[str], fetch) -> list[str]:
    """Visit the start pages and one linked page per parameterised route; return the paths visited.

    ``fetch(path)`` returns the page's HTML (or None when it is not an HTML page).
    """
    adapter = app.url_map.bind("localhost")
    queue = start_pages(app, roles)
    seen_endpoints = {_endpoint(adapter, urlsplit(path).path) for path in queue}
    visited: list[str] = []
    while queue:
        path = queue.pop(0)
        html = fetch(path)
        visited.append(path)
        if not html:
            continue
        for href in HREF.findall(html):
            target = urlsplit(href.replace("&amp;", "&")).path
            if NOT_PAGES.search(target):
                continue
            endpoint = _endpoint(adapter, target)
            if endpoint is None or endpoint in seen_endpoints or endpoint in ("auth.login", "static"):
                continue
            access = getattr(app.view_functions[endpoint], "access_rule", None)
            if not may_open(access, roles):
                continue
            seen_endpoints.add(endpoint)
            queue.append(target)
    return visited
