"""Forms of the regional centre: a school with its requisites and its administrator, a year choice."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp

from webapp.tasks.forms import TaskRequestForm
from webapp.users.accounts import EMAIL_RE

from webapp.documents.forms import OrganisationFields


def _text(label, limit, required=None):
    checks = [DataRequired(required)] if required else [Optional()]
    return StringField(label, validators=checks + [Length(max=limit, message=_l(
        "Не длиннее %(limit)s символов.", limit=limit))])


class SchoolForm(OrganisationFields):
    """The school's requisites (the same fields and checks as the school's own requisites form) and its
    municipality. The school's document settings (curator, year, order numbers) are the school's own."""
    municipality = _text(_l("Муниципальное образование"), 200, _l("Укажите муниципальное образование школы."))

    def values(self) -> dict:
        return dict(**self.requisites(), municipality=" ".join(self.municipality.data.split()))


class NewSchoolForm(SchoolForm):
    admin_full_name = _text(_l("ФИО администратора школы"), 200, _l("Укажите ФИО администратора школы."))
    admin_email = StringField(_l("Электронная почта администратора (необязательно)"), validators=[
        Optional(), Length(max=254, message=_l("Не длиннее %(limit)s символов.", limit=254)),
        Regexp(EMAIL_RE, message=_l("Адрес электронной почты указан неверно."))])


class WholeNumber(IntegerField):
    """An integer field whose wrong-type message is Russian."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(str(_l("Укажите целое число."))) from None


class ConfirmForm(FlaskForm):
    """A state change with nothing to fill in (CSRF only)."""


class ReviewForm(FlaskForm):
    decision = SelectField(_l("Решение"), choices=[("publish", _l("Опубликовать")), ("return", _l("Вернуть школе"))],
                           validators=[DataRequired(_l("Выберите решение."))])
    note = TextAreaField(_l("Комментарий для школы"), validators=[Optional(), Length(
        max=500, message=_l("Не длиннее %(limit)s символов.", limit=500))])


class ContestForm(FlaskForm):
    title = _text(_l("Название конкурса"), 200, _l("Укажите название конкурса."))
    nominations = TextAreaField(_l("Номинации (по одной в строке)"), validators=[
        DataRequired(_l("Укажите хотя бы одну номинацию.")),
        Length(max=5000, message=_l("Не длиннее %(limit)s символов.", limit=5000))])


class EntryForm(FlaskForm):
    nomination_id = WholeNumber(_l("Номинация"), validators=[DataRequired(_l("Выберите номинацию."))])
    practice_id = WholeNumber(_l("Практика"), validators=[DataRequired(_l("Выберите практику."))])


class ScoreForm(FlaskForm):
    entry_id = WholeNumber(_l("Заявка"), validators=[DataRequired(_l("Выберите заявку."))])
    score = WholeNumber(_l("Оценка (0–10)"), validators=[InputRequired(_l("Поставьте оценку от 0 до 10.")),
                                                         NumberRange(min=0, max=10, message=_l("Оценка — от 0 до 10."))])


class PoolJoinForm(FlaskForm):
    consent = BooleanField(_l("Согласен(на): мои ФИО, предметы и адрес электронной почты станут известны другой школе "
                              "региона, когда её куратор подтвердит пару со мной; встречи — дистанционно."))


class PoolConfirmForm(FlaskForm):
    mentee_id = WholeNumber(_l("Наставляемый"), validators=[DataRequired(_l("Выберите наставляемого."))])
    mentor_id = WholeNumber(_l("Наставник"), validators=[DataRequired(_l("Выберите наставника."))])


class RemoteAcceptForm(FlaskForm):
    consent = BooleanField(_l("Согласен(на) на дистанционное наставничество с наставником из другой школы региона: "
                              "мои ФИО и класс станут известны его школе, когда наш куратор подтвердит пару."))


class ReportTaskForm(TaskRequestForm):
    year = WholeNumber(_l("Учебный год"), validators=[DataRequired(_l("Выберите учебный год.")),
                                                      NumberRange(min=2000, max=2100, message=_l("Выберите учебный год."))])
    format = SelectField(_l("Формат"), choices=[("xlsx", "XLSX"), ("docx", "DOCX")],
                         validators=[DataRequired(_l("Выберите формат."))])
