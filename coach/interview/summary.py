"""The closing remarks, built from the session's scorecards (pure)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from string import Template

from coach.scoring.scorecard import Scorecard


def parse_focus(section: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in section.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            out[key.strip()] = value.strip()
    return out


STRENGTH_BAR = 3.0   # below this average nothing is called a strength: no inflated praise
SESSION_BAR = 2.0    # a session whose answers average below this has no strength to name: a clear account of a
                     # wrong answer is not what worked best


def _dimension_means(scores: Sequence[Scorecard]) -> dict[str, tuple[str, float]]:
    """Each rubric part's name and its average over the session."""
    totals: dict[str, list[float]] = {}
    names: dict[str, str] = {}
    for card in scores:
        for dim in card.dimensions:
            totals.setdefault(dim.id, []).append(dim.score)
            names[dim.id] = dim.name or dim.id
    return {d: (names[d].lower(), sum(v) / len(v)) for d, v in totals.items()}


HOW_SAID = "communication"    # delivery: how it was said, named as the strength only when nothing said did well


def strongest_dimension(scores: Sequence[Scorecard]) -> str | None:
    """The rubric part to praise: the best of what was said (story, ownership, design...) that reaches the bar;
    delivery only when none does. A typed answer's delivery is full marks, and a story that came good in
    its follow-up is praised for the story, not for the way it was told."""
    if scores and sum(c.overall for c in scores) / len(scores) < SESSION_BAR:
        return None
    means = _dimension_means(scores)
    for parts in ({d: m for d, m in means.items() if d != HOW_SAID}, means):
        reached = [m for m in parts.values() if m[1] >= STRENGTH_BAR]
        if reached:
            return max(reached, key=lambda m: m[1])[0]
    return None


def weakest_dimension(scores: Sequence[Scorecard]) -> tuple[str, float] | None:
    """The rubric part with the lowest average over the session, and that average."""
    means = _dimension_means(scores)
    return min(means.values(), key=lambda m: m[1]) if means else None


def _advice_without_gap(scores: Sequence[Scorecard], focus: Mapping[str, str]) -> str:
    """What to practise when no answer left a gap: the weakest rubric part, as the habit that lifts it (the focus
    table's line for the part's id, when it has one), then by name and score."""
    means = _dimension_means(scores)
    if not means:
        return "keep practising answers out loud, with numbers and a result"
    dim = min(means, key=lambda d: means[d][1])
    name, score = means[dim]
    if score >= 4.0:
        return "keep this level, and try a harder round next time"
    lowest = f"{name}, your lowest part today at {score:.1f} out of 5"
    return f"{focus[dim]} ({lowest})" if focus.get(dim) else lowest


def session_gap(scores: Sequence[Scorecard]) -> str | None:
    """What to practise, from the whole session: the gap found in the most answers (any rank, not only the
    top one), the heavier in total when two recur as often; when nothing recurs, the weakest answer's top gap."""
    counts: Counter[str] = Counter()
    weight: dict[str, float] = {}
    for card in scores:
        for gap in {g.id: g for g in card.gaps}.values():
            counts[gap.id] += 1
            weight[gap.id] = weight.get(gap.id, 0.0) + gap.severity
    if not counts:
        return None
    recurring = max(counts, key=lambda g: (counts[g], weight[g]))
    if counts[recurring] >= 2:
        return recurring
    weakest = min((c for c in scores if c.gaps), key=lambda c: c.overall)
    return weakest.gaps[0].id


_KIND_OF_ROUND = ("round", "screen", "drill", "dive", "warm-up")


def spoken_round(name: str) -> str:
    """A round's name as said in a sentence: "Behavioural round" -> "the behavioural round", "Hiring manager" ->
    "the hiring manager round"; acronyms keep their case ("the ML system design")."""
    words = [w if w.isupper() and len(w) > 1 else w.lower() for w in name.split()]
    if words and not any(words[-1].endswith(k) for k in _KIND_OF_ROUND):
        words.append("round")
    return " ".join(["the", *words]) if words and words[0] not in ("the", "a", "an") else " ".join(words)


def closing_remarks(template: str, rounds: Sequence[str], scores: Sequence[Scorecard], focus: dict[str, str] | None = None) -> str:
    """`template` is prompts/closing.md's `## closing` text; `focus` its `## focus` table (by gap id, and by rubric
    part id for a session whose answers left no gap)."""
    focus = focus or {}
    seen = list(dict.fromkeys(spoken_round(r) for r in rounds)) or ["a short warm-up"]
    gap = session_gap(scores)
    strength = strongest_dimension(scores) or "nothing reached the bar yet, so let's build from the basics"
    advice = focus.get(gap or "", "") or _advice_without_gap(scores, focus)
    return Template(template).safe_substitute(rounds=" and ".join(seen), strength=strength, focus=advice)


_COUNTS = ("no", "one", "two", "three", "four", "five", "six")


def _questions(n: int) -> str:
    said = _COUNTS[n] if n < len(_COUNTS) else str(n)
    return f"{said} clarifying question{'' if n == 1 else 's'}"


def unscored_closing(lines: Mapping[str, str], rounds: Sequence[str], clarifications: Sequence[Sequence[str]]) -> str:
    """The closing of a session with no scored answer (prompts/closing.md `## unscored`): the scores have
    nothing to say, so it says what happened (the clarifying questions asked, the facts heard, or
    nothing at all) and what to do next. `clarifications`: per clarifying turn, the fact topics its
    reply gave (none when the candidate was asked to state an assumption)."""
    seen = list(dict.fromkeys(spoken_round(r) for r in rounds)) or ["a short warm-up"]
    topics = list(dict.fromkeys(t for told in clarifications for t in told))
    if not clarifications:
        asked, then = "", lines.get("answer next", "")
    else:
        asked = lines.get("asked facts" if topics else "asked assume", "")
        then = lines.get("design next", "")
    asked = Template(asked).safe_substitute(count=_questions(len(clarifications)), topics=" and ".join(topics))
    text = Template(lines.get("closing", "")).safe_substitute(rounds=" and ".join(seen), asked=asked, next=then)
    return " ".join(text.split())
