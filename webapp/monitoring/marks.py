"""Students' term marks per subject before and after a school year's mentoring (paired over the
mentees of that year's pairs who have both marks in the subject), and a mark entered by hand."""
from __future__ import annotations

from dataclasses import dataclass

from webapp.db import database
from webapp.models import GroupMember, TermMark, User
from webapp.models.marks import AFTER, BEFORE
from webapp.monitoring import dataset, paired
from webapp.user_errors import UserError


@dataclass
class SubjectRow:
    subject: str
    result: paired.Paired


def per_subject(organisation, year) -> list[SubjectRow]:
    groups = dataset.groups_of(organisation, year=year)
    mentees = {m.user_id for m in GroupMember.select(GroupMember.user)
               .where(GroupMember.group.in_(list(groups) or [0]) & (GroupMember.role == "mentee"))}
    marks: dict[str, dict[str, dict[int, float]]] = {}
    from webapp.consents.services import answers_hidden_ids
    for mark in (TermMark.select().where((TermMark.organisation == organisation)
                                         & (TermMark.school_year == year.start_year)
                                         & TermMark.user.not_in(answers_hidden_ids(organisation)))):
        if mark.user_id in mentees:
            marks.setdefault(mark.subject, {BEFORE: {}, AFTER: {}})[mark.moment][mark.user_id] = mark.mark
    return [SubjectRow(subject, paired.compare(paired.pairs_of(values[BEFORE], values[AFTER])))
            for subject, values in sorted(marks.items())]


class MarkError(UserError):
    """A mark entered by hand that cannot be stored."""


STUDENT_CATEGORIES = ("student", "university_student")


def students_of_year(organisation, year) -> list:
    """Mentees of the year's pairs who are students (for entering marks by hand), by name."""
    groups = dataset.groups_of(organisation, year=year)
    return list(User.select().join(GroupMember, on=(GroupMember.user == User.id))
                .where(GroupMember.group.in_(list(groups) or [0]) & (GroupMember.role == "mentee")
                       & User.category.in_(STUDENT_CATEGORIES)).distinct().order_by(User.name_key, User.id))


def enter(organisation, year, user_id, subject: str, mark_text: str, moment: str) -> TermMark:
    """Store one mark entered by hand (replacing the same person's, year's, moment's and subject's)."""
    from webapp.models.marks import MOMENTS
    student = next((s for s in students_of_year(organisation, year) if s.id == user_id), None)
    if student is None:
        raise MarkError("Выберите ученика из наставляемых этого учебного года.")
    subject = " ".join((subject or "").casefold().replace("ё", "е").split())
    if not subject or len(subject) > 64:
        raise MarkError("Укажите предмет (не длиннее 64 символов).")
    try:
        mark = float((mark_text or "").strip().replace(",", "."))
    except ValueError:
        raise MarkError("Отметка — число от 1 до 5, например 4 или 3,5.") from None
    if not 1 <= mark <= 5:
        raise MarkError("Отметка — число от 1 до 5, например 4 или 3,5.")
    if moment not in MOMENTS:
        raise MarkError("Выберите, к какому моменту относятся отметки: до или после программы.")
    with database.atomic():
        TermMark.delete().where((TermMark.user == student) & (TermMark.school_year == year.start_year)
                                & (TermMark.moment == moment) & (TermMark.subject == subject)).execute()
        return TermMark.create(organisation=organisation, user=student, school_year=year.start_year, moment=moment,
                               subject=subject, mark=mark)
