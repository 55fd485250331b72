"""Free-text similarity: stemmed words plus character n-grams, TF-IDF, cosine.

Usable on its own::

    sim = TextSimilarity(language="ru").fit(corpus)
    sim.similarity(["хочу подготовиться к собеседованию"], ["помогу с собеседования"])

Text is lower-cased, ``ё`` becomes ``е``, stop words are dropped. Two TF-IDF views are
joined: Snowball stems of words (Russian words with the Russian stemmer, Latin words with
the English one) and ``char_wb`` n-grams, which catch morphology, compounds and typos
("матанализ" ~ "анализ"). Both views are L2-normalised, so the cosine of the joined
vectors is ``word_weight * cos_words + (1 - word_weight) * cos_chars``, in ``[0, 1]``.
"""
from __future__ import annotations

import math
import re
from typing import Iterable, Sequence

import numpy as np
import scipy.sparse as sp
import snowballstemmer
from sklearn.base import BaseEstimator
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

__all__ = ["TextSimilarity", "RUSSIAN_STOP_WORDS", "normalise_text", "tokenize"]

RUSSIAN_STOP_WORDS = frozenset("""
а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже
для до его ее ей ему если есть еще же за здесь и из или им их к как какой когда кто ли либо
мне меня мной мы на над надо наш не него нее нет ни них но ну о об однако он она они оно от
очень по под после при про раз с со так также такой там те тем то того тоже той только том
ты у уже хотя чего чей чем что чтобы чье чья эта эти это этот я ваш свой свою свои себя себе
мой моя мое мои моих может можно нужно нужна нужен хочу хотел хотела хотим быть будет буду
который которая которые которых кого кем чему ним нам нас ими бы вы же ли лишь пока между
через ещё всё её могу может помогу помочь помощь хочется хотелось очень
""".replace("ё", "е").split())

_TOKEN = re.compile(r"[a-zа-я0-9]+")
_CYRILLIC = re.compile(r"[а-я]")


def normalise_text(text: str) -> str:
    """Lower-case and map ``ё`` to ``е``."""
    return text.lower().replace("ё", "е")


def tokenize(text: str) -> list[str]:
    """Words of a text after :func:`normalise_text` (letters and digits only)."""
    return _TOKEN.findall(normalise_text(text))


class _Stemmer:
    """Cached Snowball stemmer that picks the alphabet's language per word."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._ru = snowballstemmer.stemmer("russian")
        self._en = snowballstemmer.stemmer("english")
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            if _CYRILLIC.search(word):
                stem = self._ru.stemWord(word)
            elif self.language == "en" or word.isalpha():
                stem = self._en.stemWord(word)
            else:
                stem = word
            self._cache[word] = stem
        return stem


class TextSimilarity(BaseEstimator):
    """Cosine similarity of free texts over stemmed words and character n-grams.

    Parameters
    ----------
    language : {"ru", "en"}
        Stop-word list and the main stemmer ("ru" also stems Latin words in English).
    word_weight : float in [0, 1], default 0.5
        Share of the word (stem) view in the similarity; the rest is character n-grams.
    char_ngram_range : (int, int), default (3, 5)
        Lengths of the ``char_wb`` n-grams.
    """

    def __init__(self, language: str = "ru", word_weight: float = 0.5,
                 char_ngram_range: tuple[int, int] = (3, 5)) -> None:
        self.language = language
        self.word_weight = word_weight
        self.char_ngram_range = char_ngram_range

    # -- preprocessing -------------------------------------------------------
    def _content_words(self, text: str) -> list[str]:
        stop = self.stop_words_
        return [w for w in tokenize(text) if w not in stop and len(w) > 1]

    def _analyze_words(self, text: str) -> list[str]:
        return [self._stem(w) for w in self._content_words(text)]

    def _clean(self, text: str) -> str:
        return " ".join(self._content_words(text))

    def _check_texts(self, texts: Iterable[str], name: str) -> list[str]:
        if isinstance(texts, str):
            raise ValueError(f"{name} must be a list of strings, not a single string")
        out = []
        for t in texts:
            if t is None:
                t = ""
            if not isinstance(t, str):
                raise ValueError(f"{name} must contain strings, got {type(t).__name__}")
            out.append(t)
        return out

    # -- estimator API -------------------------------------------------------
    def fit(self, corpus: Iterable[str]) -> "TextSimilarity":
        """Learn vocabularies and IDF weights from ``corpus`` (empty texts are fine)."""
        self.fit_transform(corpus)
        return self

    def fit_transform(self, corpus: Iterable[str]) -> sp.csr_matrix:
        """Fit on ``corpus`` and return its vectors (same as ``fit(c).transform(c)``)."""
        if self.language not in ("ru", "en"):
            raise ValueError(f"language must be 'ru' or 'en', got {self.language!r}")
        w = self.word_weight
        if isinstance(w, bool) or not isinstance(w, (int, float)) or math.isnan(w) \
                or not 0.0 <= w <= 1.0:
            raise ValueError(f"word_weight must be a number in [0, 1], got {w!r}")
        rng = self.char_ngram_range
        if not (isinstance(rng, (tuple, list)) and len(rng) == 2
                and all(isinstance(v, int) and not isinstance(v, bool) for v in rng)
                and 1 <= rng[0] <= rng[1]):
            raise ValueError(f"char_ngram_range must be (lo, hi) with 1 <= lo <= hi, "
                             f"got {rng!r}")
        corpus = self._check_texts(corpus, "corpus")
        self.stop_words_ = RUSSIAN_STOP_WORDS if self.language == "ru" else \
            frozenset(ENGLISH_STOP_WORDS)
        self._stem = _Stemmer(self.language)
        self._analysis_cache: dict[str, tuple] = {}
        cleaned = [self._clean(t) for t in corpus]
        self.empty_ = not any(cleaned)
        if self.empty_:
            self.idf_by_stem_ = {}
            self.n_features_ = 0
            return sp.csr_matrix((len(cleaned), 1), dtype=np.float64)
        self.word_vectorizer_ = TfidfVectorizer(
            analyzer=self._analyze_words_cleaned, sublinear_tf=True, dtype=np.float64)
        words = self.word_vectorizer_.fit_transform(cleaned)
        self.char_vectorizer_ = TfidfVectorizer(
            analyzer="char_wb", ngram_range=tuple(rng), sublinear_tf=True, lowercase=False,
            dtype=np.float64)
        chars = self.char_vectorizer_.fit_transform(cleaned)
        self.idf_by_stem_ = dict(zip(self.word_vectorizer_.get_feature_names_out(),
                                     self.word_vectorizer_.idf_))
        self.n_features_ = words.shape[1] + chars.shape[1]
        return self._join(words, chars)

    def _join(self, words, chars) -> sp.csr_matrix:
        w = float(self.word_weight)
        return sp.hstack([words * math.sqrt(w), chars * math.sqrt(1.0 - w)],
                         format="csr", dtype=np.float64)

    def _analyze_words_cleaned(self, cleaned: str) -> list[str]:
        return [self._stem(w) for w in cleaned.split()]

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Sparse L2-normalised vectors (rows of zeros for texts with no known words)."""
        check_is_fitted(self, "empty_")
        texts = self._check_texts(texts, "texts")
        if self.empty_:
            return sp.csr_matrix((len(texts), 1), dtype=np.float64)
        cleaned = [self._clean(t) for t in texts]
        return self._join(self.word_vectorizer_.transform(cleaned),
                          self.char_vectorizer_.transform(cleaned))

    def similarity(self, a_texts: Sequence[str], b_texts: Sequence[str]) -> np.ndarray:
        """Dense ``(len(a_texts), len(b_texts))`` matrix of similarities in ``[0, 1]``."""
        check_is_fitted(self, "empty_")
        a = self.transform(a_texts)
        b = self.transform(b_texts)
        return np.clip((a @ b.T).toarray(), 0.0, 1.0)

    # -- explanation helpers ---------------------------------------------------
    def _analysis(self, text: str) -> tuple:
        """Cached (content words in order, their stems, stem set, {long word: trigrams})."""
        hit = self._analysis_cache.get(text)
        if hit is None:
            words = list(dict.fromkeys(self._content_words(text)))
            stems = [self._stem(w) for w in words]
            grams = {w: _trigrams(w) for w in words if len(w) >= 5}
            hit = (words, stems, frozenset(stems), grams)
            if len(self._analysis_cache) > 100_000:
                self._analysis_cache.clear()
            self._analysis_cache[text] = hit
        return hit

    def shared_words(self, a_text: str, b_text: str, top_n: int = 5) -> list[str]:
        """Real words of ``a_text`` whose stem also occurs in ``b_text``, most telling first.

        "Telling" = the stem's IDF in the fitted corpus (rare words first).
        """
        check_is_fitted(self, "empty_")
        return self._shared_words(a_text or "", b_text or "", top_n)

    def _shared_words(self, a_text: str, b_text: str, top_n: int) -> list[str]:
        a_words, a_stems, _, _ = self._analysis(a_text)
        b_set = self._analysis(b_text)[2]
        seen: dict[str, str] = {}
        for w, s in zip(a_words, a_stems):
            if s in b_set and s not in seen:
                seen[s] = w
        idf = self.idf_by_stem_
        default_idf = max(idf.values(), default=1.0)
        ranked = sorted(seen.items(), key=lambda kv: (-idf.get(kv[0], default_idf), kv[1]))
        return [w for _, w in ranked[:top_n]]

    def similar_words(self, a_text: str, b_text: str, top_n: int = 3,
                      threshold: float = 0.45) -> list[tuple[str, str]]:
        """Pairs of different-stem words that look alike (character trigram Dice >= threshold).

        Catches "матанализ" ~ "анализ", "прокрастинация" ~ "прокрастинировать".
        """
        check_is_fitted(self, "empty_")
        return self._similar_words(a_text or "", b_text or "", top_n, threshold)

    def _similar_words(self, a_text: str, b_text: str, top_n: int = 3,
                       threshold: float = 0.45) -> list[tuple[str, str]]:
        a_words, a_stems, _, a_grams = self._analysis(a_text)
        _, _, b_set, b_grams = self._analysis(b_text)
        pairs = []
        for a, s in zip(a_words, a_stems):
            ga = a_grams.get(a)
            if ga is None or s in b_set:
                continue
            best, best_j = None, threshold
            for b, gb in b_grams.items():
                j = 2.0 * len(ga & gb) / (len(ga) + len(gb))
                if j > best_j or (best is None and j >= best_j):
                    best, best_j = b, j
            if best is not None:
                pairs.append((best_j, a, best))
        pairs.sort(key=lambda t: (-t[0], t[1]))
        return [(a, b) for _, a, b in pairs[:top_n]]


def _trigrams(word: str) -> frozenset[str]:
    w = f" {word} "
    return frozenset(w[i:i + 3] for i in range(len(w) - 2))
