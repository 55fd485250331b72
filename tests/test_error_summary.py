"""GOV.UK-style error summary: every form built with the shared macros shows «Исправьте ошибки» at
its top with a link to each field that has an error, and the field's own message beside it."""
from __future__ import annotations

import re

from tests.conftest import text


def test_the_summary_links_to_each_field_with_its_message(client, auth, school):
    auth.login("mentor")
    reply = client.post("/password", data={"current": "", "password": "x", "confirm": "y"})
    page = text(reply)
    assert reply.status_code == 400
    summary = page.split('id="error-summary"')[1].split("</div>")[0]
    assert "Исправьте ошибки" in summary
    links = re.findall(r'<a href="#([\w-]+)">([^<]+)</a>', summary)
    targets = {target for target, _ in links}
    assert {"current", "password"} <= targets, links
    for target in targets:  # every link leads to a field on the page
        assert f'id="{target}"' in page
    assert all(": " in label for _, label in links)  # «Поле: что не так», not a generic text


def test_no_summary_without_errors(client, auth, school):
    auth.login("mentor")
    assert "Исправьте ошибки" not in text(client.get("/password"))
