"""Domain constants of the mentoring programme: the single source of truth.

Keys are stable English identifiers stored in the database and passed to
:mod:`matching`; the values are the Russian labels the web application shows.
The lists restate ``shared/domain/DOMAIN.md`` (the regional target model of
mentoring, «Целевая модель наставничества»).
"""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping, NamedTuple

#: Participant categories (категории участников).
CATEGORIES: Mapping[str, str] = MappingProxyType({
    "teacher": "Педагог",
    "student": "Обучающийся",
    "university_student": "Студент",
    "employer": "Работодатель",
})


class FormRule(NamedTuple):
    """Who may mentor whom inside one form of mentoring."""

    mentor_category: str
    mentee_category: str
    allowed_in_school: bool
    label: str


#: Forms of mentoring (формы наставничества) and the one category pair each allows.
#: A school student never mentors a teacher: no form has ``student -> teacher``.
FORMS: Mapping[str, FormRule] = MappingProxyType({
    "student_student": FormRule("student", "student", True, "Ученик – ученик"),
    "university_student_student": FormRule(
        "university_student", "student", True, "Студент – ученик"),
    "employer_student": FormRule("employer", "student", True, "Работодатель – ученик"),
    "teacher_teacher": FormRule("teacher", "teacher", True, "Учитель – учитель"),
    "employer_university_student": FormRule(
        "employer", "university_student", False, "Работодатель – студент"),
})

FORM_LABELS: Mapping[str, str] = MappingProxyType({k: v.label for k, v in FORMS.items()})

#: Types of mentoring (виды наставничества).
TYPES: Mapping[str, str] = MappingProxyType({
    "traditional": "Традиционное",
    "virtual": "Виртуальное (дистанционное)",
    "group": "В группе",
    "short_term": "Краткосрочное (целеполагающее)",
    "reverse": "Реверсивное",
    "situational": "Ситуационное",
    "speed_consulting": "Скоростное консультационное",
})

#: Meeting formats.
FORMATS: Mapping[str, str] = MappingProxyType({
    "in_person": "Очно",
    "remote": "Дистанционно",
    "both": "Очно и дистанционно",
})

#: Problems mentoring solves for teachers (педагоги).
TEACHER_PROBLEMS: Mapping[str, str] = MappingProxyType({
    "new_technologies": "Внедрение новых образовательных технологий",
    "young_teacher_adaptation": "Адаптация молодых педагогов",
    "team_support": "Командное сопровождение",
    "teacher_competitions": "Конкурсное движение",
    "burnout_prevention": "Профилактика педагогического выгорания",
    "it_skills": "Освоение информационных технологий",
    "professional_growth": "Профессиональный рост педагога",
    "staff_turnover": "Решение проблемы текучести кадров",
    "teacher_motivation": "Решение проблемы отсутствия мотивации",
})

#: Problems mentoring solves for students (обучающиеся).
STUDENT_PROBLEMS: Mapping[str, str] = MappingProxyType({
    "individual_trajectory": "Выбор ИОТ (индивидуальной образовательной траектории)",
    "adaptation_difficulties": "Трудности адаптации",
    "gifted_children": "Работа с одарёнными детьми",
    "disabilities": "Работа с учащимися с ОВЗ",
    "psychological_barriers": "Преодоление психологических барьеров",
    "low_results": "Низкие образовательные результаты",
    "learning_motivation_loss": "Утрата мотивации к обучению",
    "civic_position": "Формирование активной гражданской позиции",
    "professional_career": "Профессиональная карьера",
})

#: The whole request/competence catalogue, teachers' problems first.
PROBLEMS: Mapping[str, str] = MappingProxyType({**TEACHER_PROBLEMS, **STUDENT_PROBLEMS})
PROBLEM_KEYS: tuple[str, ...] = tuple(PROBLEMS)

#: Suggested availability slots ``<day>_<period>`` (others are accepted too).
DAYS: Mapping[str, str] = MappingProxyType({
    "mon": "понедельник", "tue": "вторник", "wed": "среда", "thu": "четверг",
    "fri": "пятница", "sat": "суббота", "sun": "воскресенье",
})
PERIODS: Mapping[str, str] = MappingProxyType({
    "morning": "утро", "afternoon": "день", "evening": "вечер",
})
AVAILABILITY_SLOTS: Mapping[str, str] = MappingProxyType({
    f"{d}_{p}": f"{dl} ({pl})" for d, dl in DAYS.items() for p, pl in PERIODS.items()
})


def form_for(mentor_category: str, mentee_category: str) -> str | None:
    """Return the form of mentoring that allows this category pair, or None."""
    for key, rule in FORMS.items():
        if rule.mentor_category == mentor_category and rule.mentee_category == mentee_category:
            return key
    return None

