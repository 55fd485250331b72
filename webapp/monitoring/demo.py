"""Demo data of the programme's life for the demo school (deterministic, seeded).

Monitoring needs history, so this makes its own small set of clearly ended pairs of the last two
school years (status «ended») with entry, mid and exit answers of mentors and mentees for four
forms of mentoring, the mentees' influence answers before (with the request) and after, the
mentors' results and students' term marks, so before/after and year-over-year have figures; plus the roadmap, practices, recognitions, training courses and news.
"""
from __future__ import annotations

import datetime as dt
import random

from webapp.db import database
from webapp.models import (Answer, Assignment, Award, GroupMember, MentoringGroup, NewsItem, OrderGroup, PairingOrder,
                           Practice, PracticeAuthor, Question, Response, RoadmapItem, TrainingCourse, User, UserRole)
from webapp.models.programme_life import APPROVED, DONE, IN_PROGRESS, PROPOSED
from webapp.models.questionnaire import SUBMITTED
from webapp.monitoring.assigning import monitoring_questionnaires
from webapp.roadmap.seed import school_year_start
from webapp.roadmap.services import prefill

SEED = 61
ITEMS = ("comfort", "usefulness", "support", "satisfaction", "expectations")
PAIRS = [("teacher_teacher", "teacher", "teacher", 8), ("student_student", "student", "student", 4),
         ("university_student_student", "university_student", "student", 2),
         ("employer_student", "employer", "student", 2)]
EARLIER_PAIRS = [("teacher_teacher", "teacher", "teacher", 5), ("student_student", "student", "student", 3),
                 ("employer_student", "employer", "student", 2)]
TEXTS = {
    "hopes": ["Хочу увереннее вести уроки и не бояться сложных классов.", "Жду помощи с подготовкой к олимпиаде.",
              "Надеюсь разобраться, как выбрать профиль и будущую профессию.", "Хочу научиться планировать своё время."],
    "worries": ["Мало свободного времени у обоих.", "Разное расписание уроков.", ""],
    "what_helped": ["Разбор моих уроков после посещения и конкретные советы.", "Регулярные встречи по вторникам.",
                    "Совместный проект и поездка на предприятие.", "Поддержка перед конкурсом и репетиции выступления."],
    "what_to_change": ["Больше времени на встречи во второй четверти.", "Начинать программу раньше, в сентябре.", ""],
    "difficulties": ["Иногда не совпадало время встреч.", "Пока всё хорошо.", ""],
}
IRO_COURSES = [
    ("Организация деятельности наставников по сопровождению профессионального становления молодых специалистов",
     dt.date(2022, 4, 11), dt.date(2022, 4, 15), 36),
    ("Совершенствование образовательного процесса в системе дополнительного образования через реализацию ЦМН",
     dt.date(2022, 11, 14), dt.date(2022, 11, 16), 24),
    ("Информационно-образовательные технологии в системе работы педагогов-наставников",
     dt.date(2022, 11, 14), dt.date(2022, 11, 16), 24),
]


def _people(org, role: str, category: str) -> list[User]:
    return list(User.select().join(UserRole).where((User.organisation == org) & (UserRole.role == role)
                                                   & (User.category == category)).order_by(User.id))


def _respond(group, user, role, stage, values, when, questions_cache) -> None:
    if ("stage", stage) not in questions_cache:  # looked up once per stage, not per answer sheet
        questions_cache[("stage", stage)] = monitoring_questionnaires(group.organisation_id, stage)
    questionnaire = questions_cache[("stage", stage)][role]
    version = questionnaire.published_version()
    assignment = Assignment.create(questionnaire=questionnaire, user=user, group_id=group.id, assigned_at=when,
                                   due_on=when.date() + dt.timedelta(days=14))
    response = Response.create(organisation=group.organisation_id, user=user, version=version, assignment=assignment,
                               group_id=group.id, status=SUBMITTED, started_at=when, updated_at=when,
                               submitted_at=when)
    if version.id not in questions_cache:
        questions_cache[version.id] = {q.key: q for q in Question.select().where(Question.version == version)}
    questions = questions_cache[version.id]
    for key, value in values.items():
        if key in questions and value not in ("", None):
            row = Answer(response=response, question=questions[key])
            row.value = value
            row.save()


def load_monitoring_pairs(org, rng: random.Random, year: int | None = None, pairs=PAIRS, order_base: int = 40,
                          gain: int = 0, mentees_from_end: bool = True) -> int:
    """Ended pairs of the school year that began in ``year`` (default: the last one) with entry, mid,
    exit and influence answers; ``gain`` shifts the «after» answers up (a better year)."""
    year = school_year_start() - 1 if year is None else year
    started, mid, ended = dt.date(year, 10, 1), dt.datetime(year + 1, 1, 20, 15), dt.date(year + 1, 5, 25)
    cache: dict = {}
    made = 0
    order = PairingOrder.create(organisation=org, number=f"{order_base}-о", signed_on=started, kind="pairs",
                                school_year=year,
                                basis="Положением о системе наставничества педагогических работников и обучающихся",
                                curator=org.curator_id)
    used: set[int] = set()  # a mentee is in one pair of the year
    for form, mentor_category, mentee_category, count in pairs:
        mentors = _people(org, "mentor", mentor_category)
        mentees = [u for u in _people(org, "mentee", mentee_category) if u.id not in used]
        if mentees_from_end:
            mentees.reverse()
        for index in range(min(count, len(mentors), len(mentees))):
            mentee = mentees[index]
            mentor = next(m for m in mentors[index:] + mentors[:index] if m.id != mentee.id)
            used.add(mentee.id)
            early = index == 1 and form == "student_student"
            group = MentoringGroup.create(organisation=org, form=form, status="ended", stage=5, started_on=started,
                                          planned_end_on=ended, ended_on=dt.date(year + 1, 2, 15) if early else ended,
                                          end_reason=("Наставляемый перешёл в другую школу" if early else
                                                      "Программа завершена (демонстрационные данные)"),
                                          order_number=order.number, order_date=started)
            OrderGroup.create(order=order, group=group)
            GroupMember.create(group=group, user=mentor, role="mentor")
            GroupMember.create(group=group, user=mentee, role="mentee")
            made += 1
            for role, user in (("mentor", mentor), ("mentee", mentee)):
                entry = {k: rng.randint(3, 7) for k in ITEMS}
                exit_ = {k: min(10, v + rng.choice([0, 1, 2, 2, 3, 3, 4])) for k, v in entry.items()}
                _respond(group, user, role, "entry", {**entry, "hopes": rng.choice(TEXTS["hopes"]),
                                                      "worries": rng.choice(TEXTS["worries"])},
                         dt.datetime.combine(started, dt.time(14)) + dt.timedelta(days=7), cache)
                if rng.random() < 0.85:
                    middle = {k: min(10, entry[k] + rng.randint(0, 2)) for k in ("comfort", "usefulness", "satisfaction")}
                    _respond(group, user, role, "mid", {**middle, "meetings": rng.randint(2, 6),
                                                        "difficulties": rng.choice(TEXTS["difficulties"])}, mid, cache)
                if rng.random() < 0.9:
                    flags = {"would_continue": rng.random() < 0.8}
                    flags["mentor_again" if role == "mentor" else "become_mentor"] = rng.random() < 0.6
                    _respond(group, user, role, "exit", {**exit_, **flags, "what_helped": rng.choice(TEXTS["what_helped"]),
                                                        "what_to_change": rng.choice(TEXTS["what_to_change"])},
                             dt.datetime.combine(ended, dt.time(12)) - dt.timedelta(days=3), cache)
                else:  # asked, did not answer: the response rate is below 100 %
                    questionnaire = monitoring_questionnaires(org, "exit")[role]
                    Assignment.create(questionnaire=questionnaire, user=user, group_id=group.id)
            load_influence(group, mentor, mentee, rng, started, ended, gain, cache)
            load_programme_journal(group, mentor, random.Random(SEED * 1000 + made), started, group.ended_on)
    return made


PLAN = ("Установочная встреча, согласование плана", "Посещение и разбор занятий", "Промежуточная рефлексия",
        "Подготовка к конкурсу или открытому занятию", "Итоговая встреча и самоанализ")


def load_programme_journal(group, mentor, rng: random.Random, started: dt.date, ended: dt.date) -> None:
    """A programme with five dated plan items (most done on time) and a meeting journal, so the
    process indicators (plan done on time, meetings per month) have figures."""
    from webapp.models import MeetingLog, PlanItem, Programme
    from webapp.models.programme import DONE_ITEM, PLANNED
    programme = Programme.create(group=group, goals="Решение задач из запроса наставляемого",
                                 tasks="По плану персонализированной программы")
    length = (ended - started).days
    for position, name in enumerate(PLAN):
        deadline = started + dt.timedelta(days=length * (position + 1) // len(PLAN))
        if deadline > ended:
            status, done_on = PLANNED, None
        else:
            late = rng.random() < 0.2
            status, done_on = DONE_ITEM, deadline + dt.timedelta(days=rng.randint(3, 20) if late else -rng.randint(0, 5))
        PlanItem.create(programme=programme, position=position, name=name, deadline=deadline,
                        responsible="наставник", status=status, done_on=done_on)
    day = started + dt.timedelta(days=rng.randint(2, 9))
    while day <= ended:
        MeetingLog.create(programme=programme, met_on=day, topic="Встреча по плану программы", author=mentor,
                          duration_minutes=rng.choice([30, 45, 60]))
        day += dt.timedelta(days=rng.choice([7, 10, 14, 14, 21]))


def influence_values(user, rng: random.Random, gain: int) -> tuple[dict, dict]:
    """(before, after) answers of the influence questionnaires for a mentee of ``user``'s category."""
    from webapp.monitoring.influence import BURNOUT_ITEMS, STUDENT_KEYS
    from webapp.questionnaires.responses import PROBLEM_PREFIX, requested_problems
    before: dict = {}
    after: dict = {}
    if user.category == "teacher":
        keys = [PROBLEM_PREFIX + p for p in sorted(requested_problems(user) or {"young_teacher_adaptation"})]
        keys += ["ict", "stay_intention"]
        for key in keys:
            before[key] = rng.randint(3, 6)
            after[key] = min(10, before[key] + rng.choice([0, 1, 1, 2, 2, 3]) + gain)
        for key in BURNOUT_ITEMS:
            before[key] = rng.randint(5, 8)
            after[key] = max(1, before[key] - rng.choice([0, 1, 1, 2]) - gain)
        before["contests"] = rng.randint(0, 1)
        after["contests"] = before["contests"] + rng.choice([0, 1, 1])
    else:
        for key in STUDENT_KEYS:
            if key in ("olympiads", "olympiad_awards"):
                before[key] = rng.randint(0, 2)
                after[key] = before[key] + rng.choice([0, 0, 1, 2])
            else:
                before[key] = rng.randint(3, 7)
                after[key] = min(10, before[key] + rng.choice([-1, 0, 1, 1, 2, 3]) + gain)
    return before, after


def _respond_alone(org, user, questionnaire, values, when, cache) -> None:
    """A submitted response outside any pair (the «before» asked with the request)."""
    version = questionnaire.published_version()
    response = Response.create(organisation=org, user=user, version=version, status=SUBMITTED, started_at=when,
                               updated_at=when, submitted_at=when)
    if version.id not in cache:
        cache[version.id] = {q.key: q for q in Question.select().where(Question.version == version)}
    for key, value in values.items():
        if key in cache[version.id]:
            row = Answer(response=response, question=cache[version.id][key])
            row.value = value
            row.save()


def load_influence(group, mentor, mentee, rng: random.Random, started: dt.date, ended: dt.date, gain: int,
                   cache: dict) -> None:
    """The mentee's «before» with the request, the mentee's and mentor's results by the end, and the
    student's term marks in two subjects at the start and the end of the year."""
    from webapp.models import Questionnaire, TermMark
    from webapp.models.questionnaire import INFLUENCE_BEFORE
    before_q = Questionnaire.get((Questionnaire.organisation == group.organisation_id)
                                 & (Questionnaire.purpose == INFLUENCE_BEFORE) & (Questionnaire.role == "mentee"))
    before, after = influence_values(mentee, rng, gain)
    _respond_alone(group.organisation_id, mentee, before_q, before,
                   dt.datetime.combine(started, dt.time(16)) - dt.timedelta(days=20), cache)
    when = dt.datetime.combine(ended, dt.time(13)) - dt.timedelta(days=2)
    if rng.random() < 0.92:
        _respond(group, mentee, "mentee", "outcome", after, when, cache)
    else:  # asked, did not answer
        Assignment.create(questionnaire=monitoring_questionnaires(group.organisation_id, "outcome")["mentee"],
                          user=mentee, group_id=group.id)
    mentor_values = {"growth": rng.randint(6, 10), "readiness_continue": rng.randint(5, 10),
                     "kurator_support": rng.randint(4, 9), "lesson_quality": rng.randint(6, 9),
                     "own_growth_text": "Научился(ась) планировать встречи и давать обратную связь."}
    _respond(group, mentor, "mentor", "outcome", mentor_values, when, cache)
    has_marks = TermMark.select().where((TermMark.user == mentee) & (TermMark.school_year == started.year)).exists()
    if mentee.category in ("student", "university_student") and not has_marks:  # once, though in two pairs
        for subject in ("математика", "русский язык"):
            first = rng.choice([3.0, 3.0, 3.5, 4.0, 4.0])
            TermMark.create(organisation=group.organisation_id, user=mentee, school_year=started.year, moment="before", subject=subject, mark=first)
            TermMark.create(organisation=group.organisation_id, user=mentee, school_year=started.year, moment="after", subject=subject,
                            mark=min(5.0, first + rng.choice([0.0, 0.5, 0.5, 1.0]) + 0.5 * gain))


def load_roadmap_and_news(org, kurator) -> None:
    prefill(org)
    today = dt.date.today()
    items = list(RoadmapItem.select().where(RoadmapItem.organisation == org).order_by(RoadmapItem.step,
                                                                                    RoadmapItem.position))
    for item in items:
        if item.due_on and item.due_on < today - dt.timedelta(days=20):
            item.status = DONE
        elif item.due_on and item.due_on < today + dt.timedelta(days=30):
            item.status = IN_PROGRESS
        item.save()
    late = next((i for i in items if i.due_on and i.due_on < today and i.step == 1), None)
    if late is not None:  # one overdue item, so the table shows how it stands out
        late.status = IN_PROGRESS
        late.save()
    now = dt.datetime.now()
    by_step = {i.step: i for i in items}
    news = [("Утверждено Положение о системе наставничества", "Приказом руководителя утверждены Положение о системе "
             "наставничества педагогических работников и дорожная карта на учебный год.", by_step.get(1), 40),
            ("Установочная сессия для наставников", "В методическом кабинете прошла установочная сессия: наставники "
             "обсудили персонализированные программы и обменялись опытом.", by_step.get(4), 20),
            ("Итоги мониторинга прошлого года", "По итогам анкетирования участники отметили рост комфорта общения и "
             "пользы встреч. Подробности — на странице мониторинга.", by_step.get(6), 5)]
    for title, body, item, days in news:
        NewsItem.create(organisation=org, title=title, body=body, roadmap_item=item, published=True,
                        published_at=now - dt.timedelta(days=days), author=kurator,
                        created_at=now - dt.timedelta(days=days), updated_at=now - dt.timedelta(days=days))
    NewsItem.create(organisation=org, title="Школьная конференция наставников (черновик)",
                    body="Приглашаем на школьную конференцию в мае.", roadmap_item=by_step.get(6), author=kurator)


def load_practices_and_recognition(org, kurator, rng: random.Random) -> None:
    teachers = _people(org, "mentor", "teacher")
    practices = [("Разбор урока «по горячим следам»", "Наставник посещает урок молодого педагога и в тот же день "
                  "разбирает его по трём вопросам: что получилось, что мешало, что попробовать завтра.",
                  "teacher_teacher", "адаптация, посещение уроков", APPROVED),
                 ("Клуб подготовки к олимпиадам «Равный — равному»", "Старшеклассники-наставники ведут еженедельный "
                  "клуб решения олимпиадных задач для учеников 7–8 классов.", "student_student",
                  "одарённые дети, олимпиады", APPROVED),
                 ("День на предприятии", "Представитель работодателя проводит для наставляемых экскурсию и мастер-класс "
                  "по профессии, затем ученики защищают мини-проект.", "employer_student",
                  "профориентация, проектная деятельность", APPROVED),
                 ("Реверсивный час цифровых инструментов", "Молодые педагоги показывают опытным коллегам онлайн-доски "
                  "и сервисы для тестов.", "teacher_teacher", "IT, реверсивное наставничество", PROPOSED)]
    for index, (title, description, form, tags, status) in enumerate(practices):
        author = teachers[index % len(teachers)] if teachers else kurator
        practice = Practice.create(organisation=org, title=title, description=description, form=form, tags=tags.replace(", ", ","),
                                   status=status, proposed_by=author,
                                   reviewed_by=kurator if status == APPROVED else None,
                                   reviewed_at=dt.datetime.now() if status == APPROVED else None)
        PracticeAuthor.create(practice=practice, user=author)
    kinds = [("gramota", "Почётная грамота за работу с молодыми специалистами", "Управление образования"),
             ("thanks", "Благодарность за подготовку победителей олимпиады", "Директор школы"),
             ("badge", "Знак «За наставничество»", "Министерство образования области"),
             ("conference", "Участие в региональной конференции «Наставничество: практики и результаты»",
              "Региональный наставнический центр"),
             ("contest", "Участие в конкурсе «Наставник года»", "Управление образования")]
    year = school_year_start() - 1
    for index, teacher in enumerate(teachers[:6]):
        kind, title, issuer = kinds[index % len(kinds)]
        Award.create(organisation=org, user=teacher, kind=kind, title=title, issued_by=issuer, created_by=kurator,
                     awarded_on=dt.date(year + 1, rng.randint(1, 5), rng.randint(1, 28)))
        name, start, end, hours = IRO_COURSES[index % len(IRO_COURSES)]
        TrainingCourse.create(organisation=org, user=teacher, name=name, organiser="ИРО", started_on=start,
                              ended_on=end, hours=hours, created_by=kurator)


def load_programme_life(org) -> str:
    rng = random.Random(SEED)
    kurator = User.get_or_none((User.organisation == org) & (User.login == "kurator"))
    with database.atomic():
        year = school_year_start() - 1
        pairs = load_monitoring_pairs(org, rng, year - 1, EARLIER_PAIRS, order_base=10, mentees_from_end=False)
        pairs += load_monitoring_pairs(org, rng, year, PAIRS, order_base=40, gain=1)
        load_roadmap_and_news(org, kurator)
        load_practices_and_recognition(org, kurator, rng)
    return f"{pairs} завершённых пар двух учебных лет с анкетами мониторинга"
