"""The consent forms of one or many people: first everyone's consent to the processing of personal
data, then everyone's consent to take part; every form from a new page."""
from __future__ import annotations

from webapp.documents.builtin import consent_participation, consent_personal_data
from webapp.documents.builtin.common import SAMPLE_ORG
from webapp.documents.layout import Sheet

TITLE = "Согласия на обработку персональных данных и на участие в программе"
FILENAME = "soglasiya.docx"


def build() -> Sheet:
    sheet = Sheet()
    consent_personal_data.build_into(sheet)
    sheet.tag("if personal and participation")
    sheet.page_break()
    sheet.tag("endif")
    consent_participation.build_into(sheet)
    return sheet


SAMPLE = {"org": SAMPLE_ORG, "personal": consent_personal_data.SAMPLE_FORMS,
          "participation": consent_participation.SAMPLE_FORMS}
