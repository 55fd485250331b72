"""Forms of the documents area: the organisation's requisites, a template upload."""
from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

DIGITS = re.compile(r"^\d+$")


def _text(label, limit, required=None):
    checks = [DataRequired(required)] if required else [Optional()]
    return StringField(label, validators=checks + [Length(max=limit, message=_l(
        "Не длиннее %(limit)s символов.", limit=limit))])


class WholeNumberField(IntegerField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(str(_l("Укажите целое число."))) from None


class OrganisationFields(FlaskForm):
    """The organisation's own requisites: a school's requisites form and the region's school form share them."""
    name = _text(_l("Полное наименование"), 300, _l("Укажите полное наименование организации."))
    short_name = _text(_l("Краткое наименование"), 120, _l("Укажите краткое наименование организации."))
    address = _text(_l("Адрес (с индексом)"), 300, _l("Укажите адрес организации: он нужен в согласиях."))
    head_position = _text(_l("Должность руководителя"), 200, _l("Укажите должность руководителя."))
    head_name = _text(_l("ФИО руководителя (полностью)"), 200, _l("Укажите ФИО руководителя."))
    inn = _text(_l("ИНН (необязательно)"), 12)
    ogrn = _text(_l("ОГРН (необязательно)"), 15)

    def validate_name(self, field):
        if "_" * 3 in (field.data or ""):
            raise ValidationError(_l("Укажите наименование без подчёркиваний."))

    def validate_inn(self, field):
        value = (field.data or "").strip()
        if value and (not DIGITS.match(value) or len(value) not in (10, 12)):
            raise ValidationError(_l("ИНН — 10 или 12 цифр."))

    def validate_ogrn(self, field):
        value = (field.data or "").strip()
        if value and (not DIGITS.match(value) or len(value) not in (13, 15)):
            raise ValidationError(_l("ОГРН — 13 цифр (ОГРНИП — 15)."))

    def requisites(self) -> dict:
        return dict(name=self.name.data.strip(), short_name=self.short_name.data.strip(),
                    address=self.address.data.strip(), head_position=self.head_position.data.strip(),
                    head_name=" ".join(self.head_name.data.split()), inn=(self.inn.data or "").strip(),
                    ogrn=(self.ogrn.data or "").strip())


class RequisitesForm(OrganisationFields):
    curator_id = SelectField(_l("Куратор программы наставничества"), choices=[], validate_choice=False)
    year_start = StringField(_l("Начало учебного года (ДД.ММ)"), default="01.09",
                             validators=[DataRequired(_l("Укажите начало учебного года, например 01.09."))])
    year_end = StringField(_l("Окончание занятий (ДД.ММ)"), default="31.05",
                           validators=[DataRequired(_l("Укажите окончание занятий, например 31.05."))])
    order_number_pattern = _text(_l("Номер приказа: образец"), 40, _l("Укажите образец номера приказа, например {n}-о."))
    minor_own_consent_age = WholeNumberField(_l("Обучающиеся подписывают и своё согласие с возраста (0 — не подписывают)"),
                                         default=0, validators=[Optional(), NumberRange(
                                             min=0, max=17, message=_l("Возраст — от 0 до 17 лет."))])

    def __init__(self, *args, curators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.curator_id.choices = [("", _l("— не назначен —"))] + [(str(u.id), u.full_name) for u in curators]

    def validate_curator_id(self, field):
        if field.data and field.data not in {value for value, _label in field.choices}:
            raise ValidationError(_l("Выберите куратора из списка кураторов вашей организации."))

    def validate_order_number_pattern(self, field):
        if "{n}" not in (field.data or ""):
            raise ValidationError(_l("В образце номера нужен {n} — номер приказа в учебном году."))
        rest = (field.data or "").replace("{n}", "").replace("{yyyy}", "").replace("{yy}", "")
        if "{" in rest or "}" in rest:
            raise ValidationError(_l("В образце номера можно использовать только {n}, {yy} и {yyyy}."))

    @staticmethod
    def _day_month(field):
        match = re.match(r"^\s*(\d{1,2})\.(\d{1,2})\s*$", field.data or "")
        if not match:
            raise ValidationError(_l("Дата в виде ДД.ММ, например 01.09."))
        day, month = int(match.group(1)), int(match.group(2))
        if not (1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)):
            raise ValidationError(_l("Такой даты нет. Дата в виде ДД.ММ, например 01.09."))
        return day, month

    def validate_year_start(self, field):
        self._day_month(field)

    def validate_year_end(self, field):
        self._day_month(field)

    def values(self) -> dict:
        start_day, start_month = self._day_month(self.year_start)
        end_day, end_month = self._day_month(self.year_end)
        return dict(**self.requisites(),
                    curator=int(self.curator_id.data) if self.curator_id.data else None,
                    year_start_day=start_day, year_start_month=start_month, year_end_day=end_day,
                    year_end_month=end_month, order_number_pattern=self.order_number_pattern.data.strip(),
                    minor_own_consent_age=self.minor_own_consent_age.data or 0)


class TemplateUploadForm(FlaskForm):
    file = FileField(_l("Шаблон Word (.docx)"))
    action = StringField()  # the button pressed: "preview" builds a sample document, anything else saves


class PackageStatusForm(FlaskForm):
    status = SelectField(_l("Статус"), choices=[("draft", _l("черновик")), ("signed", _l("подписан"))],
                         validate_choice=False)
    number = _text(_l("Номер"), 40)
    signed_on = StringField(_l("Дата подписания"))

    def validate_status(self, field):
        if field.data not in ("draft", "signed"):
            raise ValidationError(_l("Выберите статус из списка."))

    def validate_signed_on(self, field):
        import datetime as dt
        raw = (field.data or "").strip()
        if not raw:
            field.parsed = None
            return
        for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
            try:
                field.parsed = dt.datetime.strptime(raw, fmt).date()
                break
            except ValueError:
                continue
        else:
            raise ValidationError(_l("Дата в виде ДД.ММ.ГГГГ."))
        if not (dt.date(2000, 1, 1) <= field.parsed <= dt.date.today() + dt.timedelta(days=366)):
            raise ValidationError(_l("Дата — не раньше 2000 года и не позже чем через год."))
