"""The demo school shows a living programme: its mentor and mentee log-ins land on active pairs with
programmes, meetings and monitoring; last year's ended pairs stay under their filter, and a list
says what its filter hides."""
from __future__ import annotations

import datetime as dt
import re

from tests.conftest import text
from webapp.models import (Assignment, GroupMember, MeetingLog, MentoringGroup, Notification, PlanItem, Programme,
                           Response, StageChange, Suggestion, User)
from webapp.models.pairing import ACCEPTED
from webapp.models.programme import DONE_ITEM
from webapp.models.questionnaire import SUBMITTED
from webapp.russian import decline_name


def _squeezed(response) -> str:
    return re.sub(r"\s+", " ", text(response))


def _signed_in(app, login):
    client = app.test_client()
    client.post("/login", data={"login": login, "password": "demo2026"})
    return client


def _groups_of(login, status="active"):
    user = User.get(User.login == login)
    return list(MentoringGroup.select().join(GroupMember).where(
        (GroupMember.user == user) & (MentoringGroup.status == status)).order_by(MentoringGroup.started_on))


def _submitted(group, user) -> set[str]:
    from webapp.models import Questionnaire, QuestionnaireVersion
    rows = (Response.select(Response, QuestionnaireVersion, Questionnaire).join(QuestionnaireVersion).join(Questionnaire)
            .where((Response.group_id == group.id) & (Response.user == user) & (Response.status == SUBMITTED)))
    return {r.version.questionnaire.purpose for r in rows}


def test_the_mentor_mentors_three_pairs_at_different_stages(demo_app):
    with demo_app.app_context():
        groups = _groups_of("mentor")
        mentor = User.get(User.login == "mentor")
        assert [g.stage for g in groups] == [4, 3, 1]  # nearing the end, in progress, just confirmed
        assert all(g.order_number for g in groups)  # each listed by an order of this school year
        today = dt.date.today()
        year_start = groups[0].organisation.school_year_bounds(groups[0].organisation.school_year_of(today))[0]
        assert all(year_start <= g.started_on <= today for g in groups)  # dated from today, in this school year
        ending, progress, new = groups
        assert ending.kind == "short_term" and today < ending.planned_end_on <= today + dt.timedelta(days=30)
        for group, meetings, done in ((ending, 7, 3), (progress, 5, 2), (new, 0, 0)):
            programme = Programme.get(Programme.group == group)
            assert MeetingLog.select().where(MeetingLog.programme == programme).count() == meetings
            items = list(PlanItem.select().where(PlanItem.programme == programme))
            assert sum(i.status == DONE_ITEM for i in items) == done
            assert all(i.done_on <= today for i in items if i.status == DONE_ITEM)
        latest = MeetingLog.select().join(Programme).where(Programme.group == ending).order_by(
            MeetingLog.met_on.desc()).first()
        assert (today - latest.met_on).days <= 7  # alive: met this week
        assert programme_goals(ending) and not programme_goals(new)
        # made by the services: the suggestion accepted, the stages recorded, the questionnaires handed out
        for group in groups:
            assert Suggestion.get(Suggestion.group == group).status == ACCEPTED
            stages = [s.stage for s in StageChange.select().where(StageChange.group == group).order_by(StageChange.id)]
            assert stages[0] == 1 and stages[-1] == group.stage
        assert Notification.select().where(Notification.user == mentor).count() >= 3
        mentee = User.get_by_id(GroupMember.get((GroupMember.group == ending) & (GroupMember.role == "mentee")).user_id)
        for person in (mentor, mentee):  # before and after
            assert {"monitoring_entry", "monitoring_mid", "monitoring_exit", "influence_after"} <= _submitted(ending, person)
        assert _submitted(new, mentor) == set()
        assert Assignment.select().where((Assignment.group_id == new.id) & (Assignment.user == mentor)).exists()


def programme_goals(group) -> str:
    return Programme.get(Programme.group == group).goals


def test_the_mentor_dashboard_opens_with_the_mentees_declined(demo_app):
    with demo_app.app_context():
        groups = _groups_of("mentor")
        mentees = {g.id: User.get_by_id(GroupMember.get((GroupMember.group == g) & (GroupMember.role == "mentee")).user_id)
                   for g in groups}
    page = text(_signed_in(demo_app, "mentor").get("/dashboard"))
    sentence = re.search(r'<p class="lead" data-pairs="mentees">(.*?)</p>', page).group(1)
    assert sentence.startswith("Вы наставник для ")
    for group_id, mentee in mentees.items():
        genitive = decline_name(mentee.full_name, "gent")
        assert genitive != mentee.full_name
        assert f'<a href="/pairs/{group_id}">{genitive}</a>' in sentence
    assert page.index("Вы наставник для") < page.index("Что сделать дальше")
    # the new pair has no meeting yet: that is the next step
    assert "Договоритесь о первой встрече с " in page and "Ответьте на входной опрос мониторинга" in page


def test_the_mentee_has_a_programme_in_progress_and_sees_her_mentor_first(demo_app):
    with demo_app.app_context():
        [group] = _groups_of("mentee")
        mentee = User.get(User.login == "mentee")
        mentor = User.get_by_id(GroupMember.get((GroupMember.group == group) & (GroupMember.role == "mentor")).user_id)
        assert group.stage == 3 and group.form == "student_student"
        assert {"monitoring_entry"} <= _submitted(group, mentee)
        meetings = MeetingLog.select().join(Programme).where(Programme.group == group).count()
    client = _signed_in(demo_app, "mentee")
    page = text(client.get("/dashboard"))
    assert f'Ваш наставник — <a href="/pairs/{group.id}">{mentor.full_name}</a>.' in page
    assert page.index("Ваш наставник") < page.index("Что сделать дальше")
    assert "Ответьте на промежуточный опрос мониторинга" in page  # the stage handed it out
    pair = text(client.get(f"/pairs/{group.id}"))
    journal = pair.split('id="meetings"')[1].split("</tbody>")[0]
    assert meetings >= 3 and journal.count("<tr><td>") == meetings
    assert "Реализационный" in pair and programme_topic_shown(journal)
    mine = text(client.get("/monitoring/mine"))
    assert "Промежуточный опрос о работе пары" in mine and "отправлена" in mine


def programme_topic_shown(page: str) -> bool:
    from webapp.programmes.demo import MEETING_TOPICS
    return MEETING_TOPICS[0] in page


def test_last_years_ended_pairs_stay_under_their_filter(demo_app):
    client = _signed_in(demo_app, "kurator")
    listed = _squeezed(client.get("/pairs"))
    assert "Найдено: 7" in listed  # the active pairs of this year
    assert 'Завершённые пары прошлых учебных лет (26) скрыты — <a href="/pairs?status=ended">показать</a>' in listed
    ended = _squeezed(client.get("/pairs?status=ended"))
    assert "Найдено: 26" in ended and ended.count("завершена") >= 26
    today = dt.date.today()
    last_year = (today.year if today.month >= 9 else today.year - 1) - 1
    assert f"01.10.{last_year}" in ended and f"01.10.{last_year - 1}" in ended
    assert "Действующие пары (7) скрыты" in ended
    assert "фактически до 15.02." in ended  # the pair that ended early says so


def test_empty_lists_say_what_the_filter_hides(demo_app):
    with demo_app.app_context():  # a mentor of last year only
        ended_only = next(u for u in User.select().order_by(User.id)
                          if u.has_role("mentor") and _groups_of(u.login, "ended") and not _groups_of(u.login))
        login = ended_only.login
        ended = len(_groups_of(login, "ended"))
    page = _squeezed(_signed_in(demo_app, login).get("/pairs"))
    assert "Найдено: 0" in page and "Действующих пар нет." in page and "Пар пока нет." not in page
    assert f"Завершённые пары прошлых учебных лет ({ended}) скрыты" in page
    mentor = _signed_in(demo_app, "mentor")
    silent = _squeezed(mentor.get("/pairs?flag=silent"))
    assert "Пар, где нет встреч более 30 дней, нет." in silent
    assert "Фильтр «Требуют внимания» скрывает пары без этой отметки (3) — " in silent
    assert 'href="/pairs?status=active">показать все</a>' in silent
    fragment = _squeezed(mentor.get("/pairs?flag=overdue", headers={"HX-Request": "true"}))
    assert fragment.startswith('<div id="pairs-table">') and "Пар с просроченными пунктами плана нет." in fragment
    # the coordinator's «требуют внимания» filters find the pair that went quiet
    kurator = _signed_in(demo_app, "kurator")
    assert "Найдено: 1" in _squeezed(kurator.get("/pairs?flag=silent"))


def test_an_empty_school_year_in_monitoring_names_the_years_it_hides(demo_app):
    today = dt.date.today()
    this_year = today.year if today.month >= 9 else today.year - 1
    with demo_app.app_context():  # a school whose pairs of this year are gone: this year is empty
        MentoringGroup.delete().where(MentoringGroup.status == "active").execute()
    page = _squeezed(_signed_in(demo_app, "kurator").get(f"/monitoring?year={this_year}"))
    assert f"В {this_year}/{this_year + 1} учебном году пар нет." in page and "Пар пока нет." not in page
    hidden = page.split("Пары других учебных лет скрыты выбором года — показать:")[1].split("</p>")[0]
    links = re.findall(r'href="/monitoring\?year=(\d+)"', hidden)
    assert links == [str(this_year - 1), str(this_year - 2)]  # the years with pairs, newest first
