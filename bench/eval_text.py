"""Evaluation of the text component on the Russian mentoring set (prints figures, asserts nothing).

    .venv/bin/python bench/eval_text.py            # test half, every setting
    .venv/bin/python bench/eval_text.py --half tune
    .venv/bin/python bench/eval_text.py --misses   # also list the test cases ranked wrong

Each request is ranked against the whole pool of mentor texts (all distractors present);
the figures are top-1 accuracy and mean reciprocal rank of the right mentor. The defaults of
:class:`matching.text.TextSimilarity` were chosen on the *tune* half; the *test* half is
what is reported (see ``bench/text_cases_ru.py``).
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

SETTINGS = {
    "lexical only": dict(semantic_weight=0.0),
    "semantic only": dict(semantic_weight=1.0),
    "combined (default)": dict(),
}
BASELINE = ("baseline: before issue 14 (stems + char n-grams)", BaselineTextSimilarity, {})


def evaluate(cases, params, cls=TextSimilarity) -> tuple[float, float, list]:
    """(top-1, MRR, misses) of ``cls(**params)`` on ``cases`` against all mentors."""
    keys = list(MENTORS)
    texts = [MENTORS[k] for k in keys]
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
            misses.append((rank, request, right, keys[int(np.argmax(row))]))
    return hits / len(cases), rr / len(cases), misses


def unrelated_scores(params, cls=TextSimilarity) -> list[float]:
    keys = list(MENTORS)
    texts = [MENTORS[k] for k in keys]
    sim = cls(**params).fit(texts)
    return [float(sim.similarity([r], [MENTORS[k]])[0, 0]) for r, k in UNRELATED]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("test", "tune", "all"), default="test")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args(argv)
    tune, test = split()
    cases = {"test": test, "tune": tune, "all": CASES}[args.half]
    print(f"Russian mentoring set: {len(CASES)} cases ({len(tune)} tune / {len(test)} test), "
          f"{len(MENTORS)} mentors in the pool; reporting the {args.half} half "
          f"({len(cases)} cases)")
    rows = [BASELINE] + [(name, TextSimilarity, params) for name, params in SETTINGS.items()]
    for name, cls, params in rows:
        t = time.perf_counter()
        top1, mrr, misses = evaluate(cases, params, cls)
        zero = unrelated_scores(params, cls)
        print(f"  {name:<50} top-1 {100 * top1:5.1f} %   MRR {mrr:.3f}   "
              f"unrelated pairs' scores {', '.join(f'{z:.3f}' for z in zero)}   "
              f"({time.perf_counter() - t:.2f}s)")
        if args.misses:
            for rank, request, right, top in misses:
                print(f"      rank {rank:>2}: «{request}» -> want {right}, got {top}")


if __name__ == "__main__":
    main()
