"""Explanations of a suggested pair: structured data with codes (dataclasses), and Russian
words for plain use of the library (:func:`render_ru`; the web app uses its own catalogue)."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Hashable

from .catalogue import AVAILABILITY_SLOTS, FORM_LABELS, PROBLEMS
from .thesaurus import SYNONYM_GROUP_LABELS_RU

__all__ = ["ComponentContribution", "Explanation", "Suggestion", "render_ru", "round_parts",
           "TEXT_NOTES", "text_note", "COMPONENT_LABELS_RU", "TEXT_NOTES_RU"]

#: Codes of :attr:`Explanation.text_note`: why the text component is 0.
TEXT_NOTES = ("no_request_text", "no_profile_text", "nothing_in_common")

COMPONENT_LABELS_RU = {
    "problems": "запрос и компетенции",
    "text": "сходство описаний",
    "subjects": "предметы",
    "availability": "свободное время",
    "format": "формат встреч",
}

TEXT_NOTES_RU = {
    "no_request_text": "Наставляемый ничего не написал о себе — описания не сравнивались.",
    "no_profile_text": "Наставник ничего не написал о себе — описания не сравнивались.",
    "nothing_in_common": "В описаниях нет ни общих, ни близких по смыслу слов: "
                         "сходство описаний 0.",
}


def text_note(value: float, request_has_words: bool, profile_has_words: bool) -> str | None:
    """Code saying why the text component is 0 (None when it is not 0)."""
    if value > 0:
        return None
    if not request_has_words:
        return "no_request_text"
    if not profile_has_words:
        return "no_profile_text"
    return "nothing_in_common"


@dataclass(slots=True)
class ComponentContribution:
    """One component of a score (``key`` from :data:`matching.components.COMPONENTS`): its
    value 0..1, its weight (share) and its points."""

    key: str
    value: float
    weight: float
    points: float


@dataclass(frozen=True)
class Explanation:
    """Why this mentor suits this mentee.

    ``score`` (0..100, one decimal) equals the sum of ``components[*].points`` exactly.
    ``shared_words``: words of the mentee's text whose stem occurs in the mentor's text;
    ``root_words``: (mentee word, mentor word) pairs of one root with different stems;
    ``close_words``: (mentee word, mentor word) pairs close in meaning by the word embeddings;
    ``synonym_words``: (mentee word, mentor word, group code) pairs of one group of the domain
    thesaurus (:data:`matching.thesaurus.SYNONYM_GROUPS`);
    ``text_note``: None, or a code of :data:`TEXT_NOTES` when the text component is 0;
    ``whole_text``: the sentence encoder's part of the text component in [0, 1] (closeness of
    the two descriptions as wholes), None when the encoder was not used or the text part is 0.
    """

    mentor_id: Hashable
    mentee_id: Hashable
    score: float
    form: str | None
    components: tuple[ComponentContribution, ...]
    covered_problems: tuple[str, ...]
    missing_problems: tuple[str, ...]
    shared_words: tuple[str, ...]
    root_words: tuple[tuple[str, str], ...]
    close_words: tuple[tuple[str, str], ...]
    text_note: str | None
    shared_subjects: tuple[str, ...]
    shared_slots: tuple[str, ...]
    synonym_words: tuple[tuple[str, str, str], ...] = ()
    whole_text: float | None = None

    def to_dict(self) -> dict:
        """Plain dict (JSON-serialisable if the ids are), e.g. to store as a breakdown."""
        return asdict(self)

    def to_text(self) -> str:
        """Russian text for a coordinator (see :func:`render_ru`)."""
        return render_ru(self)


@dataclass(frozen=True)
class Suggestion:
    """A proposed mentor for a mentee, ``rank`` 1 = best."""

    mentee_id: Hashable
    mentor_id: Hashable
    rank: int
    score: float
    explanation: Explanation


def round_parts(parts: list[float], decimals: int = 1) -> list[float]:
    """Round ``parts`` so that they add up exactly to the rounded total (largest remainder)."""
    scale = 10 ** decimals
    total = round(sum(parts) * scale)
    floors = [int(p * scale // 1) for p in parts]
    rest = int(total - sum(floors))
    order = sorted(range(len(parts)), key=lambda k: (-(parts[k] * scale - floors[k]), k))
    for k in order[:max(rest, 0)]:
        floors[k] += 1
    return [f / scale for f in floors]


def _fmt(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def render_ru(e: Explanation) -> str:
    """Russian explanation, one idea a line."""
    lines = [f"Совпадение {_fmt(e.score)} из 100."]
    if e.form:
        lines.append(f"Форма наставничества: {FORM_LABELS[e.form]}.")
    parts = [f"{COMPONENT_LABELS_RU[c.key]} — {_fmt(c.points)}" for c in e.components
             if c.points > 0]
    if parts:
        lines.append("Из чего складывается: " + "; ".join(parts) + ".")
    if e.covered_problems:
        lines.append("Наставник поможет с запросами: "
                     + ", ".join(f"«{PROBLEMS[p]}»" for p in e.covered_problems) + ".")
    if e.missing_problems:
        lines.append("Не покрывает запросы: "
                     + ", ".join(f"«{PROBLEMS[p]}»" for p in e.missing_problems) + ".")
    if not e.covered_problems and not e.missing_problems:
        lines.append("Наставляемый не указал проблемы из перечня.")
    if e.shared_words:
        lines.append("Общие слова в описаниях: " + ", ".join(e.shared_words) + ".")
    if e.root_words:
        lines.append("Однокоренные слова: "
                     + ", ".join(f"«{a}» ~ «{b}»" for a, b in e.root_words) + ".")
    if e.synonym_words:
        lines.append("Слова одной темы по словарю наставничества: " + ", ".join(
            f"«{a}» ~ «{b}» ({SYNONYM_GROUP_LABELS_RU.get(g, g)})" for a, b, g in e.synonym_words)
            + ".")
    if e.close_words:
        lines.append("Близки по смыслу: "
                     + ", ".join(f"«{a}» ~ «{b}»" for a, b in e.close_words) + ".")
    if e.whole_text:
        lines.append(f"Близость описаний в целом по языковой модели: {round(100 * e.whole_text)} %.")
    if e.text_note:
        lines.append(TEXT_NOTES_RU[e.text_note])
    if e.shared_subjects:
        lines.append("Общие предметы: " + ", ".join(e.shared_subjects) + ".")
    if e.shared_slots:
        lines.append("Общее свободное время: "
                     + ", ".join(AVAILABILITY_SLOTS.get(s, s) for s in e.shared_slots) + ".")
    return "\n".join(lines)
