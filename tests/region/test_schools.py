"""The regional administrator sets schools up: requisites, municipality, the school's administrator with
an invitation link, each school's status; bad input answers in Russian and saves nothing."""
from __future__ import annotations

import re

from tests.conftest import text
from webapp.models import Organisation, User

GOOD = {"name": "Муниципальное бюджетное общеобразовательное учреждение «Основная школа с. Италмас»",
        "short_name": "МБОУ «ООШ с. Италмас»", "municipality": "Завьяловский район",
        "address": "427000, Удмуртская Республика, с. Италмас, ул. Школьная, д. 3", "head_position": "Директор",
        "head_name": "Петрова  Галина Ивановна", "inn": "1841000001", "ogrn": "",
        "admin_full_name": "Семёнов Илья Андреевич", "admin_email": "semenov@italmas.example"}


def test_the_regional_admin_creates_a_school_and_its_admin_accepts_the_invitation(app, school, region, login_as):
    client = login_as("region.admin")
    response = client.post("/region/schools/new", data=GOOD)
    assert response.status_code == 200
    page = text(response)
    assert "/invite/" in page and "semenov" not in page  # the link, never the login
    with app.app_context():
        new = Organisation.get(Organisation.short_name == GOOD["short_name"])
        assert new.region_id == region["region"].id and new.municipality == "Завьяловский район"
        assert new.head_name == "Петрова Галина Ивановна" and new.kind == "school"
        admin = User.get(User.organisation == new)
        assert admin.role_set == {"admin"} and admin.password_hash is None
    path = re.search(r'value="https?://localhost(/invite/[^"]+)"', page).group(1)
    invited = app.test_client()
    assert invited.post(path, data={"password": "Ital-mas-2026!", "confirm": "Ital-mas-2026!"}).status_code in (302, 303)
    statuses = text(client.get("/region/schools"))
    assert GOOD["short_name"].replace("«", "&laquo;") in statuses or "ООШ с. Италмас" in statuses
    assert "Семёнов" not in statuses


def test_the_school_list_shows_status_in_numbers_only(app, school, region, login_as):
    page = text(login_as("region.admin").get("/region/schools"))
    assert "Школа 1" in page and "Лицей 2" in page and "Далёкая" not in page
    assert "<5" not in page or "&lt;5" in page
    for person in ("Админов", "Кураторова", "Учеников", "kurator"):
        assert person not in page


def test_bad_input_is_refused_in_russian_and_nothing_is_saved(app, school, region, login_as):
    client = login_as("region.admin")
    cases = {
        "name": ("", "Укажите полное наименование"),
        "short_name": ("Ш" * 121, "Не длиннее 120 символов"),
        "inn": ("12ab", "ИНН — 10 или 12 цифр"),
        "admin_full_name": ("", "Укажите ФИО администратора"),
        "admin_email": ("not-an-address", "Адрес электронной почты указан неверно"),
        "municipality": ("М" * 201, "Не длиннее 200 символов"),
    }
    with app.app_context():
        before = Organisation.select().count(), User.select().count()
    for key, (value, message) in cases.items():
        response = client.post("/region/schools/new", data={**GOOD, key: value})
        assert response.status_code == 400, key
        assert message in text(response), key
    duplicate = client.post("/region/schools/new", data={**GOOD, "short_name": "Школа 1"})
    assert duplicate.status_code == 400 and "уже есть школа «Школа 1»" in text(duplicate)
    with app.app_context():
        assert (Organisation.select().count(), User.select().count()) == before


def test_forged_and_other_regions_school_ids_do_not_exist(app, school, region, login_as):
    client = login_as("region.admin")
    far_id = region["far_school"].id
    centre_id = region["centre"].id
    for school_id in (far_id, centre_id, school["mentee"].id + 100000):
        assert client.get(f"/region/schools/{school_id}/edit").status_code == 404
        assert client.post(f"/region/schools/{school_id}/invite").status_code == 404
    assert client.get("/region/schools/abc/edit").status_code == 404


def test_editing_requisites_keeps_what_was_typed_on_error(app, school, region, login_as):
    client = login_as("region.admin")
    org_id = school["org"].id
    bad = client.post(f"/region/schools/{org_id}/edit", data={**GOOD, "ogrn": "123", "short_name": "Школа 1"})
    assert bad.status_code == 400 and "ОГРН" in text(bad) and GOOD["address"] in text(bad)
    good = client.post(f"/region/schools/{org_id}/edit", data={**GOOD, "short_name": "Школа 1"})
    assert good.status_code == 303
    with app.app_context():
        assert Organisation.get_by_id(org_id).municipality == "Завьяловский район"


def test_a_new_invitation_only_while_the_admin_has_no_password(app, school, region, login_as):
    client = login_as("region.admin")
    refused = client.post(f"/region/schools/{school['org'].id}/invite", follow_redirects=True)
    assert "уже задал пароль" in text(refused)


def test_the_far_regions_admin_cannot_touch_this_regions_schools(app, school, region, login_as):
    client = login_as("far.admin")
    assert client.get(f"/region/schools/{school['org'].id}/edit").status_code == 404
    assert "Школа 1" not in text(client.get("/region/schools"))
