"""The progress report as Markdown, for notes: tables plus text sparklines."""
from __future__ import annotations

from collections.abc import Sequence

from coach.progress.report_model import PER_ROUND_NOTE, Highlight, Report, round_title
from coach.progress.trends import Trend
from coach.reports.svg import downsample, round_name

BARS = "▁▂▃▄▅▆▇█"


def spark(values: Sequence[float], lo: float = 0.0, hi: float = 5.0, width: int = 24) -> str:
    """A one-line text chart, e.g. ▂▃▃▅▆."""
    vals = downsample(list(values), width)
    span = (hi - lo) or 1.0
    return "".join(BARS[min(len(BARS) - 1, max(0, int((v - lo) / span * (len(BARS) - 1) + 0.5)))] for v in vals)


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _trend_rows(trends: Sequence[Trend], lo: float = 0.0, hi: float = 5.0) -> list[str]:
    rows = []
    for t in trends:
        change = "-" if t.change is None else f"{t.change:+.1f}"
        rows.append(f"| {_cell(t.name)} | {_f(t.first)} | {_f(t.last)} | {change} | {t.verdict} | {t.samples} | "
                    f"{spark([p.value for p in t.points], lo, hi)} |")
    return rows


def _highlight(h: Highlight) -> list[str]:
    lines = [f"- **{h.overall:.1f}/5** · {h.day} · {round_name(h.round)} · turn {h.turn_no} — _{h.question}_",
             f"  > {h.excerpt}"]
    lines += [f"  - {n}" for n in h.notes]
    return lines


def render_md(r: Report) -> str:
    """The whole report as one Markdown document."""
    head = "| Measure | First | Latest | Change | Verdict | Answers | Trend |\n|---|---:|---:|---:|---|---:|---|"
    scope = (f" since {r.since}" if r.since else "") + (f", {round_name(r.round)} only" if r.round else "")
    out = [f"# Interview practice: progress report{scope}", "",
           f"{r.counts}, "
           f"{r.first_day or '-'} to {r.last_day or '-'}; made {r.generated_at}.", ""]
    out += [f"- {s}" for s in r.summary] + ["", "## Scores over sessions, per round", "", PER_ROUND_NOTE]
    for rt in r.rounds:
        n = len(rt.overall.points)
        out += ["", f"### {round_title(rt.round)} · {n} session{'' if n == 1 else 's'}", "", head]
        out += _trend_rows([rt.overall, *rt.dimensions])
    if not r.rounds:
        out += ["", "None scored yet."]
    out += ["", "## Gaps that keep coming back", ""]
    if r.gaps:
        for g in r.gaps:
            example = f" — e.g. \"{g.examples[0]}\"" if g.examples else ""
            out.append(f"- {g.statement}; {g.lately}{example}")
    else:
        out.append("No gap shows up often enough to call it a habit.")
    out += ["", "## Best answers", ""]
    for h in r.best:
        out += _highlight(h)
    if not r.best:
        out.append("None scored yet.")
    out += ["", "## Weakest answers", ""]
    for h in r.worst:
        out += _highlight(h)
    if not r.worst:
        out.append(r.no_weakest)
    fmax = max([5.0, *(p.value for p in r.fillers.points)])
    out += ["", "## Delivery", "", head, *_trend_rows([r.fillers], 0, fmax), *_trend_rows([r.wpm], 0, 220)]
    if r.top_fillers:
        out += ["", "Most used fillers: " + ", ".join(f"{w} ({n})" for w, n in r.top_fillers) + "."]
    s = r.sizing
    out += ["", "## Napkin math", ""]
    if s.total:
        out.append(f"{s.ok} of {s.total} sizing checks held ({s.rate:.0%}). Per week: "
                   + spark([ok / total for _, ok, total in s.weekly], 0, 1) + ".")
        out += [f"- {d} {q}: {m}" for d, q, m in s.failures]
    else:
        out.append("No sizing checks yet: system-design answers with numbers will show up here.")
    out += ["", "## Story bank", "", "| Signal | Status | Stories | Best |", "|---|---|---|---:|"]
    for c in r.coverage:
        out.append(f"| {_cell(c.signal.name)} | {c.status} | {_cell('; '.join(c.stories[:3]) or '-')} | {_f(c.best)} |")
    out += ["", "| Story | Kind | Told | Last told | Best | Signals |", "|---|---|---:|---|---:|---|"]
    for st in r.stories[:25]:
        out.append(f"| {_cell(st.name)} | {'named' if st.named else 'suggested'} | {st.told} | "
                   f"{st.last_day or '-'} | {_f(st.best)} | {_cell(', '.join(st.signals) or '-')} |")
    out += ["", "## Weekly log", "", "| Week of | Sessions | Answers | Questions | Minutes | Mean | Rounds | "
            "Struggled with |", "|---|---:|---:|---:|---:|---:|---|---|"]
    for w in reversed(r.weeks):
        rounds = ", ".join(f"{round_name(rid)} ×{n}" for rid, n in w.rounds) or "-"
        out.append(f"| {w.start} | {w.sessions} | {w.answers} | {len(w.questions)} | {w.minutes:.0f} | "
                   f"{_f(w.mean_overall)} | {rounds} | {_cell('; '.join(w.patterns) or '-')} |")
    return "\n".join(out) + "\n"
