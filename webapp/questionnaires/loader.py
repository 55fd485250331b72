"""Questionnaire files (TOML in ``webapp/questionnaires/data``) loaded into the database.

Every organisation gets each file as a questionnaire with a published version 1. Loading is
idempotent: a questionnaire whose key the organisation already has is left alone, so the
coordinator's edits (later versions) are never overwritten.
"""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from peewee import chunked

from webapp.db import database
from webapp.models import Question, QuestionOption, Questionnaire, QuestionnaireVersion
from webapp.models.questionnaire import CHOICE_TYPES, PUBLISHED, PURPOSES, QUESTION_TYPES
from webapp.models.user import CATEGORIES
from webapp.questionnaires.catalogue_options import options_named

DATA = Path(__file__).resolve().parent / "data"
FEATURES = ("competences", "requests", "subjects", "formats", "availability", "capacity", "experience",
            "forms", "types", "about", "goals")
ROLES = ("mentor", "mentee")


@dataclass
class QuestionSpec:
    key: str
    text: str
    qtype: str
    section: str = ""
    help_text: str = ""
    required: bool = False
    min_value: float | None = None
    max_value: float | None = None
    max_length: int | None = None
    max_choices: int | None = None
    categories: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    feature: str = ""
    options: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class QuestionnaireSpec:
    key: str
    title: str
    purpose: str
    role: str
    description: str = ""
    categories: list[str] = field(default_factory=list)
    questions: list[QuestionSpec] = field(default_factory=list)


def _question(raw: dict, where: str) -> QuestionSpec:
    qtype = raw.get("type")
    if qtype not in QUESTION_TYPES:
        raise ValueError(f"{where}: unknown question type {qtype!r}")
    options = [tuple(o) for o in raw.get("options", [])]
    if "options_from" in raw:
        options = options_named(raw["options_from"])
    if qtype in CHOICE_TYPES and not options:
        raise ValueError(f"{where}: a choice question needs options")
    feature = raw.get("feature", "")
    if feature and feature not in FEATURES:
        raise ValueError(f"{where}: unknown feature {feature!r}")
    unknown = set(raw.get("categories", [])) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"{where}: unknown categories {sorted(unknown)}")
    return QuestionSpec(
        key=raw["key"], text=raw["text"], qtype=qtype, section=raw.get("section", ""),
        help_text=raw.get("help", ""), required=bool(raw.get("required", False)),
        min_value=raw.get("min"), max_value=raw.get("max"), max_length=raw.get("max_length"),
        max_choices=raw.get("max_choices"), categories=list(raw.get("categories", [])),
        forms=list(raw.get("forms", [])), feature=feature, options=options)


def parse(path: Path) -> QuestionnaireSpec:
    """Read and check one questionnaire file; ValueError names the file and the question."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    if raw.get("purpose") not in PURPOSES:
        raise ValueError(f"{path.name}: unknown purpose {raw.get('purpose')!r}")
    if raw.get("role") not in ROLES:
        raise ValueError(f"{path.name}: role must be one of {ROLES}")
    questions = [_question(q, f"{path.name}: question {q.get('key', i)!r}")
                 for i, q in enumerate(raw.get("questions", []))]
    keys = [q.key for q in questions]
    if len(set(keys)) != len(keys):
        raise ValueError(f"{path.name}: question keys repeat")
    return QuestionnaireSpec(key=raw["key"], title=raw["title"], purpose=raw["purpose"], role=raw["role"],
                             description=raw.get("description", ""), categories=list(raw.get("categories", [])),
                             questions=questions)


def default_specs(folder: Path = DATA) -> list[QuestionnaireSpec]:
    """The questionnaire files of ``folder``, parsed once per version of the files (every pair
    started asks for them; parsing the TOML each time cost ~50 ms a call)."""
    paths = sorted(folder.glob("*.toml"))
    signature = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
    return list(_parsed(signature))


@functools.lru_cache(maxsize=4)
def _parsed(signature: tuple) -> tuple[QuestionnaireSpec, ...]:
    return tuple(parse(Path(path)) for path, _mtime, _size in signature)


def _question_row(version, spec: QuestionSpec, position: int) -> dict:
    return dict(version=version, position=position, key=spec.key, section=spec.section, text=spec.text,
                help_text=spec.help_text, qtype=spec.qtype, required=spec.required, min_value=spec.min_value,
                max_value=spec.max_value, max_length=spec.max_length, max_choices=spec.max_choices,
                categories=",".join(spec.categories), forms=",".join(spec.forms), feature=spec.feature)


def create_questions(version, specs: list[tuple[int, QuestionSpec]]) -> dict[str, int]:
    """Every ``(position, spec)`` of ``specs`` as a question of ``version``, with its options, in a few
    statements (one at a time it took two a question, and a school's eleven default questionnaires 240);
    returns the ids of the version's questions by key."""
    for batch in chunked([_question_row(version, spec, position) for position, spec in specs], 50):
        Question.insert_many(batch).execute()  # 15 columns: 750 parameters, under SQLite's old limit of 999
    ids = dict(Question.select(Question.key, Question.id).where(Question.version == version).tuples())
    options = [dict(question=ids[spec.key], position=index, value=value, label=label)
               for _position, spec in specs for index, (value, label) in enumerate(spec.options)]
    for batch in chunked(options, 200):
        QuestionOption.insert_many(batch).execute()
    return ids


def create_question(version, spec: QuestionSpec, position: int) -> Question:
    return Question.get_by_id(create_questions(version, [(position, spec)])[spec.key])


def install(organisation, spec: QuestionnaireSpec) -> Questionnaire:
    questionnaire = Questionnaire.create(
        organisation=organisation, key=spec.key, title=spec.title, description=spec.description,
        purpose=spec.purpose, role=spec.role, categories=",".join(spec.categories))
    version = QuestionnaireVersion.create(questionnaire=questionnaire, number=1, status=PUBLISHED,
                                          published_at=questionnaire.created_at)
    create_questions(version, list(enumerate(spec.questions)))
    return questionnaire


def ensure_default_questionnaires(organisation) -> list[Questionnaire]:
    """Install every default questionnaire the organisation lacks; return the ones installed."""
    specs = default_specs()
    with database.atomic():
        existing = {q.key for q in Questionnaire.select(Questionnaire.key)
                    .where(Questionnaire.organisation == organisation)}
        return [install(organisation, spec) for spec in specs if spec.key not in existing]
