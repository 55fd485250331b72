"""The collection's rules: propose, approve or reject, search what a person may see."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from webapp.db import contains, database
from webapp.models import Practice, PracticeAuthor, PracticeFile, User
from webapp.models.programme_life import APPROVED, PROPOSED, REJECTED
from webapp.practices import quota, uploads

STATUS_LABELS = {PROPOSED: "ждёт одобрения", APPROVED: "в копилке", REJECTED: "отклонена"}


def normalise_tags(text: str) -> str:
    tags = []
    for raw in re.split(r"[,;]", text or ""):
        tag = " ".join(raw.split()).lower()[:40]
        if tag and tag not in tags:
            tags.append(tag)
    return ",".join(tags)


@dataclass
class PracticeData:
    title: str
    description: str = ""
    form: str = ""
    authors_text: str = ""
    tags: str = ""
    author_ids: tuple = ()


def propose(organisation, data: PracticeData, files: list[uploads.CheckedFile], actor) -> Practice:
    """Store a new practice (approved at once when the coordinator adds it) and its files."""
    stored: list[str] = []
    try:
        with database.atomic():
            practice = Practice.create(
                organisation=organisation, title=data.title, description=data.description, form=data.form,
                authors_text=data.authors_text, tags=normalise_tags(data.tags), proposed_by=actor,
                status=APPROVED if actor.is_staff else PROPOSED,
                reviewed_by=actor if actor.is_staff else None,
                reviewed_at=dt.datetime.now() if actor.is_staff else None)
            set_authors(practice, data.author_ids)
            quota.check(actor, organisation, [len(f.data) for f in files])
            for checked in files:
                attach(practice, checked, actor, stored)
    except Exception:
        for name in stored:
            uploads.remove(name)
        raise
    return practice


def set_authors(practice, author_ids) -> None:
    PracticeAuthor.delete().where(PracticeAuthor.practice == practice).execute()
    ids = {int(i) for i in author_ids}
    if not ids:
        return
    valid = User.select(User.id).where((User.organisation == practice.organisation_id) & User.id.in_(list(ids)))
    for user in valid:
        PracticeAuthor.create(practice=practice, user=user.id)


def attach(practice, checked: uploads.CheckedFile, actor, stored: list[str] | None = None) -> PracticeFile:
    name = uploads.store(checked)
    if stored is not None:
        stored.append(name)
    return PracticeFile.create(practice=practice, original_name=checked.original_name, stored_name=name,
                               content_type=checked.content_type, size=len(checked.data), uploaded_by=actor)


def add_files(practice, files: list[uploads.CheckedFile], actor) -> None:
    """Attach ``files`` within the person's and the school's quota (UploadRejected otherwise)."""
    stored: list[str] = []
    try:
        with database.atomic():
            quota.check(actor, practice.organisation_id, [len(f.data) for f in files])
            for checked in files:
                attach(practice, checked, actor, stored)
    except Exception:
        for name in stored:
            uploads.remove(name)
        raise


def update(practice, data: PracticeData) -> Practice:
    with database.atomic():
        practice.title, practice.description, practice.form = data.title, data.description, data.form
        practice.authors_text, practice.tags = data.authors_text, normalise_tags(data.tags)
        practice.save()
        set_authors(practice, data.author_ids)
    return practice


def review(practice, approve: bool, actor) -> Practice:
    with database.atomic():
        practice.status = APPROVED if approve else REJECTED
        practice.reviewed_by = actor
        practice.reviewed_at = dt.datetime.now()
        practice.save()
    return practice


def delete_file(record: PracticeFile) -> None:
    with database.atomic():
        name = record.stored_name
        record.delete_instance()
    uploads.remove(name)


def delete(practice) -> None:
    names = [f.stored_name for f in practice.files]
    with database.atomic():
        practice.delete_instance(recursive=True)
    for name in names:
        uploads.remove(name)


def can_see(practice, user) -> bool:
    if practice.organisation_id != user.organisation_id:
        return False
    return practice.status == APPROVED or user.is_staff or practice.proposed_by_id == user.id


def can_edit(practice, user) -> bool:
    if practice.organisation_id != user.organisation_id:
        return False
    return user.is_staff or (practice.proposed_by_id == user.id and practice.status == PROPOSED)


@dataclass
class Filters:
    q: str = ""
    form: str = ""
    tag: str = ""
    status: str = ""

    @classmethod
    def from_args(cls, args) -> "Filters":
        from matching.catalogue import FORMS
        form = args.get("form", "")
        status = args.get("status", "")
        return cls(q=(args.get("q") or "").strip()[:100], form=form if form in FORMS else "",
                   tag=(args.get("tag") or "").strip().lower()[:40],
                   status=status if status in STATUS_LABELS or status == "mine" else "")

    def as_args(self) -> dict:
        return {k: v for k, v in vars(self).items() if v}


def search(organisation, user, filters: Filters):
    """Practices the person may see: approved ones; their own proposals; everything for the coordinator."""
    query = Practice.select().where(Practice.organisation == organisation)
    if user.is_staff:
        if filters.status in STATUS_LABELS:
            query = query.where(Practice.status == filters.status)
    elif filters.status == "mine":
        query = query.where(Practice.proposed_by == user)
    else:
        query = query.where((Practice.status == APPROVED) | (Practice.proposed_by == user))
    if filters.form:
        query = query.where(Practice.form == filters.form)
    if filters.tag:
        query = query.where(contains(Practice.tags, filters.tag))
    if filters.q:
        author_match = (PracticeAuthor.select(PracticeAuthor.practice).join(User)
                        .where(contains(User.full_name, filters.q)))
        query = query.where(contains(Practice.title, filters.q) | contains(Practice.description, filters.q)
                            | contains(Practice.authors_text, filters.q) | contains(Practice.tags, filters.q)
                            | Practice.id.in_(author_match))
    return query.order_by(Practice.created_at.desc(), Practice.id.desc())


def pending_count(organisation) -> int:
    return Practice.select().where((Practice.organisation == organisation) & (Practice.status == PROPOSED)).count()


def authors_of(practice) -> list[User]:
    return list(User.select().join(PracticeAuthor).where(PracticeAuthor.practice == practice)
                .order_by(User.full_name))
