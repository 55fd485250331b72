"""A large bank's XLSX export as a background task: the worker builds the workbook, the coordinator
watches its progress and downloads it from any server."""
from __future__ import annotations

from werkzeug.datastructures import MultiDict

from webapp.banks import listing
from webapp.banks.export import bank_workbook
from webapp.models import AuditEvent, Organisation, User
from webapp.tasks import files
from webapp.tasks.kinds import TaskKind
from webapp.users.listing import class_names

KIND_NAME = "bank_export"
#: a bank with more people than this is exported in the background (the page offers a button)
BACKGROUND_FROM = 300
FILE_NAMES = {"mentor": "bank-mentors.xlsx", "mentee": "bank-mentees.xlsx"}


def run(task, progress) -> str:
    params = task.params
    role = params["role"]
    organisation = Organisation.get_by_id(task.organisation_id)
    progress(10, "loading")
    filters = listing.BankFilters.from_args(MultiDict(params.get("filters") or {}),
                                            subjects=listing.subjects_of(organisation, role),
                                            class_names=class_names(organisation))
    people = list(listing.search_bank(organisation, role, filters))
    progress(40, "building")
    data = bank_workbook(organisation, role, people)
    progress(90, "saving")
    result = files.store(task, data, FILE_NAMES[role])
    author = User.get_or_none(User.id == task.author_id)
    AuditEvent.record("bank_exported", actor=author, organisation=organisation, target=role,
                      details=f"{len(people)} чел.")
    return result


KIND = TaskKind(run=run)
