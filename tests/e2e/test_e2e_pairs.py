"""The coordinator's matching in a real browser: run, read an explanation, confirm pairs, download the
order; then the mentor sees the pair and logs a meeting."""
from __future__ import annotations

import re

from docx import Document
from playwright.sync_api import expect

from webapp.demo import people


def _mentor_name() -> str:
    return next(p["full_name"] for p in people() if "mentor" in p["roles"] and p["category"] == "teacher")


def _names(card) -> tuple[str, str]:
    """(mentor, mentee) of a card's proposal."""
    return (card.locator(".proposal strong").first.inner_text().strip(),
            card.locator("h2 a").inner_text().strip())


def test_coordinator_reviews_cards_approves_and_the_mentor_logs_a_meeting(page, server, login, tmp_path):
    mentor_name = _mentor_name()
    login("kurator")
    page.goto(f"{server}/matching")
    # the demo school must have people in the banks (questionnaires and consents of the demo)
    expect(page.get_by_text(re.compile(r"В банке: наставников — [1-9]"))).to_be_visible()
    # a preset in words; the numbers wait under «Дополнительно»
    expect(page.locator("#w_problems")).to_be_hidden()
    page.get_by_label("Главное — запросы").check()
    page.get_by_role("button", name="Запустить подбор").click()
    # the run encodes the demo's texts with the sentence encoder first (about 25-130 ms a text on one
    # core, more on a loaded machine): wait for it as a coordinator would, up to two minutes
    expect(page.get_by_role("link", name="Утвердить все предложенные")).to_be_visible(timeout=120_000)
    expect(page.locator("[data-preset]")).to_have_text("Главное — запросы")
    expect(page.locator(".mentee-card li[data-reason]").first).to_be_visible()

    # approve all (a confirmation page first), then undo it
    page.get_by_role("link", name="Утвердить все предложенные").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Утвердить все предложенные пары?")
    page.get_by_role("button", name="Да, утвердить").click()
    expect(page.locator(".bulk-actions")).to_contain_text("одним действием")
    page.locator(".bulk-actions").get_by_role("button", name="Отменить утверждение").click()
    expect(page.get_by_text(re.compile("Утверждение отменено: .* снова ждут решения"))).to_be_visible()
    expect(page.locator(".mentee-card[data-state=approved]")).to_have_count(0)

    # the demo mentor: approve his proposal, or choose him among a mentee's other candidates
    review = page.url.split("?")[0]
    page.goto(f"{review}?show=waiting&q={mentor_name}")
    card = page.locator(".mentee-card[data-state=waiting]").first
    mentee_id = card.get_attribute("id")
    if mentor_name in card.locator(".proposal strong").first.inner_text():
        card.get_by_role("button", name="Утвердить").click()
    else:
        card.get_by_role("link", name="Выбрать другого").click()
        choice = card.locator(".alternative").filter(has_text=mentor_name).first
        expect(choice).to_be_visible()
        choice.get_by_role("button", name="Выбрать").click()
    card = page.locator(f"#{mentee_id}")
    expect(card).to_have_attribute("data-state", "approved")
    expect(card).to_contain_text("утверждена")
    first = _names(card)
    assert first[0] == mentor_name

    # another mentee's proposal, approved from its card
    page.goto(f"{review}?show=waiting")
    other = (page.locator(".mentee-card[data-state=waiting]").filter(has=page.locator(".proposal"))
             .filter(has_not_text=mentor_name).first)
    other_id = other.get_attribute("id")
    second = _names(other)
    other.get_by_role("button", name="Утвердить").click()
    expect(page.locator(f"#{other_id}")).to_have_attribute("data-state", "approved")

    # the order lists exactly the confirmed pairs
    page.goto(f"{server}/pairs/order")
    page.get_by_label("Номер приказа").fill("77-н")
    with page.expect_download() as info:
        page.get_by_role("button", name="Сформировать приказ (DOCX)").click()
    path = tmp_path / "order.docx"
    info.value.save_as(path)
    document = Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "О закреплении наставнических пар (групп)" in text and "№ 77-н" in text
    # a pupil's cell carries the class too: «Андреева Юлия Михайловна, 5 «Б» класс»
    listed = {(r.cells[1].text.split(", ")[0], r.cells[2].text.split(", ")[0]) for t in document.tables
              for r in t.rows[1:]}
    assert listed == {first, second}

    # the mentor sees the pair and logs a meeting
    page.get_by_role("button", name="Выйти").click()
    login("mentor")
    page.goto(f"{server}/pairs")
    page.locator("#pairs-table tr", has_text=first[1]).get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(first[1])
    page.get_by_label("Тема встречи").fill("Первая встреча: знакомство и запрос")
    page.get_by_label("Итог встречи").fill("Договорились о плане")
    page.get_by_role("button", name="Записать встречу").click()
    expect(page.locator("#group-panel")).to_contain_text("Встреча записана в журнал.")
    expect(page.locator("#meetings")).to_contain_text("Первая встреча: знакомство и запрос")
