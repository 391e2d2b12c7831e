"""A compact scorecard: STAR evidence highlighted in the transcript, sizing, delivery, gaps.

Takes the scorer's typed `Scorecard`; a card read back from the database comes
through `read_scorecard`, so an older card with missing parts renders with defaults.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text
from textual.widgets import Static

from coach.progress.labels import as_said, gap_phrase
from coach.scoring.scorecard import Scorecard

STAR_STYLES = {
    "situation": ("S", "black on #5fafd7"),
    "task": ("T", "black on #d787d7"),
    "action": ("A", "black on #87d787"),
    "result": ("R", "black on #d7af5f"),
}


def _score_style(score: float) -> str:
    return "bold green" if score >= 3.5 else ("bold yellow" if score >= 2.5 else "bold red")


def _plain(value: float) -> str:
    """A figure as said: 2000 rather than 2000.0."""
    return str(int(value)) if float(value).is_integer() else str(value)


def labelled_sentences(card: Scorecard) -> Text | None:
    """Each sentence of the answer with its STAR label as a coloured tag ([S] [T] [A] [R]); None for an
    older card that has no sentences."""
    sents, labels = card.star.sentences, card.star.labels
    if not sents or len(sents) != len(labels):
        return None
    out = Text()
    for i, (sentence, label) in enumerate(zip(sents, labels)):
        if i:
            out.append(" ")
        letter, style = STAR_STYLES.get(str(label), ("", ""))
        if letter:
            out.append(f"[{letter}]", style=style)
            out.append(" ")
            out.append(str(sentence))
        else:
            out.append(str(sentence), style="dim")
    return out


def highlight_transcript(transcript: str, card: Scorecard) -> Text:
    """The transcript with each sentence tagged by its STAR label, or (older cards) each STAR component's
    evidence sentences highlighted in its colour."""
    if not card.is_story and card.calibration.kind != "plan":
        return Text(transcript)            # STAR tags mean nothing on a design or a technical answer
    if not card.is_story:                  # a plan is told in steps: its sentences are tagged, no evidence stands in
        return labelled_sentences(card) or Text(transcript)
    tagged = labelled_sentences(card)
    if tagged is not None:
        return tagged
    text = Text(transcript)
    lower = transcript.lower()
    for component, (_, style) in STAR_STYLES.items():
        for sentence in getattr(card.star, component).evidence:
            needle = str(sentence).strip().lower()
            if not needle:
                continue
            at = lower.find(needle)
            if at >= 0:
                text.stylize(style, at, at + len(needle))
    return text


def star_line(card: Scorecard) -> Text:
    line = Text("STAR ", style="bold")
    for component, (letter, style) in STAR_STYLES.items():
        present = getattr(card.star, component).present
        line.append(f" {letter} ", style=style if present else "dim strike")
        line.append(" ")
    line.append(f"{card.star.score:.1f}/5", style=_score_style(card.star.score))
    return line


def render_card(card: Scorecard, transcript: str = "",
                gap_names: Mapping[str, str] | None = None, max_gaps: int = 3) -> Text:
    """All of one answer's feedback as one Rich Text block."""
    gap_names = gap_names or {}
    out = Text()
    out.append("Score ", style="bold")
    out.append(f"{card.overall:.1f}/5", style=_score_style(card.overall))
    if card.is_story:
        out.append("   ")
        out.append_text(star_line(card))
    out.append("\n")
    cal = card.calibration
    steps = [str(x) for x in cal.steps if "->" in str(x)]
    if cal.level:
        out.append("Level ", style="bold")
        out.append(f"{cal.level:.1f} of 5" + (f" against the {card.level} bar" if card.level else ""))
        if steps:
            out.append(f": {steps[-1].split(' -> ')[0]}", style="dim")
        out.append("\n")
    if cal.staff_missing:
        out.append("Staff signal missing ", style="bold")
        out.append(", ".join(cal.staff_missing), style="yellow")
        out.append("\n")
    delivery = card.delivery
    fillers = delivery.fillers
    filler_text = ", ".join(f"{w}×{n}" for w, n in sorted(fillers.items(), key=lambda kv: -kv[1])[:4]) or "none"
    out.append("Delivery ", style="bold")
    out.append(f"{delivery.words} words, {delivery.wpm:.0f} wpm" if delivery.wpm else f"{delivery.words} words")
    out.append(f", fillers: {filler_text}\n")
    sizing = card.sizing
    if sizing.quantities or sizing.checks or sizing.missing:
        out.append("Sizing ", style="bold")
        out.append(", ".join(q.text or _plain(q.value) for q in sizing.quantities[:6]) or "no numbers")
        if sizing.missing:
            named = ", ".join(m.replace("_", " ") for m in sizing.missing)
            out.append(f"  no figure for: {named}", style="yellow")
        out.append("\n")
        for check in sizing.checks:
            if not check.ok:
                out.append("  ✗ ", style="bold red")
                out.append(check.message, style="red")      # names the step and the right figure
                out.append(f" (said {_plain(check.stated)}, about {_plain(check.expected)})", style="red")
                out.append("\n")
    for wrong in card.wrong_claims:
        said = wrong.evidence if len(wrong.evidence) <= 90 else wrong.evidence[:89].rsplit(" ", 1)[0] + " …"
        out.append("Wrong: ", style="bold red")
        out.append(f"{wrong.claim} — {wrong.right}", style="red")
        out.append(f' ("{said}")\n', style="dim")
    gaps = card.gaps[:max_gaps]
    if gaps:
        out.append("Gaps ", style="bold")
        for i, gap in enumerate(gaps):
            if i:
                out.append(" · ")
            out.append(gap_names.get(gap.id) or gap_phrase(gap.id), style="yellow")
        out.append("\n")
    missed = card.talking_points.missed
    if missed:
        out.append("Missed ", style="bold")
        out.append(missed[0].point, style="yellow")
        if len(missed) > 1:
            out.append(f" (+{len(missed) - 1} more)", style="dim")
        out.append("\n")
    asked = card.clarifications
    if asked:
        out.append("Clarified first ", style="bold")
        out.append(f"{len(asked)} question{'s' if len(asked) > 1 else ''} about the problem", style="green")
        out.append(" (not scored; counts as asking about requirements)\n", style="dim")
    for line in card.feedback[:2]:
        out.append(f"→ {as_said(line)}\n", style="italic")
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

    def show(self, card: Scorecard | None, transcript: str = "") -> None:
        if not card:
            self.update(Text(transcript or "no score for this turn", style="dim" if not transcript else ""))
            return
        self.update(render_card(card, transcript, self.gap_names))
