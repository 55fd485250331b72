"""The coordinator's user list, account creation, deactivation, organisation isolation."""
from __future__ import annotations

from tests.conftest import text
from tests.factories import make_user
from webapp.models import AuditEvent, User


def test_list_search_is_case_insensitive_for_cyrillic(as_coordinator, school):
    page = text(as_coordinator.get("/users?q=НАСТАВНИКОВА"))
    assert "Наставникова Анна Сергеевна" in page
    assert "Учеников Пётр Иванович" not in page


def test_list_never_shows_another_organisation(as_coordinator, school):
    page = text(as_coordinator.get("/users?q=Чуж"))
    assert "Чужой Ученик" not in page and "Найдено: 0" in page


def test_htmx_request_gets_only_the_table(as_coordinator, school):
    response = as_coordinator.get("/users?role=mentee", headers={"HX-Request": "true"})
    body = text(response)
    assert body.lstrip().startswith('<div id="users-table">') and "<html" not in body
    assert "Учеников Пётр Иванович" in body and "Наставникова" not in body
    assert "HX-Request" in response.headers["Vary"]
    full = as_coordinator.get("/users?role=mentee")
    assert "<html" in text(full) and "HX-Request" in full.headers["Vary"]


def test_filters_and_pagination(app, as_coordinator, school):
    for n in range(25):
        make_user(school["org"], f"pupil{n:02d}", ["mentee"], full_name=f"Ученица {n:02d}",
                  category="student", class_name="5А")
    first = text(as_coordinator.get("/users?class_name=5А"))
    assert "Найдено: 25" in first and "Страница 1 из 2" in first
    second = text(as_coordinator.get("/users?class_name=5А&page=2"))
    assert "Ученица 24" in second and "Ученица 00" not in second
    # out-of-range and wrong-type values fall back instead of failing
    assert as_coordinator.get("/users?page=999").status_code == 200
    assert as_coordinator.get("/users?page=abc&role=hacker&status=<b>").status_code == 200
    invited = text(as_coordinator.get("/users?status=inactive"))
    assert "Найдено: 0" in invited


def test_create_account_gives_an_invitation_link(as_coordinator, school):
    response = as_coordinator.post("/users/new", data={
        "full_name": "Смирнова Ольга Игоревна", "category": "teacher", "position": "учитель химии",
        "subjects": "химия; биология", "email": "olga@example.ru", "roles": ["mentor", "mentee"]})
    assert response.status_code == 200
    body = text(response)
    assert "Участник добавлен" in body and "/invite/" in body
    user = User.get(User.full_name == "Смирнова Ольга Игоревна")
    assert user.login == "smirnova.oi" and user.role_set == {"mentor", "mentee"}
    assert user.organisation_id == school["org"].id and user.password_hash is None
    assert user.subject_list == ["химия", "биология"]


def test_create_account_bad_input(as_coordinator, school):
    before = User.select().count()
    cases = [
        ({"full_name": "", "category": "teacher", "roles": ["mentor"]}, "Укажите ФИО."),
        ({"full_name": "Я" * 201, "category": "teacher", "roles": ["mentor"]}, "ФИО не длиннее 200 символов."),
        ({"full_name": "Иванов", "category": "alien", "roles": ["mentor"]}, "Неверный вариант."),
        ({"full_name": "Иванов", "category": "student", "roles": ["mentee"]}, "укажите класс"),
        ({"full_name": "Иванов", "category": "student", "class_name": "15Я", "roles": ["mentee"]}, "Класс указан неверно"),
        ({"full_name": "Иванов", "category": "teacher", "roles": []}, "Выберите хотя бы одну роль."),
        ({"full_name": "Иванов", "category": "teacher", "roles": ["boss"]}, "Неизвестная роль."),
        ({"full_name": "Иванов", "category": "teacher", "roles": ["mentor"], "login": "mentor"}, "уже занят"),
        ({"full_name": "Иванов", "category": "teacher", "roles": ["mentor"], "login": "Плохой логин"}, "Логин: от 3 до 64"),
        ({"full_name": "Иванов", "category": "teacher", "roles": ["mentor"], "email": "not-an-email"}, "электронной почты"),
    ]
    for data, message in cases:
        response = as_coordinator.post("/users/new", data=data)
        assert response.status_code == 400, data
        assert message in text(response), (data, text(response)[-1500:])
    assert User.select().count() == before


def test_coordinator_cannot_grant_admin_or_coordinator(as_coordinator, school):
    response = as_coordinator.post("/users/new", data={"full_name": "Хакеров", "category": "teacher", "roles": ["admin"]})
    assert response.status_code == 400 and "Эту роль вы назначить не можете." in text(response)
    assert not User.select().where(User.full_name == "Хакеров").exists()


def test_deactivate_and_activate(as_coordinator, school):
    mentee = school["mentee"]
    response = as_coordinator.post(f"/users/{mentee.id}/deactivate", data={"confirmed": "1"})
    assert response.status_code == 303
    assert not User.get_by_id(mentee.id).is_active
    assert AuditEvent.select().where(AuditEvent.action == "account_deactivated").count() == 1
    as_coordinator.post(f"/users/{mentee.id}/activate")
    assert User.get_by_id(mentee.id).is_active


def test_coordinator_cannot_deactivate_self_or_admin(as_coordinator, school):
    assert as_coordinator.post(f"/users/{school['kurator'].id}/deactivate").status_code == 403
    assert as_coordinator.post(f"/users/{school['admin'].id}/deactivate").status_code == 403
    assert User.get_by_id(school["admin"].id).is_active


def test_other_organisation_and_forged_ids_are_404(as_coordinator, school):
    other = school["other_mentee"]
    for method, url in [("get", f"/users/{other.id}"), ("post", f"/users/{other.id}/deactivate"),
                        ("post", f"/users/{other.id}/invitation"), ("get", "/users/999999")]:
        assert getattr(as_coordinator, method)(url).status_code == 404
    assert User.get_by_id(other.id).is_active
    assert as_coordinator.get("/users/abc").status_code == 404
    assert as_coordinator.get("/users/99999999999999999999").status_code == 404  # past any id column


def test_reissued_invitation_is_shown(as_coordinator, school):
    User.update(password_hash=None).where(User.id == school["mentee"].id).execute()  # never signed in
    response = as_coordinator.post(f"/users/{school['mentee'].id}/invitation")
    assert response.status_code == 200 and "/invite/" in text(response)


def test_list_sorts_names_as_a_class_register_does(as_coordinator, school):
    """Case does not matter and «ё» sorts as «е» (Ёжиков between Егоров and Жуков)."""
    for login, name in (("zh", "Жуков Пётр"), ("yo", "Ёжиков Илья"), ("ye", "егоров Олег"), ("ya", "Яковлев Ян")):
        make_user(school["org"], login, ["mentee"], full_name=name, category="student", class_name="5А")
    page = text(as_coordinator.get("/users?q=&role=mentee&class_name=5А"))
    positions = [page.index(n) for n in ("егоров Олег", "Ёжиков Илья", "Жуков Пётр", "Яковлев Ян")]
    assert positions == sorted(positions)
    assert User.get(User.login == "yo").name_key == "ежиков илья"
