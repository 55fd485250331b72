"""A person's details a written consent must carry (ч. 4 ст. 9 152-ФЗ): address, identity document
with its date and issuer, and for a minor the legal representative's, with the document proving
the authority. Stored once, filled into every consent form."""
from __future__ import annotations

import datetime as dt

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import Length, Optional, ValidationError

from webapp.consents.forms import RussianDateField
from webapp.consents.services import RELATIONS
from webapp.db import database
from webapp.models import AuditEvent, PersonDetails

OLDEST = dt.date(1900, 1, 1)
FIELDS = ("birth_date", "address", "document", "document_issued_on", "document_issuer", "representative_name",
          "representative_relation", "representative_address", "representative_document",
          "representative_document_issued_on", "representative_document_issuer", "authority_document")


def _text(label, limit):
    return StringField(label, validators=[Optional(), Length(max=limit, message=_l(
        "Не длиннее %(limit)s символов.", limit=limit))])


def _date(label):
    return RussianDateField(label, format=["%Y-%m-%d", "%d.%m.%Y"], validators=[Optional()])


class DetailsForm(FlaskForm):
    birth_date = _date(_l("Дата рождения"))
    address = _text(_l("Адрес (регистрации или проживания)"), 300)
    document = _text(_l("Документ, удостоверяющий личность: вид, серия и номер"), 100)
    document_issued_on = _date(_l("Дата выдачи документа"))
    document_issuer = _text(_l("Кем выдан документ"), 300)
    representative_name = _text(_l("ФИО законного представителя"), 200)
    representative_relation = SelectField(_l("Кем приходится"), choices=[], validate_choice=False)
    representative_address = _text(_l("Адрес законного представителя"), 300)
    representative_document = _text(_l("Документ законного представителя: вид, серия и номер"), 100)
    representative_document_issued_on = _date(_l("Дата выдачи документа представителя"))
    representative_document_issuer = _text(_l("Кем выдан документ представителя"), 300)
    authority_document = _text(_l("Документ, подтверждающий полномочия (свидетельство о рождении, акт об опеке)"), 300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.representative_relation.choices = [("", _l("— не указано —"))] + [(r, _l(r)) for r in RELATIONS]

    def validate_representative_relation(self, field):
        if field.data and field.data not in RELATIONS:
            raise ValidationError(_l("Выберите значение из списка."))

    @staticmethod
    def _not_future(field, message):
        if field.data and not (OLDEST <= field.data <= dt.date.today()):
            raise ValidationError(message)

    def validate_birth_date(self, field):
        self._not_future(field, _l("Дата рождения — не позже сегодняшнего дня и не раньше 1900 года."))

    def validate_document_issued_on(self, field):
        self._not_future(field, _l("Дата выдачи — не позже сегодняшнего дня и не раньше 1900 года."))
        if field.data and self.birth_date.data and field.data < self.birth_date.data:
            raise ValidationError(_l("Документ не может быть выдан раньше даты рождения."))

    def validate_representative_document_issued_on(self, field):
        self._not_future(field, _l("Дата выдачи — не позже сегодняшнего дня и не раньше 1900 года."))

    def values(self) -> dict:
        out = {}
        for name in FIELDS:
            value = getattr(self, name).data
            out[name] = " ".join(value.split()) if isinstance(value, str) else value
        return out


def details_of(user) -> PersonDetails:
    return PersonDetails.get_or_none(PersonDetails.user == user) or PersonDetails(user=user)


def save_details(user, values: dict, actor) -> PersonDetails:
    with database.atomic():
        details = details_of(user)
        for name, value in values.items():
            setattr(details, name, value if value is not None else (None if name.endswith(("_on", "_date")) else ""))
        details.updated_at = dt.datetime.now()
        details.save()
        AuditEvent.record("person_details_changed", actor=actor, target=user.login, details="сведения для согласий")
    return details


def missing_for_consent(user, details: PersonDetails, minor: bool) -> list[str]:
    """What a consent of this person still lacks (labels), to show before printing."""
    wanted = [("address", _l("адрес")), ("document", _l("документ, удостоверяющий личность")),
              ("document_issued_on", _l("дата выдачи документа")), ("document_issuer", _l("кем выдан документ"))]
    if minor:
        wanted += [("representative_name", _l("ФИО законного представителя")),
                   ("representative_address", _l("адрес законного представителя")),
                   ("representative_document", _l("документ законного представителя")),
                   ("representative_document_issued_on", _l("дата выдачи документа представителя")),
                   ("representative_document_issuer", _l("кем выдан документ представителя")),
                   ("authority_document", _l("документ, подтверждающий полномочия"))]
    return [str(label) for name, label in wanted if not getattr(details, name)]
