"""The words of the regional table: column sections and headings (codes stay in the table)."""
from __future__ import annotations

from flask_babel import gettext as _

from matching.catalogue import FORM_LABELS, TYPES
from webapp.monitoring.report import label as item_label
from webapp.programmes.groups import STAGE_LABELS
from webapp.region.figures import FORM_KEYS, STAGES as STAGE_KEYS, TYPE_KEYS


def sections(table) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(section heading, [(cell key, column heading)])] in display order."""
    return [
        (_("Участники и запросы"), [
            ("mentors", _("Наставники")), ("mentees", _("Наставляемые")),
            ("requests", _("Запросы наставляемых")), ("covered", _("Запросы, получившие пару")),
            ("coverage", _("Охват запросов, %")), ("without_pair", _("Остались без пары, %"))]),
        (_("Пары и группы по формам наставничества"),
         [("pairs", _("Всего"))] + [(f"form:{k}", _(FORM_LABELS[k])) for k in FORM_KEYS]),
        (_("Пары и группы по видам наставничества"), [(f"type:{k}", _(TYPES[k])) for k in TYPE_KEYS]),
        (_("Этапы программ"), [(f"stage:{s}", _(STAGE_LABELS[s])) for s in STAGE_KEYS]),
        (_("Мониторинг"), [
            ("plan_on_time", _("Пункты плана выполнены в срок, %")),
            ("ended_early", _("Пары, завершённые досрочно, %")),
            ("rate:entry", _("Ответили на входной мониторинг, %")),
            ("rate:mid", _("Ответили на промежуточный мониторинг, %")),
            ("rate:exit", _("Ответили на итоговый мониторинг, %"))]
         + [(f"item:{k}", _("%(item)s: итоговый, средний балл", item=item_label(k))) for k in table.items]),
    ]


def row_label(row) -> str:
    if row.kind == "region":
        return _("Итого по региону")
    if row.kind == "municipality":
        return _("Итого: %(name)s", name=row.label)
    return row.label
