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
