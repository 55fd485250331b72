"""The order assigning pairs and groups: which groups it lists, its number and date on the groups."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import abort
from flask_babel import gettext as _
from peewee import IntegrityError

from webapp.db import database
from webapp.documents.requisites import missing_requisites, missing_message
from webapp.models import MentoringGroup, OrderGroup, PairingOrder
from webapp.models.mentoring import ACTIVE
from webapp.programmes.groups import GroupError, rows_for

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


def next_sequence(organisation, school_year: int) -> int:
    """Orders are numbered afresh in every school year."""
    last = (PairingOrder.select(PairingOrder.sequence)
            .where((PairingOrder.organisation == organisation) & (PairingOrder.school_year == school_year)
                   & PairingOrder.sequence.is_null(False))
            .order_by(PairingOrder.sequence.desc()).first())
    return (last.sequence if last else 0) + 1


def format_number(pattern: str, sequence: int, school_year: int) -> str:
    """The organisation's pattern: {n} the number within the school year, {yy}/{yyyy} its first year."""
    return (pattern or "{n}").replace("{n}", str(sequence)).replace("{yyyy}", str(school_year)) \
        .replace("{yy}", f"{school_year % 100:02d}")


def next_number(organisation, day: dt.date | None = None) -> str:
    year = organisation.school_year_of(day or today())
    return format_number(organisation.order_number_pattern, next_sequence(organisation, year), year)


def selected_groups(organisation, ids: list[int]) -> list[MentoringGroup]:
    """The groups picked by id (other school's ids: 404); none picked: all unordered."""
    if not ids:
        return list(unordered(organisation))
    groups = list(MentoringGroup.select().where(MentoringGroup.id.in_(ids)))
    if len(groups) != len(set(ids)) or any(g.organisation_id != organisation.id for g in groups):
        abort(404)
    if any(g.status != ACTIVE for g in groups):
        raise GroupError("В приказ можно включить только действующие пары и группы.")
    return sorted(groups, key=lambda g: (g.created_at, g.id))


@dataclass(frozen=True)
class OrderDetails:
    signed_on: dt.date
    number: str = ""  # empty: the next number of the school year
    basis: str = ""
    responsible_name: str = ""


def create_order(organisation, details: OrderDetails, group_ids: list[int], actor):
    """Issue the order for the groups picked by id (none: every unordered one); another school's: 404."""
    errors = []
    number = details.number or next_number(organisation, details.signed_on)
    signed_on, basis, responsible = details.signed_on, details.basis, details.responsible_name
    missing = missing_requisites(organisation, ("name", "short_name", "head_position", "head_name", "curator"))
    if missing:
        errors.append(missing_message(missing))
    groups = selected_groups(organisation, group_ids)
    if not groups:
        errors.append(_("Нет пар и групп для приказа: все подтверждённые пары уже включены в приказы."))
    if errors:
        raise GroupError(" ".join(errors))
    try:
        with database.atomic():
            year = organisation.school_year_of(signed_on)
            sequence = next_sequence(organisation, year)
            if number != format_number(organisation.order_number_pattern, sequence, year):
                sequence = None  # a number typed by hand does not move the year's count
            order = PairingOrder.create(organisation=organisation, number=number, signed_on=signed_on, basis=basis,
                                        responsible_name=responsible or (organisation.curator.full_name
                                                                         if organisation.curator_id else ""),
                                        created_by=actor, kind="pairs",
                                        school_year=year, sequence=sequence, curator=organisation.curator_id)
            OrderGroup.insert_many([{"order": order.id, "group": g.id} for g in groups]).execute()
            MentoringGroup.update(order_number=number, order_date=signed_on).where(
                MentoringGroup.id.in_([g.id for g in groups])).execute()
    except IntegrityError:
        raise GroupError("Приказ № %(number)s уже есть. Укажите другой номер.", number=number) from None
    groups = list(MentoringGroup.select().where(MentoringGroup.id.in_([g.id for g in groups]))
                  .order_by(MentoringGroup.created_at, MentoringGroup.id))
    return order, rows_for(groups)


def order_rows(organisation, order):
    """Exactly the pairs and groups the order lists (by reference), ended ones included."""
    groups = (MentoringGroup.select().join(OrderGroup).where((OrderGroup.order == order)
                                                             & (MentoringGroup.organisation == organisation))
              .order_by(MentoringGroup.created_at, MentoringGroup.id))
    return rows_for(groups)


def order_of(group):
    """The latest order listing ``group`` (None if none)."""
    return (PairingOrder.select().join(OrderGroup).where(OrderGroup.group == group)
            .order_by(PairingOrder.signed_on.desc(), PairingOrder.id.desc()).first())


def filename(order) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in order.number)
    return f"prikaz_{safe}_{order.signed_on:%Y%m%d}.docx"


def today() -> dt.date:
    return dt.date.today()
