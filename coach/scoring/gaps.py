"""Gaps (ids from GAP_IDS) ranked by severity, and the feedback lines.

Ordering the interviewer relies on (it probes gaps[0]):
  1. non_answer (1.0) or off_topic (0.98): then it is the only gap;
  2. bad_math (0.9): a stated figure its own inputs contradict; wrong_claim (0.85): a sentence states one of the
     question's misconceptions (coach/scoring/claims.py);
  3. the round's key gaps, in this order:
       stories (behavioral, deep-dive, hiring-manager, cross-functional, recruiter):
         no_result 0.8 (0.65 when the result has no number), we_not_i 0.75 (0.6 when some "I"),
         no_context 0.5
       system-design: no_numbers 0.8, no_clarifying 0.7 (also when it only sets its own figures and asks
         nothing), no_tradeoff 0.65, no_monitoring 0.6 (also when it only ships: a rollout or a launch
         experiment, nothing watched once live)
       technical-screen, coding: missing_point 0.5-0.8 (by the share missed), no_tradeoff 0.45
  4. too_long 0.3-0.45 (by how far past 1.5x the time box): an answer that ran far past its time
     box is cut to its headline before anything else is asked of it;
  5. missing_point outside technical rounds (0.2-0.25, when half or more are missed): not a key gap of
     a story or a design, so it is probed only when nothing above is open.
Ties keep this order. Every gap's evidence is observable: a quote, a count or a number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from coach.content import answer_words
from coach.content.answer_words import phrases, word_list
from coach.domain import GAP_IDS
from coach.scoring import story_outcome
from coach.scoring.decisions import decided_without_reason
from coach.scoring.rubric import Analysis, family
from coach.scoring.star_cues import _MEASURE as _MEASURED
from coach.scoring.text import content_stems, folded_search, quote, times

_ORDER = {g: i for i, g in enumerate(("non_answer", "off_topic", "bad_math", "no_result", "we_not_i", "no_context",
                                       "no_numbers", "no_clarifying", "no_tradeoff", "no_monitoring",
                                       "too_long", "missing_point", "wrong_claim"))}


# An outcome told without a measure: "things went back to normal", "it worked", "the problem went away".
UNMEASURED_OUTCOME = re.compile(
    r"\b(?:things|everything|it|that|this|the (?:service|system|job|model|pipeline|team|problem|issue)) "
    r"(?:went|got|was|were|came) (?:back )?(?:to normal|back on track|fine|better|stable|resolved|fixed|solved)\b|"
    r"\b(?:it|that|this|the (?:fix|change|plan)) (?:worked|helped|paid off)\b|"
    r"\b(?:the )?(?:problem|issue|errors?|failures?|timeouts?|complaints?) (?:went away|stopped|disappeared)\b|"
    r"\b(?:it|things|everything) worked out\b|"
    r"\b(?:went|came|got|was|were|is|are) back to normal\b|\breturned to normal\b|\bback to (?:its|their) usual\b|"
    # a change claimed by its size in words, not measured: "the quality of our launches improved significantly",
    # "most teams were on board"
    r"\b(?:improved|increased|reduced|decreased|dropped|grew|rose|fell|went up|went down|got better|sped up)"
    r"(?: \w+)? (?:significantly|dramatically|massively|considerably|substantially|greatly|hugely|a lot|noticeably)\b|"
    r"\b(?:significantly|dramatically|massively|considerably|substantially|greatly|hugely|noticeably) (?:improved|"
    r"increased|reduced|decreased|better|faster|fewer|less|more)\b|"
    r"\b(?:most|all|many|the other) (?:teams|people|engineers|groups) (?:were|got|came) on board\b", re.I)


@dataclass(frozen=True)
class Gap:
    id: str
    severity: float
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "severity": self.severity, "evidence": self.evidence}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Gap":
        return cls(str(d.get("id", "")), float(d.get("severity", 0.0)), str(d.get("evidence", "")))


# A question that asks about a choice made: its why comes before its outcome.
_ASKS_A_CHOICE = re.compile(r"\b(?:decision|decide|choice|choose|chose|trade-?offs?|alternatives?|options?)\b", re.I)
# A question that names the options to weigh: "decide between building ... and buying", "what were the alternatives?"
_NAMES_THE_OPTIONS = re.compile(r"\b(?:alternatives?|options?|between [\w-]+(?: [\w-]+){0,8} and)\b", re.I)
# A story asked to weigh options that weighs none: below its result, measured or not (0.8, 0.65), and its "we".
CHOICE_UNWEIGHED = 0.6


def names_the_options(question: Any) -> bool:
    """Does the question ask how options were weighed against each other ("decide between building an ML component
    in-house and buying", "what were the alternatives?")?"""
    return question is not None and bool(_NAMES_THE_OPTIONS.search(getattr(question, "prompt", "") or ""))


# An opening that gives its reason ("I wanted the team off nightly retraining, because nightly runs were failing
# silently about once a week"): the stakes are told, in the same breath as the task.
_WHY_IN_OPENING = re.compile(r"\b(?:because|since)\s+(?!then\b)(?!(?:i|we)\s+(?:\w+\s+)?(?:thought|believed|felt|was sure|were sure|"
                             r"didn'?t think|did not think|assumed|expected)\b)(?:\S+\s+){3,}\S+", re.I)
# An opening that introduces what the story is about, and what it did ("It was a job-recommendation model that ranked
# openings for each job seeker"): the scene is set, in the story's first breath.
_SCENE_IN_OPENING = re.compile(r"^\W*(?:so,?\s+)?(?:it|this|that) was (?:a|an|our|the|my) (?:[\w-]+\s+){1,4}?(?:that|which|for|serving|"
                               r"used by|behind)\s+(?:\S+\s+){2,}\S+", re.I)
# An opening that introduces the parties around the work and what they own or do ("so upstream we had the events team,
# they own the clickstream, and downstream the home page called our service"): the scene of a story about working
# with others, set before the trouble is told.
_PARTIES_IN_OPENING = re.compile(r"^\W*(?:(?:so|well|okay|um|uh),?\s+)*(?:(?:upstream|downstream|at the time|back then),?\s+)?"
                                 r"(?:we|i) (?:had|worked with|depended on|relied on|sat between) (?:the|a|an|two|three|"
                                 r"four|several) [\w\s-]{1,40}?(?:team|teams|group|groups|service|services|system|"
                                 r"systems)\b[^.?!]{0,80}?\b(?:owns?|owned|ran|runs|called|calls|used|uses|provided|"
                                 r"provides|fed|feeds|wrote|writes)\b", re.I)
# (a belief given as the reason for a position, "because I thought the labels were too noisy", is not the stakes)


def find_gaps(a: Analysis) -> list[Gap]:
    if a.non_answer is not None:
        sev = 1.0 if a.non_answer.gap == "non_answer" else 0.98
        return [Gap(a.non_answer.gap, sev, a.non_answer.evidence)]
    gaps: list[Gap] = []
    bad = [c for c in a.checks if not c.ok]
    if bad:
        more = f" (and {len(bad) - 1} more wrong figure{'s' if len(bad) > 2 else ''})" if len(bad) > 1 else ""
        gaps.append(Gap("bad_math", 0.9, bad[0].message + more))
    fam = family(a)
    words = a.delivery.words
    opening = quote(a.sents[0].text, 100) if a.sents else ""
    plan = bool(a.question is not None and getattr(a.question, "hypothetical", False))
    if fam == "story":
        star = a.star
        last = quote(a.sents[-1].text, 100) if a.sents else ""
        outcome = _outcome(a)
        if plan:
            # "what would you do", "what's your view": a plan, scored without a past result or its context; one
            # course taken whatever the case ("my default is to centralise") has weighed nothing against it
            if (habit := one_way(a)) is not None:
                gaps.append(Gap("no_tradeoff", 0.45, f'one option whatever the case: "{habit}"'))
        elif outcome != "star":
            # an outcome told without its size ("things went back to normal"), quoted as said, or none at all
            vague = next((_clause_of(s.text, m) for s in reversed(a.sents) for m in [UNMEASURED_OUTCOME.search(s.text)] if m),
                         quote(outcome, 100) if outcome else "")
            if vague:
                gaps.append(Gap("no_result", 0.65, f'the outcome is not measured: "{vague}"'))
            else:
                gaps.append(Gap("no_result", 0.8, f'no sentence states an outcome; it ends: "{last}"'))
        elif not star.measurable_result:
            gaps.append(Gap("no_result", 0.65, f'the result has no number: "{quote(star.result.evidence[0], 100)}"'))
        elif (closing := ends_untold(a)) is not None:
            # its "result" is one more step, or the work only starting: what came of it is not told
            gaps.append(Gap("no_result", 0.8, f'no sentence states an outcome; it ends: "{closing}"'))
        i, we = star.i_count, star.we_count
        if we >= 2 and i == 0:
            # every step the team's and none the candidate's: "what was your part?" comes before anything else
            gaps.append(Gap("we_not_i", 0.75, f'"we" {times(we)}, "I" 0 times'))
        elif we >= 3 and not own_part(a.text):
            # "I" only for who the speaker is ("I'm an engineer at ...", "I was at a consulting firm"), every step
            # "we": no more a part of their own than no "I" at all
            gaps.append(Gap("we_not_i", 0.75, f'"we" {times(we)}, "I" only for who they are ({times(i)})'))
        elif we >= 3 and we > 2.5 * i:
            gaps.append(Gap("we_not_i", 0.6, f'"we" {times(we)}, "I" {times(i)}'))
        if not star.situation.present and not plan and not (a.sents and (_WHY_IN_OPENING.search(a.sents[0].text)
                                                                         or _SCENE_IN_OPENING.search(a.sents[0].text)
                                                                         or _PARTIES_IN_OPENING.search(a.sents[0].text))):
            gaps.append(Gap("no_context", 0.5, f'no situation or stakes; it opens: "{opening}"'))
        if (decided := decided_without_reason(star.sentences, star.labels)) is not None:
            # a choice told with no why: the why is what a question about a decision asks first, before the outcome
            about_a_choice = a.question is not None and _ASKS_A_CHOICE.search(a.question.prompt)
            gaps.append(Gap("no_tradeoff", 0.82 if about_a_choice else 0.55,
                            f'the decision is told, not why: "{quote(decided, 100)}"'))
        elif not plan and names_the_options(a.question) and not [t for t in a.tradeoffs if not bare_rather(t)] \
                and not _NAMES_THE_OPTIONS.search(a.text):
            # (an answer that names the options itself, "the options were a managed store or our own Postgres", and
            # gives its reason has weighed them: its why is heard, as `decided_without_reason` hears it)
            # asked how a choice was made, it tells the option taken and its reasons, and never sets the other side
            # against it ("I didn't spend long on the vendor side"): what the alternative offered or cost is what a
            # strong interviewer asks next, after the result and the candidate's own part
            gaps.append(Gap("no_tradeoff", CHOICE_UNWEIGHED, _unweighed(a, words)))
    elif fam == "design":
        if not a.quantities:
            gaps.append(Gap("no_numbers", 0.8, f"0 quantities in {words} words"))
        elif (unsized := sizes_nothing(a)) is not None:
            gaps.append(Gap("no_numbers", 0.8, unsized))
        if not a.clarifying:
            gaps.append(Gap("no_clarifying", 0.7, f'no requirement, assumption or scale question; it opens: '
                                                  f'"{opening}"'))
        elif (own := set_own_figures(a)) is not None:
            gaps.append(Gap("no_clarifying", 0.7, f'it sets its own figures and asks nothing: "{own}"'))
        if not own_weighing(a):
            gaps.append(Gap("no_tradeoff", 0.65, _unweighed(a, words)))
        production = live_practices(a.production, a.text)
        if not production:
            gaps.append(Gap("no_monitoring", 0.6, f"none of monitoring, alerting, rollout, canary, rollback or "
                                                  f"retraining in {words} words"))
        elif not set(production) & WATCHED:
            shipped = "; ".join(f'"{phrase}"' for phrase in production.values())
            gaps.append(Gap("no_monitoring", 0.6, f"it ships ({shipped}) but watches nothing once live: none of "
                                                  f"monitoring, alerting, drift, an SLO, a canary or a rollback "
                                                  f"in {words} words"))
    else:
        if a.points.missed:
            frac = len(a.points.missed) / a.points.total
            gaps.append(Gap("missing_point", round(0.5 + 0.3 * frac, 2), _missed(a)))
        if not [t for t in a.tradeoffs if not bare_rather(t)]:
            gaps.append(Gap("no_tradeoff", 0.45, _unweighed(a, words)))
        elif (habit := one_way(a)) is not None:
            gaps.append(Gap("no_tradeoff", 0.45, f'one option whatever the problem: "{habit}"'))
    if fam != "technical" and a.points.total and len(a.points.missed) * 2 >= a.points.total:
        frac = len(a.points.missed) / a.points.total
        gaps.append(Gap("missing_point", round(0.2 + 0.05 * frac, 2), _missed(a)))
    d = a.delivery
    if d.too_long:
        ratio = (d.duration_s or 0) / d.answer_seconds
        sev = round(0.3 + 0.15 * min(1.0, max(0.0, (ratio - 1.5) / 1.5)), 2)
        how = "estimated from the word count" if d.duration_estimated else "spoken"
        gaps.append(Gap("too_long", sev, f"{(d.duration_s or 0) / 60:.1f} min ({how}) against a "
                                         f"{d.answer_seconds / 60:.1f} min time box ({ratio:.1f}x)"))
    if a.wrong:
        first = a.wrong[0]
        more = f" (and {len(a.wrong) - 1} more)" if len(a.wrong) > 1 else ""
        claim = first.claim.rstrip(".")
        head = claim.split(" ", 1)[0]
        if not any(c.isupper() or c.isdigit() for c in head[1:]):
            claim = claim[:1].lower() + claim[1:]   # "Bias and ...", "A model ..." -> "bias and ...", "a model ..."; "ROC AUC", "L1", "XGBoost" stay
        gaps.append(Gap("wrong_claim", 0.85, f'"{quote(first.evidence, 100)}" states that {claim}{more}'))
    gaps = [g for g in gaps if g.id in GAP_IDS]
    return sorted(gaps, key=lambda g: (-g.severity, _ORDER.get(g.id, 99)))


@lru_cache(maxsize=1)
def _one_way() -> re.Pattern[str]:
    said = "|".join(map(re.escape, phrases("one_way", "phrases")))
    return re.compile(r"(?<![a-z])(?:" + said + r")(?![a-z])", re.I)


_FIRST_PERSON = re.compile(r"\b(?:i|i'?d|i'?m|i'?ve|we|we'?d|my|our)\b", re.I)


def one_way(a: Analysis) -> str | None:
    """The candidate's own choice said to be made the same way whatever the problem ("in practice I downsample
    negatives every time; it's what I've always done"), quoted; else None. The options listed around it were not
    weighed for this problem: a strong interviewer asks when that choice would be the wrong one."""
    for s in a.sents:
        text = s.text.replace("\u2019", "'")
        if _FIRST_PERSON.search(text) and _one_way().search(text):
            return quote(s.text, 100)
    return None


_I_AND_VERB = re.compile(r"\bi(?:'(m|ve|d|ll))?\s+([a-z]+)(?:\s+([a-z]+))?", re.I)


def own_part(text: str) -> bool:
    """Does the speaker's "I" do anything? Not when it only says who they are or hedges ("I'm an engineer at ...",
    "I was at a consulting firm", "I guess": rubrics/answer_words.toml `[own_part]`)."""
    states, helpers = set(word_list("own_part", "states")), set(word_list("own_part", "helpers"))
    for m in _I_AND_VERB.finditer(text.replace("\u2019", "'")):
        short, first, second = (g.lower() if g else "" for g in m.groups())
        if short == "m":          # "I'm ...": who they are
            continue
        verb = second if not short and first in helpers else first     # "I have built" -> built, "I've been" -> been
        if verb and verb not in states:
            return True
    return False


# The production practices (coach/scoring/signals.py PRODUCTION) that watch a system once it is live. A design that
# only ships it (a rollout, an experiment that decides the launch, a retraining schedule, a fallback, a validation
# gate, quality judged per segment before launch) has said how it goes out, not how anyone would learn it broke: a strong interviewer asks that next.
WATCHED = frozenset({"monitoring", "alerting", "drift", "slo", "canary", "rollback", "holdout group"})


_SPEAKER = re.compile(r"\b(?:i|i'?d|i'?ll|i'?m|we|we'?d|we'?ll|my|our)\b", re.I)


# A sentence this much of whose content words one fact of the question holds is that fact said back, in words.
FACT_SHARE = 0.8
FACT_WORDS = 4


def heard_back(sentence: str, question: Any) -> bool:
    """Is the sentence the interviewer's requirements said back, with no choice of the speaker's own in it: two
    figures or more, every one of them a figure of the question's facts ("Eight hundred payments a second ..., and a
    miss costs about twenty times a wrong block"), or the words of one fact ("Purchases from search, without hurting
    the share of searches that find anything", after "Success is more purchases from search, without hurting ...")?
    The goal and its guardrail are the interviewer's, not an option the candidate weighed."""
    facts = getattr(question, "facts", ()) or ()
    if not facts or _SPEAKER.search(sentence.replace("\u2019", "'")):
        return False
    from coach.scoring.numbers import find_numbers

    given = {n.value for _, fact in facts for n in find_numbers(fact)}
    said = [n.value for n in find_numbers(sentence)]
    if len(said) >= 2 and all(v in given for v in said):
        return True
    own = set(content_stems(sentence))
    return len(own) >= FACT_WORDS and any(len(own & set(content_stems(fact))) >= FACT_SHARE * len(own)
                                          for _, fact in facts)


# Why one option beat the other, or what it cost: "because", "since", "so that", "which means", "but", "cost".
_A_REASON = re.compile(r"\b(?:because|since|so that|so it|so we|so i|which (?:means|costs|saves|keeps|avoids)|but|"
                       r"costs?|cheaper|faster|slower|simpler|safer|risk\w*|at the (?:cost|price|expense))\b", re.I)


def gives_a_reason(text: str) -> bool:
    """Does the text say why one option beat another, or what it cost ("because", "but", "cheaper", "at the cost")?"""
    return bool(_A_REASON.search(text))


def bare_rather(sentence: str) -> bool:
    """Does the sentence weigh nothing but name the option not taken ("the seeding would run on a sample of a million
    points rather than the full data"): a choice asserted, with no reason and no cost said for it?"""
    from coach.scoring.signals import weighs_in_words

    return "rather than" in sentence.lower() and not weighs_in_words(sentence) and not _A_REASON.search(sentence)


def _unweighed(a: Analysis, words: int) -> str:
    """The no_tradeoff evidence: the option named as not taken with no reason (quoted), else the count."""
    bare = next((t for t in a.tradeoffs if bare_rather(t)), None)
    if bare is not None:
        return f'an option named as not taken, with no reason or cost: "{quote(bare, 100)}"'
    return f'no alternative weighed ("instead of", "trade-off", "X over Y", "the downside") in {words} words'


def own_weighing(a: Analysis) -> list[str]:
    """A design's sentences that weigh an alternative, less the requirements heard back (`heard_back`): the cost of
    one error against the other, said as the interviewer's fact, is not a choice the candidate weighed."""
    return [t for t in a.tradeoffs if not heard_back(t, a.question) and not bare_rather(t)]


def live_practices(production: dict[str, str], text: str) -> dict[str, str]:
    """The production practices a design names (concept -> the phrase that showed it), less a problem only named
    ("a painful skew story": rubrics/answer_words.toml [watched]) unless the answer shows the concept again in
    other words ("... and alert when the inputs drift"), or a mismatch ruled out by design ("so the two never drift
    apart"): what it does once the system is live."""
    from coach.scoring.signals import PRODUCTION

    named = [p.lower() for p in phrases("watched", "named_not_watched")]
    rest = re.sub(r"\b(?:" + "|".join(map(re.escape, named)) + r")\b", " ", text, flags=re.I) if named else text
    return {k: v for k, v in production.items()
            if (PRODUCTION[k].search(rest) is not None if k in PRODUCTION else v.lower() not in named)}


# A design's own assumptions ("let's say thirty million users", "I'm assuming around thirty teams"), and what asks
# the interviewer about the problem ("how many requests arrive at peak?", "what I need from you", "I'd want to know").
_OWN_FIGURES = re.compile(r"\bassum\w*|\blet'?s say\b|\bsay we (?:get|have)\b", re.I)
_ASKS = re.compile(r"\?|\bfrom you\b|\b(?:let me know|tell me|correct me) if\b|\b(?:want|like|need) to (?:know|find out|hear|check|confirm|understand)\b|\bask",
                   re.I)


def set_own_figures(a: Analysis) -> str | None:
    """A design whose only scoping is figures it sets itself, asking the interviewer nothing, quoted (its first
    assumption); else None. Assumptions said aloud are credited in the level, but a strong interviewer still asks
    which requirements the candidate would have checked: the numbers were never the interviewer's."""
    from coach.scoring.signals import CLARIFY, names_scope

    first = None
    for s in a.sents:        # (stops at the first sentence that settles it: CLARIFY is slow to search in every one)
        if not names_scope(s.text):
            continue
        if first is None:
            if folded_search(_ASKS, a.text):
                return None
            first = s.text
        if folded_search(CLARIFY, _OWN_FIGURES.sub(" ", s.text)):
            return None
    return quote(first, 100) if first is not None else None


# A closing clause that tells how things ended without a figure ("... and the false declines went back to
# normal the same day"): an outcome, though an unmeasured one.
_CLAUSE_START = re.compile(r"(?:[,;:]|\b(?:and|but|so|then))\s+", re.I)


def _clause_of(sentence: str, m: re.Match[str]) -> str:
    """The clause an unmeasured outcome is claimed in, from its subject: "the quality of our launches improved
    significantly", not "improved significantly" (said back, the fragment is no sentence)."""
    starts = [c.end() for c in _CLAUSE_START.finditer(sentence, 0, m.start())]
    return sentence[starts[-1] if starts else 0:m.end()].strip()


def _outcome(a: Analysis) -> str | None:
    """Whether the story tells how it ended: "star" when the STAR labels found a result after something was
    done, the closing sentence when only it says how things settled, else None. A "result" that comes before
    every action is the problem that set the story off ("the approval rate dropped overnight"), not its end, unless
    in it the candidate moved a measure to a figure ("we brought the p99 down to forty milliseconds"): that is
    the outcome, told before the last steps."""
    star = a.star
    labels = list(star.labels)
    if star.result.present:
        acts = [i for i, lab in enumerate(labels) if lab == "action"]
        results = [i for i, lab in enumerate(labels) if lab == "result"]
        if not (acts and results and len(labels) == len(a.sents) and max(results) < acts[0]
                and all(e in {a.sents[i].text for i in results} for e in star.result.evidence)):
            return "star"
        if any(story_outcome.moved_a_measure(a.sents[i].text) for i in results):
            return "star"
        if len(a.sents) > 1 and story_outcome.changed_a_figure(a.sents[-1].text):
            # the outcome told in the clause after the last step: "I patched the job, and the next day the error was
            # back down from nine to four percent"
            return "star"
    closing = a.sents[-1].text if a.sents else ""
    return closing if UNMEASURED_OUTCOME.search(closing) else None


def ends_untold(a: Analysis) -> str | None:
    """The closing sentence of a past story whose labelled result is one more step or the work only starting
    (coach/scoring/story_outcome.py), quoted; else None. The story's level reads it as no result told."""
    return story_outcome.ends_on_a_step(a.round, a.question, a.star.sentences, a.star.labels)


# Quantities that size nothing of a system: how long or how often ("within a day"), a share ("five percent"), a
# ratio ("ten times").
_PASSING_KINDS = frozenset({"duration", "percent", "factor"})


def sizes_nothing(a: Analysis) -> str | None:
    """A design whose only figures size nothing of the system (no traffic, latency, storage, data, model, compute,
    bandwidth or cost: only a passing "within a day" or "five percent"), said as evidence; else None. Nothing in it
    shows the system can be served at all: a strong interviewer asks for the numbers before anything else."""
    if not a.quantities or any(q.kind not in _PASSING_KINDS for q in a.quantities):
        return None
    said = ", ".join(f'"{q.text}"' for q in a.quantities[:3])
    return f"no figure sizes the system (only {said}) in {a.delivery.words} words"


def _missed(a: Analysis) -> str:
    names = "; ".join(f'"{quote(p.point, 60)}"' for p in a.points.missed[:3])
    return f"missed {len(a.points.missed)} of {a.points.total} talking points: {names}"


_ADVICE = {
    "bad_math": "Recheck the arithmetic out loud: {e}.",
    "no_result": "End with the outcome and its size: {e}.",
    "we_not_i": "Say what you did yourself: {e}.",
    "no_context": "Open with a sentence of context (where, when, what was at stake): {e}.",
    "no_numbers": "Put numbers on the design (users, QPS, latency, storage): {e}.",
    "no_clarifying": "Start by asking about users, scale and success, and check the assumptions you make: {e}.",
    "no_tradeoff": "Name what you gave up and the option you rejected: {e}.",
    "no_monitoring": "Say how you would watch it and roll it out or back: {e}.",
    "missing_point": "Cover the points a strong answer covers: {e}.",
    "too_long": "Tighten the answer: {e}.",
    "wrong_claim": "Correct the claim: {e}.",
    "non_answer": "There is no answer to score yet ({e}); say what you would try first, even if unsure.",
    "off_topic": "Answer the question that was asked ({e}).",
}


def feedback(a: Analysis, gaps: list[Gap]) -> list[str]:
    """At most six lines, each citing something observable in the answer."""
    lines = [_ADVICE.get(g.id, "{e}").format(e=g.evidence) for g in gaps[:3]]
    if a.non_answer is not None:
        return lines
    if a.lapses:         # a pitfall the question names (coach/scoring/pitfalls.py): what it was and what does better
        lapse = a.lapses[0]
        lines.insert(min(1, len(lines)), f'Pitfall: {lapse.pitfall.lower()} ("{quote(lapse.evidence, 90)}"). '
                                         f"Instead: {lapse.better[0].lower()}{lapse.better[1:]}.")
    if a.staff_missing:
        # what each missing signal asks for, in the round's own terms (an estimate's is a check on its number, a
        # design's its cost and who shares it, a story's the teams it reached): rubrics/answer_words.toml [staff_advice]
        any_of = family(a) == "technical"      # a technical answer's bar is any two of its signals
        how = "; ".join(answer_words.text("staff_advice", s) for s in a.staff_missing)
        lines.insert(min(1, len(lines)), f"At staff level, {'add' if any_of else 'show'} " +
                     (" or " if any_of else ", ").join(a.staff_missing) + f": {how}.")
    if a.star.measurable_result and family(a) == "story":
        # the sentence with the measure, as the STAR note quotes it (a lesson may be told first: "Since then I ...")
        first = next((e for e in a.star.result.evidence if _MEASURED.search(e.lower())), a.star.result.evidence[0])
        lines.append(f'Result is measured: "{quote(first, 110)}".')
    good = [c for c in a.checks if c.ok]
    if good and not any(g.id == "bad_math" for g in gaps):
        lines.append(f"Arithmetic checks out: {good[0].message}.")
    if a.tradeoffs and not any(g.id == "no_tradeoff" for g in gaps):
        lines.append(f'Weighs a trade-off: "{quote(a.tradeoffs[0], 110)}".')
    if a.points.covered:
        lines.append(f"Covered {len(a.points.covered)} of {a.points.total} talking points "
                     f"(e.g. \"{a.points.covered[0].matched}\").")
    d = a.delivery
    if d.words and d.filler_count * 100 / d.words > 4:
        top = ", ".join(f'"{k}" x{v}' for k, v in sorted(d.fillers.items(), key=lambda kv: -kv[1])[:3])
        lines.append(f"Cut the fillers: {top} in {d.words} words "
                     f"({d.filler_count * 100 / d.words:.1f} per 100).")
    improvement = a.star.improvement
    if improvement.startswith(ASK_FOR_TASK) and a.star.measurable_result and \
            a.star.i_count >= max(OWN_PART_PLAIN, a.star.we_count):
        # a measured story told in the speaker's own "I" steps has its goal plain ("I took the incident ... I decided
        # to roll back"): a strong interviewer asks what they were asked to do only when their part is unclear
        improvement = ""
    if family(a) == "story" and ('"' in improvement or any(ch.isdigit() for ch in improvement)) \
            and not any(improvement.startswith(p) for p in ("Put a number", 'Say "I"')):
        lines.append(improvement)             # only when it quotes or counts something
    return lines[:6]


ASK_FOR_TASK = "Say what you were asked to do"   # the STAR note for a story with no task told (coach/scoring/star_notes.py)
OWN_PART_PLAIN = 5      # "I" this often, and at least as often as "we": the speaker's part in the story is plain
