"""Orders as records: the pairs they list by reference, numbering per school year, the
«ознакомлены» list and the signature, read back with python-docx."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import text
from tests.documents.helpers import assert_official_layout, make_pair, paragraphs, pupil, table_rows
from tests.factories import make_user
from webapp.models import MentoringGroup, OrderGroup, Organisation, PairingOrder
from webapp.models.mentoring import ENDED


@pytest.fixture
def coordinator(school, auth):
    auth.login("kurator")
    return auth.client


def issue(client, signed_on: str, number: str | None = None, groups=()):
    data = {"signed_on": signed_on, "basis": "Положением о системе наставничества"}
    data["number"] = number or ""  # empty: the next number of the order's school year
    data["group"] = [str(g.id) for g in groups]
    return client.post("/pairs/order", data=data)


def test_an_order_lists_exactly_its_pairs_not_last_years_ended_one(coordinator, school):
    org = school["org"]
    old = make_pair(org, school["mentor"], school["both"], started_on=dt.date(2025, 9, 20))
    response = issue(coordinator, "2025-10-01", groups=[old])
    assert response.status_code == 200
    last_year = PairingOrder.get()
    assert (last_year.number, last_year.school_year, last_year.sequence) == ("1-о", 2025, 1)
    MentoringGroup.update(status=ENDED, ended_on=dt.date(2026, 5, 31)).where(MentoringGroup.id == old.id).execute()

    teacher = make_user(org, "young", ["mentee"], full_name="Черных Анна Петровна", position="учитель истории")
    child = pupil(org, "girl", "Волкова Наталья Юрьевна", "6Б", representative="Волкова Ирина Петровна")
    new_one = make_pair(org, school["mentor"], teacher)
    new_two = make_pair(org, school["mentor"], child, form="student_student")
    response = issue(coordinator, "2026-10-01")  # the default number: the first of the new school year
    assert response.status_code == 200
    order = PairingOrder.select().order_by(PairingOrder.id.desc()).get()
    assert (order.number, order.school_year, order.sequence) == ("1-о", 2026, 1)
    assert {link.group_id for link in OrderGroup.select().where(OrderGroup.order == order)} == {new_one.id, new_two.id}

    data = coordinator.get(f"/pairs/orders/{order.id}.docx").data
    assert_official_layout(data)
    body, rows = paragraphs(data), table_rows(data)
    listed = [(r[1], r[2]) for r in rows[1:]]
    assert listed == [("Наставникова Анна Сергеевна", "Черных Анна Петровна"),
                      ("Наставникова Анна Сергеевна", "Волкова Наталья Юрьевна, 6 «Б» класс")]
    assert "Реверсов" not in body + str(rows)  # last year's ended pair is not in this year's order
    assert "1 октября 2026 г.\t№ 1-о" in body
    assert "в 2026/2027 учебном году" in body and "(2 пары или группы)" in body
    assert "на куратора программы наставничества Кураторову Ирину Петровну." in body
    assert "Директор\t____________\tЛ.Н. Директорова" in body
    acquainted = body.split("С приказом ознакомлены:")[1].strip().splitlines()
    lines = [line for line in acquainted if "__________\t" in line]
    assert lines == ["Куратор\t__________\tИ.П. Кураторова",
                     "Наставник\t__________\tА.С. Наставникова",  # once, though she mentors both pairs
                     "Наставляемый\t__________\tА.П. Черных",
                     "Законный представитель обучающейся 6 «Б» класса Н.Ю. Волковой\t__________\tИ.П. Волкова"]
    for line in body.splitlines():  # blanks only where people sign and date by hand
        if "____" in line:
            assert line.startswith(("Директор\t", "«___»")) or "\t__________\t" in line, line

    # last year's order still lists only its own pair
    old_rows = table_rows(coordinator.get(f"/pairs/orders/{last_year.id}.docx").data)
    assert [(r[1], r[2]) for r in old_rows[1:]] == [("Наставникова Анна Сергеевна", "Реверсов Илья Олегович")]


def test_numbers_follow_the_pattern_and_restart_each_school_year(coordinator, school):
    org = school["org"]
    Organisation.update(order_number_pattern="{n}/{yy}-н").where(Organisation.id == org.id).execute()
    for index, day in enumerate(("2026-09-10", "2026-12-01", "2027-09-02")):
        mentee = make_user(org, f"m{index}", ["mentee"], full_name=f"Иванов Иван Иванович{'' if index else ''}")
        make_pair(org, school["mentor"], mentee, started_on=dt.date.fromisoformat(day))
        assert issue(coordinator, day).status_code == 200
    numbers = [o.number for o in PairingOrder.select().order_by(PairingOrder.id)]
    assert numbers == ["1/26-н", "2/26-н", "1/27-н"]


def test_the_same_number_twice_in_a_school_year_is_refused(coordinator, school):
    org = school["org"]
    make_pair(org, school["mentor"], school["both"])
    assert issue(coordinator, "2026-10-01", number="7-о").status_code == 200
    make_pair(org, school["mentor"], school["mentee"])
    response = issue(coordinator, "2026-10-02", number="7-о")
    assert response.status_code == 400 and "Приказ № 7-о уже есть" in text(response)
    assert PairingOrder.select().count() == 1


def test_an_order_of_another_school_is_404(coordinator, school):
    other = PairingOrder.create(organisation=school["other_org"], number="1", signed_on=dt.date(2026, 9, 1),
                                school_year=2026)
    assert coordinator.get(f"/pairs/orders/{other.id}.docx").status_code == 404
    assert coordinator.get("/pairs/orders/99999999999999999999.docx").status_code == 404
