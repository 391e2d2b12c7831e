"""The full scorecard of one answer: every rubric dimension with its rule and evidence (d opens it)."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from coach.progress.labels import as_said, gap_phrase
from coach.scoring.scorecard import Scorecard
from coach.tui.widgets.scorecard_view import render_card


def render_dimensions(card: Scorecard) -> Text:
    """Each dimension: name, score, the scoring rule and the evidence it rests on."""
    out = Text()
    for dim in card.dimensions:
        score = dim.score
        style = "bold green" if score >= 3.5 else ("bold yellow" if score >= 2.5 else "bold red")
        out.append(f"{dim.name or dim.id}  ", style="bold")
        out.append(f"{score:.1f}/5\n", style=style)
        if dim.rule:
            out.append(f"  {dim.rule}\n", style="dim")
        for item in dim.evidence[:3]:
            out.append(f"  · {as_said(item)}\n")
    if card.star.improvement and card.is_story:      # STAR advice means nothing on a design or a plan
        out.append("\nStory: ", style="bold")
        out.append(f"{as_said(card.star.improvement)}\n")
    for gap in card.gaps:
        out.append(f"Gap: {gap_phrase(gap.id)}", style="yellow")
        out.append(f" (weight {gap.severity:.1f})", style="dim")
        if gap.evidence:
            out.append(f": {as_said(gap.evidence)}", style="dim")
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

    def __init__(self, card: Scorecard, transcript: str = "", title: str = "Scorecard") -> None:
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
