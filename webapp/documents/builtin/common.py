"""Context parts every document shares, and sample values for previews."""
from __future__ import annotations

SAMPLE_ORG = {
    "name": "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 7»",
    "name_gent": "муниципального бюджетного общеобразовательного учреждения «Средняя общеобразовательная школа № 7»",
    "name_datv": "муниципальному бюджетному общеобразовательному учреждению «Средняя общеобразовательная школа № 7»",
    "short_name": "МБОУ «СОШ № 7»",
    "address": "426000, Удмуртская Республика, г. Ижевск, ул. Школьная, д. 7",
    "inn": "1831000000",
    "ogrn": "1021801000000",
    "head_position": "Директор",
    "head_position_gent": "директора",
    "head_name": "Кравцова Людмила Николаевна",
    "head_name_gent": "Кравцовой Людмилы Николаевны",
    "head_initials": "Л.Н. Кравцова",
    "school_year": "2026/2027",
}

SAMPLE_CURATOR = {
    "name": "Белова Ирина Геннадьевна",
    "name_accs": "Белову Ирину Геннадьевну",
    "name_gent": "Беловой Ирины Геннадьевны",
    "name_datv": "Беловой Ирине Геннадьевне",
    "initials": "И.Г. Белова",
    "position": "заместитель директора по учебно-воспитательной работе",
    "position_accs": "заместителя директора по учебно-воспитательной работе",
    "who_accs": "заместителя директора по учебно-воспитательной работе Белову Ирину Геннадьевну",
}


def approval_stamp(sheet, doc_word: str = "УТВЕРЖДАЮ") -> None:
    """«УТВЕРЖДАЮ / Директор МБОУ «СОШ № 7» / ______ Л.Н. Кравцова / «__» ________ 20__ г.»"""
    sheet.stamp([doc_word, "{{ org.head_position }} {{ org.short_name }}",
                 "____________ {{ org.head_initials }}", "«____» ______________ 20___ г."])


def order_head(sheet, title: str, date_and_number: str = "{{ order.date_long }}\t№ {{ order.number }}") -> None:
    """Organisation, ПРИКАЗ, date and number (a tab between them: the number goes to the right), the title."""
    sheet.para("{{ org.name }}", align="center", bold=True, indent=False)
    sheet.blank()
    sheet.para("ПРИКАЗ", align="center", bold=True, indent=False, size=16)
    sheet.blank()
    sheet.tabbed(date_and_number, (16.5,), last_right=True)
    sheet.blank()
    sheet.para(title, align="center", bold=True, indent=False)
    sheet.blank()
