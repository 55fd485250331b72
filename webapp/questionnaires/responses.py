"""Filling in: a person's draft response, autosaved answer by answer, submitted and locked.

A response is tied to the version it was started on; a draft keeps answering that version even
after the coordinator publishes a new one, so nothing typed is lost and old answers always read
against the questions they answered. Invalid input is never stored: the saved answer stays.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from peewee import fn

from webapp.db import database
from matching.catalogue import FORMS
from webapp.models import Answer, AuditEvent, MentoringGroup, Question, QuestionnaireVersion, Response
from webapp.models.questionnaire import DRAFT, SUBMITTED
from webapp.questionnaires import validation
from webapp.questionnaires.validation import Checked


class ResponseLocked(Exception):
    """The response was submitted; only the coordinator can reopen it."""


class NotPublished(Exception):
    """The questionnaire has no published version to fill in."""


def forms_for(user, role: str, group_id: int | None = None) -> set[str]:
    """Forms of mentoring the person takes part in: the group's form, else those their category allows."""
    if group_id:
        group = MentoringGroup.get_or_none(MentoringGroup.id == group_id)
        if group is not None:
            return {group.form}
    side = "mentor_category" if role == "mentor" else "mentee_category"
    return {key for key, rule in FORMS.items() if getattr(rule, side) == user.category}


#: A question keyed ``competence__<problem>`` is asked only of a person whose request names that
#: problem, so the outcome («competence on what I asked help with») is tied to the request.
PROBLEM_PREFIX = "competence__"


def requested_problems(user) -> set[str]:
    """The problem keys of the person's mentee request (its «requests» feature)."""
    from webapp.models.questionnaire import MENTEE_REQUEST
    from webapp.questionnaires.features import answers_for
    value = answers_for(user, MENTEE_REQUEST).get("requests")
    if isinstance(value, dict):
        return set(value)
    if isinstance(value, list):
        return {str(v) for v in value}
    return set()


def applies_to(question, user, role: str, forms: set[str], problems: set[str] | None = None) -> bool:
    if question.category_list and user.category not in question.category_list:
        return False
    if question.form_list and not (set(question.form_list) & forms):
        return False
    if problems is not None and question.key.startswith(PROBLEM_PREFIX):
        return question.key[len(PROBLEM_PREFIX):] in problems
    return True


def visible_questions(version, user, group_id: int | None = None) -> list[Question]:
    """The questions of ``version`` this person is asked, in order (filtered by category, form and,
    for per-problem questions, the problems of the person's request)."""
    role = version.questionnaire.role
    forms = forms_for(user, role, group_id)
    questions = list(version.ordered_questions())
    problems = requested_problems(user) if any(q.key.startswith(PROBLEM_PREFIX) for q in questions) else None
    return [q for q in questions if applies_to(q, user, role, forms, problems)]


def responses_of(user, questionnaire, group_id: int | None = None):
    query = (Response.select().join(QuestionnaireVersion)
             .where((Response.user == user) & (QuestionnaireVersion.questionnaire == questionnaire)))
    if group_id is None:
        query = query.where(Response.group_id.is_null())
    else:
        query = query.where(Response.group_id == group_id)
    return query.order_by(Response.id.desc())


def current_response(user, questionnaire, group_id: int | None = None) -> Response | None:
    return responses_of(user, questionnaire, group_id).first()


def start(user, questionnaire, *, assignment=None, group_id: int | None = None) -> Response:
    """The person's response to ``questionnaire``: the existing one, or a new draft on the published version."""
    with database.atomic():
        existing = current_response(user, questionnaire, group_id)
        if existing is not None:
            return existing
        version = questionnaire.published_version()
        if version is None:
            raise NotPublished()
        return Response.create(organisation=user.organisation_id, user=user, version=version,
                               assignment=assignment, group_id=group_id)


def stored_answers(response) -> dict[int, object]:
    """{question id: value} of a response."""
    return {a.question_id: a.value for a in Answer.select().where(Answer.response == response)}


def answer_versions(response) -> dict[int, int]:
    """{question id: version} of a response's stored answers (an unanswered question is version 0)."""
    return {a.question_id: a.version or 0
            for a in Answer.select(Answer.question, Answer.version).where(Answer.response == response)}


def _next_revision(response) -> int:
    """Count one more write of ``response`` (inside the caller's transaction)."""
    Response.update(revision=fn.COALESCE(Response.revision, 0) + 1).where(Response.id == response.id).execute()
    response.revision = Response.select(Response.revision).where(Response.id == response.id).scalar()
    return response.revision


def _store(response, question, value, revision: int) -> int:
    """Store (or clear) one answer; its version is ``revision``, or 0 when there is no answer any more."""
    if value is None:
        Answer.delete().where((Answer.response == response) & (Answer.question == question)).execute()
        return 0
    answer = Answer.get_or_none((Answer.response == response) & (Answer.question == question))
    if answer is None:
        answer = Answer(response=response, question=question)
    answer.value = value
    answer.version = revision
    answer.save()
    return revision


def _touch(response) -> None:
    response.updated_at = dt.datetime.now()
    Response.update(updated_at=response.updated_at).where(Response.id == response.id).execute()


def question_of(response, question_id) -> Question | None:
    """A question of the response's version that this person is asked, or None (forged id)."""
    try:
        question_id = int(question_id)
    except (TypeError, ValueError):
        return None
    for question in visible_questions(response.version, response.user, response.group_id):
        if question.id == question_id:
            return question
    return None


@dataclass
class Saved:
    """One answer after a save: the check, and the answer's version now stored (0 = no answer)."""
    checked: Checked
    version: int
    stale: bool = False

    @property
    def error(self):
        return self.checked.error

    @property
    def shown(self):
        return self.checked.shown


def _is_stale(checked: Checked, base_version, current_version: int, current_value) -> bool:
    """A write based on an older version of the answer, that would change what is stored now.
    (The same value again is no conflict: a retried request whose answer was lost is accepted.)"""
    return base_version is not None and base_version != current_version and checked.value != current_value


def _save_checked(response, question, checked: Checked, base_version, versions, stored) -> Saved:
    current = versions.get(question.id, 0)
    if checked.error is not None:
        return Saved(checked, current)
    if _is_stale(checked, base_version, current, stored.get(question.id)):
        return Saved(Checked(value=None, shown=checked.shown, error=validation.stale_message()), current, stale=True)
    version = _store(response, question, checked.value, _next_revision(response))
    return Saved(checked, version)


def save_answer(response, question, raw, base_version: int | None = None) -> Saved:
    """Check and store one answer (autosave). Rejected input is returned with its message, not stored;
    with ``base_version`` (the version the page showed), a write over a newer answer is refused."""
    if response.is_locked:
        raise ResponseLocked()
    checked = validation.check(question, raw)
    with database.atomic():
        answer = Answer.get_or_none((Answer.response == response) & (Answer.question == question))
        versions = {question.id: (answer.version or 0) if answer else 0}
        values = {question.id: answer.value if answer else None}
        saved = _save_checked(response, question, checked, base_version, versions, values)
        if saved.error is None:
            _forget_pending(response, [question.id])
            _touch(response)
    return saved


def save_form(response, posted) -> dict[int, Saved]:
    """Store every answer a plain form carried (the Save button without JavaScript; ``posted`` is an
    ``answers_form.PostedAnswers``). An answer the form shows at an older version than the stored one is
    refused if it would change it."""
    if response.is_locked:
        raise ResponseLocked()
    bases = posted.bases
    results = {}
    with database.atomic():
        versions, stored = answer_versions(response), stored_answers(response)
        for question in visible_questions(response.version, response.user, response.group_id):
            if question.id not in posted.raws:
                continue
            checked = validation.check(question, posted.raws[question.id])
            # a form without versions (an old page) may not clear or change answers it never showed
            base = bases.get(question.id, 0 if bases else None)
            results[question.id] = _save_checked(response, question, checked, base, versions, stored)
        _forget_pending(response, [qid for qid, saved in results.items() if saved.error is None])
        _touch(response)
    return results


def pending(response) -> dict[int, dict]:
    """{question id: {"shown": typed value, "error": message}} refused on the last save, kept to show again."""
    try:
        data = json.loads(response.pending_json or "{}")
    except ValueError:
        return {}
    return {int(k): v for k, v in data.items() if str(k).isdigit() and isinstance(v, dict)}


def keep_pending(response, refused: dict[int, dict]) -> None:
    """Keep the refused typed values and their messages in the draft (post/redirect/get shows them)."""
    kept = {**pending(response), **refused}
    response.pending_json = json.dumps({str(k): v for k, v in kept.items()}, ensure_ascii=False)
    Response.update(pending_json=response.pending_json).where(Response.id == response.id).execute()


def _forget_pending(response, question_ids) -> None:
    kept = pending(response)
    if any(qid in kept for qid in question_ids):
        left = {str(k): v for k, v in kept.items() if k not in question_ids}
        response.pending_json = json.dumps(left, ensure_ascii=False) if left else None
        Response.update(pending_json=response.pending_json).where(Response.id == response.id).execute()


def missing_required(response) -> list[Question]:
    answers = stored_answers(response)
    return [q for q in visible_questions(response.version, response.user, response.group_id)
            if q.required and answers.get(q.id) in (None, "", [])]


def submit(response) -> list[Question]:
    """Lock the response when every required question is answered; return the unanswered ones."""
    if response.is_locked:
        raise ResponseLocked()
    missing = missing_required(response)
    if missing:
        return missing
    now = dt.datetime.now()
    with database.atomic():
        Response.update(status=SUBMITTED, submitted_at=now, updated_at=now, pending_json=None).where(
            Response.id == response.id).execute()
    response.status, response.submitted_at = SUBMITTED, now
    return []


def reopen(response, actor) -> None:
    """The coordinator lets the person change a submitted response; recorded in the audit log."""
    with database.atomic():
        Response.update(status=DRAFT).where(Response.id == response.id).execute()
        AuditEvent.record("questionnaire_reopened", actor=actor, organisation=response.organisation_id,
                          target=response.user.login,
                          details=f"{response.version.questionnaire.title} (ответ {response.id})")
    response.status = DRAFT
