"""Every form of the regional roles (and the school's pool and regional practices), sent back with bad
values, answers without a server error; the demo region (`load-region-demo`) gives them something to show."""
from __future__ import annotations

import pytest

from tests.test_forms_fuzz import _crawl, send_bad_values
from webapp import demo
from webapp.models import RegionalPractice


@pytest.fixture
def region_app(demo_app):
    from webapp.region import demo as region_demo
    with demo_app.app_context():
        region_demo.load()
    client = demo_app.test_client()
    client.post("/login", data={"login": "region.method", "password": demo.DEMO_PASSWORD})
    with demo_app.app_context():
        proposed = RegionalPractice.select().first()
    assert proposed is not None
    assert client.post(f"/region/practices/{proposed.id}", data={"decision": "publish"}).status_code == 303
    assert client.post("/region/contests", data={"title": "Конкурс", "nominations": "Первая\nВторая"}).status_code == 303
    return demo_app


@pytest.mark.parametrize("login, start", [("region.admin", "/region"), ("region.method", "/region"),
                                          ("kurator", "/pool"), ("kurator.s012", "/practices/region")])
def test_every_regional_form_survives_bad_values(region_app, login, start):
    client = region_app.test_client()
    assert client.post("/login", data={"login": login, "password": demo.DEMO_PASSWORD}).status_code == 302
    forms = _crawl(client, start=start)
    assert send_bad_values(client, forms, login) > 0


def test_the_demo_region_shows_figures_to_both_regional_roles(region_app):
    for login in ("region.admin", "region.method"):
        client = region_app.test_client()
        client.post("/login", data={"login": login, "password": demo.DEMO_PASSWORD})
        page = client.get("/region?year=2025").get_data(as_text=True)
        assert "МБОУ «СОШ № 7»" in page and "г. Ижевск" in page and "Итого по региону" in page
    schools = client.get("/region/schools")
    assert schools.status_code == 403  # the methodologist
