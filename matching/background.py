"""Document frequencies from the background corpus that ships with the package.

``matching/data/background_ru.txt`` holds a few hundred short mentoring texts written for
this project. Their document frequencies are added to those of the texts being matched, so
that even a school with thirty profiles knows that «класс», «урок», «справиться» or «работа»
are common words and weighs them little.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

__all__ = ["background_documents", "background_frequencies"]

_PATH = Path(__file__).with_name("data") / "background_ru.txt"


@lru_cache(maxsize=1)
def background_documents() -> tuple[str, ...]:
    """The background texts (one a line, comments and blank lines skipped)."""
    lines = _PATH.read_text(encoding="utf-8").splitlines()
    return tuple(s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#"))


@lru_cache(maxsize=4)
def background_frequencies(normaliser: str) -> tuple[int, dict[str, int]]:
    """(number of documents, {term: documents containing it}) for a term normaliser."""
    from .terms import TermAnalyzer
    analyse = TermAnalyzer("ru", normaliser)
    docs = background_documents()
    df: Counter = Counter()
    for text in docs:
        df.update({term for _, _, term in analyse(text)})
    return len(docs), dict(df)
