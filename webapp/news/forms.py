"""The news form."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from webapp.roadmap.services import items_of
from webapp.shipped_text import shipped


class NewsForm(FlaskForm):
    title = StringField(_l("Заголовок"), validators=[
        DataRequired(_l("Укажите заголовок.")), Length(max=200, message=_l("Заголовок не длиннее 200 символов."))])
    body = TextAreaField(_l("Текст"), validators=[
        DataRequired(_l("Напишите текст новости.")), Length(max=10000, message=_l("Текст не длиннее 10000 символов."))])
    roadmap_item_id = SelectField(_l("Мероприятие дорожной карты"), choices=[], validate_choice=False,
                                  validators=[Optional()])
    published = BooleanField(_l("Опубликовать (видно всей школе и на сайте школы)"))

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap_item_id.choices = [("", _l("— не связана —"))] + [
            (str(i.id), f"{i.step}. {shipped(i.title)[:90]}") for i in items_of(organisation)]

    def validate_roadmap_item_id(self, field):
        if field.data and field.data not in {value for value, _label in field.choices}:
            raise ValidationError(_l("Выберите мероприятие из дорожной карты вашей школы."))

    def data_dict(self) -> dict:
        return dict(title=self.title.data.strip(), body=self.body.data.strip(), published=bool(self.published.data),
                    roadmap_item_id=int(self.roadmap_item_id.data) if self.roadmap_item_id.data else None)
