"""A noun phrase in a case: «муниципальное бюджетное общеобразовательное учреждение «СОШ № 7»» →
«муниципальному бюджетному общеобразовательному учреждению «СОШ № 7»», «Директор» → «директора».

The adjectives and participles before the head noun agree with it; the head noun takes the case;
everything after it (a genitive complement, a name in quotes, an abbreviation) stays as written.
"""
from __future__ import annotations

import re

from webapp.russian.morph import analyser, check_case, like

WORD = re.compile(r"^[А-Яа-яЁё-]+$")
AGREEING = ("ADJF", "PRTF")


def _parse(word: str, pos: tuple[str, ...]):
    for parse in analyser().parse(word):
        if parse.tag.POS in pos and parse.tag.case == "nomn" and parse.tag.number == "sing":
            return parse
    return None


def decline_phrase(text: str, case: str, *, keep_capital: bool = True) -> str:
    """``text`` (nominative, singular) in ``case``; unknown shapes come back unchanged."""
    check_case(case)
    if case == "nomn" or not text:
        return text
    tokens = text.split(" ")
    plan = []  # (index, parse) of the words that change
    head = None
    for index, token in enumerate(tokens):
        if not WORD.match(token) or (token.isupper() and len(token) > 1):
            break
        noun = _parse(token, ("NOUN",))
        adjective = _parse(token, AGREEING)
        if adjective is not None and (noun is None or index + 1 < len(tokens) and _parse(tokens[index + 1], ("NOUN",))):
            plan.append((index, adjective))
            continue
        if noun is not None:
            head = (index, noun)
        break
    if head is None:
        return text
    index, noun = head
    grammemes = {case}
    out = list(tokens)
    inflected = noun.inflect(grammemes)
    if inflected is None:
        return text
    out[index] = _cased(tokens[index], inflected.word, keep_capital)
    animate_accusative = case == "accs" and "anim" in noun.tag and noun.tag.gender in ("masc", None)
    for position, parse in plan:
        wanted = {"gent" if animate_accusative else case, noun.tag.gender or "masc"}
        form = parse.inflect(wanted) or parse.inflect({case})
        if form is None:
            return text
        out[position] = _cased(tokens[position], form.word, keep_capital)
    return " ".join(out)


def _cased(original: str, word: str, keep_capital: bool) -> str:
    return like(original, word) if keep_capital else word
