"""What the coordinator reads when reviewing a run: the suggestions table, a mentee's candidates,
side-by-side profiles."""
from __future__ import annotations

from dataclasses import dataclass

from matching.catalogue import AVAILABILITY_SLOTS, FORM_LABELS, FORMATS, PROBLEMS
from webapp.db import contains
from webapp.models import MatchingRun, Suggestion, User
from webapp.models.pairing import SUGGESTION_STATUSES
from webapp.models.questionnaire import MENTEE_REQUEST, MENTOR_PROFILE
from webapp.pagination import Page, paginate_list, parse_page
from webapp.pairing.decisions import conflicts_for
from webapp.pairing.parameters import COMPONENT_LABELS
from webapp.pairing.wording import SYNONYM_GROUP_LABELS, TEXT_NOTE_LABELS, unmatched_reason
from webapp.questionnaires.features import profile_features

STATUS_LABELS = {"proposed": "предложено", "accepted": "принято", "rejected": "отклонено",
                 "superseded": "неактуально"}
SHOW = ("open", "all", "assigned", "conflicts") + SUGGESTION_STATUSES


#: Suggestions per page of a run's review (a page stays well under 100 KB of HTML).
REVIEW_PAGE_SIZE = 20


@dataclass
class ReviewFilters:
    show: str = "assigned"
    q: str = ""
    page: int = 1

    @classmethod
    def from_args(cls, args) -> "ReviewFilters":
        show = (args.get("show") or "assigned").strip()
        return cls(show=show if show in SHOW else "assigned", q=(args.get("q") or "").strip()[:100],
                   page=parse_page(args.get("page")))

    def as_args(self, *, with_page: bool = True) -> dict:
        """The filters for a link or redirect (the page only when it is not the first)."""
        args = {k: v for k, v in (("show", self.show), ("q", self.q)) if v}
        if with_page and self.page > 1:
            args["page"] = self.page
        return args


def run_suggestions(run: MatchingRun, filters: ReviewFilters):
    Mentor, Mentee = User.alias(), User.alias()
    query = (Suggestion.select(Suggestion, Mentor, Mentee)
             .join(Mentor, on=(Suggestion.mentor == Mentor.id)).switch(Suggestion)
             .join(Mentee, on=(Suggestion.mentee == Mentee.id))
             .where(Suggestion.run == run))
    if filters.show in SUGGESTION_STATUSES:
        query = query.where(Suggestion.status == filters.show)
    elif filters.show == "open":
        query = query.where(Suggestion.status == "proposed")
    elif filters.show == "assigned":
        query = query.where(Suggestion.assigned | (Suggestion.status == "accepted") | Suggestion.fixed
                            | (Suggestion.rank == 0))
    if filters.q:
        query = query.where(contains(Mentor.full_name, filters.q) | contains(Mentee.full_name, filters.q))
    rows = list(query.order_by(Mentee.full_name, Suggestion.mentee, Suggestion.problem, Suggestion.rank == 0,
                               Suggestion.rank))
    found = conflicts_for(rows)
    if filters.show == "conflicts":
        rows = [s for s in rows if found.get(s.id)]
    return rows, found


def review_page(run: MatchingRun, filters: ReviewFilters) -> tuple[Page, dict]:
    """One page of the run's suggestions; conflicts are found across the whole run."""
    rows, found = run_suggestions(run, filters)
    page = paginate_list(rows, filters.page, REVIEW_PAGE_SIZE)
    filters.page = page.number
    return page, found


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
    return {"PROBLEMS": PROBLEMS, "FORM_LABELS": FORM_LABELS, "SLOTS": AVAILABILITY_SLOTS,
            "STATUS_LABELS": STATUS_LABELS, "COMPONENT_LABELS": COMPONENT_LABELS,
            "TEXT_NOTE_LABELS": TEXT_NOTE_LABELS, "SYNONYM_GROUP_LABELS": SYNONYM_GROUP_LABELS,
            "unmatched_reason": unmatched_reason}
