"""The Scorecard: what `score_answer` returns, and its stable JSON form (see README.md)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from coach.scoring.calibrate import Calibration
from coach.scoring.claims import WrongClaim
from coach.scoring.delivery import DeliveryReport
from coach.scoring.gaps import Gap
from coach.scoring.napkin import Check
from coach.scoring.rubric import DimensionScore
from coach.scoring.sizing import Quantity
from coach.scoring.star import StarReport
from coach.scoring.talking_points import PointsReport

CONTRACT_VERSION = 1


@dataclass(frozen=True)
class SizingReport:
    quantities: tuple[Quantity, ...] = ()
    checks: tuple[Check, ...] = ()
    missing: tuple[str, ...] = ()
    score: float = 0.0
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"quantities": [q.to_dict() for q in self.quantities], "checks": [c.to_dict() for c in self.checks],
                "missing": list(self.missing), "score": self.score, "rule": self.rule}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "SizingReport":
        return cls(tuple(Quantity.from_dict(q) for q in d.get("quantities") or ()),
                   tuple(Check.from_dict(c) for c in d.get("checks") or ()),
                   tuple(d.get("missing") or ()), float(d.get("score", 0.0)), str(d.get("rule", "")))


@dataclass(frozen=True)
class Scorecard:
    star: StarReport = field(default_factory=StarReport)
    sizing: SizingReport = field(default_factory=SizingReport)
    delivery: DeliveryReport = field(default_factory=DeliveryReport)
    talking_points: PointsReport = field(default_factory=PointsReport)
    dimensions: tuple[DimensionScore, ...] = ()
    gaps: tuple[Gap, ...] = ()
    feedback: tuple[str, ...] = ()
    overall: float = 0.0
    round: str | None = None
    question_id: str | None = None
    level: str | None = None                      # the bar scored against: senior | staff | None
    calibration: Calibration = field(default_factory=Calibration)   # how the overall was made
    clarifications: tuple[str, ...] = ()          # system design: the clarifying questions asked before this answer
    wrong_claims: tuple[WrongClaim, ...] = ()     # misconceptions the answer states as true, with the sentence

    @property
    def is_story(self) -> bool:
        """A story answer, where STAR structure means something (a card from before the kind was kept counts)."""
        return self.calibration.kind in ("story", "")

    @property
    def top_gap(self) -> str | None:
        return self.gaps[0].id if self.gaps else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": CONTRACT_VERSION,
            "round": self.round,
            "question_id": self.question_id,
            "star": self.star.to_dict(),
            "sizing": self.sizing.to_dict(),
            "delivery": self.delivery.to_dict(),
            "talking_points": self.talking_points.to_dict(),
            "dimensions": [d.to_dict() for d in self.dimensions],
            "gaps": [g.to_dict() for g in self.gaps],
            "feedback": list(self.feedback),
            "overall": self.overall,
            "level": self.level,
            "calibration": self.calibration.to_dict(),
            "clarifications": list(self.clarifications),
            "wrong_claims": [w.to_dict() for w in self.wrong_claims],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Scorecard":
        """Rebuild a card from `to_dict()` output (e.g. read back from the database); missing parts default."""
        d = d or {}
        return cls(
            star=StarReport.from_dict(d.get("star") or {}),
            sizing=SizingReport.from_dict(d.get("sizing") or {}),
            delivery=DeliveryReport.from_dict(d.get("delivery") or {}),
            talking_points=PointsReport.from_dict(d.get("talking_points") or {}),
            dimensions=tuple(DimensionScore.from_dict(x) for x in d.get("dimensions") or ()),
            gaps=tuple(Gap.from_dict(g) for g in d.get("gaps") or ()),
            feedback=tuple(str(f) for f in d.get("feedback") or ()),
            overall=float(d.get("overall", 0.0)),
            round=d.get("round"),
            question_id=d.get("question_id"),
            level=d.get("level"),
            calibration=Calibration.from_dict(d.get("calibration")),
            clarifications=tuple(str(c) for c in d.get("clarifications") or ()),
            wrong_claims=tuple(WrongClaim.from_dict(w) for w in d.get("wrong_claims") or ()),
        )


def read_scorecard(raw: object) -> Scorecard | None:
    """A stored card (JSON text or a dict, written by any coach version) as a `Scorecard`.

    The one loader for cards read back from the database, an import file or an old row:
    None when `raw` holds no card; a damaged section is dropped and the rest kept."""
    if isinstance(raw, Scorecard):
        return raw
    if isinstance(raw, (str, bytes)):
        try:
            raw = json.loads(raw)
        except ValueError:
            return None
    if not isinstance(raw, dict):
        return None
    try:
        return Scorecard.from_dict(raw)
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    kept: dict[str, Any] = {}
    for key, value in raw.items():
        try:
            Scorecard.from_dict({key: value})
        except (TypeError, ValueError, AttributeError, KeyError):
            continue
        kept[key] = value
    return Scorecard.from_dict(kept)
