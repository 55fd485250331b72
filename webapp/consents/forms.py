"""Forms of the consents area; the rules themselves live in services.validate_receipt."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, SelectMultipleField, StringField, TextAreaField, widgets
from wtforms.validators import Length, Optional, ValidationError

from webapp.consents.services import NAME_MAX, REASON_MAX, RELATION_MAX
from webapp.models.consent import PARTICIPATION, PERSONAL_DATA, REPRESENTATIVE, SELF

KIND_LABELS = {
    PERSONAL_DATA: _l("на обработку персональных данных"),
    PARTICIPATION: _l("на участие в программе наставничества"),
}
GIVEN_BY_LABELS = {SELF: _l("сам участник"), REPRESENTATIVE: _l("законный представитель")}


WRONG_CHOICE = _l("Выберите значение из списка.")


class MultiCheckboxField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()

    def pre_validate(self, form):
        allowed = {value for value, _label in self.choices}
        if any(value not in allowed for value in self.data or []):
            raise ValidationError(WRONG_CHOICE)


class ChoiceField(SelectField):
    def pre_validate(self, form):
        if self.data not in {value for value, _label in self.choices}:
            raise ValidationError(WRONG_CHOICE)


class RussianDateField(DateField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(str(_l("Укажите дату подписания в формате ДД.ММ.ГГГГ."))) from None


class ReceiveForm(FlaskForm):
    kinds = MultiCheckboxField(_l("Получены подписанные согласия"), choices=list(KIND_LABELS.items()),
                               default=[PERSONAL_DATA, PARTICIPATION])
    signed_on = RussianDateField(_l("Дата подписания"), format=["%Y-%m-%d", "%d.%m.%Y"], validators=[Optional()])
    given_by = ChoiceField(_l("Кто подписал"), choices=list(GIVEN_BY_LABELS.items()))
    representative_name = StringField(_l("ФИО законного представителя"), validators=[
        Length(max=NAME_MAX, message=_l("ФИО представителя — не длиннее 200 символов."))])
    representative_relation = StringField(_l("Кем приходится (мать, отец, опекун…)"), validators=[
        Length(max=RELATION_MAX, message=_l("Степень родства — не длиннее 100 символов."))])

    def __init__(self, *args, minor: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if minor and not self.is_submitted():
            self.given_by.data = REPRESENTATIVE


class RevokeForm(FlaskForm):
    reason = TextAreaField(_l("Причина (необязательно)"), validators=[
        Optional(), Length(max=REASON_MAX, message=_l("Причина — не длиннее 1000 символов."))])
