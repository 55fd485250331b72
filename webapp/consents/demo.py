"""The demo school's consents: most people signed both, a few are missing, one revoked.

Deterministic (fixed seed and the people's order by id). Students' consents are given by a parent
whose name follows from the student's: the father's first name from the patronymic, the family name
from the student's.
"""
from __future__ import annotations

import datetime as dt
import random

from webapp.db import database
from webapp.models import AuditEvent, Consent, User, UserRole
from webapp.models.consent import CONSENT_KINDS, PERSONAL_DATA, REPRESENTATIVE, SELF

FATHER_NAMES = {"Александров": "Александр", "Сергеев": "Сергей", "Андреев": "Андрей", "Викторов": "Виктор",
                "Николаев": "Николай", "Петров": "Пётр", "Иванов": "Иван", "Михайлов": "Михаил",
                "Владимиров": "Владимир", "Юрьев": "Юрий", "Олегов": "Олег", "Дмитриев": "Дмитрий"}
MOTHER_NAMES = ["Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Марина", "Юлия", "Анна",
                "Екатерина"]
GRANDFATHER_ROOTS = ["Александров", "Сергеев", "Николаев", "Викторов", "Владимиров", "Юрьев", "Михайлов"]
REVOKE_REASON = "Семья переезжает в другой город"


def representative_for(full_name: str, rng: random.Random) -> tuple[str, str]:
    """(ФИО, relation) of a plausible parent of the student ``full_name``."""
    parts = full_name.split()
    surname, patronymic = parts[0], parts[-1]
    female = patronymic.endswith("на")
    family = surname[:-1] if female and surname.endswith("а") else surname
    root = patronymic[:-2]  # «Сергеевна» / «Сергеевич» -> «Сергеев»
    if rng.random() < 0.7 or root not in FATHER_NAMES:
        return f"{family}а {rng.choice(MOTHER_NAMES)} {rng.choice(GRANDFATHER_ROOTS)}на", "мать"
    return f"{family} {FATHER_NAMES[root]} {rng.choice(GRANDFATHER_ROOTS)}ич", "отец"


def load_demo_consents(organisation, coordinator=None, seed: int = 3) -> dict:
    """Give the demo people their consents; returns counts by outcome."""
    rng = random.Random(seed)
    participants = list(User.select().where(
        (User.organisation == organisation)
        & User.id.in_(UserRole.select(UserRole.user).where(UserRole.role.in_(["mentor", "mentee"]))))
        .order_by(User.id))
    coordinator = coordinator or (User.select().join(UserRole)
                                  .where((User.organisation == organisation) & (UserRole.role == "coordinator"))
                                  .first())
    counts = {"complete": 0, "partial": 0, "none": 0, "revoked": 0}
    today = dt.date.today()
    now = dt.datetime.now().replace(microsecond=0)
    with database.atomic():
        for index, user in enumerate(participants):
            demo_login = user.login in ("mentor", "mentee", "novichok")
            outcome = "complete"
            if not demo_login:
                if index % 17 == 5:
                    outcome = "none"
                elif index % 17 == 11:
                    outcome = "partial"
                elif index == 40:
                    outcome = "revoked"
            counts[outcome] += 1
            if outcome == "none":
                continue
            minor = user.category == "student"
            name, relation = representative_for(user.full_name, rng) if minor else ("", "")
            signed_on = today - dt.timedelta(days=rng.randint(20, 60))
            kinds = (PERSONAL_DATA,) if outcome == "partial" else CONSENT_KINDS
            for kind in kinds:
                Consent.create(organisation=organisation, user=user, kind=kind,
                               given_by=REPRESENTATIVE if minor else SELF, representative_name=name,
                               representative_relation=relation, signed_on=signed_on,
                               received_at=dt.datetime.combine(signed_on + dt.timedelta(days=rng.randint(1, 5)),
                                                               dt.time(10, 0)),
                               recorded_by=coordinator,
                               revoked_at=now - dt.timedelta(days=3) if outcome == "revoked" else None,
                               revoke_reason=REVOKE_REASON if outcome == "revoked" else "")
            if outcome == "revoked":
                AuditEvent.record("consent_revoked", actor=coordinator, organisation=organisation,
                                  target=user.login,
                                  details=f"отозвано куратором от имени участника; причина: {REVOKE_REASON}")
    return counts
