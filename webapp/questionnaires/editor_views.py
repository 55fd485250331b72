"""The coordinator's questionnaire editor: list, versions, questions, preview, publish."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp import confirmation
from matching.catalogue import FORM_LABELS
from webapp.access import in_my_school_or_404, staff_only
from webapp.form_errors import error_text
from webapp.models import Question, Questionnaire, QuestionnaireVersion
from webapp.models.questionnaire import QUESTION_TYPES
from webapp.models.user import CATEGORIES
from webapp.questionnaires import editor
from webapp.questionnaires.assigning import STATUS_LABELS, status_list
from webapp.questionnaires.display import by_section
from webapp.questionnaires.question_form import MoveQuestionForm, QuestionForm
from webapp.questionnaires.loader import FEATURES
from webapp.questionnaires.validation import shown_from_value
from webapp.questionnaires.views import bp

TYPE_LABELS = {
    "single": "один вариант", "multiple": "несколько вариантов", "ranked": "несколько вариантов с приоритетом",
    "scale": "шкала 1–10", "yesno": "да / нет", "short_text": "короткий текст", "long_text": "развёрнутый ответ",
    "number": "число", "date": "дата",
}
FEATURE_LABELS = {
    "": "—", "competences": "компетенции наставника", "requests": "запрос наставляемого", "subjects": "предметы",
    "formats": "формат встреч", "availability": "время встреч", "capacity": "число наставляемых",
    "experience": "стаж", "forms": "формы наставничества", "types": "виды наставничества",
    "about": "текст о себе / о запросе", "goals": "цели",
}
PURPOSE_LABELS = {
    "mentor_profile": "профиль наставника", "mentee_request": "запрос наставляемого",
    "monitoring_entry": "входной мониторинг", "monitoring_mid": "промежуточный опрос",
    "monitoring_exit": "итоговый мониторинг",
    "influence_before": "результаты участия: до программы", "influence_after": "результаты участия: по итогам",
}
VERSION_LABELS = {"draft": "черновик", "published": "опубликована", "archived": "в архиве"}


def _questionnaire(questionnaire_id: int) -> Questionnaire:
    return in_my_school_or_404(Questionnaire, questionnaire_id)


def _version(version_id: int) -> QuestionnaireVersion:
    version = QuestionnaireVersion.get_or_none(QuestionnaireVersion.id == version_id)
    if version is None:
        abort(404)
    _questionnaire(version.questionnaire_id)
    return version


def _question(question_id: int) -> Question:
    question = Question.get_or_none(Question.id == question_id)
    if question is None:
        abort(404)
    _version(question.version_id)
    return question


def _choices() -> dict:
    return dict(type_labels=TYPE_LABELS, feature_labels={k: FEATURE_LABELS[k] for k in ("",) + FEATURES},
                category_keys=CATEGORIES, form_labels=FORM_LABELS, question_types=QUESTION_TYPES)


@bp.app_context_processor
def _editor_labels():
    return {"PURPOSE_LABELS": PURPOSE_LABELS, "VERSION_LABELS": VERSION_LABELS, "TYPE_LABELS": TYPE_LABELS}


@bp.route("")
@staff_only
def index():
    questionnaires = (Questionnaire.select().where(Questionnaire.organisation == current_user.organisation_id)
                      .order_by(Questionnaire.id))
    return render_template("questionnaires/index.html", questionnaires=questionnaires)


@bp.route("/<int:questionnaire_id>")
@staff_only
def show(questionnaire_id: int):
    from webapp.questionnaires.assign_views import assign_context
    questionnaire = _questionnaire(questionnaire_id)
    only = request.args.get("status", "")
    only = only if only in STATUS_LABELS else ""
    versions = questionnaire.versions.order_by(QuestionnaireVersion.number.desc())
    return render_template("questionnaires/show.html", questionnaire=questionnaire, versions=versions,
                           draft=editor.draft_of(questionnaire), rows=status_list(questionnaire, only), only=only,
                           **assign_context(questionnaire))


@bp.route("/<int:questionnaire_id>/drafts", methods=["POST"])
@staff_only
def new_draft(questionnaire_id: int):
    draft = editor.new_draft(_questionnaire(questionnaire_id), current_user)
    return redirect(url_for("questionnaires.edit_version", version_id=draft.id), 303)


def _version_page(version, form=None, status=200):
    form = form or QuestionForm(formdata=None)
    return render_template("questionnaires/version.html", version=version, questionnaire=version.questionnaire,
                           questions=list(version.ordered_questions()), form=form, errors=form.field_errors(),
                           **_choices()), status


@bp.route("/versions/<int:version_id>")
@staff_only
def edit_version(version_id: int):
    return _version_page(_version(version_id))


@bp.route("/versions/<int:version_id>/preview")
@staff_only
def preview(version_id: int):
    version = _version(version_id)
    category = request.args.get("category", "")
    questions = [q for q in version.ordered_questions()
                 if not category or not q.category_list or category in q.category_list]
    return render_template("questionnaires/preview.html", version=version, questionnaire=version.questionnaire,
                           sections=by_section(questions), category=category, category_keys=CATEGORIES,
                           values={q.id: shown_from_value(q, None) for q in questions})


@bp.route("/versions/<int:version_id>/questions", methods=["POST"])
@staff_only
def add_question(version_id: int):
    version = _version(version_id)
    if version.status != "draft":
        abort(409)
    form = QuestionForm(taken_keys={q.key for q in version.questions})
    if not form.validate():
        return _version_page(version, form, 400)
    editor.add_question(version, form.as_spec())
    flash(_("Вопрос добавлен."), "success")
    return redirect(url_for("questionnaires.edit_version", version_id=version.id), 303)


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@staff_only
def edit_question(question_id: int):
    question = _question(question_id)
    version = question.version
    if version.status != "draft":
        abort(409)
    if request.method == "POST":
        form = QuestionForm(taken_keys={q.key for q in version.questions if q.id != question.id})
        if form.validate():
            editor.update_question(question, form.as_spec())
            flash(_("Вопрос сохранён."), "success")
            return redirect(url_for("questionnaires.edit_version", version_id=version.id), 303)
    else:
        form = QuestionForm.of_question(question, editor.options_text(question))
    errors = form.field_errors()
    return render_template("questionnaires/question_edit.html", question=question, version=version, form=form,
                           errors=errors, **_choices()), 400 if errors else 200


@bp.route("/questions/<int:question_id>/move", methods=["POST"])
@staff_only
def move_question(question_id: int):
    question = _question(question_id)
    back = url_for("questionnaires.edit_version", version_id=question.version_id) + f"#question-{question.id}"
    form = MoveQuestionForm()
    if not form.validate():
        flash(error_text(form), "error")
        return redirect(back, 303)
    try:
        editor.move_question(question, form.direction.data)
    except editor.NotEditable:
        abort(409)
    return redirect(back, 303)


@bp.route("/questions/<int:question_id>/delete", methods=["POST"])
@staff_only
def delete_question(question_id: int):
    question = _question(question_id)
    asked = confirmation.ask(_("Удалить вопрос «%(text)s»?", text=question.text), button=_("Да, удалить вопрос"),
                             back=url_for("questionnaires.edit_version", version_id=question.version_id))
    if asked is not None:
        return asked
    try:
        editor.delete_question(question)
    except editor.NotEditable:
        abort(409)
    flash(_("Вопрос удалён."), "success")
    return redirect(url_for("questionnaires.edit_version", version_id=question.version_id), 303)


@bp.route("/versions/<int:version_id>/publish", methods=["POST"])
@staff_only
def publish(version_id: int):
    version = _version(version_id)
    if not version.questions.count():
        flash(_("В версии нет ни одного вопроса: публиковать нечего."), "error")
        return redirect(url_for("questionnaires.edit_version", version_id=version.id), 303)
    try:
        editor.publish(version, current_user)
    except editor.NotEditable:
        abort(409)
    flash(_("Версия %(n)s опубликована; предыдущая перенесена в архив. Уже данные ответы сохранены.", n=version.number),
          "success")
    return redirect(url_for("questionnaires.show", questionnaire_id=version.questionnaire_id), 303)
