"""Every route declares who may use it, and answers each role as declared."""
from __future__ import annotations

import pytest
from werkzeug.routing import AnyConverter, IntegerConverter

from tests.region.builders import make_region
from webapp.access import ANY_USER, PUBLIC, REGIONAL

ROLES_UNDER_TEST = {
    "anonymous": None,
    "admin": "admin",
    "coordinator": "kurator",
    "mentor": "mentor",
    "mentee": "mentee",
    "regional_admin": "region.admin",
    "regional_method": "region.method",
}
ROLE_OF_LOGIN = {"admin": {"admin"}, "kurator": {"coordinator"}, "mentor": {"mentor"}, "mentee": {"mentee"},
                 "region.admin": {"regional_admin"}, "region.method": {"regional_method"}}


def _routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        yield rule


def _fill(rule, school):
    values = {}
    for arg in rule.arguments:
        converter = rule._converters[arg]
        if isinstance(converter, AnyConverter):  # one of a fixed set (a file format): the first
            values[arg] = min(converter.items)
        else:
            values[arg] = school["mentee"].id if isinstance(converter, IntegerConverter) else "x"
    return rule.build(values, append_unknown=False)[1]


def test_every_route_declares_a_rule(app):
    missing = [rule.endpoint for rule in _routes(app)
               if getattr(app.view_functions[rule.endpoint], "access_rule", None) is None]
    assert missing == [], f"routes without a declared access rule: {missing}"


@pytest.mark.parametrize("who", list(ROLES_UNDER_TEST))
def test_routes_answer_each_role_as_declared(app, school, who):
    make_region(school)
    client = app.test_client()
    login = ROLES_UNDER_TEST[who]
    if login:
        response = client.post("/login", data={"login": login, "password": "correct-horse-1"})
        assert response.status_code == 302
    held = ROLE_OF_LOGIN.get(login, set())
    checked = 0
    for rule in _routes(app):
        declared = app.view_functions[rule.endpoint].access_rule
        url = _fill(rule, school)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(url, method=method, data={})
            code = response.status_code
            checked += 1
            assert code != 500, f"{method} {url} as {who} gave 500"
            if declared == PUBLIC:
                assert code not in (401, 403), f"{method} {url} is public but refused {who}"
            elif login is None:
                # a GET is sent to log in with 302, a POST with 303 (followed with a GET, back to its page)
                assert code in (302, 303) and "/login" in response.location, f"{method} {url} let anonymous in ({code})"
            elif declared == ANY_USER and held & REGIONAL and not getattr(
                    app.view_functions[rule.endpoint], "regional_ok", False):
                # a school's page (about the school's people) is refused to the regional centre's people
                assert code == 403, f"{method} {url} let regional {who} in ({code})"
            elif declared == ANY_USER or held & declared:
                assert code != 403, f"{method} {url} refused {who} ({code})"
            else:
                assert code == 403, f"{method} {url} let {who} in ({code})"
            if login and rule.endpoint == "auth.logout":
                client.post("/login", data={"login": login, "password": "correct-horse-1"})
    assert checked > 10
