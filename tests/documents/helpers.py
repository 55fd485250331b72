"""Reading generated documents back with python-docx, and pairs made straight through the models."""
from __future__ import annotations

import datetime as dt
from io import BytesIO

from docx import Document

from tests.factories import make_user
from webapp.models import Consent, GroupMember, MentoringGroup
from webapp.models.consent import PARTICIPATION, PERSONAL_DATA, REPRESENTATIVE


def read(data: bytes):
    return Document(BytesIO(data))


def paragraphs(data: bytes) -> str:
    return "\n".join(p.text for p in read(data).paragraphs)


def table_rows(data: bytes) -> list[list[str]]:
    return [[c.text for c in row.cells] for t in read(data).tables for row in t.rows]


def assert_official_layout(data: bytes) -> None:
    """A4 portrait, margins 30/20/15/20 mm, Times New Roman 14 for text and 12 in tables, page numbers."""
    document = read(data)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # stored in twips
    assert [round(m.mm) for m in (section.left_margin, section.top_margin, section.right_margin,
                                  section.bottom_margin)] == [30, 20, 15, 20]
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 14
    assert document.styles["Table Grid"].font.size.pt == 12
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            assert run.font.name in (None, "Times New Roman")
    assert section.different_first_page_header_footer  # no number on the first page
    assert "PAGE" in section.header._element.xml
    used = {paragraph.style.name for paragraph in document.paragraphs}  # python-docx looks each one up: slow
    assert not [name for name in used if name.startswith("Heading")]


def make_pair(org, mentor, mentee, *, started_on=dt.date(2026, 9, 15), form="teacher_teacher"):
    group = MentoringGroup.create(organisation=org, form=form, kind="traditional", started_on=started_on,
                                  planned_end_on=org.school_year_end(started_on))
    GroupMember.create(group=group, user=mentor, role="mentor")
    GroupMember.create(group=group, user=mentee, role="mentee")
    return group


def pupil(org, login, full_name, class_name, representative="", relation="мать"):
    user = make_user(org, login, ["mentee"], full_name=full_name, category="student", class_name=class_name)
    if representative:
        for kind in (PERSONAL_DATA, PARTICIPATION):
            Consent.create(organisation=org, user=user, kind=kind, given_by=REPRESENTATIVE,
                           representative_name=representative, representative_relation=relation,
                           signed_on=dt.date(2026, 9, 1), received_at=dt.datetime(2026, 9, 2))
    return user
