"""Protocols: the установочная сессия of mentors and the final round table."""
from __future__ import annotations

from webapp.documents.builtin.kind import Kind
from webapp.documents.builtin.package_common import BLANK_DATE, SAMPLE_PACKAGE
from webapp.documents.layout import Sheet


def _protocol(title: str, agenda: list[str], decisions: list[str]):
    def build() -> Sheet:
        sheet = Sheet()
        sheet.para("{{ org.name }}", align="center", bold=True, indent=False)
        sheet.blank()
        sheet.title("ПРОТОКОЛ № {{ doc.number or '____' }}", title)
        sheet.para("{{ doc.date_long or '" + BLANK_DATE + "' }}", align="left", indent=False)
        sheet.blank()
        sheet.para("Председатель — куратор программы наставничества {{ curator.name }}.", indent=False)
        sheet.para("Присутствовали: наставники ({{ counts.mentors }}):", indent=False)
        sheet.tag("for m in mentors")
        sheet.para("{{ loop.index }}. {{ m.name }}, {{ m.position }}", indent=False)
        sheet.tag("endfor")
        sheet.para("Повестка дня:", align="left", bold=True, indent=False)
        for number, item in enumerate(agenda, start=1):
            sheet.para(f"{number}. {item}")
        sheet.para("Решили:", align="left", bold=True, indent=False)
        for number, item in enumerate(decisions, start=1):
            sheet.para(f"{number}. {item}")
        sheet.signature("Председатель", "{{ curator.initials }}")
        sheet.signature("Секретарь", "____________")
        return sheet
    return build


SESSION = Kind("Протокол установочной сессии наставников", _protocol(
    "установочной сессии наставников",
    ["О целевой модели наставничества и Положении о программе наставничества в {{ year.label }} учебном году.",
     "О формировании наставнических пар (групп): {{ counts.pairs }}.",
     "О разработке персонализированных программ наставничества и порядке мониторинга."],
    ["Принять к сведению информацию куратора.",
     "Наставникам разработать персонализированные программы совместно с наставляемыми и представить их на "
     "утверждение.",
     "Провести входное анкетирование участников."]), SAMPLE_PACKAGE, "protokol_sessiya.docx")
ROUND_TABLE = Kind("Протокол итогового круглого стола", _protocol(
    "итогового круглого стола по выявлению лучших практик наставничества",
    ["Об итогах реализации персонализированных программ наставничества в {{ year.label }} учебном году.",
     "О результатах мониторинга.",
     "О лучших практиках наставничества для методической копилки."],
    ["Признать работу наставнических пар (групп) результативной.",
     "Включить лучшие практики в методическую копилку и разместить сведения на сайте образовательной "
     "организации.",
     "Представить наставников к поощрению."]), SAMPLE_PACKAGE, "protokol_kruglyi_stol.docx")
