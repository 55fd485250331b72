"""Charts as hand-written SVG strings: readable without JavaScript, printable, every text escaped.

Colours are presentation attributes (no style attributes: the CSP forbids inline styles).
"""
from __future__ import annotations

import itertools
from xml.sax.saxutils import escape, quoteattr

from flask_babel import gettext as _

from webapp import number_format

BEFORE, AFTER, MID = "#9aa7b8", "#2f6fb0", "#d08a2c"
_ids = itertools.count(1)


def _t(text) -> str:
    return escape(str(text))


def _a(text) -> str:
    return quoteattr(str(text))


def _number(value) -> str:
    return number_format.decimal(value, 1)


def _wrap(text: str, width: int) -> list[str]:
    words, lines, line = str(text).split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines[:3] or [""]


def _open(width: int, height: int, title: str, description: str) -> tuple[str, str]:
    uid = next(_ids)
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" aria-labelledby="chart-t{uid} chart-d{uid}" '
            f'font-family="sans-serif" font-size="12">'
            f'<title id="chart-t{uid}">{_t(title)}</title><desc id="chart-d{uid}">{_t(description)}</desc>'
            f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>'
            f'<text x="10" y="20" font-size="14" font-weight="bold" fill="#222">{_t(title)}</text>')
    return head, "</svg>"


def grouped_bars(title: str, labels: list[str], series: list[tuple[str, str, list]], max_value: float = 10) -> str:
    """Horizontal bars: one group per item label, one bar per series (name, colour, values; None = no data)."""
    label_w, plot_w, bar_h, gap = 230, 360, 14, 12
    group_h = bar_h * len(series) + gap
    top = 50
    width = label_w + plot_w + 70
    height = top + group_h * max(len(labels), 1) + 30
    desc = "; ".join(f"{label}: " + ", ".join(f"{name} {_number(values[i])}" for name, _c, values in series)
                     for i, label in enumerate(labels))
    head, tail = _open(width, height, title, desc)
    parts = [head]
    x = 10
    for name, colour, _values in series:  # legend
        parts.append(f'<rect x="{x}" y="30" width="12" height="12" fill={_a(colour)}/>'
                     f'<text x="{x + 16}" y="40" fill="#222">{_t(name)}</text>')
        x += 30 + 8 * len(name)
    for tick in range(0, int(max_value) + 1, 2):
        tx = label_w + plot_w * tick / max_value
        parts.append(f'<line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{height - 26}" stroke="#e3e6ea"/>'
                     f'<text x="{tx:.1f}" y="{height - 12}" text-anchor="middle" fill="#555">{tick}</text>')
    for i, label in enumerate(labels):
        y0 = top + i * group_h
        for j, line in enumerate(_wrap(label, 32)):
            parts.append(f'<text x="{label_w - 8}" y="{y0 + 11 + j * 13}" text-anchor="end" fill="#222">{_t(line)}</text>')
        for k, (name, colour, values) in enumerate(series):
            value = values[i]
            y = y0 + k * bar_h
            w = 0 if value is None else plot_w * max(0.0, min(value, max_value)) / max_value
            parts.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h - 2}" fill={_a(colour)}>'
                         f'<title>{_t(label)} — {_t(name)}: {_number(value)}</title></rect>'
                         f'<text x="{label_w + w + 4:.1f}" y="{y + bar_h - 4}" fill="#222">{_number(value)}</text>')
    parts.append(tail)
    return "".join(parts)


def histogram(title: str, distribution: dict[int, int], colour: str = AFTER) -> str:
    """Columns for the scores 1..10 with the number of answers above each."""
    width, height, left, bottom, top = 330, 170, 30, 30, 40
    plot_w, plot_h = width - left - 10, height - top - bottom
    peak = max(distribution.values(), default=0) or 1
    desc = ", ".join(f"{score}: {count}" for score, count in sorted(distribution.items()))
    head, tail = _open(width, height, title, _("Распределение оценок — %(scores)s", scores=desc))
    parts = [head]
    step = plot_w / 10
    for index, score in enumerate(range(1, 11)):
        count = distribution.get(score, 0)
        h = plot_h * count / peak
        x = left + index * step
        y = top + plot_h - h
        parts.append(f'<rect x="{x + 2:.1f}" y="{y:.1f}" width="{step - 4:.1f}" height="{h:.1f}" fill={_a(colour)}>'
                     f'<title>{score}: {count}</title></rect>'
                     f'<text x="{x + step / 2:.1f}" y="{height - bottom + 14}" text-anchor="middle" fill="#555">{score}</text>')
        if count:
            parts.append(f'<text x="{x + step / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" fill="#222">{count}</text>')
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="#888"/>')
    parts.append(tail)
    return "".join(parts)
