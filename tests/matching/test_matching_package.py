"""The package stands alone and carries the domain catalogue."""
import pathlib
import re

import matching
from matching.catalogue import FORMS, PROBLEMS, STUDENT_PROBLEMS, TEACHER_PROBLEMS, form_for


def test_never_imports_flask_or_peewee():
    root = pathlib.Path(matching.__file__).parent
    for path in root.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from)\s+(flask|peewee)", text, re.M), path


def test_catalogue_matches_the_domain():
    assert len(TEACHER_PROBLEMS) == 9 and len(STUDENT_PROBLEMS) == 9
    assert len(PROBLEMS) == 18
    assert all(re.search("[А-Яа-я]", label) for label in PROBLEMS.values())
    assert form_for("student", "teacher") is None
    assert form_for("employer", "university_student") == "employer_university_student"
    assert not FORMS["employer_university_student"].allowed_in_school
    assert set(FORMS) == {"student_student", "university_student_student", "employer_student",
                          "teacher_teacher", "employer_university_student"}


def test_docs_example_runs():
    doc = pathlib.Path(__file__).parents[2] / "docs" / "matching.md"
    code = re.search(r"```python\n(.*?)```", doc.read_text(encoding="utf-8"), re.S).group(1)
    exec(compile(code, str(doc), "exec"), {})
