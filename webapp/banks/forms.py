"""The form behind «Выгрузить в XLSX (в фоне)»: the bank's filters it carries and the task's request key.

The filters are the list's own (its address's arguments, as hidden fields): they are read by
``BankFilters.from_args`` like the list's, so an unknown value is left out with a note, never a 500."""
from __future__ import annotations

from wtforms import StringField

from webapp.banks.listing import FIELDS
from webapp.tasks.forms import TaskRequestForm


class BankExportForm(TaskRequestForm):
    everyone = StringField()

    def filter_args(self) -> dict[str, str]:
        """The carried filters as plain text (what the list's address would hold)."""
        return {name: self[name].data or "" for name in (*FIELDS, "everyone")}


for _name in FIELDS:  # one hidden text per filter of the list
    setattr(BankExportForm, _name, StringField())
