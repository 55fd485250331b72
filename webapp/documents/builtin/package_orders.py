"""Orders and acts of the normative package: approving the Положение and the roadmap, the
распорядительный акт on introducing the target model, extra pay and incentives for mentors."""
from __future__ import annotations

from webapp.documents.builtin.kind import Kind
from webapp.documents.builtin.package_common import SAMPLE_PACKAGE, order_head, order_tail
from webapp.documents.layout import Sheet

BASIS = ("В соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации», "
         "распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145, в целях реализации "
         "целевой модели наставничества в {{ year.label }} учебном году")


def _head(sheet, title):
    order_head(sheet, title)
    sheet.para(BASIS)
    sheet.para("ПРИКАЗЫВАЮ:", align="left", bold=True, indent=False)


def polozhenie_order() -> Sheet:
    sheet = Sheet()
    _head(sheet, "Об утверждении Положения о программе наставничества")
    sheet.para("1. Утвердить Положение о программе наставничества {{ org.name_gent }} (приложение).")
    sheet.para("2. Куратору программы наставничества {{ curator.name_datv }} ознакомить педагогических "
               "работников с Положением и разместить его на официальном сайте образовательной организации.")
    sheet.para("3. Контроль за исполнением настоящего приказа оставляю за собой.")
    order_tail(sheet)
    return sheet


def roadmap_order() -> Sheet:
    sheet = Sheet()
    _head(sheet, "Об утверждении дорожной карты внедрения целевой модели наставничества")
    sheet.para("1. Утвердить дорожную карту (план мероприятий) внедрения целевой модели наставничества на "
               "{{ year.label }} учебный год (приложение № 1).")
    sheet.para("2. Ответственным исполнителям обеспечить выполнение мероприятий в установленные сроки.")
    sheet.para("3. Контроль за исполнением настоящего приказа возложить на куратора программы наставничества "
               "{{ curator.who_accs }}.")
    order_tail(sheet)
    sheet.page_break()
    sheet.para("Приложение № 1", align="right", indent=False)
    sheet.para("к приказу от {{ doc.date or '«___» ________ 20___ г.' }} № {{ doc.number or '____' }}",
               align="right", indent=False)
    sheet.blank()
    sheet.title("Дорожная карта внедрения целевой модели наставничества", "на {{ year.label }} учебный год")
    sheet.table(["№", "Наименование мероприятий", "Срок реализации", "Ответственный исполнитель",
                 "Результат (вид документа)"],
                ["{{ r.n }}", "{{ r.title }}", "{{ r.due }}", "{{ r.responsible }}", "{{ r.result }}"],
                loop="for r in roadmap", widths=[1.0, 6.5, 2.8, 3.2, 3.0])
    return sheet


def act() -> Sheet:
    sheet = Sheet()
    _head(sheet, "О внедрении целевой модели наставничества")
    sheet.para("1. Внедрить целевую модель наставничества педагогических работников и обучающихся в "
               "{{ year.label }} учебном году (с {{ year.start }} по {{ year.end }}).")
    sheet.para("2. Назначить куратором программы наставничества {{ curator.who_accs }}.")
    sheet.para("3. Куратору в срок до {{ year.start }} подготовить Положение о программе наставничества и дорожную "
               "карту; сформировать банки наставников и наставляемых с письменными согласиями участников; "
               "обеспечить формирование наставнических пар (групп) и разработку персонализированных программ.")
    sheet.para("4. Планируемые результаты: участие в программе наставников и наставляемых, закрепление "
               "наставнических пар (групп) приказами, утверждённые персонализированные программы, положительная "
               "динамика по итогам мониторинга, пополнение методической копилки практик наставничества.")
    sheet.para("5. Контроль за исполнением настоящего приказа оставляю за собой.")
    order_tail(sheet)
    return sheet


def extra_pay_order() -> Sheet:
    sheet = Sheet()
    _head(sheet, "Об установлении доплаты за наставничество")
    sheet.para("1. Установить с {{ year.start }} по {{ year.end }} доплату за осуществление наставнической "
               "деятельности в размере, предусмотренном положением об оплате труда работников и дополнительными "
               "соглашениями к трудовым договорам, следующим работникам:")
    sheet.table(["№", "ФИО наставника", "Должность", "Наставляемые", "Пары (группы)"],
                ["{{ loop.index }}", "{{ m.name }}", "{{ m.position }}", "{{ m.mentees }}", "{{ m.pairs_count }}"],
                loop="for m in staff_mentors", widths=[1.0, 4.5, 4.0, 4.5, 2.5])
    sheet.blank()
    sheet.para("2. Главному бухгалтеру производить начисление доплаты ежемесячно.")
    sheet.para("3. Контроль за исполнением настоящего приказа оставляю за собой.")
    order_tail(sheet)
    return sheet


def incentives_order() -> Sheet:
    sheet = Sheet()
    _head(sheet, "О поощрении наставников")
    sheet.para("За успешную реализацию персонализированных программ наставничества в {{ year.label }} учебном году")
    sheet.tag("for a in awards")
    sheet.para("{{ loop.index }}. {{ a.text }}")
    sheet.tag("endfor")
    sheet.para("Контроль за исполнением настоящего приказа оставляю за собой.")
    order_tail(sheet)
    return sheet


POLOZHENIE_ORDER = Kind("Приказ «Об утверждении Положения о программе наставничества»", polozhenie_order,
                        SAMPLE_PACKAGE, "prikaz_polozhenie.docx")
ROADMAP_ORDER = Kind("Приказ «Об утверждении дорожной карты внедрения целевой модели наставничества»",
                     roadmap_order, SAMPLE_PACKAGE, "prikaz_dorozhnaya_karta.docx")
ACT = Kind("Распорядительный акт «О внедрении целевой модели наставничества»", act, SAMPLE_PACKAGE,
           "rasporyaditelny_akt.docx")
EXTRA_PAY_ORDER = Kind("Приказ «Об установлении доплаты за наставничество»", extra_pay_order, SAMPLE_PACKAGE,
                       "prikaz_doplata.docx")
INCENTIVES_ORDER = Kind("Приказ «О поощрении наставников»", incentives_order, SAMPLE_PACKAGE, "prikaz_pooshchrenie.docx")
