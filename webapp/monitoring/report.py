"""One scope's monitoring figures (school, form of mentoring, pair), for the pages and the exports."""
from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _

from matching.catalogue import FORM_LABELS
from webapp.monitoring import dataset, statistics
from webapp.monitoring.assigning import PAIR_STAGES, STAGE_LABELS
from webapp.monitoring import charts
from webapp.shipped_text import shipped

ROLE_LABELS = {"mentor": "наставники", "mentee": "наставляемые"}
FLAG_LABELS = {"would_continue": "Хотели бы продолжить работу в паре",
               "mentor_again": "Готовы снова стать наставником",
               "become_mentor": "Хотели бы сами стать наставником"}


@dataclass
class Scope:
    title: str
    observations: list
    expected: list
    rates: dict = field(default_factory=dict)
    stats: dict = field(default_factory=dict)  # stage -> {item: ItemStat}
    changes: dict = field(default_factory=dict)  # item -> Change
    flags: dict = field(default_factory=dict)  # exit yes/no shares


def label(key: str, texts: dict | None = None) -> str:
    known = statistics.ITEM_LABELS.get(key)
    return _(known) if known else shipped((texts or {}).get(key)) or key


def scope(title: str, observations, expected) -> Scope:
    result = Scope(title, observations, expected)
    result.rates = statistics.response_rates(expected, observations)
    result.stats = {stage: statistics.item_stats(observations, stage) for stage in PAIR_STAGES}
    result.changes = statistics.before_after(observations)
    result.flags = statistics.yes_shares(observations, "exit")
    return result


@dataclass
class Report:
    school: Scope
    forms: list[Scope]
    texts: dict
    role: str
    form: str
    year: object = None


def build(organisation, *, form: str = "", role: str = "", year=None) -> Report:
    observations = [o for o in dataset.observations(organisation, year=year) if o.stage in PAIR_STAGES]
    expected = [e for e in dataset.expected(organisation, year=year) if e.stage in PAIR_STAGES]
    if role:
        observations = [o for o in observations if o.role == role]
        expected = [e for e in expected if e.role == role]
    forms = sorted({o.form for o in observations} | {e.form for e in expected}, key=lambda f: list(FORM_LABELS).index(f) if f in FORM_LABELS else 99)
    if form:
        forms = [f for f in forms if f == form]
    per_form = [scope(_(FORM_LABELS.get(f, f)), statistics.select(observations, form=f),
                      [e for e in expected if e.form == f]) for f in forms]
    return Report(scope(_("Вся школа"), observations, expected), per_form, dataset.question_texts(organisation),
                  role, form, year)


def pair_scope(organisation, group) -> Scope:
    return scope(dataset.pair_names([group])[group.id], dataset.observations(organisation, group_id=group.id),
                 dataset.expected(organisation, group_id=group.id))


def influence_chart(s: Scope, texts=None) -> str:
    keys = list(s.changes)
    return charts.grouped_bars(
        _("До и после: %(title)s", title=s.title), [label(k, texts) for k in keys],
        [(_("Входной мониторинг"), charts.BEFORE, [s.changes[k].before.mean for k in keys]),
         (_("Итоговый мониторинг"), charts.AFTER, [s.changes[k].after.mean for k in keys])])


def process_chart(s: Scope, texts=None) -> str:
    keys = [k for k in statistics.ITEM_ORDER if k in s.stats["mid"] or k in s.stats["exit"]]
    keys += sorted((set(s.stats["mid"]) | set(s.stats["exit"])) - set(keys))
    return charts.grouped_bars(
        _("Качество работы пары: %(title)s", title=s.title), [label(k, texts) for k in keys],
        [(_("Промежуточный опрос"), charts.MID, [s.stats["mid"].get(k).mean if k in s.stats["mid"] else None for k in keys]),
         (_("Итоговый мониторинг"), charts.AFTER, [s.stats["exit"].get(k).mean if k in s.stats["exit"] else None for k in keys])])


def histograms(s: Scope, stage: str, texts=None) -> list[str]:
    colour = {"entry": charts.BEFORE, "mid": charts.MID, "exit": charts.AFTER}[stage]
    return [charts.histogram(f"{label(k, texts)} ({_(STAGE_LABELS[stage])}, n={stat.n})", stat.distribution, colour)
            for k, stat in s.stats[stage].items() if stat.n]


@dataclass
class YearFigures:
    year: object
    pairs: int
    rates: dict
    improved: int  # influence indicators with the verdict «улучшение»
    compared: int  # indicators with enough paired answers


def year_figures(organisation, year) -> YearFigures:
    """Kept per fingerprint of the school's monitoring data: the overview shows two years, and reading
    and comparing both made most of its time (plain numbers, the same in every language)."""
    from webapp.monitoring import cache
    return cache.cached(f"year_figures:{year.start_year}", organisation, lambda: _year_figures(organisation, year))


def _year_figures(organisation, year) -> YearFigures:
    from webapp.monitoring import influence, marks
    observations = [o for o in dataset.observations(organisation, year=year) if o.stage in PAIR_STAGES]
    expected = [e for e in dataset.expected(organisation, year=year) if e.stage in PAIR_STAGES]
    found = influence.analyse(organisation, year)
    rows = (found.teacher_problems + found.teachers + found.students + found.student_problems
            + marks.per_subject(organisation, year))  # every before/after comparison the справка lists
    return YearFigures(year, len(dataset.groups_of(organisation, year=year)),
                       statistics.response_rates(expected, observations),
                       sum(1 for r in rows if r.result.verdict == "improved"), sum(1 for r in rows if r.result.enough))


def year_over_year(organisation, year) -> list[YearFigures]:
    """The chosen school year beside the one before it."""
    return [year_figures(organisation, year.previous()), year_figures(organisation, year)]


def outcome_charts(found) -> list:
    """Before/after bars of the indicators with enough paired answers (teachers' problems, students)."""
    from markupsafe import Markup
    from webapp.monitoring import influence
    result = []
    for title, rows in ((_("Педагоги: компетентность по запрошенным задачам"), found.teacher_problems),
                        (_("Обучающиеся: показатели до и после"), found.students)):
        rows = [r for r in rows if r.result.enough]
        if rows:
            result.append(Markup(charts.grouped_bars(
                title, [influence.label(r.key, r.problem) for r in rows],
                [(_("До"), charts.BEFORE, [r.result.mean_before for r in rows]),
                 (_("После"), charts.AFTER, [r.result.mean_after for r in rows])],
                max_value=max(10.0, max(max(r.result.mean_before, r.result.mean_after) for r in rows)))))
    return result
