"""Students' term marks per subject before and after a school year's mentoring (paired over the
mentees of that year's pairs who have both marks in the subject)."""
from __future__ import annotations

from dataclasses import dataclass

from webapp.models import GroupMember, TermMark
from webapp.models.marks import AFTER, BEFORE
from webapp.monitoring import dataset, paired


@dataclass
class SubjectRow:
    subject: str
    result: paired.Paired


def per_subject(organisation, year) -> list[SubjectRow]:
    groups = dataset.groups_of(organisation, year=year)
    mentees = {m.user_id for m in GroupMember.select(GroupMember.user)
               .where(GroupMember.group.in_(list(groups) or [0]) & (GroupMember.role == "mentee"))}
    marks: dict[str, dict[str, dict[int, float]]] = {}
    for mark in (TermMark.select().where((TermMark.organisation == organisation)
                                         & (TermMark.school_year == year.start_year))):
        if mark.user_id in mentees:
            marks.setdefault(mark.subject, {BEFORE: {}, AFTER: {}})[mark.moment][mark.user_id] = mark.mark
    return [SubjectRow(subject, paired.compare(paired.pairs_of(values[BEFORE], values[AFTER])))
            for subject, values in sorted(marks.items())]
