"""The administrator replaces the order template with an edited copy in a real browser and downloads
an order made with it; then restores the default."""
from __future__ import annotations

from io import BytesIO

from docx import Document
from playwright.sync_api import expect

from webapp.documents.registry import builtin_bytes


def _edited_template(path) -> None:
    document = Document(BytesIO(builtin_bytes("pairing_order")))
    for paragraph in document.paragraphs:
        if paragraph.text == "ПРИКАЗ":
            paragraph.runs[0].text = "ПРИКАЗ ПО ШКОЛЕ № 7"
    document.add_paragraph("Исполнитель: {{ curator.initials }}, {{ org.address }}")
    document.save(path)


def test_administrator_replaces_the_order_template_and_downloads_an_order(page, server, login, tmp_path):
    template = tmp_path / "moy_prikaz.docx"
    _edited_template(template)
    login("admin")
    page.goto(f"{server}/documents")
    card = page.locator("#template-pairing_order")
    expect(card.get_by_text("Используется шаблон по умолчанию.")).to_be_visible()

    # a template with an unknown field is refused with its name
    bad = tmp_path / "bad.docx"
    document = Document(template)
    document.add_paragraph("{{ order.numbr }}")
    document.save(bad)
    card.get_by_label("Шаблон Word (.docx)").set_input_files(str(bad))
    card.get_by_role("button", name="Загрузить шаблон").click()
    card = page.locator("#template-pairing_order")
    expect(card.get_by_text("Шаблон не принят")).to_be_visible()
    expect(card.locator("code", has_text="order.numbr")).to_be_visible()

    card.get_by_label("Шаблон Word (.docx)").set_input_files(str(template))
    card.get_by_role("button", name="Загрузить шаблон").click()
    expect(page.get_by_text("загружен и будет использоваться")).to_be_visible()
    expect(page.locator("#template-pairing_order").get_by_text("Используется шаблон школы «moy_prikaz.docx»")
           ).to_be_visible()

    # last year's order of the demo school, made again with the school's template
    with page.expect_download() as info:
        page.get_by_role("link", name="Приказ «О закреплении наставнических пар (групп)» № 40-о").click()
    path = tmp_path / "order.docx"
    info.value.save_as(path)
    text = "\n".join(p.text for p in Document(path).paragraphs)
    assert "ПРИКАЗ ПО ШКОЛЕ № 7" in text
    assert "Исполнитель: И.Г. Белова, 426000, Удмуртская Республика, г. Ижевск, ул. Школьная, д. 7" in text
    assert "на куратора программы наставничества заместителя директора по учебно-воспитательной работе " \
           "Белову Ирину Геннадьевну." in text
    assert "Директор\t____________\tЛ.Н. Кравцова" in text

    page.locator("#template-pairing_order").get_by_role("button", name="Восстановить шаблон по умолчанию").click()
    expect(page.get_by_text("Восстановлен шаблон по умолчанию")).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("link", name="Приказ «О закреплении наставнических пар (групп)» № 40-о").click()
    info.value.save_as(path)
    assert "ПРИКАЗ ПО ШКОЛЕ" not in "\n".join(p.text for p in Document(path).paragraphs)
