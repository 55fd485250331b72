"""Documents about each mentor: the additional agreement to the labour contract and the petition
(ходатайство) for a regional or departmental award; one page per mentor."""
from __future__ import annotations

from webapp.documents.builtin.kind import Kind
from webapp.documents.builtin.package_common import BLANK_DATE, SAMPLE_PACKAGE
from webapp.documents.layout import Sheet


def agreement() -> Sheet:
    sheet = Sheet()
    sheet.tag("for m in staff_mentors")
    sheet.page_break_between()
    sheet.title("ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ", "к трудовому договору")
    sheet.para("«___» __________ 20___ г.", align="right", indent=False)
    sheet.blank()
    sheet.para("{{ org.name }} (далее — Работодатель) в лице {{ org.head_position_gent }} {{ org.head_name_gent }}, "
               "{{ org.head_acting }} на основании устава, и {{ m.name }}, {{ m.position }} (далее — Работник), заключили "
               "настоящее дополнительное соглашение о нижеследующем.")
    sheet.para("1. Работник с его письменного согласия выполняет в {{ year.label }} учебном году (с {{ year.start }} "
               "по {{ year.end }}) дополнительную работу наставника: разрабатывает и реализует персонализированную "
               "программу наставничества, проводит встречи с наставляемым (наставляемыми), участвует в мониторинге.")
    sheet.para("2. За выполнение дополнительной работы Работнику устанавливается доплата в размере, определённом "
               "положением об оплате труда работников Работодателя.")
    sheet.para("3. Соглашение вступает в силу со дня подписания и является неотъемлемой частью трудового договора; "
               "составлено в двух экземплярах, по одному для каждой стороны.")
    sheet.signature("Работодатель: {{ org.head_position }}", "{{ org.head_initials }}")
    sheet.signature("Работник", "{{ m.initials }}")
    sheet.tag("endfor")
    return sheet


def petition() -> Sheet:
    sheet = Sheet()
    sheet.tag("for m in staff_mentors")
    sheet.page_break_between()
    sheet.para("{{ org.name }}", align="center", bold=True, indent=False)
    sheet.para("{{ org.address }}", align="center", indent=False, size=12)
    sheet.blank()
    sheet.title("ХОДАТАЙСТВО", "о награждении")
    sheet.blank()
    sheet.para("{{ org.short_name }} ходатайствует о награждении {{ m.position_gent }} {{ m.name_gent }} "
               "ведомственной наградой Министерства просвещения Российской Федерации (знаком отличия) за вклад "
               "в развитие наставничества.")
    sheet.para("В {{ year.label }} учебном году {{ m.name }} ведёт как наставник {{ m.pairs_count_accs }} "
               "(наставляемые: {{ m.mentees }}), реализует персонализированные программы наставничества, участвует "
               "в мониторинге и распространении лучших практик наставничества.")
    sheet.signature("{{ org.head_position }}", "{{ org.head_initials }}")
    sheet.para(BLANK_DATE, align="left", indent=False)
    sheet.tag("endfor")
    return sheet


AGREEMENT = Kind("Дополнительное соглашение к трудовому договору наставника", agreement, SAMPLE_PACKAGE,
                 "dop_soglashenie.docx")
PETITION = Kind("Ходатайство о награждении наставника", petition, SAMPLE_PACKAGE, "hodataystvo.docx")
