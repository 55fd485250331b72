"""The roadmap item form."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField, URLField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from webapp import links
from webapp.roadmap.fields import RuDateField
from webapp.roadmap.seed import STEPS
from webapp.roadmap.services import STATUS_LABELS
from webapp.shipped_text import shipped


def _safe_link(form, field):
    value = (field.data or "").strip()
    if value and not links.is_acceptable(value):
        raise ValidationError(_l("Ссылка должна начинаться с https://, http:// или / (страница этого сайта)."))


class RoadmapItemForm(FlaskForm):
    step = SelectField(_l("Этап"), choices=[(str(k), str(k)) for k in STEPS], validate_choice=True)
    title = TextAreaField(_l("Наименование мероприятия"), validators=[
        DataRequired(_l("Укажите наименование мероприятия.")),
        Length(max=1000, message=_l("Наименование не длиннее 1000 символов."))])
    due_on = RuDateField(_l("Срок реализации (дата)"), validators=[Optional()])
    period = StringField(_l("Срок реализации (словами)"), validators=[
        Optional(), Length(max=100, message=_l("Не длиннее 100 символов."))],
        description=_l("Например: в течение учебного года"))
    responsible = StringField(_l("Ответственный исполнитель"), validators=[
        Optional(), Length(max=300, message=_l("Не длиннее 300 символов."))])
    result_document = StringField(_l("Результат (вид документа)"), validators=[
        Optional(), Length(max=300, message=_l("Не длиннее 300 символов."))])
    document_url = URLField(_l("Ссылка на документ"), validators=[
        Optional(), Length(max=500, message=_l("Ссылка не длиннее 500 символов.")), _safe_link])
    status = SelectField(_l("Статус"), choices=[(k, _l(v)) for k, v in STATUS_LABELS.items()], validate_choice=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.step.choices = [(str(k), f"{k}. {shipped(v)}") for k, v in STEPS.items()]  # in the reader's language

    def data_dict(self) -> dict:
        return dict(step=int(self.step.data), title=self.title.data.strip(), due_on=self.due_on.data,
                    period=(self.period.data or "").strip(), responsible=(self.responsible.data or "").strip(),
                    result_document=(self.result_document.data or "").strip(),
                    document_url=(self.document_url.data or "").strip(), status=self.status.data)
