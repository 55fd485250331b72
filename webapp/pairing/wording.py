"""Words for the codes the matching library returns (translated at the edge through _()).

The library (:mod:`matching`) hands over codes and parameters only: why a pair is not allowed
(``MatchScorer.why_not``), why a mentee got no mentor (``UnmatchedMentee.code``), why the text
component of an explanation is 0 (``Explanation.text_note``). The Russian texts below are the
message ids of the English catalogue (collected by bin/update-translations as *LABELS values).
"""
from __future__ import annotations

from flask_babel import gettext as _

from matching.reasons import RULE_REASONS_RU, SCORE_REASONS_RU, UNMATCHED_REASONS_RU
from matching.thesaurus import SYNONYM_GROUP_LABELS_RU

#: The library's own words for its codes are the catalogue's message ids (matching/reasons.py).
RULE_REASON_LABELS = {**RULE_REASONS_RU, **SCORE_REASONS_RU}
UNMATCHED_REASON_LABELS = UNMATCHED_REASONS_RU

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
