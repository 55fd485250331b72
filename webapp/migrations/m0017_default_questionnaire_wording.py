"""One form of address in the default questionnaires: students are addressed as «вы», like adults (the
files said «ты» to them), and no tautology («IT-технологии»).

Only stored text that is still exactly as shipped is rewritten (questionnaire questions, sections,
help texts and option labels of every school): a coordinator's own wording is left as typed. New
schools get the new wording from webapp/questionnaires/data. The texts are frozen here, as every
migration describes the data as it was at its version.

The «goals» question of an existing school stays one question for every category; its help showed a
teacher's, a 9th-grader's and a 10th-grader's example to everyone, so it becomes examples that fit
anyone (new schools get a teacher's and a student's version of the question, each with its own).
"""
import peewee as pw

VERSION = 17

REWORDS = {
    "Насколько тебе интересно учиться?": "Насколько вам интересно учиться?",
    "В скольких олимпиадах, конкурсах и проектах ты участвовал(а) за этот учебный год?":
        "В скольких олимпиадах, конкурсах и проектах вы участвовали за этот учебный год?",
    "В скольких олимпиадах, конкурсах и проектах ты участвовал(а) за прошлый учебный год?":
        "В скольких олимпиадах, конкурсах и проектах вы участвовали за прошлый учебный год?",
    "Сколько раз ты стал(а) победителем или призёром за этот учебный год?":
        "Сколько раз вы становились победителем или призёром за этот учебный год?",
    "Сколько раз ты стал(а) победителем или призёром за прошлый учебный год?":
        "Сколько раз вы становились победителем или призёром за прошлый учебный год?",
    "Насколько ясно ты представляешь свой профиль обучения и будущую профессию?":
        "Насколько ясно вы представляете свой профиль обучения и будущую профессию?",
    "Ты и коллектив": "Вы и коллектив",
    "Насколько активно ты участвуешь в жизни школы, волонтёрстве, общественных делах?":
        "Насколько активно вы участвуете в жизни школы, волонтёрстве, общественных делах?",
    "Насколько комфортно тебе в классе и школьном коллективе?": "Насколько комфортно вам в классе и школьном коллективе?",
    "Насколько легко тебе выступать перед классом, задавать вопросы и просить о помощи?":
        "Насколько легко вам выступать перед классом, задавать вопросы и просить о помощи?",
    "С чем тебе нужна помощь? Расставь по важности.": "С чем вам нужна помощь? Расставьте по важности.",
    "Поставь 1 самому важному, 2 — следующему и так далее. Можно выбрать до трёх.":
        "Поставьте 1 самому важному, 2 — следующему и так далее. Можно выбрать до трёх.",
    "Какие профессии тебе интересны?": "Какие профессии вам интересны?",
    "Оцените свою компетентность: развитие IT-технологий": "Оцените свою компетентность: освоение информационных технологий",
    "Развитие IT-технологий": "Освоение информационных технологий",
    "Например: «подготовить открытый урок», «сдать ОГЭ по математике на 4», «выбрать профиль в 10 классе».":
        "Например: чему вы хотите научиться и какой результат получить к концу года.",
}

QUESTION = pw.Table("question", ("id", "text", "section", "help_text"))
OPTION = pw.Table("question_option", ("id", "label"))
COLUMNS = ((QUESTION, ("text", "section", "help_text")), (OPTION, ("label",)))


def upgrade(db, migrator):
    with db.atomic():
        for table, columns in COLUMNS:
            for column in columns:
                field = getattr(table, column)
                for old, new in REWORDS.items():
                    table.update({field: new}).where(field == old).bind(db).execute()
