"""Every form of the regional roles (and of a generated school's coordinator), sent back with bad values,
answers without a server error; the demo region (`load-region-demo`) gives them something to show. The demo
school's coordinator, whose walk reaches the pool and the regional practices, is tests/test_forms_fuzz.py's."""
from __future__ import annotations

import pytest

from tests.test_forms_fuzz import _crawl, send_bad_values
from webapp import demo


@pytest.mark.parametrize("login, start", [("region.admin", "/region"), ("region.method", "/region"),
                                          ("kurator.s012", "/practices/region")])
def test_every_regional_form_survives_bad_values(demo_region_app, login, start):
    client = demo_region_app.test_client()
    assert client.post("/login", data={"login": login, "password": demo.DEMO_PASSWORD}).status_code == 302
    forms = _crawl(client, start=start)
    assert send_bad_values(client, forms, login) > 0


def test_the_demo_region_shows_figures_to_both_regional_roles(demo_region_app):
    for login in ("region.admin", "region.method"):
        client = demo_region_app.test_client()
        client.post("/login", data={"login": login, "password": demo.DEMO_PASSWORD})
        page = client.get("/region?year=2025").get_data(as_text=True)
        assert "МБОУ «СОШ № 7»" in page and "г. Ижевск" in page and "Итого по региону" in page
    schools = client.get("/region/schools")
    assert schools.status_code == 403  # the methodologist
