"""A filled-in questionnaire as posted: the plain Save/Submit form and one answer's autosave.

The form's fields are the questions of the response's version (``q<id>``, a list for multiple
choice, ``q<id>_r_<option>`` per option of a ranked question, see ``validation``) and the answer
versions the page showed (``v<id>``). ``AnswersForm`` turns them into plain data at the edge —
``PostedAnswers`` — so the responses service never reads a request; each answer is then checked by
``validation.check`` (Russian messages, what was typed kept).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import StringField

from webapp.models.questionnaire import MULTIPLE, RANKED, SCALE, SINGLE, YESNO
from webapp.questionnaires.validation import field_name

SUBMIT = "submit"


@dataclass(frozen=True)
class PostedAnswers:
    """Raw answers by question id (only the questions the form carried) and the versions the page showed."""
    raws: dict[int, Any] = field(default_factory=dict)
    bases: dict[int, int] = field(default_factory=dict)


def raw_answer(question, form) -> Any:
    """The part of a submitted form that answers ``question``."""
    name = field_name(question)
    if question.qtype == MULTIPLE:
        return form.getlist(name)
    if question.qtype == RANKED:
        prefix = f"{name}_r_"
        return {key[len(prefix):]: form.get(key, "") for key in form if key.startswith(prefix)}
    return form.get(name, "")


def carried(question, form) -> bool:
    """Did the form carry this question at all (a plain Save posts every field)?"""
    name = field_name(question)
    if question.qtype in (MULTIPLE, SINGLE, YESNO, SCALE):
        return True  # unticked boxes and radios send nothing: absence means "cleared"
    if question.qtype == RANKED:
        return any(key.startswith(f"{name}_r_") for key in form) or f"{name}_present" in form
    return name in form


def base_versions(form) -> dict[int, int]:
    """The answer versions a form was rendered with (``v<question id>`` fields); junk is ignored."""
    versions = {}
    for key in form:
        if key.startswith("v") and key[1:].isdigit() and len(key) <= 11:
            value = form.get(key, "")
            if value.isascii() and value.isdigit() and len(value) <= 10:
                versions[int(key[1:])] = int(value)
    return versions


class AnswersForm(FlaskForm):
    """The questionnaire form: its CSRF token, the button pressed (``action``) and the answers it carried."""
    action = StringField()  # "submit": «Отправить»; anything else: save the draft

    def process(self, formdata=None, obj=None, data=None, extra_filters=None, **kwargs):
        self._posted = self.meta.wrap_formdata(self, formdata) or MultiDict()
        super().process(self._posted, obj, data, extra_filters, **kwargs)

    @property
    def submitting(self) -> bool:
        return self.action.data == SUBMIT

    def answers(self, questions) -> PostedAnswers:
        """Every carried answer among ``questions`` (the plain Save posts the whole form)."""
        return PostedAnswers(raws={q.id: raw_answer(q, self._posted) for q in questions if carried(q, self._posted)},
                             bases=base_versions(self._posted))

    def answer(self, question) -> tuple[Any, int | None]:
        """One answer (autosave sends only that one) and the version the page showed, if it said."""
        return raw_answer(question, self._posted), base_versions(self._posted).get(question.id)
