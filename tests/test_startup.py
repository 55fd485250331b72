"""Start-up stays light: the web application does not import the matching machinery until a run needs it,
nor the spreadsheet and Word libraries (openpyxl brings numpy; python-docx and docxtpl bring lxml) until
an export or a document needs them."""
from __future__ import annotations

import subprocess
import sys
from io import BytesIO

HEAVY = ("sklearn", "scipy", "matching.scorer", "matching.assignment", "matching.text",
         "openpyxl", "numpy", "docx", "docxtpl", "lxml")
LOADED = f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"


def run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def signed_in_coordinator(app) -> str:
    """Code for a fresh process: the app on ``app``'s database, and ``c``, a client signed in as the coordinator."""
    return ("import sys\n"
            "from webapp import create_app\n"
            f"app = create_app({{'DATABASE_URL': {app.config['DATABASE_URL']!r}, 'SECRET_KEY': 'x', "
            "'WTF_CSRF_ENABLED': False, 'EMBEDDED_WORKER': False})\n"
            "c = app.test_client()\n"
            "c.post('/login', data={'login': 'kurator', 'password': 'demo2026'})\n")


def test_create_app_imports_nothing_heavy(tmp_path):
    assert run("import sys; from webapp import create_app; "
               f"create_app({{'DATABASE_URL': 'sqlite:///{tmp_path / 'x.sqlite3'}'}})\n" + LOADED).strip() == ""


def test_the_matching_names_still_load_on_first_use():
    import matching
    assert matching.MatchScorer.__name__ == "MatchScorer"
    assert matching.COMPONENTS == tuple(matching.DEFAULT_WEIGHTS)


def test_the_list_and_monitoring_pages_do_not_load_scipy(demo_app):
    """A web worker stays small after serving them: the paired statistics are plain Python
    (webapp/monitoring/exact_tests.py); scipy.stats alone added 64 MB to each worker."""
    code = (signed_in_coordinator(demo_app)
            + "for page in ('/dashboard', '/users', '/banks/mentees', '/banks/mentors', '/pairs', '/monitoring',\n"
              "             '/monitoring/influence', '/monitoring/process', '/practices', '/roadmap'):\n"
              "    assert c.get(page).status_code == 200, page\n"
            + LOADED)
    assert run(code).strip() == ""


def test_a_spreadsheet_and_a_document_load_their_libraries_when_first_asked_for(demo_app, tmp_path):
    import openpyxl
    from docx import Document

    from webapp.roadmap.export import TITLE
    code = (signed_in_coordinator(demo_app) + LOADED
            + "from pathlib import Path\n"
              "for name in ('roadmap.xlsx', 'roadmap.docx'):\n"
              "    response = c.get('/roadmap/' + name)\n"
              "    assert response.status_code == 200, name\n"
              f"    Path({str(tmp_path)!r}, name).write_bytes(response.data)\n"
            + LOADED)
    before, after = run(code).splitlines()
    assert before == "" and set(after.split(",")) >= {"openpyxl", "docx", "docxtpl"}
    sheet = openpyxl.load_workbook(BytesIO((tmp_path / "roadmap.xlsx").read_bytes())).active
    assert sheet["A1"].value == TITLE
    document = Document(BytesIO((tmp_path / "roadmap.docx").read_bytes()))
    assert any("1.1" in cell.text for row in document.tables[1].rows for cell in row.cells)
