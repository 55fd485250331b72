"""The small regional demo: the demo school and two generated schools in one region, the regional
administrator and methodologist (password of the demo school), a practice proposed to the region."""
from __future__ import annotations

import random

from werkzeug.security import generate_password_hash

from webapp import demo
from webapp.models import Organisation, Practice, Region
from webapp.models.programme_life import APPROVED
from webapp.models.user import PASSWORD_METHOD
from webapp.region import generate, practices

REGION_NAME = "Удмуртская Республика"
DEMO_SCHOOL = "МБОУ «СОШ № 7»"
OTHER_SCHOOLS = (12, 25)  # numbers of the generated schools
PEOPLE_PER_SCHOOL = 160
REGION_LOGINS = [("region.admin", "рег. администратор"), ("region.method", "методист РНЦ")]


def load() -> str:
    if Region.select().where(Region.name == REGION_NAME).exists():
        return f"регион «{REGION_NAME}» уже загружен"
    school = Organisation.get_or_none(Organisation.short_name == DEMO_SCHOOL)
    if school is None:
        demo.load()
        school = Organisation.get(Organisation.short_name == DEMO_SCHOOL)
    region = Region.create(name=REGION_NAME)
    Organisation.update(region=region, municipality="г. Ижевск").where(Organisation.id == school.id).execute()
    password_hash = generate_password_hash(demo.DEMO_PASSWORD, method=PASSWORD_METHOD)
    generate.regional_centre(region, password_hash)
    summary = generate.add_schools(region, OTHER_SCHOOLS, PEOPLE_PER_SCHOOL, years=2, rng=random.Random(11),
                                   password_hash=password_hash)
    practice = (Practice.select().where((Practice.organisation == school) & (Practice.status == APPROVED))
                .order_by(Practice.id).first())
    if practice is not None:
        practices.propose(practice, None)
    return (f"регион «{REGION_NAME}»: {summary.schools + 1} школы, региональный администратор region.admin "
            f"и методист region.method (пароль {demo.DEMO_PASSWORD})")
