"""Influence indicators: per-problem questions tied to the request, paired over people who answered both."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import text
from tests.factories import make_user
from tests.outcomes.conftest import before_after, submitted, teacher_with_request
from tests.programme_life.conftest import answer
from webapp.models import Questionnaire
from webapp.models.questionnaire import INFLUENCE_BEFORE
from webapp.monitoring import influence, school_year
from webapp.questionnaires.responses import visible_questions

ADAPT = "competence__young_teacher_adaptation"
TECH = "competence__new_technologies"


def test_competence_questions_follow_the_request(school):
    org = school["org"]
    teacher = teacher_with_request(org, "t.one", ["young_teacher_adaptation", "it_skills"])
    questionnaire = Questionnaire.get((Questionnaire.organisation == org) & (Questionnaire.purpose == INFLUENCE_BEFORE))
    keys = [q.key for q in visible_questions(questionnaire.published_version(), teacher)]
    assert [k for k in keys if k.startswith("competence__")] == [ADAPT, "competence__it_skills"]
    assert "ict" in keys and "motivation" not in keys  # teachers' items only
    student = make_user(org, "s.one", ["mentee"], category="student")
    keys = [q.key for q in visible_questions(questionnaire.published_version(), student)]
    assert "motivation" in keys and not any(k.startswith("competence__") for k in keys)


def test_paired_teacher_problems_by_hand(school):
    org = school["org"]
    mentor = school["mentor"]
    befores = [3, 4, 5, 6, 4, 5]
    afters = [5, 5, 7, 6, 6, 8]
    for index, (b, a) in enumerate(zip(befores, afters)):
        teacher = teacher_with_request(org, f"t{index}", ["young_teacher_adaptation"])
        before_after(org, mentor, teacher, {ADAPT: b, "burnout_exhaustion": 8, "burnout_detachment": 7,
                                            "burnout_inefficacy": 6},
                     {ADAPT: a, "burnout_exhaustion": 5, "burnout_detachment": 5, "burnout_inefficacy": 5})
    late = teacher_with_request(org, "t.late", ["young_teacher_adaptation", "new_technologies"])
    before_after(org, mentor, late, {ADAPT: 9, TECH: 2}, {})  # answered only «before»: not paired
    found = influence.analyse(org, school_year.of_start_year(org, 2025))
    row = next(r for r in found.teacher_problems if r.problem == "young_teacher_adaptation")
    assert row.result.n == 6
    assert row.result.mean_before == pytest.approx(27 / 6) and row.result.mean_change == pytest.approx(10 / 6)
    from scipy import stats
    assert abs(row.result.p_value - stats.wilcoxon(afters, befores).pvalue) < 1e-6
    assert row.result.verdict == "no_change"  # p = 0.0625 with n = 6 and ties: not significant
    tech = next(r for r in found.teacher_problems if r.problem == "new_technologies")
    assert tech.result.n == 0 and tech.result.verdict == "insufficient"
    burnout = next(r for r in found.teachers if r.key == "burnout")
    assert burnout.result.n == 6 and burnout.result.mean_change == pytest.approx(5 - 7)
    assert burnout.result.verdict == "improved"  # lower is better, all six went down
    assert (found.asked_before, found.answered_before) == (7, 7)
    other_year = influence.analyse(org, school_year.of_start_year(org, 2024))
    assert all(r.result.n == 0 for r in other_year.teacher_problems)


def test_outcomes_page_shows_per_problem_and_small_groups(school, as_coordinator):
    org = school["org"]
    for index in range(3):
        teacher = teacher_with_request(org, f"t{index}", ["young_teacher_adaptation"])
        before_after(org, school["mentor"], teacher, {ADAPT: 4}, {ADAPT: 7})
    page = text(as_coordinator.get("/monitoring/outcomes?year=2025"))
    assert "Адаптация молодых педагогов" in page and "недостаточно ответов" in page
    assert "%" not in page.split("Педагоги: компетентность")[1].split("</table>")[0]
    assert as_coordinator.get("/monitoring/outcomes?year=2025").status_code == 200


def test_mentor_results_are_hidden_under_five(school):
    org = school["org"]
    teacher = teacher_with_request(org, "t.x", ["young_teacher_adaptation"])
    group = before_after(org, school["mentor"], teacher, {ADAPT: 4}, {ADAPT: 7})
    answer(group, school["mentor"], "mentor", "outcome", {"growth": 9, "kurator_support": 3})
    found = influence.analyse(org, school_year.of_start_year(org, 2025))
    growth = next(m for m in found.mentors if m.key == "growth")
    assert growth.n == 1 and growth.mean is None


def test_participants_cannot_open_the_outcomes_page(client, auth, school):
    auth.login("mentor")
    assert client.get("/monitoring/outcomes").status_code == 403
    assert client.get("/monitoring/spravka.docx").status_code == 403
    assert client.get("/monitoring/marks/import").status_code == 403


def test_support_and_open_answers_are_read_per_role(school, as_coordinator):
    from tests.programme_life.conftest import make_pair
    from webapp.monitoring import dataset, report
    org = school["org"]
    group = make_pair(org, school["mentor"], [school["mentee"]], status="ended")
    answer(group, school["mentor"], "mentor", "entry", {"support": 2, "hopes": "Жду методической помощи"})
    answer(group, school["mentee"], "mentee", "entry", {"support": 8, "hopes": "Жду помощи с уроками"})
    built = report.build(org, year=school_year.of_start_year(org, 2025))
    assert built.school.stats["entry"]["support"].mean == 8.0  # the mentees' «support from the mentor»
    assert built.school.stats["entry"]["support_kurator"].mean == 2.0  # the mentors' «support from the куратор»
    texts = dataset.question_texts(org)
    assert dataset.answer_label(texts, "mentor", "support") != dataset.answer_label(texts, "mentee", "support")
    page = text(as_coordinator.get(f"/monitoring/pairs/{group.id}"))
    mentor_hopes = dataset.answer_label(texts, "mentor", "hopes")
    mentee_hopes = dataset.answer_label(texts, "mentee", "hopes")
    assert f"{mentor_hopes}:</span> Жду методической помощи" in page.replace("&#34;", '"')
    assert f"{mentee_hopes}:</span> Жду помощи с уроками" in page.replace("&#34;", '"')


def test_the_before_questionnaire_follows_the_request(school, client, auth):
    from webapp.models import Question, Response
    from webapp.questionnaires.loader import ensure_default_questionnaires
    org = school["org"]
    ensure_default_questionnaires(org)
    auth.login("mentee")
    request_q = Questionnaire.get((Questionnaire.organisation == org) & (Questionnaire.purpose == "mentee_request"))
    started = client.post(f"/questionnaires/{request_q.id}/start")
    rid = int(started.location.rstrip("/").split("/")[-1])
    version = request_q.published_version()

    def qid(key):
        return Question.get((Question.version == version) & (Question.key == key)).id
    data = {"action": "submit", f"q{qid('requests_student')}_r_low_results": "1", f"q{qid('goals')}": "Сдать ОГЭ",
            f"q{qid('format')}": "remote", f"q{qid('availability')}": "tue_evening", f"q{qid('about')}": "Алгебра"}
    reply = client.post(f"/questionnaires/responses/{rid}", data=data)
    assert reply.status_code == 303
    following = Response.get_by_id(int(reply.location.rstrip("/").split("/")[-1]))
    assert following.version.questionnaire.purpose == INFLUENCE_BEFORE and following.group_id is None
    page = text(client.get(reply.location))
    assert "ещё на несколько вопросов" in page and "Насколько вам интересно учиться?" in page


def test_students_outcome_is_read_on_the_indicator_of_their_requested_problem(school):
    import datetime as dt
    from webapp.models.questionnaire import MENTEE_REQUEST
    org = school["org"]
    for index in range(5):
        student = make_user(org, f"s{index}", ["mentee"], category="student")
        submitted(org, student, MENTEE_REQUEST, {"requests_student": {"learning_motivation_loss": "1"},
                                                 "goals": "Учиться с интересом"}, dt.datetime(2025, 9, 1))
        before_after(org, school["mentor"], student, {"motivation": 3 + index % 2, "adaptation": 5},
                     {"motivation": 5 + index, "adaptation": 5}, form="student_student")
    found = influence.analyse(org, school_year.of_start_year(org, 2025))
    assert [(r.problem, r.key) for r in found.student_problems] == [("learning_motivation_loss", "motivation")]
    result = found.student_problems[0].result
    # before 3,4,3,4,3 → after 5,6,7,8,9: differences 2,2,4,4,6, mean 3.6
    assert result.n == 5 and result.mean_change == pytest.approx(3.6) and result.mean_before == pytest.approx(3.4)
    with_label = influence.label("motivation", "learning_motivation_loss")
    assert with_label == "Утрата мотивации к обучению: Мотивация к учёбе"
