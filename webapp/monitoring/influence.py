"""Influence of the programme on its participants, per category, for one school year.

«Before» is the mentee's influence questionnaire answered with the request (outside any pair);
«after» is the completion questionnaire of a pair started in the year. A person's before is their
latest «before» submitted no later than their «after» (else their earliest one). Only people who
answered both count in a comparison (``webapp.monitoring.paired``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from matching.catalogue import STUDENT_PROBLEMS, TEACHER_PROBLEMS
from webapp.consents.services import answers_hidden_ids
from webapp.models import (Answer, GroupMember, Question, Questionnaire, QuestionnaireVersion, Response, User)
from webapp.models.questionnaire import INFLUENCE_AFTER, INFLUENCE_BEFORE, NUMBER, SCALE, SUBMITTED
from webapp.monitoring import cache, dataset, paired
from webapp.questionnaires.responses import PROBLEM_PREFIX

STUDENT_KEYS = ("motivation", "olympiads", "olympiad_awards", "profile_choice", "social_activity", "adaptation",
                "barriers")
TEACHER_KEYS = ("ict", "burnout", "stay_intention", "contests")
MENTOR_KEYS = ("growth", "readiness_continue", "kurator_support", "lesson_quality")
BURNOUT_ITEMS = ("burnout_exhaustion", "burnout_detachment", "burnout_inefficacy")
LOWER_IS_BETTER = {"burnout"}
INDICATOR_LABELS = {
    "motivation": "Мотивация к учёбе",
    "olympiads": "Участие в олимпиадах, конкурсах, проектах (число)",
    "olympiad_awards": "Победы и призовые места (число)",
    "profile_choice": "Ясность выбора профиля и профессии",
    "social_activity": "Социальная и гражданская активность",
    "adaptation": "Адаптация в коллективе",
    "barriers": "Преодоление психологических барьеров",
    "ict": "ИКТ-компетентность",
    "burnout": "Признаки выгорания (меньше — лучше)",
    "stay_intention": "Намерение остаться в профессии и школе",
    "contests": "Участие в профессиональных конкурсах (число)",
    "growth": "Собственный профессиональный рост",
    "readiness_continue": "Готовность продолжать наставничество",
    "kurator_support": "Поддержка куратора",
    "lesson_quality": "Качество уроков наставляемого (оценка наставника)",
}
STUDENT_CATEGORIES = ("student", "university_student")
#: The indicator that shows progress on a student's requested problem (the outcome tied to the request).
STUDENT_PROBLEM_INDICATOR = {
    "learning_motivation_loss": "motivation", "low_results": "motivation", "individual_trajectory": "profile_choice",
    "professional_career": "profile_choice", "adaptation_difficulties": "adaptation", "disabilities": "adaptation",
    "psychological_barriers": "barriers", "civic_position": "social_activity", "gifted_children": "olympiad_awards",
}


@dataclass
class Answered:
    user_id: int
    role: str
    moment: str  # before | after
    response_id: int
    when: object  # datetime of submission
    group_id: int | None
    values: dict = field(default_factory=dict)


def _read(organisation) -> list[Answered]:
    responses = (Response.select(Response, QuestionnaireVersion, Questionnaire)
                 .join(QuestionnaireVersion).join(Questionnaire)
                 .where((Response.organisation == organisation) & (Response.status == SUBMITTED)
                        & Response.user.not_in(answers_hidden_ids(organisation))  # consent revoked
                        & Questionnaire.purpose.in_([INFLUENCE_BEFORE, INFLUENCE_AFTER]))
                 .order_by(Response.id))
    found = {}
    for r in responses:
        moment = "before" if r.version.questionnaire.purpose == INFLUENCE_BEFORE else "after"
        found[r.id] = Answered(r.user_id, r.version.questionnaire.role, moment, r.id,
                               r.submitted_at or r.updated_at, r.group_id)
    if found:
        for answer in (Answer.select(Answer, Question).join(Question).where(Answer.response.in_(list(found)))):
            value = answer.value
            if answer.question.qtype in (SCALE, NUMBER) and isinstance(value, (int, float)) \
                    and not isinstance(value, bool):
                found[answer.response_id].values[answer.question.key] = float(value)
    for a in found.values():
        items = [a.values[k] for k in BURNOUT_ITEMS if k in a.values]
        if len(items) == len(BURNOUT_ITEMS):
            a.values["burnout"] = sum(items) / len(items)
    return list(found.values())


def answered(organisation) -> list[Answered]:
    return cache.cached("influence", organisation, lambda: _read(organisation))


@dataclass
class Row:
    key: str
    result: paired.Paired
    problem: str = ""
    form: str = ""


@dataclass
class AfterOnly:
    key: str
    n: int
    mean: float | None  # None when fewer than MIN_N answered


@dataclass
class Influence:
    year: object
    students: list[Row] = field(default_factory=list)
    students_by_form: list[Row] = field(default_factory=list)
    teachers: list[Row] = field(default_factory=list)
    teacher_problems: list[Row] = field(default_factory=list)
    student_problems: list[Row] = field(default_factory=list)  # the indicator of each requested problem
    mentors: list[AfterOnly] = field(default_factory=list)
    asked_before: int = 0
    answered_before: int = 0
    asked_after: int = 0
    answered_after: int = 0


def _matched(people_after: dict[int, Answered], befores: dict[int, list[Answered]]) -> dict[int, tuple]:
    result = {}
    for user_id, after in people_after.items():
        own = befores.get(user_id, [])
        earlier = [b for b in own if b.when <= after.when]
        before = earlier[-1] if earlier else (own[0] if own else None)
        result[user_id] = (before, after)
    return result


def _row(key, matched, users, lower=False, **where) -> Row:
    before = {u: b.values.get(key) for u, (b, _a) in matched.items() if b is not None and u in users}
    after = {u: a.values.get(key) for u, (_b, a) in matched.items() if u in users}
    return Row(key, paired.compare(paired.pairs_of(before, after), lower_is_better=lower), **where)


def _requested(user_ids) -> dict[int, set[str]]:
    """{user id: problem keys of the person's mentee request}."""
    from webapp.models.questionnaire import MENTEE_REQUEST
    from webapp.questionnaires.features import profile_features
    result = {}
    for user_id, features in profile_features(list(user_ids), MENTEE_REQUEST).items():
        value = features.get("requests")
        result[user_id] = set(value) if isinstance(value, (dict, list)) else set()
    return result


def analyse(organisation, year) -> Influence:
    """Influence indicators of the pairs started in ``year``."""
    groups = dataset.groups_of(organisation, year=year)
    result = Influence(year)
    members = list(GroupMember.select(GroupMember.group, GroupMember.user, GroupMember.role)
                   .where(GroupMember.group.in_(list(groups) or [0])))
    mentees = {m.user_id: groups[m.group_id].form for m in members if m.role == "mentee"}
    mentors = {m.user_id for m in members if m.role == "mentor"}
    categories = dict(User.select(User.id, User.category).where(User.id.in_(list(mentees) or [0])).tuples())
    everything = answered(organisation)
    afters: dict[int, Answered] = {}
    mentor_afters: dict[int, Answered] = {}
    befores: dict[int, list[Answered]] = {}
    for a in everything:
        if a.moment == "before" and a.role == "mentee":
            befores.setdefault(a.user_id, []).append(a)
        elif a.moment == "after" and a.group_id in groups:
            (afters if a.role == "mentee" else mentor_afters)[a.user_id] = a
    result.asked_before = len(mentees)
    result.answered_before = sum(1 for u in mentees if u in befores)
    from webapp.models import Assignment
    asked = {(a.user_id) for a in Assignment.select(Assignment.user).join(Questionnaire)
             .where((Questionnaire.organisation == organisation) & (Questionnaire.purpose == INFLUENCE_AFTER)
                    & Assignment.group_id.in_(list(groups) or [0]))}
    result.answered_after = len(set(afters) | set(mentor_afters))
    result.asked_after = len(asked | set(afters) | set(mentor_afters))
    matched = _matched({u: a for u, a in afters.items() if u in mentees}, befores)
    students = {u for u in mentees if categories.get(u) in STUDENT_CATEGORIES}
    teachers = {u for u in mentees if categories.get(u) == "teacher"}
    for key in STUDENT_KEYS:
        result.students.append(_row(key, matched, students))
        for form in sorted({mentees[u] for u in students}):
            result.students_by_form.append(_row(key, matched, {u for u in students if mentees[u] == form}, form=form))
    requested = _requested(students)
    for problem, key in STUDENT_PROBLEM_INDICATOR.items():
        asked_for = {u for u in students if problem in requested.get(u, ())}
        if asked_for:
            result.student_problems.append(_row(key, matched, asked_for, problem=problem))
    for problem in TEACHER_PROBLEMS:
        row = _row(PROBLEM_PREFIX + problem, matched, teachers, problem=problem)
        if row.result.n or any(PROBLEM_PREFIX + problem in b.values for bs in befores.values() for b in bs
                               if b.user_id in teachers):
            result.teacher_problems.append(row)
    for key in TEACHER_KEYS:
        result.teachers.append(_row(key, matched, teachers, lower=key in LOWER_IS_BETTER))
    for key in MENTOR_KEYS:
        values = [a.values[key] for u, a in mentor_afters.items() if u in mentors and key in a.values]
        enough = len(values) >= paired.MIN_N
        result.mentors.append(AfterOnly(key, len(values), sum(values) / len(values) if enough else None))
    return result


def label(key: str, problem: str = "") -> str:
    from flask_babel import gettext as _
    if problem and key.startswith(PROBLEM_PREFIX):
        return _(TEACHER_PROBLEMS[problem])
    if problem:
        return f"{_(STUDENT_PROBLEMS[problem])}: {_(INDICATOR_LABELS.get(key, key))}"
    return _(INDICATOR_LABELS.get(key, key))
