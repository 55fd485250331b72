"""The English interface is complete: every page every demo role reaches shows no Russian except
what people typed.

How user-entered text is told apart (the choice, documented here and in docs/i18n.md):
- it is compared against the database: every value of the columns people type into (names, classes,
  positions, subjects, the school's requisites, answers to questionnaires, programmes, meeting notes,
  news, practices, awards …) is allowed on a page, whole (a name inside a sentence is cut out and the
  rest of the sentence must still be English);
- the product's own default content stored in the database (the default questionnaires, the roadmap,
  the default programme plan: ``webapp.shipped_text``) is NOT user-entered while it is unchanged, so it
  must be shown in English; a coordinator's edited copy is user-entered and stays as typed;
- an element marked ``lang="ru"`` is Russian on purpose (the «Русский» language switch).
Everything else on the page — text and the attributes people read (title, placeholder, aria-label,
alt, value of buttons) — must hold no Cyrillic letter.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from tests.page_walk import DEMO_PASSWORD, DEMO_ROLES, walk
from webapp import models
from webapp.shipped_text import is_shipped

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
READ_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt", "data-label")
SKIP_CONTENT = {"script", "style", "textarea"}  # textarea: what the person typed (compared below anyway)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

# Columns people type into. Everything shipped with the product is excluded by is_shipped().
USER_COLUMNS = {
    "User": ["full_name", "class_name", "position", "subjects", "login", "email"],
    "Organisation": ["name", "short_name", "head_name", "address", "head_position"],
    "Answer": ["value_json"],
    "Award": ["title", "issued_by", "note"],
    "Consent": ["representative_name", "representative_relation", "revoke_reason"],
    "MeetingLog": ["topic", "outcome"],
    "MentoringGroup": ["end_reason", "order_number"],
    "NewsItem": ["title", "body"],
    "PairingOrder": ["number", "basis", "responsible_name"],
    "PersonDetails": ["address", "document", "document_issuer", "representative_name", "representative_relation",
                      "representative_address", "representative_document", "representative_document_issuer",
                      "authority_document"],
    "PlanItem": ["name", "responsible", "result_doc"],
    "Practice": ["title", "description", "authors_text", "tags"],
    "PracticeFile": ["original_name"],
    "Programme": ["goals", "tasks", "expected_results", "request", "problems"],
    "Question": ["text", "section", "help_text"],
    "QuestionOption": ["label"],
    "Questionnaire": ["title", "description"],
    "RoadmapItem": ["title", "period", "responsible", "result_document"],
    "StageChange": ["note"],
    "Suggestion": ["reject_reason"],
    "TermMark": ["subject"],
    "TrainingCourse": ["name", "organiser"],
}


def _strings(value):
    if isinstance(value, str):
        yield value
        for part in re.split(r"[;,]\s*|\n", value):  # lists typed as «a; b» or tags «a,b», lines of a text
            yield part
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def user_entered_texts() -> list[str]:
    found = set()
    for model_name, columns in USER_COLUMNS.items():
        model = getattr(models, model_name)
        for row in model.select(*[getattr(model, c) for c in columns]).tuples().iterator():
            for column, value in zip(columns, row):
                if not value:
                    continue
                if column == "value_json":
                    try:
                        value = json.loads(value)
                    except ValueError:
                        pass
                for text in _strings(value):
                    text = text.strip()
                    if CYRILLIC.search(text) and not is_shipped(text):
                        found.add(text)
    return sorted(found, key=len, reverse=True)


class ReadableText(HTMLParser):
    """The text a reader sees, and the attributes read aloud or shown, outside lang="ru" elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.chunks: list[str] = []

    def _skipped(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipped = self._skipped() or tag in SKIP_CONTENT or (attrs.get("lang") or "").startswith("ru")
        if not skipped:
            for name in READ_ATTRIBUTES:
                if attrs.get(name):
                    self.chunks.append(attrs[name])
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.chunks.append(attrs["value"])
        if tag not in VOID:
            self.stack.append((tag, skipped))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self._skipped() and data.strip():
            self.chunks.append(data)


def russian_left(html: str, allowed_pattern) -> list[str]:
    parser = ReadableText()
    parser.feed(html)
    left = []
    for chunk in parser.chunks:
        if not CYRILLIC.search(chunk):
            continue
        rest = allowed_pattern.sub(" ", chunk) if allowed_pattern else chunk
        if CYRILLIC.search(rest):
            left.append(" ".join(rest.split())[:120])
    return left


@pytest.fixture
def allowed(demo_app):
    with demo_app.app_context():
        texts = user_entered_texts()
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in texts) + r")(?!\w)") if texts else None


@pytest.mark.parametrize("role", list(DEMO_ROLES))
def test_every_page_is_english_but_what_people_typed(demo_app, allowed, role):
    client = demo_app.test_client()
    assert client.post("/login", data={"login": DEMO_ROLES[role], "password": DEMO_PASSWORD}).status_code == 302
    client.post("/language", data={"lang": "en", "next": "/dashboard"})
    problems = {}

    def fetch(path):
        response = client.get(path)
        assert response.status_code < 500, path
        if response.mimetype != "text/html":
            return None
        html = response.get_data(as_text=True)
        assert '<html lang="en">' in html, path
        left = russian_left(html, allowed)
        if left:
            problems[path] = sorted(set(left))
        return html

    visited = walk(demo_app, {role}, fetch)
    assert len(visited) >= 10
    assert not problems, "Russian in the English interface:\n" + "\n".join(
        f"{path}: {' | '.join(texts[:12])}" for path, texts in problems.items())


def test_the_check_finds_russian_and_spares_typed_text(demo_app, allowed):
    """The detector itself: UI Russian is caught, a typed name and lang="ru" are not."""
    html = ('<p>Hello, Белова Ирина Геннадьевна!</p><button lang="ru">Русский</button>'
            '<p title="Подсказка">x</p><td>Мониторинг</td><script>var a = "Скрипт";</script>')
    assert russian_left(html, allowed) == ["Подсказка", "Мониторинг"]


def test_shipped_default_text_is_not_user_entered(demo_app):
    with demo_app.app_context():
        texts = set(user_entered_texts())
        question = models.Question.select().where(models.Question.key == "about").first()
    assert "Белова Ирина Геннадьевна" in texts
    assert question is not None and question.text not in texts
