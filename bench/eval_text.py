"""Evaluation of the text component on the Russian mentoring set (prints figures, asserts nothing).

    .venv/bin/python bench/eval_text.py                # held-out sets and old test half
    .venv/bin/python bench/eval_text.py --set heldout5 # heldout2..5, heldout, test, tune, all
    .venv/bin/python bench/eval_text.py --misses       # also list the cases ranked wrong

Each request is ranked against the whole pool of mentor texts (all distractors present);
the figures are top-1 accuracy and mean reciprocal rank of the right mentor.

* ``tune`` / ``test``: the even / odd halves of ``bench/text_cases_ru.py``. Issue 14 chose
  its settings on the tune half and reported the test half; its misses were then read, so
  since issue 14b **both halves are "seen"** and may be used for tuning.
* ``heldout``: ``bench/text_cases_ru_heldout.py``, written before any change of issue 14b
  and never used to choose anything; its misses were printed once the thesaurus was in, so
  it is "seen" for any change made after that. Its cases are ranked against the old pool
  plus the held-out set's own mentors.
* ``heldout2``: ``bench/text_cases_ru_heldout2.py``, written after that and before the
  next change; the honest figure for changes after the thesaurus. Issue 14c never printed
  its misses and never read its cases.
* ``heldout3``: ``bench/text_cases_ru_heldout3.py``, written at the start of issue 14c before
  any change or measurement; measured once before and once after that issue's changes,
  misses never printed.
* ``heldout4``: ``bench/text_cases_ru_heldout4.py``, written after issue 14c's first round
  was measured and before its second round; misses never printed.
* ``heldout5``: ``bench/text_cases_ru_heldout5.py``, written after the second round was
  abandoned and before a synonym dictionary was tried; misses never printed.

Issue 14d (the sentence encoder) split the four honest sets in two: ``tune14d`` = held-outs 4
and 5 (113 cases), on which the encoder's weight and floor were chosen (and whose fixed misses
were printed once, for the encoder's tests), and ``test14d`` = held-outs 2 and 3 (105 cases),
measured once with the chosen setting and never used to choose anything. Both pairs share the
mentor pool of 57.

Issue 14e added everyday words to the thesaurus after reading tune 14d's misses. Before that
change was measured, ``heldout6`` (``bench/text_cases_ru_heldout6.py``, 60 cases) was written by
someone who had read only the mentors' profiles, never the matcher or the other cases; it is
ranked against the same pool of 57, was never used to choose anything and its misses are never
printed. Test 14d was measured a fourth time with 14e's thesaurus (see docs/matching.md).

Issue 14f tried a second sentence encoder on tune 14d + test 14d + held-out 6 (not adopted) and then
measured ``heldout7`` (``bench/text_cases_ru_heldout7.py``, 60 cases, written the same way as held-out 6
and committed before any measurement) once; its misses are never printed.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

from baseline_text import BaselineTextSimilarity  # noqa: E402
from matching.text import TextSimilarity  # noqa: E402
from text_cases_ru import CASES, MENTORS, UNRELATED, split  # noqa: E402
from text_cases_ru_heldout import HELDOUT_CASES, HELDOUT_MENTORS  # noqa: E402
from text_cases_ru_heldout2 import HELDOUT2_CASES, HELDOUT2_MENTORS  # noqa: E402
from text_cases_ru_heldout3 import HELDOUT3_CASES  # noqa: E402
from text_cases_ru_heldout4 import HELDOUT4_CASES  # noqa: E402
from text_cases_ru_heldout5 import HELDOUT5_CASES  # noqa: E402
from text_cases_ru_heldout6 import HELDOUT6_CASES  # noqa: E402
from text_cases_ru_heldout7 import HELDOUT7_CASES  # noqa: E402

SETTINGS = {
    "lexical only (same stems)": dict(semantic_weight=0.0, encoder_weight=0.0),
    "semantic only (word meaning, no encoder)": dict(semantic_weight=1.0, encoder_weight=0.0),
    "word parts combined (14c default)": dict(encoder_weight=0.0),
    "sentence encoder only (where words share)": dict(encoder_weight=1.0),
    "combined (default: words + encoder)": dict(),
}
BASELINE = ("baseline: before issue 14 (stems + char n-grams)", BaselineTextSimilarity, {})


def evaluate(cases, params, cls=TextSimilarity, mentors=None) -> tuple[float, float, list]:
    """(top-1, MRR, misses) of ``cls(**params)`` on ``cases`` against all ``mentors``
    (default: the pool of ``bench/text_cases_ru.py``)."""
    mentors = MENTORS if mentors is None else mentors
    keys = list(mentors)
    texts = [mentors[k] for k in keys]
    sim = cls(**params).fit(texts + [r for r, _ in cases])
    scores = sim.similarity([r for r, _ in cases], texts)
    hits, rr, misses = 0, 0.0, []
    for (request, right), row in zip(cases, scores):
        j = keys.index(right)
        # ties count against us: rank = 1 + mentors scoring at least as high, other than the right one
        rank = 1 + int(np.sum(row >= row[j])) - 1
        hits += rank == 1
        rr += 1.0 / rank
        if rank > 1:
            top = int(np.argmax(row))
            misses.append((rank, request, right, keys[top], float(row[j]), float(row[top])))
    return hits / len(cases), rr / len(cases), misses


def unrelated_scores(params, cls=TextSimilarity) -> list[float]:
    keys = list(MENTORS)
    texts = [MENTORS[k] for k in keys]
    sim = cls(**params).fit(texts)
    return [float(sim.similarity([r], [MENTORS[k]])[0, 0]) for r, k in UNRELATED]


def sets() -> dict[str, tuple[list, dict]]:
    """name -> (cases, mentor pool)."""
    tune, test = split()
    pool = {**MENTORS, **HELDOUT_MENTORS, **HELDOUT2_MENTORS}
    return {"heldout": (HELDOUT_CASES, {**MENTORS, **HELDOUT_MENTORS}),
            "heldout2": (HELDOUT2_CASES, {**MENTORS, **HELDOUT_MENTORS, **HELDOUT2_MENTORS}),
            "heldout3": (HELDOUT3_CASES, {**MENTORS, **HELDOUT_MENTORS, **HELDOUT2_MENTORS}),
            "heldout4": (HELDOUT4_CASES, {**MENTORS, **HELDOUT_MENTORS, **HELDOUT2_MENTORS}),
            "heldout5": (HELDOUT5_CASES, {**MENTORS, **HELDOUT_MENTORS, **HELDOUT2_MENTORS}),
            "heldout6": (HELDOUT6_CASES, pool),
            "heldout7": (HELDOUT7_CASES, pool),
            "test14d": (HELDOUT2_CASES + HELDOUT3_CASES, pool),
            "tune14d": (HELDOUT4_CASES + HELDOUT5_CASES, pool),
            "test": (test, MENTORS), "tune": (tune, MENTORS), "all": (CASES, MENTORS)}


def report(name: str, cases, mentors, show_misses: bool) -> None:
    print(f"{name}: {len(cases)} cases, {len(mentors)} mentors in the pool")
    rows = [BASELINE] + [(label, TextSimilarity, params) for label, params in SETTINGS.items()]
    for label, cls, params in rows:
        t = time.perf_counter()
        top1, mrr, misses = evaluate(cases, params, cls, mentors)
        zero = unrelated_scores(params, cls)
        print(f"  {label:<50} top-1 {100 * top1:5.1f} %   MRR {mrr:.3f}   "
              f"unrelated pairs' scores {', '.join(f'{z:.3f}' for z in zero)}   "
              f"({time.perf_counter() - t:.2f}s)")
        if show_misses:
            for rank, request, right, top, s_right, s_top in misses:
                print(f"      rank {rank:>2}: «{request}» -> want {right} ({s_right:.3f}), "
                      f"got {top} ({s_top:.3f})")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="which", action="append",
                        choices=("heldout7", "heldout6", "test14d", "tune14d", "heldout5", "heldout4", "heldout3",
                                 "heldout2", "heldout", "test", "tune", "all"),
                        help="set(s) to report (repeatable); default: test14d, tune14d, "
                             "heldout5 to heldout2, test, heldout")
    parser.add_argument("--half", dest="which", action="append", choices=("test", "tune", "all"),
                        help="same as --set (kept for old commands)")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args(argv)
    available = sets()
    default = ["heldout7", "heldout6", "test14d", "tune14d", "heldout5", "heldout4", "heldout3", "heldout2", "test",
               "heldout"]
    for k, name in enumerate(args.which or default):
        if k:
            print()
        cases, mentors = available[name]
        title = {"heldout7": "HELD-OUT 7 (bench/text_cases_ru_heldout7.py, written from the profiles "
                             "only after 14e; never tuned on, misses never printed)",
                 "heldout6": "HELD-OUT 6 (bench/text_cases_ru_heldout6.py, written by someone who "
                             "never saw the matcher; never tuned on, misses never printed)",
                 "test14d": "TEST 14d: held-outs 2 + 3 (never used to choose a setting; "
                            "misses never printed)",
                 "tune14d": "TUNE 14d: held-outs 4 + 5 (the encoder's weight and floor, and "
                            "14e's thesaurus words, were chosen here)",
                 "heldout5": "HELD-OUT 5 (bench/text_cases_ru_heldout5.py, issue 14c, written "
                             "after held-out 4 was measured, never tuned on)",
                 "heldout4": "HELD-OUT 4 (bench/text_cases_ru_heldout4.py, issue 14c, written "
                             "before its second round; compared on there, nothing adopted)",
                 "heldout3": "HELD-OUT 3 (bench/text_cases_ru_heldout3.py, issue 14c, written "
                             "before its changes, never tuned on)",
                 "heldout2": "HELD-OUT 2 (bench/text_cases_ru_heldout2.py, never tuned on, "
                             "rankings never printed before its first report)",
                 "heldout": "HELD-OUT 1 (bench/text_cases_ru_heldout.py; seen: its misses were "
                            "printed in 14b and 14c, and 14c broke a tie of the tune half on it)",
                 "test": "TEST half (odd cases of bench/text_cases_ru.py; seen, in 14b's grid; "
                         "14c chose nothing on it)",
                 "tune": "TUNE half (even cases of bench/text_cases_ru.py)",
                 "all": "all of bench/text_cases_ru.py"}[name]
        report(title, cases, mentors, args.misses)


if __name__ == "__main__":
    main()
