"""What the scorer found, retold for the model in plain words.

The scorer's evidence is written for the scorecard ('"120 megabytes" is off by 10x at
the step "parameters x bytes per parameter": ...'); a small model shown that text
copies it out instead of asking. Here each gap's finding becomes one short plain
sentence that names the candidate's own words, which the model can build a question on.
A wrong figure comes as the napkin check's own fields (the figure said, the inputs).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.scoring import on_topic
from coach.scoring.napkin import Check

if TYPE_CHECKING:
    from coach.scoring.gaps import Gap
    from coach.scoring.scorecard import Scorecard

_QUOTED = re.compile(r'"([^"]+)"')
_WE = re.compile(r"[^.?!]*\bwe\b[^.?!]*[.?!]?", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """What the scorer found for the gap a follow-up probes: its evidence text, the wrong figure as the
    napkin check carries it (for `bad_math`), and the talking points the answers so far covered
    (None when not known: the follow-up choice then works them out from the answer)."""

    evidence: str = ""
    check: Check | None = None
    covered: frozenset[str] | None = None
    said: str = ""            # every answer to the question so far, joined ("" when not known: the answer alone)

    @classmethod
    def of(cls, card: "Scorecard", gap: "Gap", covered: Iterable[str] | None = None, said: str = "") -> "Finding":
        """From a scorecard and its gap; `covered`: the points covered so far (default: this card's); `said`: the
        answers to the question so far."""
        wrong = next((c for c in card.sizing.checks if not c.ok), None) if gap.id == "bad_math" else None
        points = covered if covered is not None else (p.point for p in card.talking_points.covered)
        return cls(gap.evidence, wrong, frozenset(points), said)


def as_finding(target: "str | Finding") -> Finding:
    """A bare evidence text (from a caller without a scorecard) as a Finding."""
    return target if isinstance(target, Finding) else Finding(str(target or ""))


def _quotes(evidence: str) -> list[str]:
    return [q.strip().rstrip(".").replace(" ...", "").strip() for q in _QUOTED.findall(evidence)]


_CLAUSE_END = re.compile(r"\s*[,;:]\s*|\s(?:and|so|but|because|which|that|then|while|until)\s", re.IGNORECASE)


def we_sentence(answer: str) -> str:
    """The first clause where "we" stands for what the candidate may have done ("we profiled the serving
    path", not the rest of its sentence: the model copies what it is shown into its question, and a
    long sentence made a question of forty words or none); the whole sentence when no clause of four
    words or more holds the "we"."""
    found = []
    for m in _WE.finditer(answer):
        text = " ".join(m.group(0).split())
        clauses = [re.sub(r"^(?:and|so|but|then|yeah|well)\s+", "", c.strip(" .!?"), flags=re.IGNORECASE)
                   for c in _CLAUSE_END.split(text)]
        # (a time clause before the "we" is cut: "when the outage hit we traced it" is retold "we traced it")
        clauses = [re.sub(r"^(?:when|after|once|as soon as|before)\b.*?\s(?=we\b)", "", c, flags=re.IGNORECASE)
                   for c in clauses]
        with_we = [c for c in clauses if len(c.split()) >= 4 and re.search(r"\bwe\b", c, re.IGNORECASE)]
        found += [(c, True) for c in with_we] or ([(text, False)] if len(text.split()) >= 4 else [])
    # a step taken ("we traced it to the feature fetch") before a habit or a state ("we take reviews seriously"):
    # "when the team traced it ..., what did you do?" asks for the candidate's part in something that happened
    text = next((c for c, clause in found if clause and _WE_DID.search(c)), found[0][0] if found else "")
    return text if len(text) <= 120 else text[:120].rsplit(" ", 1)[0] + " ..."


def _past_forms() -> str:
    from coach.followups.guards import _IRREGULAR

    return "|".join(sorted(_IRREGULAR))


# "we" and a verb in the past tense, an adverb between allowed ("we quickly rolled back", "we then built")
_WE_DID = re.compile(r"\bwe (?:\w+ly |then |also |first |finally )?(?:[a-z]{2,}ed|" + _past_forms() + r"|did|got|put|set|sat|stood|spoke|rebuilt|redid|rewrote|"
                     r"cut|shut|split|spun|wrote|began|gave|went|came|won|dug|hit|let|ran|rolled)\b", re.IGNORECASE)


# The candidate's own choice, said as a decision: "I'd put a fast classifier in the upload path", "we went with a
# two-tower model". A question about what it gave up can only be built on a choice the answer names.
_CHOICE = re.compile(r"\b(?:i(?:'d| would| will|'ll)?|we(?:'d| would| will|'ll)?) (?:probably |just |then |first |also )?"
                     r"(?:use|used|go with|went with|pick|picked|choose|chose|put|start with|started with|build|built|"
                     r"train|trained|retrain|shard|keep|kept|store|stored|serve|served|deploy|deployed|run|ran|switch|"
                     r"switched|move|moved|downsample|upsample|reweight|add|added|cache|batch|split|compute|rely on|"
                     r"relied on|stick with|stuck with)\b[^.?!]*", re.IGNORECASE)


def choice_clause(answer: str) -> str:
    """The first clause where the candidate names a choice of their own ("I'd retrain every night on a rolling
    window"), cut to a dozen words; "" when the answer names none."""
    for m in _CHOICE.finditer(answer):
        clause = _CLAUSE_END.split(" ".join(m.group(0).split()))[0].strip(" .!?")
        words = clause.split()
        if len(words) >= 4:
            return " ".join(words[:12]) + (" ..." if len(words) > 12 else "")
    return ""


_TEAM = ((re.compile(r"\bour team\b", re.IGNORECASE), "the team"), (re.compile(r"\bwe\b", re.IGNORECASE), "the team"), (re.compile(r"\bour\b", re.IGNORECASE), "the team's"),
         (re.compile(r"\bus\b", re.IGNORECASE), "the team"))


def as_the_team(sentence: str) -> str:
    """The candidate's "we" sentence as the interviewer would retell it ("the team fixed the join"): the
    model copies the quote it is shown, and "we" or "our" in its mouth speaks as the candidate."""
    for rule, said in _TEAM:
        sentence = rule.sub(said, sentence)
    return sentence


def whole_point(point: str, points: Sequence[str]) -> str:
    """The scorecard shortens a talking point ("... in"); the model gets it whole."""
    return next((p for p in points if p.startswith(point.rstrip(". "))), point)


def spoken_inputs(check: Check) -> str:
    """The check's working in words ("3B divided by 86,400 s"), without the right figure."""
    return check.inputs.replace("×", "times").replace("÷", "divided by").replace("−", "minus").strip()


def plain(gap: str, evidence: str, answer: str = "", points: Sequence[str] = (), check: Check | None = None) -> str:
    """One plain sentence about the gap for the model; the scorer's text when no rule fits.
    `points`: the question's talking points (a missed one is named in full); `check`: the wrong figure
    (its claimed figure and inputs; the right figure stays out: the candidate is asked to find it)."""
    quotes = _quotes(evidence)
    if gap == "bad_math" and check is not None and check.claimed:
        inputs = spoken_inputs(check)
        return f'they said "{check.claimed}" from {inputs}, and that does not add up' if inputs else \
            f'the figure "{check.claimed}" does not add up'
    if gap == "bad_math" and quotes:
        return f'the figure "{quotes[0]}" does not add up'
    if gap == "no_result" and quotes:
        if evidence.startswith("the result has no number"):
            return f'the outcome "{quotes[0]}" has no measure'
        return f'the story ends with "{quotes[0]}" and never says what changed'
    if gap == "missing_point" and quotes:
        return f"they did not cover: {whole_point(quotes[0], points)}"
    if gap == "we_not_i":
        sentence = as_the_team(we_sentence(answer))
        counts = evidence.replace('"', "")
        return f'{counts}, e.g. "{sentence}"' if sentence else counts
    if gap == "non_answer":
        return f'no real answer: "{quotes[-1]}"' if quotes else "no real answer"
    if gap == "off_topic":
        topic = on_topic.missed_topic(evidence)
        return f"the story is about something else, not {topic}" if topic else "the answer talked about something else"
    if gap == "no_numbers":
        return "no numbers at all: no traffic, latency, data size or cost"
    if gap == "no_clarifying":
        return "started designing without asking about users, scale or requirements"
    if gap == "no_tradeoff" and quotes and evidence.startswith("an option named as not taken"):
        return f'they said "{quotes[0]}" and never said why, or what that choice costs'
    if gap == "no_tradeoff":
        chosen = choice_clause(answer)
        return f'one option only: "{chosen}", and nothing weighed against it' if chosen else \
            "one option only; nothing weighed against it"
    if gap == "no_monitoring":
        return "nothing about watching it in production, rolling it out or rolling it back"
    if gap == "no_context" and quotes:
        return f'no situation or stakes; it opens: "{quotes[0]}"'
    if gap == "wrong_claim" and quotes:
        # their words only: the misconception's own wording ("L2 is not the one that zeroes weights") carries the
        # right answer, and a small model shown it asks about that instead of what the candidate said
        return f'they said "{claim_clause(quotes[0], evidence, answer)}", and that is not right'
    return evidence or "-"


_SENTENCE_END = re.compile(r"[.?!](?=\s|$)")
_LEAD = re.compile(r"^(?:so|and|but|which|while|whereas)\s+", re.IGNORECASE)
_CLAIM_SPLIT = re.compile(r"\s*[:;]\s*|,\s*(?=(?:which|while|whereas|but|and|so)\b)", re.IGNORECASE)


def claim_clause(quoted: str, evidence: str, answer: str) -> str:
    """The clause of the candidate's sentence that states the wrong claim ("L2 is the one that pushes weights all
    the way to exactly zero"): of the sentence the scorer quoted (found whole in the answer), the clause sharing
    most words with the claim; the quote when the answer does not hold it."""
    start = answer.find(quoted[:60]) if quoted else -1
    if start < 0:
        return quoted
    stop = _SENTENCE_END.search(answer, start + len(quoted[:60]))          # "above 0.9" does not end it
    sentence = answer[start:stop.end() if stop else len(answer)].strip()
    claim = set(re.findall(r"[a-z0-9]+", evidence.rsplit(" states that ", 1)[-1].lower()))
    clauses = [_LEAD.sub("", c.strip(" .")) for c in _CLAIM_SPLIT.split(sentence) if len(c.split()) >= 3]
    if not clauses:
        return quoted
    best = max(clauses, key=lambda c: len(claim & set(re.findall(r"[a-z0-9]+", c.lower()))))
    best = _without_asides(best)
    kept: list[str] = []              # its comma-parts while they fit ("L2, the squared penalty, drives ... zero")
    for part in best.split(","):
        if kept and len(",".join(kept + [part]).split()) > SAID_BACK:
            break
        kept.append(part)
    words = ",".join(kept).split()
    return " ".join(words[:SAID_BACK]) + (" ..." if len(words) > SAID_BACK else "")


SAID_BACK = 14      # words of the candidate's claim said back whole
ASIDE = 5           # words of a comma-part between two others that may be left out ("say above 0.9")


def _without_asides(clause: str) -> str:
    """A clause too long to say back, with its short asides between commas left out, shortest first, until it fits:
    "a model with a high AUC, say above 0.9, is well calibrated" -> "a model with a high AUC is well calibrated"."""
    parts = [p.strip() for p in clause.split(",")]
    glue = [", "] * (len(parts) - 1)
    while len(" ".join(parts).split()) > SAID_BACK:
        inner = [i for i in range(1, len(parts) - 1) if len(parts[i].split()) <= ASIDE]
        if not inner:
            break
        i = min(inner, key=lambda k: len(parts[k].split()))
        del parts[i]
        glue[i - 1:i + 1] = [" "]
    return parts[0] + "".join(g + p for g, p in zip(glue, parts[1:]))
