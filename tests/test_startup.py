"""Start-up stays light: the web application does not import the matching machinery until a run needs it."""
from __future__ import annotations

import subprocess
import sys

HEAVY = ("sklearn", "scipy", "matching.scorer", "matching.assignment", "matching.text")


def test_create_app_does_not_import_scikit_learn_or_scipy(tmp_path):
    code = ("import sys; from webapp import create_app; "
            f"create_app({{'DATABASE_URL': 'sqlite:///{tmp_path / 'x.sqlite3'}'}}); "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_matching_names_still_load_on_first_use():
    import matching
    assert matching.MatchScorer.__name__ == "MatchScorer"
    assert matching.COMPONENTS == tuple(matching.DEFAULT_WEIGHTS)


def test_the_list_and_monitoring_pages_do_not_load_scipy(demo_app):
    """A web worker stays small after serving them: the paired statistics are plain Python
    (webapp/monitoring/exact_tests.py); scipy.stats alone added 64 MB to each worker."""
    code = ("import sys\n"
            "from webapp import create_app\n"
            f"app = create_app({{'DATABASE_URL': {demo_app.config['DATABASE_URL']!r}, 'SECRET_KEY': 'x', "
            "'WTF_CSRF_ENABLED': False, 'EMBEDDED_WORKER': False})\n"
            "c = app.test_client()\n"
            "c.post('/login', data={'login': 'kurator', 'password': 'demo2026'})\n"
            "for page in ('/dashboard', '/users', '/banks/mentees', '/banks/mentors', '/pairs', '/monitoring',\n"
            "             '/monitoring/influence', '/monitoring/process', '/practices', '/roadmap'):\n"
            "    assert c.get(page).status_code == 200, page\n"
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == ""
