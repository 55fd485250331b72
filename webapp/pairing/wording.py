"""Words for the codes the matching library returns (translated at the edge through _()).

The library (:mod:`matching`) hands over codes and parameters only: why a pair is not allowed
(``MatchScorer.why_not``), why a mentee got no mentor (``UnmatchedMentee.code``), why the text
component of an explanation is 0 (``Explanation.text_note``). The Russian texts below are the
message ids of the English catalogue (collected by bin/update-translations as *LABELS values).
"""
from __future__ import annotations

from flask_babel import gettext as _

from matching.thesaurus import SYNONYM_GROUP_LABELS_RU

RULE_REASON_LABELS = {
    "category": "формы наставничества для такого сочетания категорий участников нет",
    "form_not_selected": "форма наставничества не выбрана для этого подбора",
    "form_not_offered": "наставник не предлагает эту форму наставничества",
    "school": "форма «Работодатель – студент» не применяется в школах",
    "organisation": "наставник и наставляемый из разных организаций",
    "self": "один и тот же человек не может быть наставником самому себе",
    "excluded": "куратор исключил эту пару",
    "capacity": "у наставника не осталось свободных мест",
    "below_min_score": "совпадение ниже минимального порога",
}

UNMATCHED_REASON_LABELS = {
    "no_eligible_mentor": "Нет подходящего по правилам наставника (форма наставничества, "
                          "категория участника, организация, исключённые пары).",
    "below_min_score": "Все допустимые наставники ниже минимального порога совпадения.",
    "capacity_exhausted": "Места у подходящих наставников уже заняты другими наставляемыми.",
}

TEXT_NOTE_LABELS = {
    "no_request_text": "Наставляемый ничего не написал о себе — описания не сравнивались.",
    "no_profile_text": "Наставник ничего не написал о себе — описания не сравнивались.",
    "nothing_in_common": "В описаниях нет ни общих, ни близких по смыслу слов: сходство описаний 0.",
}

#: Groups of the matching library's domain thesaurus (``Explanation.synonym_words`` codes); their
#: Russian names are the catalogue's message ids (bin/update-translations extracts them).
SYNONYM_GROUP_LABELS = SYNONYM_GROUP_LABELS_RU


def rule_reason(code: str) -> str:
    """Translated reason for a ``why_not`` code (the code itself if unknown)."""
    label = RULE_REASON_LABELS.get(code)
    return _(label) if label else code


def unmatched_reason(code: str, stored: str = "") -> str:
    """Translated reason a mentee got no mentor; ``stored`` = text kept by older runs."""
    label = UNMATCHED_REASON_LABELS.get(code)
    return _(label) if label else (stored or code)
