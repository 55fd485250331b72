"""A synthetic region for load tests: many schools, tens of thousands of people, two school years.

Rows are written with bulk inserts (synthetic load data, nothing typed by a person), with explicit ids
so that pairs, members, responses and answers refer to each other without reading ids back; on
PostgreSQL the id sequences are moved past them afterwards. Everything the pages read is there and
valid: requisites, roles, both consents, requests, pairs of every stage, monitoring assignments and exit
answers. Deterministic for a seed. Every school has a coordinator ``kurator.sNNN``; the region has
``region.admin`` and ``region.method`` (when those logins are free); all share one password.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass

import peewee as pw
from werkzeug.security import generate_password_hash

from webapp.db import database
from webapp.demo import FEMALE_NAMES, MALE_NAMES, MALE_SURNAMES, PATRONYMIC_ROOTS, SUBJECTS
from webapp.models import (Assignment, Answer, Consent, GroupMember, MentoringGroup, Organisation, Question,
                           Questionnaire, Region, Response, User, UserRole)
from webapp.models.consent import CONSENT_KINDS
from webapp.models.questionnaire import MENTEE_REQUEST, MONITORING_EXIT, SCALE, SUBMITTED
from webapp.models.user import PASSWORD_METHOD, sort_key
from webapp.user_errors import UserError

CHUNK = 500
MUNICIPALITIES = ["г. Ижевск", "г. Сарапул", "г. Воткинск", "г. Глазов", "Завьяловский район", "Увинский район",
                  "Малопургинский район", "Игринский район", "Можгинский район", "Якшур-Бодьинский район"]
LIMITS = {"schools": (1, 1000), "people": (10, 500_000), "years": (1, 5)}


class GenerateError(UserError):
    """Parameters the generator refuses; the message is for the person at the console."""


@dataclass
class Summary:
    schools: int
    people: int
    pairs: int
    responses: int


def check(schools: int, people: int, years: int) -> None:
    for name, value in (("schools", schools), ("people", people), ("years", years)):
        low, high = LIMITS[name]
        if not low <= value <= high:
            raise GenerateError("Параметр %(name)s: от %(low)s до %(high)s.", name=name, low=low, high=high)
    if people < schools * 10:
        raise GenerateError("Людей должно быть хотя бы по 10 на школу.")


class _Ids:
    """The next free id of each table."""

    def __init__(self, *models):
        self.next = {m: (m.select(pw.fn.MAX(m.id)).scalar() or 0) + 1 for m in models}

    def take(self, model, n: int = 1) -> int:
        first = self.next[model]
        self.next[model] += n
        return first


def _insert(model, rows: list[dict]) -> None:
    """One prepared INSERT run over every row (executemany): building a peewee query per chunk costs
    more than the database's own work here. Values go through each field's ``db_value``."""
    if not rows:
        return
    defaults = {f.name: f.default() if callable(f.default) else f.default
                for f in model._meta.sorted_fields if f.default is not None and f.name not in rows[0]}
    rows = [{**defaults, **row} for row in rows]
    fields = [model._meta.fields[name] for name in rows[0]]
    table = model._meta.table_name
    param = database.obj.param
    sql = (f'INSERT INTO "{table}" ({", ".join(f"{chr(34)}{f.column_name}{chr(34)}" for f in fields)}) '
           f'VALUES ({", ".join([param] * len(fields))})')
    values = [tuple(f.db_value(row[f.name]) for f in fields) for row in rows]
    cursor = database.cursor()
    for start in range(0, len(values), CHUNK * 10):
        cursor.executemany(sql, values[start:start + CHUNK * 10])


def _name(rng: random.Random) -> str:
    surname, root = rng.choice(MALE_SURNAMES), rng.choice(PATRONYMIC_ROOTS)
    if rng.random() < 0.6:
        return f"{surname}а {rng.choice(FEMALE_NAMES)} {root}на"
    return f"{surname} {rng.choice(MALE_NAMES)} {root}ич"


def _fix_sequences(models) -> None:
    if isinstance(database.obj, pw.PostgresqlDatabase):
        for model in models:
            table = model._meta.table_name
            database.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                                 f"COALESCE((SELECT MAX(id) FROM \"{table}\"), 1))")


def generate(*, schools: int = 100, people: int = 60_000, years: int = 2, seed: int = 1,
             region_name: str = "Синтетический регион", password: str = "demo2026",
             today: dt.date | None = None) -> Summary:
    check(schools, people, years)
    if Region.select().where(Region.name == region_name).exists():
        raise GenerateError("Регион «%(name)s» уже есть в базе.", name=region_name)
    password_hash = generate_password_hash(password, method=PASSWORD_METHOD)
    region = Region.create(name=region_name)
    regional_centre(region, password_hash)
    return add_schools(region, range(1, schools + 1), people // schools, years=years, rng=random.Random(seed),
                       password_hash=password_hash, today=today, extra_people=people % schools)


def regional_centre(region, password_hash: str) -> Organisation:
    """The region's centre with ``region.admin`` and ``region.method`` (when those logins are free)."""
    centre = Organisation.create(name=f"Региональный наставнический центр ({region.name})", short_name="РНЦ",
                                 kind="regional_centre", region=region)
    for login, role, full_name in (("region.admin", "regional_admin", "Региональный администратор"),
                                   ("region.method", "regional_method", "Методист РНЦ")):
        if not User.select().where(User.login == login).exists():
            user = User.create(organisation=centre, login=login, full_name=full_name, category="teacher",
                               password_hash=password_hash)
            user.set_roles([role])
    return centre


def add_schools(region, numbers, per_school: int, *, years: int, rng: random.Random, password_hash: str,
                today: dt.date | None = None, extra_people: int = 0) -> Summary:
    """Schools numbered ``numbers`` in ``region``, ``per_school`` people each (the first gets the extra)."""
    from webapp.questionnaires.loader import ensure_default_questionnaires
    today = today or dt.date.today()
    current_year = today.year if today.month >= 9 else today.year - 1
    numbers = list(numbers)
    totals = Summary(len(numbers), 0, 0, 0)
    prefix = f"r{region.id}"
    for index, number in enumerate(numbers):
        with database.atomic():
            org = Organisation.create(
                name=f"Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № {number}»",
                short_name=f"МБОУ «СОШ № {number}»", kind="school", region=region,
                municipality=MUNICIPALITIES[(number - 1) % len(MUNICIPALITIES)],
                address=f"426{number % 1000:03d}, Удмуртская Республика, ул. Школьная, д. {number}",
                head_name=_name(rng), head_position="Директор", inn=f"18{number:08d}")
            ensure_default_questionnaires(org)
            counts = _school(org, number, prefix, per_school + (extra_people if index == 0 else 0), years,
                             current_year, rng, password_hash)
        totals.people += counts[0]
        totals.pairs += counts[1]
        totals.responses += counts[2]
    _fix_sequences([User, UserRole, Consent, MentoringGroup, GroupMember, Response, Answer, Assignment])
    return totals


def _school(org, number, prefix, size, years, current_year, rng, password_hash) -> tuple[int, int, int]:
    ids = _Ids(User, UserRole, Consent, MentoringGroup, GroupMember, Response, Answer, Assignment)
    now = dt.datetime.now()
    users, roles, consents = [], [], []
    first_user = ids.take(User, size)
    teachers = max(4, size // 10)
    by_role: dict[str, list[tuple[int, str]]] = {"mentor": [], "mentee": []}
    for i in range(size):
        uid = first_user + i
        full_name = _name(rng)
        if i == 0:
            login, role_list, category = f"kurator.s{number:03d}", ["coordinator"], "teacher"
        elif i == 1:
            login, role_list, category = f"admin.s{number:03d}", ["admin"], "teacher"
        else:
            login = f"{prefix}.s{number:03d}.u{i:05d}"
            category = "teacher" if i < teachers else "student"
            if category == "teacher":
                role_list = ["mentor"] if i % 3 else ["mentee"]
            else:
                role_list = ["mentor"] if i % 20 == 0 else ["mentee"]
        subject = rng.choice(SUBJECTS)
        users.append(dict(id=uid, organisation=org.id, login=login, full_name=full_name, name_key=sort_key(full_name),
                          category=category, class_name="" if category == "teacher" else
                          f"{rng.randint(5, 11) if 'mentor' not in role_list else rng.choice([10, 11])}{rng.choice('АБВ')}",
                          position=f"учитель ({subject})" if category == "teacher" else "", subjects=subject,
                          password_hash=password_hash, is_active=True, created_at=now, session_version=0))
        for role in role_list:
            roles.append(dict(id=ids.take(UserRole), user=uid, role=role))
            if role in by_role:
                by_role[role].append((uid, category))
        for kind in CONSENT_KINDS:
            consents.append(dict(id=ids.take(Consent), organisation=org.id, user=uid, kind=kind, given_by="self",
                                 signed_on=dt.date(current_year, 9, 2), received_at=now, created_at=now))
    _insert(User, users)
    _insert(UserRole, roles)
    _insert(Consent, consents)

    versions = {q.purpose + ":" + q.role: q.published_version() for q in
                Questionnaire.select().where(Questionnaire.organisation == org)}
    exit_version = versions.get(f"{MONITORING_EXIT}:mentee")
    exit_questionnaire = exit_version.questionnaire_id if exit_version else None
    scale_questions = [q.id for q in Question.select().where((Question.version == exit_version)
                                                             & (Question.qtype == SCALE))] if exit_version else []
    request_version = versions.get(f"{MENTEE_REQUEST}:mentee")
    responses, answers, assignments, groups, members = [], [], [], [], []
    mentees = list(by_role["mentee"])
    rng.shuffle(mentees)
    requesters = mentees[: int(len(mentees) * 0.35)]
    for start_year in range(current_year - years + 1, current_year + 1):
        started = dt.date(start_year, 10, 1)
        ended_year = start_year < current_year
        if request_version is not None:
            when = dt.datetime(start_year, 9, 15, 10)
            for uid, _category in requesters:
                responses.append(dict(id=ids.take(Response), organisation=org.id, user=uid, version=request_version.id,
                                      status=SUBMITTED, started_at=when, updated_at=when, submitted_at=when))
        queues = {category: [uid for uid, c in requesters if c == category] for category in ("teacher", "student")}
        for queue in queues.values():
            rng.shuffle(queue)
        for mentor_id, mentor_category in by_role["mentor"]:
            queue = queues[mentor_category]
            if not queue or rng.random() < 0.15:
                continue  # not every mentor has a pair every year
            pupils = [queue.pop() for _n in range(min(len(queue), rng.choice([1, 1, 1, 2, 3])))]
            form = "teacher_teacher" if mentor_category == "teacher" else "student_student"
            gid = ids.take(MentoringGroup)
            groups.append(dict(id=gid, organisation=org.id, form=form, kind="group" if len(pupils) > 1 else
                               rng.choice(["traditional", "traditional", "virtual", "short_term"]),
                               stage=5 if ended_year else rng.randint(1, 5), status="ended" if ended_year else "active",
                               started_on=started, planned_end_on=dt.date(start_year + 1, 5, 31),
                               ended_on=dt.date(start_year + 1, 5, 25) if ended_year else None, end_reason="",
                               order_number="", created_at=now))
            members.append(dict(id=ids.take(GroupMember), group=gid, user=mentor_id, role="mentor", area=""))
            for pupil_id in pupils:
                members.append(dict(id=ids.take(GroupMember), group=gid, user=pupil_id, role="mentee", area=""))
                if ended_year and exit_questionnaire:
                    assignments.append(dict(id=ids.take(Assignment), questionnaire=exit_questionnaire, user=pupil_id,
                                            assigned_at=now, group_id=gid))
                    if rng.random() < 0.75:
                        when = dt.datetime(start_year + 1, 5, 20, 12)
                        rid = ids.take(Response)
                        responses.append(dict(id=rid, organisation=org.id, user=pupil_id, version=exit_version.id,
                                              group_id=gid, status=SUBMITTED, started_at=when, updated_at=when,
                                              submitted_at=when))
                        for qid in scale_questions:
                            answers.append(dict(id=ids.take(Answer), response=rid, question=qid,
                                                value_json=json.dumps(rng.choice([6, 7, 8, 8, 9, 9, 10]))))
    _insert(MentoringGroup, groups)
    _insert(GroupMember, members)
    _insert(Assignment, assignments)
    _insert(Response, responses)
    _insert(Answer, answers)
    return len(users), len(groups), len(responses)

