"""The form that assigns a questionnaire: to the people ticked, a category or a class, with a due date."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, SelectMultipleField, StringField
from wtforms.validators import AnyOf, Length, ValidationError

from webapp.form_fields import SchoolDateField, strip
from webapp.ids import parse_id
from webapp.models.user import CATEGORIES

MODES = ("users", "category", "class")
CLASS_MAX = 20


class AssignForm(FlaskForm):
    mode = SelectField(choices=[(m, m) for m in MODES], default="users", validate_choice=False,
                       validators=[AnyOf(MODES, message=_l("Неизвестный способ назначения."))])
    user_ids = SelectMultipleField(coerce=str, validate_choice=False)
    category = SelectField(_l("Категория"), choices=[(c, c) for c in CATEGORIES], validate_choice=False)
    class_name = StringField(_l("Класс"), filters=[strip], validators=[
        Length(max=CLASS_MAX, message=_l("Выберите класс из списка."))])
    due_on = SchoolDateField(_l("Срок"), message=_l("Срок укажите датой, например 2026-10-01."))

    def validate_user_ids(self, field) -> None:
        if self.mode.data != "users":
            return
        if any(parse_id(raw) is None for raw in field.data or ()):
            raise ValidationError(_l("Список участников передан неверно."))
        if not field.data:
            raise ValidationError(_l("Отметьте хотя бы одного участника."))

    def validate_category(self, field) -> None:
        if self.mode.data == "category" and field.data not in CATEGORIES:
            raise ValidationError(_l("Выберите категорию участников из списка."))

    def validate_class_name(self, field) -> None:
        if self.mode.data == "class" and not field.data:
            raise ValidationError(_l("Выберите класс из списка."))

    @property
    def ids(self) -> list[int]:
        return [parse_id(raw) for raw in self.user_ids.data or ()]
