"""Дорожная карта реализации целевой модели наставничества: a landscape table, approved by an order."""
from __future__ import annotations

from webapp.documents.builtin.common import SAMPLE_ORG
from webapp.documents.layout import Sheet

TITLE = "Дорожная карта реализации целевой модели наставничества"
FILENAME = "dorozhnaya_karta.docx"


def build() -> Sheet:
    sheet = Sheet(landscape=True)
    sheet.stamp(["УТВЕРЖДЕНА", "приказом {{ org.short_name }}",
                 "от {{ approval.date or '«___» ________ 20___ г.' }} № {{ approval.number or '____' }}"])
    sheet.title("Дорожная карта реализации целевой модели наставничества педагогических работников и обучающихся",
                "{{ org.name_gent }}", "на {{ year }} учебный год")
    sheet.blank()
    sheet.table(["№", "Наименование мероприятий", "Срок реализации", "Ответственный исполнитель",
                 "Результат (вид документа)", "Статус"],
                ["{{ r.n }}", "{{ r.title }}", "{{ r.due }}", "{{ r.responsible }}", "{{ r.result }}", "{{ r.status }}"],
                loop="for r in rows", widths=[1.3, 10.0, 3.5, 4.5, 4.7, 2.2])
    return sheet


SAMPLE = {
    "org": SAMPLE_ORG,
    "year": "2026/2027",
    "approval": {"number": "13-о", "date": "01.09.2026"},
    "rows": [{"n": "1", "title": "Подготовка условий для реализации системы наставничества", "due": "", "responsible": "",
              "result": "", "status": ""},
             {"n": "1.1", "title": "Приказ «Об утверждении Положения о системе наставничества»",
              "due": "до 01.09.2026", "responsible": "Директор", "result": "Приказ", "status": "выполнено"}],
}
