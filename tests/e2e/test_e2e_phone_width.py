"""Every page every role can reach, at a phone's width (375 px): nothing scrolls sideways.

The walk (tests/page_walk.py) starts from every GET route without parameters the role may open and
follows links to one page of every route with parameters (a pair, a person, a news item … of the
demo school). A page fails when the document is wider than the viewport; the message names the
elements that stick out. The pages measured are printed (run with -s to see them).
"""
from __future__ import annotations

import pytest
from playwright.sync_api import Error as PlaywrightError, expect

from tests.page_walk import DEMO_ROLES, walk
from webapp import create_app

PHONE = {"width": 375, "height": 740}

# Elements wider than the viewport that are not inside a scrolling or clipping box: the culprits
# ("busy" while an htmx request is in flight: its answer could still change the width).
OVERFLOW = """() => {
  if (document.querySelector(".htmx-request")) return "busy";
  const doc = document.documentElement;
  if (doc.scrollWidth <= doc.clientWidth) return null;
  const limit = doc.clientWidth + 1;
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o !== "visible") return true;
    }
    return false;
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  const culprits = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.right > limit && box.width > 0 && !clipped(el)) {
      const inner = [...el.children].some((c) => c.getBoundingClientRect().right > limit);
      if (!inner) culprits.push(`${name(el)} (right edge ${Math.round(box.right)} px): ` +
                                 (el.innerText || el.outerHTML).trim().slice(0, 60));
    }
  }
  return {scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, culprits: culprits.slice(0, 8)};
}"""


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": PHONE, "locale": "ru-RU"}


@pytest.fixture(scope="module")
def routes_app(tmp_path_factory):
    """An app object for its URL map and access rules only (the pages come from the served demo)."""
    folder = tmp_path_factory.mktemp("routes")
    return create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{folder / 'unused.sqlite3'}",
                       "SECRET_KEY": "routes"}, instance_path=str(folder / "instance"))


@pytest.mark.parametrize("role", list(DEMO_ROLES))
def test_no_page_scrolls_sideways_at_375_px(page, server, login, routes_app, role):
    login(DEMO_ROLES[role])
    problems = {}

    def fetch(path):
        try:
            response = page.goto(f"{server}{path}")
        except PlaywrightError as error:  # a file the walk did not know for one answers as a download
            if "Download is starting" in str(error):
                return None
            raise
        if response is None or "text/html" not in (response.headers.get("content-type") or ""):
            return None
        # goto() returned at the load event: styles and images are in, and no page fetches more on load
        # (no hx-trigger="load"); only htmx requests still in flight (none expected) could change the width.
        found = page.evaluate(OVERFLOW)
        while found == "busy":
            page.wait_for_function("() => !document.querySelector('.htmx-request')")
            found = page.evaluate(OVERFLOW)
        if found:
            problems[path] = found
        return response.text()  # the page as served: the walk follows its links

    visited = walk(routes_app, {role}, fetch)
    print(f"\n{role}: {len(visited)} pages measured at 375 px: {' '.join(visited)}")
    assert len(visited) >= 10
    assert not problems, "pages wider than the phone:\n" + "\n".join(
        f"{path}: {p['scrollWidth']} px > {p['clientWidth']} px; " + "; ".join(p["culprits"])
        for path, p in problems.items())


def test_the_menu_folds_into_a_button_on_a_phone_and_opens_without_javascript(browser, server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/login")
    page.get_by_label("Логин").fill("kurator")
    page.get_by_label("Пароль").fill("demo2026")
    page.get_by_role("button", name="Войти").click()
    nav = page.get_by_role("navigation", name="Разделы")
    expect(nav).to_be_hidden()
    page.locator("label.menu-button").click()
    expect(nav).to_be_visible()
    nav.get_by_text("Пары", exact=True).click()
    nav.get_by_role("link", name="Пары и программы").click()
    expect(page).to_have_url(f"{server}/pairs")
    context.close()


def test_a_table_becomes_cards_with_labels_and_actions_on_a_phone(page, server, login):
    login("kurator")
    page.goto(f"{server}/users")
    row = page.locator("#users-table tbody tr").first
    cells = row.locator("td")
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"] - 1, "cells of a row are stacked, not side by side"
    assert cells.nth(1).get_attribute("data-label"), "each cell is labelled with its column"
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
