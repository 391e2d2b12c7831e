"""Roll the parts up into the rubric's dimensions, each 0-5 with its rule and evidence."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Any

from coach.content.loader import dimension_spec, rounds_and_dimensions
from coach.domain import DIMENSION_IDS, Dimension, Question, Rubric, RoundSpec
from coach.scoring.delivery import DeliveryReport
from coach.scoring.napkin import Check
from coach.scoring.signals import NonAnswer
from coach.scoring.sizing import Quantity
from coach.scoring.star import COMPONENTS, StarReport
from coach.scoring.talking_points import PointsReport
from coach.scoring.text import Sentence, quote, times

STORY_ROUNDS = ("behavioral", "deep-dive", "hiring-manager", "cross-functional", "recruiter")
DESIGN_ROUNDS = ("system-design",)
TECH_ROUNDS = ("technical-screen", "coding")
DEFAULT_SIZING = {"system-design": ("throughput", "latency", "storage")}
NON_ANSWER_CAP = 0.5


@dataclass
class Analysis:
    """Everything the parts found; the dimension scorers and the gap rules read it."""
    text: str
    sents: list[Sentence]
    round: str | None
    star: StarReport
    quantities: list[Quantity]
    checks: list[Check]
    missing: list[str]
    sizing_score: float
    sizing_rule: str
    delivery: DeliveryReport
    points: PointsReport
    tradeoffs: list[str]
    production: dict[str, str]
    scope: list[str]
    tech: list[str]
    clarifying: list[str]
    non_answer: NonAnswer | None
    question: Question | None = None
    expected_sizing: tuple[str, ...] = field(default_factory=tuple)
    staff_missing: tuple[str, ...] = field(default_factory=tuple)
    wrong: tuple[Any, ...] = field(default_factory=tuple)     # claims.WrongClaim: misconceptions stated as true
    lapses: tuple[Any, ...] = field(default_factory=tuple)    # pitfalls.Lapse: the question's pitfalls fallen into
    told_a_plan: bool = False     # a concrete plan told in place of the story asked (coach/scoring/plan_instead.py)

    @property
    def narrative(self) -> bool:
        return self.star.action.present and (self.star.situation.present or self.star.result.present) \
            and self.star.i_count + self.star.we_count >= 2


@dataclass(frozen=True)
class DimensionScore:
    id: str
    name: str
    weight: float
    score: float
    rule: str
    evidence: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "weight": self.weight, "score": self.score, "rule": self.rule,
                "evidence": list(self.evidence)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "DimensionScore":
        return cls(str(d.get("id", "")), str(d.get("name", "")), float(d.get("weight", 0.0)),
                   float(d.get("score", 0.0)), str(d.get("rule", "")), tuple(d.get("evidence") or ()))


def family(a: Analysis) -> str:
    """story | design | technical: which gap rules apply."""
    if a.round in STORY_ROUNDS:
        return "story"
    if a.round in DESIGN_ROUNDS:
        return "design"
    if a.round in TECH_ROUNDS:
        return "technical"
    if getattr(a.question, "estimate", None) is not None:
        # an estimate worked out loud ("I slipped a zero there, ... so about eleven hundred a second") is told in
        # the first person, but it is no story: no result, context or "we" to ask for, only its figures
        return "technical"
    return "story" if a.narrative else "technical"


def resolve_rubric(rubric: Rubric | None, round_spec: RoundSpec | None, round_id: str | None,
                   a_narrative: bool, has_numbers: bool, has_prod: bool) -> tuple[list[tuple[str, str, float]],
                                                                                   tuple[str, ...]]:
    """[(id, name, weight)] and the expected sizing kinds, from the rubric or a sensible default."""
    if rubric is not None and rubric.dimensions:
        dims = [(d.id, d.name or dimension_spec(d.id).name, float(d.weight)) for d in rubric.dimensions]
        return dims, tuple(rubric.expected_sizing)
    shipped = rounds_and_dimensions()[0]       # rubrics/rounds.toml: what each round grades
    if round_spec is not None and round_spec.grades:
        ids = tuple(round_spec.grades)
    elif round_id in shipped:
        ids = tuple(shipped[round_id].grades)
    else:
        ids = tuple(d for d in DIMENSION_IDS if (
            d in ("technical_depth", "communication")
            or (d in ("star_structure", "ownership_scope") and a_narrative)
            or (d == "numeric_sizing" and has_numbers)
            or (d == "production_readiness" and has_prod)
            or (d == "tradeoffs" and not a_narrative)))
    w = round(1.0 / len(ids), 4) if ids else 0.0
    return [(i, dimension_spec(i).name, w) for i in ids], DEFAULT_SIZING.get(round_id or "", ())


def score_dimension(dim_id: str, a: Analysis) -> tuple[float, str, list[str]]:
    fn = _SCORERS.get(dim_id)
    if fn is None:
        return 0.0, f"no automatic rule for '{dim_id}': scored 0 and left out of the overall", []
    score, rule, evidence = fn(a)
    return round(max(0.0, min(5.0, score)), 2), rule, evidence


def _star(a: Analysis) -> tuple[float, str, list[str]]:
    ev = []
    for c in COMPONENTS:
        comp = getattr(a.star, c)
        ev.append(f'{c}: "{quote(comp.evidence[0], 100)}"' if comp.present else f"{c}: missing")
    if a.star.result.present:
        ev.append("result measured" if a.star.measurable_result else "result has no number")
    return (a.star.score, "situation 0.75 + task 0.75 + action 1.25 (+0.5 when told with 'I') + result 0.75 "
                          "(+1 when measured); -0.5 when the setup is over half the answer", ev)


def _sizing(a: Analysis) -> tuple[float, str, list[str]]:
    ev = [f'"{q.text}" ({q.kind})' for q in a.quantities[:5]]
    ev += [c.message for c in a.checks if not c.ok][:2]
    if a.missing:
        ev.append("not sized: " + ", ".join(a.missing))
    if not a.quantities:
        ev.append(f"0 quantities in {a.delivery.words} words")
    return a.sizing_score, a.sizing_rule, ev


# A plan that puts its steps in an order ("in the first month ...", "by the second month ...", "by day ninety ...")
# and says why: what goes first is the plan's judgement, though no alternative is named
_ORDER = re.compile(r"\b(?:first|second|third|then|next|after that|afterwards|later|finally|once that|"
                    r"by (?:the )?(?:end of )?(?:the )?(?:first|second|third|next|day|week|month)\w*|"
                    r"in the (?:first|second|third|next) (?:week|month|quarter|thirty|sixty|ninety)\w*)\b", re.I)
_WHY = re.compile(r"\bbecause\b|\bsince\b|\bso that\b|\bso (?:the|that|we|i|they|people)\b|\bbefore (?:it|we|i|anything)\b",
                  re.I)
ORDERED_PLAN = 2.0


def _tradeoffs(a: Analysis) -> tuple[float, str, list[str]]:
    n = len(a.tradeoffs)
    reason = any(re.search(r"\bbecause\b|\bsince\b|\bso that\b", t, re.I) for t in a.tradeoffs)
    score = 0.0 if n == 0 else 2.0 + 1.0 * (min(n, 3) - 1) + (0.5 if reason else 0.0)
    ev = [f'"{quote(t, 120)}"' for t in a.tradeoffs[:3]] or ["no sentence weighs an alternative"]
    rule = "0 trade-off sentences -> 0; 1 -> 2; +1 for each more (up to 3); +0.5 when a reason is given"
    if score < ORDERED_PLAN and getattr(a.question, "hypothetical", False):
        ordered = [s.text for s in a.sents if _ORDER.search(s.text)]
        if len(ordered) >= 2 and _WHY.search(a.text):
            return ORDERED_PLAN, rule + f"; a plan that orders its steps and says why -> {ORDERED_PLAN:g}", \
                [f'orders the work: "{quote(ordered[0], 80)}" ... "{quote(ordered[1], 80)}"']
    return score, rule, ev


_CODE_CARE = ("edge_cases", "tests", "validation", "memory")


@lru_cache(maxsize=None)
def _care_words(name: str) -> re.Pattern[str]:
    from coach.content.answer_words import phrases

    alts = "|".join(map(re.escape, sorted(phrases("code_care", name), key=len, reverse=True)))
    return re.compile(rf"(?<![\w-])(?:{alts})s?(?![\w-])")


def _code_care(text: str) -> dict[str, str]:
    """The coding round's production readiness, as its rubric means it (edge cases, validation and tests): practice
    -> the phrase that showed it (`rubrics/answer_words.toml` [code_care])."""
    low = " ".join(text.lower().split())
    found: dict[str, str] = {}
    for name in _CODE_CARE:
        if (m := _care_words(name).search(low)) is not None:
            found[name.replace("_", " ")] = m.group(0)
    return found


def _production(a: Analysis) -> tuple[float, str, list[str]]:
    if a.round == "coding":
        care = _code_care(a.text)
        ev = [f'{name}: "{phrase}"' for name, phrase in care.items()] or ["no edge case, test, input check or memory bound"]
        return ({0: 0.0, 1: 2.0, 2: 3.0, 3: 4.0}.get(len(care), 5.0),
                "edge cases, tests, input checks and memory bounds named: 0 -> 0, 1 -> 2, 2 -> 3, 3 -> 4, 4 -> 5", ev)
    k = len(a.production)
    score = {0: 0.0, 1: 1.5, 2: 2.5, 3: 3.5, 4: 4.5}.get(k, 5.0)
    ev = [f'{name}: "{phrase}"' for name, phrase in a.production.items()] or \
        ["no monitoring, alerting, rollout, canary, shadow, A/B, rollback or retraining"]
    return score, "distinct production practices named: 0 -> 0, 1 -> 1.5, 2 -> 2.5, 3 -> 3.5, 4 -> 4.5, 5+ -> 5", ev


def _ownership(a: Analysis) -> tuple[float, str, list[str]]:
    i, we = a.star.i_count, a.star.we_count
    own = 1.5 if i + we == 0 else 3.0 * min(1.0, (i / (i + we)) / 0.5)
    scope = min(2.0, 0.5 * len(a.scope))
    ev = [f'"I" {times(i)}, "we" {times(we)}']
    if a.scope:
        ev.append("scope: " + ", ".join(a.scope[:6]))
    return own + scope, ("'I' share of I+we: half or more -> 3, scaled down to 0 with no 'I' (1.5 when neither); "
                         "+0.5 per scope word (team, org, roadmap, stakeholders ...), up to 2"), ev


def _depth(a: Analysis) -> tuple[float, str, list[str]]:
    terms = min(5.0, 0.5 * len(a.tech))
    ev = ["terms: " + ", ".join(a.tech[:10])] if a.tech else ["no technical terms"]
    if a.points.score is None:
        return terms, "0.5 per distinct technical term, up to 5", ev
    ev.append(f"talking points: {len(a.points.covered)} of {a.points.total} covered")
    return 0.5 * terms + 0.5 * a.points.score, "half technical terms (0.5 each, up to 5), half talking-point " \
                                               "coverage (5 x covered / total)", ev


def _communication(a: Analysis) -> tuple[float, str, list[str]]:
    d = a.delivery
    score, ev = 5.0, []
    rate = 100.0 * d.filler_count / max(d.words, 1)
    top = ", ".join(f"{k} x{v}" for k, v in sorted(d.fillers.items(), key=lambda kv: -kv[1])[:3])
    ev.append(f"fillers {rate:.1f} per 100 words" + (f" ({top})" if top else ""))
    score -= 2.0 if rate > 8 else 1.0 if rate > 4 else 0.5 if rate > 2 else 0.0
    hedges = sum(d.hedges.values())
    if hedges >= 4:
        score -= 0.5
        ev.append(f"{hedges} hedges (" + ", ".join(f"{k} x{v}" for k, v in d.hedges.items()) + ")")
    if d.wpm is not None:
        ev.append(f"{d.wpm:.0f} words per minute")
        if d.wpm < 100 or d.wpm > 190:
            score -= 0.5
    if d.too_long:
        score -= 1.0
        ev.append(f"{(d.duration_s or 0.0) / 60:.1f} min against a {d.answer_seconds / 60:.1f} min time box")
    if d.long_pauses >= 2:
        score -= 0.5
        ev.append(f"{d.long_pauses} pauses over 3 s")
    if d.words < 40:
        score = min(score, 5.0 * d.words / 40)
        ev.append(f"only {d.words} words")
    return score, ("5, minus 0.5/1/2 for fillers over 2/4/8 per 100 words, 0.5 for 4+ hedges, 0.5 for a pace "
                   "outside 100-190 wpm, 1 for running past 1.5x the time box, 0.5 for 2+ long pauses; "
                   "capped at 5 x words/40 under 40 words"), ev


_SCORERS = {"star_structure": _star, "numeric_sizing": _sizing, "tradeoffs": _tradeoffs,
            "production_readiness": _production, "ownership_scope": _ownership, "technical_depth": _depth,
            "communication": _communication}


def dimensions(a: Analysis, dims: list[tuple[str, str, float]]) -> tuple[list[DimensionScore], float]:
    """Scored dimensions and the weighted overall (0-5)."""
    out: list[DimensionScore] = []
    total_w = total = 0.0
    for dim_id, name, weight in dims:
        score, rule, ev = score_dimension(dim_id, a)
        if a.non_answer is not None:
            score = round(min(NON_ANSWER_CAP, 0.1 * score), 2)
            rule += f"; x0.1 and at most {NON_ANSWER_CAP} for a non-answer"
        out.append(DimensionScore(dim_id, name, round(weight, 4), score, rule, tuple(ev)))
        if dim_id in _SCORERS and weight > 0:
            total_w += weight
            total += weight * score
    overall = round(total / total_w, 2) if total_w else 0.0
    if a.non_answer is not None:
        overall = min(overall, NON_ANSWER_CAP)
    return out, overall


__all__ = ["Analysis", "DimensionScore", "Dimension", "dimensions", "family", "resolve_rubric"]
