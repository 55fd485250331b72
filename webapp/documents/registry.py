"""Every document the product makes from a Word template: its code, title and built-in template."""
from __future__ import annotations

from functools import lru_cache

from webapp.documents.builtin import consents, pairing_order, programme

KINDS = {
    "pairing_order": pairing_order,
    "consents": consents,
    "programme": programme,
}


def kind(code: str):
    if code not in KINDS:
        raise KeyError(code)
    return KINDS[code]


@lru_cache(maxsize=None)
def builtin_bytes(code: str) -> bytes:
    """The built-in template of ``code`` as .docx bytes (authored once per process)."""
    return kind(code).build().bytes()
