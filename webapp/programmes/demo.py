"""The demo school's living programme: active pairs of this school year at different stages.

Every step goes through the service a person would use: the coordinator pairs people by hand
(``decisions.manual_suggestion``: scored, checked against the bank, consents and capacity, then
accepted), issues the order (``orders.create_order``) and moves the stages (``groups.change_stage``,
which hands out the monitoring questionnaires); the mentor writes the programme and records the
meetings (``programme`` services); both answer their questionnaires (``responses``). Each step runs
on its own day, counted back from today, with the clock moved to that day (time-machine), so
every date the services stamp — pair formed, plan item done, questionnaire submitted — falls where
it would have, and the demo stays alive whenever it is loaded.

The days are fractions of the time since the school year began (at most ``SPAN_DAYS``), so every
pair starts in this school year and last year's figures stay last year's. Deterministic: a fixed
seed, people taken in id order.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field

import time_machine
from flask import current_app

from matching.catalogue import PROBLEMS

from webapp.models import MatchingRun, MentoringGroup, Questionnaire, Suggestion, User
from webapp.models.pairing import DONE
from webapp.models.programme import DONE_ITEM, IN_PROGRESS
from webapp.models.questionnaire import (INFLUENCE_BEFORE, LONG_TEXT, MENTEE_REQUEST, MENTOR_PROFILE, NUMBER, SCALE,
                                         SUBMITTED, YESNO)
from webapp.monitoring.assigning import start_for_member
from webapp.monitoring.demo import influence_values
from webapp.pairing import decisions, profiles_adapter as adapter
from webapp.pairing.parameters import RunParameters
from webapp.programmes import groups, orders, programme as programmes
from webapp.questionnaires import responses
from webapp.questionnaires.features import profile_features

SEED = 29
SPAN_DAYS = 100  # the oldest active pair started at most this many days ago
#: Pairs (their keys) that the two orders of this year list (a pair confirmed later waits for the next).
ORDERS = (("first", ("ending", "progress", "student_progress", "silent")), ("second", ("new", "drafting", "fresh")))


@dataclass
class PairPlan:
    """One active pair's story; days are fractions of the span counted back from today."""
    key: str
    mentor: str  # a login, or a category to take the next free mentor of
    mentee: str  # a login, or a category to take the next free mentee of
    start: float
    stages: tuple = ()  # (stage, fraction ago)
    kind: str = "traditional"
    ends_in_days: int | None = None  # a planned end soon after today (a short-term pair)
    goals: bool = False
    meetings: int = 0
    last_meeting: float = 0.0  # fraction ago of the last meeting
    items_done: int = 0
    item_in_progress: bool = False
    extra_item: str = ""
    answered: dict = field(default_factory=dict)  # monitoring stage -> roles that answered


PLANS = (
    PairPlan("ending", "mentor", "teacher", 0.95, ((2, 0.85), (3, 0.65), (4, 0.04)), kind="short_term",
             ends_in_days=12, goals=True, meetings=7, last_meeting=0.03, items_done=3, item_in_progress=True,
             extra_item="Открытый урок молодого педагога и его самоанализ",
             answered={"entry": ("mentor", "mentee"), "mid": ("mentor", "mentee"), "exit": ("mentor", "mentee"),
                       "outcome": ("mentor", "mentee")}),
    PairPlan("progress", "mentor", "teacher", 0.8, ((2, 0.7), (3, 0.45)), goals=True, meetings=5,
             last_meeting=0.06, items_done=2, item_in_progress=True,
             answered={"entry": ("mentor", "mentee"), "mid": ("mentor",)}),
    PairPlan("new", "mentor", "teacher", 0.06),
    PairPlan("student_progress", "student", "mentee", 0.75, ((2, 0.65), (3, 0.4)), goals=True, meetings=5,
             last_meeting=0.08, items_done=2, item_in_progress=True,
             extra_item="Разбор ошибок пробной контрольной по математике",
             answered={"entry": ("mentor", "mentee"), "mid": ("mentor",)}),
    PairPlan("drafting", "university_student", "student", 0.25, ((2, 0.15),), goals=True, meetings=1,
             last_meeting=0.12, items_done=1, answered={"entry": ("mentor", "mentee")}),
    PairPlan("silent", "student", "student", 0.9, ((2, 0.8), (3, 0.6)), goals=True, meetings=2,
             last_meeting=0.55, items_done=1, answered={"entry": ("mentor",)}),
    PairPlan("fresh", "employer", "student", 0.03),
)
MEETING_TOPICS = ("Знакомство, обсуждение запроса", "Согласование целей и плана программы",
                  "Разбор посещённого занятия", "Подготовка материалов к уроку", "Обсуждение трудностей и успехов",
                  "Промежуточная рефлексия", "Подготовка к открытому занятию", "Итоги и следующие шаги")
OUTCOMES = ("Договорились о графике встреч.", "Составили список вопросов к следующей встрече.",
            "Наставляемый попробует новый приём и расскажет о результате.", "")
GOALS = {"teacher": ("Уверенно вести уроки и работать с классом, освоить современные образовательные технологии.",
                     "Разобрать и применить приёмы удержания внимания; подготовить открытый урок.",
                     "Открытый урок, отзыв наставника, рост оценок по анкетам мониторинга."),
         "student": ("Повысить интерес к учёбе и подтянуть результаты по выбранным предметам.",
                     "Еженедельные занятия, разбор ошибок, план самостоятельной работы.",
                     "Оценки за четверть не ниже «4», уверенность на контрольных.")}
TEXTS = {"hopes": "Хочу увереннее чувствовать себя и получить конкретные советы.",
         "worries": "Боюсь, что не хватит времени на встречи.",
         "difficulties": "Иногда не совпадает расписание, но договариваемся.",
         "what_helped": "Регулярные встречи и разбор конкретных ситуаций.",
         "what_to_change": "Больше встреч перед контрольными и открытыми уроками.",
         "own_growth_text": "Научился(ась) планировать встречи и давать обратную связь."}


def span_days(organisation, today: dt.date) -> int:
    """Days the stories spread over: since the school year began, at most SPAN_DAYS."""
    year_start = organisation.school_year_bounds(organisation.school_year_of(today))[0]
    return max(0, min(SPAN_DAYS, (today - year_start).days))


def earliest_start(organisation, today: dt.date | None = None) -> dt.date:
    """The day the oldest active pair starts (the demo's questionnaires and consents come before it)."""
    today = today or dt.date.today()
    return today - dt.timedelta(days=round(max(p.start for p in PLANS) * span_days(organisation, today)))


def at(day: dt.date, hour: int = 15):
    """The clock moved to ``hour`` o'clock of ``day`` (a context manager): what the services stamp
    as now or today is that moment."""
    return time_machine.travel(dt.datetime.combine(day, dt.time(hour)), tick=False)


class _Loader:
    """Plays every pair's story, then issues the orders."""

    def __init__(self, organisation, today: dt.date):
        self.org, self.today = organisation, today
        self.span = span_days(organisation, today)
        self.rng = random.Random(SEED)
        self.kurator = User.get((User.organisation == organisation) & (User.login == "kurator"))
        self.groups: dict[str, object] = {}
        self.taken: set[int] = set()
        self.after: dict[int, dict] = {}  # a mentee's «after» answers, drawn with their «before»

    def day(self, fraction: float) -> dt.date:
        return self.today - dt.timedelta(days=round(fraction * self.span))

    # who pairs with whom ---------------------------------------------------------------------
    def _candidates(self, role: str, wanted: str) -> list[User]:
        if wanted in ("mentor", "mentee"):
            return [User.get((User.organisation == self.org) & (User.login == wanted))]
        query = adapter.bank_members(self.org, role).where(User.category == wanted).order_by(User.id)
        people = [u for u in query if u.id not in self.taken and u.login not in ("mentor", "mentee")
                  and not (role == "mentee" and u.has_role("mentor"))]
        features = profile_features(people, MENTOR_PROFILE if role == "mentor" else MENTEE_REQUEST)
        return [u for u in people if features.get(u.id, {}).get("_status") == SUBMITTED]

    def pair(self, run, plan: PairPlan):
        """Form the pair through the coordinator's «pair by hand» (the first mentor the rules allow)."""
        mentees = self._candidates("mentee", plan.mentee)
        mentors = self._candidates("mentor", plan.mentor)
        for mentee in mentees:
            for mentor in mentors:
                try:
                    suggestion = decisions.manual_suggestion(run, mentee, mentor, self.kurator)
                except decisions.PairingError:
                    continue
                self.taken.add(mentee.id)
                if plan.mentor not in ("mentor", "mentee"):
                    self.taken.add(mentor.id)
                return suggestion.group, mentor, mentee
        raise RuntimeError(f"demo pair {plan.key!r}: no mentor and mentee the rules allow")

    # one pair's story ------------------------------------------------------------------------
    def story(self, run, plan: PairPlan) -> None:
        start = self.day(plan.start)
        with at(start, 10):
            group, mentor, mentee = self.pair(run, plan)
            end = (self.today + dt.timedelta(days=plan.ends_in_days) if plan.ends_in_days
                   else self.org.school_year_end(start))
            groups.update_details(group, groups.PairDetails(form=group.form, kind=plan.kind, started_on=start,
                                                             planned_end_on=end))
            group = MentoringGroup.get_by_id(group.id)
            programme = programmes.programme_of(group)
        self.groups[plan.key] = group
        self.influence_before(mentee, start - dt.timedelta(days=5))
        answered = dict(plan.answered)
        self.answer(group, "entry", answered.pop("entry", ()), mentor, mentee,
                    min(start + dt.timedelta(days=3), self.today))
        for stage, fraction in plan.stages:
            day = max(self.day(fraction), start)
            with at(day, 12):
                groups.change_stage(group, stage, day, "", self.kurator)
            if stage == 2 and plan.goals:
                with at(day, 17):
                    kind = "teacher" if mentee.category == "teacher" else "student"
                    goals, tasks, results = GOALS[kind]
                    problems = "\n".join(PROBLEMS[p] for p in sorted(responses.requested_problems(mentee)) if p in PROBLEMS)
                    programmes.update_goals(programme, programmes.Goals(goals=goals, tasks=tasks, expected_results=results,
                                                                       problems=problems), mentor)
                    if plan.extra_item:
                        programmes.add_item(programme, programmes.NewPlanItem(
                            name=plan.extra_item, responsible="Наставник, наставляемый",
                            result_doc="Самоанализ, отзыв наставника", deadline=self.today + dt.timedelta(days=7)))
            monitoring_stage = {3: "mid", 4: "exit"}.get(stage)
            if monitoring_stage:
                when = min(day + dt.timedelta(days=2), self.today)
                self.answer(group, monitoring_stage, answered.pop(monitoring_stage, ()), mentor, mentee, when)
                if monitoring_stage == "exit":
                    self.answer(group, "outcome", answered.pop("outcome", ()), mentor, mentee, when)
        self.meetings(programme, group, plan, mentor, start)
        self.plan_items(programme, plan, start)

    def meetings(self, programme, group, plan: PairPlan, mentor, start: dt.date) -> None:
        if not plan.meetings:
            return
        last = max(self.day(plan.last_meeting), start)
        step = (last - start).days / max(plan.meetings - 1, 1)
        for index in range(plan.meetings):
            day = start + dt.timedelta(days=round(1 + index * step)) if index < plan.meetings - 1 else last
            day = min(day, last)
            with at(day, 16):
                programmes.add_meeting(programme, programmes.NewMeeting(
                    met_on=day, topic=MEETING_TOPICS[index % len(MEETING_TOPICS)],
                    outcome=self.rng.choice(OUTCOMES), format=self.rng.choice(["in_person", "in_person", "remote"]),
                    duration_minutes=self.rng.choice([30, 45, 60])), mentor, group)

    def plan_items(self, programme, plan: PairPlan, start: dt.date) -> None:
        items = list(programmes.items(programme))
        for item in items[:plan.items_done]:
            day = min(item.deadline - dt.timedelta(days=self.rng.randint(0, 3)), self.today)
            with at(max(day, start), 18):
                programmes.set_item_status(programme, item.id, DONE_ITEM)
        if plan.item_in_progress and len(items) > plan.items_done:
            with at(self.today - dt.timedelta(days=1), 18):
                programmes.set_item_status(programme, items[plan.items_done].id, IN_PROGRESS)

    # questionnaires --------------------------------------------------------------------------
    def influence_before(self, mentee, day: dt.date) -> None:
        """The mentee's «before» of the influence questionnaire, asked with the request."""
        questionnaire = Questionnaire.get((Questionnaire.organisation == self.org)
                                          & (Questionnaire.purpose == INFLUENCE_BEFORE) & (Questionnaire.role == "mentee"))
        before, self.after[mentee.id] = influence_values(mentee, self.rng, 1)
        with at(day, 16):
            response = responses.start(mentee, questionnaire)
            if not response.is_locked:  # answered with an earlier request: that «before» stands
                self.fill(response, before)

    def answer(self, group, stage: str, roles, mentor, mentee, day: dt.date) -> None:
        for role, person in (("mentor", mentor), ("mentee", mentee)):
            if role not in roles:
                continue
            with at(day, 19 if role == "mentor" else 17):
                response = start_for_member(group, person, stage)
                if response is None:
                    raise RuntimeError(f"demo: {person.login} has no {stage} questionnaire in pair {group.id}")
                values = self.after.get(person.id, {}) if stage == "outcome" and role == "mentee" else {}
                self.fill(response, values, low=5 if stage == "entry" else 6)

    def fill(self, response, values: dict, low: int = 4) -> None:
        """Answer every question asked of this person (given values first), then submit."""
        for question in responses.visible_questions(response.version, response.user, response.group_id):
            if question.key in values:
                raw = str(values[question.key])
            elif question.qtype == SCALE:
                raw = str(self.rng.randint(low, 9))
            elif question.qtype == NUMBER:
                raw = str(self.rng.randint(0, 2))
            elif question.qtype == YESNO:
                raw = "yes" if self.rng.random() < 0.85 else "no"
            elif question.qtype == LONG_TEXT:
                raw = TEXTS.get(question.key, "")
            else:
                continue
            if raw:
                checked = responses.save_answer(response, question, raw)
                if checked.error:
                    raise ValueError(f"demo answer {question.key!r}: {checked.error}")
        missing = responses.submit(response)
        if missing:
            raise ValueError(f"demo response {response.id} misses {[q.key for q in missing]}")

    def issue_orders(self) -> None:
        """The orders assigning the pairs, each signed two days after its latest pair was confirmed."""
        for _name, keys in ORDERS:
            picked = [self.groups[k] for k in keys if k in self.groups]
            signed = max(g.started_on for g in picked) + dt.timedelta(days=2)
            signed = min(signed, self.today)
            with at(signed, 11):
                orders.create_order(self.org, orders.OrderDetails(signed_on=signed, basis=orders.DEFAULT_BASIS),
                                    [g.id for g in picked], self.kurator)

    def load(self) -> int:
        first = self.day(max(p.start for p in PLANS)) - dt.timedelta(days=1)
        with at(first, 9):  # the run that the coordinator's pairs made by hand belong to (matching is not run)
            run = MatchingRun.create(organisation=self.org, author=self.kurator, status=DONE, progress=100,
                                     step="Готово", finished_at=dt.datetime.now(),
                                     parameters_json=json.dumps(RunParameters().to_dict(), ensure_ascii=False))
        for plan in sorted(PLANS, key=lambda p: -p.start):
            self.story(run, plan)
        self.issue_orders()
        # the run holds only the pairs made by hand: none came from an optimal assignment
        mentors = {s.mentor_id for s in Suggestion.select(Suggestion.mentor).where(Suggestion.run == run)}
        MatchingRun.update(n_mentors=len(mentors), n_mentees=len(self.groups), n_suggestions=len(self.groups),
                           n_assigned=0).where(MatchingRun.id == run.id).execute()
        return len(self.groups)


def load_active_pairs(organisation) -> int:
    """Make the demo school's active pairs; returns how many."""
    today = dt.date.today()
    with current_app.test_request_context("/"):  # the pair notifications carry links
        return _Loader(organisation, today).load()
