"""Письменное согласие на участие в программе наставничества и на возложение дополнительных
обязанностей, связанных с наставнической деятельностью (for a teacher-mentor: the duties part)."""
from __future__ import annotations

from webapp.documents.layout import Sheet



def build_into(sheet: Sheet) -> None:
    sheet.tag("for f in participation")
    sheet.page_break_between()
    sheet.title("ПИСЬМЕННОЕ СОГЛАСИЕ", "{{ f.title }}")
    sheet.blank()
    sheet.tag("if f.by_representative")
    sheet.para("Я, {{ f.signer.name }}, являясь {{ f.relation_ablt }} и законным представителем {{ f.subject.minor_gent }} "
               "{{ f.subject.name_gent }}{{ f.subject.class_gent }}, даю согласие на участие "
               "{{ f.subject.minor_gent }} в программе наставничества {{ org.name_gent }} в качестве {{ f.role_gent }} "
               "в {{ org.school_year }} учебном году.")
    sheet.tag("else")
    sheet.para("Я, {{ f.signer.name }}{{ f.signer.position_comma }}, даю согласие на участие в программе "
               "наставничества {{ org.name_gent }} в качестве {{ f.role_gent }} в {{ org.school_year }} учебном году.")
    sheet.tag("endif")
    sheet.tag("if f.duties")
    sheet.para("Даю согласие на возложение на меня дополнительных обязанностей, связанных с наставнической "
               "деятельностью: разработка и реализация персонализированной программы наставничества, "
               "проведение встреч с наставляемым (наставляемыми), участие в мониторинге программы, "
               "представление отчётности куратору. Порядок и размер стимулирования определяются локальными "
               "актами Оператора и дополнительным соглашением к трудовому договору.")
    sheet.tag("endif")
    sheet.para("Мне разъяснено, что программа наставничества реализуется в соответствии с Положением о системе "
               "наставничества и целевой моделью наставничества; участие добровольное; закрепление "
               "наставнической пары (группы) оформляется приказом руководителя; от участия можно отказаться в "
               "любое время, письменно уведомив куратора программы наставничества.")
    sheet.signature("«___» ____________ 20___ г.", "{{ f.signer.initials }}")
    sheet.tag("endfor")


SAMPLE_FORMS = [{
        "title": "на участие в программе наставничества и на возложение дополнительных обязанностей",
        "by_representative": False, "relation_ablt": "", "duties": True, "role_gent": "наставника",
        "signer": {"name": "Черных Анна Петровна", "initials": "А.П. Черных",
                   "position_comma": ", учитель математики"},
        "subject": {"name_gent": "", "minor_gent": "", "class_gent": ""},
    }]
