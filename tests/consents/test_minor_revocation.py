"""A minor cannot revoke a consent their legal representative gave: refused in the view and in the
service, with a clear message; the consent stays in force."""
from __future__ import annotations

import pytest

from tests.banks import builders
from tests.conftest import text
from webapp.consents import services
from webapp.models import AuditEvent


@pytest.fixture
def minor(school):
    builders.consent(school["mentee"], representative="Ученикова Мария Петровна")  # the mother signed
    return school["mentee"]


def test_the_page_explains_instead_of_offering_the_button(client, auth, minor):
    auth.login("mentee")
    page = text(client.get("/consents/mine"))
    assert "Отозвать его может только он(а)" in page and "Ученикова Мария Петровна" in page
    assert "Отозвать мои согласия" not in page


@pytest.mark.parametrize("data", [{}, {"confirmed": "1"}, {"confirmed": "1", "reason": "не хочу"}])
def test_a_posted_revocation_is_refused(client, auth, minor, data):
    auth.login("mentee")
    reply = client.post("/consents/mine/revoke", data=data)
    assert reply.status_code == 303
    assert "Отозвать его может только он(а)" in text(client.get(reply.location))
    assert services.in_bank(minor, "mentee")
    assert not AuditEvent.select().where(AuditEvent.action == "consent_revoked").exists()


def test_the_service_refuses_too(minor):
    with pytest.raises(services.ConsentError) as refused:
        services.revoke(minor, actor=minor, reason="")
    assert "законный представитель" in refused.value.message
    assert services.in_bank(minor, "mentee")


def test_the_coordinator_records_the_representatives_revocation(as_coordinator, minor):
    reply = as_coordinator.post(f"/consents/people/{minor.id}/revoke", data={"reason": "заявление матери", "confirmed": "1"})
    assert reply.status_code == 303 and not services.in_bank(minor, "mentee")


def test_an_adult_and_a_minor_who_signed_alone_may_revoke(client, auth, school):
    builders.consent(school["mentor"])
    assert services.why_not_revoke_own(school["mentor"]) is None
    builders.consent(school["mentee"])  # given by self (as a 14+ student may): nothing to refuse
    assert services.why_not_revoke_own(school["mentee"]) is None
