"""A school's templates: the one in use (its own or the built-in), checking an upload, saving,
restoring the default, and rendering a document from a context.

Uploaded templates are Jinja inside Word, written by people, so they are rendered in Jinja's
sandbox with autoescaping (a value can never become Word markup) and refused when they use a field
the document does not offer."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from io import BytesIO
from typing import TYPE_CHECKING

from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment
from peewee import IntegrityError

from webapp import export_text
from webapp.db import database
from webapp.documents import fields
from webapp.documents.archive import TemplateFileError, check_docx
from webapp.documents.registry import builtin_bytes, kind
from webapp.models import DocumentTemplate

if TYPE_CHECKING:  # python-docx and docxtpl load with the first document, not at app start
    from docxtpl import DocxTemplate


def _env() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=True)


def template_source(data: bytes) -> tuple[DocxTemplate, str]:
    """The docxtpl template and its Jinja source (body, headers and footers, tags joined)."""
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docxtpl import DocxTemplate
    template = DocxTemplate(BytesIO(data))
    document = Document(BytesIO(data))
    source = template.patch_xml(template.xml_to_string(document._element.body))
    for rel in document.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER) and rel.target_part.blob:
            source += template.patch_xml(template.xml_to_string(parse_xml(rel.target_part.blob)))
    return template, source


@dataclass
class Check:
    unknown: list[str] = field(default_factory=list)  # fields the document does not offer
    missing: list[str] = field(default_factory=list)  # fields of the built-in template left out

    @property
    def ok(self) -> bool:
        return not self.unknown


def check(code: str, data: bytes) -> Check:
    """Is ``data`` a template for ``code``? TemplateFileError when it cannot be read at all."""
    check_docx(data)
    try:
        template, source = template_source(data)
        top_level = template.get_undeclared_template_variables(jinja_env=_env())
        used = fields.used(source, _env())
    except TemplateError:
        raise TemplateFileError("Ошибка в полях шаблона: проверьте, что у каждого поля {{ … }} и каждой "
                                "команды {% … %} есть закрывающие скобки и пара (for — endfor, if — endif).") from None
    except Exception:  # noqa: BLE001 - an unreadable Word file, whatever the parser says
        raise TemplateFileError("Файл не читается как документ Word. Откройте его в Word и сохраните заново.") from None
    sample = kind(code).SAMPLE
    offered = fields.offered(sample)
    unknown = sorted(set(fields.unknown(used, offered)) | {n for n in top_level if n not in sample})
    _, builtin_source = template_source(builtin_bytes(code))
    missing = fields.missing(used, fields.used(builtin_source, _env()))
    return Check(unknown=unknown, missing=missing)


def custom(organisation, code: str):
    return DocumentTemplate.get_or_none((DocumentTemplate.organisation == organisation)
                                        & (DocumentTemplate.code == code))


def customised(organisation) -> dict:
    """code -> the school's template row (without its content), in one query."""
    rows = DocumentTemplate.select(DocumentTemplate.id, DocumentTemplate.code, DocumentTemplate.filename,
                                   DocumentTemplate.uploaded_at).where(DocumentTemplate.organisation == organisation)
    return {row.code: row for row in rows}


def template_bytes(organisation, code: str) -> bytes:
    own = custom(organisation, code)
    return bytes(own.content) if own is not None else builtin_bytes(code)


def save(organisation, code: str, data: bytes, filename: str, actor) -> Check:
    """Store an edited template after checking it; unknown fields refuse it (nothing changes)."""
    result = check(code, data)
    if not result.ok:
        return result
    with database.atomic():
        DocumentTemplate.delete().where((DocumentTemplate.organisation == organisation)
                                        & (DocumentTemplate.code == code)).execute()
        try:
            DocumentTemplate.create(organisation=organisation, code=code, content=data, filename=filename[:200],
                                    uploaded_by=actor, uploaded_at=dt.datetime.now())
        except IntegrityError:  # a concurrent upload won; theirs stays
            pass
    return result


def restore(organisation, code: str) -> bool:
    return DocumentTemplate.delete().where((DocumentTemplate.organisation == organisation)
                                           & (DocumentTemplate.code == code)).execute() > 0


def _clean(value):
    """Every text of the context as text XML can hold (webapp.export_text), however deeply nested."""
    if isinstance(value, str):
        return export_text.clean(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_clean(v) for v in value)
    return value


def render_bytes(data: bytes, context: dict) -> bytes:
    from docxtpl import DocxTemplate
    template = DocxTemplate(BytesIO(data))
    template.render(_clean(context), jinja_env=_env(), autoescape=True)
    out = BytesIO()
    template.save(out)
    return out.getvalue()


def render(organisation, code: str, context: dict) -> bytes:
    """The document ``code`` for ``organisation`` filled from ``context``."""
    try:
        return render_bytes(template_bytes(organisation, code), context)
    except TemplateError:
        raise TemplateFileError("Шаблон документа не заполняется. Восстановите шаблон по умолчанию в разделе "
                                "«Документы» или исправьте его.") from None


def preview(code: str, data: bytes) -> bytes:
    return render_bytes(data, kind(code).SAMPLE)
