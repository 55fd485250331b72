"""What matters most in a matching run, as a coordinator chooses it: presets of component weights.

Plain data: a preset code maps to weights over the components of :mod:`matching.weights`. The run
stores the code; the words are the catalogue's message ids (translated in the templates).
"""
from __future__ import annotations

from types import MappingProxyType

from matching.weights import COMPONENTS, DEFAULT_WEIGHTS

BALANCED = "balanced"
CUSTOM = "custom"  # the coordinator's own weights, typed under «Дополнительно»

PRESETS = MappingProxyType({
    "requests": MappingProxyType({"problems": 0.60, "text": 0.20, "subjects": 0.10, "availability": 0.05,
                                  "format": 0.05}),
    "subjects": MappingProxyType({"problems": 0.20, "text": 0.15, "subjects": 0.50, "availability": 0.10,
                                  "format": 0.05}),
    "time": MappingProxyType({"problems": 0.20, "text": 0.10, "subjects": 0.10, "availability": 0.45,
                              "format": 0.15}),
    BALANCED: DEFAULT_WEIGHTS,
})
PRESET_CODES = (*PRESETS, CUSTOM)

PRESET_LABELS = {
    "requests": "Главное — запросы",
    "subjects": "Главное — предметы",
    "time": "Главное — удобное время",
    BALANCED: "Сбалансированно",
    CUSTOM: "Свои веса",
}
PRESET_HINT_LABELS = {
    "requests": "Наставник прежде всего должен уметь помочь с тем, о чём просит наставляемый.",
    "subjects": "Важнее всего общие предметы: подходит для помощи в учёбе.",
    "time": "Важнее всего, чтобы у пары совпадало свободное время и формат встреч.",
    BALANCED: "Учитываются запросы, описания, предметы, время и формат — в обычной пропорции.",
    CUSTOM: "Веса составляющих задаются вручную в разделе «Дополнительно».",
}


def weights_of(preset: str) -> dict[str, float]:
    """The weights of a preset (a copy); KeyError for «custom» or an unknown code."""
    return {key: PRESETS[preset][key] for key in COMPONENTS}


def preset_of(weights: dict) -> str:
    """The preset whose weights these are, or «custom» (for runs stored before presets)."""
    for code, preset in PRESETS.items():
        if all(abs(float(weights.get(k, -1)) - preset[k]) < 1e-9 for k in COMPONENTS):
            return code
    return CUSTOM
