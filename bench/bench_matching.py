"""Benchmark of the matching package: prints figures, asserts nothing.

    .venv/bin/python bench/bench_matching.py            # school case and region case
    .venv/bin/python bench/bench_matching.py --quick    # school case only

School: 2,000 mentees x 600 mentors (capacities 1-5), one organisation; suggestions (top 5
with explanations) and the assignment, exact and with candidate pruning, the gap between
them, the ratio to a greedy baseline and the worst-off mentee's score.
Region: 20,000 x 5,000 over 100 organisations (same-organisation rule), pruned candidates.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))

from matching import MatchScorer, PairAssigner, greedy_pairs  # noqa: E402
from matching.synthetic import make_profiles  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run(mentors, mentees, max_candidates, objective="total"):
    t0 = time.perf_counter()
    scorer = MatchScorer(max_candidates=max_candidates).fit(mentors, mentees)
    t1 = time.perf_counter()
    suggestions = scorer.suggest(top_k=5)
    t2 = time.perf_counter()
    assigner = PairAssigner(objective=objective).fit(scorer)
    t3 = time.perf_counter()
    n_sugg = sum(len(v) for v in suggestions.values())
    return scorer, assigner, dict(fit=t1 - t0, suggest=t2 - t1, assign=t3 - t2,
                                  total=t3 - t0, n_suggestions=n_sugg)


def line(label, times, a):
    worst = "-" if a.min_score_ is None else f"{a.min_score_:.2f}"
    print(f"  {label:<28} fit {times['fit']:6.2f}s  suggest(top5, {times['n_suggestions']} "
          f"explained) {times['suggest']:6.2f}s  assign {times['assign']:6.2f}s  "
          f"TOTAL {times['total']:6.2f}s | pairs {a.n_assigned_}  total score "
          f"{a.total_score_:.1f}  worst-off {worst}  unmatched {len(a.unmatched_)}")


def compare_greedy(scorer, assigner, fair):
    t = time.perf_counter()
    greedy = greedy_pairs(scorer)
    tg = time.perf_counter() - t
    g_total = sum(s for *_, s in greedy)
    g_min = min((s for *_, s in greedy), default=float("nan"))
    print(f"  greedy baseline              {tg:6.2f}s | pairs {len(greedy)}  total score "
          f"{g_total:.1f}  worst-off {g_min:.2f}")
    print(f"  ratio total score optimal/greedy: {assigner.total_score_ / g_total:.4f}")
    print(f"  worst-off mentee score: greedy {g_min:.2f} | optimal-total "
          f"{assigner.min_score_:.2f} | maximin {fair.min_score_:.2f} "
          f"(maximin total {fair.total_score_:.1f}, pairs {fair.n_assigned_})")


def school(k):
    print(f"School case: 2,000 mentees x 600 mentors, capacities 1-5, one organisation "
          f"(pruned = top {k} candidates per mentee)")
    mentors, mentees = make_profiles(2000, 600, n_organisations=1, seed=42)
    print(f"  capacity slots: {sum(m.capacity for m in mentors)}")
    scorer_p, pruned, tp = run(mentors, mentees, k)
    line("pruned, objective=total", tp, pruned)
    _, exact, te = run(mentors, mentees, None)
    line("exact, objective=total", te, exact)
    _, fair, tf = run(mentors, mentees, k, objective="maximin")
    line("pruned, objective=maximin", tf, fair)
    gap = (exact.total_score_ - pruned.total_score_) / exact.total_score_
    print(f"  gap pruned vs exact optimum: {100 * gap:.4f} %  "
          f"(exact {exact.total_score_:.3f}, pruned {pruned.total_score_:.3f})")
    compare_greedy(scorer_p, pruned, fair)
    print(f"  peak RSS so far: {peak_rss_mb():.0f} MB")


def region(k):
    print(f"Region case: 20,000 mentees x 5,000 mentors, capacities 1-5, 100 organisations "
          f"(top {k} candidates per mentee)")
    t = time.perf_counter()
    mentors, mentees = make_profiles(20000, 5000, n_organisations=100, seed=43)
    print(f"  synthetic profiles built in {time.perf_counter() - t:.2f}s (not counted)")
    scorer, a, tt = run(mentors, mentees, k)
    line("pruned, objective=total", tt, a)
    t = time.perf_counter()
    fair = PairAssigner(objective="maximin").fit(scorer)
    print(f"  maximin assignment on the same scorer: {time.perf_counter() - t:.2f}s")
    compare_greedy(scorer, a, fair)
    print(f"  peak RSS: {peak_rss_mb():.0f} MB")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="run only the school case")
    parser.add_argument("--candidates", type=int, default=50,
                        help="candidates kept per mentee in pruned runs (default 50)")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    school(args.candidates)
    if not args.quick:
        region(args.candidates)


if __name__ == "__main__":
    main()
