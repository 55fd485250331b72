"""BASELINE for bench/eval_text.py: the text component as it was before issue 14, kept
verbatim (minus its explanation helpers) so the harness can print it beside the new one.

Free-text similarity: stemmed words plus character n-grams, TF-IDF, cosine.

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

__all__ = ["BaselineTextSimilarity"]

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


class BaselineTextSimilarity(BaseEstimator):
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
    def fit(self, corpus: Iterable[str]) -> "BaselineTextSimilarity":
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
