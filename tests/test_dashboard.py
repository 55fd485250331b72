"""The dashboard per role."""
from __future__ import annotations

import re

from tests.conftest import text
from webapp.models import GroupMember, MentoringGroup


def _count(page: str, name: str) -> int:
    return int(re.search(rf'data-count="{name}">(\d+)<', page).group(1))


def test_coordinator_sees_the_counts_of_their_school(as_coordinator, school):
    page = text(as_coordinator.get("/dashboard"))
    # school 1: mentor, both (mentor+mentee), mentee; the other school's mentee is not counted
    assert _count(page, "mentors") == 2 and _count(page, "mentees") == 2
    assert _count(page, "without_pair") == 2 and _count(page, "pairs") == 0
    group = MentoringGroup.create(organisation=school["org"], form="teacher_teacher")
    GroupMember.create(group=group, user=school["mentor"], role="mentor")
    GroupMember.create(group=group, user=school["both"], role="mentee")
    page = text(as_coordinator.get("/dashboard"))
    assert _count(page, "without_pair") == 1 and _count(page, "pairs") == 1


def test_participants_see_their_next_steps_not_counts(client, auth, school):
    auth.login("mentee")
    page = text(client.get("/dashboard"))
    assert "data-count" not in page and "Куратор подбирает вам наставника" in page
    group = MentoringGroup.create(organisation=school["org"], form="student_student")
    GroupMember.create(group=group, user=school["mentor"], role="mentor")
    GroupMember.create(group=group, user=school["mentee"], role="mentee")
    page = text(client.get("/dashboard"))
    link = f'<a href="/pairs/{group.id}">'
    assert f"Ваш наставник — {link}Наставникова Анна Сергеевна</a>." in page
    assert "Договоритесь о первой встрече с Наставниковой Анной Сергеевной" in page  # no meeting yet
    auth.logout()
    auth.login("mentor")
    page = text(client.get("/dashboard"))
    assert f"Вы наставник для {link}Ученикова Петра Ивановича</a>." in page  # the genitive after «для»
    # the pairs come first, before the roles and the next steps
    assert page.index("Вы наставник для") < page.index("Ваши роли") < page.index("Что сделать дальше")


def test_navigation_follows_roles(client, auth, school):
    auth.login("mentee")
    page = text(client.get("/dashboard"))
    assert 'href="/users"' not in page
    auth.logout()
    auth.login("kurator")
    assert 'href="/users"' in text(client.get("/dashboard"))
