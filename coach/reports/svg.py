"""Small inline SVG charts (line chart, sparkline, bars) with no external references.

The SVG is meant to sit inside an HTML5 page, so it carries no xmlns URL; every
label is escaped, including "/", so the page never holds a "//" sequence.
"""
from __future__ import annotations

import html
from collections.abc import Sequence

MARKED_POINTS = 30          # series this short get a dot on every point

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2")


def esc(text: object) -> str:
    return html.escape(str(text), quote=True).replace("/", "&#47;")


def round_name(round_id: str | None) -> str:
    """A round as the app names it ("Behavioural round", not "behavioral"); an unknown id reads as itself."""
    if not round_id:
        return "-"
    from coach.content.loader import rounds_and_dimensions

    spec = rounds_and_dimensions()[0].get(round_id)
    return spec.name if spec is not None else round_id


def downsample(values: Sequence[float], max_points: int = 120) -> list[float]:
    """Average consecutive values into at most `max_points` buckets (keeps the shape of long series)."""
    n = len(values)
    if n <= max_points:
        return list(values)
    out = []
    for b in range(max_points):
        lo, hi = b * n // max_points, (b + 1) * n // max_points
        chunk = values[lo:hi] or values[lo:lo + 1]
        out.append(sum(chunk) / len(chunk))
    return out


def _scale(values: Sequence[float], lo: float, hi: float, x0: float, x1: float, y0: float, y1: float,
           at: Sequence[float] | None = None) -> str:
    """Points for a polyline: evenly spaced, or at the fractions `at` (0 left, 1 right) of the width."""
    span = (hi - lo) or 1.0
    step = (x1 - x0) / max(1, len(values) - 1)
    pts = []
    for i, v in enumerate(values):
        v = min(max(v, lo), hi)
        if at is not None:
            x = x0 + at[i] * (x1 - x0)
        else:
            x = x0 + i * step if len(values) > 1 else (x0 + x1) / 2
        y = y1 - (v - lo) / span * (y1 - y0)
        pts.append(f"{x:.1f},{y:.1f}")
    return " ".join(pts)


def line_chart(series: Sequence[tuple[str, Sequence[float]]], title: str, y_min: float = 0.0,
               y_max: float | None = None, width: int = 720, height: int = 220,
               x_labels: tuple[str, str] = ("", ""), ticks: int = 5,
               positions: Sequence[Sequence[float]] | None = None) -> str:
    """Several lines on one set of axes, with a legend; each series is downsampled to 120 points.

    `positions` (one per series, fractions of the x axis) puts series with points in different sessions on
    one shared axis; without it each series is spread evenly over the width."""
    at_all = list(positions) if positions is not None else [()] * len(series)
    shown = [(name, downsample(list(vals)), downsample(list(at)) if positions is not None else None)
             for (name, vals), at in zip(series, at_all) if vals]
    top = y_max if y_max is not None else max((max(v) for _, v, _ in shown), default=1.0) * 1.1 or 1.0
    left, right, up, down = 44, width - 190, 26, height - 30
    parts = [f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{esc(title)}"><title>{esc(title)}</title>',
             f'<text x="{left}" y="16" class="ct">{esc(title)}</text>']
    for i in range(ticks + 1):
        value = y_min + (top - y_min) * i / ticks
        y = down - (down - up) * i / ticks
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" class="tick" text-anchor="end">{value:.1f}</text>')
    first, last = x_labels
    parts.append(f'<text x="{left}" y="{height - 8}" class="tick">{esc(first)}</text>')
    if last != first:           # one day's sessions: its date once, not at both ends
        parts.append(f'<text x="{right}" y="{height - 8}" class="tick" text-anchor="end">{esc(last)}</text>')
    ly = up + 4
    for i, (name, vals, at) in enumerate(shown):
        color = PALETTE[i % len(PALETTE)]
        points = _scale(vals, y_min, top, left, right, up, down, at)
        parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" '
                     f'points="{points}"><title>{esc(name)}</title></polyline>')
        if len(vals) <= MARKED_POINTS:   # a lone point draws no line: mark each point of a short series
            for xy in points.split():
                cx, cy = xy.split(",")
                parts.append(f'<circle cx="{cx}" cy="{cy}" r="3" fill="{color}"/>')
        # the legend has ~160 px: "Story structure (situation, ...)" loses its aside, a long name takes two lines
        lines = legend_lines(name.split(" (")[0])
        parts.append(f'<rect x="{right + 12}" y="{ly}" width="12" height="4" fill="{color}"/>'
                     f'<text x="{right + 30}" y="{ly + 6}" class="tick"><title>{esc(name)}</title>'
                     + "".join(f'<tspan x="{right + 30}" dy="{0 if j == 0 else 11}">{esc(t)}</tspan>'
                               for j, t in enumerate(lines)) + '</text>')
        ly += 18 + 11 * (len(lines) - 1)
    if not shown:
        parts.append(f'<text x="{(left + right) / 2}" y="{height / 2}" class="tick" text-anchor="middle">no data yet</text>')
    parts.append("</svg>")
    return "".join(parts)


LEGEND_CHARS = 25     # what fits on one line of a chart's legend


def legend_lines(label: str, width: int = LEGEND_CHARS) -> list[str]:
    """A legend label on at most two lines, broken between words; a second line that would run over ends in "…"."""
    if len(label) <= width:
        return [label]
    words = label.split()
    first = ""
    while words and len(first + " " + words[0]) - (0 if first else 1) <= width:
        first = (first + " " + words.pop(0)).strip()
    if not first:                    # one long word
        first, words = label[:width], [label[width:]]
    rest = " ".join(words)
    return [first, rest if len(rest) <= width else rest[:width - 1].rstrip() + "…"]


def sparkline(values: Sequence[float], y_min: float = 0.0, y_max: float = 5.0, width: int = 140,
              height: int = 30, label: str = "trend") -> str:
    """A tiny line with its last point marked."""
    vals = downsample(list(values), 60)
    if not vals:
        return f'<svg class="spark" width="{width}" height="{height}" role="img"><title>{esc(label)}: no data</title></svg>'
    pts = _scale(vals, y_min, y_max, 2, width - 4, 3, height - 3)
    last = pts.split()[-1].split(",")
    return (f'<svg class="spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">'
            f'<title>{esc(label)}</title><polyline fill="none" stroke="#1f77b4" stroke-width="1.5" points="{pts}"/>'
            f'<circle cx="{last[0]}" cy="{last[1]}" r="2.5" fill="#d62728"/></svg>')


def bar_chart(bars: Sequence[tuple[str, float, str]], title: str, width: int = 640, height: int = 180) -> str:
    """Vertical bars for shares in [0, 1]: (label under the bar, share, tooltip)."""
    bars = list(bars)[-52:]
    left, right, up, down = 36, width - 10, 26, height - 30
    parts = [f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{esc(title)}"><title>{esc(title)}</title>',
             f'<text x="{left}" y="16" class="ct">{esc(title)}</text>']
    for share in (0.0, 0.5, 1.0):
        y = down - (down - up) * share
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{left - 4}" y="{y + 4:.1f}" class="tick" text-anchor="end">{share:.0%}</text>')
    slot = (right - left) / max(1, len(bars))
    for i, (label, share, tip) in enumerate(bars):
        h = (down - up) * min(max(share, 0.0), 1.0)
        x = left + i * slot + slot * 0.15
        parts.append(f'<rect x="{x:.1f}" y="{down - h:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" fill="#2ca02c">'
                     f'<title>{esc(tip)}</title></rect>')
        if len(bars) <= 12 or i % max(1, len(bars) // 8) == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - 10}" class="tick">{esc(label)}</text>')
    if not bars:
        parts.append(f'<text x="{(left + right) / 2}" y="{height / 2}" class="tick" text-anchor="middle">no data yet</text>')
    parts.append("</svg>")
    return "".join(parts)
