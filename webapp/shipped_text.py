"""Stored text that is the product's own default content, shown in the reader's language.

Every organisation gets copies of the default questionnaires (webapp/questionnaires/data/*.toml), the
roadmap of the target model (webapp/roadmap/seed.py) and, for each pair, the default programme plan
(webapp/programmes/programme.py DEFAULT_PLAN). Those rows hold the Russian text as shipped. The
English versions are in the message catalogue (bin/update-translations extracts every text listed
here), and a stored value is translated when it is still exactly a shipped text. A coordinator's
edit makes it the school's own text, shown as typed in every language — as is everything people type.

Templates use the ``shipped`` filter; Python code building words for a page calls ``shipped()``.
"""
from __future__ import annotations

from functools import lru_cache

from flask_babel import gettext

# Default text an upgrade wrote into existing schools' questionnaires (migration 17) that the files no
# longer carry: the help of the single «goals» question of schools installed before the split.
MIGRATED_DEFAULTS = ("Например: чему вы хотите научиться и какой результат получить к концу года.",)


@lru_cache(maxsize=1)
def shipped_texts() -> frozenset[str]:
    """Every Russian text the product stores as default content."""
    from webapp.programmes.programme import DEFAULT_PLAN
    from webapp.questionnaires.loader import default_specs
    from webapp.roadmap.seed import EVENTS, STEPS

    texts: set[str] = set(STEPS.values()) | set(MIGRATED_DEFAULTS)
    for _step, title, _day, period, responsible, result in EVENTS:
        texts.update((title, period, responsible, result))
    for name, _days, responsible, result in DEFAULT_PLAN:
        texts.update((name, responsible, result))
    for spec in default_specs():
        texts.update((spec.title, spec.description))
        for question in spec.questions:
            texts.update((question.text, question.section, question.help_text))
            texts.update(label for _value, label in question.options)
    return frozenset(t for t in texts if t)


def is_shipped(value) -> bool:
    return isinstance(value, str) and value in shipped_texts()


def shipped(value):
    """The reader's-language version of a shipped default text; any other value unchanged."""
    if is_shipped(value):
        return gettext(value)
    return value


def init_app(app) -> None:
    app.jinja_env.filters["shipped"] = shipped
