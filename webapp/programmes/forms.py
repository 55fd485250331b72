"""The forms of a pair's page and of the order: one WTForms form per POST, Russian messages.

Each form checks what can be checked without the database (choices, lengths, dates, numbers) and
hands the service plain data (``as_data``); the service keeps the rules that need the pair or the
school (a meeting not before the pair started, an order number not taken).
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import AnyOf, Length

from matching.catalogue import TYPES
from webapp.form_fields import (ValueRequired, SchoolDateField, TextRequired, WholeNumberField, required, strip,
                                too_long)
from webapp.models.programme import MEETING_FORMATS, PLAN_STATUSES
from webapp.programmes import groups, orders, programme


class PairDetailsForm(FlaskForm):
    form = SelectField(_l("Форма наставничества"), choices=list(groups.SCHOOL_FORMS.items()), validate_choice=False,
                       validators=[AnyOf(list(groups.SCHOOL_FORMS), message=_l("Выберите форму наставничества из списка."))])
    kind = SelectField(_l("Вид наставничества"), choices=list(TYPES.items()), validate_choice=False,
                       validators=[AnyOf(list(TYPES), message=_l("Выберите вид наставничества из списка."))])
    started_on = SchoolDateField(_l("Дата начала"), validators=[ValueRequired(_l("Укажите дату начала."))])
    planned_end_on = SchoolDateField(_l("Плановая дата окончания"))

    def as_data(self) -> groups.PairDetails:
        return groups.PairDetails(form=self.form.data, kind=self.kind.data, started_on=self.started_on.data,
                                  planned_end_on=self.planned_end_on.data)


class StageForm(FlaskForm):
    stage = SelectField(_l("Этап"), choices=[(str(k), v) for k, v in groups.STAGE_LABELS.items()], validate_choice=False,
                        validators=[AnyOf([str(k) for k in groups.STAGE_LABELS], message=_l("Выберите этап из списка."))])
    changed_on = SchoolDateField(_l("Дата"))
    note = StringField(_l("Комментарий"), filters=[strip], validators=[
        Length(max=groups.REASON_MAX, message=_l("Комментарий — не длиннее %(limit)s символов.",
                                                 limit=groups.REASON_MAX))])


class EndEarlyForm(FlaskForm):
    reason = StringField(_l("Причина"), filters=[strip], validators=[
        TextRequired(_l("Укажите причину досрочного завершения.")),
        Length(max=groups.REASON_MAX, message=_l("Причина — не длиннее %(limit)s символов.", limit=groups.REASON_MAX))])
    send_back = BooleanField(_l("Вернуть наставляемого в подбор (продолжать поиск наставника)"),
                             false_values=("", "0", "false", "off"))


class GoalsForm(FlaskForm):
    request = TextAreaField(_l("Запрос наставляемого"), filters=[strip],
                            validators=[too_long(_l("Запрос наставляемого"), programme.TEXT_MAX)])
    problems = TextAreaField(_l("Проблемы"), filters=[strip],
                             validators=[too_long(_l("Проблемы"), programme.TEXT_MAX)])
    goals = TextAreaField(_l("Цели"), filters=[strip], validators=[too_long(_l("Цели"), programme.TEXT_MAX)])
    tasks = TextAreaField(_l("Задачи"), filters=[strip], validators=[too_long(_l("Задачи"), programme.TEXT_MAX)])
    expected_results = TextAreaField(_l("Ожидаемые результаты"), filters=[strip], validators=[
        too_long(_l("Ожидаемые результаты"), programme.TEXT_MAX)])

    def as_data(self) -> programme.Goals:
        # the request and the problems are kept when a form without them is sent
        sent = {name: getattr(self, name).data if getattr(self, name).raw_data else None
                for name in ("request", "problems")}
        return programme.Goals(goals=self.goals.data or "", tasks=self.tasks.data or "",
                               expected_results=self.expected_results.data or "", **sent)


class PlanItemForm(FlaskForm):
    name = StringField(_l("Мероприятие"), filters=[strip], validators=[
        required(_l("Мероприятие")), too_long(_l("Мероприятие"), programme.NAME_MAX)])
    deadline = SchoolDateField(_l("Срок"))
    responsible = StringField(_l("Ответственный"), filters=[strip],
                              validators=[too_long(_l("Ответственный"), programme.SHORT_MAX)])
    result_doc = StringField(_l("Результат (вид документа)"), filters=[strip],
                             validators=[too_long(_l("Результат (вид документа)"), programme.SHORT_MAX)])

    def as_data(self) -> programme.NewPlanItem:
        return programme.NewPlanItem(name=self.name.data, deadline=self.deadline.data,
                                     responsible=self.responsible.data or "", result_doc=self.result_doc.data or "")


class PlanStatusForm(FlaskForm):
    status = SelectField(_l("Состояние"), choices=list(programme.PLAN_STATUS_LABELS.items()), validate_choice=False,
                         validators=[AnyOf(list(PLAN_STATUSES),
                                           message=_l("Выберите состояние пункта плана из списка."))])


class MeetingForm(FlaskForm):
    met_on = SchoolDateField(_l("Дата встречи"), validators=[ValueRequired(_l("Укажите дату встречи."))])
    format = SelectField(_l("Формат встречи"), choices=list(programme.MEETING_FORMAT_LABELS.items()),
                         validate_choice=False, validators=[
                             AnyOf(list(MEETING_FORMATS), message=_l("Выберите формат встречи: очно или дистанционно."))])
    duration_minutes = WholeNumberField(
        _l("Продолжительность, минут"), low=1, high=programme.DURATION_MAX,
        message=_l("Продолжительность укажите целым числом минут."),
        range_message=_l("Продолжительность — от 1 до %(limit)s минут.", limit=programme.DURATION_MAX))
    topic = StringField(_l("Тема"), filters=[strip], validators=[
        required(_l("Тема")), too_long(_l("Тема"), programme.NAME_MAX)])
    outcome = StringField(_l("Итог встречи"), filters=[strip],
                          validators=[too_long(_l("Итог встречи"), programme.TEXT_MAX)])

    def as_data(self) -> programme.NewMeeting:
        return programme.NewMeeting(met_on=self.met_on.data, format=self.format.data,
                                    duration_minutes=self.duration_minutes.data, topic=self.topic.data,
                                    outcome=self.outcome.data or "")


class OrderForm(FlaskForm):
    number = StringField(_l("Номер приказа"), filters=[strip], validators=[
        Length(max=orders.NUMBER_MAX, message=_l("Номер приказа — не длиннее %(limit)s символов.",
                                                 limit=orders.NUMBER_MAX))])
    signed_on = SchoolDateField(_l("Дата приказа"), validators=[ValueRequired(_l("Укажите дату приказа."))])
    basis = TextAreaField(_l("Основание"), filters=[strip], validators=[
        Length(max=orders.BASIS_MAX, message=_l("Основание — не длиннее %(limit)s символов.", limit=orders.BASIS_MAX))])
    responsible_name = StringField(_l("ФИО ответственного"), filters=[strip], validators=[
        Length(max=orders.NAME_MAX, message=_l("ФИО ответственного — не длиннее %(limit)s символов.",
                                               limit=orders.NAME_MAX))])
    group = SelectMultipleField(coerce=str, validate_choice=False)  # ids; a forged one answers 404 (orders)

    def as_data(self) -> orders.OrderDetails:
        return orders.OrderDetails(number=self.number.data or "", signed_on=self.signed_on.data,
                                   basis=self.basis.data or "", responsible_name=self.responsible_name.data or "")
