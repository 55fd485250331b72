"""Monitoring figures from observations (pure Python, no database): rates, means, distributions,
before/after changes, open answers.

An observation is one submitted monitoring response: the pair, its form of mentoring, the
respondent's role, the stage (entry / mid / exit), the 1–10 scores by item key, yes/no answers,
and the open (text) answers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from statistics import mean

SCALE = range(1, 11)
ITEM_ORDER = ("comfort", "usefulness", "support", "support_kurator", "satisfaction", "expectations")
#: «support» asks mentees about their mentor and mentors about the куратор: two different items,
#: so a mentor's answer is read under its own key and never averaged with the mentees'
MENTOR_RENAMED = {"support": "support_kurator"}
ITEM_LABELS = {
    "comfort": "Комфорт общения",
    "usefulness": "Польза встреч",
    "support": "Поддержка наставника (наставляемые)",
    "support_kurator": "Поддержка куратора и школы (наставники)",
    "satisfaction": "Удовлетворённость совместной работой",
    "expectations": "Оправдание ожиданий",
}


@dataclass
class Observation:
    group_id: int
    form: str
    role: str
    stage: str
    user_id: int
    scores: dict[str, int] = field(default_factory=dict)
    flags: dict[str, bool] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Expected:
    """Someone was asked to answer: an assignment."""
    group_id: int
    form: str
    role: str
    stage: str
    user_id: int


@dataclass
class Rate:
    asked: int
    answered: int

    @property
    def percent(self) -> float | None:
        return round(100.0 * self.answered / self.asked, 1) if self.asked else None


@dataclass
class ItemStat:
    n: int
    mean: float | None
    distribution: dict[int, int]


@dataclass
class Change:
    before: ItemStat
    after: ItemStat
    paired_n: int
    paired_delta: float | None

    @property
    def delta(self) -> float | None:
        if self.before.mean is None or self.after.mean is None:
            return None
        return round(self.after.mean - self.before.mean, 2)


def select(observations, *, form: str = "", role: str = "", group_id: int | None = None, stage: str = ""):
    return [o for o in observations if (not form or o.form == form) and (not role or o.role == role)
            and (group_id is None or o.group_id == group_id) and (not stage or o.stage == stage)]


def response_rates(expected, observations, stages=("entry", "mid", "exit")) -> dict[str, Rate]:
    """Per stage: how many people were asked and how many of them answered (answering unasked counts as asked)."""
    result = {}
    for stage in stages:
        asked = {(e.group_id, e.user_id) for e in expected if e.stage == stage}
        answered = {(o.group_id, o.user_id) for o in observations if o.stage == stage}
        result[stage] = Rate(len(asked | answered), len(answered))
    return result


def item_keys(observations) -> list[str]:
    keys = {k for o in observations for k in o.scores}
    return [k for k in ITEM_ORDER if k in keys] + sorted(keys - set(ITEM_ORDER))


def item_stat(values) -> ItemStat:
    values = [int(v) for v in values if v is not None]
    distribution = {score: 0 for score in SCALE}
    for value in values:
        if value in distribution:
            distribution[value] += 1
    return ItemStat(len(values), round(mean(values), 2) if values else None, distribution)


def item_stats(observations, stage: str) -> dict[str, ItemStat]:
    """Every 1–10 item of the stage: count, mean and distribution over 1..10."""
    chosen = [o for o in observations if o.stage == stage]
    return {key: item_stat(o.scores[key] for o in chosen if key in o.scores) for key in item_keys(chosen)}


def before_after(observations, before: str = "entry", after: str = "exit") -> dict[str, Change]:
    """Items asked at both stages: means before and after, their difference, and the mean change of
    the people (same pair, same person) who answered both."""
    first = item_stats(observations, before)
    last = item_stats(observations, after)
    by_person: dict[tuple, dict[str, dict[str, int]]] = {}
    for o in observations:
        if o.stage in (before, after):
            by_person.setdefault((o.group_id, o.user_id), {})[o.stage] = o.scores
    result = {}
    for key in [k for k in first if k in last]:
        diffs = [stages[after][key] - stages[before][key] for stages in by_person.values()
                 if key in stages.get(before, {}) and key in stages.get(after, {})]
        result[key] = Change(first[key], last[key], len(diffs), round(mean(diffs), 2) if diffs else None)
    return result


def yes_shares(observations, stage: str) -> dict[str, Rate]:
    """Yes/no questions of the stage: how many answered and how many said yes."""
    chosen = [o for o in observations if o.stage == stage]
    keys = sorted({k for o in chosen for k in o.flags})
    return {k: Rate(sum(1 for o in chosen if k in o.flags), sum(1 for o in chosen if o.flags.get(k) is True))
            for k in keys}


def open_answers(observations) -> list[tuple[str, str, str, str, int]]:
    """(stage, role, question key, text, pair id) for every non-empty open answer."""
    rows = []
    for o in observations:
        for key, text in o.texts.items():
            if text and text.strip():
                rows.append((o.stage, o.role, key, text.strip(), o.group_id))
    order = {"entry": 0, "mid": 1, "exit": 2}
    return sorted(rows, key=lambda r: (order.get(r[0], 9), r[4], r[1], r[2]))
