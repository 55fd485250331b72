"""Benchmark of the matching package: prints figures, asserts nothing.

    .venv/bin/python bench/bench_matching.py            # school case and region case
    .venv/bin/python bench/bench_matching.py --quick    # school case only
    .venv/bin/python bench/bench_matching.py --large    # large connected component only

School: 2,000 mentees x 600 mentors (capacities 1-5), one organisation; suggestions (top 5
with explanations) and the assignment, exact and with candidate pruning, the gap between
them, the ratio to a greedy baseline and the worst-off mentee's score.
Region: 20,000 x 5,000 over 100 organisations (same-organisation rule), pruned candidates.
Large component: the same people with cross-organisation pairs allowed and the top 50
candidates each, one connected component of 1 M edges: the assignment (total, maximin,
spread) beside a dedicated min-cost-flow run on the same edges and the scipy fallback.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))

import numpy as np  # noqa: E402

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


def dedicated_flow(rows, cols, score, capacity):
    """OR-Tools min-cost flow on the candidate edges, nothing else: the reference time."""
    from ortools.graph.python import min_cost_flow
    n_e, n_m = int(rows.max()) + 1, len(capacity)
    mcf = min_cost_flow.SimpleMinCostFlow()
    s, t = n_e + n_m, n_e + n_m + 1
    tails = np.concatenate([np.full(n_e, s), rows, n_e + np.arange(n_m), np.arange(n_e)])
    heads = np.concatenate([np.arange(n_e), n_e + cols, np.full(n_m, t), np.full(n_e, t)])
    caps = np.concatenate([np.ones(n_e + len(rows), dtype=np.int64), capacity.astype(np.int64),
                           np.ones(n_e, dtype=np.int64)])
    costs = np.concatenate([np.zeros(n_e, dtype=np.int64),
                            -np.round(score * 1e9).astype(np.int64),
                            np.zeros(n_m + n_e, dtype=np.int64)])
    arcs = mcf.add_arcs_with_capacity_and_unit_cost(tails.astype(np.int64),
                                                    heads.astype(np.int64), caps, costs)
    supply = np.zeros(n_e + n_m + 2, dtype=np.int64)
    supply[s], supply[t] = n_e, -n_e
    mcf.set_nodes_supplies(np.arange(len(supply), dtype=np.int64), supply)
    assert mcf.solve() == mcf.OPTIMAL
    chosen = np.flatnonzero(mcf.flows(arcs[n_e:n_e + len(rows)]) > 0)
    return float(score[chosen].sum()), len(chosen)


def large_component(k, with_scipy):
    import matching.assignment as assignment
    from scipy.sparse.csgraph import connected_components
    import scipy.sparse as sp
    print(f"Large component: 20,000 mentees x 5,000 mentors, cross-organisation pairs allowed, "
          f"top {k} candidates per mentee")
    mentors, mentees = make_profiles(20000, 5000, n_organisations=100, seed=43)
    t = time.perf_counter()
    scorer = MatchScorer(allow_cross_organisation=True, max_candidates=k).fit(mentors, mentees)
    t_fit = time.perf_counter() - t
    rows, cols, score = assignment._candidate_edges(scorer)
    g = sp.coo_matrix((np.ones(len(rows)), (rows, 20000 + cols)), shape=(25000, 25000))
    n_comp, labels = connected_components(g, directed=False)
    biggest = np.bincount(labels[rows]).max()
    print(f"  fit {t_fit:.2f}s | {len(rows):,} candidate edges, largest component holds "
          f"{biggest:,} of them")
    t = time.perf_counter()
    ref_total, ref_pairs = dedicated_flow(rows, cols, score, scorer.remaining_capacity_)
    t_ref = time.perf_counter() - t
    print(f"  dedicated min-cost flow (OR-Tools, same edges)  {t_ref:6.2f}s | pairs {ref_pairs}  "
          f"total score {ref_total:.3f}")
    for label, params in (("PairAssigner total", {}), ("PairAssigner maximin", {"objective": "maximin"}),
                          ("PairAssigner spread=5", {"spread": 5.0})):
        t = time.perf_counter()
        a = PairAssigner(**params).fit(scorer)
        dt = time.perf_counter() - t
        extra = f"  ratio to dedicated {dt / t_ref:4.2f}x" if not params else ""
        same = f"  same optimum: {abs(a.total_score_ - ref_total) < 1e-3}" if not params else ""
        print(f"  {label:<47} {dt:6.2f}s | pairs {a.n_assigned_}  total score "
              f"{a.total_score_:.3f}  worst-off {a.min_score_:.2f}{extra}{same}")
    if with_scipy:
        saved = assignment._FLOW
        assignment._FLOW = None
        try:
            t = time.perf_counter()
            a = PairAssigner().fit(scorer)
            print(f"  {'scipy fallback (slot-expanded matching) total':<47} "
                  f"{time.perf_counter() - t:6.2f}s | pairs {a.n_assigned_}  total score "
                  f"{a.total_score_:.3f}")
        finally:
            assignment._FLOW = saved
    t = time.perf_counter()
    suggestions = scorer.suggest(top_k=1, mentee_ids=[e.id for e in mentees[:10000]])
    print(f"  10,000 explained suggestions {time.perf_counter() - t:6.2f}s "
          f"({sum(len(v) for v in suggestions.values())} built; fit took {t_fit:.2f}s)")
    print(f"  peak RSS: {peak_rss_mb():.0f} MB")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="run only the school case")
    parser.add_argument("--large", action="store_true",
                        help="run only the large connected component case")
    parser.add_argument("--no-scipy", action="store_true",
                        help="skip timing the scipy fallback solver on the large component")
    parser.add_argument("--candidates", type=int, default=50,
                        help="candidates kept per mentee in pruned runs (default 50)")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    if args.large:
        large_component(args.candidates, not args.no_scipy)
        return
    school(args.candidates)
    if not args.quick:
        region(args.candidates)
        large_component(args.candidates, not args.no_scipy)


if __name__ == "__main__":
    main()
