"""Forms of the monitoring area: the marks file and its column mapping."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, HiddenField, SelectField, StringField
from wtforms.validators import AnyOf, DataRequired, Length

from webapp.form_fields import IdSelectField
from webapp.monitoring.assigning import STAGE_LABELS

MOMENT_CHOICES = [("before", _l("до программы (начало года)")), ("after", _l("после программы (конец года)"))]


class MarksUploadForm(FlaskForm):
    file = FileField(_l("Выгрузка из электронного журнала (CSV или XLSX)"),
                     validators=[FileRequired(_l("Выберите файл."))])


class MarksMappingForm(FlaskForm):
    token = HiddenField(validators=[DataRequired(_l("Загрузите файл ещё раз."))])
    person = SelectField(_l("Столбец с учеником (ФИО или логин)"), coerce=str,
                         validate_choice=True)
    subject = SelectField(_l("Столбец с предметом"), coerce=str, validate_choice=True)
    mark = SelectField(_l("Столбец с отметкой"), coerce=str, validate_choice=True)
    moment = SelectField(_l("Отметки относятся к моменту"), choices=MOMENT_CHOICES, validate_choice=True)
    confirm = BooleanField()  # the checked rows are to be stored (the second press)

    def set_columns(self, header: list[str]) -> None:
        choices = [(str(i), title or f"#{i + 1}") for i, title in enumerate(header)]
        for name in ("person", "subject", "mark"):
            getattr(self, name).choices = choices


class YearStartForm(FlaskForm):
    start = StringField(_l("Первый день учебного года (ММ-ДД)"),
                        validators=[Length(max=5, message=_l("Не длиннее 5 символов, например 09-01."))])


class MarkEntryForm(FlaskForm):
    student = IdSelectField(_l("Ученик"), message=_l("Выберите ученика из наставляемых этого учебного года."))
    subject = StringField(_l("Предмет"), validators=[DataRequired(_l("Укажите предмет.")),
                                                     Length(max=64, message=_l("Не длиннее 64 символов."))])
    mark = StringField(_l("Отметка (1–5)"), validators=[DataRequired(_l("Укажите отметку.")),
                                                        Length(max=10, message=_l("Отметка — число от 1 до 5."))])
    moment = SelectField(_l("Момент"), choices=MOMENT_CHOICES, validate_choice=False)  # the service says which


class MonitoringStageForm(FlaskForm):
    """Which monitoring questionnaires to hand out (to one pair or to every active pair)."""
    stage = SelectField(_l("Этап мониторинга"), choices=list(STAGE_LABELS.items()), validate_choice=False,
                        validators=[AnyOf(list(STAGE_LABELS), message=_l(
                            "Выберите этап мониторинга: входной, промежуточный или итоговый."))])
    next = HiddenField()  # "pair": back to the pair's monitoring page
