"""Forms of the user area."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, EmailField, SelectField, SelectMultipleField, StringField, widgets
from wtforms.validators import DataRequired, Length, Optional

from webapp.labels import CATEGORY_LABELS, ROLE_LABELS


class MultiCheckboxField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class AccountForm(FlaskForm):
    full_name = StringField(_l("ФИО"), validators=[DataRequired(_l("Укажите ФИО.")), Length(max=200, message=_l("ФИО не длиннее 200 символов."))])
    category = SelectField(_l("Категория участника"), choices=list(CATEGORY_LABELS.items()),
                           validate_choice=True)
    class_name = StringField(_l("Класс (для обучающихся)"), validators=[Optional(), Length(max=10, message=_l("Класс не длиннее 10 символов."))],
                             description=_l("Например, 7Б"))
    position = StringField(_l("Должность или место работы/учёбы"), validators=[Optional(), Length(max=200, message=_l("Не длиннее 200 символов."))])
    subjects = StringField(_l("Предметы"), validators=[Optional(), Length(max=500, message=_l("Не длиннее 500 символов."))],
                           description=_l("Через точку с запятой: математика; физика"))
    email = EmailField(_l("E-mail"), validators=[Optional(), Length(max=254, message=_l("Не длиннее 254 символов."))])
    login = StringField(_l("Логин"), validators=[Optional(), Length(max=64, message=_l("Логин не длиннее 64 символов."))],
                        description=_l("Если оставить пустым, логин будет составлен из ФИО"))
    roles = MultiCheckboxField(_l("Роли"), choices=list(ROLE_LABELS.items()), validate_choice=False)

    def __init__(self, *args, allowed_roles=None, **kwargs):
        super().__init__(*args, **kwargs)
        if allowed_roles is not None:
            self.roles.choices = [(k, v) for k, v in ROLE_LABELS.items() if k in allowed_roles]


class ImportForm(FlaskForm):
    file = FileField(_l("Файл CSV или XLSX"), validators=[FileRequired(_l("Выберите файл."))])
    strict = BooleanField(_l("Ничего не импортировать, если в файле есть хотя бы одна ошибка"))
