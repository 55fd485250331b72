"""The run's review for a coordinator: a card per mentee (proposed mentor, top three reasons, uncovered requests),
«Утвердить», «Выбрать другого», «Утвердить все предложенные» with its undo until the order, and who may do it."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from tests.conftest import text
from tests.pairs.test_matching_runs import start
from webapp.models import (Approval, GroupMember, MatchingRun, MentoringGroup, Notification, OrderGroup,
                           PairingOrder, Suggestion)
from webapp.pairing import learning

HTMX = {"HX-Request": "true"}


@pytest.fixture
def run(coordinator, people):
    start(coordinator)
    return MatchingRun.select().order_by(MatchingRun.id.desc()).get()


def proposal(run, mentee):
    return Suggestion.get((Suggestion.run == run) & (Suggestion.mentee == mentee) & Suggestion.assigned)


def card(page: str, mentee) -> str:
    found = re.search(rf'<section class="card mentee-card" id="card-{mentee.id}".*?</section>', page, re.S)
    assert found, f"no card for {mentee.full_name}"
    return found.group(0)


def test_a_card_shows_the_mentor_three_reasons_in_words_and_the_uncovered_requests(coordinator, people, run):
    s = proposal(run, people["young1"])
    stored = json.loads(s.explanation_json)
    stored["missing_problems"] = ["team_support"]
    Suggestion.update(explanation_json=json.dumps(stored)).where(Suggestion.id == s.id).execute()
    page = text(coordinator.get(f"/matching/runs/{run.id}"))
    young1 = card(page, people["young1"])
    assert "Наставникова Анна Сергеевна" in young1 and "Предлагаемый наставник" in young1
    reasons = re.findall(r'<li data-reason="(\w+)">(.*?)</li>', young1, re.S)
    assert 1 <= len(reasons) <= 3
    points = {c["key"]: c["points"] for c in stored["components"]}
    strongest = max(points, key=points.get)
    assert reasons[0][0] == {"problems": "covers_requests", "text": "similar_descriptions",
                             "subjects": "shared_subjects", "availability": "shared_time",
                             "format": "same_format"}[strongest]
    words = " ".join(r[1] for r in reasons)
    assert "Поможет с запросами: «Развитие IT-технологий»" in words
    assert "Общие предметы: информатика" in words or "Есть общее свободное время" in words
    assert "Не покрывает запросы: «Командное сопровождение»" in young1
    assert "Утвердить" in young1 and "Выбрать другого" in young1
    assert "закреп" not in page.lower().replace("приказ о закреплении", "")
    # English: the same reasons from the catalogue
    coordinator.post("/language", data={"lang": "en"})
    english = card(text(coordinator.get(f"/matching/runs/{run.id}")), people["young1"])
    assert "Поможет" not in english and "Не покрывает" not in english


def test_approve_one_pair_from_its_card(coordinator, people, run):
    s = proposal(run, people["young2"])
    response = coordinator.post(f"/matching/suggestions/{s.id}/approve", headers=HTMX, data={"page": "1"})
    answer = text(response)
    assert response.status_code == 200 and answer.strip().startswith('<section class="card mentee-card"')
    assert "утверждена" in answer and "Отменить утверждение" in answer and "Страница пары" in answer
    s = Suggestion.get_by_id(s.id)
    assert s.status == "accepted" and s.decided_by_id == people["kurator"].id and s.decided_at
    approval = Approval.get_by_id(s.approval_id)
    assert not approval.bulk and approval.actor_id == people["kurator"].id
    assert GroupMember.select().where(GroupMember.user == people["young2"]).count() == 1
    # undo of that one pair
    response = coordinator.post(f"/matching/suggestions/{s.id}/undo", headers=HTMX)
    assert "снова ждёт решения" in text(response)
    assert Suggestion.get_by_id(s.id).status == "proposed" and MentoringGroup.select().count() == 0


def test_choose_another_mentor_confirms_that_pair_and_counts_the_proposal_as_rejected(coordinator, people, run):
    mentee = people["young1"]
    first = proposal(run, mentee)
    page = text(coordinator.get(f"/matching/runs/{run.id}/mentees/{mentee.id}/alternatives", headers=HTMX))
    assert "Другие кандидаты" in page and "<html" not in page  # a fragment for htmx
    chosen_id = int(re.search(r'id="alternative-(\d+)"', page).group(1))
    chosen = Suggestion.get_by_id(chosen_id)
    assert chosen.mentor_id != first.mentor_id
    assert "Выбрать" in page and f'name="choose" value="1"' in page
    # without JavaScript the same list is a page
    assert "<html" in text(coordinator.get(f"/matching/runs/{run.id}/mentees/{mentee.id}/alternatives"))
    response = coordinator.post(f"/matching/suggestions/{chosen_id}/approve", data={"choose": "1", "page": "1"})
    assert response.status_code == 303 and response.location.endswith(f"#card-{mentee.id}")
    assert Suggestion.get_by_id(chosen_id).status == "accepted"
    assert Suggestion.get_by_id(first.id).status == "rejected"  # the learner reads the choice
    decided = {s.id: s.status for s in learning._decisions(people["org"])}
    assert decided == {chosen_id: "accepted", first.id: "rejected"}
    # undo brings both back
    coordinator.post(f"/matching/suggestions/{chosen_id}/undo")
    assert Suggestion.get_by_id(first.id).status == "proposed" and Suggestion.get_by_id(chosen_id).status == "proposed"


def test_approve_all_with_a_confirmation_then_undo(coordinator, people, run):
    proposals = list(Suggestion.select().where((Suggestion.run == run) & Suggestion.assigned))
    confirm = text(coordinator.get(f"/matching/runs/{run.id}/approve-all"))
    assert "Утвердить все предложенные пары?" in confirm and "Да, утвердить" in confirm
    assert f"Будут утверждены {len(proposals)} пары" in confirm
    assert MentoringGroup.select().count() == 0  # the confirmation page changes nothing
    response = coordinator.post(f"/matching/runs/{run.id}/approve-all", follow_redirects=True)
    page = text(response)
    assert f"Утверждены {len(proposals)} пары" in page
    assert "Отменить утверждение" in page and "утверждены одним действием" in page
    approval = Approval.get(Approval.bulk == True)  # noqa: E712
    for s in Suggestion.select().where(Suggestion.id.in_([p.id for p in proposals])):
        # recorded the same way as a single approval
        assert (s.status, s.decided_by_id, s.approval_id) == ("accepted", people["kurator"].id, approval.id)
        assert s.decided_at is not None and s.group_id
    assert len([d for d in learning._decisions(people["org"]) if d.status == "accepted"]) == len(proposals)
    notified = Notification.select().count()

    response = coordinator.post(f"/matching/approvals/{approval.id}/undo", follow_redirects=True)
    assert f"Утверждение отменено: {len(proposals)} пары снова ждут решения." in text(response)
    assert MentoringGroup.select().count() == 0 and GroupMember.select().count() == 0
    assert all(s.status == "proposed" and s.approval_id is None and s.decided_by_id is None
               for s in Suggestion.select().where(Suggestion.id.in_([p.id for p in proposals])))
    assert Approval.get_by_id(approval.id).undone_at is not None
    assert Notification.select().count() == notified + 2 * len(proposals)
    assert not learning._decisions(people["org"])
    # a second undo: a clear message, nothing changes
    response = coordinator.post(f"/matching/approvals/{approval.id}/undo", follow_redirects=True)
    assert "уже отменено" in text(response)


def test_undo_is_refused_once_the_order_is_issued(coordinator, people, run):
    coordinator.post(f"/matching/runs/{run.id}/approve-all")
    approval = Approval.get()
    groups = list(MentoringGroup.select())
    order = PairingOrder.create(organisation=people["org"], number="5-о", signed_on=dt.date(2026, 9, 10),
                                school_year=2026, sequence=5)
    for g in groups:
        OrderGroup.create(order=order, group=g)
    MentoringGroup.update(order_number="5-о", order_date=order.signed_on).execute()
    response = coordinator.post(f"/matching/approvals/{approval.id}/undo", follow_redirects=True)
    assert "уже издан приказ № 5-о от 10.09.2026" in text(response)
    assert MentoringGroup.select().count() == len(groups)
    assert Approval.get_by_id(approval.id).undone_at is None
    s = Suggestion.get(Suggestion.approval == approval)
    response = coordinator.post(f"/matching/suggestions/{s.id}/undo", headers=HTMX)
    assert "уже издан приказ № 5-о" in text(response) and Suggestion.get_by_id(s.id).status == "accepted"
    page = text(coordinator.get(f"/matching/runs/{run.id}"))
    assert "Пара включена в приказ № 5-о" in page and "утверждены одним действием" in page


def test_undo_is_refused_when_the_pair_has_started_work(coordinator, people, run):
    from webapp.models import MeetingLog, Programme
    s = proposal(run, people["young2"])
    coordinator.post(f"/matching/suggestions/{s.id}/approve")
    group = Suggestion.get_by_id(s.id).group
    MeetingLog.create(programme=Programme.create(group=group), met_on=dt.date(2026, 9, 12), topic="Знакомство")
    response = coordinator.post(f"/matching/suggestions/{s.id}/undo", follow_redirects=True)
    assert "уже начали работу" in text(response) and MentoringGroup.select().count() == 1


def test_only_the_coordinator_of_that_school(coordinator, people, run, auth):
    s = proposal(run, people["young2"])
    coordinator.post(f"/matching/suggestions/{s.id}/approve")
    approval = Approval.get()
    mentee = people["young2"].id
    urls_get = [f"/matching/runs/{run.id}", f"/matching/runs/{run.id}/approve-all",
                f"/matching/runs/{run.id}/mentees/{mentee}/alternatives"]
    urls_post = [f"/matching/suggestions/{s.id}/approve", f"/matching/suggestions/{s.id}/undo",
                 f"/matching/runs/{run.id}/approve-all", f"/matching/approvals/{approval.id}/undo"]
    # forged ids: 404, never a 500
    assert coordinator.post("/matching/approvals/999999/undo").status_code == 404
    assert coordinator.post("/matching/suggestions/999999/approve").status_code == 404
    assert coordinator.get(f"/matching/runs/{run.id}/mentees/999999/alternatives").status_code == 404
    assert coordinator.get(f"/matching/runs/{run.id}/mentees/{people['other_kurator'].id}/alternatives").status_code == 404
    assert coordinator.get("/matching/runs/abc/approve-all").status_code == 404
    auth.logout()
    auth.login("other.kurator")  # the coordinator of another school
    for url in urls_get:
        assert auth.client.get(url).status_code == 404, url
    for url in urls_post:
        assert auth.client.post(url).status_code == 404, url
    auth.logout()
    auth.login("mentor")  # not a coordinator
    for url in urls_get:
        assert auth.client.get(url).status_code in (403, 404), url
    for url in urls_post:
        assert auth.client.post(url).status_code in (403, 404), url
    assert Suggestion.get_by_id(s.id).status == "accepted" and Approval.get_by_id(approval.id).undone_at is None
