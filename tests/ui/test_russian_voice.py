"""One Russian voice: «вы» to everyone, examples that fit the reader, no tautologies, decimal comma.

The decision: the interface and the default questionnaires address every reader as «вы» — adults and
students alike (students from the 5th to the 11th grade fill in the same questionnaires, and a school
form says «вы»). So the forms of «ты» (pronouns and the imperatives a questionnaire uses) are
forbidden in templates, Python strings, the default questionnaires and the catalogue.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask_babel import refresh

from webapp import migrations, number_format
from webapp.db import database
from webapp.models import Question, QuestionOption
from webapp.questionnaires.loader import default_specs, ensure_default_questionnaires
from webapp.models.user import CATEGORIES

ROOT = Path(__file__).resolve().parents[2]
NOT_A_LETTER = r"(?<![А-Яа-яЁё]){}(?![А-Яа-яЁё])"
FAMILIAR = re.compile(NOT_A_LETTER.format(
    "(ты|тебе|тебя|тобой|твой|твоя|твоё|твои|твоих|твоего|твоей|твоим|Ты|Тебе|Тебя|Твой|Твоя|Твои"
    "|Поставь|Расставь|Выбери|Напиши|Расскажи|Отметь|Ответь|Укажи|Оцени|Опиши|Добавь|Заполни|Отправь)"))
TAUTOLOGIES = re.compile(r"(IT|ИТ)-технолог|совместн\w* сотрудничеств|свободн\w* ваканс|памятн\w* сувенир|"
                         r"перв\w* дебют|взаимн\w* сотрудничеств|коллег\w* по работе|в месяце (мае|июне)", re.I)
# Examples that belong to one audience only.
TEACHER_ONLY = re.compile(r"открыт\w* урок|аттестац|педсовет|методическ\w* объединени|классн\w* руководств", re.I)
GRADE_SPECIFIC = re.compile(r"(?<![А-Яа-яЁё])(ОГЭ|ЕГЭ)(?![А-Яа-яЁё])|\b(9|10|11)[ -]?(м|го)? класс", re.I)


def _sources():
    """(where, text) of every place UI Russian is written, migrations excepted (they keep old wording)."""
    for path in sorted((ROOT / "templates").rglob("*.html")):
        yield path.relative_to(ROOT), path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "webapp").rglob("*.py")):
        if "migrations" not in path.parts:
            yield path.relative_to(ROOT), path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "webapp" / "questionnaires" / "data").glob("*.toml")):
        yield path.relative_to(ROOT), path.read_text(encoding="utf-8")
    with (ROOT / "translations" / "en" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        for message in read_po(handle):
            for msgid in (message.id if isinstance(message.id, tuple) else (message.id,)):
                if msgid:
                    yield "catalogue msgid", msgid


def _hits(pattern):
    return [f"{where}: {match.group(0)!r} in …{text[max(0, match.start() - 40):match.end() + 40]!r}…"
            for where, text in _sources() for match in pattern.finditer(text)]


def test_every_reader_is_addressed_as_vy():
    assert not _hits(FAMILIAR)


def test_no_tautologies():
    assert not _hits(TAUTOLOGIES)


def test_the_checks_catch_what_they_forbid():
    assert FAMILIAR.search("С чем тебе нужна помощь? Расставь по важности.")
    assert not FAMILIAR.search("С чем вам нужна помощь? Расставьте по важности. Ответьте, оцените, укажите.")
    assert TAUTOLOGIES.search("Развитие IT-технологий") and not TAUTOLOGIES.search("Освоение информационных технологий")
    assert TEACHER_ONLY.search("подготовить открытый урок") and GRADE_SPECIFIC.search("сдать ОГЭ по математике")
    assert GRADE_SPECIFIC.search("выбрать профиль в 10 классе")


def _audience(spec, question) -> set[str]:
    return set(question.categories or spec.categories or CATEGORIES)


def test_default_questionnaires_show_each_audience_its_own_examples():
    """No «открытый урок» for a student, no exam of the 9th or 11th grade for a 5th-grader."""
    wrong = []
    for spec in default_specs():
        for question in spec.questions:
            words = " ".join([question.text, question.help_text] + [label for _v, label in question.options])
            audience = _audience(spec, question)
            if audience & {"student"} and TEACHER_ONLY.search(words):
                wrong.append((spec.key, question.key, "teacher's example shown to students"))
            if audience & {"student"} and GRADE_SPECIFIC.search(words):
                wrong.append((spec.key, question.key, "one grade's example shown to every student"))
    assert not wrong


def test_teachers_and_students_each_get_goals_with_their_examples():
    spec = next(s for s in default_specs() if s.key == "mentee_request")
    goals = {q.key: q for q in spec.questions if q.feature == "goals"}
    assert goals["goals_teacher"].categories == ["teacher"] and "открытый урок" in goals["goals_teacher"].help_text
    assert set(goals["goals"].categories) == {"student", "university_student"}
    assert "урок" not in goals["goals"].help_text


def test_templates_never_format_decimals_themselves():
    """Numbers with a fraction go through the ``decimal``/``percent`` filters (webapp/number_format.py)."""
    pattern = re.compile(r'"%[-+ 0#]*\d*\.\d+f"\s*\|\s*format|\|\s*round\(\s*\d')
    assert not [where for where, text in _sources() if str(where).endswith(".html") and pattern.search(text)]


@pytest.mark.parametrize("lang, expected", [("ru", ("7,44", "+1,90", "20,8\u00a0%", "1\u00a0234,5")),
                                            ("en", ("7.44", "+1.90", "20.8%", "1,234.5"))])
def test_numbers_use_the_readers_notation(app, lang, expected):
    with app.test_request_context():
        from flask import session
        session["lang"] = lang
        refresh()
        shown = (number_format.decimal(7.444, 2), number_format.decimal(1.9, 2, signed=True),
                 number_format.percent(20.83), number_format.decimal(1234.5, 1))
    assert shown == expected


@pytest.mark.parametrize("path", ["/monitoring", "/monitoring/outcomes", "/monitoring/process", "/matching/learned-weights"])
def test_pages_with_figures_have_a_decimal_comma_in_russian(demo_app, path):
    from tests.conftest import text
    client = demo_app.test_client()
    client.post("/login", data={"login": "kurator", "password": "demo2026"})
    page = re.sub(r"<svg.*?</svg>|<[^>]*>", " ", text(client.get(path)), flags=re.S)  # the words, not markup
    assert not re.search(r"(?<![\d.])\d+\.\d+(?![\d.])", page), re.search(r".{30}(?<![\d.])\d+\.\d+(?![\d.]).{30}", page)


def test_upgrade_rewords_the_stored_default_questionnaires_but_not_a_coordinators_text(app, school):
    with app.app_context():
        ensure_default_questionnaires(school["org"])
        student_request = Question.get(Question.key == "requests_student")
        # a school installed before: the old wording, and one text the coordinator rewrote
        Question.update(text="С чем тебе нужна помощь? Расставь по важности.",
                        help_text="Поставь 1 самому важному, 2 — следующему и так далее. Можно выбрать до трёх.") \
            .where(Question.id == student_request.id).execute()
        own = Question.select().where(Question.text == "Насколько вам интересно учиться?").first()
        Question.update(text="Насколько тебе интересно учиться, скажи честно?").where(Question.id == own.id).execute()
        option = QuestionOption.select().where(QuestionOption.label == "Освоение информационных технологий").first()
        QuestionOption.update(label="Развитие IT-технологий").where(QuestionOption.id == option.id).execute()
        db = database.obj
        db.execute_sql("DELETE FROM schema_version WHERE version = 17")
        assert migrations.upgrade(db) == [17]
        student_request = Question.get_by_id(student_request.id)
        assert student_request.text == "С чем вам нужна помощь? Расставьте по важности."
        assert student_request.help_text.startswith("Поставьте 1 самому важному")
        assert Question.get_by_id(own.id).text == "Насколько тебе интересно учиться, скажи честно?"  # as typed
        assert QuestionOption.get_by_id(option.id).label == "Освоение информационных технологий"
