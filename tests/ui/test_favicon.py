"""The site icon: our own SVG, linked from every page and also answered at /favicon.ico."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tests.conftest import text


def test_favicon_is_served_to_anyone_at_the_address_browsers_ask_for(client, school):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    svg = ET.fromstring(response.data)
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("viewBox") == "0 0 64 64"
    assert response.data == client.get("/static/favicon.svg").data


def test_every_page_links_the_icon(client, school):
    page = text(client.get("/login"))
    assert re.search(r'<link rel="icon" href="/static/favicon\.svg\?v=[0-9a-f]{12}" type="image/svg\+xml">', page)
