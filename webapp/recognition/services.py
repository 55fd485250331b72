"""Recognitions and training courses: who may see them, adding, removing, summaries for other areas."""
from __future__ import annotations

from webapp.db import database
from webapp.models import Award, TrainingCourse, User, UserRole

AWARD_KINDS = {
    "gramota": "Грамота",
    "thanks": "Благодарность",
    "badge": "Знак «За наставничество»",
    "honorary": "Почётный наставник",
    "youth": "Молодость и профессионализм",
    "contest": "Участие в конкурсе",
    "festival": "Участие в фестивале",
    "forum": "Участие в форуме",
    "conference": "Участие в конференции",
    "talent_pool": "Включение в кадровый резерв",
    "attestation": "Преимущество при аттестации",
    "bonus": "Материальное поощрение (премия, доплата)",
    "other": "Другое",
}


def mentors_of(organisation):
    return (User.select().join(UserRole)
            .where((User.organisation == organisation) & (UserRole.role == "mentor"))
            .order_by(User.full_name))


def is_mentor(user) -> bool:
    return UserRole.select().where((UserRole.user == user) & (UserRole.role == "mentor")).exists()


def awards_of(user):
    return Award.select().where(Award.user == user).order_by(Award.awarded_on.desc(), Award.id.desc())


def courses_of(user):
    return (TrainingCourse.select().where(TrainingCourse.user == user)
            .order_by(TrainingCourse.started_on.desc(), TrainingCourse.id.desc()))


def add_award(user, data: dict, actor) -> Award:
    with database.atomic():
        return Award.create(organisation=user.organisation_id, user=user, created_by=actor, **data)


def add_course(user, data: dict, actor) -> TrainingCourse:
    with database.atomic():
        return TrainingCourse.create(organisation=user.organisation_id, user=user, created_by=actor, **data)


def school_awards(organisation):
    return (Award.select(Award, User).join(User)
            .where(Award.organisation == organisation)
            .order_by(User.full_name, Award.awarded_on.desc()))


def training_summary(user_ids) -> dict[int, list[dict]]:
    """``{user_id: [{"name", "organiser", "started_on", "ended_on", "hours"}, …]}``, newest course first.

    For the banks and pairing pages (one query whatever the number of people); users without
    courses map to an empty list.
    """
    ids = [u if isinstance(u, int) else u.id for u in user_ids]
    result: dict[int, list[dict]] = {i: [] for i in ids}
    if not ids:
        return result
    query = (TrainingCourse.select().where(TrainingCourse.user.in_(ids))
             .order_by(TrainingCourse.started_on.desc(), TrainingCourse.id.desc()))
    for course in query:
        result[course.user_id].append(dict(name=course.name, organiser=course.organiser,
                                           started_on=course.started_on, ended_on=course.ended_on,
                                           hours=course.hours))
    return result


def total_hours(courses) -> int:
    return sum(c.hours or 0 for c in courses)
