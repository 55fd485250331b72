"""Synthetic but plausible profiles for benchmarks, demos and tests (deterministic by seed)."""
from __future__ import annotations

import numpy as np

from .catalogue import AVAILABILITY_SLOTS, FORMS, STUDENT_PROBLEMS, TEACHER_PROBLEMS
from .profiles import MenteeProfile, MentorProfile

__all__ = ["make_profiles"]

_PHRASES = {
    "new_technologies": ["цифровые образовательные платформы", "смешанное обучение",
                         "проектная деятельность на уроке"],
    "young_teacher_adaptation": ["первый год в школе", "молодой специалист",
                                 "классное руководство впервые"],
    "team_support": ["работа в команде педагогов", "методическое объединение"],
    "teacher_competitions": ["конкурс педагогического мастерства", "учитель года"],
    "burnout_prevention": ["эмоциональное выгорание", "усталость и стресс", "баланс работы"],
    "it_skills": ["электронный журнал", "презентации и видеоуроки", "программирование"],
    "professional_growth": ["аттестация на категорию", "повышение квалификации"],
    "staff_turnover": ["удержание молодых кадров", "текучесть кадров"],
    "teacher_motivation": ["мотивация педагога", "интерес к профессии"],
    "individual_trajectory": ["выбор профиля обучения", "индивидуальный учебный план"],
    "adaptation_difficulties": ["новый класс", "переход в пятый класс", "адаптация в коллективе"],
    "gifted_children": ["олимпиадная подготовка", "математический анализ", "научный проект"],
    "disabilities": ["инклюзивное обучение", "ограниченные возможности здоровья"],
    "psychological_barriers": ["страх публичных выступлений", "неуверенность в себе"],
    "low_results": ["подготовка к ОГЭ", "подготовка к ЕГЭ", "пробелы в знаниях"],
    "learning_motivation_loss": ["прокрастинация", "нет желания учиться", "тайм-менеджмент"],
    "civic_position": ["волонтерство", "школьное самоуправление", "движение первых"],
    "professional_career": ["подготовка к собеседованию", "выбор профессии", "стажировка"],
}
_SUBJECTS = ["математика", "русский язык", "литература", "физика", "химия", "биология",
             "история", "обществознание", "информатика", "английский язык", "география"]
_SLOTS = list(AVAILABILITY_SLOTS)
_FORMATS = ["in_person", "remote", "both"]


def _text(rng, problems) -> str:
    parts = []
    for p in problems:
        phrases = _PHRASES[p]
        parts.append(phrases[rng.integers(len(phrases))])
    extra = list(_PHRASES)[rng.integers(len(_PHRASES))]
    parts.append(_PHRASES[extra][0])
    return "Интересует: " + ", ".join(parts) + "."


def make_profiles(n_mentees: int, n_mentors: int, n_organisations: int = 1, seed: int = 0,
                  max_capacity: int = 5, min_capacity: int = 1
                  ) -> tuple[list[MentorProfile], list[MenteeProfile]]:
    """Return ``(mentors, mentees)`` spread over ``n_organisations`` schools.

    Mentee categories: teacher 30 %, student 70 %; mentor categories: teacher 40 %,
    student 25 %, university student 20 %, employer 15 %. Ids are ``"m<k>"``/``"e<k>"``.
    """
    rng = np.random.default_rng(seed)
    tp, spb = list(TEACHER_PROBLEMS), list(STUDENT_PROBLEMS)
    mentors = []
    for k in range(n_mentors):
        cat = rng.choice(["teacher", "student", "university_student", "employer"],
                         p=[0.4, 0.25, 0.2, 0.15])
        pool = tp if cat == "teacher" else spb
        probs = list(rng.choice(pool, size=rng.integers(1, 4), replace=False))
        mentors.append(MentorProfile(
            id=f"m{k}", category=str(cat), organisation=f"org{rng.integers(n_organisations)}",
            capacity=int(rng.integers(min_capacity, max_capacity + 1)), problems=probs,
            subjects=list(rng.choice(_SUBJECTS, size=rng.integers(1, 3), replace=False)),
            format=_FORMATS[rng.integers(3)],
            availability=list(rng.choice(_SLOTS, size=rng.integers(2, 7), replace=False)),
            text=_text(rng, probs)))
    mentees = []
    for k in range(n_mentees):
        cat = "teacher" if rng.random() < 0.3 else "student"
        pool = tp if cat == "teacher" else spb
        probs = list(rng.choice(pool, size=rng.integers(1, 4), replace=False))
        mentees.append(MenteeProfile(
            id=f"e{k}", category=cat, organisation=f"org{rng.integers(n_organisations)}",
            requested_problems={p: int(rng.integers(1, 4)) for p in probs},
            subjects=list(rng.choice(_SUBJECTS, size=rng.integers(1, 3), replace=False)),
            format=_FORMATS[rng.integers(3)],
            availability=list(rng.choice(_SLOTS, size=rng.integers(2, 7), replace=False)),
            text=_text(rng, probs),
            grade=None if cat == "teacher" else int(rng.integers(5, 12))))
    assert FORMS  # the categories above all appear in FORMS
    return mentors, mentees
