"""What the coordinator reads about a mentee's candidates: side-by-side profiles and explanations
(the run's cards are webapp.pairing.cards)."""
from __future__ import annotations

from dataclasses import dataclass

from matching.catalogue import AVAILABILITY_SLOTS, FORM_LABELS, FORMATS, PROBLEMS
from webapp.models import MatchingRun, Suggestion, User
from webapp.models.questionnaire import MENTEE_REQUEST, MENTOR_PROFILE
from webapp.pairing.decisions import conflicts_for
from webapp.pairing.parameters import COMPONENT_LABELS
from webapp.pairing.presets import PRESET_LABELS
from matching.reasons import top_reasons
from webapp.pairing.wording import SYNONYM_GROUP_LABELS, TEXT_NOTE_LABELS, unmatched_reason
from webapp.questionnaires.features import profile_features

STATUS_LABELS = {"proposed": "предложено", "accepted": "принято", "rejected": "отклонено",
                 "superseded": "неактуально"}


def mentee_suggestions(run: MatchingRun, mentee_id: int):
    rows = list(Suggestion.select().where((Suggestion.run == run) & (Suggestion.mentee == mentee_id))
                .order_by(Suggestion.problem, Suggestion.rank == 0, Suggestion.rank))
    return rows, conflicts_for(rows)


def _labels(values, mapping) -> list[str]:
    if isinstance(values, str):
        values = [values]
    return [str(mapping.get(v, v)) for v in (values or []) if isinstance(v, str)]


@dataclass
class ProfileView:
    user: User
    problems: list
    subjects: list
    format: str
    availability: list
    about: str
    capacity: object = None
    hidden: bool = False  # consent revoked: the answers are not shown


def profile_view(user: User, role: str) -> ProfileView:
    from webapp.consents.services import answers_hidden
    if answers_hidden(user):
        return ProfileView(user=user, problems=[], subjects=list(user.subject_list), format="—", availability=[],
                           about="", hidden=True)
    purpose = MENTOR_PROFILE if role == "mentor" else MENTEE_REQUEST
    f = profile_features([user.id], purpose).get(user.id, {})
    problems = f.get("competences") if role == "mentor" else f.get("requests")
    subjects = list(user.subject_list)
    for s in f.get("subjects") or []:
        if isinstance(s, str) and s not in subjects:
            subjects.append(s)
    about = " ".join(str(f.get(k) or "") for k in (("about",) if role == "mentor" else ("about", "goals"))).strip()
    fmt = f.get("formats")
    return ProfileView(user=user, problems=_labels(problems, PROBLEMS), subjects=subjects,
                       format=str(FORMATS.get(fmt, "—")) if isinstance(fmt, str) else "—",
                       availability=_labels(f.get("availability"), AVAILABILITY_SLOTS), about=about,
                       capacity=f.get("capacity") if role == "mentor" else None)


def explanation_context() -> dict:
    return {"top_reasons": top_reasons, "PRESET_LABELS": PRESET_LABELS, "PROBLEMS": PROBLEMS, "FORM_LABELS": FORM_LABELS, "SLOTS": AVAILABILITY_SLOTS,
            "STATUS_LABELS": STATUS_LABELS, "COMPONENT_LABELS": COMPONENT_LABELS,
            "TEXT_NOTE_LABELS": TEXT_NOTE_LABELS, "SYNONYM_GROUP_LABELS": SYNONYM_GROUP_LABELS,
            "unmatched_reason": unmatched_reason}
