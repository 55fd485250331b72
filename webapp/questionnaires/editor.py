"""The coordinator's editor: draft versions, questions and options, publishing.

Only a draft version is edited. A new draft is a full copy of the published version (questions
and options are new rows), so responses stay tied to the version they answered and read the
same after any later edit. Publishing archives the previously published version.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from matching.catalogue import FORMS
from webapp.db import database
from webapp.models import Question, QuestionnaireVersion
from webapp.models.questionnaire import ARCHIVED, CHOICE_TYPES, DRAFT, PUBLISHED, QUESTION_TYPES, SCALE
from webapp.models.user import CATEGORIES
from webapp.questionnaires.loader import FEATURES, QuestionSpec, create_question
from webapp.questionnaires.validation import message

KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
TEXT_LIMIT, HELP_LIMIT, SECTION_LIMIT = 1000, 1000, 200
OPTION_VALUE_LIMIT, OPTION_LABEL_LIMIT, OPTIONS_LIMIT = 64, 300, 60


class NotEditable(Exception):
    """Only a draft version can be changed."""


def _editable(version) -> None:
    if version.status != DRAFT:
        raise NotEditable()


def draft_of(questionnaire):
    return (QuestionnaireVersion.select().where((QuestionnaireVersion.questionnaire == questionnaire)
                                                & (QuestionnaireVersion.status == DRAFT)).first())


def new_draft(questionnaire, actor) -> QuestionnaireVersion:
    """The questionnaire's draft version: the existing one, or a copy of the newest version."""
    with database.atomic():
        existing = draft_of(questionnaire)
        if existing is not None:
            return existing
        source = (questionnaire.published_version()
                  or QuestionnaireVersion.select().where(QuestionnaireVersion.questionnaire == questionnaire)
                  .order_by(QuestionnaireVersion.number.desc()).first())
        number = (source.number + 1) if source else 1
        draft = QuestionnaireVersion.create(questionnaire=questionnaire, number=number, status=DRAFT, created_by=actor)
        if source is not None:
            for question in source.ordered_questions():
                create_question(draft, spec_of(question), question.position)
        return draft


def spec_of(question) -> QuestionSpec:
    return QuestionSpec(
        key=question.key, text=question.text, qtype=question.qtype, section=question.section,
        help_text=question.help_text, required=question.required, min_value=question.min_value,
        max_value=question.max_value, max_length=question.max_length, max_choices=question.max_choices,
        categories=question.category_list, forms=question.form_list, feature=question.feature,
        options=[(o.value, o.label) for o in question.ordered_options()])


@dataclass
class Parsed:
    spec: QuestionSpec | None
    errors: dict[str, str] = field(default_factory=dict)


def _number(raw: str, name: str, errors: dict, integer: bool = False):
    raw = (raw or "").strip().replace(",", ".")
    if not raw:
        return None
    try:
        value = float(raw)
        if integer and not value.is_integer():
            raise ValueError
    except ValueError:
        errors[name] = message("Введите целое число.") if integer else message("Введите число.")
        return None
    if abs(value) > 1e9:
        errors[name] = message("Слишком большое число.")
        return None
    return int(value) if integer else value


def parse_options(text: str, errors: dict) -> list[tuple[str, str]]:
    """One option a line: «значение | подпись», or just «подпись» (then it is also the value)."""
    options, seen = [], set()
    for number, line in enumerate((text or "").splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        value, _, label = line.partition("|") if "|" in line else (line, "", line)
        value, label = value.strip(), label.strip()
        if not value or not label:
            errors["options"] = message("Строка %(n)s: нужны значение и подпись: «значение | подпись».", n=number)
        elif len(value) > OPTION_VALUE_LIMIT:
            errors["options"] = message("Строка %(n)s: значение длиннее %(limit)s символов; запишите «короткое значение | подпись».",
                                        n=number, limit=OPTION_VALUE_LIMIT)
        elif len(label) > OPTION_LABEL_LIMIT:
            errors["options"] = message("Строка %(n)s: подпись длиннее %(limit)s символов.", n=number, limit=OPTION_LABEL_LIMIT)
        elif value in seen:
            errors["options"] = message("Строка %(n)s: значение «%(value)s» уже есть.", n=number, value=value)
        else:
            seen.add(value)
            options.append((value, label))
    if len(options) > OPTIONS_LIMIT:
        errors["options"] = message("Не больше %(n)s вариантов ответа.", n=OPTIONS_LIMIT)
    return options


def parse_question(form, taken_keys: set[str]) -> Parsed:
    """Read the editor's form (a mapping of strings and lists); messages are per field."""
    errors: dict[str, str] = {}
    text = (form.get("text") or "").strip()
    if not text:
        errors["text"] = message("Введите текст вопроса.")
    elif len(text) > TEXT_LIMIT:
        errors["text"] = message("Текст вопроса длиннее %(n)s символов.", n=TEXT_LIMIT)
    qtype = form.get("qtype", "")
    if qtype not in QUESTION_TYPES:
        errors["qtype"] = message("Выберите тип вопроса из списка.")
    key = (form.get("key") or "").strip()
    if key and not KEY_RE.match(key):
        errors["key"] = message("Ключ: латинские строчные буквы, цифры и «_», начинается с буквы.")
    elif key in taken_keys:
        errors["key"] = message("Вопрос с ключом «%(key)s» уже есть в этой версии.", key=key)
    section, help_text = (form.get("section") or "").strip(), (form.get("help_text") or "").strip()
    if len(section) > SECTION_LIMIT:
        errors["section"] = message("Название раздела длиннее %(n)s символов.", n=SECTION_LIMIT)
    if len(help_text) > HELP_LIMIT:
        errors["help_text"] = message("Подсказка длиннее %(n)s символов.", n=HELP_LIMIT)
    min_value, max_value = _number(form.get("min_value"), "min_value", errors), _number(form.get("max_value"), "max_value", errors)
    if min_value is not None and max_value is not None and min_value > max_value:
        errors["max_value"] = message("Максимум меньше минимума.")
    if qtype == SCALE and ((min_value is not None and min_value < 1) or (max_value is not None and max_value > 10)):
        errors["max_value"] = message("Шкала — от 1 до 10.")
    max_length = _number(form.get("max_length"), "max_length", errors, integer=True)
    if max_length is not None and not 1 <= max_length <= 5000:
        errors["max_length"] = message("Длина ответа — от 1 до 5000 символов.")
    max_choices = _number(form.get("max_choices"), "max_choices", errors, integer=True)
    if max_choices is not None and max_choices < 1:
        errors["max_choices"] = message("Число вариантов — не меньше 1.")
    categories = form.getlist("categories") if hasattr(form, "getlist") else form.get("categories", [])
    if set(categories) - set(CATEGORIES):
        errors["categories"] = message("Неизвестная категория участников.")
    forms = form.getlist("forms") if hasattr(form, "getlist") else form.get("forms", [])
    if set(forms) - set(FORMS):
        errors["forms"] = message("Неизвестная форма наставничества.")
    feature = form.get("feature", "")
    if feature and feature not in FEATURES:
        errors["feature"] = message("Неизвестный признак для подбора пар.")
    options = parse_options(form.get("options", ""), errors) if qtype in CHOICE_TYPES else []
    if qtype in CHOICE_TYPES and not options and "options" not in errors:
        errors["options"] = message("Добавьте хотя бы один вариант ответа.")
    if errors:
        return Parsed(None, errors)
    return Parsed(QuestionSpec(key=key, text=text, qtype=qtype, section=section, help_text=help_text,
                               required=form.get("required") in ("on", "1", "y", "true"),
                               min_value=min_value, max_value=max_value, max_length=max_length,
                               max_choices=max_choices, categories=categories, forms=forms,
                               feature=feature, options=options))


def _free_key(version) -> str:
    keys = {q.key for q in version.questions}
    n = len(keys) + 1
    while f"q{n}" in keys:
        n += 1
    return f"q{n}"


def add_question(version, spec: QuestionSpec) -> Question:
    _editable(version)
    with database.atomic():
        spec.key = spec.key or _free_key(version)
        last = max((q.position for q in version.questions), default=-1)
        return create_question(version, spec, last + 1)


def update_question(question, spec: QuestionSpec) -> Question:
    _editable(question.version)
    with database.atomic():
        position, version = question.position, question.version
        spec.key = spec.key or question.key
        question.delete_instance(recursive=True)
        return create_question(version, spec, position)


def move_question(question, direction: str) -> None:
    _editable(question.version)
    with database.atomic():
        ordered = list(question.version.ordered_questions())
        index = next(i for i, q in enumerate(ordered) if q.id == question.id)
        other = index - 1 if direction == "up" else index + 1
        if 0 <= other < len(ordered):
            ordered[index], ordered[other] = ordered[other], ordered[index]
        for position, item in enumerate(ordered):
            if item.position != position:
                Question.update(position=position).where(Question.id == item.id).execute()


def delete_question(question) -> None:
    _editable(question.version)
    question.delete_instance(recursive=True)


def publish(version, actor) -> None:
    _editable(version)
    with database.atomic():
        (QuestionnaireVersion.update(status=ARCHIVED)
         .where((QuestionnaireVersion.questionnaire == version.questionnaire_id)
                & (QuestionnaireVersion.status == PUBLISHED)).execute())
        QuestionnaireVersion.update(status=PUBLISHED, published_at=dt.datetime.now()).where(
            QuestionnaireVersion.id == version.id).execute()
    version.status = PUBLISHED


def options_text(question) -> str:
    return "\n".join(f"{o.value} | {o.label}" for o in question.ordered_options())

