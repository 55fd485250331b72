"""The parameters of a matching run: plain data (validated by webapp.pairing.forms.RunForm), stored as JSON."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from matching.weights import COMPONENTS, DEFAULT_WEIGHTS
from matching.catalogue import FORMS
from webapp.pairing.presets import BALANCED, preset_of

TOP_K_MAX = 10
SPREAD_MAX = 100.0
WEIGHT_MAX = 100.0
OBJECTIVES = ("total", "maximin")
COMPONENT_LABELS = {"problems": "Запросы и компетенции", "text": "Сходство описаний",
                    "subjects": "Предметы", "availability": "Свободное время", "format": "Формат встреч"}
SCHOOL_FORMS = tuple(k for k, rule in FORMS.items() if rule.allowed_in_school)


@dataclass
class RunParameters:
    preset: str = BALANCED  # a code of webapp.pairing.presets (or «custom»)
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
        params = cls(**known)
        if "preset" not in known:  # stored before presets: the preset these weights are, or «custom»
            params.preset = preset_of(params.weights)
        return params
