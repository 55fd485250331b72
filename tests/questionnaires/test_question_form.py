"""The editor's question form (WTForms): bad input answered with Russian messages per field, nothing
saved, what was typed shown again; the stored question shown on the edit page; moving up and down."""
from __future__ import annotations

import pytest

from tests.conftest import text
from tests.questionnaires.test_editor import GOOD, draft  # noqa: F401  (fixture)


@pytest.mark.parametrize("changes, message", [
    ({"section": "р" * 201}, "Название раздела длиннее 200 символов."),
    ({"help_text": "п" * 1001}, "Подсказка длиннее 1000 символов."),
    ({"qtype": "number", "min_value": "nan"}, "Введите число."),
    ({"qtype": "number", "max_value": "inf"}, "Введите число."),
    ({"qtype": "number", "max_value": "1e99"}, "Слишком большое число."),
    ({"qtype": "number", "min_value": "9" * 5000}, "Слишком большое число."),
    ({"qtype": "short_text", "max_length": "0"}, "Длина ответа — от 1 до 5000 символов."),
    ({"qtype": "multiple", "max_choices": "-1"}, "Число вариантов — не меньше 1."),
    ({"options": "\n".join(f"o{i} | Вариант {i}" for i in range(61))}, "Не больше 60 вариантов ответа."),
    ({"options": "a | " + "б" * 301}, "Строка 1: подпись длиннее 300 символов."),
    ({"options": "games | Игры\n | Без значения"}, "Строка 2: нужны значение и подпись"),
    ({"qtype": ""}, "Выберите тип вопроса из списка."),
    ({"key": "k" * 65}, "Ключ: латинские строчные буквы"),
    ({"key": "my key"}, "Ключ: латинские строчные буквы"),
])
def test_refused_question_keeps_what_was_typed(draft, changes, message):
    client, version, _q = draft
    count = version.questions.count()
    data = {**GOOD, **changes}
    reply = client.post(f"/questionnaires/versions/{version.id}/questions", data=data)
    page = text(reply)
    assert reply.status_code == 400 and message in page and "Вопрос не сохранён" in page
    assert GOOD["text"] in page and data["options"].splitlines()[0] in page  # the text and options stay in the form
    assert version.questions.count() == count


def test_edit_page_shows_the_stored_question_and_a_refused_edit_changes_nothing(draft):
    client, version, _q = draft
    data = {**GOOD, "section": "Формы работы", "help_text": "Выберите одну", "categories": ["student", "teacher"],
            "forms": "student_student", "feature": "formats"}
    assert client.post(f"/questionnaires/versions/{version.id}/questions", data=data).status_code == 303
    added = list(version.ordered_questions())[-1]
    page = text(client.get(f"/questionnaires/questions/{added.id}/edit"))
    assert "Любимая форма работы?" in page and "games | Игры" in page and 'value="Формы работы"' in page
    assert 'value="student" checked' in page and 'value="teacher" checked' in page
    assert 'value="formats" selected' in page and 'value="single" selected' in page
    assert 'name="required" checked' in page
    reply = client.post(f"/questionnaires/questions/{added.id}/edit",
                        data={**data, "text": "Новый текст", "max_choices": "два"})
    page = text(reply)
    assert reply.status_code == 400 and "Введите целое число." in page and "Новый текст" in page
    assert 'value="два"' in page
    kept = list(version.ordered_questions())[-1]
    assert kept.text == "Любимая форма работы?" and kept.section == "Формы работы"
    assert kept.category_list == ["student", "teacher"] and kept.feature == "formats"
    # the question keeps its own key when edited (it is not "taken" by itself)
    assert client.post(f"/questionnaires/questions/{kept.id}/edit", data={**data, "key": kept.key}).status_code == 303


def test_move_takes_only_up_or_down(draft):
    client, version, _q = draft
    before = [x.id for x in version.ordered_questions()]
    second = before[1]
    for junk in ("", "sideways", "u" * 5000):
        reply = client.post(f"/questionnaires/questions/{second}/move", data={"direction": junk},
                            follow_redirects=True)
        assert reply.status_code == 200 and "Вопрос можно передвинуть только выше или ниже." in text(reply)
    assert [x.id for x in version.ordered_questions()] == before  # nothing moved
    client.post(f"/questionnaires/questions/{second}/move", data={"direction": "down"})
    assert [x.id for x in version.ordered_questions()][2] == second
