"""Realistic answers for the demo school: most profiles and requests submitted, some drafts, some untouched.

Deterministic (seeded random, people in id order). Every answer goes through the same checks as
the web form, so the demo never holds an answer the interface would refuse.
"""
from __future__ import annotations

import random
import re

from webapp.db import database
from webapp.models import Questionnaire, User, UserRole
from webapp.models.questionnaire import MENTEE_REQUEST, MENTOR_PROFILE
from webapp.questionnaires import demo_texts as texts
from webapp.questionnaires import responses
from webapp.questionnaires.catalogue_options import SUBJECTS
from webapp.questionnaires.loader import ensure_default_questionnaires
from matching.catalogue import AVAILABILITY_SLOTS, STUDENT_PROBLEMS, TEACHER_PROBLEMS

SLOTS = list(AVAILABILITY_SLOTS)
SUBJECT_COMPETENCES = {"информатика": ["it_skills", "new_technologies"], "физика": ["new_technologies"],
                       "начальные классы": ["young_teacher_adaptation"], "русский язык": ["teacher_competitions"]}


def _years(position: str, default: int) -> int:
    found = re.search(r"стаж (\d+)", position)
    return int(found.group(1)) if found else default


def _subjects(user) -> list[str]:
    return [s for s in user.subject_list if s in SUBJECTS]


def _slots(rng) -> list[str]:
    return sorted(rng.sample(SLOTS, k=rng.randint(2, 5)), key=SLOTS.index)


def _fmt(text: str, subjects: list[str]) -> str:
    return text.format(subject=subjects[0] if subjects else "математика")


def mentor_answers(user, rng) -> dict:
    subjects = _subjects(user)
    answers = {"format": rng.choice(["in_person", "in_person", "remote", "both", "both"]),
               "availability": _slots(rng), "capacity": str(rng.randint(1, 4)),
               "types": rng.sample(["traditional", "traditional", "group", "virtual", "situational", "short_term"], k=2)}
    answers["types"] = sorted(set(answers["types"]))
    if subjects:
        answers["subjects"] = subjects[:4]
    if user.category == "teacher":
        young = "молодой специалист" in user.position
        pool = list(TEACHER_PROBLEMS)
        picked = [c for s in subjects for c in SUBJECT_COMPETENCES.get(s, [])]
        picked += rng.sample(pool, k=rng.randint(1, 3))
        if young:
            picked = ["it_skills", "new_technologies"]
            answers["types"] = ["reverse"]
        answers["competences_teacher"] = sorted(set(picked), key=pool.index)[:5]
        if rng.random() < 0.4:
            answers["competences_student"] = rng.sample(["gifted_children", "low_results", "individual_trajectory"], k=1)
        answers["experience_years"] = str(_years(user.position, 2 if young else 15))
        parts = [rng.choice(texts.TEACHER_SUBJECT.get(subjects[0], ["Работаю в школе много лет."])) if subjects else ""]
        parts += [texts.TEACHER_COMPETENCE[c] for c in answers["competences_teacher"][:2]]
        if young:
            parts = ["Я молодой учитель, но хорошо разбираюсь в цифровых сервисах: онлайн-доски, конструкторы тестов, нейросети для подготовки материалов.",
                     "В реверсивном наставничестве готов помочь опытным коллегам освоить IT-инструменты."]
    elif user.category == "employer":
        key = next((k for k in texts.EMPLOYER_ABOUT if k in user.position), "инженер")
        answers.update(field_of_work=user.position.split(",")[0], forms=["employer_student"],
                       experience_years=str(rng.randint(8, 25)), excursions=rng.choice(["yes", "yes", "no"]),
                       competences_student=["professional_career", "individual_trajectory"] + (["civic_position"] if rng.random() < 0.3 else []))
        parts = [texts.EMPLOYER_ABOUT[key]]
    else:
        pool = ["low_results", "learning_motivation_loss", "adaptation_difficulties", "psychological_barriers",
                "individual_trajectory", "gifted_children", "civic_position"]
        answers["competences_student"] = sorted(rng.sample(pool, k=rng.randint(2, 3)), key=list(STUDENT_PROBLEMS).index)
        answers["helped_peers"] = rng.choice(["yes", "yes", "no"])
        source = texts.STUDENT_MENTOR if user.category == "student" else texts.UNIVERSITY_MENTOR
        parts = [_fmt(t, subjects) for t in rng.sample(source, k=2)]
        if user.category == "university_student":
            answers["study_programme"] = user.position
    parts.append(rng.choice(texts.STYLE))
    answers["about"] = " ".join(p for p in parts if p)
    return answers


def mentee_answers(user, rng) -> dict:
    subjects = _subjects(user)
    answers = {"format": rng.choice(["in_person", "in_person", "remote", "both"]), "availability": _slots(rng)}
    if subjects:
        answers["subjects"] = subjects[:3]
    if user.category == "teacher":
        pool = list(TEACHER_PROBLEMS)
        ranked = ["young_teacher_adaptation"] + rng.sample([p for p in pool if p != "young_teacher_adaptation"], k=rng.randint(0, 2))
        if rng.random() < 0.3:
            ranked = ranked[1:] + ranked[:1]
        answers["requests_teacher"] = {v: str(i + 1) for i, v in enumerate(ranked)}
        answers["experience_years"] = str(_years(user.position, 1))
        answers["goals_teacher"] = rng.choice(texts.GOALS_TEACHER)
        answers["about"] = " ".join(texts.TEACHER_REQUEST[p] for p in ranked[:2])
    else:
        pool = list(STUDENT_PROBLEMS)
        weights = {"low_results": 5, "learning_motivation_loss": 4, "individual_trajectory": 3, "psychological_barriers": 3,
                   "adaptation_difficulties": 2, "gifted_children": 2, "professional_career": 2, "civic_position": 1, "disabilities": 1}
        ranked = []
        while len(ranked) < rng.randint(1, 3):
            choice = rng.choices(pool, weights=[weights[p] for p in pool])[0]
            if choice not in ranked:
                ranked.append(choice)
        answers["requests_student"] = {v: str(i + 1) for i, v in enumerate(ranked)}
        answers["goals"] = rng.choice(texts.GOALS_STUDENT)
        about = [_fmt(texts.STUDENT_REQUEST[p], subjects) for p in ranked[:2]]
        if rng.random() < 0.5:
            about.append(rng.choice(texts.STUDENT_EXTRA))
        answers["about"] = " ".join(about)
        if rng.random() < 0.5:
            answers["profession_interest"] = rng.choice(texts.PROFESSIONS)
    return answers


def _fill(user, questionnaire, answers: dict, *, submit: bool, partial: bool, rng) -> None:
    response = responses.start(user, questionnaire)
    questions = {q.key: q for q in responses.visible_questions(response.version, user)}
    keys = [k for k in answers if k in questions]
    if partial:
        keys = keys[: max(1, len(keys) // 2)]
    for key in keys:
        checked = responses.save_answer(response, questions[key], answers[key])
        if checked.error:
            raise ValueError(f"demo answer {key!r} for {user.login}: {checked.error}")
    if submit:
        missing = responses.submit(response)
        if missing:
            raise ValueError(f"demo response of {user.login} misses {[q.key for q in missing]}")


def load_demo_answers(organisation, seed: int = 11) -> dict:
    """Install the questionnaires and fill answers; returns counts by state."""
    ensure_default_questionnaires(organisation)
    rng = random.Random(seed)
    counts = {"submitted": 0, "draft": 0, "not_started": 0}
    plan = ((MENTOR_PROFILE, "mentor", mentor_answers, 0.8), (MENTEE_REQUEST, "mentee", mentee_answers, 0.72))
    with database.atomic():
        for purpose, role, build, submitted_share in plan:
            questionnaire = Questionnaire.get((Questionnaire.organisation == organisation) & (Questionnaire.purpose == purpose))
            people = (User.select().join(UserRole).where((User.organisation == organisation) & (UserRole.role == role))
                      .order_by(User.id))
            for user in people:
                if user.login == "novichok" or (questionnaire.category_list
                                                and user.category not in questionnaire.category_list):
                    counts["not_started"] += 1  # «novichok» is the demo log-in yet to fill in the request
                    continue
                draw = rng.random()
                answers = build(user, rng)
                if user.login == "mentor":
                    answers["capacity"] = "4"  # the demo mentor has three pairs (webapp.programmes.demo) and room for one more
                if user.login in ("mentor", "mentee") or draw < submitted_share:
                    _fill(user, questionnaire, answers, submit=True, partial=False, rng=rng)
                    counts["submitted"] += 1
                elif draw < submitted_share + 0.14:
                    _fill(user, questionnaire, answers, submit=False, partial=True, rng=rng)
                    counts["draft"] += 1
                else:
                    counts["not_started"] += 1
    return counts
