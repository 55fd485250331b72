"""What the person page and its consents card show (the banks render it; the consents area re-renders it)."""
from __future__ import annotations

from flask_login import current_user

from webapp.banks import listing
from webapp.banks.answers import responses_for
from webapp.banks.export import CONSENT_STATUS_LABELS
from webapp.consents import services as consents
from webapp.consents.forms import GIVEN_BY_LABELS, KIND_LABELS, ReceiveForm, RevokeForm
from webapp.models import User


def person_context(user: User, *, receive_form=None, revoke_form=None) -> dict:
    state = consents.state_of(user)
    views = [] if state.answers_hidden else responses_for([user.id])[user.id]
    org = current_user.organisation
    paired = {role for role in ("mentor", "mentee") if user.id in listing.paired_set(org, role, [user])}
    return dict(person=user, state=state, views=views, paired=paired, minor=consents.is_minor(user),
                receive_form=receive_form or ReceiveForm(minor=consents.is_minor(user)),
                revoke_form=revoke_form or RevokeForm(), kind_labels=KIND_LABELS,
                given_by_labels=GIVEN_BY_LABELS, consent_labels=CONSENT_STATUS_LABELS,
                in_bank={role: consents.in_bank(user, role) for role in ("mentor", "mentee")})
