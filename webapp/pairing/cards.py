"""The run's review as a coordinator reads it: one card per mentee with the proposed mentor, the
strongest reasons, the uncovered requests and what to do; alternatives on demand.

Cards are paginated by mentee: the whole run is read once in a light query (no explanations), the
page's suggestions are then loaded in full, so a run of 200 mentees costs one page of work.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import peewee as pw

from matching.reasons import top_reasons
from webapp.db import contains
from webapp.models import MatchingRun, MentoringGroup, Suggestion, UnpairedMentee, User
from webapp.models.pairing import ACCEPTED, PROPOSED
from webapp.pagination import Page, paginate_list, parse_page
from webapp.pairing.decisions import conflicts_for

#: Mentees per page of a run's review (a page stays well under 100 KB of HTML).
CARDS_PAGE_SIZE = 20
#: Alternatives shown when the coordinator asks for another mentor.
ALTERNATIVES = 5
#: What the review shows: every mentee, those waiting for a decision, the approved, those without a proposal.
SHOW = ("all", "waiting", "approved", "none")


@dataclass
class CardFilters:
    show: str = "all"
    q: str = ""
    page: int = 1

    @classmethod
    def from_args(cls, args) -> "CardFilters":
        show = (args.get("show") or "all").strip()
        return cls(show=show if show in SHOW else "all", q=(args.get("q") or "").strip()[:100],
                   page=parse_page(args.get("page")))

    def as_args(self, *, with_page: bool = True) -> dict:
        args = {k: v for k, v in (("show", self.show if self.show != "all" else ""), ("q", self.q)) if v}
        if with_page and self.page > 1:
            args["page"] = self.page
        return args


@dataclass
class Card:
    mentee: User
    proposals: list = field(default_factory=list)  # the proposed or approved mentor(s), one per area
    alternatives: int = 0  # other open candidates
    unpaired_code: str = ""
    unpaired_reason: str = ""

    @property
    def state(self) -> str:
        if any(s.status == ACCEPTED for s in self.proposals):
            return "approved"
        return "waiting" if self.proposals else "none"


def _primary(rows: list) -> list:
    """The mentee's proposal(s): approved suggestions, else the open ones of the optimal assignment."""
    approved = [s for s in rows if s.status == ACCEPTED]
    areas = {s.problem for s in approved}
    open_assigned = [s for s in rows if s.status == PROPOSED and (s.assigned or s.rank == 0) and s.problem not in areas]
    return approved + open_assigned


def _light_rows(run: MatchingRun, q: str):
    Mentee = User.alias()
    query = (Suggestion.select(Suggestion.id, Suggestion.mentee, Suggestion.mentor, Suggestion.status,
                               Suggestion.assigned, Suggestion.rank, Suggestion.problem, Mentee.full_name)
             .join(Mentee, on=(Suggestion.mentee == Mentee.id)).where(Suggestion.run == run))
    if q:
        Mentor = User.alias()
        query = (query.switch(Suggestion).join(Mentor, on=(Suggestion.mentor == Mentor.id))
                 .where(contains(Mentee.full_name, q) | contains(Mentor.full_name, q)))
    return list(query.order_by(Mentee.full_name, Suggestion.mentee).objects())


def review_cards(run: MatchingRun, filters: CardFilters) -> tuple[Page, dict]:
    """One page of cards and the conflicts of their open proposals."""
    by_mentee: dict[int, list] = {}
    for row in _light_rows(run, filters.q):
        by_mentee.setdefault(row.mentee_id, []).append(row)
    states = {}
    for mentee_id, rows in by_mentee.items():
        primary = _primary(rows)
        states[mentee_id] = ("approved" if any(s.status == ACCEPTED for s in primary)
                             else "waiting" if primary else "none")
    ids = [m for m in by_mentee if filters.show == "all" or states[m] == filters.show]
    page = paginate_list(ids, filters.page, CARDS_PAGE_SIZE)
    filters.page = page.number
    page.items, found = cards_for(run, page.items)
    return page, found


def cards_for(run: MatchingRun, mentee_ids: list[int]) -> tuple[list[Card], dict]:
    """Cards of these mentees (in this order) and the conflicts of their open proposals."""
    if not mentee_ids:
        return [], {}
    full: dict[int, list] = {}
    Mentor = User.alias()
    # only what a card can show in full: approved suggestions and the assignment's proposals
    for s in (Suggestion.select(Suggestion, Mentor, MentoringGroup).join(Mentor, on=(Suggestion.mentor == Mentor.id))
              .switch(Suggestion).join(MentoringGroup, pw.JOIN.LEFT_OUTER, on=(Suggestion.group == MentoringGroup.id))
              .where((Suggestion.run == run) & Suggestion.mentee.in_(mentee_ids)
                     & ((Suggestion.status == ACCEPTED) | Suggestion.assigned | (Suggestion.rank == 0)))
              .order_by(Suggestion.problem, Suggestion.rank == 0, Suggestion.rank)):
        full.setdefault(s.mentee_id, []).append(s)
    open_count = dict(Suggestion.select(Suggestion.mentee, pw.fn.COUNT(Suggestion.id))
                      .where((Suggestion.run == run) & Suggestion.mentee.in_(mentee_ids) & (Suggestion.status == PROPOSED))
                      .group_by(Suggestion.mentee).tuples())
    mentees = {u.id: u for u in User.select().where(User.id.in_(mentee_ids))}
    unpaired = {u.mentee_id: u for u in UnpairedMentee.select().where(
        (UnpairedMentee.organisation == run.organisation_id) & UnpairedMentee.mentee.in_(mentee_ids))}
    cards = []
    for mentee_id in mentee_ids:
        if mentee_id not in mentees:
            continue
        rows = full.get(mentee_id, [])
        for s in rows:  # the mentee is loaded once
            s.mentee = mentees[mentee_id]
        primary = _primary(rows)
        u = unpaired.get(mentee_id)
        cards.append(Card(mentee=mentees[mentee_id], proposals=primary,
                          alternatives=open_count.get(mentee_id, 0) - sum(1 for s in primary if s.status == PROPOSED),
                          unpaired_code=u.code if u else "", unpaired_reason=u.reason if u else ""))
    return cards, conflicts_for([s for c in cards for s in c.proposals])


def alternatives(run: MatchingRun, mentee_id: int) -> tuple[list, dict]:
    """The mentee's next open candidates (not the proposal), best first, and their conflicts."""
    rows = list(Suggestion.select().where((Suggestion.run == run) & (Suggestion.mentee == mentee_id))
                .order_by(Suggestion.problem, Suggestion.rank == 0, Suggestion.rank))
    primary = {s.id for s in _primary(rows)}
    others = [s for s in rows if s.status == PROPOSED and s.id not in primary][:ALTERNATIVES]
    return others, conflicts_for(others)


def bulk_candidates(run: MatchingRun) -> tuple[list, dict]:
    """Every open proposal of the run (what «Утвердить все предложенные» would approve) and conflicts."""
    rows = list(Suggestion.select().where((Suggestion.run == run) & (Suggestion.status.in_([PROPOSED, ACCEPTED])))
                .order_by(Suggestion.mentee, Suggestion.problem, Suggestion.rank))
    by_mentee: dict[int, list] = {}
    for s in rows:
        by_mentee.setdefault(s.mentee_id, []).append(s)
    proposals = [s for group in by_mentee.values() for s in _primary(group) if s.status == PROPOSED]
    return proposals, conflicts_for(proposals)


def reasons(suggestion: Suggestion) -> list[str]:
    return top_reasons(suggestion.explanation)
