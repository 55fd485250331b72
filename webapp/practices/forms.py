"""The practice form."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import MultipleFileField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length, Optional, ValidationError

from matching.catalogue import FORMS
from webapp.models import User, UserRole


def form_choices() -> list[tuple[str, str]]:
    return [("", _l("любая форма"))] + [(k, _l(v.label)) for k, v in FORMS.items() if v.allowed_in_school]


def author_choices(organisation) -> list[tuple[str, str]]:
    people = (User.select(User.id, User.full_name).join(UserRole)
              .where((User.organisation == organisation) & (User.is_active == True)  # noqa: E712
                     & UserRole.role.in_(["mentor", "coordinator", "admin"]))
              .distinct().order_by(User.full_name))
    return [(str(u.id), u.full_name) for u in people]


class PracticeForm(FlaskForm):
    title = StringField(_l("Название практики"), validators=[
        DataRequired(_l("Укажите название практики.")), Length(max=200, message=_l("Название не длиннее 200 символов."))])
    description = TextAreaField(_l("Описание"), validators=[
        Optional(), Length(max=10000, message=_l("Описание не длиннее 10000 символов."))],
        description=_l("Цель, участники, что делали, какой получили результат"))
    form = SelectField(_l("Форма наставничества"), choices=form_choices, validate_choice=True)
    author_ids = SelectMultipleField(_l("Авторы из нашей школы"), choices=[], validate_choice=False,
                                     description=_l("Можно выбрать несколько (Ctrl или Cmd + щелчок)"))
    authors_text = StringField(_l("Другие авторы"), validators=[
        Optional(), Length(max=300, message=_l("Не длиннее 300 символов."))],
        description=_l("Если авторов нет в списке: ФИО, организация"))
    tags = StringField(_l("Теги"), validators=[
        Optional(), Length(max=300, message=_l("Теги не длиннее 300 символов."))],
        description=_l("Через запятую: адаптация, проектная деятельность"))
    files = MultipleFileField(_l("Файлы"))

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.author_ids.choices = author_choices(organisation)

    def validate_author_ids(self, field):
        allowed = {value for value, _label in field.choices}
        if any(str(v) not in allowed for v in field.data or []):
            raise ValidationError(_l("Выберите авторов из списка людей вашей школы."))


class ReviewForm(FlaskForm):
    decision = SelectField(choices=[("approve", _l("Одобрить")), ("reject", _l("Отклонить"))], validate_choice=False,
                           validators=[AnyOf(["approve", "reject"], message=_l("Выберите: одобрить или отклонить."))])
