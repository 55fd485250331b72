"""The coordinator's editor: draft versions, questions and options, publishing.

Only a draft version is edited. A new draft is a full copy of the published version (questions
and options are new rows), so responses stay tied to the version they answered and read the
same after any later edit. Publishing archives the previously published version.
"""
from __future__ import annotations

import datetime as dt

from webapp.db import database
from webapp.models import Question, QuestionnaireVersion, QuestionOption
from webapp.models.questionnaire import ARCHIVED, DRAFT, PUBLISHED
from webapp.questionnaires.loader import QuestionSpec, create_question, create_questions

DIRECTIONS = ("up", "down")


class NotEditable(Exception):
    """Only a draft version can be changed."""


def _editable(version) -> None:
    if version.status != DRAFT:
        raise NotEditable()


def draft_of(questionnaire):
    return (QuestionnaireVersion.select().where((QuestionnaireVersion.questionnaire == questionnaire)
                                                & (QuestionnaireVersion.status == DRAFT)).first())


def new_draft(questionnaire, actor) -> QuestionnaireVersion:
    """The questionnaire's draft version: the existing one, or a copy of the newest version."""
    with database.atomic():
        existing = draft_of(questionnaire)
        if existing is not None:
            return existing
        source = (questionnaire.published_version()
                  or QuestionnaireVersion.select().where(QuestionnaireVersion.questionnaire == questionnaire)
                  .order_by(QuestionnaireVersion.number.desc()).first())
        number = (source.number + 1) if source else 1
        draft = QuestionnaireVersion.create(questionnaire=questionnaire, number=number, status=DRAFT, created_by=actor)
        if source is not None:
            create_questions(draft, specs_of(source))
        return draft


def specs_of(version) -> list[tuple[int, QuestionSpec]]:
    """``(position, spec)`` of every question of ``version``, its options read in one query."""
    options: dict[int, list[tuple[str, str]]] = {}
    for question_id, value, label in (QuestionOption.select(QuestionOption.question, QuestionOption.value,
                                                            QuestionOption.label)
                                      .join(Question).where(Question.version == version)
                                      .order_by(QuestionOption.position, QuestionOption.id).tuples()):
        options.setdefault(question_id, []).append((value, label))
    return [(question.position, spec_of(question, options.get(question.id, [])))
            for question in version.ordered_questions()]


def spec_of(question, options: list[tuple[str, str]]) -> QuestionSpec:
    return QuestionSpec(
        key=question.key, text=question.text, qtype=question.qtype, section=question.section,
        help_text=question.help_text, required=question.required, min_value=question.min_value,
        max_value=question.max_value, max_length=question.max_length, max_choices=question.max_choices,
        categories=question.category_list, forms=question.form_list, feature=question.feature,
        options=options)


def _free_key(version) -> str:
    keys = {q.key for q in version.questions}
    n = len(keys) + 1
    while f"q{n}" in keys:
        n += 1
    return f"q{n}"


def add_question(version, spec: QuestionSpec) -> Question:
    _editable(version)
    with database.atomic():
        spec.key = spec.key or _free_key(version)
        last = max((q.position for q in version.questions), default=-1)
        return create_question(version, spec, last + 1)


def update_question(question, spec: QuestionSpec) -> Question:
    _editable(question.version)
    with database.atomic():
        position, version = question.position, question.version
        spec.key = spec.key or question.key
        question.delete_instance(recursive=True)
        return create_question(version, spec, position)


def move_question(question, direction: str) -> None:
    _editable(question.version)
    with database.atomic():
        ordered = list(question.version.ordered_questions())
        index = next(i for i, q in enumerate(ordered) if q.id == question.id)
        other = index - 1 if direction == "up" else index + 1
        if 0 <= other < len(ordered):
            ordered[index], ordered[other] = ordered[other], ordered[index]
        for position, item in enumerate(ordered):
            if item.position != position:
                Question.update(position=position).where(Question.id == item.id).execute()


def delete_question(question) -> None:
    _editable(question.version)
    question.delete_instance(recursive=True)


def publish(version, actor) -> None:
    _editable(version)
    with database.atomic():
        (QuestionnaireVersion.update(status=ARCHIVED)
         .where((QuestionnaireVersion.questionnaire == version.questionnaire_id)
                & (QuestionnaireVersion.status == PUBLISHED)).execute())
        QuestionnaireVersion.update(status=PUBLISHED, published_at=dt.datetime.now()).where(
            QuestionnaireVersion.id == version.id).execute()
    version.status = PUBLISHED


def options_text(question) -> str:
    return "\n".join(f"{o.value} | {o.label}" for o in question.ordered_options())

