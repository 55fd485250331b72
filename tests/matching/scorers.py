"""Scorers for tests whose subject is not how texts are scored (the assignment, the weight learner)."""
from functools import partial

from matching import MatchScorer

#: A MatchScorer without the sentence encoder (about 25–80 ms a new text); the encoder has its own
#: tests (tests/matching/test_matching_encoder.py) and the default scorer is used wherever text matters.
WordsOnlyScorer = partial(MatchScorer, text_encoder_weight=0.0)
