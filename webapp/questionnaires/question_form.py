"""The editor's question form (add or edit a question of a draft version): one WTForms form, Russian messages
per field; the service (``editor.add_question`` / ``update_question``) takes its plain ``QuestionSpec``.

What was typed stays in the fields when the form is refused, so nothing is lost.
"""
from __future__ import annotations

import math
import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import AnyOf, ValidationError

from matching.catalogue import FORMS
from webapp.form_fields import strip
from webapp.models.questionnaire import CHOICE_TYPES, QUESTION_TYPES, SCALE
from webapp.models.user import CATEGORIES
from webapp.questionnaires.editor import DIRECTIONS
from webapp.questionnaires.loader import FEATURES, QuestionSpec

KEY_RE = re.compile(r"[a-z][a-z0-9_]{0,63}")
TEXT_LIMIT, HELP_LIMIT, SECTION_LIMIT = 1000, 1000, 200
OPTION_VALUE_LIMIT, OPTION_LABEL_LIMIT, OPTIONS_LIMIT = 64, 300, 60
NUMBER_LIMIT = 1e9


class TypedNumberField(StringField):
    """A number typed as text (a decimal comma is fine); ``number`` is its value, None when empty or refused.
    The text stays as typed so a refused form shows it again."""

    def __init__(self, *args, integer: bool = False, **kwargs):
        super().__init__(*args, filters=[strip], **kwargs)
        self.integer, self.number, self.problem = integer, None, None

    def process_formdata(self, valuelist) -> None:
        super().process_formdata(valuelist)
        self.number, self.problem = None, None
        raw = (self.data or "").strip().replace(",", ".")
        if not raw:
            return
        try:
            value = float(raw)
            if math.isnan(value) or raw.lstrip("+-")[:1].isalpha():  # "nan", "inf": words, not numbers
                raise ValueError
            if math.isfinite(value) and self.integer and not value.is_integer():
                raise ValueError
        except ValueError:
            self.problem = _("Введите целое число.") if self.integer else _("Введите число.")
            return
        if abs(value) > NUMBER_LIMIT:
            self.problem = _("Слишком большое число.")
            return
        self.number = int(value) if self.integer else value

    def pre_validate(self, form) -> None:
        if self.problem:
            raise ValidationError(self.problem)


def parse_options(text: str) -> list[tuple[str, str]]:
    """One option a line: «значение | подпись», or just «подпись» (then it is also the value).
    A line that cannot be an option raises ValidationError with its number."""
    options, seen = [], set()
    for number, line in enumerate((text or "").splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        value, _bar, label = line.partition("|") if "|" in line else (line, "", line)
        value, label = value.strip(), label.strip()
        if not value or not label:
            raise ValidationError(_("Строка %(n)s: нужны значение и подпись: «значение | подпись».", n=number))
        if len(value) > OPTION_VALUE_LIMIT:
            raise ValidationError(_("Строка %(n)s: значение длиннее %(limit)s символов; запишите «короткое значение | "
                                    "подпись».", n=number, limit=OPTION_VALUE_LIMIT))
        if len(label) > OPTION_LABEL_LIMIT:
            raise ValidationError(_("Строка %(n)s: подпись длиннее %(limit)s символов.", n=number,
                                    limit=OPTION_LABEL_LIMIT))
        if value in seen:
            raise ValidationError(_("Строка %(n)s: значение «%(value)s» уже есть.", n=number, value=value))
        seen.add(value)
        options.append((value, label))
    if len(options) > OPTIONS_LIMIT:
        raise ValidationError(_("Не больше %(n)s вариантов ответа.", n=OPTIONS_LIMIT))
    return options


class QuestionForm(FlaskForm):
    """A question of a draft version. ``taken_keys``: the other questions' keys in that version."""
    text = TextAreaField(filters=[strip])
    qtype = SelectField(choices=[(t, t) for t in QUESTION_TYPES], validate_choice=False)
    required = BooleanField(false_values=("", "0", "false", "off", "no"))
    options = TextAreaField()
    help_text = TextAreaField(filters=[strip])
    section = StringField(filters=[strip])
    key = StringField(filters=[strip])
    min_value = TypedNumberField()
    max_value = TypedNumberField()
    max_length = TypedNumberField(integer=True)
    max_choices = TypedNumberField(integer=True)
    categories = SelectMultipleField(choices=[(c, c) for c in CATEGORIES], validate_choice=False)
    forms = SelectMultipleField(choices=[(f, f) for f in FORMS], validate_choice=False)
    feature = SelectField(choices=[(f, f) for f in ("",) + FEATURES], validate_choice=False)

    def __init__(self, *args, taken_keys=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.taken_keys = set(taken_keys)
        self.parsed_options: list[tuple[str, str]] = []

    def validate_text(self, field) -> None:
        if not field.data:
            raise ValidationError(_("Введите текст вопроса."))
        if len(field.data) > TEXT_LIMIT:
            raise ValidationError(_("Текст вопроса длиннее %(n)s символов.", n=TEXT_LIMIT))

    def validate_qtype(self, field) -> None:
        if field.data not in QUESTION_TYPES:
            raise ValidationError(_("Выберите тип вопроса из списка."))

    def validate_key(self, field) -> None:
        key = field.data or ""
        if key and not KEY_RE.fullmatch(key):
            raise ValidationError(_("Ключ: латинские строчные буквы, цифры и «_», начинается с буквы."))
        if key in self.taken_keys:
            raise ValidationError(_("Вопрос с ключом «%(key)s» уже есть в этой версии.", key=key))

    def validate_section(self, field) -> None:
        if len(field.data or "") > SECTION_LIMIT:
            raise ValidationError(_("Название раздела длиннее %(n)s символов.", n=SECTION_LIMIT))

    def validate_help_text(self, field) -> None:
        if len(field.data or "") > HELP_LIMIT:
            raise ValidationError(_("Подсказка длиннее %(n)s символов.", n=HELP_LIMIT))

    def validate_max_value(self, field) -> None:
        low, high = self.min_value.number, field.number
        if low is not None and high is not None and low > high:
            raise ValidationError(_("Максимум меньше минимума."))
        if self.qtype.data == SCALE and ((low is not None and low < 1) or (high is not None and high > 10)):
            raise ValidationError(_("Шкала — от 1 до 10."))

    def validate_max_length(self, field) -> None:
        if field.number is not None and not 1 <= field.number <= 5000:
            raise ValidationError(_("Длина ответа — от 1 до 5000 символов."))

    def validate_max_choices(self, field) -> None:
        if field.number is not None and field.number < 1:
            raise ValidationError(_("Число вариантов — не меньше 1."))

    def validate_categories(self, field) -> None:
        if set(field.data or ()) - set(CATEGORIES):
            raise ValidationError(_("Неизвестная категория участников."))

    def validate_forms(self, field) -> None:
        if set(field.data or ()) - set(FORMS):
            raise ValidationError(_("Неизвестная форма наставничества."))

    def validate_feature(self, field) -> None:
        if field.data and field.data not in FEATURES:
            raise ValidationError(_("Неизвестный признак для подбора пар."))

    def validate_options(self, field) -> None:
        self.parsed_options = []
        if self.qtype.data not in CHOICE_TYPES:
            return
        self.parsed_options = parse_options(field.data)
        if not self.parsed_options:
            raise ValidationError(_("Добавьте хотя бы один вариант ответа."))

    def field_errors(self) -> dict[str, str]:
        """The first message of each refused field (the page marks the field and shows it)."""
        return {name: str(errors[0]) for name, errors in self.errors.items() if name and errors}

    def as_spec(self) -> QuestionSpec:
        """The validated form as plain data (an empty key: the service makes one)."""
        return QuestionSpec(key=self.key.data or "", text=self.text.data, qtype=self.qtype.data,
                            section=self.section.data or "", help_text=self.help_text.data or "",
                            required=bool(self.required.data), min_value=self.min_value.number,
                            max_value=self.max_value.number, max_length=self.max_length.number,
                            max_choices=self.max_choices.number, categories=list(self.categories.data or []),
                            forms=list(self.forms.data or []), feature=self.feature.data or "",
                            options=self.parsed_options)

    @classmethod
    def of_question(cls, question, options_text: str) -> "QuestionForm":
        """The form showing a stored question (the edit page before anything is typed)."""
        def number(value):
            return "" if value is None else (str(int(value)) if float(value).is_integer() else str(value))
        return cls(formdata=None, data=dict(
            text=question.text, key=question.key, section=question.section, help_text=question.help_text,
            qtype=question.qtype, required=bool(question.required), min_value=number(question.min_value),
            max_value=number(question.max_value), max_length=number(question.max_length),
            max_choices=number(question.max_choices), categories=question.category_list, forms=question.form_list,
            feature=question.feature or "", options=options_text))


class MoveQuestionForm(FlaskForm):
    """«Выше» / «Ниже» on a question of a draft version."""
    direction = SelectField(choices=[(d, d) for d in DIRECTIONS], validate_choice=False, validators=[
        AnyOf(list(DIRECTIONS), message=_l("Вопрос можно передвинуть только выше или ниже."))])
