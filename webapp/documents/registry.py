"""Every document the product makes from a Word template: its code, title and built-in template."""
from __future__ import annotations

from functools import lru_cache

from webapp.documents.builtin import (consents, package_orders, package_people, package_polozhenie,
                                      package_protocols, pairing_order, programme, roadmap)

KINDS = {
    "pairing_order": pairing_order,
    "consents": consents,
    "programme": programme,
    "roadmap": roadmap,
}
# the normative package of a school year, in the order an inspection reads it
PACKAGE = {
    "act": package_orders.ACT,
    "polozhenie_order": package_orders.POLOZHENIE_ORDER,
    "polozhenie": package_polozhenie.POLOZHENIE,
    "roadmap_order": package_orders.ROADMAP_ORDER,
    "agreement": package_people.AGREEMENT,
    "extra_pay_order": package_orders.EXTRA_PAY_ORDER,
    "session_protocol": package_protocols.SESSION,
    "round_table_protocol": package_protocols.ROUND_TABLE,
    "incentives_order": package_orders.INCENTIVES_ORDER,
    "petition": package_people.PETITION,
}
KINDS.update(PACKAGE)


def kind(code: str):
    if code not in KINDS:
        raise KeyError(code)
    return KINDS[code]


@lru_cache(maxsize=None)
def builtin_bytes(code: str) -> bytes:
    """The built-in template of ``code`` as .docx bytes (authored once per process)."""
    return kind(code).build().bytes()
