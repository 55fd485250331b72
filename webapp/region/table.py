"""The regional table of one school year: a row per school, per municipality and for the region,
every cell through :mod:`webapp.region.suppression`.

Municipality and region rows add up their schools' counts, so they are additive groups for the
secondary suppression too (a municipality's total minus its other schools would otherwise give a
hidden school cell away).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from webapp.models import Organisation
from webapp.monitoring import cache
from webapp.monitoring.statistics import ITEM_ORDER
from webapp.region import figures, suppression
from webapp.region.figures import COUNT_KEYS, ROW_GROUPS, RATE_STAGES

SCHOOL, MUNICIPALITY, REGION = "school", "municipality", "region"
#: share columns: key -> (part, whole)
SHARES = {
    "coverage": ("covered", "requests"),
    "without_pair": ("unpaired", "paired_or_unpaired"),
    "plan_on_time": ("plan_on_time", "plan_items"),
    "ended_early": ("ended_early", "ended"),
    **{f"rate:{s}": (f"answered:{s}", f"asked:{s}") for s in RATE_STAGES},
}
#: shares whose part and whole are also shown as count columns
SHOWN_PARTS = {"coverage"}


@dataclass
class Row:
    kind: str
    label: str
    municipality: str
    school_id: int | None = None
    cells: dict[str, suppression.Cell] = field(default_factory=dict)


@dataclass
class RegionTable:
    start_year: int
    rows: list[Row]
    items: list[str]  # monitoring items with at least one answer somewhere

    @property
    def year_label(self) -> str:
        return f"{self.start_year}/{self.start_year + 1}"


def schools_of(region):
    return (Organisation.select().where((Organisation.region == region) & (Organisation.kind != "regional_centre"))
            .order_by(Organisation.municipality, Organisation.short_name, Organisation.id))


def municipality_label(name: str) -> str:
    return name or "—"


def build(region, start_year: int) -> RegionTable:
    with cache.passed_by():  # the whole table is kept (webapp.region.cache); per-school entries would not help
        by_school: list[tuple[Organisation, figures.Figures]] = [
            (school, figures.of_school(school, start_year)) for school in schools_of(region)]
    municipalities: dict[str, figures.Figures] = {}
    total = figures.Figures()
    for school, f in by_school:
        municipalities.setdefault(school.municipality or "", figures.Figures()).add(f)
        total.add(f)
    raw: list[tuple[Row, figures.Figures]] = []
    for name, mf in municipalities.items():
        for school, f in by_school:
            if (school.municipality or "") == name:
                raw.append((Row(SCHOOL, school.short_name, name, school.id), f))
        raw.append((Row(MUNICIPALITY, municipality_label(name), name), mf))
    raw.append((Row(REGION, "", ""), total))
    items = [k for k in ITEM_ORDER if total.scores.get(k)] + sorted(set(total.scores) - set(ITEM_ORDER))
    _fill(raw, items)
    return RegionTable(start_year, [row for row, _f in raw], items)


def _fill(raw: list[tuple[Row, figures.Figures]], items: list[str]) -> None:
    counts: dict[tuple[int, str], int] = {}
    groups: list[tuple[tuple[int, str], list[tuple[int, str]]]] = []
    municipality_rows: list[int] = []
    school_rows: list[int] = []
    region_row = len(raw) - 1
    for index, (row, f) in enumerate(raw):
        for key in COUNT_KEYS:
            counts[(index, key)] = f.counts[key]
        for total, parts in ROW_GROUPS:
            groups.append(((index, total), [(index, p) for p in parts]))
        if row.kind == MUNICIPALITY:
            for key in COUNT_KEYS:
                groups.append(((index, key), [(i, key) for i in school_rows]))
            municipality_rows.append(index)
            school_rows = []
        elif row.kind == SCHOOL:
            school_rows.append(index)
    for key in COUNT_KEYS:
        groups.append(((region_row, key), [(i, key) for i in municipality_rows]))
    cells = suppression.protect(counts, groups)
    for index, (row, f) in enumerate(raw):
        row.cells = {key: cells[(index, key)] for key in COUNT_KEYS}
        for key, (part, whole) in SHARES.items():
            hidden = key in SHOWN_PARTS and (row.cells[part].hidden or row.cells[whole].hidden)
            row.cells[key] = suppression.share(f.counts[part], f.counts[whole], hidden_part=hidden)
        stats = f.item_stats()
        for item in items:
            stat = stats.get(item)
            row.cells[f"item:{item}"] = suppression.mean(stat.mean if stat else None, stat.n if stat else 0)
