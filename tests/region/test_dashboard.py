"""The regional dashboard and its XLSX/DOCX report: figures per school, municipality and region, the
school's own monitoring indicators, «<5» wherever fewer than five people make a cell, and no name, login
or free-text answer anywhere."""
from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.factories import make_user
from tests.programme_life.conftest import answer, make_pair
from webapp.models import User
from webapp.region import table as region_table
from webapp.region.figures import COUNT_KEYS, ROW_GROUPS

SECRET_ANSWER = "Помогла Кураторова лично, спасибо"


@pytest.fixture
def filled(app, school, region):
    """School 1 (г. Ижевск): 6 teacher pairs, every mentee answered the exit survey, and 2 student pairs.
    Лицей 2 (Завьяловский район): 5 student pairs and 2 teacher pairs. The far region's school: 6 pairs
    (never shown)."""
    with app.app_context():
        org, other = school["org"], school["other_org"]
        for i in range(6):
            mentor = make_user(org, f"t.mentor{i}", ["mentor"], full_name=f"Опытнова Анна {i}")
            mentee = make_user(org, f"t.mentee{i}", ["mentee"], full_name=f"Молодов Пётр {i}")
            group = make_pair(org, mentor, [mentee])
            answer(group, mentee, "mentee", "exit", {"comfort": 6 + i % 3, "usefulness": 8,
                                                     "what_helped": SECRET_ANSWER})
        for i in range(2):
            make_pair(org, make_user(org, f"s.mentor{i}", ["mentor"], category="student", class_name="10А"),
                      [make_user(org, f"s.mentee{i}", ["mentee"], category="student", class_name="7А")],
                      form="student_student")
        for i in range(5):
            make_pair(other, make_user(other, f"l.mentor{i}", ["mentor"], category="student", class_name="11А"),
                      [make_user(other, f"l.mentee{i}", ["mentee"], category="student", class_name="6А")],
                      form="student_student")
        for i in range(2):
            make_pair(other, make_user(other, f"lt.mentor{i}", ["mentor"]), [make_user(other, f"lt.mentee{i}", ["mentee"])])
        far = region["far_school"]
        for i in range(6):
            make_pair(far, make_user(far, f"far.mentor{i}", ["mentor"]), [make_user(far, f"far.mentee{i}", ["mentee"])])
        people = list(User.select().where(User.organisation.in_([org.id, other.id, far.id])))
        # names, and logins that cannot be mistaken for a word of the page («mentor» is one)
        names = [u.full_name for u in people] + [u.login for u in people if "." in u.login]
    return names


def _table(app, region):
    with app.app_context():
        return region_table.build(region["region"], 2025)


def test_rows_add_up_per_school_municipality_and_region(app, school, region, filled):
    built = _table(app, region)
    kinds = [(row.kind, row.label) for row in built.rows]
    assert kinds == [("school", "Школа 1"), ("municipality", "г. Ижевск"), ("school", "Лицей 2"),
                     ("municipality", "Завьяловский район"), ("region", "")] \
        or kinds == [("school", "Лицей 2"), ("municipality", "Завьяловский район"), ("school", "Школа 1"),
                     ("municipality", "г. Ижевск"), ("region", "")]
    school_row = next(r for r in built.rows if r.label == "Школа 1")
    assert school_row.cells["mentors"].text == "8" and school_row.cells["pairs"].text == "8"
    # 2 student pairs are hidden; the 6 teacher pairs would give them back from the 8: hidden too
    assert school_row.cells["form:student_student"].text == "<5"
    assert school_row.cells["form:teacher_teacher"].text == "<5"
    lyceum = next(r for r in built.rows if r.label == "Лицей 2")
    assert lyceum.cells["pairs"].text == "7" and lyceum.cells["mentees"].text == "7"
    assert lyceum.cells["form:teacher_teacher"].text == "<5"
    assert lyceum.cells["form:student_student"].text == "<5"  # 7 − 5 would give the 2 back
    total = built.rows[-1]
    assert total.kind == "region"
    # the far region's six pairs are not this region's
    assert total.cells["pairs"].text == "15"


def test_no_equation_of_the_table_has_exactly_one_hidden_cell(app, school, region, filled):
    built = _table(app, region)
    rows = built.rows
    equations = []
    for row in rows:
        for total, parts in ROW_GROUPS:
            equations.append([row.cells[total]] + [row.cells[p] for p in parts])
    schools = []
    municipalities = []
    for row in rows:
        if row.kind == "school":
            schools.append(row)
        elif row.kind == "municipality":
            for key in COUNT_KEYS:
                equations.append([row.cells[key]] + [s.cells[key] for s in schools])
            municipalities.append(row)
            schools = []
    for key in COUNT_KEYS:
        equations.append([rows[-1].cells[key]] + [m.cells[key] for m in municipalities])
    for cells in equations:
        assert sum(1 for c in cells if c.hidden) != 1
    for row in rows:
        for key in COUNT_KEYS:
            cell = row.cells[key]
            assert cell.hidden or cell.value == 0 or cell.value >= 5


def test_monitoring_indicators_are_the_schools_own_and_need_five_answers(app, school, region, filled):
    built = _table(app, region)
    assert "comfort" in built.items and "usefulness" in built.items
    school_row = next(r for r in built.rows if r.label == "Школа 1")
    assert school_row.cells["item:comfort"].text == "7,0"  # 6,7,8,6,7,8
    assert school_row.cells["item:usefulness"].text == "8,0"
    assert school_row.cells["rate:exit"].text == "100,0" or school_row.cells["rate:exit"].hidden
    lyceum = next(r for r in built.rows if r.label == "Лицей 2")
    assert lyceum.cells["item:comfort"].text == "—"


def test_page_and_exports_show_the_same_cells_and_no_personal_data(app, school, region, filled, login_as):
    client = login_as("region.method")
    page = client.get("/region?year=2025")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "&lt;5" in html and "Школа 1" in html and "Завьяловский район" in html
    xlsx = client.get("/region/report.xlsx?year=2025")
    docx = client.get("/region/report.docx?year=2025")
    assert xlsx.status_code == 200 and docx.status_code == 200
    wb = load_workbook(BytesIO(xlsx.data))
    sheet_text = " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
                          if c.value is not None)
    doc = Document(BytesIO(docx.data))
    doc_text = " ".join([p.text for p in doc.paragraphs]
                        + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    for text in (html, sheet_text, doc_text):
        assert SECRET_ANSWER not in text
        for person in filled:
            assert person not in text, person
        assert "Далёкая" not in text
    assert "<5" in sheet_text and "<5" in doc_text
    # the same cells: the school's first sheet row reads exactly what the page's table reads
    built = _table(app, region)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    school_row = next(r for r in built.rows if r.label == "Школа 1")
    sheet_row = next([c.value for c in row] for row in ws.iter_rows(min_row=2) if row[1].value == "Школа 1")
    assert sheet_row[header.index("Наставники")] == school_row.cells["mentors"].export_value
    assert sheet_row[header.index("Наставляемые")] == school_row.cells["mentees"].export_value
    forms_ws = wb.worksheets[1]
    forms_header = [c.value for c in forms_ws[1]]
    lyceum_row = next([c.value for c in row] for row in forms_ws.iter_rows(min_row=2) if row[1].value == "Лицей 2")
    assert lyceum_row[forms_header.index("Всего")] == 7
    assert lyceum_row[forms_header.index("Ученик – ученик")] == "<5"


def test_a_bad_year_shows_the_current_one_and_nothing_breaks(app, school, region, login_as):
    client = login_as("region.admin")
    for value in ("abc", "-1", "99999999999999999999", "1900", ""):
        response = client.get(f"/region?year={value}")
        assert response.status_code == 200
        assert client.get(f"/region/report.xlsx?year={value}").status_code == 200


def test_school_users_cannot_reach_regional_pages_and_regional_users_no_school_pages(app, school, region, login_as):
    kurator = login_as("kurator")
    for url in ("/region", "/region/report.xlsx", "/region/schools", "/region/practices", "/region/contests"):
        assert kurator.get(url).status_code == 403, url
    method = login_as("region.method")
    mentee_id = school["mentee"].id
    for url in ("/users", "/banks/mentors", "/practices", "/roadmap", "/news", "/notifications", "/consents/mine",
                f"/mentors/{mentee_id}/recognition", "/pairs", "/pool"):
        assert method.get(url).status_code == 403, url
    assert method.get("/region/schools").status_code == 403  # the methodologist does not set schools up
    assert method.get("/dashboard").status_code == 302


def test_a_centre_without_a_region_or_another_regions_centre_sees_only_its_own(app, school, region, login_as):
    far = login_as("far.method")
    html = far.get("/region?year=2025").get_data(as_text=True)
    assert "Далёкая" in html and "Школа 1" not in html


def test_newer_data_is_counted_by_a_worker_and_never_passed_off_as_current(app, school, region, filled, login_as):
    """The first view builds the year's table; after a write the page shows the last build marked as being
    recalculated (one rebuild task per state of the data), the exports already count the write, and once a
    worker has rebuilt it every server shows the new figures as current."""
    from webapp.models import BackgroundTask, RegionSnapshot
    from webapp.tasks.queue import run_claimed
    client = login_as("region.method")
    first = client.get("/region?year=2025").get_data(as_text=True)
    assert 'data-cell="pairs">15<' in first and "data-built" in first and "data-recalculating" not in first
    with app.app_context():
        assert RegionSnapshot.select().count() == 1 and BackgroundTask.select().count() == 0
        org = school["org"]
        make_pair(org, make_user(org, "late.mentor", ["mentor"]), [make_user(org, "late.mentee", ["mentee"])])
    second = client.get("/region?year=2025").get_data(as_text=True)
    assert 'data-cell="pairs">15<' in second and "data-recalculating" in second
    client.get("/region?year=2025")  # a second view of the same data queues nothing more
    sheet = load_workbook(BytesIO(client.get("/region/report.xlsx?year=2025").data)).worksheets[0]
    assert 16 in [c.value for row in sheet.iter_rows() for c in row]  # the export counts the write already
    with app.app_context():
        tasks = list(BackgroundTask.select())
        assert [t.kind for t in tasks] == ["region_snapshot"]
        run_claimed(tasks[0].id, tasks[0].attempt)
        assert BackgroundTask.get_by_id(tasks[0].id).status == "done"
    third = client.get("/region?year=2025").get_data(as_text=True)
    assert 'data-cell="pairs">16<' in third and "data-recalculating" not in third


def test_the_report_built_by_a_worker_is_the_same_file(app, school, region, filled, login_as):
    from webapp.models import BackgroundTask
    from webapp.tasks.queue import run_claimed
    client = login_as("region.method")
    form = {"year": "2025", "format": "xlsx", "request_key": "a" * 32}
    first = client.post("/region/report-task", data=form)
    assert first.status_code == 303 and client.post("/region/report-task", data=form).location == first.location
    with app.app_context():
        for task in BackgroundTask.select().where(BackgroundTask.status == "queued"):
            run_claimed(task.id, task.attempt)
        assert BackgroundTask.get().status == "done"
    made = client.get(first.location + "/file")
    assert made.status_code == 200
    sheet = load_workbook(BytesIO(made.data)).worksheets[1]
    lyceum = next([c.value for c in row] for row in sheet.iter_rows(min_row=2) if row[1].value == "Лицей 2")
    assert "<5" in lyceum and 7 in lyceum
    assert login_as("kurator").get(first.location).status_code == 404  # only its author sees it
    for bad in ({"year": "abc", "format": "xlsx"}, {"year": "2025", "format": "pdf"}, {"year": "1", "format": "docx"}):
        assert client.post("/region/report-task", data=bad).status_code == 303
    with app.app_context():
        assert BackgroundTask.select().count() == 1


def test_the_report_route_takes_only_its_formats(school, region, filled, login_as):
    client = login_as("region.method")
    for fmt, kind in (("xlsx", "spreadsheetml"), ("docx", "wordprocessingml")):
        reply = client.get(f"/region/report.{fmt}?year=2025")
        assert reply.status_code == 200 and kind in reply.mimetype
        assert f"region-2025.{fmt}" in reply.headers["Content-Disposition"]
    for other in ("pdf", "xlsx.exe", "XLSX"):
        assert client.get(f"/region/report.{other}?year=2025").status_code == 404
