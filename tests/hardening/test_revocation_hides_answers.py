"""After a consent is revoked, the person's answers appear on no page and in no export; their
active pair is flagged for the coordinators with the reason, and the audit log lists it."""
from __future__ import annotations

import io
import zipfile

from tests.hardening.test_control_characters import app, export_urls, school, signed_in  # noqa: F401 - fixtures
from webapp.monitoring import school_year
from webapp.models import (Answer, AuditEvent, GroupMember, MatchingRun, MentoringGroup, Notification, Question,
                           Response, Suggestion, User)

REASON = "семья переезжает"


def _marked_person():
    """A mentee with monitoring answers in a pair and a request; their texts become markers.

    The demo's pairs have ended, so the person also gets an active pair with a mentor of the school.
    """
    for member in GroupMember.select().where(GroupMember.role == "mentee").order_by(GroupMember.id):
        answers = (Answer.select().join(Question).switch(Answer).join(Response)
                   .where((Response.user == member.user_id) & Question.qtype.in_(["short_text", "long_text"])))
        if any(a.response.group_id for a in answers) and any(not a.response.group_id for a in answers):
            markers = []
            for n, answer in enumerate(answers):
                marker = f"МЕТКА{member.user_id}X{n}"
                answer.value = marker
                answer.save()
                markers.append(marker)
            person = User.get_by_id(member.user_id)
            mentor = GroupMember.get((GroupMember.group == member.group_id) & (GroupMember.role == "mentor")).user
            active = MentoringGroup.create(organisation=person.organisation_id, form="student_student"
                                           if person.category == "student" else "teacher_teacher", status="active")
            GroupMember.create(group=active, user=mentor, role="mentor")
            GroupMember.create(group=active, user=person, role="mentee")
            return person, member.group_id, active.id, markers
    raise AssertionError("the demo school has no mentee with answers in a pair")


def _pages(client, person, group_id) -> list[str]:
    run = MatchingRun.select().order_by(MatchingRun.id.desc()).first()
    year = school_year.year_of(person.organisation, MentoringGroup.get_by_id(group_id).started_on).start_year
    pages = ["/banks/mentees", f"/banks/people/{person.id}", f"/monitoring?year={year}",  # the pair's school year
             f"/monitoring/influence?year={year}", f"/monitoring/process?year={year}",
             f"/monitoring/outcomes?year={year}", f"/monitoring/pairs/{group_id}", f"/pairs/{group_id}", "/pairs", "/pairs?status=ended",
             f"/matching/runs/{run.id}", f"/matching/runs/{run.id}/mentees/{person.id}", f"/users/{person.id}"]
    pages += [f"/questionnaires/responses/{r.id}" for r in Response.select().where(Response.user == person)]
    return pages


def _readable(response) -> str:
    data = response.data
    if data[:2] == b"PK":  # XLSX/DOCX: every XML part as text
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.endswith(".xml"))
    return response.get_data(as_text=True)


def _found(client, urls, markers) -> dict[str, list[str]]:
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        body = _readable(response)
        hits = [m for m in markers if m in body]
        if hits:
            found[url] = hits
    return found


def test_revocation_hides_every_answer_and_flags_the_pair(app, school):  # noqa: F811
    person, group_id, active_id, markers = _marked_person()
    coordinator = signed_in(app, "kurator")
    urls = _pages(coordinator, person, group_id) + export_urls(school)
    before = _found(coordinator, urls, markers)
    # the markers are visible before: on the response pages, in monitoring and in the exports
    assert any("/questionnaires/responses/" in u for u in before)
    assert any(u.startswith("/monitoring/report") for u in before)
    assert any(u.startswith("/banks/") for u in before)

    reply = coordinator.post(f"/consents/people/{person.id}/revoke", data={"reason": REASON, "confirmed": "1"})
    assert reply.status_code in (200, 303)

    after = _found(coordinator, urls, markers)
    assert after == {}, after
    # the coordinator is told, the pair page carries the flag, the audit log lists both events
    note = Notification.select().join(User).where(User.login == "kurator").order_by(Notification.id.desc()).first()
    assert person.full_name in note.text and REASON in note.text and note.link == f"/pairs/{active_id}"
    assert "Согласие отозвано" in coordinator.get(f"/pairs/{active_id}").get_data(as_text=True)
    actions = {e.action for e in AuditEvent.select().where(AuditEvent.target == person.login)}
    assert {"consent_revoked", "pair_flagged_consent_revoked"} <= actions
    assert MentoringGroup.get_by_id(active_id).status == "active"  # the coordinator decides
    # the person still sees their own answers
    own = signed_in(app, person.login) if person.password_hash else None
    if own is not None:
        response_id = Response.select().where(Response.user == person).first().id
        page = own.get(f"/questionnaires/responses/{response_id}").get_data(as_text=True)
        assert "Ответы скрыты" not in page
