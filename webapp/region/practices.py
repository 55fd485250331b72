"""The regional collection of best practices: a school proposes an approved practice, the regional
methodologist publishes it to every school of the region (the school credited) or returns it, and runs
contests (nominations, expert scores, results).

What crosses to the region is a snapshot of the practice's title, description, form and tags, credited
to the school: never its authors or files (they may name people).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from statistics import mean

from flask import abort

from webapp.db import database
from webapp.models import AuditEvent, Contest, ContestEntry, ContestScore, Nomination, RegionalPractice
from webapp.models.programme_life import APPROVED
from webapp.models.region import CONTEST_CLOSED, CONTEST_OPEN, PUBLISHED, RETURNED, SCORE_RANGE, SUBMITTED
from webapp.user_errors import UserError

STATUS_LABELS = {SUBMITTED: "на рассмотрении", PUBLISHED: "опубликована", RETURNED: "возвращена школе"}
NOTE_MAX = 500
MAX_NOMINATIONS = 20


class PracticeError(UserError):
    """A regional practice or contest step that cannot be done; the message is for the person."""


def propose(practice, actor) -> RegionalPractice:
    school = practice.organisation
    if school.region_id is None:
        raise PracticeError("Школа не входит в регион: предложить практику некому.")
    if practice.status != APPROVED:
        raise PracticeError("Предложить региону можно только одобренную практику.")
    snapshot = dict(title=practice.title, description=practice.description, form=practice.form,
                    tags=practice.tags, status=SUBMITTED, review_note="", submitted_at=dt.datetime.now(),
                    reviewed_at=None)
    with database.atomic():
        existing = RegionalPractice.get_or_none(RegionalPractice.practice == practice)
        if existing is not None and existing.status != RETURNED:
            raise PracticeError("Эта практика уже предложена региону (статус: %(status)s).",
                                status=STATUS_LABELS[existing.status])
        if existing is None:
            existing = RegionalPractice.create(practice=practice, region=school.region_id, organisation=school,
                                               **snapshot)
        else:
            for key, value in snapshot.items():
                setattr(existing, key, value)
            existing.save()
        AuditEvent.record("practice_to_region", actor=actor, organisation=school, target=practice.id)
    return existing


def of_region_or_404(region, practice_id) -> RegionalPractice:
    found = RegionalPractice.get_or_none(RegionalPractice.id == practice_id)
    if found is None or found.region_id != region.id:
        abort(404)
    return found


def published_or_404(organisation, practice_id) -> RegionalPractice:
    """A published practice of the school's region (another region's or an unpublished one: 404)."""
    found = RegionalPractice.get_or_none(RegionalPractice.id == practice_id)
    if found is None or found.status != PUBLISHED or organisation.region_id is None \
            or found.region_id != organisation.region_id:
        abort(404)
    return found


def review(practice: RegionalPractice, publish: bool, note: str, actor) -> RegionalPractice:
    if practice.status != SUBMITTED:
        raise PracticeError("Практика уже рассмотрена (статус: %(status)s).", status=STATUS_LABELS[practice.status])
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise PracticeError("Комментарий длиннее %(limit)s символов.", limit=NOTE_MAX)
    if not publish and not note:
        raise PracticeError("Напишите школе, почему практика возвращена.")
    practice.status = PUBLISHED if publish else RETURNED
    practice.review_note = note
    practice.reviewed_at = dt.datetime.now()
    practice.save()
    AuditEvent.record("regional_practice_published" if publish else "regional_practice_returned", actor=actor,
                      target=practice.id)
    return practice


def in_region(region, status: str | None = None):
    query = RegionalPractice.select().where(RegionalPractice.region == region)
    if status:
        query = query.where(RegionalPractice.status == status)
    return query.order_by(RegionalPractice.submitted_at.desc(), RegionalPractice.id.desc())


def published_for(organisation):
    if organisation.region_id is None:
        return RegionalPractice.select().where(RegionalPractice.id == 0)
    return in_region(organisation.region_id, PUBLISHED)


def submissions_of(organisation) -> dict[int, RegionalPractice]:
    """{school practice id: its regional record} of the school."""
    return {r.practice_id: r for r in RegionalPractice.select().where(RegionalPractice.organisation == organisation)}


# --- contests -----------------------------------------------------------------------------
def create_contest(region, title: str, nominations: list[str], actor) -> Contest:
    title = " ".join((title or "").split())
    names = [" ".join(n.split()) for n in nominations if n.strip()]
    if not title:
        raise PracticeError("Укажите название конкурса.")
    if len(title) > 200 or any(len(n) > 200 for n in names):
        raise PracticeError("Название конкурса и номинаций — не длиннее 200 символов.")
    if not names:
        raise PracticeError("Укажите хотя бы одну номинацию (по одной в строке).")
    if len(names) > MAX_NOMINATIONS or len(set(names)) != len(names):
        raise PracticeError("Номинаций — не больше %(limit)s, без повторов.", limit=MAX_NOMINATIONS)
    with database.atomic():
        contest = Contest.create(region=region, title=title)
        for name in names:
            Nomination.create(contest=contest, title=name)
        AuditEvent.record("regional_contest_created", actor=actor, target=contest.id)
    return contest


def contest_or_404(region, contest_id) -> Contest:
    contest = Contest.get_or_none(Contest.id == contest_id)
    if contest is None or contest.region_id != region.id:
        abort(404)
    return contest


def _nomination(contest, nomination_id) -> Nomination:
    found = Nomination.get_or_none((Nomination.id == nomination_id) & (Nomination.contest == contest))
    if found is None:
        raise PracticeError("Такой номинации в конкурсе нет.")
    return found


def _open(contest) -> None:
    if contest.status != CONTEST_OPEN:
        raise PracticeError("Конкурс завершён: изменить его нельзя.")


def add_entry(contest, nomination_id, practice_id) -> ContestEntry:
    _open(contest)
    nomination = _nomination(contest, nomination_id)
    practice = RegionalPractice.get_or_none(RegionalPractice.id == practice_id)
    if practice is None or practice.region_id != contest.region_id or practice.status != PUBLISHED:
        raise PracticeError("На конкурс выдвигается опубликованная практика этого региона.")
    if ContestEntry.select().where((ContestEntry.nomination == nomination)
                                   & (ContestEntry.practice == practice)).exists():
        raise PracticeError("Эта практика уже участвует в номинации.")
    return ContestEntry.create(nomination=nomination, practice=practice)


def score(contest, entry_id, value, expert) -> ContestScore:
    _open(contest)
    entry = (ContestEntry.select().join(Nomination)
             .where((ContestEntry.id == entry_id) & (Nomination.contest == contest)).first())
    if entry is None:
        raise PracticeError("Такой заявки в конкурсе нет.")
    if isinstance(value, bool) or not isinstance(value, int) or value not in SCORE_RANGE:
        raise PracticeError("Оценка — целое число от 0 до 10.")
    with database.atomic():
        found = ContestScore.get_or_none((ContestScore.entry == entry) & (ContestScore.expert == expert))
        if found is None:
            found = ContestScore.create(entry=entry, expert=expert, score=value)
        else:
            found.score, found.scored_at = value, dt.datetime.now()
            found.save()
    return found


def close(contest) -> Contest:
    _open(contest)
    contest.status = CONTEST_CLOSED
    contest.save()
    return contest


@dataclass
class Result:
    entry: ContestEntry
    practice: RegionalPractice
    experts: int
    mean: float | None
    my_score: int | None
    place: int | None = None


def results(contest, expert=None) -> list[tuple[Nomination, list[Result]]]:
    """Per nomination, the entries best first (mean expert score), with places 1, 2, 3 (ties share)."""
    out = []
    for nomination in contest.nominations.order_by(Nomination.id):
        rows = []
        for entry in (ContestEntry.select(ContestEntry, RegionalPractice).join(RegionalPractice)
                      .where(ContestEntry.nomination == nomination)):
            scores = list(entry.scores)
            mine = next((s.score for s in scores if expert is not None and s.expert_id == expert.id), None)
            rows.append(Result(entry, entry.practice, len(scores),
                               round(mean(s.score for s in scores), 2) if scores else None, mine))
        rows.sort(key=lambda r: (r.mean is None, -(r.mean or 0), r.practice.title))
        place, last = 0, None
        for index, r in enumerate(rows):
            if r.mean is None:
                break
            if r.mean != last:
                place, last = index + 1, r.mean
            if place <= 3:
                r.place = place
        out.append((nomination, rows))
    return out
