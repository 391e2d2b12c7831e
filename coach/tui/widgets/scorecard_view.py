"""A compact scorecard: STAR evidence highlighted in the transcript, sizing, delivery, gaps.

Reads the scorer's `to_dict()` shape with `.get` everywhere, so a card with
missing parts (or an older card from the database) still renders.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text
from textual.widgets import Static

STAR_STYLES = {
    "situation": ("S", "black on #5fafd7"),
    "task": ("T", "black on #d787d7"),
    "action": ("A", "black on #87d787"),
    "result": ("R", "black on #d7af5f"),
}


def _score_style(score: float) -> str:
    return "bold green" if score >= 3.5 else ("bold yellow" if score >= 2.5 else "bold red")


def highlight_transcript(transcript: str, card: Mapping[str, Any]) -> Text:
    """The transcript with each STAR component's evidence sentences highlighted in its colour."""
    text = Text(transcript)
    lower = transcript.lower()
    star = card.get("star") or {}
    for component, (_, style) in STAR_STYLES.items():
        part = star.get(component) or {}
        for sentence in part.get("evidence") or []:
            needle = str(sentence).strip().lower()
            if not needle:
                continue
            at = lower.find(needle)
            if at >= 0:
                text.stylize(style, at, at + len(needle))
    return text


def star_line(card: Mapping[str, Any]) -> Text:
    star = card.get("star") or {}
    line = Text("STAR ", style="bold")
    for component, (letter, style) in STAR_STYLES.items():
        present = bool((star.get(component) or {}).get("present"))
        line.append(f" {letter} ", style=style if present else "dim strike")
        line.append(" ")
    if star.get("score") is not None:
        line.append(f"{float(star['score']):.1f}/5", style=_score_style(float(star["score"])))
    return line


def render_card(card: Mapping[str, Any], transcript: str = "",
                gap_names: Mapping[str, str] | None = None, max_gaps: int = 3) -> Text:
    """All of one answer's feedback as one Rich Text block."""
    gap_names = gap_names or {}
    out = Text()
    overall = card.get("overall")
    if overall is not None:
        out.append("Score ", style="bold")
        out.append(f"{float(overall):.1f}/5", style=_score_style(float(overall)))
        out.append("   ")
    out.append_text(star_line(card))
    out.append("\n")
    delivery = card.get("delivery") or {}
    if delivery:
        fillers = delivery.get("fillers") or {}
        filler_text = ", ".join(f"{w}×{n}" for w, n in sorted(fillers.items(), key=lambda kv: -kv[1])[:4]) or "none"
        wpm = delivery.get("wpm")
        out.append("Delivery ", style="bold")
        out.append(f"{delivery.get('words', 0)} words, {wpm:.0f} wpm" if wpm else f"{delivery.get('words', 0)} words")
        out.append(f", fillers: {filler_text}\n")
    sizing = card.get("sizing") or {}
    quantities = sizing.get("quantities") or []
    if quantities or sizing.get("checks") or sizing.get("missing"):
        out.append("Sizing ", style="bold")
        out.append(", ".join(str(q.get("text", q.get("value", ""))) for q in quantities[:6]) or "no numbers")
        missing = sizing.get("missing") or []
        if missing:
            out.append(f"  missing: {', '.join(map(str, missing))}", style="yellow")
        out.append("\n")
        for check in sizing.get("checks") or []:
            if not check.get("ok", True):
                out.append("  ✗ ", style="bold red")
                out.append(str(check.get("message", "")), style="red")
                if check.get("stated") is not None and check.get("expected") is not None:
                    out.append(f" (said {check['stated']}, about {check['expected']})", style="red")
                out.append("\n")
    gaps = (card.get("gaps") or [])[:max_gaps]
    if gaps:
        out.append("Gaps ", style="bold")
        for i, gap in enumerate(gaps):
            if i:
                out.append(" · ")
            gid = str(gap.get("id", "?"))
            out.append(gap_names.get(gid, gid.replace("_", " ")), style="yellow")
        out.append("\n")
    missed = (card.get("talking_points") or {}).get("missed") or []
    if missed:
        out.append("Missed ", style="bold")
        out.append(str(missed[0].get("point", "")), style="yellow")
        if len(missed) > 1:
            out.append(f" (+{len(missed) - 1} more)", style="dim")
        out.append("\n")
    asked = card.get("clarifications") or []
    if asked:
        out.append("Clarified first ", style="bold")
        out.append(f"{len(asked)} question{'s' if len(asked) > 1 else ''} about the problem", style="green")
        out.append(" (not scored; counts as asking about requirements)\n", style="dim")
    for line in (card.get("feedback") or [])[:2]:
        out.append(f"→ {line}\n", style="italic")
    if transcript:
        out.append("\n")
        out.append_text(highlight_transcript(transcript, card))
    out.rstrip()
    return out


class ScorecardView(Static):
    """Shows one answer's card; `show(card, transcript)` swaps it."""

    DEFAULT_CSS = """
    ScorecardView { height: auto; padding: 0 1; }
    """

    def __init__(self, gap_names: Mapping[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__("", **kwargs)
        self.gap_names = dict(gap_names or {})

    def show(self, card: Mapping[str, Any] | None, transcript: str = "") -> None:
        if not card:
            self.update(Text(transcript or "no score for this turn", style="dim" if not transcript else ""))
            return
        self.update(render_card(card, transcript, self.gap_names))
