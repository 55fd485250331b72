"""The form that starts a matching run: validated here (WTForms), handed on as plain RunParameters."""
from __future__ import annotations

import math

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, RadioField, SelectField, StringField
from wtforms.validators import InputRequired, Length, NumberRange, ValidationError

from matching.catalogue import FORM_LABELS, TYPES
from matching.weights import COMPONENTS
from webapp.form_fields import RecordIdField, RequestKeyField
from webapp.labels import CATEGORY_LABELS
from webapp.pairing.decisions import REASON_MAX
from webapp.pairing.parameters import (COMPONENT_LABELS, OBJECTIVES, SCHOOL_FORMS, SPREAD_MAX, TOP_K_MAX, WEIGHT_MAX,
                                       RunParameters)
from webapp.pairing.presets import BALANCED, CUSTOM, PRESET_CODES, PRESET_LABELS, weights_of

NUMBER_MAX_LENGTH = 20  # characters of a typed number
CHOICE_MAX_LENGTH = 100  # characters of a chosen class or subject


def number(low: float, high: float, *, integer: bool = False, required: bool = True):
    """A validator of a typed number (a decimal comma is fine) within [low, high]."""
    def check(form, field):
        text = (field.data or "").strip().replace(",", ".")
        field.number = None
        if not text:
            if required:
                raise ValidationError(_l("Укажите значение поля «%(field)s».", field=field.label.text))
            return
        if len(text) > NUMBER_MAX_LENGTH:
            raise ValidationError(_l("Поле «%(field)s»: не длиннее %(n)s символов.", field=field.label.text,
                                     n=NUMBER_MAX_LENGTH))
        try:
            value = float(text)
        except ValueError:
            raise ValidationError(_l("Поле «%(field)s» должно быть числом.", field=field.label.text)) from None
        if math.isnan(value) or math.isinf(value):
            raise ValidationError(_l("Поле «%(field)s» должно быть обычным числом.", field=field.label.text))
        if not low <= value <= high:
            raise ValidationError(_l("Поле «%(field)s» должно быть от %(low)s до %(high)s.", field=field.label.text,
                                     low=f"{low:g}", high=f"{high:g}"))
        if integer and value != int(value):
            raise ValidationError(_l("Поле «%(field)s» должно быть целым числом.", field=field.label.text))
        field.number = int(value) if integer else value
    return check


class ChoiceField(SelectField):
    """A select whose unknown value is refused with a Russian message (choices set per request)."""

    def pre_validate(self, form):
        if self.data not in {value for value, _label in self.choices}:
            raise ValidationError(_l("Недопустимое значение поля «%(field)s».", field=self.label.text))


class PresetField(RadioField):
    def pre_validate(self, form):
        if self.data not in PRESET_CODES:
            raise ValidationError(_l("Выберите, что важнее всего при подборе, — один из предложенных вариантов."))


class RunForm(FlaskForm):
    preset = PresetField(_l("Что важнее всего при подборе"), default=BALANCED,
                         choices=[(code, _l(PRESET_LABELS[code])) for code in PRESET_CODES])
    mentee_category = ChoiceField(_l("Категория наставляемых"), default="")
    class_name = ChoiceField(_l("Класс"), default="")
    subject = ChoiceField(_l("Предмет"), default="")
    mentor_category = ChoiceField(_l("Категория наставников"), default="")
    form = ChoiceField(_l("Форма наставничества"), default="")
    kind = ChoiceField(_l("Вид наставничества"), default="traditional")
    min_score = StringField(_l("Минимальный балл (0–100)"), default="0", validators=[number(0, 100)])
    top_k = StringField(_l("Кандидатов на наставляемого (1–%(n)s)", n=TOP_K_MAX), default="3",
                        validators=[number(1, TOP_K_MAX, integer=True)])
    objective = ChoiceField(_l("Цель распределения"), default="total")
    spread = StringField(_l("Распределять между наставниками (штраф за каждого следующего наставляемого, баллов)"),
                         default="0", validators=[number(0, SPREAD_MAX)])
    per_problem = BooleanField(_l("Несколько наставников у одного наставляемого — по одному на каждый запрос"))
    request_key = RequestKeyField()  # the same page submitted twice starts one run

    def __init__(self, *args, class_names=(), subjects=(), **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _l("все"))]
        categories = every + [(key, label) for key, label in CATEGORY_LABELS.items()]
        self.mentee_category.choices = categories
        self.mentor_category.choices = categories
        self.class_name.choices = every + [(c, c) for c in class_names]
        self.subject.choices = every + [(s, s) for s in subjects]
        self.form.choices = [("", _l("любая, допустимая для категорий"))] + [(k, _l(FORM_LABELS[k])) for k in SCHOOL_FORMS]
        self.kind.choices = [(k, _l(label)) for k, label in TYPES.items()]
        self.objective.choices = [("total", _l("наибольшая сумма баллов")),
                                  ("maximin", _l("справедливость: лучший балл для худшей пары"))]
        assert tuple(k for k, _label in self.objective.choices) == OBJECTIVES

    def weight_fields(self):
        return [getattr(self, f"w_{key}") for key in COMPONENTS]

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if ok and self.preset.data == CUSTOM:
            missing = [f for f in self.weight_fields() if f.number is None]
            for f in missing:
                f.errors.append(_l("Укажите значение поля «%(field)s» или выберите готовый вариант подбора.",
                                   field=f.label.text))
            if not missing and sum(f.number for f in self.weight_fields()) <= 0:
                self.form_errors.append(_l("Хотя бы один вес должен быть больше нуля."))
            ok = not missing and not self.form_errors
        if ok and self.per_problem.data and (self.objective.data != "total" or self.spread.number > 0):
            self.per_problem.errors.append(_l(
                "Подбор по направлениям (несколько наставников у одного наставляемого) работает только с целью "
                "«наибольшая сумма баллов» и без распределения между наставниками."))
            ok = False
        return ok

    def fill(self, params: RunParameters) -> None:
        """Show stored parameters (a new run starts from the last one's)."""
        for name in ("preset", "mentee_category", "class_name", "subject", "mentor_category", "form", "kind",
                     "objective", "per_problem"):
            getattr(self, name).data = getattr(params, name)
        for key in COMPONENTS:
            getattr(self, f"w_{key}").data = f"{params.weights.get(key, 0):g}"
        self.min_score.data, self.top_k.data, self.spread.data = (f"{params.min_score:g}", str(params.top_k),
                                                                  f"{params.spread:g}")

    def parameters(self) -> RunParameters:
        """The validated form as plain data."""
        preset = self.preset.data
        weights = ({key: getattr(self, f"w_{key}").number for key in COMPONENTS} if preset == CUSTOM
                   else weights_of(preset))
        return RunParameters(preset=preset, form=self.form.data, kind=self.kind.data,
                             mentee_category=self.mentee_category.data, class_name=self.class_name.data,
                             subject=self.subject.data, mentor_category=self.mentor_category.data, weights=weights,
                             min_score=self.min_score.number, top_k=self.top_k.number, objective=self.objective.data,
                             spread=self.spread.number, per_problem=bool(self.per_problem.data))


for _key in COMPONENTS:  # one weight field per score component, labelled from the catalogue
    setattr(RunForm, f"w_{_key}", StringField(_l(COMPONENT_LABELS[_key]),
                                              validators=[number(0, WEIGHT_MAX, required=False)]))


class DecisionForm(FlaskForm):
    """A decision on a card («Утвердить», «Выбрать», «Отменить утверждение»): the review's filters to come back
    to (free text, checked when read: unknown values fall back to the defaults) and which button was pressed."""
    show = StringField(validators=[Length(max=CHOICE_MAX_LENGTH)])
    q = StringField(validators=[Length(max=CHOICE_MAX_LENGTH)])
    page = StringField(validators=[Length(max=NUMBER_MAX_LENGTH)])
    choose = BooleanField()
    view = StringField(validators=[Length(max=CHOICE_MAX_LENGTH)])  # "mentee": the decision came from that page
    reason = StringField(validators=[Length(max=REASON_MAX, message=_l(
        "Причина отклонения — не длиннее %(limit)s символов.", limit=REASON_MAX))])

    def filters(self):
        from webapp.pairing.cards import CardFilters
        return CardFilters.from_args({"show": self.show.data, "q": self.q.data, "page": self.page.data})


class ApproveAllForm(FlaskForm):
    """«Да, утвердить»: the confirmation of «Утвердить все предложенные» (only its CSRF token)."""


class ManualPairForm(DecisionForm):
    """«Составить пару» with a mentor found in the bank (an id; another school's id answers 404 in the view)."""
    mentor_id = IntegerField(validators=[InputRequired(), NumberRange(min=1, max=2**31 - 1)])


class UnpairedMarkForm(FlaskForm):
    """A mark on a mentee left without a pair: which one, and on or off."""
    field = SelectField(choices=[("support", "support"), ("keep_searching", "keep_searching")])
    value = BooleanField(false_values=("0", "false", ""))


class MarkReadForm(FlaskForm):
    """«Прочитано» on one notification (its id) or on all of them (no id). Another person's id answers 404."""
    id = RecordIdField()
