"""Opening an uploaded .docx safely: a size limit, a real ZIP with a Word body, no path tricks,
and no archive that inflates far beyond its size (a «zip bomb»)."""
from __future__ import annotations

import zipfile
from io import BytesIO

from webapp.user_errors import UserError

MAX_UPLOAD = 4 * 1024 * 1024  # below the app's MAX_CONTENT_LENGTH, so this message is the one seen
MAX_UNPACKED = 40 * 1024 * 1024
MAX_ENTRIES = 500


class TemplateFileError(UserError):
    """The file is not a usable Word template; the message is a Russian sentence."""


def check_docx(data: bytes) -> None:
    if not data:
        raise TemplateFileError("Файл пустой. Выберите шаблон в формате .docx.")
    if len(data) > MAX_UPLOAD:
        raise TemplateFileError("Файл больше 4 МБ. Уменьшите рисунки в шаблоне и загрузите его снова.")
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile:
        raise TemplateFileError("Это не файл Word (.docx). Сохраните шаблон в Word как «Документ Word (.docx)».") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise TemplateFileError("В файле слишком много частей: это не обычный документ Word.")
        total = 0
        for entry in entries:
            name = entry.filename
            if name.startswith(("/", "\\")) or ".." in name.split("/"):
                raise TemplateFileError("Файл повреждён: недопустимые пути внутри архива.")
            total += entry.file_size
            if total > MAX_UNPACKED:
                raise TemplateFileError("Файл распаковывается в слишком большой объём: это не обычный документ Word.")
        names = {e.filename for e in entries}
        if "word/document.xml" not in names or "[Content_Types].xml" not in names:
            raise TemplateFileError("Это не файл Word (.docx). Сохраните шаблон в Word как «Документ Word (.docx)».")
        if "word/vbaProject.bin" in names:
            raise TemplateFileError("Шаблон с макросами не принимается. Сохраните его как «Документ Word (.docx)».")
        try:
            archive.testzip()
        except Exception:  # noqa: BLE001 - any damage is the same answer to the user
            raise TemplateFileError("Файл повреждён. Откройте его в Word и сохраните заново.") from None
