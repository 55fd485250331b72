"""What makes the many small test apps cheap to build: compiled templates and URL rules shared by them."""
from __future__ import annotations

from flask import Flask
from jinja2 import BytecodeCache
from werkzeug.routing import Rule


class CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates kept for the whole test session, in memory.

    Every test builds its own app, and each app's Jinja environment would compile every template it
    renders again (a fifth of a simple test's time). Jinja checks a template's source checksum before
    it uses the stored code, so an edited template is compiled afresh. Only the test apps use it.
    """

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledTemplates()


class RuleWithSharedBuilders(Rule):
    """A URL rule whose URL builders are compiled once per session, not once per test app.

    Werkzeug compiles two Python functions per rule (``url_for``'s builders) from a generated syntax
    tree each time an app registers its routes: about 340 compile() calls, the most of create_app's
    time and a tenth of a simple test's. The generated code depends only on the rule's text, its
    defaults, the map's converter classes and the builder kind; the rule itself is bound at call
    time, so the function is shared by every app's equal rule. Only the test apps use it.
    """

    _builders: dict = {}
    _parsed: dict = {}

    def _key(self) -> tuple:
        return (self.rule, self.subdomain, self.host, self.map.host_matching, self.merge_slashes,
                repr(sorted((self.defaults or {}).items())), tuple(self.map.converters.items()))

    def _compile_builder(self, append_unknown: bool = True):
        key = (*self._key(), append_unknown)
        builder = self._builders.get(key)
        if builder is None:
            builder = self._builders[key] = super()._compile_builder(append_unknown)
        return builder

    def compile(self) -> None:
        """The parsed rule (its parts, trace, converters and arguments) is shared by equal rules too:
        parsing it was the rest of create_app's time. Werkzeug's converters keep their map but never
        use it, so one converter object serves every test app's equal rule."""
        key = self._key()
        parsed = self._parsed.get(key)
        if parsed is None:
            super().compile()
            self._parsed[key] = (self._parts, self._trace, self._converters, frozenset(self.arguments))
            return
        self._parts, self._trace, self._converters, arguments = parsed
        self.arguments |= arguments
        self._build = self._compile_builder(False).__get__(self, None)
        self._build_unknown = self._compile_builder(True).__get__(self, None)


def use_shared_url_rules() -> None:
    """Every app built from now on (the test apps) shares its URL rules' compiled parts."""
    Flask.url_rule_class = RuleWithSharedBuilders
