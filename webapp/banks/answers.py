"""People's questionnaire answers, read in a few queries and rendered for people to read.

``responses_for(user_ids)`` loads the responses of many people with three queries (responses with
their questionnaire, answers with their question, options of those questions), whatever the number
of people — the bank page, the person page, the XLSX export and the personal-data file all use it.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from matching.catalogue import AVAILABILITY_SLOTS, FORM_LABELS, FORMATS, PROBLEMS
from webapp.models import Answer, Question, QuestionOption, Questionnaire, QuestionnaireVersion, Response
from webapp.models.questionnaire import (DATE, MENTEE_REQUEST, MENTOR_PROFILE, MULTIPLE, RANKED, SCALE,
                                         SINGLE, SUBMITTED, YESNO)

NOT_STARTED, DRAFT_STATUS = "not_started", "draft"
QUESTIONNAIRE_STATUSES = (NOT_STARTED, DRAFT_STATUS, SUBMITTED)
PURPOSE_OF_ROLE = {"mentor": MENTOR_PROFILE, "mentee": MENTEE_REQUEST}
PROBLEM_FEATURE_OF_ROLE = {"mentor": "competences", "mentee": "requests"}

# labels of catalogue keys when a question stores keys without options of its own
FEATURE_LABELS = {"competences": PROBLEMS, "requests": PROBLEMS, "forms": FORM_LABELS,
                  "formats": FORMATS, "availability": AVAILABILITY_SLOTS}


@dataclass
class RenderedAnswer:
    question: Question
    items: list  # labels, in stored (for ranked: priority) order
    ordered: bool = False

    @property
    def text(self) -> str:
        if self.ordered:
            return "; ".join(f"{n}. {item}" for n, item in enumerate(self.items, 1))
        return "; ".join(self.items)


@dataclass
class ResponseView:
    response: Response
    questionnaire: Questionnaire
    answers: list = field(default_factory=list)  # RenderedAnswer, in question order

    def by_key(self) -> dict:
        return {a.question.key: a for a in self.answers}


def _label(question: Question, value, options: dict) -> str:
    key = str(value)
    if key in options:
        return options[key]
    return FEATURE_LABELS.get(question.feature, {}).get(key, key)


def _number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def render_answer(question: Question, value, options: dict) -> RenderedAnswer:
    """A stored JSON value as words: option labels, «7 из 10», «да», ranked lists in order."""
    qtype = question.qtype
    if value is None or value == "" or value == []:
        return RenderedAnswer(question, [])
    if qtype in (MULTIPLE, RANKED) and isinstance(value, list):
        return RenderedAnswer(question, [_label(question, v, options) for v in value], ordered=qtype == RANKED)
    if isinstance(value, list):
        return RenderedAnswer(question, [_label(question, v, options) for v in value])
    if qtype == SINGLE:
        return RenderedAnswer(question, [_label(question, value, options)])
    if qtype == SCALE:
        top = f" из {_number(question.max_value)}" if question.max_value is not None else ""
        return RenderedAnswer(question, [f"{_number(value)}{top}"])
    if qtype == YESNO:
        yes = value in (True, "yes", "true", 1, "1", "да")
        return RenderedAnswer(question, ["да" if yes else "нет"])
    if qtype == DATE:
        try:
            return RenderedAnswer(question, [dt.date.fromisoformat(str(value)).strftime("%d.%m.%Y")])
        except ValueError:
            return RenderedAnswer(question, [str(value)])
    if isinstance(value, (int, float)):
        return RenderedAnswer(question, [_number(value)])
    return RenderedAnswer(question, [str(value)])


def responses_for(user_ids, purposes=None) -> dict[int, list[ResponseView]]:
    """Every response of these people (newest first), answers rendered; three queries in all."""
    user_ids = list(user_ids)
    result: dict[int, list[ResponseView]] = {i: [] for i in user_ids}
    if not user_ids:
        return result
    query = (Response.select(Response, QuestionnaireVersion, Questionnaire)
             .join(QuestionnaireVersion).join(Questionnaire)
             .where(Response.user.in_(user_ids)))
    if purposes:
        query = query.where(Questionnaire.purpose.in_(list(purposes)))
    views = {}
    for response in query.order_by(Response.updated_at.desc(), Response.id.desc()):
        view = ResponseView(response, response.version.questionnaire)
        views[response.id] = view
        result[response.user_id].append(view)
    if not views:
        return result
    answers = list(Answer.select(Answer, Question).join(Question)
                   .where(Answer.response.in_(list(views)))
                   .order_by(Answer.response, Question.position, Question.id))
    options = defaultdict(dict)
    question_ids = {a.question_id for a in answers}
    if question_ids:
        for option in QuestionOption.select().where(QuestionOption.question.in_(list(question_ids))):
            options[option.question_id][option.value] = option.label
    for answer in answers:
        try:
            value = answer.value
        except ValueError:
            value = answer.value_json
        views[answer.response_id].answers.append(
            render_answer(answer.question, value, options[answer.question_id]))
    return result


def questionnaire_status(views) -> str:
    """not_started | draft | submitted for a person's responses to one purpose."""
    return _status_of({v.response.status for v in views})


def _status_of(statuses: set) -> str:
    if SUBMITTED in statuses:
        return SUBMITTED
    return DRAFT_STATUS if statuses else NOT_STARTED


def questionnaire_statuses(user_ids, purpose: str) -> dict[int, str]:
    """{user id: not_started | draft | submitted} for ``purpose``, in one query of two columns: the
    bank's table shows only that, and reading every answer for it (``responses_for``) made a third of
    the page's time."""
    found: dict[int, set] = {i: set() for i in user_ids}
    if found:
        for user_id, status in (Response.select(Response.user, Response.status)
                                .join(QuestionnaireVersion).join(Questionnaire)
                                .where(Response.user.in_(list(found)) & (Questionnaire.purpose == purpose))
                                .tuples()):
            found[user_id].add(status)
    return {user_id: _status_of(statuses) for user_id, statuses in found.items()}


def status_condition(user_field, purpose: str, status: str):
    """A peewee expression selecting users with this questionnaire status for ``purpose``."""
    def ids(only_submitted: bool):
        query = (Response.select(Response.user).join(QuestionnaireVersion).join(Questionnaire)
                 .where(Questionnaire.purpose == purpose))
        if only_submitted:
            query = query.where(Response.status == SUBMITTED)
        return query
    if status == SUBMITTED:
        return user_field.in_(ids(True))
    if status == DRAFT_STATUS:
        return user_field.in_(ids(False)) & user_field.not_in(ids(True))
    return user_field.not_in(ids(False))


def status_rank(user_field, purpose: str):
    """A correlated scalar subquery: 0 not started, 1 draft, 2 submitted (for sorting)."""
    import peewee as pw
    rank = pw.Case(Response.status, ((SUBMITTED, 2),), 1)
    sub = (Response.select(pw.fn.MAX(rank)).join(QuestionnaireVersion).join(Questionnaire)
           .where((Response.user == user_field) & (Questionnaire.purpose == purpose)))
    return pw.fn.COALESCE(sub, 0)


def answered_with(user_field, feature: str, key: str):
    """People who chose ``key`` in a question read by matching as ``feature``."""
    import json
    needle = json.dumps(key, ensure_ascii=False)
    return user_field.in_(Response.select(Response.user).join(Answer).join(Question)
                          .where((Question.feature == feature) & Answer.value_json.contains(needle)))
