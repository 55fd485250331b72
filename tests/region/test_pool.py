"""The regional pool of remote mentors: the matching package's cross-organisation rules, and a pair
across two schools made only with every consent, seen by both schools, names crossing only for it."""
from __future__ import annotations

import pytest

from matching import MatchScorer, MenteeProfile, MentorProfile
from tests.conftest import text
from tests.factories import make_user
from tests.pairs.builders import answer, consent, questionnaires
from webapp.models import GroupMember, RemotePair


# --- the matching package -------------------------------------------------------------------
def _mentor(id_, org, fmt="both", capacity=1):
    return MentorProfile(id=id_, category="teacher", organisation=org, capacity=capacity, format=fmt,
                         problems=["it_skills"])


def _mentee(id_, org, fmt="both"):
    return MenteeProfile(id=id_, category="teacher", organisation=org, format=fmt, requested_problems=["it_skills"])


@pytest.mark.parametrize("mentor_format, mentee_format, allowed", [
    ("both", "both", True), ("remote", "remote", True), ("remote", "both", True),
    ("in_person", "both", False), ("both", "in_person", False), ("in_person", "in_person", False)])
def test_a_pair_across_organisations_must_be_able_to_meet_remotely(mentor_format, mentee_format, allowed):
    scorer = MatchScorer(allow_cross_organisation=True).fit([_mentor("m", "A", mentor_format)],
                                                           [_mentee("e", "B", mentee_format)])
    assert scorer.why_not("m", "e") == (None if allowed else "remote")
    assert bool(scorer.suggest()["e"]) == allowed


def test_inside_one_organisation_an_in_person_pair_stays_allowed():
    scorer = MatchScorer(allow_cross_organisation=True).fit([_mentor("m", "A", "in_person")],
                                                           [_mentee("e", "A", "in_person")])
    assert scorer.why_not("m", "e") is None


def test_without_the_switch_other_organisations_are_refused_as_before():
    scorer = MatchScorer().fit([_mentor("m", "A")], [_mentee("e", "B")])
    assert scorer.why_not("m", "e") == "organisation"


def test_capacity_is_shared_across_schools():
    mentors = [_mentor("m", "A", capacity=2)]
    mentees = [_mentee("e1", "B"), _mentee("e2", "B")]
    full = MatchScorer(allow_cross_organisation=True, commitments={"m": 2}).fit(mentors, mentees)
    assert full.why_not("m", "e1") == "capacity" and full.suggest() == {"e1": [], "e2": []}
    one_left = MatchScorer(allow_cross_organisation=True, commitments={"m": 1, "unknown": 5}).fit(mentors, mentees)
    assert list(one_left.remaining_capacity_) == [1]
    from matching import PairAssigner
    assigned = PairAssigner().fit(one_left)
    assert assigned.n_assigned_ == 1


@pytest.mark.parametrize("bad", [{"m": -1}, {"m": 1.5}, {"m": True}, ["m"]])
def test_bad_commitments_are_refused(bad):
    with pytest.raises(ValueError):
        MatchScorer(allow_cross_organisation=True, commitments=bad).fit([_mentor("m", "A")], [_mentee("e", "B")])


def test_fixed_pairs_cannot_exceed_what_other_schools_left():
    with pytest.raises(ValueError, match="elsewhere"):
        MatchScorer(allow_cross_organisation=True, commitments={"m": 1},
                    fixed_pairs=[("m", "e")]).fit([_mentor("m", "A")], [_mentee("e", "A")])


# --- the web application -----------------------------------------------------------------
@pytest.fixture
def pool_people(app, school, region):
    """Школа 1: two young teachers asking for IT help (remote is fine). Лицей 2: a teacher mentor who
    meets remotely (capacity 1) and one who meets only in person."""
    with app.app_context():
        org, other = school["org"], school["other_org"]
        here, there = questionnaires(org), questionnaires(other)
        people = {
            "young": make_user(org, "young", ["mentee"], full_name="Молодова Дарья Олеговна"),
            "young2": make_user(org, "young2", ["mentee"], full_name="Новикова Вера Ильинична"),
            "remote": make_user(other, "remote.mentor", ["mentor"], full_name="Удалёнова Ирина Павловна",
                                subjects="информатика"),
            "local": make_user(other, "local.mentor", ["mentor"], full_name="Очников Олег Петрович"),
        }
        people["remote"].email = "remote@lyceum.example"
        people["remote"].save()
        for key in ("young", "young2"):
            answer(people[key], here, "mentee", requests=["it_skills"], formats="both", about="Цифровые сервисы")
        answer(people["remote"], there, "mentor", competences=["it_skills"], formats="remote", capacity=1,
               about="Цифровые платформы для уроков")
        answer(people["local"], there, "mentor", competences=["it_skills"], formats="in_person", capacity=3)
        for person in people.values():
            consent(person)
    return people


def test_a_pool_pair_across_two_schools_with_both_consents(app, school, region, pool_people, login_as):
    young, remote = pool_people["young"], pool_people["remote"]
    mentor = login_as("remote.mentor")
    refused = mentor.post("/pool/mine/join", data={}, follow_redirects=True)
    assert "подтвердите согласие" in text(refused)
    assert "Вы в региональном пуле" in text(mentor.post("/pool/mine/join", data={"consent": "y"}, follow_redirects=True))
    local = login_as("local.mentor")
    assert "только очные встречи" in text(local.post("/pool/mine/join", data={"consent": "y"}, follow_redirects=True))

    kurator = login_as("kurator")
    assert "Молодова" not in text(kurator.get("/pool"))  # no remote consent yet
    # the mentee's acceptance: by themselves (young), or recorded by the coordinator (young2)
    assert login_as("young").post("/pool/mine/remote", data={"consent": "y"}).status_code == 303

    candidates = text(kurator.post("/pool/run"))
    assert "Молодова Дарья" in candidates and "Лицей 2" in candidates
    assert "Удалёнова" not in candidates and "remote@lyceum" not in candidates  # no name before the pair
    assert "Очников" not in candidates

    forged = kurator.post("/pool/confirm", data={"mentee_id": school["other_mentee"].id, "mentor_id": remote.id})
    assert forged.status_code == 404
    not_in_pool = kurator.post("/pool/confirm", data={"mentee_id": young.id, "mentor_id": pool_people["local"].id},
                               follow_redirects=True)
    assert "нет в региональном пуле" in text(not_in_pool)
    no_consent = kurator.post("/pool/confirm", data={"mentee_id": pool_people["young2"].id, "mentor_id": remote.id},
                              follow_redirects=True)
    assert "не дал всех согласий" in text(no_consent)
    wrong_type = kurator.post("/pool/confirm", data={"mentee_id": "abc", "mentor_id": remote.id}, follow_redirects=True)
    assert "Выберите наставляемого" in text(wrong_type)

    done = kurator.post("/pool/confirm", data={"mentee_id": young.id, "mentor_id": remote.id}, follow_redirects=True)
    assert "Пара с наставником из регионального пула составлена" in text(done)
    with app.app_context():
        pair = RemotePair.get(RemotePair.mentee == young.id)
        assert pair.mentor_id == remote.id and pair.mentee_organisation_id == school["org"].id
        assert pair.mentor_organisation_id == school["other_org"].id
        members = {(m.user_id, m.role) for m in GroupMember.select().where(GroupMember.group == pair.group_id)}
        assert members == {(remote.id, "mentor"), (young.id, "mentee")}
    # both schools see the pair, with the names of its two people only
    here = text(kurator.get("/pool"))
    there = text(login_as("other.kurator").get("/pool"))
    for page in (here, there):
        assert "Удалёнова Ирина Павловна" in page and "Молодова Дарья Олеговна" in page
        assert "Новикова" not in page.split("Дистанционные пары")[1] and "Очников" not in page
    # the capacity is one across schools: the second mentee now finds no one, and cannot be forced
    kurator.post(f"/pool/mentees/{pool_people['young2'].id}/remote")
    again = text(kurator.post("/pool/run"))
    assert "Новикова Вера" in again and "Подходящих наставников в пуле нет" in again
    forced = kurator.post("/pool/confirm", data={"mentee_id": pool_people["young2"].id, "mentor_id": remote.id},
                          follow_redirects=True)
    assert "не осталось свободных мест" in text(forced)
    # a third school of another region never sees the pool or the pair
    with app.app_context():
        make_user(region["far_school"], "far.kurator", ["coordinator"])
    far = text(login_as("far.kurator").get("/pool"))
    assert "Удалёнова" not in far and "Молодова" not in far


def test_leaving_the_pool_keeps_the_pair_and_hides_the_mentor_from_new_runs(app, school, region, pool_people,
                                                                         login_as):
    mentor = login_as("remote.mentor")
    mentor.post("/pool/mine/join", data={"consent": "y"})
    login_as("young").post("/pool/mine/remote", data={"consent": "y"})
    assert "Лицей 2" in text(login_as("kurator").post("/pool/run"))
    mentor.post("/pool/mine/leave")
    assert "Лицей 2" not in text(login_as("kurator").post("/pool/run")).split("Кандидаты из пула")[1]
    login_as("young").post("/pool/mine/remote/withdraw")
    assert "Молодова" not in text(login_as("kurator").get("/pool"))


def test_a_school_outside_any_region_has_no_pool(app, school, login_as):
    page = text(login_as("kurator").get("/pool"))
    assert "не входит в регион" in page
    assert "не входит в регион" in text(login_as("mentor").post("/pool/mine/join", data={"consent": "y"},
                                                                follow_redirects=True))
