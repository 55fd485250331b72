"""The one suppression rule of the regional pages and exports: fewer than 5 people → «<5», and no total
gives a hidden cell away."""
from __future__ import annotations

from webapp.region import suppression
from webapp.region.suppression import HIDDEN, count, mean, protect, share


def test_counts_of_one_to_four_are_hidden_zero_and_five_are_shown():
    assert [count(n).text for n in (0, 1, 4, 5, 12)] == ["0", HIDDEN, HIDDEN, "5", "12"]
    assert count(3).export_value == HIDDEN and count(7).export_value == 7


def test_a_share_hides_small_denominators_parts_and_rests():
    assert share(2, 4).hidden  # of four people
    assert share(3, 100).hidden  # names three people
    assert share(97, 100).hidden  # the rest names three people
    assert share(0, 100).text == "0,0" and share(100, 100).text == "100,0"
    assert share(50, 100).text == "50,0"
    assert share(50, 100, hidden_part=True).hidden
    assert share(0, 0).text == "—"


def test_a_mean_needs_five_answers():
    assert mean(7.26, 4).hidden and mean(7.26, 5).text == "7,3"
    assert mean(None, 0).text == "—"


def test_a_total_with_one_hidden_part_hides_the_next_smallest_part():
    counts = {"total": 20, "a": 3, "b": 7, "c": 10}
    cells = protect(counts, [("total", ["a", "b", "c"])])
    assert cells["a"].hidden  # primary
    assert cells["b"].hidden  # secondary: 20 − 10 − b would give «a» back
    assert not cells["c"].hidden and not cells["total"].hidden
    shown = {k: c.value for k, c in cells.items() if not c.hidden}
    # what a reader can compute: total − shown parts covers two hidden cells, not one
    assert shown["total"] - shown["c"] == 10 and sum(1 for c in cells.values() if c.hidden) == 2


def test_two_hidden_parts_need_nothing_more_and_a_hidden_total_protects_itself():
    cells = protect({"t": 14, "a": 2, "b": 2, "c": 10}, [("t", ["a", "b", "c"])])
    assert [cells[k].hidden for k in ("t", "a", "b", "c")] == [False, True, True, False]
    cells = protect({"t": 3, "a": 3, "b": 0}, [("t", ["a", "b"])])
    assert cells["t"].hidden and cells["a"].hidden and cells["b"].text == "0"


def test_secondary_suppression_spreads_across_nested_groups_until_stable():
    # a school row (pairs by form) inside a municipality column: hiding one cell may open another group
    counts = {("s1", "pairs"): 9, ("s1", "f1"): 2, ("s1", "f2"): 7,
              ("s2", "pairs"): 30, ("s2", "f1"): 10, ("s2", "f2"): 20,
              ("m", "pairs"): 39, ("m", "f1"): 12, ("m", "f2"): 27}
    groups = [(("s1", "pairs"), [("s1", "f1"), ("s1", "f2")]), (("s2", "pairs"), [("s2", "f1"), ("s2", "f2")]),
              (("m", "pairs"), [("m", "f1"), ("m", "f2")]),
              (("m", "f1"), [("s1", "f1"), ("s2", "f1")]), (("m", "f2"), [("s1", "f2"), ("s2", "f2")]),
              (("m", "pairs"), [("s1", "pairs"), ("s2", "pairs")])]
    cells = protect(counts, groups)
    for total, parts in groups:
        assert sum(1 for key in [total, *parts] if cells[key].hidden) != 1, (total, parts)
    assert cells[("s1", "f1")].hidden and cells[("s2", "f1")].hidden


def test_a_hidden_total_whose_parts_are_all_shown_hides_a_part():
    # the region's 8 pairs = 6 (first municipality) + 2 (hidden): the 6 goes too, and so does the
    # one school that makes the first municipality (its 6 would give the municipality's back)
    counts = {"region": 8, "m1": 6, "m2": 2, "school": 6}
    cells = protect(counts, [("region", ["m1", "m2"]), ("m1", ["school"])])
    assert cells["m2"].hidden and cells["m1"].hidden and cells["school"].hidden
    assert not cells["region"].hidden


def test_the_threshold_is_five():
    assert suppression.THRESHOLD == 5
