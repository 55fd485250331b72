"""Building people and organisations for tests (real rows in the real database)."""
from __future__ import annotations

from werkzeug.security import generate_password_hash

from webapp.models import Organisation, User

PASSWORD = "correct-horse-1"
# Real scrypt, at a lower work factor than the application's (n=2**10 instead of 2**15): every test signs
# in at least once, and checking the application's hash took a third of a simple test's time (2**12 still
# took 10 ms a sign-in). The check reads the parameters from the stored hash, so signing in runs the same
# code as in production.
TEST_HASH_METHOD = "scrypt:1024:8:1"
_HASH = {}


def password_hash() -> str:
    if "h" not in _HASH:
        _HASH["h"] = generate_password_hash(PASSWORD, method=TEST_HASH_METHOD)
    return _HASH["h"]


def make_user(org, login, roles, *, full_name=None, category="teacher", class_name="", subjects="", active=True,
              position=""):
    user = User.create(organisation=org, login=login, full_name=full_name or login.capitalize(),
                       category=category, class_name=class_name, subjects=subjects, position=position,
                       password_hash=password_hash(), is_active=active)
    user.set_roles(roles)
    return user


SCHOOL_NAMES = {"org": "Школа № 1", "other_org": "Лицей № 2"}
SCHOOL_LOGINS = {"admin": "admin", "kurator": "kurator", "mentor": "mentor", "mentee": "mentee", "both": "both",
                 "other_kurator": "other.kurator", "other_mentee": "other.mentee"}


def make_school() -> dict:
    """Two organisations with a coordinator, mentors and mentees each (``SCHOOL_LOGINS``)."""
    school = Organisation.create(name=SCHOOL_NAMES["org"], short_name="Школа 1")
    other = Organisation.create(name=SCHOOL_NAMES["other_org"], short_name="Лицей 2")
    people = {
        "org": school,
        "other_org": other,
        "admin": make_user(school, "admin", ["admin"], full_name="Админов Админ Админович"),
        "kurator": make_user(school, "kurator", ["coordinator"], full_name="Кураторова Ирина Петровна"),
        "mentor": make_user(school, "mentor", ["mentor"], full_name="Наставникова Анна Сергеевна", subjects="математика"),
        "mentee": make_user(school, "mentee", ["mentee"], full_name="Учеников Пётр Иванович",
                            category="student", class_name="7Б"),
        "both": make_user(school, "both", ["mentor", "mentee"], full_name="Реверсов Илья Олегович"),
        "other_kurator": make_user(other, "other.kurator", ["coordinator"], full_name="Чужая Кураторша"),
        "other_mentee": make_user(other, "other.mentee", ["mentee"], full_name="Чужой Ученик",
                                  category="student", class_name="8А"),
    }
    Organisation.update(head_name="Директорова Людмила Николаевна", head_position="Директор",
                        address="426000, г. Ижевск, ул. Школьная, д. 1",
                        curator=people["kurator"]).where(Organisation.id == school.id).execute()
    people["org"] = Organisation.get_by_id(school.id)
    return people


def school_in_database() -> dict:
    """What ``make_school()`` returned, read back from a database it filled."""
    organisations = {o.name: o for o in Organisation.select().where(Organisation.name.in_(list(SCHOOL_NAMES.values())))}
    users = {u.login: u for u in User.select().where(User.login.in_(list(SCHOOL_LOGINS.values())))}
    return {**{key: organisations[name] for key, name in SCHOOL_NAMES.items()},
            **{key: users[login] for key, login in SCHOOL_LOGINS.items()}}
