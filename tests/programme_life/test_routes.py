"""Every programme-life route answers each role as declared (a local copy of the app-wide walk)."""
from __future__ import annotations

from werkzeug.routing import IntegerConverter
import pytest

from webapp.access import ANY_USER, PUBLIC

PREFIXES = ("roadmap.", "practices.", "recognition.", "news.", "monitoring.")
LOGINS = {"anonymous": None, "admin": "admin", "coordinator": "kurator", "mentor": "mentor", "mentee": "mentee"}
HELD = {"admin": {"admin"}, "kurator": {"coordinator"}, "mentor": {"mentor"}, "mentee": {"mentee"}}


@pytest.mark.parametrize("who", list(LOGINS))
def test_routes_answer_each_role(app, school, who):
    client = app.test_client()
    login = LOGINS[who]
    if login:
        assert client.post("/login", data={"login": login, "password": "correct-horse-1"}).status_code == 302
    checked = 0
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith(PREFIXES):
            continue
        declared = app.view_functions[rule.endpoint].access_rule
        values = {a: school["mentee"].id if isinstance(rule._converters[a], IntegerConverter) else "x"
                  for a in rule.arguments}
        url = rule.build(values, append_unknown=False)[1]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            code = client.open(url, method=method, data={}).status_code
            checked += 1
            assert code != 500, f"{method} {url} as {who}"
            if declared == PUBLIC:
                assert code not in (401, 403)
            elif login is None:
                assert code == 302, f"{method} {url} let anonymous in"
            elif declared == ANY_USER or HELD[login] & declared:
                assert code != 403, f"{method} {url} refused {who}"
            else:
                assert code == 403, f"{method} {url} let {who} in ({code})"
    assert checked > 20
