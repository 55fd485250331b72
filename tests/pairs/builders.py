"""A small school ready for matching: questionnaire answers and consents written through the models."""
from __future__ import annotations

import datetime as dt
import json

from tests.factories import make_user
from webapp.models import Answer, Consent, Question, Questionnaire, QuestionnaireVersion, Response
from webapp.models.consent import PARTICIPATION, PERSONAL_DATA, REPRESENTATIVE, SELF

FEATURES = {
    "mentor": ["competences", "subjects", "formats", "availability", "capacity", "about"],
    "mentee": ["requests", "subjects", "formats", "availability", "about", "goals"],
}


def questionnaires(org) -> dict:
    out = {}
    for role, purpose in (("mentor", "mentor_profile"), ("mentee", "mentee_request")):
        q = Questionnaire.create(organisation=org, key=f"pairs-{purpose}", title=purpose, purpose=purpose, role=role)
        version = QuestionnaireVersion.create(questionnaire=q, number=1, status="published",
                                              published_at=dt.datetime.now())
        questions = {}
        for position, feature in enumerate(FEATURES[role]):
            questions[feature] = Question.create(version=version, position=position, key=feature, text=feature,
                                                 qtype="long_text", feature=feature)
        out[role] = (version, questions)
    return out


def answer(user, forms, role, **values):
    version, questions = forms[role]
    response = Response.create(organisation=user.organisation_id, user=user, version=version, status="submitted",
                               submitted_at=dt.datetime.now())
    for key, value in values.items():
        Answer.create(response=response, question=questions[key], value_json=json.dumps(value, ensure_ascii=False))
    return response


def consent(user, representative=""):
    for kind in (PERSONAL_DATA, PARTICIPATION):
        Consent.create(organisation=user.organisation_id, user=user, kind=kind,
                       given_by=REPRESENTATIVE if representative else SELF, representative_name=representative,
                       representative_relation="мать" if representative else "", signed_on=dt.date(2025, 9, 1),
                       received_at=dt.datetime.now())


def matching_school(school) -> dict:
    """Adds answers and consents to the ``school`` fixture and a few more people.

    Teachers: mentor (IT, capacity 1), mentor2 (burnout, capacity 1); teacher mentees young1 (IT),
    young2 (burnout), young3 (IT, competes with young1 for «mentor»). Students: senior (10А, mentor for
    low results), mentee (7Б, low results). «both» has no consents: outside the banks.
    """
    org = school["org"]
    forms = questionnaires(org)
    p = dict(school)
    p["mentor"].email = "mentor@school.example"
    p["mentor"].save()
    p["mentor2"] = make_user(org, "mentor2", ["mentor"], full_name="Выгоранова Ольга Ивановна")
    p["senior"] = make_user(org, "senior", ["mentor"], full_name="Старшеклассников Иван Петрович",
                            category="student", class_name="10А")
    p["young1"] = make_user(org, "young1", ["mentee"], full_name="Молодой Артём Сергеевич", subjects="информатика")
    p["young2"] = make_user(org, "young2", ["mentee"], full_name="Начинающая Дарья Олеговна")
    p["young3"] = make_user(org, "young3", ["mentee"], full_name="Новенький Глеб Ильич", subjects="информатика")
    p["young1"].email = "young1@school.example"
    p["young1"].save()
    answer(p["mentor"], forms, "mentor", competences=["it_skills", "new_technologies"], subjects=["информатика"],
           formats="both", availability=["tue_afternoon"], capacity=1,
           about="Веду уроки информатики с электронными платформами, помогаю освоить цифровые сервисы")
    answer(p["mentor2"], forms, "mentor", competences=["burnout_prevention", "professional_growth"],
           formats="in_person", availability=["wed_afternoon"], capacity=1,
           about="Психолог по образованию, профилактика выгорания, баланс нагрузки")
    answer(p["senior"], forms, "mentor", competences=["low_results", "learning_motivation_loss"],
           subjects=["математика"], formats="both", availability=["mon_afternoon"], capacity=1,
           about="Помогаю младшим с математикой и домашними заданиями")
    answer(p["young1"], forms, "mentee", requests=["it_skills"], subjects=["информатика"], formats="both",
           availability=["tue_afternoon"], about="Хочу освоить электронную платформу для уроков информатики")
    answer(p["young2"], forms, "mentee", requests=["burnout_prevention"], formats="in_person",
           availability=["wed_afternoon"], about="Устаю, не хватает времени, выгорание")
    answer(p["young3"], forms, "mentee", requests=["it_skills"], subjects=["информатика"], formats="remote",
           availability=["fri_evening"], about="Нужны цифровые сервисы для уроков")
    answer(p["mentee"], forms, "mentee", requests=["low_results"], subjects=["математика"], formats="both",
           availability=["mon_afternoon"], about="Плохие оценки по математике", goals="исправить оценки")
    for key in ("mentor", "mentor2", "senior", "young1", "young2", "young3"):
        consent(p[key])
    consent(p["mentee"], representative="Ученикова Мария Ивановна")
    p["forms"] = forms
    return p
