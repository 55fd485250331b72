"""A submitted questionnaire's free text is encoded for matching at once, in the background.

The text component's sentence encoder (matching/sentence_encoder.py) costs about 25–80 ms of one
core per new text; a school's first matching run used to pay for every text at once (2,600 texts:
over three minutes). When a mentor's profile or a mentee's request is submitted, a background task
builds the person's text exactly as a matching run will (webapp/pairing/profiles_adapter.py) and
puts its vector in the vector store (setting ``SENTENCE_VECTOR_STORE``), so the run finds it there.
With no store set there is nothing to keep the vector in, and nothing is queued. A failure costs
nothing but time: the matching run encodes what it does not find.
"""
from __future__ import annotations

from flask import current_app

from webapp.models import User
from webapp.models.questionnaire import MENTEE_REQUEST, MENTOR_PROFILE
from webapp.tasks import lifecycle
from webapp.tasks.kinds import TaskKind

KIND_NAME = "sentence_vectors"


def queue_for(response) -> None:
    """Queue the encoding of the text of ``response`` (a submitted profile or request; others: nothing)."""
    purpose = response.version.questionnaire.purpose
    if purpose not in (MENTOR_PROFILE, MENTEE_REQUEST) or not current_app.config.get("SENTENCE_VECTOR_STORE"):
        return
    lifecycle.submit(KIND_NAME, organisation=response.organisation_id, target_id=response.user_id,
                     params={"purpose": purpose})


def matching_text(user: User, purpose: str) -> str:
    """The person's free text as a matching run gives it to the text component."""
    from webapp.pairing.profiles_adapter import mentee_profiles, mentor_profiles
    build = mentor_profiles if purpose == MENTOR_PROFILE else mentee_profiles
    profiles, _ = build([user], user.organisation)
    return profiles[0].text


def encode(texts: list[str]) -> None:
    """Put the vectors of ``texts`` in the app's vector store, as a matching run's fit would."""
    from matching.sentence_encoder import load_sentence_encoder
    from webapp.pairing.scorer import use_app_vector_store
    texts = [text for text in texts if text.strip()]
    encoder = load_sentence_encoder()  # None (logged) when the package cannot load: runs use words only
    if encoder is not None and texts:
        use_app_vector_store()
        encoder.encode(texts)


def run(task, progress) -> str:
    user = User.get_or_none(User.id == task.target_id)
    purpose = task.params.get("purpose")
    if user is None or purpose not in (MENTOR_PROFILE, MENTEE_REQUEST):
        return ""  # the person was deleted meanwhile: nothing to prepare
    encode([matching_text(user, purpose)])
    return ""


KIND = TaskKind(run=run)
