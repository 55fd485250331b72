"""Full names in a grammatical case, and the initials form «Л.Н. Кравцова».

Surnames and patronymics follow the rules of the petrovich project (rule-based, so any surname,
gender-aware, with its list of indeclinable ones: Черных, Дюма, Шевчук for a woman); first names
come from pymorphy3's dictionary, which knows the irregular ones petrovich gets wrong (Ольга →
Ольги, Кузьма → Кузьмы, Лев → Льва); petrovich covers first names the dictionary lacks. The
gender comes from the patronymic, then from the first name.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from petrovich.enums import Case, Gender
from petrovich.main import Petrovich

from webapp.russian.morph import analyser, check_case, like

MALE, FEMALE = "male", "female"
PETROVICH_CASES = {"gent": Case.GENITIVE, "datv": Case.DATIVE, "accs": Case.ACCUSATIVE,
                   "ablt": Case.INSTRUMENTAL, "loct": Case.PREPOSITIONAL}
# Surnames that never change (-ых/-их: Черных, Седых; old genitive forms: Дурново, Живаго).
FIXED_ENDINGS = ("ых", "их", "ово", "аго", "яго")


@lru_cache(maxsize=1)
def _petrovich() -> Petrovich:
    return Petrovich()


@dataclass(frozen=True)
class Name:
    surname: str
    first: str = ""
    patronymic: str = ""

    @classmethod
    def parse(cls, full_name: str) -> "Name":
        parts = " ".join((full_name or "").split()).split(" ")
        parts += [""] * (3 - len(parts))
        return cls(parts[0], parts[1], " ".join(parts[2:]).strip())

    def __str__(self) -> str:
        return " ".join(p for p in (self.surname, self.first, self.patronymic) if p)


def gender_of(name: Name) -> str:
    patronymic = name.patronymic.lower()
    if patronymic.endswith(("вна", "чна", "кызы", "гызы")):
        return FEMALE
    if patronymic.endswith(("вич", "ич", "оглы", "улы")):
        return MALE
    for parse in analyser().parse(name.first):
        if "Name" in parse.tag:
            return FEMALE if parse.tag.gender == "femn" else MALE
    return FEMALE if name.surname.lower().endswith(("ова", "ева", "ина", "ая", "ёва")) else MALE


def _first(word: str, case: str, gender: str) -> str:
    wanted = "femn" if gender == FEMALE else "masc"
    for parse in analyser().parse(word):
        if "Name" in parse.tag and parse.tag.gender == wanted and parse.tag.case == "nomn":
            inflected = parse.inflect({case})
            if inflected:
                return like(word, inflected.word)
    return _petrovich().firstname(word, PETROVICH_CASES[case], _gender(gender))


def _surname(word: str, case: str, gender: str) -> str:
    if word.lower().endswith(FIXED_ENDINGS):
        return word
    return "-".join(_petrovich().lastname(part, PETROVICH_CASES[case], _gender(gender)) if part else part
                    for part in word.split("-"))


def _gender(gender: str) -> Gender:
    return Gender.FEMALE if gender == FEMALE else Gender.MALE


def decline_name(full_name: str, case: str) -> str:
    """«Кравцова Людмила Николаевна» in ``case`` (gent, datv, accs, ablt, loct; nomn as is)."""
    check_case(case)
    name = Name.parse(full_name)
    if case == "nomn" or not name.surname:
        return str(name)
    gender = gender_of(name)
    parts = [_surname(name.surname, case, gender)]
    if name.first:
        parts.append(_first(name.first, case, gender))
    if name.patronymic:
        parts.append(_petrovich().middlename(name.patronymic, PETROVICH_CASES[case], _gender(gender)))
    return " ".join(parts)


def initials_surname(full_name: str, case: str = "nomn") -> str:
    """«Л.Н. Кравцова» (in ``case``: «Л.Н. Кравцовой»)."""
    name = Name.parse(full_name)
    surname = Name.parse(decline_name(full_name, case)).surname if case != "nomn" else name.surname
    letters = "".join(f"{p[0].upper()}." for p in (name.first, name.patronymic.split(" ")[0]) if p)
    return f"{letters} {surname}".strip()


def surname_initials(full_name: str) -> str:
    """«Кравцова Л.Н.» (lists and tables)."""
    name = Name.parse(full_name)
    letters = "".join(f"{p[0].upper()}." for p in (name.first, name.patronymic.split(" ")[0]) if p)
    return f"{name.surname} {letters}".strip()
