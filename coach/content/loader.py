"""Read and validate `rubrics/` (rounds, gaps, rubrics, question banks, plans).

Every problem becomes a `ContentError` whose message names the file and the
field, e.g. `rubrics/questions/behavioral.toml: question 'bh-x': follow-up 2:
gap 'nope' is not one of non_answer, ...`.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coach import paths
from coach.content import check
from coach.content.check import Where
from coach.content.types import Content, DimensionSpec, GapSpec
from coach.domain import (DIMENSION_IDS, GAP_IDS, LEVEL_IDS, ROUND_IDS, STAFF_SIGNAL_IDS, Dimension, Estimate,
                          FollowUp, LevelDescriptor, Misconception, Plan, PlanStep, Question, RoundSpec, Rubric)
from coach.errors import ContentError

# Kinds of quantity the scorer's sizing checker recognises (`expected_sizing`).
SIZING_KINDS: tuple[str, ...] = (
    "throughput", "users", "latency", "storage", "dataset", "model_size",
    "compute", "cost", "duration", "percent", "bandwidth",
)
ANY_ROUND = "*"   # a plan step whose round is picked at run time
QUESTION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QUESTION_FIELDS = ("id", "round", "levels", "prompt", "assesses", "talking_points",
                   "keywords", "pitfalls", "followup", "estimate", "facts", "change", "hypothetical",
                   "opens_round", "misconceptions")
ESTIMATE_FIELDS = ("value", "low", "high", "unit", "kind", "answer", "steps")
FACT_TOPICS = ("traffic", "latency", "data", "labels", "team", "budget", "constraints", "goal")
ROUND_FIELDS = ("id", "name", "persona", "behaviour", "grades", "time_box_minutes",
                "answer_seconds", "max_followups")
DIMENSION_FIELDS = ("id", "name", "weight", "levels", "senior", "staff")
DIMENSION_SPEC_FIELDS = ("id", "name", "phrase", "short")
MIN_FOLLOWUPS = 3

# Which gaps the scorer can raise in each kind of round (mirrors coach/scoring/gaps.py): a bank
# follow-up tagged with any other gap could never be asked. A hypothetical question ("what would
# you do") is scored as a plan: it is never asked for a past result or its context.
_EVERY_ROUND = frozenset({"non_answer", "off_topic", "bad_math", "too_long"})
# (no_tradeoff: a decision told with no why, or a plan or a view that takes one course whatever the case)
_STORY_GAPS = _EVERY_ROUND | {"no_result", "we_not_i", "no_context", "missing_point", "no_tradeoff"}
_DESIGN_GAPS = _EVERY_ROUND | {"no_numbers", "no_clarifying", "no_tradeoff", "no_monitoring", "missing_point"}
_TECH_GAPS = _EVERY_ROUND | {"missing_point", "no_tradeoff", "wrong_claim"}
PLAN_NEVER_RAISED = frozenset({"no_result", "no_context"})
ROUND_GAPS: dict[str, frozenset[str]] = {
    "recruiter": _STORY_GAPS, "behavioral": _STORY_GAPS, "deep-dive": _STORY_GAPS, "hiring-manager": _STORY_GAPS,
    "cross-functional": _STORY_GAPS, "system-design": _DESIGN_GAPS, "technical-screen": _TECH_GAPS, "coding": _TECH_GAPS,
}


def raisable_gaps(round_id: str, hypothetical: bool = False) -> frozenset[str]:
    gaps = ROUND_GAPS.get(round_id, frozenset(GAP_IDS))
    return gaps - PLAN_NEVER_RAISED if hypothetical else gaps


def _load_dimension_specs(data: dict[str, Any], top: Where) -> dict[str, DimensionSpec]:
    specs: dict[str, DimensionSpec] = {}
    for n, table in enumerate(check.tables(data, "dimension", top), 1):
        where = top.at(f"dimension {n}")
        did = check.choice(check.text(table, "id", where), DIMENSION_IDS, where, "id")
        where = top.at(f"dimension '{did}'")
        check.known_keys(table, DIMENSION_SPEC_FIELDS, where)
        if did in specs:
            where.fail("defined twice")
        short = check.text(table, "short", where)
        if len(short) > 14:
            where.fail(f"field 'short' must be at most 14 characters (got {len(short)})")
        specs[did] = DimensionSpec(did, check.text(table, "name", where), check.text(table, "phrase", where), short)
    missing = [d for d in DIMENSION_IDS if d not in specs]
    if missing:
        top.fail(f"no [[dimension]] for {', '.join(missing)}")
    return {d: specs[d] for d in DIMENSION_IDS}


def _load_rounds_file(path: Path, shown: str) -> tuple[dict[str, RoundSpec], dict[str, DimensionSpec]]:
    data = check.read_toml(path, shown)
    return _load_rounds(data, shown), _load_dimension_specs(data, Where(shown))


def _load_rounds(data: dict[str, Any], shown: str) -> dict[str, RoundSpec]:
    top = Where(shown)
    check.known_keys(data, ("round", "dimension"), top)
    rounds: dict[str, RoundSpec] = {}
    for n, table in enumerate(check.tables(data, "round", top), 1):
        where = top.at(f"round {n}")
        rid = check.choice(check.text(table, "id", where), ROUND_IDS, where, "id")
        where = top.at(f"round '{rid}'")
        check.known_keys(table, ROUND_FIELDS, where)
        if rid in rounds:
            where.fail("defined twice")
        grades = check.text_list(table, "grades", where, lo=1)
        for g in grades:
            check.choice(g, DIMENSION_IDS, where, "grades entry")
        rounds[rid] = RoundSpec(
            id=rid,
            name=check.text(table, "name", where),
            persona=check.text(table, "persona", where),
            behaviour=check.text(table, "behaviour", where),
            grades=grades,
            time_box_minutes=check.integer(table, "time_box_minutes", where, 1, 240),
            answer_seconds=check.integer(table, "answer_seconds", where, 10, 1800),
            max_followups=check.integer(table, "max_followups", where, 0, 10, default=2),
        )
    missing = [r for r in ROUND_IDS if r not in rounds]
    if missing:
        top.fail(f"no [[round]] for {', '.join(missing)}")
    return rounds


def _load_gaps(path: Path, shown: str) -> dict[str, GapSpec]:
    top = Where(shown)
    data = check.read_toml(path, shown)
    gaps: dict[str, GapSpec] = {}
    for gid, table in data.items():
        check.choice(gid, GAP_IDS, top, "gap")
        where = top.at(f"gap '{gid}'")
        table = check.table_of(table, where, f"[{gid}]")
        check.known_keys(table, ("description", "followups", "story_followups"), where)
        followups = check.text_list(table, "followups", where, lo=2, hi=3)
        story = check.text_list(table, "story_followups", where, lo=2, hi=3) if "story_followups" in table else ()
        for key, texts in (("followups", followups), ("story_followups", story)):
            for i, text in enumerate(texts, 1):
                check.spoken_question(text, where.at(f"{key} {i}"))
        gaps[gid] = GapSpec(gid, check.text(table, "description", where), followups, tuple(story))
    missing = [g for g in GAP_IDS if g not in gaps]
    if missing:
        top.fail(f"no entry for gap {', '.join(missing)}")
    return {g: gaps[g] for g in GAP_IDS}


def _load_dimension(table: dict[str, Any], where: Where) -> Dimension:
    did = check.choice(check.text(table, "id", where), DIMENSION_IDS, where, "id")
    where = where.at(f"dimension '{did}'")
    check.known_keys(table, DIMENSION_FIELDS, where)
    levels = check.table_of(table.get("levels"), where,
                            "field 'levels' ([dimension.levels] with keys 1 to 5)")
    if sorted(levels) != ["1", "2", "3", "4", "5"]:
        got = ", ".join(levels) or "none"
        where.fail(f"field 'levels' must have exactly the keys 1, 2, 3, 4, 5 (got {got})")
    descriptors = tuple(
        LevelDescriptor(score, check.text(levels, str(score), where.at("levels")))
        for score in range(1, 6)
    )
    return Dimension(
        id=did,
        name=check.text(table, "name", where),
        weight=check.number(table, "weight", where, 0.0, 1.0),
        levels=descriptors,
        senior=check.text(table, "senior", where),
        staff=check.text(table, "staff", where),
    )


def _load_rubric(path: Path, shown: str) -> Rubric:
    top = Where(shown)
    data = check.read_toml(path, shown)
    check.known_keys(data, ("round", "expected_sizing", "staff_signals", "dimension"), top)
    rid = check.choice(check.text(data, "round", top), ROUND_IDS, top, "round")
    if rid != path.stem:
        top.fail(f"round '{rid}' does not match the file name (expected '{path.stem}')")
    sizing = check.text_list(data, "expected_sizing", top, required=False)
    for kind in sizing:
        check.choice(kind, SIZING_KINDS, top, "expected_sizing entry")
    staff = check.text_list(data, "staff_signals", top, required=False)
    for name in staff:
        check.choice(name, STAFF_SIGNAL_IDS, top, "staff_signals entry")
    dims: list[Dimension] = []
    for n, table in enumerate(check.tables(data, "dimension", top), 1):
        dim = _load_dimension(table, top.at(f"dimension {n}"))
        if any(d.id == dim.id for d in dims):
            top.fail(f"dimension '{dim.id}' is defined twice")
        dims.append(dim)
    total = sum(d.weight for d in dims)
    if abs(total - 1.0) > 0.01:
        top.fail(f"dimension weights sum to {total:.3f}; they must sum to 1.0")
    return Rubric(round=rid, dimensions=tuple(dims), expected_sizing=sizing, staff_signals=staff)


def _load_followups(table: dict[str, Any], where: Where, points: int = 0) -> tuple[FollowUp, ...]:
    """`points`: how many talking points the question has (a follow-up's `points` index them from 0)."""
    out: list[FollowUp] = []
    for n, fu in enumerate(check.tables(table, "followup", where), 1):
        fwhere = where.at(f"follow-up {n}")
        check.known_keys(fu, ("gap", "text", "points"), fwhere)
        gap = check.choice(check.text(fu, "gap", fwhere), GAP_IDS, fwhere, "gap")
        text = check.spoken_question(check.text(fu, "text", fwhere), fwhere)
        asks: tuple[int, ...] | None = None
        if "points" in fu:
            raw = fu["points"]
            if not isinstance(raw, list) or any(isinstance(i, bool) or not isinstance(i, int) for i in raw):
                fwhere.fail("field 'points' must be a list of whole numbers (talking points, counted from 0)")
            if any(not 0 <= i < points for i in raw):
                fwhere.fail(f"field 'points' is {raw}; the question has {points} talking points, counted from 0")
            asks = tuple(raw)
        out.append(FollowUp(gap, text, asks))
    if len(out) < MIN_FOLLOWUPS:
        where.fail(f"has {len(out)} follow-up(s); at least {MIN_FOLLOWUPS} [[question.followup]] are needed")
    return tuple(out)


def _load_keywords(table: dict[str, Any], points: tuple[str, ...],
                   where: Where) -> tuple[tuple[str, ...], ...]:
    value = table.get("keywords")
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) != len(points):
        where.fail(f"field 'keywords' must be a list of {len(points)} lists, one per talking point")
    out = []
    for i, entry in enumerate(value, 1):
        words_ok = isinstance(entry, list) and all(isinstance(k, str) and k.strip() for k in entry)
        if not words_ok or not entry:
            where.fail(f"field 'keywords' entry {i} must be a non-empty list of words or phrases")
        out.append(tuple(" ".join(k.lower().split()) for k in entry))
    return tuple(out)


def _load_estimate(table: dict[str, Any], points: tuple[str, ...], where: Where) -> Estimate | None:
    """`[question.estimate]`: the known answer of an estimation question (see rubrics/README.md)."""
    if "estimate" not in table:
        return None
    where = where.at("estimate")
    est = check.table_of(table["estimate"], where, "field 'estimate' ([question.estimate])")
    check.known_keys(est, ESTIMATE_FIELDS, where)
    value = check.number(est, "value", where, 1e-9, 1e30)
    low = check.number(est, "low", where, 1e-9, 1e30)
    high = check.number(est, "high", where, 1e-9, 1e30)
    if not low <= value <= high:
        where.fail(f"value {value:g} is not between low {low:g} and high {high:g}")
    steps = est.get("steps", [])
    if not isinstance(steps, list) or len(steps) != len(points) or not all(
            isinstance(x, (int, float)) and not isinstance(x, bool) and x >= 0 for x in steps):
        where.fail(f"field 'steps' must be a list of {len(points)} numbers (0 or more), one per talking point")
    return Estimate(value=value, low=low, high=high, unit=check.text(est, "unit", where),
                    kind=check.choice(check.text(est, "kind", where), SIZING_KINDS, where, "kind"),
                    answer=check.text(est, "answer", where), steps=tuple(float(x) for x in steps))


def _load_facts(table: dict[str, Any], where: Where) -> tuple[tuple[tuple[str, str], ...], tuple[str, str] | None, str]:
    """`[question.facts]` (topic = sentence) and `[question.change]` (fact, text, now: the fact as it stands
    after the change) of a system-design question."""
    raw = table.get("facts")
    facts: list[tuple[str, str]] = []
    if raw is not None:
        fwhere = where.at("facts")
        raw = check.table_of(raw, fwhere, "field 'facts' ([question.facts])")
        for topic in raw:
            check.choice(topic, FACT_TOPICS, fwhere, "fact")
            facts.append((topic, check.text(raw, topic, fwhere)))
    change = None
    if table.get("change") is not None:
        cwhere = where.at("change")
        ch = check.table_of(table["change"], cwhere, "field 'change' ([question.change])")
        check.known_keys(ch, ("fact", "text", "now"), cwhere)
        topic = check.choice(check.text(ch, "fact", cwhere), [t for t, _ in facts], cwhere, "fact")
        change = (topic, check.text(ch, "text", cwhere))
        return tuple(facts), change, check.text(ch, "now", cwhere)
    return tuple(facts), change, ""


def _flag(table: dict[str, Any], key: str, where: Where) -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        where.fail(f"field '{key}' must be true or false")
    return value


def _load_question(table: dict[str, Any], where: Where, shown: str, stem: str) -> Question:
    qid = check.text(table, "id", where)
    if not QUESTION_ID.match(qid):
        where.fail(f"id '{qid}' must be kebab-case (lowercase letters, digits and dashes)")
    where = Where(where.file).at(f"question '{qid}'")
    check.known_keys(table, QUESTION_FIELDS, where)
    rid = check.choice(check.text(table, "round", where), ROUND_IDS, where, "round")
    if stem in ROUND_IDS and rid != stem:
        where.fail(f"round '{rid}' does not match the bank it is in ('{stem}')")
    levels = check.text_list(table, "levels", where, lo=1)
    for lvl in levels:
        check.choice(lvl, LEVEL_IDS, where, "level")
    if len(set(levels)) != len(levels):
        where.fail("field 'levels' lists a level twice")
    points = check.text_list(table, "talking_points", where, lo=1, hi=10)
    facts, change, change_now = _load_facts(table, where)
    hypothetical = _flag(table, "hypothetical", where)
    followups = _load_followups(table, where, len(points))
    can_raise = raisable_gaps(rid, hypothetical)
    for n, fu in enumerate(followups, 1):
        if fu.gap not in can_raise:
            kind = "a hypothetical question" if hypothetical else f"the {rid} round"
            where.at(f"follow-up {n}").fail(
                f"gap '{fu.gap}' is never raised in {kind}, so this follow-up could never be asked",
                f"tag it with one of: {', '.join(g for g in GAP_IDS if g in can_raise)}")
    return Question(
        id=qid,
        round=rid,
        levels=tuple(lvl for lvl in LEVEL_IDS if lvl in levels),
        prompt=check.text(table, "prompt", where),
        assesses=check.text(table, "assesses", where),
        talking_points=points,
        pitfalls=check.text_list(table, "pitfalls", where, required=False),
        followups=followups,
        keywords=_load_keywords(table, points, where),
        source=shown,
        estimate=_load_estimate(table, points, where),
        facts=facts, change=change, change_now=change_now,
        hypothetical=hypothetical, opens_round=_flag(table, "opens_round", where),
        misconceptions=_load_misconceptions(table, where),
    )


def _load_misconceptions(table: dict[str, Any], where: Where, key: str = "misconceptions",
                         extra: tuple[str, ...] = ()) -> tuple[Misconception, ...]:
    """`[[question.misconceptions]]`: claim, right, and cues (each a regex that compiles), concepts (cue sets of
    concept groups) or swap (two ideas and their meanings), at least one of the three."""
    from coach.scoring.concepts import problems

    out: list[Misconception] = []
    for n, m in enumerate(check.tables(table, key, where, required=False), 1):
        mwhere = where.at(f"misconception {n}")
        check.known_keys(m, ("claim", "right", "cues", "concepts", "swap") + extra, mwhere)
        concepts = check.text_list(m, "concepts", mwhere, required=False, hi=20)
        swaps = check.text_list(m, "swap", mwhere, required=False, hi=5)
        either = bool(concepts or swaps)
        cues = check.text_list(m, "cues", mwhere, lo=0 if either else 1, hi=20, required=not either)
        for cue in cues:
            try:
                re.compile(cue)
            except re.error as e:
                mwhere.fail(f"cue {cue!r} is not a valid pattern ({e})", "write it as a Python regular expression")
        for cue_set in tuple(concepts) + tuple(swaps):
            bad = problems(cue_set)
            if bad:
                mwhere.fail(bad, 'write groups of alternatives: "term | term* + @favour + other | !negated"')
        for sw in swaps:
            if sw.count(";") != 1 or sw.count(":") != 2:
                mwhere.fail(f"swap {sw!r} needs two sides", 'write it "name : meaning | meaning ; name : meaning"')
        out.append(Misconception(check.text(m, "claim", mwhere), check.text(m, "right", mwhere), tuple(cues),
                                 tuple(concepts), tuple(swaps)))
    return tuple(out)


def _load_bank(path: Path, shown: str, into: dict[str, Question]) -> None:
    top = Where(shown)
    data = check.read_toml(path, shown)
    check.known_keys(data, ("question",), top)
    for n, table in enumerate(check.tables(data, "question", top), 1):
        q = _load_question(table, top.at(f"question {n}"), shown, path.stem)
        if q.id in into:
            top.at(f"question '{q.id}'").fail(f"id already used in {into[q.id].source}",
                                              "give every question a unique id")
        into[q.id] = q


def _load_plans(path: Path, shown: str) -> dict[str, Plan]:
    top = Where(shown)
    data = check.read_toml(path, shown)
    check.known_keys(data, ("plan",), top)
    plans: dict[str, Plan] = {}
    for n, table in enumerate(check.tables(data, "plan", top), 1):
        pid = check.text(table, "id", top.at(f"plan {n}"))
        where = top.at(f"plan '{pid}'")
        check.known_keys(table, ("id", "name", "description", "step"), where)
        if pid in plans:
            where.fail("defined twice")
        steps = []
        for i, st in enumerate(check.tables(table, "step", where), 1):
            swhere = where.at(f"step {i}")
            check.known_keys(st, ("round", "minutes", "questions"), swhere)
            rid = check.choice(check.text(st, "round", swhere), ROUND_IDS + (ANY_ROUND,), swhere, "round")
            steps.append(PlanStep(rid, check.integer(st, "minutes", swhere, 1, 240),
                                  check.integer(st, "questions", swhere, 1, 50)))
        if not steps:
            where.fail("has no [[plan.step]]")
        plans[pid] = Plan(pid, check.text(table, "name", where),
                          check.text(table, "description", where), tuple(steps))
    return plans


def _cross_check(rounds: dict[str, RoundSpec], rubrics: dict[str, Rubric], shown_rounds: str) -> None:
    for rid in ROUND_IDS:
        if rid not in rubrics:
            raise ContentError(f"rubrics/rubrics/{rid}.toml: missing rubric for round '{rid}'",
                               "every round needs a rubric file")
        dims = [d.id for d in rubrics[rid].dimensions]
        if sorted(dims) != sorted(rounds[rid].grades):
            Where(shown_rounds).at(f"round '{rid}'").fail(
                f"grades ({', '.join(rounds[rid].grades)}) differ from the rubric's dimensions "
                f"({', '.join(dims)})", "make them list the same dimension ids")


def _default_extra_dirs() -> list[Path]:
    try:
        folder = paths.user_questions_dir()
    except ImportError:   # no platformdirs and no COACH_HOME: no user data dir
        return []
    return [folder] if folder.is_dir() else []


def load_content(rubrics_dir: Path | None = None,
                 extra_question_dirs: Sequence[Path] | None = None) -> Content:
    """Load and validate all content. `extra_question_dirs=None` means the user's `questions/` dir."""
    root = Path(rubrics_dir) if rubrics_dir is not None else paths.rubrics_dir()
    if not root.is_dir():
        raise ContentError(f"content folder not found: {root}",
                           "set COACH_CONTENT to the folder that holds rubrics/")
    base = root.parent
    extra = _default_extra_dirs() if extra_question_dirs is None else [Path(p) for p in extra_question_dirs]
    sources: list[str] = []

    def shown(path: Path) -> str:
        sources.append(check.display_path(path, base))
        return sources[-1]

    rounds_path = root / "rounds.toml"
    rounds, dimensions = _load_rounds_file(rounds_path, shown(rounds_path))
    gaps = _load_gaps(root / "gaps.toml", shown(root / "gaps.toml"))
    rubrics: dict[str, Rubric] = {}
    for path in sorted((root / "rubrics").glob("*.toml")):
        rubric = _load_rubric(path, shown(path))
        rubrics[rubric.round] = rubric
    _cross_check(rounds, rubrics, check.display_path(rounds_path, base))
    questions: dict[str, Question] = {}
    bank_dirs = [root / "questions"] + extra
    for folder in bank_dirs:
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
            _load_bank(path, shown(path), questions)
    plans = _load_plans(root / "plans.toml", shown(root / "plans.toml"))
    return Content(rounds=rounds, rubrics=rubrics, questions=questions, plans=plans,
                   gaps=gaps, sources=tuple(sources), dimensions=dimensions)


@functools.lru_cache(maxsize=1)
def default_content() -> Content:
    """The shipped content plus the user's banks, loaded once per process."""
    return load_content()


@functools.lru_cache(maxsize=1)
def rounds_and_dimensions() -> tuple[dict[str, RoundSpec], dict[str, DimensionSpec]]:
    """The shipped `rubrics/rounds.toml` alone: what each round grades and what each dimension is called.

    The scorer, the reports and the app read names and defaults from here; unlike
    `default_content()` it does not depend on the user's question banks being valid."""
    path = paths.rubrics_dir() / "rounds.toml"
    return _load_rounds_file(path, check.display_path(path, paths.rubrics_dir().parent))


@functools.lru_cache(maxsize=1)
def field_misconceptions() -> tuple[Misconception, ...]:
    """The shipped `rubrics/misconceptions.toml`: common wrong claims of the field, read in every answer whatever
    the question (coach/scoring/claims.py); none when the file is absent."""
    path = paths.rubrics_dir() / "misconceptions.toml"
    if not path.is_file():
        return ()
    shown = check.display_path(path, paths.rubrics_dir().parent)
    data = check.read_toml(path, shown)
    top = Where(shown)
    check.known_keys(data, ("misconception",), top)
    return _load_misconceptions(data, top, "misconception", ("topic",))


def dimension_spec(dim_id: str) -> DimensionSpec:
    """The words for a dimension id; an id the file does not know reads as itself."""
    spec = rounds_and_dimensions()[1].get(dim_id)
    if spec is None:
        words = dim_id.replace("_", " ")
        return DimensionSpec(dim_id, dim_id, words, words[:14])
    return spec
