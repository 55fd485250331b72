"""A filtered bank as an XLSX workbook: one row per person, one column per question."""
from __future__ import annotations

from io import BytesIO

from webapp import export_text
from webapp.banks.answers import PURPOSE_OF_ROLE, questionnaire_status, responses_for
from webapp.consents import services as consents
from webapp.labels import CATEGORY_LABELS
from webapp.models import Question, Questionnaire, QuestionnaireVersion, Response
from webapp.models.questionnaire import PUBLISHED

QUESTIONNAIRE_STATUS_LABELS = {"not_started": "не начата", "draft": "черновик", "submitted": "отправлена"}
CONSENT_STATUS_LABELS = {"none": "нет", "partial": "неполные", "complete": "получены",
                         "revoked": "отозваны"}
PERSON_HEADERS = ["ФИО", "Категория", "Класс / должность", "Предметы", "Статус анкеты", "Согласия"]
HIDDEN = "ответы скрыты: согласие отозвано"


def question_columns(organisation, purpose: str) -> list[tuple[tuple[int, str], str]]:
    """((questionnaire id, question key), header) for the published or answered versions, in order."""
    answered = (Response.select(Response.version).distinct()
                .join(QuestionnaireVersion).join(Questionnaire)
                .where((Questionnaire.organisation == organisation) & (Questionnaire.purpose == purpose)))
    questions = (Question.select(Question, QuestionnaireVersion, Questionnaire)
                 .join(QuestionnaireVersion).join(Questionnaire)
                 .where((Questionnaire.organisation == organisation) & (Questionnaire.purpose == purpose)
                        & ((QuestionnaireVersion.status == PUBLISHED) | QuestionnaireVersion.id.in_(answered)))
                 .order_by(Questionnaire.id, QuestionnaireVersion.number.desc(), Question.position, Question.id))
    columns: dict[tuple[int, str], str] = {}
    several = len({q.version.questionnaire_id for q in questions}) > 1
    for question in questions:
        key = (question.version.questionnaire_id, question.key)
        if key not in columns:  # the newest version's wording wins
            title = question.version.questionnaire.title
            columns[key] = f"{title}: {question.text}" if several else question.text
    return list(columns.items())


def bank_workbook(organisation, role: str, users) -> bytes:
    from openpyxl import Workbook  # on first export, not at app start (openpyxl brings numpy)
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    purpose = PURPOSE_OF_ROLE[role]
    columns = question_columns(organisation, purpose)
    views = responses_for([u.id for u in users], purposes=[purpose])
    states = consents.states_for(users)
    book = Workbook()
    sheet = book.active
    sheet.title = "Банк наставников" if role == "mentor" else "Банк наставляемых"
    export_text.append(sheet, PERSON_HEADERS + [str(header) for _, header in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for user in users:
        state = states[user.id]
        person = [str(user.full_name), str(CATEGORY_LABELS.get(user.category, user.category)),
                  str(user.class_name or user.position), str(", ".join(user.subject_list)),
                  QUESTIONNAIRE_STATUS_LABELS[questionnaire_status(views[user.id])],
                  CONSENT_STATUS_LABELS[state.status]]
        if state.answers_hidden:
            export_text.append(sheet, person + ([HIDDEN] if columns else []))
            continue
        found: dict[tuple[int, str], str] = {}
        # submitted responses first, then the newest: the first answer found for a column wins
        ordered = sorted(views[user.id], key=lambda v: v.response.status != "submitted")
        for view in ordered:
            for answer in view.answers:
                found.setdefault((view.questionnaire.id, answer.question.key), answer.text)
        export_text.append(sheet, person + [str(found.get(key, "")) for key, _ in columns])
    for index in range(1, len(PERSON_HEADERS) + len(columns) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 32 if index == 1 else 24
    sheet.freeze_panes = "B2"
    out = BytesIO()
    book.save(out)
    return out.getvalue()
