"""What matching and the banks read: answers_for and profile_features; the demo school's answers."""
from __future__ import annotations

from webapp.models import Organisation, Response, User, UserRole
from webapp.questionnaires import responses
from webapp.questionnaires.features import answers_for, profile_features
from tests.questionnaires.conftest import question, questionnaire


def test_features_of_a_mentor_merge_both_problem_lists(installed):
    mentor = installed["mentor"]
    response = responses.start(mentor, questionnaire(installed["org"], "mentor_profile"))
    v = response.version
    responses.save_answer(response, question(v, "competences_teacher"), ["burnout_prevention", "it_skills"])
    responses.save_answer(response, question(v, "competences_student"), ["gifted_children"])
    responses.save_answer(response, question(v, "capacity"), "3")
    responses.save_answer(response, question(v, "availability"), ["wed_evening", "mon_morning"])
    responses.save_answer(response, question(v, "about"), "Готовлю к ОГЭ")
    features = profile_features([mentor], "mentor_profile")[mentor.id]
    assert features["competences"] == ["burnout_prevention", "it_skills", "gifted_children"]
    assert features["capacity"] == 3 and features["availability"] == ["mon_morning", "wed_evening"]
    assert features["about"] == "Готовлю к ОГЭ" and features["_status"] == "draft"
    answers = answers_for(mentor, "mentor_profile")
    assert answers["competences_teacher"] == ["burnout_prevention", "it_skills"]
    assert answers["competences"] == features["competences"] and answers["capacity"] == 3
    assert answers_for(installed["mentee"], "mentor_profile") == {}
    assert profile_features([installed["mentee"]], "mentor_profile") == {}
    assert profile_features([], "mentor_profile") == {}


def test_the_submitted_response_wins_over_a_later_draft(installed):
    mentee = installed["mentee"]
    q = questionnaire(installed["org"], "mentee_request")
    first = responses.start(mentee, q)
    responses.save_answer(first, question(first.version, "requests_student"), {"low_results": "2", "gifted_children": "1"})
    Response.update(status="submitted").where(Response.id == first.id).execute()
    later = Response.create(organisation=mentee.organisation, user=mentee, version=first.version)
    responses.save_answer(later, question(first.version, "requests_student"), {"civic_position": "1"})
    assert profile_features([mentee.id], "mentee_request")[mentee.id]["requests"] == ["gifted_children", "low_results"]


def test_profile_features_query_count_does_not_grow(installed):
    from playhouse.test_utils import count_queries
    q = questionnaire(installed["org"], "mentor_profile")
    users = [installed["mentor"], installed["both"]]
    for user in users:
        r = responses.start(user, q)
        responses.save_answer(r, question(r.version, "about"), "текст")
    with count_queries() as counter:
        profile_features(users, "mentor_profile")
    assert counter.count <= 3


def test_demo_school_answers_look_alive(demo_app):
    org = Organisation.get()
    mentors = list(User.select().join(UserRole).where((User.organisation == org) & (UserRole.role == "mentor")))
    features = profile_features(mentors, "mentor_profile")
    submitted = [f for f in features.values() if f["_status"] == "submitted"]
    drafts = [f for f in features.values() if f["_status"] == "draft"]
    assert len(submitted) >= len(mentors) * 0.6 and drafts and len(features) < len(mentors)
    assert all(1 <= f["capacity"] <= 4 and f["about"] and f["competences"] for f in submitted)
    abouts = {f["about"] for f in submitted}
    assert len(abouts) == len(submitted)  # every text is its own
    mentor = User.get(User.login == "mentor")
    assert features[mentor.id]["_status"] == "submitted"
    mentees = list(User.select().join(UserRole).where((User.organisation == org) & (UserRole.role == "mentee")))
    requests = profile_features(mentees, "mentee_request")
    assert User.get(User.login == "novichok").id not in requests  # the demo log-in yet to fill it in
    assert requests[User.get(User.login == "mentee").id]["_status"] == "submitted"  # paired, so asked first
    assert sum(f["_status"] == "submitted" for f in requests.values()) >= len(mentees) * 0.6
    assert all(f["requests"] and f["about"] for f in requests.values() if f["_status"] == "submitted")
    # deterministic
    first = {u: dict(f) for u, f in requests.items()}
    from webapp.questionnaires.demo_answers import mentee_answers
    import random
    assert mentee_answers(mentees[0], random.Random(1)) == mentee_answers(mentees[0], random.Random(1))
    assert first


def test_questions_for_a_form_of_mentoring_show_only_there(installed):
    from tests.factories import make_user
    from webapp.models import Question
    org = installed["org"]
    employer = make_user(org, "boss", ["mentor"], full_name="Работодателев Иван", category="employer")
    version = questionnaire(org, "mentor_profile").published_version()
    Question.create(version=version, key="plant_visit", text="Экскурсия на завод?", qtype="yesno", position=99,
                    forms="employer_student")
    teacher_keys = {q.key for q in responses.visible_questions(version, installed["mentor"])}
    employer_keys = {q.key for q in responses.visible_questions(version, employer)}
    assert "plant_visit" in employer_keys and "plant_visit" not in teacher_keys
    assert {"field_of_work", "forms", "excursions"} <= employer_keys
    assert "competences_teacher" in teacher_keys and "competences_teacher" not in employer_keys
