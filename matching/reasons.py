"""Why a pair is not allowed and why a mentee got no mentor: codes and their Russian words; why a
suggested mentor suits (:func:`top_reasons`: codes only, the web templates word them).

Plain data, cheap to import. The library returns the codes; the words here serve plain use of the
library and are the web application's catalogue message ids (``bin/update-translations`` extracts
them), so each sentence is written once.
"""
from __future__ import annotations

#: Why a single pair is not allowed (:meth:`matching.rules.EligibilityRules.why_not`).
RULE_REASONS_RU = {
    "category": "формы наставничества для такого сочетания категорий участников нет",
    "form_not_selected": "форма наставничества не выбрана для этого подбора",
    "form_not_offered": "наставник не предлагает эту форму наставничества",
    "school": "форма «Работодатель – студент» не применяется в школах",
    "organisation": "наставник и наставляемый из разных организаций",
    "remote": "наставник и наставляемый из разных организаций встречаются только дистанционно, "
              "а кто-то из них выбрал очные встречи",
    "self": "один и тот же человек не может быть наставником самому себе",
    "excluded": "куратор исключил эту пару",
    "capacity": "у наставника не осталось свободных мест",
}

#: Why a pair allowed by the rules is still not suggested (:meth:`matching.MatchScorer.why_not`).
SCORE_REASONS_RU = {
    "below_min_score": "совпадение ниже минимального порога",
}

#: Why a mentee got no mentor in an assignment (:class:`matching.UnmatchedMentee` codes).
UNMATCHED_REASONS_RU = {
    "no_eligible_mentor": "Нет подходящего по правилам наставника (форма наставничества, "
                          "категория участника, организация, исключённые пары).",
    "below_min_score": "Все допустимые наставники ниже минимального порога совпадения.",
    "capacity_exhausted": "Места у подходящих наставников уже заняты другими наставляемыми.",
}

#: Why a suggested mentor suits the mentee, one reason per score component (component key → code).
MATCH_REASONS = {
    "problems": "covers_requests",
    "text": "similar_descriptions",
    "subjects": "shared_subjects",
    "availability": "shared_time",
    "format": "same_format",
}


def top_reasons(explanation, n: int = 3) -> list[str]:
    """Codes of the ``n`` strongest reasons of an explanation (its dict form, as stored): the
    components that brought points, most points first. Unknown components are skipped."""
    parts = [c for c in (explanation or {}).get("components") or ()
             if isinstance(c, dict) and c.get("key") in MATCH_REASONS and (c.get("points") or 0) > 0]
    parts.sort(key=lambda c: -c["points"])
    return [MATCH_REASONS[c["key"]] for c in parts[:n]]
