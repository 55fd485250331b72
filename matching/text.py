"""Free-text similarity by meaning: lemma matches plus "close in meaning" word pairs.

Usable on its own::

    sim = TextSimilarity().fit(corpus)
    sim.similarity(["не понимаю матанализ"], ["преподаю математический анализ"])

* **Terms.** Words are lower-cased (``ё`` -> ``е``), abbreviations expanded («матанализ» ->
  «математический анализ»; the parts of one written word weigh ``1/sqrt(n)`` each),
  hyphenated words split, reduced to Snowball stems (``normaliser="stem"``, the default;
  ``"lemma"`` uses pymorphy3 lemmas), stop words and request-genre words («знать»,
  «начать», «найти») dropped (:mod:`matching.terms`).
* **Lexical part.** TF-IDF with sublinear tf (``1 + ln tf``); the document frequencies add the
  fitted texts to a background corpus shipped with the package (:mod:`matching.background`),
  so generic words count little even in a tiny school. Cosine of unit vectors.
* **Semantic part.** Soft cosine ``a·S·b / sqrt(a·S·a · b·S·b)`` over the same TF-IDF vectors,
  where ``S`` is 1 on the diagonal and, between two different terms, the cosine of their word
  vectors where it is at least ``semantic_threshold`` (0 elsewhere). The vectors are the navec
  embeddings shipped inside the ``natasha`` wheel (:mod:`matching.embeddings`); if they fail
  to load, ``S`` is the identity and the component is lexical only (a warning is logged).
  ``S`` also holds ``synonym_weight`` between different terms of one group of the domain
  thesaurus (:mod:`matching.thesaurus`, written from the mentoring problem catalogue:
  «текучка» ~ «текучесть», «новенький» ~ «новичок»); same-root pairs are in ``S`` too.
  Where several relations hold, the largest value counts.
* **Per text.** A person's text is split into its sentences/lines ("texts"); the request is
  compared with each and the results are aggregated (``aggregate="max"`` or a power mean
  ``p >= 1``); a sentence of fewer than ``min_segment_terms`` terms joins the next one.
* **Word parts together.** ``words = (1 - semantic_weight) * lexical + semantic_weight *
  semantic``, in [0, 1]. Both parts are exactly 0 when the texts share no term and no term pair
  is close in meaning, so such a pair scores 0.
* **Whole-text meaning.** A multilingual sentence encoder shipped inside a wheel
  (:mod:`matching.sentence_encoder`) gives the cosine ``c`` of the two whole texts; its part is
  ``e = clip((c - encoder_floor) / (1 - encoder_floor), 0, 1)`` and the score is
  ``(1 - encoder_weight) * words + encoder_weight * e`` where ``words > 0``, and 0 where
  ``words == 0``: the encoder re-ranks mentors that share something with the request, it never
  makes a pair with nothing in common look related (it finds «садоводство» and «классное
  руководство» close, through their common sub-word). If the encoder cannot load, or a fit has
  more than ``encoder_max_texts`` texts it has not encoded yet, the word parts are the score.

The defaults were chosen on ``bench/text_cases_ru.py`` (issue 14: its tune half; issue 14b:
both halves and held-out 1; issue 14c: the tune half, ties broken on held-out 1) and are
reported on held-out sets 2-4 by ``bench/eval_text.py`` (docs/matching.md has the figures
and what was seen when).
"""
from __future__ import annotations

import logging
import math
import numbers
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
import scipy.sparse as sp

from .term_relations import (ROOT_PREFIX, closeness_matrix, neighbours, root_matrix,
                             synonym_matrix)
from .terms import RUSSIAN_STOP_WORDS, TermAnalyzer, normalise_text, tokenize
from .text_explain import WordExplanations

log = logging.getLogger(__name__)

__all__ = ["TextSimilarity", "TextVectors", "RUSSIAN_STOP_WORDS", "normalise_text", "tokenize",
           "DEFAULT_SEMANTIC_WEIGHT", "DEFAULT_SEMANTIC_THRESHOLD", "DEFAULT_ROOT_WEIGHT",
           "DEFAULT_SYNONYM_WEIGHT", "DEFAULT_ENCODER_WEIGHT", "DEFAULT_ENCODER_FLOOR",
           "ROOT_PREFIX"]

#: Share of the semantic part in the text score (chosen on the tune half, see the module doc).
DEFAULT_SEMANTIC_WEIGHT = 0.8
#: Similarity of two different terms of one root (one stem a prefix of the other, or a
#: common beginning of at least :data:`ROOT_PREFIX` letters): «ошибиться» ~ «ошибки».
DEFAULT_ROOT_WEIGHT = 0.8
#: Similarity of two different terms of one group of the domain thesaurus
#: (:mod:`matching.thesaurus`): «текучка» ~ «текучесть», «новенький» ~ «новичок».
DEFAULT_SYNONYM_WEIGHT = 0.6
#: A sentence with fewer terms than this joins the next one (a heading such as
#: «Педагог-психолог.» is not compared on its own, where one shared word would give it 1).
DEFAULT_MIN_SEGMENT_TERMS = 3
#: Lowest word-vector cosine at which two different terms count as close in meaning.
DEFAULT_SEMANTIC_THRESHOLD = 0.4
#: Share of the whole-text (sentence encoder) part where the word parts are above 0
#: (issue 14d: chosen on held-outs 4 and 5, the middle of the plateau 0.3-0.5; docs/matching.md).
DEFAULT_ENCODER_WEIGHT = 0.4
#: Encoder cosine that counts as "no closeness"; unrelated requests and profiles score about
#: 0.78-0.83 with this encoder (issue 14d: 0.8 chosen with the weight).
DEFAULT_ENCODER_FLOOR = 0.8
#: A fit with more texts than this still to encode skips the encoder (about 20-70 ms a text on
#: one core): a region-wide run of tens of thousands of people is scored on words only.
DEFAULT_ENCODER_MAX_TEXTS = 3000

_SEGMENT = re.compile(r"[.!?;\n]+")
_POS_FILTER = True


@dataclass
class TextVectors:
    """Encoded texts: ``query`` rows (whole texts) and ``segments`` rows (their sentences).

    ``query[i] @ segments[k].T`` is the combined similarity of text ``i`` with segment ``k``;
    ``seg_ptr[j]:seg_ptr[j + 1]`` are the segments of text ``j`` (at least one each).
    """

    query: sp.csr_matrix
    segments: sp.csr_matrix
    seg_ptr: np.ndarray
    terms: sp.csr_matrix | None = None     # 1 where the text has the term (explanations)
    word_ids: sp.csr_matrix | None = None  # 1 + index of the term's first written word
    sentences: np.ndarray | None = None    # unit rows of the sentence encoder (None: not used)

    def __len__(self) -> int:
        return len(self.seg_ptr) - 1


class TextSimilarity(WordExplanations):
    """Similarity of free texts in [0, 1]: lemma matches and close-in-meaning word pairs.

    Parameters
    ----------
    language : {"ru", "en"}
        Language of the texts ("ru" handles Latin words too; the embeddings are Russian).
    normaliser : {"lemma", "stem"}
        pymorphy3 lemmas or Snowball stems for Russian words.
    normaliser default is "stem" (chosen on the tune half).
    semantic_weight : float in [0, 1], default 0.8
        Share of the semantic (soft cosine) part; 0 = lexical only, 1 = semantic only.
    synonym_weight : float in [0, 1], default 0.6
        Similarity of two different terms of one thesaurus group in the semantic part
        (0 = thesaurus off).
    semantic_threshold : float in (0, 1], default 0.4
        Lowest word-vector cosine for two different terms to count as close in meaning.
    aggregate : "max" or float >= 1, default "max"
        How the similarities with a person's separate texts are combined.
    background : bool, default True
        Add the shipped background corpus to the document frequencies.
    embeddings_path : str or None
        A navec archive to use instead of the one in the ``natasha`` package.
    min_segment_terms : int >= 1, default 3
        A sentence with fewer terms joins the next one (the last joins the one before).
    encoder_weight : float in [0, 1], default 0.4
        Share of the whole-text part (the sentence encoder) where the word parts are above 0;
        0 = the encoder is not used.
    encoder_floor : float in [0, 1), default 0.8
        Encoder cosine that counts as no closeness.
    encoder_max_texts : int >= 0, default 3000
        A fit with more texts not yet encoded skips the encoder.
    """

    def __init__(self, language="ru", normaliser="stem",
                 semantic_weight=DEFAULT_SEMANTIC_WEIGHT,
                 semantic_threshold=DEFAULT_SEMANTIC_THRESHOLD, aggregate="max",
                 background=True, root_weight=DEFAULT_ROOT_WEIGHT, embeddings_path=None,
                 synonym_weight=DEFAULT_SYNONYM_WEIGHT,
                 min_segment_terms=DEFAULT_MIN_SEGMENT_TERMS,
                 encoder_weight=DEFAULT_ENCODER_WEIGHT, encoder_floor=DEFAULT_ENCODER_FLOOR,
                 encoder_max_texts=DEFAULT_ENCODER_MAX_TEXTS):
        self.min_segment_terms = min_segment_terms
        self.encoder_weight = encoder_weight
        self.encoder_floor = encoder_floor
        self.encoder_max_texts = encoder_max_texts
        self.language = language
        self.normaliser = normaliser
        self.semantic_weight = semantic_weight
        self.semantic_threshold = semantic_threshold
        self.aggregate = aggregate
        self.background = background
        self.root_weight = root_weight
        self.embeddings_path = embeddings_path
        self.synonym_weight = synonym_weight

    # sklearn-style parameter access without importing sklearn
    def get_params(self, deep: bool = True) -> dict:
        return {k: getattr(self, k) for k in ("language", "normaliser", "semantic_weight",
                                              "semantic_threshold", "aggregate", "background",
                                              "root_weight", "embeddings_path",
                                              "synonym_weight", "min_segment_terms",
                                              "encoder_weight", "encoder_floor",
                                              "encoder_max_texts")}

    def __repr__(self) -> str:
        return f"TextSimilarity({', '.join(f'{k}={v!r}' for k, v in self.get_params().items())})"

    # ---------------------------------------------------------------- checks
    def _validate(self) -> None:
        if self.language not in ("ru", "en"):
            raise ValueError(f"language must be 'ru' or 'en', got {self.language!r}")
        if self.normaliser not in ("lemma", "stem"):
            raise ValueError(f"normaliser must be 'lemma' or 'stem', got {self.normaliser!r}")
        for name, lo_open in (("semantic_weight", False), ("semantic_threshold", True),
                              ("root_weight", False), ("synonym_weight", False),
                              ("encoder_weight", False), ("encoder_floor", False)):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, numbers.Real) or math.isnan(v) \
                    or not 0.0 <= v <= 1.0 or (lo_open and v == 0):
                raise ValueError(f"{name} must be a number in {'(0' if lo_open else '[0'}, 1], "
                                 f"got {v!r}")
        if self.encoder_floor == 1.0:
            raise ValueError("encoder_floor must be below 1, got 1.0")
        cap = self.encoder_max_texts
        if isinstance(cap, bool) or not isinstance(cap, numbers.Integral) or cap < 0:
            raise ValueError(f"encoder_max_texts must be an integer >= 0, got {cap!r}")
        m = self.min_segment_terms
        if isinstance(m, bool) or not isinstance(m, numbers.Integral) or not 1 <= m <= 1000:
            raise ValueError(f"min_segment_terms must be an integer in [1, 1000], got {m!r}")
        a = self.aggregate
        if a != "max" and (isinstance(a, bool) or not isinstance(a, numbers.Real)
                           or math.isnan(a) or not 1 <= a < math.inf):
            raise ValueError(f"aggregate must be 'max' or a number >= 1, got {a!r}")

    @staticmethod
    def _check_texts(texts: Iterable[str], name: str) -> list[str]:
        if isinstance(texts, (str, bytes)):
            raise ValueError(f"{name} must be a list of strings, not a single string")
        if texts is None or not hasattr(texts, "__iter__"):
            raise ValueError(f"{name} must be a list of strings, not {type(texts).__name__}")
        out = []
        for t in texts:
            if t is None:
                t = ""
            if not isinstance(t, str):
                raise ValueError(f"{name} must contain strings, got {type(t).__name__}")
            out.append(t)
        return out

    def _check_fitted(self) -> None:
        if not hasattr(self, "vocabulary_"):
            from sklearn.exceptions import NotFittedError
            raise NotFittedError("This TextSimilarity instance is not fitted yet; call fit first.")

    # ------------------------------------------------------------------ fit
    def fit(self, corpus: Iterable[str]) -> "TextSimilarity":
        """Learn the vocabulary, document frequencies and the term-closeness matrix."""
        self.fit_transform(corpus)
        return self

    def fit_transform(self, corpus: Iterable[str]) -> TextVectors:
        """Fit on ``corpus`` and return its encoded texts (as :meth:`transform`)."""
        self._validate()
        corpus = self._check_texts(corpus, "corpus")
        self._analyse = TermAnalyzer(self.language, self.normaliser)
        self._cache: dict[str, tuple] = {}
        self._words: list[str] = []
        self._word_index: dict[str, int] = {}
        seen: dict[str, int] = {}
        forms: dict[str, dict[str, None]] = {}
        df: dict[str, int] = {}
        for text in corpus:
            pieces = self._pieces(text)
            for _, form, term in pieces:
                if term not in seen:
                    seen[term] = len(seen)
                forms.setdefault(term, {})[form] = None
            for term in {t for _, _, t in pieces}:
                df[term] = df.get(term, 0) + 1
        n_docs = len(corpus)
        if self.background:
            from .background import background_frequencies
            n_bg, df_bg = background_frequencies(self.normaliser)
        else:
            n_bg, df_bg = 0, {}
        terms = list(seen)
        self.vocabulary_ = {t: k for k, t in enumerate(terms)}
        counts = np.array([df[t] + df_bg.get(t, 0) for t in terms], dtype=np.float64)
        self.idf_ = np.log((1.0 + n_docs + n_bg) / (1.0 + counts)) + 1.0
        self.idf_by_term_ = dict(zip(terms, self.idf_.tolist()))
        self.roots_ = root_matrix(terms, float(self.root_weight))
        if terms and float(self.semantic_weight) > 0:
            self.closeness_, self.semantic_available_ = closeness_matrix(
                terms, forms, self.normaliser, float(self.semantic_threshold),
                self.embeddings_path, pos_filter=_POS_FILTER)
        else:
            self.closeness_, self.semantic_available_ = root_matrix(terms, 0.0), False
        self.synonyms_, self.synonym_groups_ = synonym_matrix(
            terms, forms, self._analyse.term, float(self.synonym_weight))
        self.neighbours_ = neighbours(terms, self.closeness_)
        self.root_neighbours_ = neighbours(terms, self.roots_)
        self.synonym_neighbours_ = neighbours(terms, self.synonyms_)
        # semantic part: same-root, thesaurus and close-in-meaning pairs, the largest where
        # several hold
        self.semantic_matrix_ = self.roots_.maximum(self.closeness_).maximum(
            self.synonyms_).tocsr()
        self.encoder_ = self._sentence_encoder(corpus)
        return self.transform(corpus)

    def _sentence_encoder(self, corpus: list[str]):
        """The sentence encoder for this fit, or None (weight 0, not loadable, too many texts)."""
        if float(self.encoder_weight) == 0:
            return None
        from .sentence_encoder import load_sentence_encoder
        encoder = load_sentence_encoder()
        new_texts = encoder.uncached_count(corpus) if encoder is not None else 0
        if new_texts > self.encoder_max_texts:
            log.warning("%d texts to encode exceed encoder_max_texts=%d: the text component "
                        "uses its word parts only", new_texts, self.encoder_max_texts)
            return None
        return encoder

    def _pieces(self, text: str) -> list[tuple[str, str, str]]:
        return self._analyse(text or "")

    # ------------------------------------------------------------ transform
    def _tfidf_rows(self, bags: list[dict[int, int]]) -> sp.csr_matrix:
        indptr, indices, data = [0], [], []
        idf = self.idf_
        for bag in bags:
            for col, tf in sorted(bag.items()):
                indices.append(col)
                # sublinear tf; below 1 (a part of an expanded word) linear
                data.append((1.0 + math.log(tf) if tf >= 1.0 else tf) * idf[col])
            indptr.append(len(indices))
        return sp.csr_matrix((np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64),
                              np.array(indptr, dtype=np.int64)),
                             shape=(len(bags), len(self.vocabulary_)))

    @staticmethod
    def _unit(X: sp.csr_matrix, norms: np.ndarray) -> sp.csr_matrix:
        scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
        return sp.csr_matrix(sp.diags(scale) @ X)

    def _soft_unit(self, X: sp.csr_matrix, M: sp.csr_matrix) -> sp.csr_matrix:
        """Rows of ``X`` scaled to unit length in the ``M`` inner product."""
        norm = np.sqrt(np.maximum(np.asarray((X @ M).multiply(X).sum(axis=1)).ravel(), 0.0))
        return self._unit(X, norm)

    def _bags(self, text: str) -> tuple[dict[int, float], list[dict[int, float]]]:
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        vocab = self.vocabulary_
        whole: dict[int, float] = {}
        segments: list[dict[int, float]] = []
        small: dict[int, float] = {}   # a too short segment waits to join the next one
        for piece in _SEGMENT.split(text or ""):
            bag: dict[int, float] = dict(small)
            for (_, _, term), weight in self._analyse.weighted(piece):
                col = vocab.get(term)
                if col is not None:
                    bag[col] = bag.get(col, 0.0) + weight
                    whole[col] = whole.get(col, 0.0) + weight
            if len(bag) < self.min_segment_terms:
                small = bag
                continue
            small = {}
            segments.append(bag)
        if small:
            if segments:
                last = segments[-1]
                for col, weight in small.items():
                    last[col] = last.get(col, 0.0) + weight
            else:
                segments.append(small)
        hit = (whole, segments or [{}])
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[text] = hit
        return hit

    def transform(self, texts: Sequence[str]) -> TextVectors:
        """Encode texts: whole-text query rows and per-sentence segment rows."""
        self._check_fitted()
        texts = self._check_texts(texts, "texts")
        wholes, segs, ptr = [], [], [0]
        t_ptr, t_cols, t_words = [0], [], []
        vocab, words, word_index = self.vocabulary_, self._words, self._word_index
        for t in texts:
            whole, segments = self._bags(t)
            wholes.append(whole)
            segs.extend(segments)
            ptr.append(len(segs))
            a = self._analysis(t)
            for w, term in zip(a.words, a.terms):
                col = vocab.get(term)
                if col is None:
                    continue
                wid = word_index.get(w)
                if wid is None:
                    wid = word_index[w] = len(words)
                    words.append(w)
                t_cols.append(col)
                t_words.append(wid + 1)
            t_ptr.append(len(t_cols))
        w = float(self.semantic_weight)
        Q, D = self._tfidf_rows(wholes), self._tfidf_rows(segs)
        L, S = self.roots_, self.semantic_matrix_
        query = sp.hstack([(self._soft_unit(Q, L) @ L) * (1.0 - w),
                           (self._soft_unit(Q, S) @ S) * w], format="csr")
        segments = sp.hstack([self._soft_unit(D, L), self._soft_unit(D, S)], format="csr")
        shape = (len(texts), len(vocab))
        t_ptr, t_cols = np.array(t_ptr, dtype=np.int64), np.array(t_cols, dtype=np.int64)
        word_ids = sp.csr_matrix((np.array(t_words, dtype=np.float64), t_cols, t_ptr), shape=shape)
        terms = sp.csr_matrix((np.ones(len(t_cols)), t_cols, t_ptr), shape=shape)
        encoder = getattr(self, "encoder_", None)
        # float64: a float32 cosine is off by 1e-7, which the floor and the 100-point scale turn
        # into 1e-5 points, and the pair and block scores of one pair would differ
        sentences = encoder.encode(texts).astype(np.float64) if encoder is not None else None
        return TextVectors(query, segments, np.array(ptr, dtype=np.int64), terms, word_ids,
                           sentences)

    # --------------------------------------------------------------- scores
    def _aggregate(self, seg_scores: np.ndarray, starts: np.ndarray, counts: np.ndarray,
                   axis: int) -> np.ndarray:
        seg_scores = np.clip(seg_scores, 0.0, 1.0)
        if self.aggregate == "max":
            return np.maximum.reduceat(seg_scores, starts, axis=axis)
        p = float(self.aggregate)
        sums = np.add.reduceat(seg_scores ** p, starts, axis=axis)
        shape = (1, -1) if axis == 1 else (-1,)
        return np.clip((sums / counts.reshape(shape)) ** (1.0 / p), 0.0, 1.0)

    def block_scores(self, queries: TextVectors, q_idx: np.ndarray, docs: TextVectors,
                     d_idx: np.ndarray) -> np.ndarray:
        """Dense ``(len(q_idx), len(d_idx))`` similarities of encoded queries with documents."""
        q_idx, d_idx = np.asarray(q_idx, dtype=np.int64), np.asarray(d_idx, dtype=np.int64)
        if len(q_idx) == 0 or len(d_idx) == 0:
            return np.zeros((len(q_idx), len(d_idx)))
        lo, hi = docs.seg_ptr[d_idx], docs.seg_ptr[d_idx + 1]
        counts = hi - lo
        cols = np.repeat(lo - np.cumsum(counts) + counts, counts) + np.arange(counts.sum())
        starts = np.cumsum(counts) - counts
        raw = (queries.query[q_idx] @ docs.segments[cols].T).toarray()
        words = self._aggregate(raw, starts, counts, axis=1)
        if queries.sentences is None or docs.sentences is None:
            return words
        return self._with_whole_text(
            words, self.whole_text_part(queries.sentences[q_idx] @ docs.sentences[d_idx].T))

    def pair_scores(self, queries: TextVectors, q_idx: np.ndarray, docs: TextVectors,
                    d_idx: np.ndarray) -> np.ndarray:
        """Similarities of the listed pairs ``(q_idx[k], d_idx[k])``, a 1-D array."""
        q_idx, d_idx = np.asarray(q_idx, dtype=np.int64), np.asarray(d_idx, dtype=np.int64)
        if len(q_idx) == 0:
            return np.zeros(0)
        lo, hi = docs.seg_ptr[d_idx], docs.seg_ptr[d_idx + 1]
        counts = hi - lo
        seg = np.repeat(lo - np.cumsum(counts) + counts, counts) + np.arange(counts.sum())
        rows = np.repeat(q_idx, counts)
        raw = np.asarray(queries.query[rows].multiply(docs.segments[seg]).sum(axis=1)).ravel()
        words = self._aggregate(raw, np.cumsum(counts) - counts, counts, axis=0)
        if queries.sentences is None or docs.sentences is None:
            return words
        return self._with_whole_text(words, self.whole_text_pairs(queries, q_idx, docs, d_idx))

    def whole_text_pairs(self, queries: TextVectors, q_idx, docs: TextVectors,
                         d_idx) -> np.ndarray | None:
        """The encoder's part of listed pairs (explanations), or None when it was not used."""
        if queries.sentences is None or docs.sentences is None:
            return None
        q_idx, d_idx = np.asarray(q_idx, dtype=np.int64), np.asarray(d_idx, dtype=np.int64)
        return self.whole_text_part(np.einsum("ij,ij->i", queries.sentences[q_idx],
                                              docs.sentences[d_idx]))

    def whole_text_part(self, cosine: np.ndarray) -> np.ndarray:
        """The encoder's part in [0, 1] from encoder cosines (0 at or below ``encoder_floor``)."""
        floor = float(self.encoder_floor)
        return np.clip((np.asarray(cosine, dtype=np.float64) - floor) / (1.0 - floor), 0.0, 1.0)

    def _with_whole_text(self, words: np.ndarray, part: np.ndarray) -> np.ndarray:
        w = float(self.encoder_weight)
        mixed = (1.0 - w) * words + w * part
        return np.where(words > 0, np.clip(mixed, 0.0, 1.0), 0.0)

    def similarity(self, a_texts: Sequence[str], b_texts: Sequence[str]) -> np.ndarray:
        """Dense ``(len(a_texts), len(b_texts))`` matrix in [0, 1] (``a`` = requests)."""
        self._check_fitted()
        a = self.transform(a_texts)
        b = self.transform(b_texts)
        return self.block_scores(a, np.arange(len(a)), b, np.arange(len(b)))
