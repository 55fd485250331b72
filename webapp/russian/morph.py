"""One shared pymorphy3 analyser (its dictionaries take a moment and ~15 MB to load)."""
from __future__ import annotations

from functools import lru_cache

import pymorphy3

CASES = {"nomn": "nomn", "gent": "gent", "datv": "datv", "accs": "accs", "ablt": "ablt", "loct": "loct"}


@lru_cache(maxsize=1)
def analyser() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


def check_case(case: str) -> str:
    if case not in CASES:
        raise ValueError(f"unknown case {case!r}; one of {', '.join(CASES)}")
    return case


def like(original: str, word: str) -> str:
    """``word`` written with the capitals of ``original`` (per hyphen-separated part)."""
    parts, sources = word.split("-"), original.split("-")
    if len(parts) != len(sources):
        return word[:1].upper() + word[1:] if original[:1].isupper() else word
    out = []
    for part, source in zip(parts, sources):
        if source.isupper() and len(source) > 1:
            out.append(part.upper())
        elif source[:1].isupper():
            out.append(part[:1].upper() + part[1:])
        else:
            out.append(part)
    return "-".join(out)
