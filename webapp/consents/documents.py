"""Printable consent forms (DOCX): personal data (ст. 9 Федерального закона № 152-ФЗ) and taking part.

One document holds the forms of one or many people; every form starts on a new page. What is
known is filled in (organisation, the person's ФИО, class or position, the legal representative
if a consent was recorded before); the rest is left as blanks to fill in by hand.
"""
from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from webapp.consents.services import is_minor, states_for
from webapp.labels import CATEGORY_LABELS

BLANK = "_" * 30
SHORT_BLANK = "_" * 12

PURPOSES = [
    "организация и реализация программы наставничества в соответствии с целевой моделью наставничества;",
    "формирование банка наставников и банка наставляемых, подбор наставнических пар (групп);",
    "подготовка приказов о закреплении наставнических пар (групп) и персонализированных программ наставничества;",
    "мониторинг и оценка эффективности программы наставничества, подготовка отчётности;",
]
DATA = [
    "фамилия, имя, отчество;",
    "категория участника (педагог, обучающийся, студент, представитель работодателя);",
    "класс (для обучающихся), должность, место работы или учёбы;",
    "преподаваемые или изучаемые предметы;",
    "адрес электронной почты, логин в информационной системе «Наставник»;",
    "ответы на анкеты наставника (наставляемого): профессиональные запросы и компетенции, интересы, "
    "удобные форма, формат и время встреч;",
    "сведения о закреплении в наставнической паре (группе) и результаты мониторинга.",
]
ACTIONS = ("сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), "
           "извлечение, использование, передача (предоставление, доступ) куратору программы наставничества, "
           "наставнику (наставляемому) в закреплённой паре (группе) и руководителю Оператора, обезличивание, "
           "блокирование, удаление, уничтожение — с использованием средств автоматизации и без них")


def _role_words(user, genitive: bool = True) -> str:
    roles = user.role_set
    if {"mentor", "mentee"} <= roles:
        return "наставника и наставляемого"
    if "mentor" in roles:
        return "наставника"
    return "наставляемого"


def _who(user) -> str:
    label = str(CATEGORY_LABELS.get(user.category, user.category))
    detail = f"{user.class_name} класс" if user.class_name else user.position
    return f"{label}, {detail}" if detail else label


def _setup(document) -> None:
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    style.paragraph_format.space_after = Pt(4)
    for section in document.sections:
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin, section.right_margin = Cm(3), Cm(1.5)


def _title(document, *lines) -> None:
    for index, line in enumerate(lines):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(line)
        run.bold = index == 0


def _para(document, text: str, *, bold_prefix: str = ""):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if bold_prefix:
        paragraph.add_run(bold_prefix).bold = True
    paragraph.add_run(text)
    return paragraph


def _signature(document, signer: str) -> None:
    document.add_paragraph()
    document.add_paragraph(f"«___» ____________ 20___ г.        __________________ / {signer}")
    note = document.add_paragraph("(дата)                                              (подпись)        (расшифровка подписи)")
    note.runs[0].font.size = Pt(9)


def _opening(user, organisation, representative) -> tuple[str, str]:
    """(first paragraph, signer) for a person or for a minor's legal representative."""
    if is_minor(user):
        name = representative.representative_name if representative else BLANK
        relation = representative.representative_relation if representative else SHORT_BLANK
        text = (f"Я, {name}, паспорт: серия {SHORT_BLANK} номер {SHORT_BLANK}, выдан {BLANK}, "
                f"являясь законным представителем ({relation}) несовершеннолетнего(ей) {user.full_name} "
                f"({_who(user)}), ")
        return text, (representative.representative_name if representative else BLANK)
    text = (f"Я, {user.full_name} ({_who(user)}), паспорт: серия {SHORT_BLANK} номер {SHORT_BLANK}, "
            f"выдан {BLANK}, ")
    return text, user.full_name


def personal_data_form(document, user, organisation, representative=None) -> None:
    minor = is_minor(user)
    _title(document, "СОГЛАСИЕ", "на обработку персональных данных"
           + (" несовершеннолетнего" if minor else ""))
    opening, signer = _opening(user, organisation, representative)
    whose = "персональных данных несовершеннолетнего(ей), законным представителем которого(ой) я являюсь" \
        if minor else "моих персональных данных"
    _para(document, opening + "в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ "
          f"«О персональных данных» свободно, своей волей и в своём интересе даю согласие {organisation.name} "
          f"(далее — Оператор), адрес: {BLANK}, на обработку {whose} на следующих условиях.")
    _para(document, "", bold_prefix="1. Цели обработки:")
    for item in PURPOSES:
        document.add_paragraph(item, style="List Bullet")
    _para(document, "", bold_prefix="2. Перечень персональных данных, на обработку которых даётся согласие:")
    for item in DATA:
        document.add_paragraph(item, style="List Bullet")
    _para(document, f" {ACTIONS}.", bold_prefix="3. Перечень действий с персональными данными:")
    _para(document, " настоящее согласие действует со дня его подписания до достижения целей обработки "
          "(окончания участия в программе наставничества) или до дня его отзыва. По достижении целей "
          "обработки или при отзыве согласия персональные данные уничтожаются в срок, не превышающий "
          "тридцати дней, если иное не предусмотрено федеральным законом.", bold_prefix="4. Срок действия согласия:")
    _para(document, " согласие может быть отозвано в любой момент письменным заявлением, поданным Оператору "
          "(часть 2 статьи 9 Федерального закона № 152-ФЗ), либо в личном кабинете информационной системы "
          "«Наставник». После отзыва согласия участник исключается из банка наставников (наставляемых), а "
          "его анкетные данные не используются. Оператор вправе продолжить обработку без согласия при "
          "наличии оснований, указанных в пунктах 2–11 части 1 статьи 6, части 2 статьи 10 и части 2 "
          "статьи 11 Федерального закона № 152-ФЗ.", bold_prefix="5. Порядок отзыва:")
    _para(document, "Подтверждаю, что ознакомлен(а) с положениями Федерального закона от 27.07.2006 № 152-ФЗ "
          "«О персональных данных», права и обязанности в области защиты персональных данных мне разъяснены.")
    _signature(document, signer)


def participation_form(document, user, organisation, representative=None) -> None:
    minor = is_minor(user)
    _title(document, "ПИСЬМЕННОЕ СОГЛАСИЕ", "на участие в программе наставничества")
    opening, signer = _opening(user, organisation, representative)
    if minor:
        body = (f"даю согласие на участие несовершеннолетнего(ей) {user.full_name} в программе наставничества "
                f"{organisation.name} в качестве {_role_words(user)}.")
    else:
        body = (f"даю согласие на участие в программе наставничества {organisation.name} в качестве "
                f"{_role_words(user)}.")
    _para(document, opening + body)
    _para(document, "Мне разъяснено, что программа наставничества реализуется в соответствии с Положением о "
          "системе наставничества Оператора и целевой моделью наставничества; участие в программе "
          "добровольное; закрепление наставнической пары (группы) оформляется приказом руководителя "
          "образовательной организации.")
    _para(document, "Обязуюсь (обязуемся) участвовать в разработке и выполнении персонализированной программы "
          "наставничества, во встречах наставнической пары (группы) и в анкетировании для мониторинга "
          "эффективности программы.")
    _para(document, "Я вправе отказаться от участия в программе в любое время, письменно уведомив куратора "
          "программы наставничества.")
    _signature(document, signer)


def consent_forms(users, organisation) -> bytes:
    """Both forms for each person, every form on its own page, as DOCX bytes."""
    document = Document()
    _setup(document)
    states = states_for(users)
    first = True
    for user in users:
        representative = states[user.id].latest_representative()
        for build in (personal_data_form, participation_form):
            if not first:
                document.add_page_break()
            first = False
            build(document, user, organisation, representative)
    if first:
        document.add_paragraph("Нет участников для печати согласий.")
    out = BytesIO()
    document.save(out)
    return out.getvalue()
