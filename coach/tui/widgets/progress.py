"""A glance at progress: one row of bars per rubric dimension, from past answers."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static

from coach.tui.dimension_scores import short_name

BARS = "▁▂▃▄▅▆▇█"


def _style(score: float) -> str:
    return "green" if score >= 3.5 else ("yellow" if score >= 2.5 else "red")


def score_bars(scores: list[float], width: int) -> Text:
    """One bar per answer, the newest on the right, on the fixed 0-5 scale (a 0.0 is the lowest bar, a
    5.0 the highest, whatever the other answers scored), as many of the latest as fit in `width`."""
    out = Text()
    for score in scores[-width:] if width > 0 else []:
        level = min(len(BARS) - 1, max(0, round(score / 5.0 * (len(BARS) - 1))))
        out.append(BARS[level], style=_style(score))
    return out


class ScoreBars(Static):
    """The bars of one dimension, fitted to the width the row gives it."""

    def __init__(self, scores: list[float], **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.scores = scores

    def render(self) -> Text:
        return score_bars(self.scores, self.size.width)


class DimensionProgress(Vertical):
    """Rows of `name ▂▃▅▆ 3.4`: a bar per answer on the 0-5 scale; the figure is the mean of the last five."""

    DEFAULT_CSS = """
    DimensionProgress { height: auto; }
    DimensionProgress .dim-row { height: 1; }
    DimensionProgress .dim-name { width: 15; }
    DimensionProgress ScoreBars { width: 1fr; height: 1; }
    DimensionProgress .dim-score { width: 5; text-align: right; }
    DimensionProgress .empty { color: $text-muted; }
    """

    def __init__(self, history: dict[str, tuple[str, list[float]]] | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.history = history or {}

    def compose(self) -> ComposeResult:
        if not self.history:
            yield Label("No scored answers yet: your progress shows here.", classes="empty")
            return
        for did, (name, scores) in self.history.items():
            recent = scores[-5:]
            with Horizontal(classes="dim-row"):
                yield Label(short_name(did, name)[:14], classes="dim-name")
                yield ScoreBars(scores, id=f"bars-{did}")
                yield Label(f"{sum(recent) / len(recent):.1f}", classes="dim-score")

    async def set_history(self, history: dict[str, tuple[str, list[float]]]) -> None:
        self.history = history
        await self.recompose()
