"""Small-number suppression: the one rule every regional page and export applies.

A cell built from fewer than :data:`THRESHOLD` people is shown as «<5», never as its value:

* a count of 1–4 is suppressed (0 is shown: "nobody" tells nothing about a person);
* a share is suppressed when its denominator is below the threshold, or when its part or the rest
  (denominator − part) is a count that would be suppressed (97 % of 100 names three people);
* a mean is suppressed when fewer than 5 answers make it.

Totals would let one back-compute a suppressed cell, so :func:`protect` adds secondary suppression.
Every additive group — a total and the parts that sum to it — is one equation; an equation with exactly
one hidden cell gives that cell away (a hidden part is the total minus the shown parts; a hidden total
is the sum of its shown parts). So wherever a group holds exactly one hidden cell, the smallest other
non-zero part is hidden too (the total when no part is left), repeated until no group has exactly one
hidden cell. Groups nest (a school's pairs by form; a municipality's schools; the region's
municipalities), so hiding spreads through them: in a small region much is hidden, by design. The pages and the XLSX/DOCX exports all read cells through this module, so a
cell hidden on the page is hidden in every export.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable, Iterable

THRESHOLD = 5
HIDDEN = "<5"


@dataclass(frozen=True)
class Cell:
    """What one table cell shows: its value, or hidden."""
    value: float | int | None
    hidden: bool = False

    @property
    def text(self) -> str:
        if self.hidden:
            return HIDDEN
        if self.value is None:
            return "—"
        if isinstance(self.value, float):
            return f"{self.value:.1f}".replace(".", ",")
        return str(self.value)

    @property
    def export_value(self):
        """A number for a spreadsheet, «<5» or «—» as text."""
        if self.hidden:
            return HIDDEN
        return "—" if self.value is None else self.value


def too_few(n: int) -> bool:
    return 0 < n < THRESHOLD


def count(n: int) -> Cell:
    return Cell(n, too_few(n))


def share(part: int, whole: int, *, hidden_part: bool = False) -> Cell:
    """``part`` of ``whole`` in percent, hidden when built from too few people on either side."""
    if whole == 0:
        return Cell(None)
    if whole < THRESHOLD or hidden_part or too_few(part) or too_few(whole - part):
        return Cell(None, True)
    return Cell(round(100.0 * part / whole, 1))


def mean(value: float | None, n: int) -> Cell:
    if n == 0 or value is None:
        return Cell(None)
    return Cell(None, True) if n < THRESHOLD else Cell(round(float(value), 1))


def protect(counts: dict[Hashable, int], groups: Iterable[tuple[Hashable, list[Hashable]]]) -> dict[Hashable, Cell]:
    """Counts as cells with primary and secondary suppression.

    ``groups``: (total key, [part keys]) — the parts sum to the total (a school's pairs by form, a
    municipality's schools, the region's municipalities).
    """
    hidden = {key for key, n in counts.items() if too_few(n)}
    groups = [(total, [p for p in parts if p in counts]) for total, parts in groups if total in counts]
    changed = True
    while changed:
        changed = False
        for total, parts in groups:
            if sum(1 for key in [total, *parts] if key in hidden) != 1:
                continue
            open_parts = sorted((p for p in parts if p not in hidden and counts[p] > 0),
                                key=lambda p: (counts[p], str(p)))
            extra = open_parts[0] if open_parts else (total if total not in hidden and counts[total] > 0 else None)
            if extra is not None:
                hidden.add(extra)
                changed = True
    return {key: Cell(n, key in hidden) for key, n in counts.items()}
