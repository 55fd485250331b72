"""Words of a free text and the terms they stand for (lemmas or stems), with stop words out.

``TermAnalyzer(language, normaliser)(text)`` returns ``[(word, form, term), ...]``: every
content word as written (lower case, ``ё`` -> ``е``) with its term. Terms are what the text component
compares: two words match when their terms are equal, so «выгорания» and «выгоранием» match,
«садоводство» and «руководство» do not.

* ``normaliser="lemma"``: Russian words become pymorphy3 lemmas (dictionary forms),
  Latin words Snowball English stems;
* ``normaliser="stem"``: Snowball stems for both alphabets.

School abbreviations and colloquial shortenings («матанализ», «ОГЭ», «ОВЗ», «дистанционка»)
are expanded to the words they stand for (:data:`ABBREVIATIONS`), each expansion word keeping
the written abbreviation as its ``word``. Anything else (digits, emoji, other scripts) is
dropped or kept as a plain token; nothing raises.
"""
from __future__ import annotations

import math
import re
import threading
from functools import lru_cache

__all__ = ["TermAnalyzer", "RUSSIAN_STOP_WORDS", "ENGLISH_STOP_WORDS", "GENERIC_LEMMAS",
           "ABBREVIATIONS",
           "normalise_text", "tokenize", "lemma_of", "meaning_group", "MEANING_POS",
           "MAX_TEXT_CHARS"]

#: Longer texts are cut to this many characters before analysis (bounded work per text).
MAX_TEXT_CHARS = 20_000

RUSSIAN_STOP_WORDS = frozenset("""
а без более бы был быть в вам вас весь во вот все всего всех вы где да даже для до его ее ей
ему если есть еще же за здесь и из или им их к как какой когда кто ли либо мне меня мной мы на
над надо наш не него нее нет ни них но ну о об однако он она они оно от очень по под после при
про раз с со так также такой там те тем то тот тоже только ты у уже хотя чего чей чем что чтобы
чье чья этот это я ваш свой себя мой который кого кем чему ним нам нас ими лишь пока между через
мочь хотеть хотеться нужный нужно можно помочь помощь помогать пожалуйста совсем очень просто
самый сам весь свое
была были было будет буду всё её ещё мое мои моих моя нужна нужен хочу хотел хотела хотим
хочется хотелось могу может помогу которая которые которых свою свои себе
""".replace("ё", "е").split())

#: Words of the request genre that say nothing about the topic («не знаю, с чего начать»,
#: «не умею», «не получается», «не понимаю», «найти»), matched by pymorphy3 lemma so every
#: form goes: before they were dropped, «найти работу» matched «найти друзей» as strongly
#: as «работу» matched «место работы».
GENERIC_LEMMAS = frozenset("""
знать уметь начать начинать получаться получиться пытаться попытаться стараться делать
сделать понимать понять найти находить постоянно вообще всегда никак ничто сильно
""".split())

ENGLISH_STOP_WORDS = frozenset("""
a an and are as at be but by for from has have i in is it its me my of on or our so that the
their them they this to was we were will with you your can want help need
""".split())

#: Abbreviation or shortening -> the words it stands for (lower case).
ABBREVIATIONS: dict[str, str] = {
    "матанализ": "математический анализ",
    "матан": "математический анализ",
    "матеша": "математика",
    "физра": "физкультура",
    "физ-ра": "физкультура",
    "инфа": "информатика",
    "англ": "английский",
    "лит-ра": "литература",
    "огэ": "основной государственный экзамен",
    "егэ": "единый государственный экзамен",
    "вуз": "вуз университет",
    "овз": "ограниченные возможности здоровья",
    "иот": "индивидуальная образовательная траектория",
    "фгос": "федеральный государственный образовательный стандарт",
    "дистанционка": "дистанционное обучение",
    "удаленка": "дистанционное обучение",
    "профориентация": "профориентация выбор профессии",
    "питон": "python",
    "it": "it информационные технологии",
    "ит": "информационные технологии",
}

_TOKEN = re.compile(r"[a-zа-я0-9]+(?:-[a-zа-я]+)*")
_CYRILLIC = re.compile(r"[а-я]")
_LATIN = re.compile(r"^[a-z]+$")


def normalise_text(text: str) -> str:
    """Lower-case and map ``ё`` to ``е``."""
    return text.lower().replace("ё", "е")


def tokenize(text: str) -> list[str]:
    """Words of a text after :func:`normalise_text` (Cyrillic/Latin letters, digits, hyphens)."""
    return _TOKEN.findall(normalise_text(text[:MAX_TEXT_CHARS]))


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3  # lazy: loading the dictionaries takes a moment
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=2)
def _snowball(language: str):
    import snowballstemmer
    return snowballstemmer.stemmer(language)


@lru_cache(maxsize=200_000)
def _parse(word: str) -> tuple[str, str | None]:
    """(lemma, part of speech) of a Russian word's most likely pymorphy3 parse; one parse
    serves the lemma, the request-genre check and the part-of-speech filter."""
    with _lock:
        best = _morph().parse(word)[0]
    return best.normal_form.replace("ё", "е"), best.tag.POS


@lru_cache(maxsize=200_000)
def _term(word: str, normaliser: str) -> str:
    if _CYRILLIC.search(word):
        if "-" in word and not word.startswith("-"):
            return "-".join(_term(part, normaliser) for part in word.split("-") if part)
        if normaliser == "lemma":
            return _parse(word)[0]
        return _snowball("russian").stemWord(word)
    if _LATIN.match(word):
        return _snowball("english").stemWord(word)
    return word


def lemma_of(word: str) -> str:
    """pymorphy3 lemma of a Russian word (the word itself if pymorphy3 is not installed)."""
    if not _CYRILLIC.search(word):
        return word
    try:
        return _term(word, "lemma")
    except ImportError:
        return word


#: Parts of speech (pymorphy3 tags) whose words may be "close in meaning" to others, by
#: group (a pair must be of one group). Nouns only: in the news embeddings verbs, adjectives
#: and adverbs sit near unrelated words of their kind («сделать» ~ «найти», «первый» ~
#: «свой», «трудно» ~ «много»); they are left to exact and same-root matches.
MEANING_POS = {"NOUN": 1}


@lru_cache(maxsize=200_000)
def meaning_group(word: str) -> int:
    """:data:`MEANING_POS` group of a word's most likely part of speech, 0 if none (Latin
    words and a missing pymorphy3 give group 1, so they are not excluded)."""
    if not _CYRILLIC.search(word):
        return 1
    try:
        pos = _parse(word)[1]
    except ImportError:
        return 1
    return MEANING_POS.get(pos, 0)


class TermAnalyzer:
    """Callable: text -> ``[(word, form, term), ...]`` for its content words, in order."""

    def __init__(self, language: str = "ru", normaliser: str = "lemma") -> None:
        if language not in ("ru", "en"):
            raise ValueError(f"language must be 'ru' or 'en', got {language!r}")
        if normaliser not in ("lemma", "stem"):
            raise ValueError(f"normaliser must be 'lemma' or 'stem', got {normaliser!r}")
        self.language = language
        self.normaliser = normaliser
        self.stop_words = _STOP_WORDS

    def term(self, word: str) -> str:
        return _term(word, self.normaliser)

    def __call__(self, text: str) -> list[tuple[str, str, str]]:
        """``[(written word, word form, term), ...]``; the form differs from the written word
        only for an expanded abbreviation («матанализ» -> «математический», «анализ»)."""
        return [piece for piece, _ in self.weighted(text)]

    def weighted(self, text: str) -> list[tuple[tuple[str, str, str], float]]:
        """``[((written word, word form, term), weight), ...]``: the n parts one written word
        stands for weigh ``1/sqrt(n)`` each, so together they are as long (Euclidean) as one
        written word: «ОГЭ» -> «основной государственный экзамен» no longer counts as three
        shared words against one; a hyphenated Russian word («педагог-психолог»,
        «онлайн-тесты») gives its parts the same way, so «педагогов» matches «педагог»."""
        pieces = _word_pieces
        out: list = []
        for word in tokenize(text or ""):
            out.extend(pieces(word, self.normaliser))
        return out


_STOP_WORDS = RUSSIAN_STOP_WORDS | ENGLISH_STOP_WORDS


@lru_cache(maxsize=200_000)
def _word_pieces(word: str, normaliser: str) -> tuple:
    """The weighted pieces of one written word (see :meth:`TermAnalyzer.weighted`)."""
    if len(word) < 2 and not word.isdigit():
        return ()
    expansion = ABBREVIATIONS.get(word)
    if expansion:
        parts = expansion.split()
    elif "-" in word and _CYRILLIC.search(word):
        parts = [p for p in word.split("-") if p]
    else:
        parts = [word]
    kept = []
    for part in parts:
        term = _term(part, normaliser)
        if term in _STOP_WORDS or part in _STOP_WORDS or len(term) < 2 \
                or lemma_of(part) in GENERIC_LEMMAS:
            continue
        kept.append((word, part, term))
    share = 1.0 / math.sqrt(max(len(kept), 1))
    return tuple((piece, share) for piece in kept)
