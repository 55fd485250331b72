"""What other areas read from questionnaires (the banks, matching, monitoring reports).

Which response counts: the person's latest *submitted* response to a questionnaire of the
purpose; when none is submitted, their latest draft. Values have the stored shapes (see
:mod:`webapp.questionnaires.validation`): lists for multiple choice, lists most-important-first
for ranked questions, int/float for numbers, int for 1–10 scales, bool for yes/no, str otherwise.

When several questions carry one feature (a teacher mentor answers both the teachers' and the
students' problem lists, both ``feature = "competences"``), list values are joined in question
order without repeats; for single values the first answered question wins.
"""
from __future__ import annotations

from webapp.models import Answer, Question, Questionnaire, QuestionnaireVersion, Response
from webapp.models.questionnaire import SUBMITTED


def _chosen_responses(user_ids: list[int], purpose: str) -> dict[int, Response]:
    query = (Response.select(Response, QuestionnaireVersion)
             .join(QuestionnaireVersion).join(Questionnaire)
             .where(Response.user.in_(user_ids) & (Questionnaire.purpose == purpose)
                    & (Response.group_id.is_null()))
             .order_by(Response.id.desc()))
    chosen: dict[int, Response] = {}
    for response in query:
        current = chosen.get(response.user_id)
        if current is None or (response.status == SUBMITTED and current.status != SUBMITTED):
            chosen[response.user_id] = response
    return chosen


def _merge(target: dict, name: str, value) -> None:
    if name not in target:
        target[name] = list(value) if isinstance(value, list) else value
    elif isinstance(target[name], list) and isinstance(value, list):
        target[name].extend(v for v in value if v not in target[name])


def _collect(response_ids: list[int]) -> dict[int, list[tuple[Question, object]]]:
    rows = (Answer.select(Answer, Question).join(Question)
            .where(Answer.response.in_(response_ids))
            .order_by(Question.position, Question.id))
    by_response: dict[int, list] = {}
    for answer in rows:
        by_response.setdefault(answer.response_id, []).append((answer.question, answer.value))
    return by_response


def profile_features(users, purpose: str) -> dict[int, dict]:
    """``{user_id: {feature: value}}`` for each user who has a response of ``purpose``.

    Users without any response are left out. Three queries whatever the number of users.
    Feature keys: competences, requests, subjects, formats, availability, capacity, experience,
    forms, types, about, goals (whichever the questionnaire asks). Example for a mentee:
    ``{"requests": ["low_results", "individual_trajectory"], "subjects": ["математика"],
    "formats": "remote", "availability": ["tue_evening"], "about": "…", "goals": "…"}``.
    Each dict also carries ``"_status"`` ("submitted" or "draft") and ``"_response_id"``.
    """
    user_ids = [u if isinstance(u, int) else u.id for u in users]
    if not user_ids:
        return {}
    chosen = _chosen_responses(user_ids, purpose)
    answers = _collect([r.id for r in chosen.values()])
    result = {}
    for user_id, response in chosen.items():
        features: dict = {"_status": response.status, "_response_id": response.id}
        for question, value in answers.get(response.id, []):
            if question.feature:
                _merge(features, question.feature, value)
        result[user_id] = features
    return result


def answers_for(user, purpose: str) -> dict:
    """``{question key: value}`` plus ``{feature: value}`` of the person's response of ``purpose``.

    Empty dict when the person has not started one. Keys and features share one namespace; a
    feature overrides a question key of the same name (they hold the same answer in the
    default questionnaires, e.g. "subjects", "capacity", "about").
    """
    chosen = _chosen_responses([user.id], purpose).get(user.id)
    if chosen is None:
        return {}
    result: dict = {}
    features: dict = {}
    for question, value in _collect([chosen.id]).get(chosen.id, []):
        result[question.key] = value
        if question.feature:
            _merge(features, question.feature, value)
    result.update(features)
    return result
