"""Reading monitoring answers and assignments of an organisation as observations for ``statistics``."""
from __future__ import annotations

from webapp.consents.services import answers_hidden_ids
from webapp.models import (Answer, Assignment, GroupMember, MentoringGroup, Question, Questionnaire,
                           QuestionnaireVersion, Response, User)
from webapp.models.questionnaire import SCALE, SUBMITTED, YESNO, LONG_TEXT, SHORT_TEXT
from webapp.monitoring import cache
from webapp.monitoring.assigning import PURPOSE_STAGE
from webapp.shipped_text import shipped
from webapp.monitoring.statistics import MENTOR_RENAMED, Expected, Observation


def groups_of(organisation, *, form: str = "", group_id: int | None = None, year=None) -> dict[int, MentoringGroup]:
    """The school's pairs/groups, optionally of one form, one id, or started within one school year."""
    query = MentoringGroup.select().where(MentoringGroup.organisation == organisation)
    if year is not None:
        query = query.where(MentoringGroup.started_on.between(year.first_day, year.last_day))
    if form:
        query = query.where(MentoringGroup.form == form)
    if group_id is not None:
        query = query.where(MentoringGroup.id == group_id)
    return {g.id: g for g in query}


def _year_key(year) -> str:
    return "all" if year is None else str(year.start_year)


def observations(organisation, *, form: str = "", group_id: int | None = None, year=None) -> list[Observation]:
    """The latest submitted monitoring answers per person, pair and stage, of the pairs started in
    ``year`` (a SchoolYear; None = every year) (read-only: cached)."""
    if not form and group_id is None:
        return cache.cached(f"observations:{_year_key(year)}", organisation,
                            lambda: _observations(organisation, year=year))
    return _observations(organisation, form=form, group_id=group_id, year=year)


def _observations(organisation, *, form: str = "", group_id: int | None = None, year=None) -> list[Observation]:
    groups = groups_of(organisation, form=form, group_id=group_id, year=year)
    if not groups:
        return []
    responses = (Response.select(Response, QuestionnaireVersion, Questionnaire)
                 .join(QuestionnaireVersion).join(Questionnaire)
                 .where((Response.organisation == organisation) & (Response.status == SUBMITTED)
                        & Response.group_id.in_(list(groups))
                        & Response.user.not_in(answers_hidden_ids(organisation))
                        & Questionnaire.purpose.in_(list(PURPOSE_STAGE)))
                 .order_by(Response.id))
    latest: dict[tuple, Response] = {}
    for response in responses:  # one (the latest) submitted response per person, pair and stage
        stage = PURPOSE_STAGE[response.version.questionnaire.purpose]
        latest[(response.group_id, response.user_id, stage)] = response
    found: dict[int, Observation] = {}
    for (group_id_, user_id, stage), response in latest.items():
        found[response.id] = Observation(group_id_, groups[group_id_].form, response.version.questionnaire.role,
                                         stage, user_id)
    if not found:
        return []
    answers = (Answer.select(Answer, Question).join(Question)
               .where(Answer.response.in_(list(found))))
    for answer in answers:
        observation = found[answer.response_id]
        question, value = answer.question, answer.value
        if question.qtype == SCALE and isinstance(value, (int, float)) and not isinstance(value, bool):
            key = MENTOR_RENAMED.get(question.key, question.key) if observation.role == "mentor" else question.key
            observation.scores[key] = int(value)
        elif question.qtype == YESNO and isinstance(value, bool):
            observation.flags[question.key] = value
        elif question.qtype in (LONG_TEXT, SHORT_TEXT) and isinstance(value, str):
            observation.texts[question.key] = value
    return list(found.values())


def expected(organisation, *, form: str = "", group_id: int | None = None, year=None) -> list[Expected]:
    if not form and group_id is None:
        return cache.cached(f"expected:{_year_key(year)}", organisation, lambda: _expected(organisation, year=year))
    return _expected(organisation, form=form, group_id=group_id, year=year)


def _expected(organisation, *, form: str = "", group_id: int | None = None, year=None) -> list[Expected]:
    groups = groups_of(organisation, form=form, group_id=group_id, year=year)
    if not groups:
        return []
    rows = (Assignment.select(Assignment, Questionnaire).join(Questionnaire)
            .where((Questionnaire.organisation == organisation) & Assignment.group_id.in_(list(groups))
                   & Assignment.user.not_in(answers_hidden_ids(organisation))
                   & Questionnaire.purpose.in_(list(PURPOSE_STAGE))))
    return [Expected(a.group_id, groups[a.group_id].form, a.questionnaire.role,
                     PURPOSE_STAGE[a.questionnaire.purpose], a.user_id) for a in rows]


def question_texts(organisation) -> dict[str, str]:
    """{question key: text} of the monitoring questionnaires (for labelling open answers and items),
    plus {"role:key": text}: mentors and mentees are asked the same key in different words."""
    rows = (Question.select(Question.key, Question.text, Questionnaire.role).join(QuestionnaireVersion)
            .join(Questionnaire)
            .where((Questionnaire.organisation == organisation) & Questionnaire.purpose.in_(list(PURPOSE_STAGE)))
            .order_by(Question.id).tuples())
    texts: dict[str, str] = {}
    for key, text, role in rows:
        texts.setdefault(key, text)
        texts.setdefault(f"{role}:{key}", text)
    return texts


def answer_label(texts: dict, role: str, key: str) -> str:
    """The question as the respondent of this role read it (a shipped default in the reader's language)."""
    return shipped(texts.get(f"{role}:{key}") or texts.get(key)) or key


def pair_names(groups) -> dict[int, str]:
    """{group id: "Наставник — Наставляемый, …"} in one query."""
    ids = [g.id if hasattr(g, "id") else g for g in groups]
    members = (GroupMember.select(GroupMember, User).join(User)
               .where(GroupMember.group.in_(ids)).order_by(GroupMember.role, User.full_name))
    mentors: dict[int, list[str]] = {}
    mentees: dict[int, list[str]] = {}
    for member in members:
        (mentors if member.role == "mentor" else mentees).setdefault(member.group_id, []).append(member.user.full_name)
    return {i: f"{', '.join(mentors.get(i, ['—']))} — {', '.join(mentees.get(i, ['—']))}" for i in ids}
