"""Recurring gaps, said plainly: "no measurable result in 6 of 9 behavioral answers"."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from coach.progress.history import Answer
from coach.progress.labels import as_said, gap_phrase, round_label


@dataclass(frozen=True)
class GapStat:
    gap: str
    round: str | None
    count: int                    # answers of the round showing the gap
    total: int                    # scored answers of the round
    recent_count: int             # the same, over the round's latest answers
    recent_total: int
    examples: tuple[str, ...]     # the scorer's evidence, latest first

    @property
    def share(self) -> float:
        return self.count / self.total if self.total else 0.0

    @property
    def statement(self) -> str:
        text = f"{gap_phrase(self.gap)} in {self.count} of {self.total} {round_label(self.round)} answers"
        if self.total > self.recent_total:
            text += f" ({self.recent_count} of the latest {self.recent_total})"
        return text[0].upper() + text[1:]

    @property
    def lately(self) -> str:
        """The direction in words, for the report."""
        return {"fading": "showing up less often lately", "growing": "showing up more often lately"}.get(
            self.direction, "about as often lately")

    @property
    def direction(self) -> str:
        """Whether the gap shows up less ("fading"), more ("growing") or as often lately."""
        if self.total <= self.recent_total or not self.recent_total:
            return "steady"
        older = (self.count - self.recent_count) / (self.total - self.recent_total)
        recent = self.recent_count / self.recent_total
        if recent <= older - 0.2:
            return "fading"
        if recent >= older + 0.2:
            return "growing"
        return "steady"


def recurring_gaps(answers: Sequence[Answer], min_count: int = 2, min_share: float = 0.3,
                   recent: int = 5, examples: int = 2) -> list[GapStat]:
    """Gaps that keep coming back within a round, most frequent share first.

    A gap counts once per answer. Only scored answers count toward the total; a
    gap needs at least `min_count` answers and `min_share` of the round to recur.
    """
    by_round: dict[str | None, list[Answer]] = defaultdict(list)
    for a in answers:
        if a.overall is not None or a.gaps:
            by_round[a.round].append(a)
    stats: list[GapStat] = []
    for round_id, group in by_round.items():
        latest = group[-recent:]
        gap_ids = sorted({g for a in group for g in a.gap_ids})
        for gap in gap_ids:
            hits = [a for a in group if gap in a.gap_ids]
            if len(hits) < min_count or len(hits) / len(group) < min_share:
                continue
            evidence = [ev for a in reversed(hits) for g, ev in a.gaps if g == gap and ev]
            stats.append(GapStat(
                gap=gap, round=round_id, count=len(hits), total=len(group),
                recent_count=sum(1 for a in latest if gap in a.gap_ids), recent_total=len(latest),
                examples=tuple(dict.fromkeys(as_said(e) for e in evidence))[:examples],
            ))
    stats.sort(key=lambda s: (-s.share, -s.count, s.gap, s.round or ""))
    return stats
