"""People made fresh in the served database for one browser test (so tests do not depend on what
other browser tests did to the demo school), and logging in as them."""
from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from matching.catalogue import form_for
from webapp import create_app
from webapp.models import Consent, GroupMember, MentoringGroup, Organisation, User
from webapp.models.consent import PARTICIPATION, PERSONAL_DATA, REPRESENTATIVE, SELF

PASSWORD = "slow-network-2026"
_serial = itertools.count(1)
_made: list = []  # what a test made, removed after it so the demo school is as the other tests expect


@pytest.fixture
def served(server_database, tmp_path):
    """An application context on the served database, for setting up and reading back; the people
    and pairs a test made are deleted after it (with everything that cascades from them)."""
    app = create_app({"DATABASE_URL": server_database, "SECRET_KEY": "e2e-secret", "INSTANCE_PATH": str(tmp_path)})
    with app.app_context():
        yield app
        while _made:
            record = _made.pop()
            type(record).delete().where(type(record).id == record.id).execute()


def person(login: str, full_name: str, category: str, roles: list[str], **fields) -> User:
    org = Organisation.select().order_by(Organisation.id).first()
    user = User.create(organisation=org, login=login, full_name=full_name, category=category,
                       email=f"{login}@school7.example", **fields)
    user.set_password(PASSWORD)
    user.save()
    user.set_roles(roles)
    _made.append(user)
    return user


def fresh_mentee() -> User:
    n = next(_serial)
    return person(f"slow.mentee{n}", f"Медленная Ольга {n}", "student", ["mentee"], class_name="7А")


def fresh_adult_with_consents() -> User:
    """A mentor (a teacher) who signed both consents themself."""
    n = next(_serial)
    user = person(f"calm.mentor{n}", f"Спокойная Вера {n}", "teacher", ["mentor"], position="учитель")
    for kind in (PERSONAL_DATA, PARTICIPATION):
        Consent.create(organisation=user.organisation_id, user=user, kind=kind, given_by=SELF,
                       signed_on=dt.date.today(), received_at=dt.datetime.now())
    return user


def fresh_minor_with_representatives_consents() -> User:
    """A pupil whose mother signed both consents."""
    n = next(_serial)
    user = person(f"young.mentee{n}", f"Юная Маша {n}", "student", ["mentee"], class_name="5А")
    for kind in (PERSONAL_DATA, PARTICIPATION):
        Consent.create(organisation=user.organisation_id, user=user, kind=kind, given_by=REPRESENTATIVE,
                       representative_name="Юная Елена Петровна", representative_relation="мать",
                       signed_on=dt.date.today(), received_at=dt.datetime.now())
    return user


def fresh_pair():
    n = next(_serial)
    mentor = person(f"slow.mentor{n}", f"Терпеливый Иван {n}", "student", ["mentor"], class_name="11А")
    mentee = person(f"slow.pupil{n}", f"Новикова Анна {n}", "student", ["mentee"], class_name="6Б")
    group = MentoringGroup.create(organisation=mentor.organisation_id, form=form_for("student", "student"),
                                  kind="traditional", stage=2)
    _made.append(group)
    GroupMember.create(group=group, user=mentor, role="mentor")
    GroupMember.create(group=group, user=mentee, role="mentee")
    return mentor, group


def log_in(page, server, login: str, password: str = PASSWORD):
    page.goto(f"{server}/login")
    page.get_by_label("Логин").fill(login)
    page.get_by_label("Пароль").fill(password)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r".*/dashboard.*"))
