"""Forms: a recognition, a training course."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from webapp.recognition.services import AWARD_KINDS
from webapp.roadmap.fields import RuDateField


class AwardForm(FlaskForm):
    kind = SelectField(_l("Вид поощрения"), choices=[(k, _l(v)) for k, v in AWARD_KINDS.items()],
                       validate_choice=True)
    title = StringField(_l("Наименование"), validators=[
        DataRequired(_l("Укажите наименование.")), Length(max=300, message=_l("Не длиннее 300 символов."))],
        description=_l("Например: Грамота за успешную работу с молодыми специалистами"))
    awarded_on = RuDateField(_l("Дата"), validators=[InputRequired(_l("Укажите дату."))])
    issued_by = StringField(_l("Кем выдано"), validators=[
        Optional(), Length(max=300, message=_l("Не длиннее 300 символов."))])
    note = TextAreaField(_l("Примечание"), validators=[
        Optional(), Length(max=1000, message=_l("Примечание не длиннее 1000 символов."))])

    def data_dict(self) -> dict:
        return dict(kind=self.kind.data, title=self.title.data.strip(), awarded_on=self.awarded_on.data,
                    issued_by=(self.issued_by.data or "").strip(), note=(self.note.data or "").strip())


class TrainingForm(FlaskForm):
    name = StringField(_l("Название курса"), validators=[
        DataRequired(_l("Укажите название курса.")), Length(max=300, message=_l("Не длиннее 300 символов."))])
    organiser = StringField(_l("Организатор"), validators=[
        Optional(), Length(max=300, message=_l("Не длиннее 300 символов."))], description=_l("Например: ИРО"))
    started_on = RuDateField(_l("Начало"), validators=[InputRequired(_l("Укажите дату начала."))])
    ended_on = RuDateField(_l("Окончание"), validators=[InputRequired(_l("Укажите дату окончания."))])
    hours = IntegerField(_l("Часов"), validators=[
        Optional(), NumberRange(min=1, max=2000, message=_l("Число часов — от 1 до 2000."))])

    def validate_ended_on(self, field):
        if field.data and self.started_on.data and field.data < self.started_on.data:
            raise ValidationError(_l("Дата окончания не может быть раньше даты начала."))

    def validate_hours(self, field):
        if field.raw_data and field.raw_data[0] and field.data is None:
            raise ValidationError(_l("Число часов — целое число."))

    def data_dict(self) -> dict:
        return dict(name=self.name.data.strip(), organiser=(self.organiser.data or "").strip(),
                    started_on=self.started_on.data, ended_on=self.ended_on.data, hours=self.hours.data)
