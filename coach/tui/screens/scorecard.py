"""The full scorecard of one answer: every rubric dimension with its rule and evidence (d opens it)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from coach.tui.widgets.scorecard_view import render_card


def render_dimensions(card: Mapping[str, Any]) -> Text:
    """Each dimension: name, score, the scoring rule and the evidence it rests on."""
    out = Text()
    for dim in card.get("dimensions") or []:
        score = float(dim.get("score") or 0)
        style = "bold green" if score >= 3.5 else ("bold yellow" if score >= 2.5 else "bold red")
        out.append(f"{dim.get('name') or dim.get('id')}  ", style="bold")
        out.append(f"{score:.1f}/5\n", style=style)
        if dim.get("rule"):
            out.append(f"  {dim['rule']}\n", style="dim")
        for item in (dim.get("evidence") or [])[:3]:
            out.append(f"  · {item}\n")
    star = card.get("star") or {}
    if star.get("improvement"):
        out.append("\nStory: ", style="bold")
        out.append(f"{star['improvement']}\n")
    for gap in card.get("gaps") or []:
        out.append(f"gap {gap.get('id')} ({float(gap.get('severity') or 0):.1f})", style="yellow")
        if gap.get("evidence"):
            out.append(f": {gap['evidence']}", style="dim")
        out.append("\n")
    out.rstrip()
    return out


class ScorecardScreen(ModalScreen[None]):
    """A modal over the interview or the replay; esc or d closes it."""

    BINDINGS = [Binding("escape,d,q", "close", "Close")]
    DEFAULT_CSS = """
    ScorecardScreen { align: center middle; }
    ScorecardScreen > VerticalScroll {
        width: 90%; height: 90%; border: thick $accent; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, card: Mapping[str, Any], transcript: str = "", title: str = "Scorecard") -> None:
        super().__init__()
        self.card, self.transcript, self.heading = card, transcript, title

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = f"{self.heading}  (esc closes)"
            yield Static(render_card(self.card, "", max_gaps=5))
            yield Static(render_dimensions(self.card), id="dimensions")
            if self.transcript:
                yield Static(Text("\n" + self.transcript, style="italic"))

    def action_close(self) -> None:
        self.dismiss()
