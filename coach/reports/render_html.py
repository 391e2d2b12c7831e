"""The progress report as one self-contained HTML page: inline CSS and inline SVG, no scripts, no links out."""
from __future__ import annotations

from coach.progress.report_model import PER_ROUND_NOTE, Highlight, Report, round_title
from coach.progress.trends import Trend
from coach.reports.svg import bar_chart, esc, line_chart, round_name, sparkline

CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:1px solid #ddd;padding-bottom:.2em}
.meta{color:#666}table{border-collapse:collapse;width:100%;margin:.6em 0}
th,td{border-bottom:1px solid #eee;padding:.35em .5em;text-align:left;vertical-align:top}th{background:#f6f6f6}
.num{text-align:right;font-variant-numeric:tabular-nums}.day{white-space:nowrap}.improving{color:#1a7f37}.slipping{color:#c62828}
.rehearsed{color:#1a7f37}.none{color:#c62828}.once{color:#a36b00}
.card{border:1px solid #e3e3e3;border-radius:6px;padding:.6em .9em;margin:.6em 0}
svg.chart{max-width:100%;height:auto}.chart .grid{stroke:#eee}.chart .tick{font-size:11px;fill:#666}.chart .ct{font-size:13px;fill:#333;font-weight:600}
blockquote{margin:.4em 0;color:#444;border-left:3px solid #ddd;padding-left:.7em}
"""


def _f(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _values(trend: Trend) -> list[float]:
    return [p.value for p in trend.points]


def _ends(trend: Trend) -> tuple[str, str]:
    if not trend.points:
        return ("", "")
    return (trend.points[0].day.isoformat(), trend.points[-1].day.isoformat())


def _on_sessions(axis: Trend, trends: list[Trend]) -> list[list[float]]:
    """Where each trend's points sit on the axis of `axis`'s sessions (0 the first, 1 the last): a dimension
    scored in some sessions only is drawn at those sessions, not spread over the whole width."""
    order = {p.session_id: i for i, p in enumerate(axis.points)}
    last = max(1, len(order) - 1)
    single = len(order) <= 1
    return [[0.5 if single else order.get(p.session_id, 0) / last for p in t.points] for t in trends]


def _trend_row(t: Trend, lo: float = 0.0, hi: float = 5.0) -> str:
    change = t.change
    sign = "" if change is None else f"{change:+.1f}"
    cls = t.verdict if t.verdict in ("improving", "slipping") else ""
    return (f"<tr><td>{esc(t.name)}</td><td class=num>{_f(t.first)}</td><td class=num>{_f(t.last)}</td>"
            f"<td class=num>{esc(sign)}</td><td class='{cls}'>{esc(t.verdict)}</td>"
            f"<td class=num>{t.samples}</td><td>{sparkline(_values(t), lo, hi, label=t.name)}</td></tr>")


def _highlight(h: Highlight) -> str:
    notes = "".join(f"<li>{esc(n)}</li>" for n in h.notes)
    return (f"<div class=card><b>{h.overall:.1f}/5</b> · {esc(h.day)} · {esc(round_name(h.round))} · "
            f"turn {h.turn_no} in session {esc(h.session_id)}<br><i>{esc(h.question)}</i>"
            f"<blockquote>{esc(h.excerpt)}</blockquote><ul>{notes}</ul></div>")


def _sections(r: Report) -> list[str]:
    out = [f"<h1>Interview practice: progress report</h1><p class=meta>{esc(r.counts)}, {esc(r.first_day or '-')} to {esc(r.last_day or '-')}"
           + (f" · since {esc(r.since)}" if r.since else "") + (f" · {esc(round_name(r.round))} only" if r.round else "")
           + f" · made {esc(r.generated_at)}</p>"]
    out.append("<ul>" + "".join(f"<li>{esc(s)}</li>" for s in r.summary) + "</ul>")
    out.append("<h2>Scores over sessions, per round</h2><p class=meta>" + esc(PER_ROUND_NOTE) + "</p>")
    for rt in r.rounds:
        o = rt.overall
        out.append(f"<h3>{esc(round_title(rt.round))} · {len(o.points)} session{'' if len(o.points) == 1 else 's'}</h3>")
        out.append(line_chart([("overall", _values(o))], "Overall score per session (0-5)", 0, 5, x_labels=_ends(o)))
        out.append(line_chart([(t.name, _values(t)) for t in rt.dimensions], "Rubric dimensions per session (0-5)",
                              0, 5, x_labels=_ends(o), positions=_on_sessions(o, rt.dimensions)))
        rows = "".join(_trend_row(t) for t in [o, *rt.dimensions])
        out.append("<table><tr><th>Dimension</th><th class=num>First</th><th class=num>Latest</th><th class=num>Change</th>"
                   f"<th>Verdict</th><th class=num>Answers</th><th>Trend</th></tr>{rows}</table>")
    if not r.rounds:
        out.append("<p>None scored yet.</p>")
    out.append("<h2>Gaps that keep coming back</h2>")
    if r.gaps:
        items = "".join(f"<li>{esc(g.statement)}; {esc(g.lately)}"
                        + (f"<br><small>e.g. {esc(g.examples[0])}</small>" if g.examples else "") + "</li>"
                        for g in r.gaps)
        out.append(f"<ul>{items}</ul>")
    else:
        out.append("<p>No gap shows up often enough to call it a habit.</p>")
    out.append("<h2>Best answers</h2>" + ("".join(_highlight(h) for h in r.best) or "<p>None scored yet.</p>"))
    out.append("<h2>Weakest answers</h2>" + ("".join(_highlight(h) for h in r.worst) or f"<p>{esc(r.no_weakest)}</p>"))
    out.append("<h2>Delivery</h2>")
    fmax = max([5.0, *_values(r.fillers)])
    out.append(line_chart([("fillers per 100 words", _values(r.fillers))], "Filler words per 100 words", 0, fmax,
                          x_labels=_ends(r.fillers)))
    out.append(line_chart([("words per minute", _values(r.wpm))], "Speaking rate (words per minute)", 0,
                          max([200.0, *_values(r.wpm)]), x_labels=_ends(r.wpm)))
    out.append("<table><tr><th>Measure</th><th class=num>First</th><th class=num>Latest</th><th class=num>Change</th>"
               f"<th>Verdict</th><th class=num>Answers</th><th>Trend</th></tr>{_trend_row(r.fillers, 0, fmax)}"
               f"{_trend_row(r.wpm, 0, 220)}</table>")
    if r.top_fillers:
        out.append("<p>Most used fillers: " + esc(", ".join(f"{w} ({n})" for w, n in r.top_fillers)) + "</p>")
    s = r.sizing
    out.append("<h2>Napkin math</h2>")
    if s.total:
        out.append(f"<p>{s.ok} of {s.total} sizing checks held ({s.rate:.0%}).</p>")
        out.append(bar_chart([(w.strftime("%m-%d"), ok / total, f"week of {w}: {ok} of {total} held")
                              for w, ok, total in s.weekly], "Share of sizing checks that held, per week"))
        out.append("<ul>" + "".join(f"<li>{esc(d)} {esc(q)}: {esc(m)}</li>" for d, q, m in s.failures) + "</ul>")
    else:
        out.append("<p>No sizing checks yet: system-design answers with numbers will show up here.</p>")
    out.append("<h2>Story bank</h2><table><tr><th>Signal</th><th>Status</th><th>Stories</th><th class=num>Best</th></tr>")
    for c in r.coverage:
        cls = {"rehearsed": "rehearsed", "none": "none"}.get(c.status, "once")
        out.append(f"<tr><td>{esc(c.signal.name)}</td><td class={cls}>{esc(c.status)}</td>"
                   f"<td>{esc('; '.join(c.stories[:3]) or '-')}</td><td class=num>{_f(c.best)}</td></tr>")
    out.append("</table><table><tr><th>Story</th><th>Kind</th><th class=num>Told</th><th>Last told</th>"
               "<th class=num>Best</th><th>Signals</th></tr>")
    for st in r.stories[:25]:
        out.append(f"<tr><td>{esc(st.name)}</td><td>{'named' if st.named else 'suggested'}</td>"
                   f"<td class=num>{st.told}</td><td class=day>{esc(st.last_day or '-')}</td><td class=num>{_f(st.best)}</td>"
                   f"<td>{esc(', '.join(st.signals) or '-')}</td></tr>")
    out.append("</table><h2>Weekly log</h2><table><tr><th>Week of</th><th class=num>Sessions</th>"
               "<th class=num>Answers</th><th class=num>Questions</th><th class=num>Minutes</th><th class=num>Mean</th>"
               "<th>Rounds</th><th>Struggled with</th></tr>")
    for w in reversed(r.weeks):
        rounds = ", ".join(f"{round_name(rid)} ×{n}" for rid, n in w.rounds)
        out.append(f"<tr><td class=day>{w.start}</td><td class=num>{w.sessions}</td><td class=num>{w.answers}</td>"
                   f"<td class=num>{len(w.questions)}</td><td class=num>{w.minutes:.0f}</td>"
                   f"<td class=num>{_f(w.mean_overall)}</td><td>{esc(rounds or '-')}</td>"
                   f"<td>{esc('; '.join(w.patterns) or '-')}</td></tr>")
    out.append("</table>")
    return out


def render_html(report: Report) -> str:
    """The whole page as a string; it opens offline and loads nothing."""
    body = "\n".join(_sections(report))
    return ("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
            "<meta name=viewport content='width=device-width, initial-scale=1'>"
            f"<title>Interview practice progress</title><style>{CSS}</style></head>\n<body>\n{body}\n</body></html>\n")
