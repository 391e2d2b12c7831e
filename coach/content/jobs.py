"""A loop built from a job description: its level, its topics and the questions that fit (pure).

The rules are data (`rubrics/jobs.toml`) and every decision carries its reason, e.g.
"level staff: the title says 'Staff'" or "recommendations: feed, personalization, two-tower".
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.content import check
from coach.content.check import Where
from coach.content.types import Content
from coach.domain import LEVEL_IDS, ROUND_IDS, Question

TEAM_WORDS = 70          # the longest team description the interviewer reads out
# Rounds whose questions are about the candidate, not a technology: matched by tags only, not by their prompt.
PERSONAL_ROUNDS = ("behavioral", "recruiter", "hiring-manager", "cross-functional")
SPREAD = 0.5             # a topic's weight after each question picked for it
# Rounds picked first, since they say most about the role: the design question goes to the strongest topic.
PICK_FIRST = ("system-design", "napkin-math")


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    phrases: tuple[str, ...]
    questions: tuple[str, ...]
    strong: tuple[str, ...] = ()     # one of these alone finds the topic


@dataclass(frozen=True)
class LoopStep:
    round: str
    minutes: int
    questions: int
    prefer: tuple[str, ...] = ()


@dataclass(frozen=True)
class JobRules:
    levels: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]   # level -> (title words, phrases)
    topics: tuple[Topic, ...]
    steps: tuple[LoopStep, ...]
    min_hits: int = 2
    team_questions: tuple[str, ...] = ()
    team_headings: tuple[str, ...] = ()


@dataclass(frozen=True)
class FoundTopic:
    id: str
    name: str
    hits: tuple[str, ...]        # the phrases the description names
    weight: float                # 0-1, share of the strongest topic's hits


@dataclass
class JobPlan:
    name: str
    level: str
    level_reason: str
    topics: list[FoundTopic]
    rounds: list[tuple[LoopStep, list[str]]]          # each step with its question ids
    team: str = ""
    why: dict[str, str] = field(default_factory=dict)  # question id -> why it was picked
    team_questions: list[str] = field(default_factory=list)   # asked questions that refer to the team

    def to_json(self) -> dict[str, Any]:
        """The public shape printed by `coach plan --json`."""
        return {"name": self.name, "level": self.level, "topics": [t.id for t in self.topics],
                "rounds": [{"round": s.round, "questions": ids} for s, ids in self.rounds]}

    def to_record(self) -> dict[str, Any]:
        """Everything needed to run the plan later (saved in the data dir)."""
        return {**self.to_json(), "level_reason": self.level_reason, "team": self.team,
                "topic_hits": {t.id: list(t.hits) for t in self.topics},
                "minutes": {s.round: s.minutes for s, _ in self.rounds}, "why": self.why,
                "team_questions": self.team_questions}


def load_rules(path: Path | None = None) -> JobRules:
    """Read `rubrics/jobs.toml`; a bad entry is a ContentError naming it."""
    if path is None:
        from coach.paths import rubrics_dir

        path = rubrics_dir() / "jobs.toml"
    top = Where(f"rubrics/{Path(path).name}")
    data = check.read_toml(Path(path), str(top))
    check.known_keys(data, ("min_hits", "team_questions", "team_headings", "level", "topic", "step"), top)
    levels = {}
    for n, t in enumerate(check.tables(data, "level", top), 1):
        where = top.at(f"level {n}")
        check.known_keys(t, ("id", "title", "phrases"), where)
        lid = check.choice(check.text(t, "id", where), LEVEL_IDS, where, "id")
        levels[lid] = (_lower(check.text_list(t, "title", where)), _lower(check.text_list(t, "phrases", where)))
    topics = []
    for n, t in enumerate(check.tables(data, "topic", top), 1):
        where = top.at(f"topic {n}")
        check.known_keys(t, ("id", "name", "phrases", "strong", "questions"), where)
        topics.append(Topic(check.text(t, "id", where), check.text(t, "name", where),
                            _lower(check.text_list(t, "phrases", where, lo=1)),
                            check.text_list(t, "questions", where, required=False),
                            _lower(check.text_list(t, "strong", where, required=False))))
    steps = []
    for n, t in enumerate(check.tables(data, "step", top), 1):
        where = top.at(f"step {n}")
        check.known_keys(t, ("round", "minutes", "questions", "prefer"), where)
        steps.append(LoopStep(check.choice(check.text(t, "round", where), ROUND_IDS, where, "round"),
                              check.integer(t, "minutes", where, 1, 240), check.integer(t, "questions", where, 1, 10),
                              check.text_list(t, "prefer", where, required=False)))
    return JobRules(levels, tuple(topics), tuple(steps), check.integer(data, "min_hits", top, 1, 10, default=2),
                    check.text_list(data, "team_questions", top, required=False),
                    _lower(check.text_list(data, "team_headings", top, required=False)))


def _lower(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(" ".join(i.lower().split()) for i in items)


def _pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w/+-])" + re.escape(phrase) + r"(?![\w/+-])", re.I)


def phrase_hits(text: str, phrases: Sequence[str]) -> list[str]:
    """The phrases that occur in `text` as whole words, in the order given."""
    return [p for p in phrases if _pattern(p).search(text)]


def _title(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def find_level(text: str, rules: JobRules) -> tuple[str, str]:
    """(level, why). The title decides when it names a level; else the level named more often; else senior."""
    title = _title(text)
    for lid in ("staff", "senior"):
        words = phrase_hits(title, rules.levels.get(lid, ((), ()))[0])
        if words:
            return lid, f"the title says '{words[0]}'"
    counts = {lid: phrase_hits(text, rules.levels.get(lid, ((), ()))[1]) for lid in LEVEL_IDS}
    staff, senior = counts.get("staff", []), counts.get("senior", [])
    if len(staff) > len(senior):
        return "staff", "the text names staff-level scope: " + ", ".join(staff[:4])
    if senior:
        return "senior", "the text names senior-level scope: " + ", ".join(senior[:4])
    return "senior", "no level named; senior is the default"


def find_topics(text: str, rules: JobRules) -> list[FoundTopic]:
    """Topics the description names, strongest first."""
    title = _title(text)
    found = []
    for topic in rules.topics:
        hits = phrase_hits(text, topic.phrases)
        hits += [p for p in phrase_hits(text, topic.strong) if p not in hits]
        if len(hits) >= rules.min_hits or phrase_hits(title, topic.phrases) or phrase_hits(text, topic.strong):
            found.append((topic, hits))
    top = max((len(h) for _, h in found), default=1)
    out = [FoundTopic(t.id, t.name, tuple(h), round(len(h) / top, 3)) for t, h in found]
    order = {t.id: i for i, t in enumerate(rules.topics)}
    return sorted(out, key=lambda t: (-t.weight, order[t.id]))


def team_summary(text: str, rules: JobRules) -> str:
    """The paragraph that describes the team, cut to a spoken length; "" when there is none."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    chosen = ""
    for i, para in enumerate(paragraphs):
        head = para.lower().rstrip(":")
        heading = next((h for h in rules.team_headings if head.startswith(h)), None)
        if heading is None:
            continue
        body = para[len(heading):].lstrip(" :.-") if len(para) > len(heading) + 20 else \
            (paragraphs[i + 1] if i + 1 < len(paragraphs) else "")
        if body:
            chosen = body
            break
    if not chosen:
        chosen = next((p for p in paragraphs[1:] if re.search(r"\b(?:team|we|our)\b", p, re.I)), "")
    words = chosen.split()
    if len(words) > TEAM_WORDS:
        cut = " ".join(words[:TEAM_WORDS])
        chosen = cut[: cut.rfind(".") + 1] if "." in cut[20:] else cut + "…"
    return chosen


def _question_topics(q: Question, rules: JobRules, found: Sequence[FoundTopic]) -> dict[str, float]:
    """Topic id -> how strongly the question belongs to it (tagged: 1 for the first tag, a little less for each
    later one, at least 0.7; named in its prompt: 0.5)."""
    out: dict[str, float] = {}
    by_id = {t.id: t for t in rules.topics}
    for f in found:
        topic = by_id[f.id]
        if q.id in topic.questions:
            out[f.id] = max(0.7, 1.0 - 0.02 * topic.questions.index(q.id))
        elif q.round not in PERSONAL_ROUNDS and phrase_hits(q.prompt, topic.phrases):
            out[f.id] = 0.5
    return out


def pick_for_step(content: Content, step: LoopStep, level: str, found: Sequence[FoundTopic],
                  rules: JobRules, taken: set[str], weights: dict[str, float] | None = None,
                  supply: dict[str, int] | None = None) -> list[tuple[str, str]]:
    """[(question id, why)] for one round: preferred ones, then greedily by topic weight, spreading topics.

    `weights` (topic id -> weight) is shared across the loop's rounds: a topic that got a question
    weighs less for the next pick, wherever it is, so the loop spreads over the description's topics.
    """
    pool = [q for q in content.questions_for(step.round, level) if q.id not in taken]
    picked: list[tuple[str, str]] = []
    for qid in step.prefer:
        q = next((q for q in pool if q.id == qid), None)
        if q is not None and len(picked) < step.questions:
            picked.append((qid, "asked in every loop for this round"))
            pool.remove(q)
    weights = {f.id: f.weight for f in found} if weights is None else weights
    names = {f.id: f.name for f in found}
    while len(picked) < step.questions and pool:
        scored = []
        for i, q in enumerate(pool):
            belongs = _question_topics(q, rules, found)
            score = round(sum(weights[t] * s for t, s in belongs.items()), 3)
            scarce = -min((supply or {}).get(t, 0) for t in belongs) if belongs else 0
            scored.append((score, scarce, -i, q, belongs))
        score, _, _, q, belongs = max(scored, key=lambda x: x[:3])
        if belongs and score > 0:
            best = max(belongs, key=lambda t: weights[t] * belongs[t])
            why = f"{names[best]}" + (" (tagged)" if belongs[best] >= 0.7 else " (named in the question)")
            for t in belongs:                # the next pick leans to the topics not yet covered
                weights[t] *= SPREAD
        else:
            why = f"a core {step.round} question at the {level} level"
        picked.append((q.id, why))
        pool.remove(q)
    return picked


def build_plan(text: str, name: str, content: Content, rules: JobRules) -> JobPlan:
    """Level, topics, team and questions for one job description."""
    level, level_reason = find_level(text, rules)
    found = find_topics(text, rules)
    team = team_summary(text, rules)
    taken: set[str] = set() if team else set(rules.team_questions)   # no team to describe: skip questions on it
    why: dict[str, str] = {}
    weights = {f.id: f.weight for f in found}
    at_level = {q.id for q in content.questions_for(level=level)}
    by_id = {t.id: t for t in rules.topics}
    supply = {f.id: len(set(by_id[f.id].questions) & at_level) for f in found}
    chosen: dict[int, list[str]] = {}
    order = sorted(range(len(rules.steps)), key=lambda i: (
        PICK_FIRST.index(rules.steps[i].round) if rules.steps[i].round in PICK_FIRST else len(PICK_FIRST), i))
    for i in order:
        step = rules.steps[i]
        picks = pick_for_step(content, step, level, found, rules, taken, weights, supply)
        chosen[i] = [qid for qid, _ in picks]
        taken.update(chosen[i])
        why.update(dict(picks))
    rounds = [(step, chosen[i]) for i, step in enumerate(rules.steps) if chosen[i]]     # in the loop's order
    asked_team = [q for _, ids in rounds for q in ids if q in rules.team_questions]
    for qid in asked_team:
        why[qid] = "refers to the team, which the description names"
    return JobPlan(name=name, level=level, level_reason=level_reason, topics=found, rounds=rounds, team=team,
                   why=why, team_questions=asked_team)


def plan_name(text: str, given: str | None = None) -> str:
    """A file-safe plan name: the one given, else made from the title."""
    raw = given or _title(text)[:60] or "job"
    slug = re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-")
    return slug[:60] or "job"
