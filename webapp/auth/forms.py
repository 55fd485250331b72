"""Log-in and password forms."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import AnyOf, DataRequired, EqualTo, Length

from webapp.i18n import LANGUAGES

REQUIRED = _l("Заполните это поле.")


class LoginForm(FlaskForm):
    login = StringField(_l("Логин"), validators=[DataRequired(REQUIRED), Length(max=64, message=_l("Логин не длиннее 64 символов."))])
    password = PasswordField(_l("Пароль"), validators=[DataRequired(REQUIRED), Length(max=200, message=_l("Пароль слишком длинный."))])


class NewPasswordForm(FlaskForm):
    password = PasswordField(_l("Новый пароль"), validators=[
        DataRequired(REQUIRED),
        Length(min=8, max=200, message=_l("Пароль должен быть от 8 до 200 символов.")),
    ])
    confirm = PasswordField(_l("Повторите пароль"), validators=[
        DataRequired(REQUIRED), EqualTo("password", message=_l("Пароли не совпадают.")),
    ])


class ChangePasswordForm(NewPasswordForm):
    current = PasswordField(_l("Текущий пароль"), validators=[DataRequired(REQUIRED), Length(max=200)])


class LanguageForm(FlaskForm):
    """The interface language switch; an unknown language changes nothing."""
    lang = SelectField(choices=list(LANGUAGES.items()), validate_choice=False, validators=[AnyOf(list(LANGUAGES))])
    next = HiddenField()  # the page to go back to (checked by the view: never off site)
