"""Russian word vectors for the "close in meaning" part of the text component.

The vectors are the navec news embeddings (250,000 words, 300 dimensions, 26 MB) that the
``natasha`` wheel ships in ``natasha/data/emb/``; they are read from the installed package,
never downloaded. :func:`load_word_vectors` returns ``None`` and logs a warning when they
cannot be loaded (package missing, file broken): the text component then falls back to its
lexical part.
"""
from __future__ import annotations

import glob
import importlib.util
import logging
import os
import threading

import numpy as np

__all__ = ["WordVectors", "load_word_vectors", "embeddings_path"]

log = logging.getLogger(__name__)
_lock = threading.Lock()
_cache: dict[str, object] = {}


def embeddings_path() -> str | None:
    """Path of the navec archive inside the installed ``natasha`` package (not imported)."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        found = sorted(glob.glob(os.path.join(root, "data", "emb", "navec_*.tar")))
        if found:
            return found[0]
    return None


class WordVectors:
    """Unit-length vectors of words; ``vectors(words)`` -> (matrix, found mask)."""

    def __init__(self, navec) -> None:
        self._navec = navec
        self.dim = int(navec.pq.dim)

    def __contains__(self, word: str) -> bool:
        return word in self._navec

    def vectors(self, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
        out = np.zeros((len(words), self.dim), dtype=np.float32)
        found = np.zeros(len(words), dtype=bool)
        for k, w in enumerate(words):
            if w in self._navec:
                v = np.asarray(self._navec[w], dtype=np.float32)
                n = float(np.linalg.norm(v))
                if n > 0:
                    out[k] = v / n
                    found[k] = True
        return out, found


def load_word_vectors(path: str | None = None) -> WordVectors | None:
    """The shipped word vectors (cached), or None with a logged warning if they fail to load."""
    key = path or "<natasha>"
    with _lock:
        if key in _cache:
            return _cache[key]
        result = None
        try:
            where = path or embeddings_path()
            if where is None:
                raise FileNotFoundError("the natasha package with navec embeddings is not installed")
            from navec import Navec  # lazy: only when the semantic part is used
            result = WordVectors(Navec.load(where))
        except Exception as exc:  # a broken install must not stop a matching run
            log.warning("word embeddings could not be loaded (%s: %s); the text component "
                        "uses its lexical part only", type(exc).__name__, exc)
            result = None
        _cache[key] = result
        return result
