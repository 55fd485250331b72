"""A region over the ``school`` fixture's two organisations, its centre's people, and a second region."""
from __future__ import annotations

from tests.factories import make_user
from webapp.models import Organisation, Region


def make_region(school: dict) -> dict:
    region = Region.create(name="Удмуртская Республика")
    Organisation.update(region=region, municipality="г. Ижевск").where(Organisation.id == school["org"].id).execute()
    Organisation.update(region=region, municipality="Завьяловский район").where(
        Organisation.id == school["other_org"].id).execute()
    centre = Organisation.create(name="Региональный наставнический центр", short_name="РНЦ", kind="regional_centre",
                                 region=region)
    far = Region.create(name="Пермский край")
    far_school = Organisation.create(name="Далёкая школа", short_name="Далёкая", region=far, municipality="г. Пермь")
    far_centre = Organisation.create(name="Центр Пермского края", short_name="ЦПК", kind="regional_centre", region=far)
    return {
        "region": region, "centre": centre, "far_region": far, "far_school": far_school,
        "regional_admin": make_user(centre, "region.admin", ["regional_admin"], full_name="Регионова Мария Ивановна"),
        "methodologist": make_user(centre, "region.method", ["regional_method"],
                                   full_name="Методистова Ольга Петровна"),
        "far_admin": make_user(far_centre, "far.admin", ["regional_admin"], full_name="Пермякова Анна"),
        "far_method": make_user(far_centre, "far.method", ["regional_method"], full_name="Камская Анна"),
    }
