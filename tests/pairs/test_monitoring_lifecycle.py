"""A pair's life hands out the monitoring questionnaires: entry at the start, the mid-term
survey at the implementation stage, the completion questionnaire at the end."""
from __future__ import annotations

from tests.conftest import text
from webapp.models import Assignment, GroupMember, MentoringGroup, Questionnaire
from webapp.monitoring.assigning import on_pair_started
from webapp.programmes.groups import change_stage, end_early


def _purposes(user):
    return sorted(q.purpose for q in Questionnaire.select().join(Assignment, on=(Assignment.questionnaire == Questionnaire.id))
                  .where(Assignment.user == user))


def _pair(school):
    group = MentoringGroup.create(organisation=school["org"], form="student_student")
    GroupMember.create(group=group, user=school["mentor"], role="mentor")
    GroupMember.create(group=group, user=school["mentee"], role="mentee")
    return group


def test_entry_mid_and_exit_questionnaires_follow_the_pair(app, school):
    group = _pair(school)
    assert on_pair_started(group) == 2
    assert _purposes(school["mentee"]) == ["monitoring_entry"]
    change_stage(group, 3, None, "", school["kurator"])
    assert _purposes(school["mentor"]) == ["monitoring_entry", "monitoring_mid"]
    end_early(MentoringGroup.get_by_id(group.id), "переезд", False, school["kurator"])
    # the end also brings the results questionnaire (influence «после»)
    assert _purposes(school["mentee"]) == ["influence_after", "monitoring_entry", "monitoring_exit", "monitoring_mid"]
    roles = {a.user_id: a.questionnaire.role for a in Assignment.select() if a.group_id == group.id}
    assert roles[school["mentor"].id] == "mentor" and roles[school["mentee"].id] == "mentee"


def test_pair_questionnaires_are_reminded_on_the_dashboard_not_in_my_questionnaires(client, auth, school):
    on_pair_started(_pair(school))
    auth.login("mentee")
    assert "опрос мониторинга" in text(client.get("/dashboard"))
    assert "Входной мониторинг" in text(client.get("/monitoring/mine"))
    assert "Входной мониторинг" not in text(client.get("/questionnaires/mine"))
