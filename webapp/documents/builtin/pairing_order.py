"""Приказ «О закреплении наставнических пар (групп)»."""
from __future__ import annotations

from webapp.documents.builtin.common import SAMPLE_CURATOR, SAMPLE_ORG, order_head
from webapp.documents.layout import Sheet

TITLE = "Приказ «О закреплении наставнических пар (групп)»"
FILENAME = "prikaz_o_zakreplenii.docx"


def build() -> Sheet:
    sheet = Sheet()
    order_head(sheet, "О закреплении наставнических пар (групп)")
    sheet.para("В соответствии с {{ order.basis }}, на основании письменных согласий наставников и наставляемых "
               "(законных представителей несовершеннолетних наставляемых), в целях реализации целевой модели "
               "наставничества в {{ org.school_year }} учебном году")
    sheet.para("ПРИКАЗЫВАЮ:", align="left", bold=True, indent=False)
    sheet.para("1. Закрепить наставнические пары (группы) в следующем составе ({{ order.groups_count }}):")
    sheet.table(["№ п/п", "Наставник", "Наставляемый", "Форма наставничества", "Вид наставничества",
                 "Срок наставничества"],
                ["{{ r.n }}", "{{ r.mentors }}", "{{ r.mentees }}", "{{ r.form }}", "{{ r.kind }}", "{{ r.term }}"],
                loop="for r in rows", widths=[1.2, 3.6, 3.6, 3.0, 2.6, 2.5])
    sheet.blank()
    sheet.para("2. Наставникам совместно с наставляемыми в срок до {{ order.programmes_due }} разработать "
               "персонализированные программы наставничества и представить их на утверждение.")
    sheet.para("3. Возложить ответственность за организацию работы наставнических пар (групп) и мониторинг "
               "реализации программ наставничества на куратора программы наставничества "
               "{{ curator.who_accs }}.")
    sheet.para("4. Контроль за исполнением настоящего приказа оставляю за собой.")
    sheet.signature("{{ org.head_position }}", "{{ org.head_initials }}")
    sheet.blank()
    sheet.para("С приказом ознакомлены:", align="left", indent=False)
    sheet.tag("for a in acquainted")
    sheet.tabbed("{{ a.who }}\t__________\t{{ a.name }}", (9, 11.5))
    sheet.para("«___» __________ 20___ г.", align="right", indent=False, size=10)
    sheet.tag("endfor")
    return sheet


SAMPLE = {
    "org": SAMPLE_ORG,
    "curator": SAMPLE_CURATOR,
    "order": {"number": "45-о", "date": "01.10.2026", "date_long": "1 октября 2026 г.",
              "basis": "Положением о системе наставничества педагогических работников и обучающихся",
              "programmes_due": "31.10.2026", "groups_count": "2 пары или группы", "kind": "pairs"},
    "rows": [
        {"n": 1, "mentors": "Иванов Пётр Сергеевич", "mentees": "Волкова Наталья Юрьевна, 6 «Б» класс",
         "form": "Ученик – ученик", "kind": "традиционное", "term": "с 01.10.2026 по 31.05.2027"},
        {"n": 2, "mentors": "Черных Анна Петровна", "mentees": "Дюма Александр Александрович",
         "form": "Учитель – учитель", "kind": "традиционное", "term": "с 01.10.2026 по 31.05.2027"},
    ],
    "acquainted": [
        {"who": "Куратор", "name": "И.Г. Белова"},
        {"who": "Наставник", "name": "П.С. Иванов"},
        {"who": "Законный представитель обучающейся 6 «Б» класса Н.Ю. Волковой", "name": "И.П. Волкова"},
    ],
}
