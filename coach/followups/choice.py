"""Choosing the follow-up: the model's best guarded candidate, else the question bank's.

Pure: the candidates come in as strings; nothing here touches a model.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from coach.domain import Question
from coach.followups import anchor, guards, option_left, said, told, words
from coach.followups.findings import Finding, as_finding, whole_point
from coach.ports import FollowUpReply
from coach.scoring import on_topic
from coach.scoring.talking_points import coverage
from coach.scoring.text import clean, sentences

# Words (matched at the start of a word, so "measur" covers measured and measurable) that show a follow-up is
# about the gap even when it quotes nothing the candidate said (prompts/followup_words.toml [gap_words]). Used by
# the guard's "on the gap" test and the evaluation's on-gap rate.
GAP_WORDS: dict[str, tuple[str, ...]] = words.phrase_table("gap_words")

# A non-answer or an off-topic answer gives nothing to quote: there a follow-up is on
# target when it names the question's own topic (a smaller version of the question).
ABOUT_THE_QUESTION = ("non_answer", "off_topic")
# After a non-answer, restating the question is fine when it narrows it to a first step.
NARROWING = words.phrases("narrowing", "phrases")      # prompts/followup_words.toml [narrowing]

# A follow-up asking what the candidate would do (prompts/followup_words.toml [plan]): after a non-answer to a
# question that wants a past story, not asked (`asks_for_a_plan`).
PLAN = words.phrases("plan", "phrases")

# Gaps whose follow-up asks for something the candidate has not said yet: the model's question must not ask
# for a talking point already covered. (After a wrong figure, or "we", the question builds on what was said.)
ASKS_FOR_CONTENT = ("missing_point", "no_tradeoff", "no_monitoring", "no_clarifying", "no_numbers")

# Gaps whose follow-up builds on what was said: after "we", a question naming a talking point already covered ("Which of
# those systems did you personally own?") asks for the candidate's part in it, not for the point again; after a wrong
# claim, "I want to check; walk me through why that holds" asks about the claim said, whatever point its words recall.
BUILDS_ON_SAID = ("we_not_i", "wrong_claim")

# A model question sharing this much of its content words with the bank's draft is the draft reworded.
NEAR_COPY = 0.7

GENERIC = "Can you give me one concrete example from your own work that shows that?"

_NEGATION = re.compile(r"\b(?:not|no|never|isn'?t|aren'?t|doesn'?t|don'?t|won'?t|can'?t|cannot)\b|n't\b", re.IGNORECASE)


def wants_story(question: Question) -> bool:
    """Does the question ask for a past story ("Tell me about a time ...")? Else it asks for a plan, a design
    or an explanation (a hypothetical story question, "what would you do if ...", is a plan)."""
    from coach.scoring import STORY_ROUNDS

    return question.round in STORY_ROUNDS and not question.hypothetical


def for_kind(table: Mapping[str, Any], gap: str, question: Question, default: Any = None) -> Any:
    """A per-gap entry of the prompt (`## openers`, `## hints`) for the kind of answer asked for: "non_answer
    story" for a past story, "non_answer plan" for anything else, when there is one; else the gap's own."""
    kind = "story" if wants_story(question) else "plan"
    return table.get(f"{gap} {kind}") or table.get(gap) or default


def opening(openers: Mapping[str, Sequence[str]], gap: str, question: Question,
            target: str | Finding = "") -> tuple[str, ...]:
    """How the model's question opens for this gap (the prompt's `## openers`, see `for_kind`), else nothing
    (any opener of the grammar). `$figure` in an opener is the wrong figure as the candidate said it ("How did
    you get $figure" is written out as "How did you get a hundred and sixty megabytes", so the model goes on
    with the inputs): left to itself, the small model named the inputs and dropped the figure. With no figure
    known, the opener stops before it."""
    figure = _said_figure(gap, target)
    out = []
    for phrase in for_kind(openers, gap, question, ()):
        if "$figure" in phrase:
            phrase = phrase.replace("$figure", figure) if figure else phrase.split("$figure")[0]
        out.append(" ".join(phrase.split()))
    return tuple(out)


def _said_figure(gap: str, target: str | Finding) -> str:
    """After a wrong figure, the figure as the candidate said it (the napkin check's), else nothing."""
    finding = as_finding(target)
    if gap != "bad_math" or finding.check is None:
        return ""
    return " ".join(finding.check.claimed.split()).strip(" ,.;:")


def generic_probes(gap: str, question: Question, gaps: Mapping[str, Any]) -> list[str]:
    """The gap's generic probes (rubrics/gaps.toml): for a question that wants a past story, its story probes
    first ("What is the closest you have come to that ...?" after "I haven't really had that happen"), where
    "what would be your first step here?" asks for a plan the round does not want."""
    spec = gaps.get(gap)
    generic = list(getattr(spec, "followups", ()) or ())
    story = list(getattr(spec, "story_followups", ()) or ())
    return story + generic if story and wants_story(question) else generic


def gap_description(gap: str, gaps: Mapping[str, Any]) -> str:
    spec = gaps.get(gap)
    return getattr(spec, "description", "") or gap.replace("_", " ")


def _point_asked(text: str, question: Question) -> int | None:
    """The talking point a follow-up asks about: the one whose keywords it names most (two at
    least, or one with a word of the point itself), else None."""
    low = text.lower()
    best, best_hits = None, 0
    for i, point in enumerate(question.talking_points):
        keys = question.keywords[i] if i < len(question.keywords) else ()
        hits = sum(1 for k in keys if re.search(r"\b" + re.escape(k.lower()), low))
        hits += len({w for w in guards.stems(point) if len(w) > 4} & guards.stems(text))   # "thresholds" and "threshold"
        if hits > best_hits:
            best, best_hits = i, hits
    return best if best_hits >= 2 else None


def covered_points(question: Question, answer: str, said: frozenset[str] | None = None) -> frozenset[int]:
    """The talking points covered: `said` (the scorecard's covered points, over every answer to the
    question so far) when given, else the answer's by the scorer's own rules."""
    if said is None:
        if not answer.strip() or not question.talking_points:
            return frozenset()
        said = frozenset(hit.point for hit in coverage(question, sentences(clean(answer))).covered)
    return frozenset(i for i, p in enumerate(question.talking_points) if p in said)


def points_asked(text: str, question: Question) -> tuple[int, ...]:
    """The talking points a follow-up asks about: as the bank says (`points`), else read from its words."""
    said = next((f.points for f in question.followups if f.text == text and f.points is not None), None)
    if said is not None:
        return said
    point = _point_asked(text, question)
    return () if point is None else (point,)


def already_answered(text: str, question: Question, covered: frozenset[int]) -> bool:
    """Does the follow-up ask about talking points the answer already covers?"""
    asks = points_asked(text, question)
    return bool(asks) and all(p in covered for p in asks)


def _missed_points(question: Question, evidence: str) -> frozenset[int]:
    """The talking points a missing_point finding quotes as missed (its evidence names them)."""
    quoted = re.findall(r'"([^"]+)"', evidence)
    return frozenset(i for i, p in enumerate(question.talking_points)
                     if any(p.startswith(q.rstrip(". ").removesuffix("...").rstrip()) for q in quoted if len(q) > 8))


PRICE = words.phrases("price", "phrases")      # prompts/followup_words.toml [price]


def asks_why(gap: str, text: str) -> bool:
    """After one option with nothing weighed, "why did you choose X?" or "what do you give up with X?" names a point
    the answer covered on purpose: it asks for the reasons, the alternative or the price, not for the point again."""
    if gap != "no_tradeoff":
        return False
    low = " ".join(text.lower().split())
    return bool(re.match(r"\s*why (?:did|would|do) you (?:choose|pick|go with|use|prefer)\b", low)) or \
        any(re.search(r"(?<![a-z])" + re.escape(p) + r"(?![a-z])", low) for p in PRICE)


def bank_followup(question: Question, gap: str, asked: Sequence[str], gaps: Mapping[str, Any],
                  target: str | Finding = "", answer: str = "") -> str:
    """The question's own follow-up for the gap (the one closest to what the scorer found, e.g. the
    missed talking point), else the gap's generic one, never a repeat, and never one that asks
    for a talking point already covered (the finding's, else the candidate's `answer`'s)."""
    finding = as_finding(target)
    target = finding.evidence
    covered = covered_points(question, answer, finding.covered)

    def again(text: str, earlier: str) -> bool:    # the main question: narrower follow-ups share its words
        if earlier == question.prompt:
            return text == earlier or guards.similarity(text, earlier) >= 0.6
        return guards.repeats(text, earlier)

    heard = finding.said or answer

    def fresh(text: str) -> bool:
        return not any(again(text, a) for a in asked) and not (already_answered(text, question, covered)
                                                              and not asks_why(gap, text) and gap not in BUILDS_ON_SAID) \
            and not said.asks_for_a_size_said(text, heard) and not option_left.asks_for_the_option_left(text, target)

    own = [f.text for f in question.followups if f.gap == gap]
    if gap == "no_numbers" and (given := told.figures_told(question, asked)):
        # the interviewer gave the figures: the follow-up starts from them; said back already, the bank's own is next
        own = [told.builds_on(given), *own]
    if target and len(own) > 1:
        aim = guards.content_words(target)
        own.sort(key=lambda text: -len(guards.content_words(text) & aim))     # stable: ties keep the bank's order
        if gap == "missing_point" and (missed := _missed_points(question, target)):
            # the bank's follow-up on a point the answer missed comes before one that names no point of its own
            own.sort(key=lambda text: not set(points_asked(text, question)) & missed)
    generic = generic_probes(gap, question, gaps)
    others = [f.text for f in question.followups if f.gap != gap]
    aimed = _about_missed(gap, target, question.talking_points)     # (the topic a story missed is nearer than the bank's own steer back)
    for text in (aimed + own if gap == "off_topic" else own + aimed) + generic + others:
        if fresh(text):
            return str(text)
    return GENERIC


def bank_probe(question: Question, gap: str, asked: Sequence[str], gaps: Mapping[str, Any],
               target: str | Finding = "", answer: str = "") -> str:
    """The bank's follow-up as it is asked (`bank_followup`): after a story, a probe that names nothing of it is
    said after the candidate's own words (coach/followups/anchor.py)."""
    return anchor.anchored(bank_followup(question, gap, asked, gaps, target, answer), gap, answer, target)


def asks_for_a_plan(gap: str, text: str, question: Question) -> bool:
    """After a non-answer to a question that wants a past story, does the follow-up ask what the candidate would
    do ("If you had to make a decision, what would you do?")? A story round asks for the closest real case."""
    low = text.lower()
    return gap == "non_answer" and wants_story(question) and any(re.search(r"\b" + re.escape(p) + r"\b", low)
                                                                for p in PLAN)


def _about_missed(gap: str, evidence: str, points: Sequence[str] = ()) -> list[str]:
    """A missed talking point asked about by name ("Can you tell me about the measured outcome and the relationship
    afterwards?"), or the topic a story never reached ("Let's come back to what I asked: a mistake of your own.
    ..."): closer to the answer than the gap's generic question."""
    if gap == "off_topic" and (topic := on_topic.missed_topic(evidence)):
        return [words.phrases("off_topic", "steer_back")[0].format(topic=topic)]
    if gap != "missing_point":
        return []
    # one question, as every follow-up is ("Tell me about X." reached the candidate as a statement), about the point
    # whole as the question has it (the card shortens it: "... SLA miss, ..."), its head before a list of examples
    # ("a concrete problem at a boundary", not "A concrete problem at a boundary: schema change, SLA miss, ...")
    named = [_point_head(whole_point(p, points)) for p in re.findall(r'"([^"]+)"', evidence)]
    return [f"Can you tell me about {p}?" for p in named if len(p) > 1]


def _point_head(point: str) -> str:
    """A talking point as said in a question: its head before a colon, a leading capital lowered unless it starts a
    name ("A concrete problem at a boundary: ..." -> "a concrete problem at a boundary"; "SLAs and ..." stays)."""
    head = point.split(":", 1)[0].strip() if ":" in point and len(point.split(":", 1)[0].split()) >= 3 else point
    head = head.rstrip(" .").replace(" ...", "")
    first = head.split(" ", 1)[0]
    return head[0].lower() + head[1:] if first[1:] == first[1:].lower() and not any(c.isdigit() for c in first) else head


def missed_words(gap: str, target: str | Finding) -> tuple[str, ...]:
    """For a missed talking point, the point's own words also mark a question as on the gap
    (the scorer quotes the missed points in its evidence)."""
    evidence = as_finding(target).evidence
    if gap != "missing_point" or not evidence:
        return ()
    quoted = " ".join(re.findall(r'"([^"]+)"', evidence))
    return tuple(sorted(w for w in guards.content_words(quoted) if len(w) > 3))


NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion
trillion half quarter dozen""".split())


def figure_words(gap: str, target: str | Finding) -> frozenset[str]:
    """After a wrong figure, the follow-up must name it: its number, in digits or words (the napkin
    check's claimed figure; from a bare evidence text, the figure it quotes first)."""
    if gap != "bad_math":
        return frozenset()
    finding = as_finding(target)
    quoted = [finding.check.claimed] if finding.check is not None and finding.check.claimed else \
        re.findall(r'"([^"]+)"', finding.evidence)
    if not quoted:
        return frozenset()
    figure = quoted[0].lower()
    said = frozenset(re.findall(r"\d[\d,]*(?:\.\d+)?", figure)) | \
        frozenset(w for w in guards.words(figure) if w in NUMBER_WORDS)
    if finding.check is not None and said and not any(ch.isdigit() for ch in figure):
        said |= _digits(figure)       # "a hundred thousand" may be asked back as "100,000"
    return said


def _digits(figure: str) -> frozenset[str]:
    """A figure said in words, in digits as well ("a hundred thousand" -> 100,000 and 100000)."""
    from coach.scoring.numbers import find_numbers

    nums = find_numbers(figure)
    if not nums:
        return frozenset()
    value = nums[0].value
    if value != int(value):
        return frozenset({f"{value:g}"})
    return frozenset({f"{int(value):,}", str(int(value))})


def input_figures(gap: str, target: str | Finding) -> frozenset[str]:
    """After a wrong figure, the figures of the candidate's own working it came from (the napkin check's inputs,
    by value): a question about how the figure was got names one of them ("from two thousand payments a second"),
    not inputs of its own making ("from the GPU count per second")."""
    finding = as_finding(target)
    if gap != "bad_math" or finding.check is None or not finding.check.inputs:
        return frozenset()
    factors = re.split(r"\s+(?:[×x÷*/+−-]|times|over|divided by|plus|minus)\s+", finding.check.inputs)
    return frozenset(f for factor in factors for f in guards.figures(factor))     # "forty thousand × five hundred"


def guard_rules(question: Question, gap: str, target: str | Finding, asked: Sequence[str],
                borrowed: frozenset[str], live: str = "", draft: str = "") -> dict[str, Any]:
    """The guards' keyword arguments besides the candidate, answer and gap words (`guards.check`);
    `live`: what else the model was shown (the finding, the hint, the draft); `draft`: the bank's
    follow-up the model rewrote."""
    return {"asked": [a for a in asked if a != question.prompt], "borrowed": borrowed,
            "must_name": figure_words(gap, target), "inputs": input_figures(gap, target), "question": question.prompt,
            "narrowing": NARROWING if gap in ABOUT_THE_QUESTION else (), "known": live, "draft": draft,
            "story": story_sources(gap, target, question)}


# Gaps whose follow-up asks about the problem itself rather than the story told: a question naming the
# problem's own words (the question, its talking points) is concrete there.
ABOUT_THE_PROBLEM = ("missing_point", "no_monitoring", "no_clarifying", "no_numbers")


def story_sources(gap: str, target: str | Finding, question: Question) -> str | None:
    """Besides the answer, what a concrete follow-up may name (`specific.vague`): what the scorer quoted
    (the answer's words, a missed point), the wrong figure and its inputs, and for a gap about the problem
    the question's own words and facts; None after a non-answer, an off-topic or an overlong answer, whose
    follow-up is about the question itself, and after a story with no situation set up, whose follow-up
    asks for just that."""
    if gap in ABOUT_THE_QUESTION or gap in ("too_long", "no_context"):   # what the story never set up: may name nothing
        return None
    finding = as_finding(target)
    found = re.findall(r'"([^"]+)"', finding.evidence)     # its quotes: the scorer's own words do not count
    if finding.check is not None:
        found += [finding.check.claimed, finding.check.inputs]
    if gap in ABOUT_THE_PROBLEM:        # the problem's own words, its facts (traffic, latency, budget) among them
        found += [question.prompt, *question.talking_points, *(w for fact in question.facts for w in fact)]
    return " ".join(found)


def gap_words(gap: str, target: str | Finding, question: Question, gaps: Mapping[str, Any] | None = None) -> tuple[str, ...]:
    """Every word that marks a follow-up as aimed at the gap (see `GAP_WORDS`)."""
    words = GAP_WORDS.get(gap, ()) + tuple(getattr((gaps or {}).get(gap), "keywords", ()) or ()) + \
        missed_words(gap, target)
    if gap in ABOUT_THE_QUESTION:
        words += tuple(sorted(w for w in guards.content_words(question.prompt) if len(w) > 4))
    return words


# The verbs of choosing and the words any story has: a question naming only those ("why did the team decide ...")
# names nothing of what was decided.
_CHOOSING = frozenset(guards.stems("decide decided decision choose chose chosen choice pick picked opted went "
                                   "agreed talked")) | frozenset(guards.stems(" ".join(words.word_list("specific", "any_story"))))


def decision_words(evidence: str) -> frozenset[str]:
    """The stems of what a story decided, from the scorer's finding that it told the decision and not why (empty
    when the finding is another)."""
    told = option_left.decision_told(evidence)
    if told is None:
        return frozenset()
    return frozenset(w for w in guards.stems(told) if len(w) > 3) - _ANY_QUESTION - _CHOOSING


# Words any question uses ("Tell me about a time ...", "How did you handle it?"): no topic of its own.
_ANY_QUESTION = frozenset(guards.stems("tell time about describe walk example give would how what your you design "
                                       "system build approach handle go do did one most me there this that"))


def names_the_topic(question: Question) -> frozenset[str]:
    """The question's own topic words: the stems of its prompt's longer words, less the words any question uses."""
    return frozenset(w for w in guards.stems(question.prompt) if len(w) > 3) - _ANY_QUESTION


def borrowed_words(example_words: frozenset[str], question: str, answer: str, gap_words: Sequence[str]) -> frozenset[str]:
    """Example words the live interview does not use: seeing them means the model copied an example."""
    live = guards.content_words(question) | guards.content_words(answer) | guards.content_words(" ".join(gap_words))
    return frozenset(example_words - live)


def verdicts(
    question: Question,
    answer: str,
    gap: str,
    candidates: Sequence[str],
    asked: Sequence[str],
    gaps: Mapping[str, Any],
    example_words: frozenset[str] = frozenset(),
    live: str = "",
    target: str | Finding = "",
) -> tuple[str, list[guards.Verdict]]:
    """The bank's draft and every candidate judged by the guards and by the rules of this gap (see `choose`)."""
    words = gap_words(gap, target, question, gaps)
    borrowed = borrowed_words(example_words, question.prompt + " " + live, answer, words)
    draft = bank_followup(question, gap, asked, gaps, target, answer)
    _, verdicts = guards.best(candidates, answer, words,
                              **guard_rules(question, gap, target, asked, borrowed, live, draft))
    if gap in ASKS_FOR_CONTENT:
        covered = covered_points(question, answer, as_finding(target).covered)
        verdicts = [guards.Verdict(v.text, ("asks for a point already covered",), v.score)
                    if v.ok and already_answered(v.text, question, covered) and not asks_why(gap, v.text) else v
                    for v in verdicts]
    if gap == "no_tradeoff" and (about := decision_words(as_finding(target).evidence)):
        # after a decision told with no why, the question is about that decision: "Why did you choose the backfill
        # system over the pipeline launch?" after "we decided to split his work into smaller pieces" sets up a
        # choice the candidate never faced
        verdicts = [guards.Verdict(v.text, ("not about the decision told",), v.score)
                    if v.ok and not about & guards.stems(v.text) else v for v in verdicts]
    verdicts = [guards.Verdict(v.text, ("asks for the alternative the decision named",), v.score)
                if v.ok and option_left.asks_for_the_option_left(v.text, as_finding(target).evidence) else v
                for v in verdicts]
    heard = as_finding(target).said or answer
    verdicts = [guards.Verdict(v.text, ("asks for a size already said",), v.score)
                if v.ok and said.asks_for_a_size_said(v.text, heard) else v for v in verdicts]
    verdicts = [guards.Verdict(v.text, ("asks for a plan after a story question",), v.score)
                if v.ok and asks_for_a_plan(gap, v.text, question) else v for v in verdicts]
    if gap == "non_answer":
        # a smaller version of the question names its topic: "What is the closest one you have come to?" names none
        topic = names_the_topic(question)
        verdicts = [guards.Verdict(v.text, ("names nothing of the question",), v.score)
                    if v.ok and topic and not topic & guards.stems(v.text) else v for v in verdicts]
    if gap == "wrong_claim" and (claim := anchor.claimed(answer, as_finding(target))):
        # a question about the claim takes on the candidate's own words, not a claim of its own making ("Why does
        # L2 penalise the absolute values?" after "L2 is the one that pushes weights to zero")
        claim_words = {w for w in guards.content_words(claim) if len(w) > 3}
        verdicts = [guards.Verdict(v.text, ("does not take on the claim said",), v.score)
                    if v.ok and len(claim_words & guards.content_words(v.text)) < min(2, len(claim_words)) else v
                    for v in verdicts]
        # nor the claim turned round, which tells the answer: "Why is a high-AUC model not always calibrated?"
        verdicts = [guards.Verdict(v.text, ("turns the claim round",), v.score)
                    if v.ok and bool(_NEGATION.search(v.text)) != bool(_NEGATION.search(claim)) else v
                    for v in verdicts]
    if gap == "no_numbers" and (given := told.figures_told(question, asked)):
        verdicts = [guards.Verdict(v.text, ("asks for figures the interviewer gave",), v.score)
                    if v.ok and not told.uses_a_figure(v.text, given) else v for v in verdicts]
    return draft, verdicts


def choose(
    question: Question,
    answer: str,
    gap: str,
    candidates: Sequence[str],
    asked: Sequence[str],
    gaps: Mapping[str, Any],
    example_words: frozenset[str] = frozenset(),
    live: str = "",
    target: str | Finding = "",
) -> FollowUpReply:
    """`example_words`: content words of the prompt's few-shot examples (see `borrowed_words`);
    `live`: other text the model was shown this turn (the finding and the draft), not copied examples;
    `target`: what the scorer found (a `Finding`, or its evidence text alone)."""
    draft, judged = verdicts(question, answer, gap, candidates, asked, gaps, example_words, live, target)
    winner = max((v for v in judged if v.ok), key=lambda v: v.score, default=None)
    shown = tuple(v.text for v in judged)
    if winner is not None and guards.similarity(winner.text, draft) < NEAR_COPY:
        return FollowUpReply(gap=gap, question=winner.text, source="model", candidates=shown)
    # a near-copy of the draft is the draft: asked as the bank wrote it, not with a word or two bent (after the
    # candidate's own words when it names nothing of their story)
    return FollowUpReply(gap=gap, question=anchor.anchored(draft, gap, answer, target), source="bank",
                         candidates=shown)
