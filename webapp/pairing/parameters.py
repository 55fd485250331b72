"""The parameters of a matching run: parsed from the coordinator's form, validated, stored as JSON."""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

from flask_babel import gettext as _

from matching.weights import COMPONENTS, DEFAULT_WEIGHTS
from matching.catalogue import FORMS, TYPES
from webapp.models.user import CATEGORIES

TOP_K_MAX = 10
SPREAD_MAX = 100.0
WEIGHT_MAX = 100.0
OBJECTIVES = ("total", "maximin")
COMPONENT_LABELS = {"problems": "Запросы и компетенции", "text": "Сходство описаний",
                    "subjects": "Предметы", "availability": "Свободное время", "format": "Формат встреч"}
SCHOOL_FORMS = tuple(k for k, rule in FORMS.items() if rule.allowed_in_school)


@dataclass
class RunParameters:
    form: str = ""  # "" = every form the categories allow
    kind: str = "traditional"
    mentee_category: str = ""
    class_name: str = ""
    subject: str = ""
    mentor_category: str = ""
    weights: dict = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    min_score: float = 0.0
    top_k: int = 3
    objective: str = "total"
    spread: float = 0.0
    per_problem: bool = False

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "RunParameters":
        known = {k: v for k, v in (data or {}).items() if k in cls.__dataclass_fields__}
        return cls(**known)


def _number(raw, label: str, errors: list, low: float, high: float) -> float | None:
    text = (raw or "").strip().replace(",", ".")
    if not text:
        errors.append(_("Укажите значение поля «%(field)s».", field=label))
        return None
    try:
        value = float(text)
    except ValueError:
        errors.append(_("Поле «%(field)s» должно быть числом.", field=label))
        return None
    if math.isnan(value) or math.isinf(value):
        errors.append(_("Поле «%(field)s» должно быть обычным числом.", field=label))
        return None
    if not low <= value <= high:
        errors.append(_("Поле «%(field)s» должно быть от %(low)s до %(high)s.", field=label, low=f"{low:g}",
                         high=f"{high:g}"))
        return None
    return value


def parse(form, *, class_names=(), subjects=()) -> tuple[RunParameters, list[str]]:
    """Parameters from a submitted form and Russian messages for everything wrong in it."""
    errors: list[str] = []
    p = RunParameters()

    def choice(name, allowed, label):
        value = (form.get(name) or "").strip()
        if value and value not in allowed:
            errors.append(_("Недопустимое значение поля «%(field)s».", field=label))
            return ""
        return value

    p.form = choice("form", SCHOOL_FORMS, _("форма наставничества"))
    p.kind = choice("kind", TYPES, _("вид наставничества")) or "traditional"
    p.mentee_category = choice("mentee_category", CATEGORIES, _("категория наставляемых"))
    p.mentor_category = choice("mentor_category", CATEGORIES, _("категория наставников"))
    p.class_name = choice("class_name", set(class_names), _("класс"))
    p.subject = choice("subject", set(subjects), _("предмет"))
    weights = {}
    for key in COMPONENTS:
        value = _number(form.get(f"w_{key}", str(DEFAULT_WEIGHTS[key])), _("вес: %(component)s", component=_(COMPONENT_LABELS[key])),
                        errors, 0.0, WEIGHT_MAX)
        if value is not None:
            weights[key] = value
    if len(weights) == len(COMPONENTS) and sum(weights.values()) <= 0:
        errors.append("Хотя бы один вес должен быть больше нуля.")
    p.weights = weights
    min_score = _number(form.get("min_score", "0"), _("минимальный балл"), errors, 0.0, 100.0)
    p.min_score = min_score if min_score is not None else 0.0
    top_k = _number(form.get("top_k", "3"), _("число кандидатов на наставляемого"), errors, 1, TOP_K_MAX)
    if top_k is not None and top_k != int(top_k):
        errors.append("Число кандидатов на наставляемого должно быть целым.")
    p.top_k = int(top_k) if top_k is not None else 3
    p.objective = choice("objective", OBJECTIVES, _("цель распределения")) or "total"
    spread = _number(form.get("spread", "0"), _("распределение между наставниками"), errors, 0.0, SPREAD_MAX)
    p.spread = spread if spread is not None else 0.0
    p.per_problem = form.get("per_problem") in ("1", "on", "true", "yes")
    if p.per_problem and (p.objective != "total" or p.spread > 0):
        errors.append("Подбор по направлениям (несколько наставников у одного наставляемого) работает "
                      "только с целью «наибольшая сумма баллов» и без распределения между наставниками.")
    return p, errors
