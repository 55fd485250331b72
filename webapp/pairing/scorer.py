"""The matching library's scorer as the app builds it: one place, loaded only when matching runs.

``new_scorer(**params)`` imports :class:`matching.MatchScorer` (scikit-learn, SciPy: never at app
start, tests/test_startup.py) and points the library's sentence encoder at the app's vector store
(setting ``SENTENCE_VECTOR_STORE``), so a re-run encodes only questionnaire texts it has not seen.
"""
from __future__ import annotations

from flask import current_app


def use_app_vector_store() -> None:
    """Keep the sentence encoder's vectors in the app's store (``SENTENCE_VECTOR_STORE``; empty: memory)."""
    from matching.sentence_encoder import use_vector_store
    use_vector_store(current_app.config.get("SENTENCE_VECTOR_STORE") or None)


def new_scorer(**params):
    from matching import MatchScorer
    use_app_vector_store()
    return MatchScorer(**params)
