"""Monitoring figures on a hand-built dataset; SVG charts well-formed and escaped."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from webapp.monitoring import charts, statistics
from webapp.monitoring.statistics import Expected, Observation

SVG = "{http://www.w3.org/2000/svg}"


def dataset():
    # pair 1 (teacher_teacher): mentor 10 and mentee 11; pair 2 (student_student): mentor 20, mentee 21
    obs = [
        Observation(1, "teacher_teacher", "mentor", "entry", 10, {"comfort": 4, "usefulness": 6}, texts={"hopes": "Рост"}),
        Observation(1, "teacher_teacher", "mentee", "entry", 11, {"comfort": 2, "usefulness": 5}),
        Observation(1, "teacher_teacher", "mentor", "exit", 10, {"comfort": 8, "usefulness": 7},
                    flags={"would_continue": True}, texts={"what_helped": "Встречи"}),
        Observation(1, "teacher_teacher", "mentee", "exit", 11, {"comfort": 6, "usefulness": 9},
                    flags={"would_continue": False}),
        Observation(2, "student_student", "mentor", "entry", 20, {"comfort": 6, "usefulness": 4}),
        Observation(2, "student_student", "mentee", "mid", 21, {"comfort": 7}),
        Observation(2, "student_student", "mentor", "exit", 20, {"comfort": 10, "usefulness": 4}),
    ]
    expected = [Expected(g, f, r, s, u) for g, f, r, u in
                [(1, "teacher_teacher", "mentor", 10), (1, "teacher_teacher", "mentee", 11),
                 (2, "student_student", "mentor", 20), (2, "student_student", "mentee", 21)]
                for s in ("entry", "mid", "exit")]
    return obs, expected


def test_response_rates():
    obs, expected = dataset()
    rates = statistics.response_rates(expected, obs)
    assert (rates["entry"].asked, rates["entry"].answered, rates["entry"].percent) == (4, 3, 75.0)
    assert (rates["mid"].answered, rates["mid"].percent) == (1, 25.0)
    assert (rates["exit"].answered, rates["exit"].percent) == (3, 75.0)
    pair1 = statistics.response_rates([e for e in expected if e.group_id == 1], statistics.select(obs, group_id=1))
    assert pair1["entry"].percent == 100.0 and pair1["mid"].percent == 0.0
    assert statistics.response_rates([], [])["entry"].percent is None


def test_means_and_distributions():
    obs, _ = dataset()
    entry = statistics.item_stats(obs, "entry")
    assert list(entry) == ["comfort", "usefulness"]
    assert (entry["comfort"].n, entry["comfort"].mean) == (3, 4.0)
    assert entry["usefulness"].mean == 5.0
    assert entry["comfort"].distribution == {1: 0, 2: 1, 3: 0, 4: 1, 5: 0, 6: 1, 7: 0, 8: 0, 9: 0, 10: 0}
    exit_ = statistics.item_stats(obs, "exit")
    assert exit_["comfort"].mean == 8.0 and exit_["usefulness"].mean == round((7 + 9 + 4) / 3, 2)
    assert statistics.item_stats(obs, "mid")["comfort"].distribution[7] == 1


def test_before_after_changes():
    obs, _ = dataset()
    changes = statistics.before_after(obs)
    comfort = changes["comfort"]
    assert (comfort.before.mean, comfort.after.mean, comfort.delta) == (4.0, 8.0, 4.0)
    assert comfort.paired_n == 3 and comfort.paired_delta == round(((8 - 4) + (6 - 2) + (10 - 6)) / 3, 2)
    usefulness = changes["usefulness"]
    assert usefulness.delta == round((7 + 9 + 4) / 3 - 5.0, 2)
    assert usefulness.paired_delta == round(((7 - 6) + (9 - 5) + (4 - 4)) / 3, 2)
    per_form = statistics.before_after(statistics.select(obs, form="student_student"))
    assert per_form["comfort"].delta == 4.0 and per_form["comfort"].paired_n == 1
    mentees = statistics.before_after(statistics.select(obs, role="mentee"))
    assert mentees["comfort"].delta == 4.0 and mentees["usefulness"].delta == 4.0


def test_yes_shares_and_open_answers():
    obs, _ = dataset()
    shares = statistics.yes_shares(obs, "exit")
    assert (shares["would_continue"].asked, shares["would_continue"].answered) == (2, 1)
    answers = statistics.open_answers(obs)
    assert answers == [("entry", "mentor", "hopes", "Рост", 1), ("exit", "mentor", "what_helped", "Встречи", 1)]


def test_svg_is_well_formed_and_escaped():
    evil = '<script>alert("x")</script> & «ещё»'
    svg = charts.grouped_bars(evil, [evil, "Польза"], [(evil, "#123456", [4.5, None]), ("После", charts.AFTER, [8, 12])])
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == evil
    assert "<script>" not in svg
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "4,5" in texts and "—" in texts
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect")]
    assert max(widths) <= float(root.get("width"))  # values above 10 are clipped to the scale
    hist = charts.histogram(evil, {1: 0, 2: 3, 10: 1})
    root = ET.fromstring(hist)
    assert root.find(f"{SVG}title").text == evil
    assert [t.text for t in root.iter(f"{SVG}text")].count("3") >= 1
