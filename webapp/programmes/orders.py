"""The order assigning pairs and groups: which groups it lists, its number and date on the groups."""
from __future__ import annotations

import datetime as dt

from flask import abort
from flask_babel import gettext as _
from peewee import IntegrityError

from webapp.ids import ids_or_404
from webapp.db import database
from webapp.models import MentoringGroup, PairingOrder
from webapp.models.mentoring import ACTIVE
from webapp.programmes.groups import GroupError, parse_date, rows_for

DEFAULT_BASIS = ("Положением о системе наставничества педагогических работников и обучающихся "
                 "образовательной организации и дорожной картой реализации целевой модели наставничества")
NUMBER_MAX, BASIS_MAX, NAME_MAX = 40, 1000, 200


def unordered(organisation):
    """Active pairs and groups confirmed since the last order (no order number yet)."""
    return (MentoringGroup.select().where((MentoringGroup.organisation == organisation)
                                          & (MentoringGroup.status == ACTIVE) & (MentoringGroup.order_number == ""))
            .order_by(MentoringGroup.created_at, MentoringGroup.id))


def active(organisation):
    return (MentoringGroup.select().where((MentoringGroup.organisation == organisation)
                                          & (MentoringGroup.status == ACTIVE))
            .order_by(MentoringGroup.created_at, MentoringGroup.id))


def next_number(organisation) -> str:
    count = PairingOrder.select().where(PairingOrder.organisation == organisation).count()
    return f"{count + 1}-н"


def selected_groups(organisation, raw_ids) -> list[MentoringGroup]:
    """The groups picked by id (forged or other school's ids: 404); none picked: all unordered."""
    ids = ids_or_404(raw_ids)
    if not ids:
        return list(unordered(organisation))
    groups = list(MentoringGroup.select().where(MentoringGroup.id.in_(ids)))
    if len(groups) != len(set(ids)) or any(g.organisation_id != organisation.id for g in groups):
        abort(404)
    if any(g.status != ACTIVE for g in groups):
        raise GroupError("В приказ можно включить только действующие пары и группы.")
    return sorted(groups, key=lambda g: (g.created_at, g.id))


def create_order(organisation, form, raw_ids, actor):
    errors = []
    number = (form.get("number") or "").strip()
    if not number:
        errors.append(_("Укажите номер приказа."))
    elif len(number) > NUMBER_MAX:
        errors.append(_("Номер приказа — не длиннее %(limit)s символов.", limit=NUMBER_MAX))
    try:
        signed_on = parse_date(form.get("signed_on"))
        if signed_on is None:
            errors.append(_("Укажите дату приказа."))
    except GroupError as exc:
        errors.append(str(exc))
        signed_on = None
    basis = (form.get("basis") or "").strip()
    if len(basis) > BASIS_MAX:
        errors.append(_("Основание — не длиннее %(limit)s символов.", limit=BASIS_MAX))
    responsible = (form.get("responsible_name") or "").strip()
    if len(responsible) > NAME_MAX:
        errors.append(_("ФИО ответственного — не длиннее %(limit)s символов.", limit=NAME_MAX))
    groups = selected_groups(organisation, raw_ids)
    if not groups:
        errors.append(_("Нет пар и групп для приказа: все подтверждённые пары уже включены в приказы."))
    if errors:
        raise GroupError(" ".join(errors))
    try:
        with database.atomic():
            order = PairingOrder.create(organisation=organisation, number=number, signed_on=signed_on, basis=basis,
                                        responsible_name=responsible, created_by=actor)
            MentoringGroup.update(order_number=number, order_date=signed_on).where(
                MentoringGroup.id.in_([g.id for g in groups])).execute()
    except IntegrityError:
        raise GroupError("Приказ № %(number)s уже есть. Укажите другой номер.", number=number) from None
    groups = list(MentoringGroup.select().where(MentoringGroup.id.in_([g.id for g in groups]))
                  .order_by(MentoringGroup.created_at, MentoringGroup.id))
    return order, rows_for(groups)


def order_rows(organisation, order):
    groups = (MentoringGroup.select().where((MentoringGroup.organisation == organisation)
                                            & (MentoringGroup.order_number == order.number))
              .order_by(MentoringGroup.created_at, MentoringGroup.id))
    return rows_for(groups)


def filename(order) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in order.number)
    return f"prikaz_{safe}_{order.signed_on:%Y%m%d}.docx"


def today() -> dt.date:
    return dt.date.today()
