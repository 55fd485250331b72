"""The demo school: a realistic Russian school with mentors, mentees and a coordinator.

Deterministic (fixed random seed), so screenshots and tests see the same people every time.
"""
from __future__ import annotations

import datetime as dt
import random

from webapp.db import database
from webapp.models import Organisation, User
from webapp.models.user import PASSWORD_METHOD
from webapp.plurals import plural
from webapp.russian import count
from flask_babel import gettext as _

DEMO_PASSWORD = "demo2026"
DEMO_LOGINS = [
    ("admin", "администратор"),
    ("kurator", "куратор"),
    ("mentor", "наставник"),
    ("mentee", "наставляемый"),
    ("novichok", "наставляемый без анкеты"),
]

MALE_SURNAMES = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
                 "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
                 "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
                 "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв"]
MALE_NAMES = ["Александр", "Дмитрий", "Максим", "Сергей", "Андрей", "Алексей", "Артём", "Илья", "Кирилл",
              "Михаил", "Никита", "Матвей", "Роман", "Егор", "Иван", "Тимофей", "Павел", "Глеб"]
FEMALE_NAMES = ["Анна", "Мария", "Елена", "Ольга", "Наталья", "Екатерина", "Татьяна", "Ирина", "Светлана",
                "Анастасия", "Дарья", "Полина", "Виктория", "Ксения", "София", "Алиса", "Вера", "Юлия"]
PATRONYMIC_ROOTS = ["Александров", "Сергеев", "Андреев", "Викторов", "Николаев", "Петров", "Иванов",
                    "Михайлов", "Владимиров", "Юрьев", "Олегов", "Дмитриев"]

SUBJECTS = ["математика", "русский язык", "литература", "физика", "химия", "биология", "история",
            "обществознание", "география", "информатика", "английский язык", "физическая культура",
            "музыка", "изобразительное искусство", "технология", "начальные классы"]

EMPLOYERS = [("ведущий инженер", "АО «Уралэнергомаш»"), ("руководитель отдела разработки", "ООО «Цифровые решения»"),
             ("врач-терапевт", "ГБУЗ «Городская больница № 2»"), ("главный бухгалтер", "ПАО «Региональный банк»")]
UNIVERSITIES = ["педагогический университет, 4 курс", "технический университет, 3 курс",
                "медицинский университет, 5 курс", "экономический колледж, 3 курс", "педагогический университет, 2 курс"]


def _person(rng: random.Random) -> str:
    surname = rng.choice(MALE_SURNAMES)
    root = rng.choice(PATRONYMIC_ROOTS)
    if rng.random() < 0.6:
        return f"{surname}а {rng.choice(FEMALE_NAMES)} {root}на"
    return f"{surname} {rng.choice(MALE_NAMES)} {root}ич"


def people(seed: int = 7) -> list[dict]:
    """The demo school's participants as plain dicts (also used by tests and benchmarks)."""
    rng = random.Random(seed)
    used: set[str] = set()

    def unique_name() -> str:
        while True:
            name = _person(rng)
            if name not in used:
                used.add(name)
                return name

    result = []
    for _n in range(14):  # experienced teachers
        subject = rng.choice(SUBJECTS)
        result.append(dict(full_name=unique_name(), category="teacher", roles=["mentor"],
                           position=f"учитель ({subject}), стаж {count(rng.randint(12, 35), 'год', 'года', 'лет')}",
                           subjects=[subject] + ([rng.choice(SUBJECTS)] if rng.random() < 0.3 else [])))
    for _n in range(8):  # senior students
        subject = rng.choice(SUBJECTS[:11])
        result.append(dict(full_name=unique_name(), category="student", roles=["mentor"],
                           class_name=f"{rng.choice([10, 11])}{rng.choice('АБ')}", subjects=[subject]))
    for _n in range(5):  # university students
        result.append(dict(full_name=unique_name(), category="university_student", roles=["mentor"],
                           position=rng.choice(UNIVERSITIES), subjects=[rng.choice(SUBJECTS[:11])]))
    for post, company in EMPLOYERS:
        result.append(dict(full_name=unique_name(), category="employer", roles=["mentor"],
                           position=f"{post}, {company}", subjects=[]))
    for index in range(12):  # young teachers (two of them also mentor in reverse mentoring on IT)
        subject = rng.choice(SUBJECTS)
        roles = ["mentee", "mentor"] if index < 2 else ["mentee"]
        result.append(dict(full_name=unique_name(), category="teacher", roles=roles,
                           position=f"учитель ({subject}), молодой специалист, стаж {count(rng.randint(0, 3), 'год', 'года', 'лет')}",
                           subjects=[subject]))
    classes = [f"{n}{letter}" for n in (5, 6, 7, 8, 9) for letter in "АБ"]
    for index in range(80):  # students of several classes
        result.append(dict(full_name=unique_name(), category="student", roles=["mentee"],
                           class_name=classes[index % len(classes)],
                           subjects=rng.sample(SUBJECTS[:11], k=rng.choice([1, 1, 2]))))
    return result


def load() -> str:
    from werkzeug.security import generate_password_hash
    from webapp.users.accounts import suggest_login

    password_hash = generate_password_hash(DEMO_PASSWORD, method=PASSWORD_METHOD)
    with database.atomic():
        org = Organisation.create(
            name="Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 7»",
            short_name="МБОУ «СОШ № 7»", kind="school", head_name="Кравцова Людмила Николаевна",
            head_position="Директор", address="426000, Удмуртская Республика, г. Ижевск, ул. Школьная, д. 7",
            inn="1831000007", ogrn="1021801000007")

        def add(login, full_name, category, roles, **fields):
            user = User.create(organisation=org, login=login, full_name=full_name, category=category,
                               password_hash=password_hash, email=f"{login}@school7.example",
                               class_name=fields.get("class_name", ""), position=fields.get("position", ""),
                               subjects="; ".join(fields.get("subjects", [])))
            user.set_roles(roles)
            return user

        add("admin", "Сидоров Виктор Павлович", "teacher", ["admin"], position="заместитель директора по ИКТ")
        curator = add("kurator", "Белова Ирина Геннадьевна", "teacher", ["coordinator"],
                      position="заместитель директора по учебно-воспитательной работе", subjects=["история"])
        Organisation.update(curator=curator).where(Organisation.id == org.id).execute()
        org = Organisation.get_by_id(org.id)
        taken = {login for login, _role in DEMO_LOGINS}
        first_mentor = True
        student_logins = ["novichok", "mentee"]  # the first two students: one just arrived, one paired
        mentors = mentees = 0
        for person in people():
            if "mentor" in person["roles"] and person["category"] == "teacher" and first_mentor:
                login, first_mentor = "mentor", False
            elif person["roles"] == ["mentee"] and person["category"] == "student" and student_logins:
                login = student_logins.pop(0)
            else:
                login = suggest_login(person["full_name"], taken)
            taken.add(login)
            add(login, person["full_name"], person["category"], person["roles"],
                **{k: v for k, v in person.items() if k in ("class_name", "position", "subjects")})
            mentors += "mentor" in person["roles"]
            mentees += "mentee" in person["roles"]
    from webapp.consents.demo import load_demo_consents
    from webapp.monitoring.demo import load_programme_life
    from webapp.programmes.demo import at, earliest_start, load_active_pairs
    from webapp.questionnaires.demo_answers import load_demo_answers
    with at(earliest_start(org) - dt.timedelta(days=14), 10):  # people answered and signed before the pairs
        load_demo_answers(org)
        load_demo_consents(org)
    load_programme_life(org)
    active = load_active_pairs(org)
    return plural(mentors, "%(num)d наставник", "%(num)d наставника", "%(num)d наставников") + ", " + plural(
        mentees, "%(num)d наставляемый", "%(num)d наставляемых", "%(num)d наставляемых") + ", " + _(
        "куратор и администратор") + "; " + plural(
        active, "%(num)d действующая пара", "%(num)d действующие пары", "%(num)d действующих пар") + f" ({org.short_name})"
