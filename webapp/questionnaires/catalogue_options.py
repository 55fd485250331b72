"""Named option lists a questionnaire file may use instead of spelling options out.

Values are the keys ``matching`` reads (from :mod:`matching.catalogue`); subjects are Russian
words because matching compares them as normalised text with the subjects on a person's account.
"""
from __future__ import annotations

from matching.catalogue import (AVAILABILITY_SLOTS, FORM_LABELS, FORMATS, STUDENT_PROBLEMS, TEACHER_PROBLEMS,
                                TYPES)

SUBJECTS = ("математика", "русский язык", "литература", "физика", "химия", "биология", "история",
            "обществознание", "география", "информатика", "английский язык", "физическая культура",
            "музыка", "изобразительное искусство", "технология", "начальные классы")


def _pairs(mapping) -> list[tuple[str, str]]:
    return [(key, label) for key, label in mapping.items()]


OPTION_LISTS = {
    "teacher_problems": lambda: _pairs(TEACHER_PROBLEMS),
    "student_problems": lambda: _pairs(STUDENT_PROBLEMS),
    "forms": lambda: _pairs(FORM_LABELS),
    "forms_employer": lambda: [(k, FORM_LABELS[k]) for k in ("employer_student", "employer_university_student")],
    "types": lambda: _pairs(TYPES),
    "formats": lambda: _pairs(FORMATS),
    "availability": lambda: _pairs(AVAILABILITY_SLOTS),
    "subjects": lambda: [(s, s[:1].upper() + s[1:]) for s in SUBJECTS],
}


def options_named(name: str) -> list[tuple[str, str]]:
    try:
        return OPTION_LISTS[name]()
    except KeyError:
        raise ValueError(f"unknown option list {name!r}; expected one of {sorted(OPTION_LISTS)}") from None
