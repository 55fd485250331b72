"""Real questionnaire rows, responses and consents for the banks' and consents' tests."""
from __future__ import annotations

import datetime as dt
import json

from webapp.models import (Answer, Consent, GroupMember, MentoringGroup, Question, QuestionOption,
                           Questionnaire, QuestionnaireVersion, Response)
from webapp.models.consent import PARTICIPATION, PERSONAL_DATA, REPRESENTATIVE, SELF


def questionnaire(org, purpose="mentor_profile", role="mentor", title="Анкета наставника"):
    q = Questionnaire.create(organisation=org, key=f"{purpose}-{org.id}", title=title, purpose=purpose, role=role)
    version = QuestionnaireVersion.create(questionnaire=q, number=1, status="published",
                                          published_at=dt.datetime.now())
    feature = "competences" if role == "mentor" else "requests"
    questions = {
        "problems": Question.create(version=version, position=1, key="problems", qtype="ranked" if role == "mentee" else "multiple",
                                    text="С чем вы можете помочь?" if role == "mentor" else "Что для вас важнее всего?",
                                    feature=feature),
        "forms": Question.create(version=version, position=2, key="forms", qtype="multiple",
                                 text="Формы наставничества", feature="forms"),
        "format": Question.create(version=version, position=3, key="format", qtype="single",
                                  text="Формат встреч", feature="formats"),
        "comfort": Question.create(version=version, position=4, key="comfort", qtype="scale",
                                   text="Насколько вам комфортно в роли?", min_value=1, max_value=10),
        "ready": Question.create(version=version, position=5, key="ready", qtype="yesno",
                                 text="Готовы начать в этом месяце?"),
        "about": Question.create(version=version, position=6, key="about", qtype="long_text",
                                 text="Расскажите о себе", feature="about"),
    }
    QuestionOption.create(question=questions["format"], position=1, value="in_person", label="Очно")
    QuestionOption.create(question=questions["format"], position=2, value="remote", label="Дистанционно")
    return q, version, questions


def respond(user, version, questions, values: dict, status="submitted"):
    response = Response.create(organisation=user.organisation_id, user=user, version=version, status=status,
                               submitted_at=dt.datetime.now() if status == "submitted" else None)
    for key, value in values.items():
        Answer.create(response=response, question=questions[key], value_json=json.dumps(value, ensure_ascii=False))
    return response


def consent(user, kinds=(PERSONAL_DATA, PARTICIPATION), *, representative="", relation="мать",
            revoked=False, signed_on=dt.date(2025, 9, 1)):
    rows = []
    for kind in kinds:
        rows.append(Consent.create(
            organisation=user.organisation_id, user=user, kind=kind,
            given_by=REPRESENTATIVE if representative else SELF, representative_name=representative,
            representative_relation=relation if representative else "", signed_on=signed_on,
            received_at=dt.datetime.now(), revoked_at=dt.datetime.now() if revoked else None))
    return rows


def pair(org, mentor, mentee, form="teacher_teacher"):
    group = MentoringGroup.create(organisation=org, form=form)
    GroupMember.create(group=group, user=mentor, role="mentor")
    GroupMember.create(group=group, user=mentee, role="mentee")
    return group
