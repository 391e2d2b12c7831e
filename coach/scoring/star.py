"""STAR structure: label each sentence situation / task / action / result / other.

Rule-based cues, each with a weight; a sentence's label is its strongest cue.
A sentence can also be evidence for a second component when that cue is strong
("I rewrote the join, which cut p99 by 40%" is action and result).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from coach.scoring import literals, story_outcome
from coach.scoring.star_cues import ACT_CLAUSE as ACT_CLAUSE   # read by the calibration
from coach.scoring.star_cues import ESTIMATED, WORKED_TOTAL
from coach.scoring.star_cues import (
    ACTION, COUNTERFACTUAL, CUE_NEEDS, HELD_RULE, I_ACT_CLAUSE, I_WORD, MAXIM, RESULT, SITUATION, TASK, WE_WORD, _ACTION_LEAD, _AFTER_STEP, _AGREED, _ALWAYS, _ASIDE_LEAD, _AT_NAME,
    _ARRIVAL_WHEN, _BACKSTORY_CHANGE, _BY_END, _CLOSING_WHEN, _BECAME_STANDARD, _CAREER, _CAUSE, _CHANGED_HABIT, _CHANGE_MEASURED, _CLOSING_AGREED,
    _CLOSING_CHOSEN, _COMPARED, _LASTING, _CONDITIONAL, _CONDITION_CLAUSE, _CONSEQUENCE, _DOUBT, _F, _FINDING,
    _FIRST_PERSON_LEAD, _GENERAL_TIMES, _GOAL, _HABIT, _HYPOTHETICAL, _LATER_OUTCOME, _LATER_RELEASE, _MEASURE,
    _MEASURED_OUTCOME, _OBLIGATION, _OPENER, _OPENS_ASIDE, _OTHERS_VERDICT, _OUTCOME_CLAUSE, _OUTCOME_LEAD,
    _OWNED_ROLE, _OWN_NEED, _PAST, _PROMISED, _TENSELESS_ACT, _ROLE_LEAD, _PERFECT, _PLAN, _REFLECTION, _RESOURCED, _SUCCESS_DEF,
    _WHOSE_CHANGE,
    _RELATIVE_LEAD, _SCENE_CLAUSE, _SELF_RATING, _SHOWED_THAT, _TALK_LEAD, _TEST_LEAD, _TEST_STEP, _UNSURE, _VERDICT,
)
from coach.scoring.decisions import decided_without_reason
from coach.scoring.per_answer import once_per_answer
from coach.scoring.star_notes import improvement
from coach.scoring.text import Sentence, quote, times

COMPONENTS = ("situation", "task", "action", "result")


# Evidence measured before the change reached anyone: "Offline, ...", "On the holdout ...", "In the backtest ...".
_OFFLINE_LEAD = re.compile(r"^(?:(?:and|so|but|um|uh)\W+)*(?:offline|in (?:the |an |our )?offline (?:test|evaluation|eval|run)s?|"
                           r"on (?:the |our |a )?(?:holdout|hold-out|held-out (?:set|data)|test set)|in (?:the |a |our )?"
                           r"(?:backtests?|back-tests?|replay))\b")
# The speaker's own step in a later clause: "..., and I put both numbers in the review document".
_THEN_I_STEP = re.compile(r"(?:,|;)\s+(?:and |so |then )?(?:then )?i (?:then )?(?:[a-z]+ed|put|wrote|took|sent|made|"
                          r"brought|showed|gave|kept|set)\b")
# A failure counted to zero since the change: "since then we have not had a surprise spike", "there hasn't been
# another outage since", "it never happened again" (a count, said as its absence).
_NONE_SINCE = re.compile(r"(?=.*\b(?:since|again|anymore|any more)\b)(?:.*\b(?:have|has|had) not had\b|.*\b(?:haven|hasn|hadn)'?t had\b|"
                         r".*\b(?:has|have) not been (?:a|an|another|one|any)\b|.*\b(?:hasn|haven)'?t been (?:a|an|another|one|any)\b|"
                         r".*\bnever (?:happened|came back|recurred|broke)\b|.*\bno (?:more|further|other|new|repeat)\b)", re.I)


@dataclass(frozen=True)
class Component:
    present: bool = False
    evidence: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"present": self.present, "evidence": list(self.evidence), "notes": list(self.notes)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Component":
        return cls(bool(d.get("present", False)), tuple(d.get("evidence") or ()), tuple(d.get("notes") or ()))


@dataclass(frozen=True)
class StarReport:
    situation: Component = field(default_factory=Component)
    task: Component = field(default_factory=Component)
    action: Component = field(default_factory=Component)
    result: Component = field(default_factory=Component)
    score: float = 0.0
    improvement: str = ""
    labels: tuple[str, ...] = ()          # one per sentence, in order
    i_count: int = 0
    we_count: int = 0
    measurable_result: bool = False
    sentences: tuple[str, ...] = ()       # the sentences `labels` label, in order

    def to_dict(self) -> dict[str, Any]:
        d = {c: getattr(self, c).to_dict() for c in COMPONENTS}
        d.update(score=self.score, improvement=self.improvement, labels=list(self.labels), i_count=self.i_count,
                 we_count=self.we_count, measurable_result=self.measurable_result, sentences=list(self.sentences))
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "StarReport":
        return cls(**{c: Component.from_dict(d.get(c) or {}) for c in COMPONENTS},
                   score=float(d.get("score", 0.0)), improvement=str(d.get("improvement", "")),
                   labels=tuple(d.get("labels") or ()), i_count=int(d.get("i_count", 0)),
                   we_count=int(d.get("we_count", 0)), measurable_result=bool(d.get("measurable_result", False)),
                   sentences=tuple(d.get("sentences") or ()))


# Each part's cues, heaviest first: the strongest cue that fires is the first that fires, so the rest need no search
# (the same figure as the maximum over every cue, at a fraction of the searches); a cue with words it cannot fire
# without (CUE_NEEDS, else the literal text its pattern requires: coach/scoring/literals.py) is searched only when one
# of them is in the (lowered) sentence. Which of all the cues' words a sentence holds is found in one scan of it
# (`_cue_words`), not a substring test for each word of each cue.
_HEAVIEST_FIRST = {id(cues): [(p, w, frozenset(CUE_NEEDS.get(p) or (literals.required(p) if not p.flags & re.I else None)
                                               or ()))
                              for p, w in sorted(cues, key=lambda cue: -cue[1])]
                   for cues in (SITUATION, TASK, ACTION, RESULT)}
_CUE_WORDS = literals.StringsFound(n for ordered in _HEAVIEST_FIRST.values() for _p, _w, needs in ordered for n in needs)


@once_per_answer
def _cue_words(sentence: str) -> frozenset[str]:
    """The words of `_CUE_WORDS` the sentence holds: read for each of the four parts, worked out once."""
    return _CUE_WORDS(sentence)


def _cue(sentence: str, cues: list[tuple[re.Pattern[str], float]]) -> float:
    ordered = _HEAVIEST_FIRST.get(id(cues))
    if ordered is None:
        return max((w for p, w in cues if p.search(sentence)), default=0.0)
    held = None
    for p, w, needs in ordered:          # (a loop, not a generator: this runs four times a sentence)
        if needs:
            if held is None:
                held = _cue_words(sentence)
            if needs.isdisjoint(held):
                continue
        if p.search(sentence):
            return w
    return 0.0


# Hedges dropped into a clause ("I was, I guess, mostly responsible for", "I sort of led the move", "It helped
# conversion, I believe, though ...") soften how it is said, not what it tells: the cues read the clause without them.
_HEDGE_ASIDE = re.compile(r",\s*(?:i (?:guess|think|believe|suppose|reckon)|probably|maybe|perhaps)\s*,|"
                          # where a view came from is no step: "it has more new build work, from what i read"
                          r",?\s*\bfrom what (?:i|we) (?:have |'ve )?(?:read|heard|saw|seen|understand|gather|can tell|know)\b|"
                          r"(?:(?<=\bi)|(?<=\bwe)) (?:sort of|kind of|kinda|sorta)(?= [a-z]+(?:ed|ted|led|ran|took|built|made|"
                          r"did|got|set|put|wrote|went|kept)\b)", re.I)


# A claim about anyone, told to "you" in the present ("before that you cannot tell which parts are real"): a view the
# answer argues, not the scene of a story, whatever participle it holds ("a platform built on guesses").
_GENERIC_YOU = re.compile(r"\byou (?:can(?:not|'t)?|could|need|have to|should|will|won'?t|don'?t|do not|never|always|"
                          r"end up|get|lose|pay)\b", re.I)


# A request put to the speaker and their answer to it in one sentence: "she asked me for a week to try it, and I agreed"
_REQUEST_MET = re.compile(r"\b(?:asked|wanted|needed|begged|pushed) (?:me|us)\b[^.;]{0,80}?,? and (?:i|we) (?:then )?"
                          r"(?:agreed|said yes|said no|accepted|declined|refused|offered|suggested|proposed|pushed back|"
                          r"countered)\b", re.I)


# A one-off step told in the present perfect, as speakers whose first language marks the past that way often do
# ("Before the meeting I have asked her to explain ...", "I have prepared one slide with the last three winters"): with
# a time of its own or a single thing made, it is the simple past of a story, "I asked", "I prepared".
_PERFECT_STEP = re.compile(r"\b(i|we) have (?!(?:been|had|always|never|since|also been|often|seen|used|worked|learned|"
                           r"learnt|wanted|needed|liked|loved|found that|heard)\b)([a-z]{3,}ed|done|written|taken|given|"
                           r"shown|chosen|spoken|driven|built|made|brought|sent|kept|led|set|put|told|held|run|rebuilt|"
                           r"rewritten|drawn)\b")
_ONE_OFF = re.compile(r"\b(?:ago|before the|after the|last (?:week|month|year|spring|summer|autumn|winter|quarter)|"
                      r"that (?:same )?(?:day|week|month|night|morning|winter|summer|year|spring|autumn)|yesterday|"
                      r"in (?:about |only |just )?(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+) "
                      r"(?:days|weeks|months)|one (?:slide|page|document|doc|note|email|memo|table|chart|service|"
                      r"script|tool|notebook))\b")
_PARTICIPLE_PAST = {"done": "did", "written": "wrote", "taken": "took", "given": "gave", "shown": "showed",
                    "chosen": "chose", "spoken": "spoke", "driven": "drove", "run": "ran", "rewritten": "rewrote", "drawn": "drew"}


# A clause of the same sentence told in the simple past: "I have measured it on two weeks of data and the model found only
# forty percent", "in our first one-to-ones I have asked her ..., and I understood ...". A speaker who tells one clause
# of the event in the past and the other in the present perfect (second-language English) tells a past step.
_PAST_CLAUSE = re.compile(r"(?:,|\band\b|\bso\b) (?:i|we|she|he|they|it|the [a-z-]+) (?:(?!ha(?:ve|s)\b)[a-z]+ )?(?:was|were|did|found|saw|"
                          r"understood|said|got|made|took|went|[a-z]{3,}ed)\b")
_STILL_SO = re.compile(r"\b(?:since|ever|always|so far|until now|to date|for the (?:last|past)|these (?:last|past))\b")


def _perfect_as_past(low: str) -> str:
    """`low` with a one-off step in the present perfect told in the simple past (see `_PERFECT_STEP`): one dated as a
    one-off, or told beside a clause in the simple past."""
    if " have " not in low:
        return low
    if not _ONE_OFF.search(low) and not ((step := _PERFECT_STEP.search(low)) is not None
                                          and _PAST_CLAUSE.search(low, step.end()) and not _STILL_SO.search(low)):
        return low
    return _PERFECT_STEP.sub(lambda m: f"{m.group(1)} {_PARTICIPLE_PAST.get(m.group(2), m.group(2))}", low)


def label_sentence(sentence: str) -> dict[str, float]:
    original, sentence = sentence, _perfect_as_past(sentence.lower())
    if (", i " in sentence or " of " in sentence or "probably" in sentence or "maybe" in sentence or "from what" in sentence
            or "perhaps" in sentence or "kinda" in sentence or "sorta" in sentence) and \
            (hedged := _HEDGE_ASIDE.sub(lambda m: "," if m.group(0).startswith(",") else "", sentence)) != sentence:
        sentence = hedged
    rel = _RELATIVE_LEAD.search(sentence)
    main = sentence[rel.end():] if rel else sentence
    if "by the time " in main and (when := _CLOSING_WHEN.search(main)):
        main = main[:when.start()]       # "... in good shape by the time I left": when, not a step
    if "when " in main and (arrived := _ARRIVAL_WHEN.search(main)):
        # "..., and when I took over the area its bill was rising": the speaker's arrival dates the scene, no step
        main = main[:arrived.start()] + main[arrived.end():]
    scores = {"situation": max(_cue(sentence, SITUATION), 1.0 if _AT_NAME.search(original) else 0.0),
              "task": _cue(sentence, TASK), "action": _cue(main, ACTION), "result": _cue(sentence, RESULT)}
    if scores["result"] and ("if " in sentence or "unless" in sentence or "provided" in sentence or "as long as" in sentence
                             or "only when" in sentence):
        scores["result"] = _cue(_CONDITION_CLAUSE.sub(" ", sentence), RESULT)
    if scores["result"] and sentence.startswith(("before ", "and before ", "so before ")) \
            and (frame := _BEFORE_FRAME.match(sentence)):
        # "Before we settled it I pulled two years of tickets": what the step came before dates it, no outcome
        scores["result"] = _cue(sentence[frame.end():], RESULT)
    if scores["result"] and " have " in sentence and (unmade := COUNTERFACTUAL.search(sentence)):
        scores["result"] = _cue(sentence[:unmade.start()], RESULT)   # what it would have done: the rest may be an outcome
    if scores["result"] and "by the end of" in sentence and _PROMISED.search(sentence):
        # a date promised is a deadline, not a time the story reached: "a client signed for the feature by the end of
        # the quarter, and sales had promised it"
        scores["result"] = _cue(_BY_END.sub(" ", sentence), RESULT)
    if scores["result"] and ("whose " in sentence or "who " in sentence):
        scores["result"] = _cue(_WHOSE_CHANGE.sub(" ", sentence), RESULT)
    if _CHANGED_HABIT.search(sentence) and (_HABIT.search(sentence) or _ALWAYS.search(sentence)) \
            and not _PLAN.search(sentence):
        return {c: 0.0 for c in scores} | {"result": 2.6}   # a habit that started after the story: what lasted
    if _OPENS_ASIDE.search(sentence) and not _REFLECTION.search(sentence):
        return {c: 0.0 for c in scores}  # a plan or a view, whatever tense its clauses use
    if _DOUBT.search(sentence) or _CONDITIONAL.search(sentence) or _SELF_RATING.search(sentence) or \
            _GENERAL_TIMES.search(sentence) or \
            _ALWAYS.search(sentence) or _VERDICT.search(sentence) or \
            _OTHERS_VERDICT.search(sentence) and not _REFLECTION.search(sentence) or not _in_past(sentence) and (_HABIT.search(sentence) or _PLAN.search(sentence)):
        return {c: 0.0 for c in scores}  # a habit, a belief, a plan or a doubt: not part of a story
    if scores["result"] >= 2.0 and scores["action"] == 2.2 and _AGREED.search(main):
        scores["action"] = max((w for p, w in ACTION if p is not _AGREED and p.search(main)), default=0.0)
    if _CAREER.search(sentence) and not (scores["result"] and _MEASURE.search(sentence)):
        return {c: 0.0 for c in scores}  # "Before that I spent four years in ads ranking": a CV line, not a story
    if _ROLE_LEAD.search(sentence) and not _AT_NAME.search(original):
        scores["task"] = max(scores["task"], scores["action"] + 0.05, 2.5)   # "I was the one building ...": the part
    if _OWNED_ROLE.search(sentence) and not _OBLIGATION.search(sentence):
        # "I owned our churn model, and success was ...": the setting, not an ask
        scores["situation"], scores["task"] = max(scores["situation"], 2.6), min(scores["task"], 2.0)
    if "still" in sentence or "standard" in sentence or "default" in sentence or "template" in sentence or \
            "norm" in sentence:
        became = _BECAME_STANDARD.search(sentence)
    else:
        became = None                    # (the cue needs one of these words: most sentences skip the search)
    if became or ((at := story_outcome.taken_up_at(sentence)) >= 0 and not story_outcome.is_step(sentence[:at])):
        # "..., and the check became the standard for every team", "by the spring every new pipeline went through it":
        # what others took up of the work is what came of it (after the speaker's own step in the same sentence, "I
        # proposed ..., and both teams moved to it", the sentence is that step)
        scores["result"] = max(scores["result"], 2.6)
    if "success" in sentence and _SUCCESS_DEF.search(sentence):
        scores["result"] = 0.0           # "we measured success by the share delivered within two days": the setting
    if _CAUSE.search(sentence):
        scores["result"] = 0.0           # "the root cause was a field that flipped from cents to dollars": a finding
    if _RESOURCED.search(sentence):
        scores["result"] = 0.0           # "I got two engineers funded, then five": what the work was given, a step
    if (cost := _STEP_COST.search(sentence)) and " but " not in sentence[cost.end():]:
        # "That took me about three weeks and a bigger cluster": what the step cost, part of the work, not its outcome
        # nor the ask (but "it took two months longer, but it went live and cut skips by 5%" goes on to the outcome)
        scores["action"], scores["result"], scores["task"] = max(scores["action"], 2.2), 0.0, 0.0
    if _BACKSTORY_CHANGE.search(sentence) and not _OUTCOME_LEAD.search(sentence) \
            and not _I_LEAD.search(sentence):
        # (not after a time the story reached, "by the end of the quarter the wait had dropped from eleven weeks to
        # three", nor inside the speaker's step, "I sent a note showing what it had saved them")
        # "the bill had doubled in six months": a change before the story is its context, not its outcome
        scores["situation"], scores["result"] = max(scores["situation"], 2.4), 0.0
    if scores["situation"] < 2.0 and not _past_told(sentence):
        scores["situation"] = 0.0        # a weak context cue in the present tense ("our team uses ...") sets no scene
    lead = _ACTION_LEAD.search(main[:60])
    if lead and re.search(r"\b(?:is|are|am|was|were|had)\b|\w{3,}ed\b", main[:lead.start()]):
        lead = None                      # "The model was fine after that, and I stopped ...": it opens with the outcome
    if lead and scores["result"] and not _OUTCOME_LEAD.search(sentence) and (
            not (_OUTCOME_CLAUSE.search(sentence) or became) or _TEST_LEAD.search(sentence)
            or ("that" in sentence and _SHOWED_THAT.search(sentence))):
        # "I benchmarked both: X fell by 40" is an action; it is also a result (second) only with an outcome's shape
        scores["result"] = min(scores["result"], scores["action"] - (0.0 if _MEASURED_OUTCOME.search(sentence) else 0.1))
    if scores["result"] and scores["action"] and _OFFLINE_LEAD.search(sentence) and _THEN_I_STEP.search(sentence):
        # "Offline the hit rate dropped from 0.312 to 0.305, and I put both numbers in the review": a figure measured
        # before the change reached anyone, carried into the speaker's next step, is that step's evidence
        scores["result"] = min(scores["result"], scores["action"] - 0.1)
    if scores["result"] and scores["result"] == scores["action"] and not _FIRST_PERSON_LEAD.search(sentence) \
            and not _ACTION_LEAD.search(main[:25]):
        scores["result"] += 0.05         # "the launch went fine and we added the rest later": it opens with the outcome
    if scores["action"] and not _in_past(sentence) and not _TENSELESS_ACT.search(sentence):
        scores["action"] = 0.0           # "I hold myself to a high bar": a step of the story is told in the past
    if scores["result"] and not _in_past(sentence) and not _PAST_MOVE.search(sentence) and not _NOW.search(sentence) \
            and not _REFLECTION.search(sentence):
        scores["result"] = 0.0           # "people grow fastest when ...": a change in the present simple is a general
        #                                  claim, not what happened (an outcome is past, or "now" / "today")
    if scores["task"] >= 2.5 and scores["action"] >= 2.0 and scores["task"] >= scores["action"] \
            and (need := _OWN_NEED.search(sentence)) and ACT_CLAUSE.search(sentence, need.end()):
        # the call to make and the step taken on it, run together: "so i had to work out what it meant i talked to
        # the product person ...": the step is what it tells, the call only leads into it
        scores["action"], scores["task"] = scores["task"] + 0.05, 2.4
    if scores["task"] > scores["action"] >= 2.0 and " and " in sentence and _REQUEST_MET.search(sentence):
        # "She asked me for a week to test it, and I agreed": the request is someone else's; the answer to it is
        # the speaker's step, and the request met mid-story is not the story's ask
        scores["action"], scores["task"] = scores["task"] + 0.05, min(scores["task"], 2.4)
    if sentence.startswith(("to ", "so to ", "and to ")) and _PURPOSE_MEANS.search(sentence):
        # "To make it general I had to stop it assuming our table names": what the speaker did for a purpose of
        # their own, a step, not the ask
        scores["action"] = max(scores["action"], scores["task"] + 0.05, 2.5)
    reflection = _REFLECTION.search(sentence)
    if reflection and HELD_RULE.search(sentence, reflection.end()):
        return {c: 0.0 for c in scores}  # "in hindsight I still think reviews should be shorter": a view held now
    if reflection:
        return scores | {"result": max(scores["result"], 2.6)}
    total = WORKED_TOTAL.search(sentence) if scores["result"] and "would" in sentence else None
    if total is not None and ESTIMATED.search(sentence[:total.start()]):
        scores["result"] = 0.0           # "... would go to people staying anyway, that came to 400,000 a quarter": a sum
    if scores["result"] and _MEASURED_OUTCOME.search(sentence) and not _GOAL.search(sentence):
        return scores                    # "the rate went up 7 percent, and she asked me to ..." is an outcome
    if scores["result"] and _UNSURE.search(sentence):
        scores["result"] = 0.0           # "I'm not sure how it ended up" is the absence of a result
    elif scores["result"] and _HYPOTHETICAL.search(_CONSEQUENCE.sub("", sentence)) and scores["result"] < 3.0:
        scores["result"] = 0.0           # "the goal was to reduce ..." is not an outcome
    elif scores["result"] and re.search(r"\b(?:my|our|the) (?:goal|task|target|ask)\b|"
                                        r"(?<!has )(?<!have )(?<!since )(?<!now )\basked (?:me )?to\b|"
                                        # the request that sets the story up: "he wanted us to launch it in two weeks"
                                        r"^(?:(?:and|so|but|then)\W+)?(?:he|she|they|the [a-z-]+(?: [a-z-]+)?) "
                                        r"(?:wanted|expected|needed) (?:us|me|the team|my team) to\b",
                                        sentence, _F):
        scores["result"] = 0.0
    return scores




# A leading "before ..." clause followed by the speaker's step: "before we settled it i pulled ...", "before the
# launch went out, we replayed ..."
_BEFORE_FRAME = re.compile(r"^(?:(?:and|so)\W+)?before (?:[a-z'-]+ ){1,6}?(?=,? ?(?:i|we) [a-z]+)", _F)


# A sentence framed by a time ("When traffic went from ...", "About two months after launch, ...", "At the time ...")
# opens a scene of its own, in a follow-up too.
_TIME_FRAME = re.compile(r"^(?:(?:so|and|well|um|uh)\W+)*(?:when|while|after|before|at the time|about|around|some|a few|"
                         r"(?:a|one|two|three|four|five|six) (?:days?|weeks?|months?|years?))\b", re.I)
_I_LEAD = re.compile(r"^(?:(?:and|so|then|but|um|uh)\W+)*i\s")     # the speaker's own step opens the sentence
_PAST_MOVE = re.compile(r"\b(?:came|went|became|ran|got)\b", _F)    # "the bill came down to twelve thousand"
_NOW = re.compile(r"\b(?:now|today|these days|nowadays|since|still|anymore|any more|so far|to date|later|by then|"
                  r"in the end|as a result|eventually|finally|by the end|overall|that (?:week|month|quarter|year)|"
                  r"after|afterwards|every (?:day|week|month|quarter)|each (?:day|week|month))\b|'ve|\b(?:has|have) ", _F)


def _measured_after_step(low: str) -> bool:
    """A measured change whose subject is not the speaker, after the step: "... before i turned it on the queue
    dropped to half a day" (but not a benchmark's finding after a colon)."""
    for m in _CHANGE_MEASURED.finditer(low):
        head = low[:m.start()]
        if m.start() > 20 and ":" not in head and not re.search(r"\b(?:i|we)\s+(?:\w+\s+){0,1}$", head):
            return True
    return False


@once_per_answer
def _in_past(low: str) -> bool:
    """A verb in the past (`_PAST`, slow to search): read up to four times for each sentence, worked out once."""
    return bool(_PAST.search(low))


@once_per_answer
def _past_told(low: str) -> bool:
    """A verb in the past outside any present perfect: read by several rules for each sentence, worked out once."""
    return _in_past(_PERFECT.sub("", low))


@once_per_answer
def narrative(low: str) -> bool:
    """A past-tense clause of the story itself: not a habit, a plan, a doubt, a condition or a verdict, nor a
    general claim in the present perfect ("I have not really had conflicts with people")."""
    return _past_told(low) and not (_HABIT.search(low) or _PLAN.search(low) or _DOUBT.search(low)
                                            or _CONDITIONAL.search(low) or _SELF_RATING.search(low)
                                            or _OTHERS_VERDICT.search(low) or _CAREER.search(low)
                                            or _ALWAYS.search(low) or _VERDICT.search(low) or _OPENS_ASIDE.search(low))


# When a step happened is not a measure of the outcome: "we switched once it had two months of its own data".
_TIMING = re.compile(r"\b(?:once|until|after|when) (?:it|we|they|the [a-z-]+) (?:had|has|have|got|reached)\b[^.,;]{0,25}?"
                     r"\b(?:days?|weeks?|months?|quarters?|years?)\b(?: of (?:its|their|our|the) (?:own )?[a-z-]+)?|"
                     r"\b(?:in|for) the first (?:\w+ )?(?:days?|weeks?|months?)\b|"
                     # when the outcome came, told first: "After two quarters the number of bad launches dropped"
                     r"(?:^|[,;]\s*|\b(?:and|but|so|then)\s+)(?:after|within|over|inside) (?:about |roughly |nearly |"
                     r"almost |just |another )?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"eighteen|a few|a couple of|several|\d+) (?:more )?(?:days?|weeks?|months?|quarters?|years?|"
                     r"sprints?)\b(?=\s*,|\s+(?:the|our|we|it|they|i|most|all|every|nobody|no)\b)", _F)


# What the step itself took, told right after it: "That took about five weeks of my time", "it took us a month and a
# bigger cluster"
_STEP_COST = re.compile(r"^(?:(?:and|so|but|um|uh|all in all)\W+)*(?:that|this|it|the (?:work|change|fix|rewrite|migration))"
                        r"(?: whole thing| work| change| part)? (?:took|cost) (?:me |us |him |her |them )?(?:about |around |"
                        r"roughly |nearly |almost |over |another |maybe )?(?:a|an|one|two|three|four|five|six|seven|eight|"
                        r"nine|ten|a few|a couple of|\d+) (?:full |more |extra )?(?:hours?|days?|weeks?|months?|sprints?|"
                        r"quarters?)\b", _F)


# The time the speaker put in ("I spent two weeks with them", "it took us a month"): the effort, not what it changed
_EFFORT = re.compile(r"\b(?:(?:i|we) (?:then )?(?:spent|put in|invested)|(?:it |that |this )?took (?:me|us))(?: about| around| roughly| "
                     r"nearly| almost| over| another)? (?:a|an|one|two|three|four|five|six|eight|ten|a few|a couple of|\d+) "
                     r"(?:full |more )?(?:hours?|days?|weeks?|months?|sprints?)\b|"
                     # what a piece of the work took to do: "a bug that took about three weeks to track down"
                     r"\btook (?:(?:me|us|him|her|them) )?(?:about |around |roughly |nearly |almost |over |another )?(?:a|an|"
                     r"one|two|three|four|five|six|eight|ten|a few|a couple of|\d+) (?:full |more )?(?:hours?|days?|weeks?|"
                     r"months?|sprints?) to (?:track|find|fix|debug|build|get|sort|figure|work|set|write|clean|finish)\b", _F)


# an opening that names only where the story is set, as speech often starts: "okay so at a language learning app"
_PLACE_ONLY = re.compile(r"^(?:(?:okay|ok|so|um|uh|well|yeah|and|right|sure)\W+)*(?:this was |it was |that was )?(?:at|in) "
                         r"(?:a|an|the|my|our|one) [a-z' -]{3,60}$", _F)
_PURPOSE_MEANS = re.compile(r"^(?:(?:and|so)\W+)*to [a-z]+\b[^.;]{0,80}?,? (?:i|we) (?:had|needed) to (?!decide|choose|pick|"
                            r"work out|figure out)[a-z]+", _F)


# "one of the new features", "a one-page plan": a count that picks a thing out, not a measure of what changed
_COUNTED_NOUN = re.compile(r"\bone of (?:the|our|its|their|my|those|these)\b|\bone-[a-z]+\b|"
                           # "one thing that took long was ...": "one" that introduces what is told next
                           r"\bone (?:thing|problem|issue|idea|reason|question|example|day)\b|"
                           # "one" standing for a thing named before ("better than the old one", "a new one"): no figure
                           r"\b(?:the|this|that|which|each|every|another|a) (?:[a-z-]+ )?one\b(?! (?:hundred|thousand|"
                           r"million|billion|percent|point|in\b))", _F)


# The threshold of a rule the speaker set ("it pages us if more than two percent of rows fall outside the range",
# "whenever latency goes above 300 ms"): a setting of the guard, not a figure of what the work changed.
_THRESHOLD = re.compile(r"\b(?:if|whenever|unless|as soon as)\b[^.,;]{0,40}?\b(?:(?:more|less|fewer|higher|lower) than|"
                        r"above|below|exceeds?|goes over|drops under)\b[^.,;]*", _F)


def measures(low: str) -> bool:
    """A figure that measures something: not when a step happened, the effort it took, the threshold of a rule set,
    nor "one" picking a thing out."""
    bare = _THRESHOLD.sub(" ", _TIMING.sub(" ", low))
    return bool(_MEASURE.search(_COUNTED_NOUN.sub(" ", _EFFORT.sub(" ", bare))))


def aside(low: str) -> bool:
    """Not told as part of the story: a habit, a belief, a hypothetical or a self-description, with no past-tense
    event in it (talking points of a story are not covered by such a sentence)."""
    return bool(_ASIDE_LEAD.search(low) or _CONDITIONAL.search(low)) and not _past_told(low)


def _carry(sents: list[Sentence], labels: list[str], carried: dict[str, list[int]]) -> None:
    """A past-tense clause with no cue of its own continues the part it follows: more context after the
    scene ("... | and the timeline kept slipping"), more outcome after the result or after the last step
    ("... | and the student kept most of the gain"). Speech split at its clauses needs this most."""
    actions = [i for i, lab in enumerate(labels) if lab == "action"]
    for i in range(1, len(sents)):
        if labels[i] != "other" or _words(sents[i].text) < 4 or not narrative(sents[i].text.lower()):
            continue
        before = labels[i - 1]
        prev, low = sents[i - 1].text.lower(), sents[i].text.lower()
        if before == "situation" and not any(a < i for a in actions):
            labels[i] = "situation"
        elif before == "action" and (_TEST_LEAD.search(prev) or _FINDING.search(prev) or _FINDING.search(low)
                                     or (_COMPARED.search(low) and _MEASURE.search(low))):
            labels[i] = "action"         # what the step found: "I reran it with five seeds. | It held every time."
        elif before == "result" or (before == "action" and actions and actions[-1] < i and measures(low)
                                    and not _FIRST_PERSON_LEAD.search(low)):
            labels[i] = "result"
        else:
            continue
        carried[labels[i]].append(i)


# Another person's answer to the speaker's step: "He told me he had never used the vendor's API", "and she
# explained that her boss had promised it". After the first step it is what the step turned up, not the scene.
_REPLY = re.compile(r"^(?:(?:and|so|but|then|um|uh)\W+)*(?:he|she|they|the [a-z-]+|his [a-z-]+|her [a-z-]+) "
                    r"(?:told|explained to|admitted to|confessed to|showed) (?:me|us)\b", _F)


def _replies(sents: list[Sentence], labels: list[str], primary: dict[str, list[int]],
             secondary: dict[str, list[int]], carried: dict[str, list[int]]) -> None:
    acts = [i for i, lab in enumerate(labels) if lab == "action"]
    for i in range(acts[0] + 1 if acts else len(labels), len(labels)):
        if labels[i] in ("situation", "task") and _REPLY.search(sents[i].text.lower()):
            _relabel(i, "action", labels, primary, secondary, carried)


def _met_during_work(sents: list[Sentence], labels: list[str], primary: dict[str, list[int]],
                     secondary: dict[str, list[int]], carried: dict[str, list[int]]) -> None:
    """Context told between two of the speaker's steps is what the work ran into, not the scene: "I compared the
    features with Friday's run. | A change upstream had moved those routes to a new code. | I mapped both codes"."""
    acts = [i for i, lab in enumerate(labels) if lab == "action"]
    if len(acts) < 2:
        return
    for i in range(acts[0] + 1, acts[-1]):
        if labels[i] == "situation" and "situation" in labels[:i]:   # (the only scene told stays the scene)
            _relabel(i, "action", labels, primary, secondary, carried)


# a habit, a view, a self-description or a line of a CV (not what a step turned up, nor how the outcome was received)
_VIEW = re.compile("|".join(p.pattern for p in (_ASIDE_LEAD, _OPENS_ASIDE, _HABIT, _SELF_RATING, _VERDICT, _ALWAYS,
                                                 _GENERAL_TIMES, _CAREER, HELD_RULE, MAXIM)), _F)


# A follow-up's opening that names the question it takes up: "you asked why ...", "on the cost question, ...",
# "as for the rollout, ...", "to your question about ...".
_TAKES_UP = re.compile(r"^(?:(?:right|yes|yeah|sure|okay|ok|so|well|um|uh)\W+)*(?:you (?:asked|wanted to know|mentioned)\b|"
                       r"(?:on|to|about|regarding) (?:the|your) (?:[a-z-]+ ){0,3}?question\b|as for (?:the|your)\b)", _F)


# the speaker's act denied: "I did not really find any problems with them" is no step
_NOT_DONE = re.compile(r"^(?:(?:and|so|but|then|um|uh)\W+)*(?:i|we) (?:\w+ )?(?:did not|didn't|never|could not|couldn't)\b",
                       _F)


def by_phase(report: StarReport, followup: bool = False) -> StarReport:
    """The card's labels: once the steps have started, a sentence with no cue of its own belongs to the part it
    follows, what a step turned up or why it was taken ("So his concern was fair, and I did not want to argue from
    theory"), how the outcome was received ("and the product team was happy with it"); a habit or a view stays
    outside the story. In a follow-up (`followup`), what it tells before its first step is the account asked for,
    an action. The score and the quotes read only the sentences with a cue of their own (`labels` as
    analysed): a sentence that merely follows a step is no evidence of one."""
    labels = list(report.labels)
    if followup and "action" in labels:
        # a follow-up's scene was set in the main answer: what it tells before its first step is the account asked
        # for ("The hardest one was whether to use one model for the whole network or one per route")
        for i in range(labels.index("action")):
            if labels[i] == "other" and not _VIEW.search(report.sentences[i].lower()):
                # (an opening that names the question it takes up sets the scene for the reply: "You asked why we
                # kept the old ranker", "On the latency question, we were serving ...")
                labels[i] = "situation" if i == 0 and _TAKES_UP.search(report.sentences[i].lower()) else "action"
    for i in range(1, min(len(labels), len(report.sentences))):
        text = report.sentences[i]
        if labels[i] == "other" and labels[i - 1] in ("action", "result") and _words(text) >= 3 \
                and not _VIEW.search(text.lower()) and not (labels[i - 1] == "action" and _NOT_DONE.search(text.lower())):
            labels[i] = labels[i - 1]
    return replace(report, labels=tuple(labels))


def _closing_outcome(sents: list[Sentence], labels: list[str], primary: dict[str, list[int]],
                     secondary: dict[str, list[int]]) -> bool:
    """How the story ended, told without a change verb: when the only outcomes were told before the speaker's last
    step (what the steps answered, or a finding on the way), the first past-tense sentence after that step that is
    not the speaker's own act is the outcome ("... I built my own copy of the load. | After that the model was
    fine"). True when one was found."""
    acts = [i for i, lab in enumerate(labels) if lab == "action"]
    if not acts or not any(k < acts[-1] for k in primary["result"]) or "result" in labels[acts[-1] + 1:] \
            or acts[-1] in secondary["result"]:
        return False
    for i in range(acts[-1] + 1, len(sents)):
        low = sents[i].text.lower()
        if labels[i] == "other" and _words(sents[i].text) >= 4 and narrative(low) \
                and not _FIRST_PERSON_LEAD.search(low):
            labels[i] = "result"
            primary["result"] = sorted(primary["result"] + [i])
            return True
    return False


def _relabel(i: int, to: str, labels: list[str], primary: dict[str, list[int]],
             secondary: dict[str, list[int]], carried: dict[str, list[int]]) -> None:
    was = labels[i]
    for part in (primary, carried):
        if i in part[was]:
            part[was].remove(i)
    labels[i] = to
    primary[to] = sorted(primary[to] + [i])
    if i in secondary[to]:
        secondary[to].remove(i)


def _scene_first(sents: list[Sentence], labels: list[str], primary: dict[str, list[int]],
                 secondary: dict[str, list[int]], carried: dict[str, list[int]], followup: bool = False) -> None:
    """Context comes before the steps and the outcome after them. A change told before the speaker's first step
    is the problem ("Our p99 went from 40 to over 200 milliseconds. I moved ..."), unless it is a lesson; and an
    opening act followed by more context is where the story starts ("I built a small library for our own team.
    Two other teams were hand-writing the same joins."), except in a follow-up, whose story started in the main
    answer ("We optimised NDCG at ten ... It was a reasonable proxy ..." answers what was asked)."""
    acts = [i for i, lab in enumerate(labels) if lab == "action"]
    if not acts:
        return
    later_outcome = any(lab == "result" for lab in labels[acts[0]:])    # (else the outcome may come first: "It cut
    for i in range(acts[0]):                                            # p99 by half. I presented it ...")
        if labels[i] == "result" and later_outcome and not _REFLECTION.search(sents[i].text.lower()):
            _relabel(i, "situation", labels, primary, secondary, carried)
    for i in range(1, len(sents) - 1):
        # what a test step found, with more steps after it: "I reran it with five seeds. It held every time, six
        # points of precision lost. I wrote a note ...", or with the speaker's next step in its own clause and the
        # outcome still to come: "Offline the error rose from 4.1 to 4.3 percent, and I sent both figures to the
        # reviewer. | The review passed the same week."
        if labels[i] != "result" or labels[i - 1] != "action":
            continue
        prev = sents[i - 1].text.lower()
        if (i < acts[-1] or "result" in labels[i + 1:] and I_ACT_CLAUSE.search(sents[i].text.lower(), 12)) \
                and (_TEST_LEAD.search(prev) or _TEST_STEP.search(prev)):
            _relabel(i, "action", labels, primary, secondary, carried)
    second = sents[1].text.lower() if len(sents) > 1 else ""
    if acts[0] == 0 and not followup and len(labels) >= 3 and any(a > 1 for a in acts) and not _TEST_LEAD.search(
            sents[0].text.lower()) and not _TALK_LEAD.search(sents[0].text.lower()) and (labels[1] == "situation" or (
            labels[1] == "other" and narrative(second) and not _FIRST_PERSON_LEAD.search(second))):
        _relabel(0, "situation", labels, primary, secondary, carried)
        secondary["action"].append(0)


def _words(text: str) -> int:
    return len(text.split())


def analyse(sents: list[Sentence], given: list[str] | None = None, followup: bool = False) -> StarReport:
    """`given`: one label per sentence from another labeller (the model pass); the cues still add
    second-part evidence. `followup`: the answer replies to a follow-up, so its scene was set before it (an opening
    sentence with no cue of context is not taken for the scene)."""
    labels: list[str] = []
    strength: dict[int, float] = {}
    primary: dict[str, list[int]] = {c: [] for c in COMPONENTS}
    secondary: dict[str, list[int]] = {c: [] for c in COMPONENTS}
    for i, s in enumerate(sents):
        sc = label_sentence(s.text)
        best = max(COMPONENTS, key=lambda c: sc[c])      # ties go to the earlier part of the story
        if given is not None:
            best = given[i] if i < len(given) else "other"
            if best in COMPONENTS:
                labels.append(best)
                primary[best].append(i)
            else:
                labels.append("other")
            continue
        low = s.text.lower()
        if sc[best] < 1.0 and i < 2 and "action" not in labels and _words(s.text) >= 5 and narrative(low) \
                and not followup and not _OPENS_ASIDE.search(low) and not _GENERAL_TIMES.search(low):
            best, sc = "situation", sc | {"situation": 1.0}     # an opening sentence that sets the scene
        elif sc[best] < 1.0 and i < 2 and not labels.count("action") and _words(s.text) <= 10 and _PLACE_ONLY.match(low):
            best, sc = "situation", sc | {"situation": 1.0}     # speech opening with the place: "okay so at a water utility"
        elif i < 2 and best in ("action", "result") and sc["task"] < 2.5 and _SCENE_CLAUSE.search(low):
            best, sc = "situation", sc | {"situation": sc[best] + 0.1}   # "when I joined X, each team did Y"
        elif i == 0 and best in ("action", "result", "task") and sc["task"] < 2.5 and _OPENER.search(low):
            # a first sentence framed by time or place, with a step, an outcome or only a need ("At a freight
            # forwarder we needed to read ... off fifteen thousand invoices a day"), not an ask or a goal
            best, sc = "situation", sc | {"situation": sc[best] + 0.1}
        if best == "situation" and sc[best] < 2.0 and (i >= max(2, len(sents) / 2) or "action" in labels
                                                       or " you " in low and _GENERIC_YOU.search(low)):
            best = "other"                                     # context comes first; a late weak cue is not it,
            #                                                    nor a claim about anyone ("you cannot tell ...")
        if followup and best == "situation" and not (_OPENER.search(low) or _SCENE_CLAUSE.search(low)
                                                     or _TIME_FRAME.search(low) or _REPLY.search(low)
                                                     or (labels and labels[-1] == "situation")):
            # the scene came with the main answer: what a follow-up opens with is what it was asked for ("The hard
            # one was whether to score in real time or nightly", "The thing we dropped was the search")
            best, sc = ("action" if sc["action"] >= 1.5 else "other"), sc | {"situation": 0.0}
        late = labels.count("action") >= 2       # two steps told already: the ask came before them
        if best == "task" and late and sc["action"] >= 2.0:
            best = "action"          # "... so we agreed to use it only there | and i took on building that": a step
        if best == "situation" and sc[best] < 2.5 and i == len(sents) - 1 and i >= 2 and "action" in labels \
                and _MEASURE.search(low):
            best, sc = "result", sc | {"result": sc[best]}   # context comes first: a measured close is the outcome
        if i == len(sents) - 1 and i >= 2 and "action" in labels and best == "other" and _CONDITIONAL.search(low) \
                and _REFLECTION.search(low):
            best, sc = "result", sc | {"result": 2.6}   # the closing lesson told as a redo: "If I did it again I'd ..."
        if i >= len(sents) - 2 and i >= 2 and "action" in labels and best in ("action", "other") \
                and _CLOSING_AGREED.search(low):          # (the last sentence or the one before it: "she went with
            #                                                that | and she told the client herself")
            best, sc = "result", sc | {"result": max(sc["result"], sc["action"] + 0.1, 1.0)}   # the decision won
        if i >= len(sents) - 2 and i >= 2 and labels.count("action") >= 2 and best in ("action", "other") \
                and _LASTING.search(low):                # "We shipped it, and she now brings me the routes to test"
            best, sc = "result", sc | {"result": max(sc["result"], sc["action"] + 0.1, 1.0)}   # what has lasted since
        if i == len(sents) - 1 and i >= 2 and "action" in labels and best in ("action", "other") \
                and _CLOSING_CHOSEN.search(low):         # "We shipped a distilled version instead.": how it landed
            best, sc = "result", sc | {"result": max(sc["result"], sc["action"] + 0.1, 1.0)}
        if best != "other" and sc[best] < 1.0 and i == len(sents) - 1 and i >= 2 and narrative(low) \
                and not _FIRST_PERSON_LEAD.search(low):
            best, sc = "result", sc | {"result": 1.0}          # a closing past-tense sentence about others: the outcome
        if best == "other" or sc[best] < 1.0:
            labels.append("other")
            continue
        labels.append(best)
        primary[best].append(i)
        strength[i] = sc[best] - sc[max((c for c in COMPONENTS if c != best), key=lambda c: sc[c])]
        for c in COMPONENTS:
            if c != best and sc[c] >= (2.0 if c == "situation" and i < 3 else 2.5) \
                    and not (c in ("result", "action") and best == "situation") \
                    and not (c == "situation" and best == "result" and followup) \
                    and not (c == "situation" and best == "action" and _FIRST_PERSON_LEAD.search(low)) \
                    and not (c == "task" and late) \
                    and not (c == "action" and best == "result" and _REFLECTION.search(low)):
                # the scene is not a step or the outcome; a sentence that opens with the speaker's step is not the
                # scene either ("I sat in on her reviews and saw what she had skipped"), nor, in a follow-up (whose
                # scene came with the main answer), what a step led to ("Because of that we stayed with ..."); a
                # lesson is no step either, whatever it says was done with it ("the lesson is ..., and I told my lead")
                secondary[c].append(i)
    carried: dict[str, list[int]] = {c: [] for c in COMPONENTS}
    acts = [i for i, lab in enumerate(labels) if lab == "action"]
    if given is None and not acts:
        # no step told at all: a lesson, a habit kept since or a general claim has no story behind it to be the
        # outcome of ("What I learned is the value of psychological safety", "Since then I always over-communicate")
        for i in list(primary["result"]):
            low = sents[i].text.lower()
            if _REFLECTION.search(low) or _CHANGED_HABIT.search(low) or _HABIT.search(low):
                primary["result"].remove(i)
                labels[i] = "other"
    if given is None:
        _carry(sents, labels, carried)
        _scene_first(sents, labels, primary, secondary, carried, followup)
        _carry(sents, labels, carried)       # again: a scene found by the order is continued too
        if _closing_outcome(sents, labels, primary, secondary):
            _carry(sents, labels, carried)   # and the close of the story
        _replies(sents, labels, primary, secondary, carried)
        _met_during_work(sents, labels, primary, secondary, carried)
        acts = [i for i, lab in enumerate(labels) if lab == "action"]
        last = sents[acts[-1]].text.lower() if acts else ""
        if acts and acts[-1] > 0 and not (primary["result"] or secondary["result"] or carried["result"]) \
                and not _UNSURE.search(last) and (_LATER_RELEASE.search(last) or _cue(last, RESULT) >= 2.5
                                                  and (_LATER_OUTCOME.search(last) or _AFTER_STEP.search(last)
                                                       or _measured_after_step(last))):
            secondary["result"].append(acts[-1])   # run-on speech ends its last step with the outcome
    total = sum(_words(s.text) for s in sents) or 1
    text = " ".join(s.text for s in sents)
    i_count, we_count = len(I_WORD.findall(text.lower())), len(WE_WORD.findall(text.lower()))

    def evidence(c: str) -> tuple[str, ...]:
        """The sentences labelled `c` first, the clearest first (the quote: its cue beats the other parts' by the
        widest margin; context keeps its order; clauses that only continue a part last among them), then those
        where `c` is a second, strong cue."""
        # (a step is clearest when the speaker opens with it: "I sent ..." before "She agreed, and I sent ...")
        def lead(k: int) -> bool:
            return c != "action" or bool(_FIRST_PERSON_LEAD.search(sents[k].text.lower()))
        # (an outcome is clearest after the last step: one told before it may be what the steps answered)
        def early(k: int) -> bool:
            return c == "result" and bool(acts) and k < acts[-1]
        # (and a measured outcome before an unmeasured one: "it worked out fine" is no quote for a measured result)
        def unmeasured(k: int) -> bool:
            return c == "result" and not _MEASURE.search(_COUNTED_NOUN.sub(" ", _TIMING.sub(" ", sents[k].text.lower())))
        # (and what happened before what was learned: "What I took from it is ..." is no quote for the outcome)
        def lesson(k: int) -> bool:
            return c == "result" and bool(_REFLECTION.search(sents[k].text.lower()))
        # (and a step told after the story's opening and its ask before one told in them: "I built the harvest forecast
        # for a grower with eleven greenhouses" opens a walkthrough, "We hired a junior engineer" comes before the ask)
        asks = primary["task"]
        def opening(k: int) -> bool:
            return c == "action" and (k == 0 or bool(asks) and k < asks[0]) and any(
                j > k and not (j == 0 or asks and j < asks[0]) for j in primary["action"])
        # (and an ask told before the last step before a need told after it, which is a new need, not the ask the
        # steps answered: "... and when we passed fifty million vectors this spring we had to start a migration")
        def afterwards(k: int) -> bool:
            return c == "task" and bool(acts) and k > acts[-1]
        first = primary[c] if c == "situation" else sorted(
            primary[c], key=lambda k: (opening(k), not lead(k), early(k), unmeasured(k), afterwards(k), -strength.get(k, 0.0)))
        told = first + carried[c]
        outcomes = [k for k in told if not lesson(k) and not early(k)]
        idx = outcomes + [k for k in told if k not in outcomes] + [k for k in secondary[c] if k not in primary[c]]
        return tuple(sents[k].text for k in idx[:4])

    def share(c: str, with_secondary: bool = False) -> float:
        idx = set(primary[c] + secondary[c] + carried[c]) if with_secondary else set(primary[c] + carried[c])
        return sum(_words(sents[k].text) for k in idx) / total

    ev = {c: evidence(c) for c in COMPONENTS}
    # (how many took the work up, "three teams use it now", is an outcome but not a measured effect of it)
    measurable = any(measures(story_outcome.without_adoption(e.lower())) or _NONE_SINCE.search(e) for e in ev["result"])
    s_share, a_share = share("situation"), share("action", with_secondary=True)
    notes: dict[str, list[str]] = {c: [] for c in COMPONENTS}
    if ev["situation"]:
        n = sum(_words(sents[k].text) for k in primary["situation"])
        if s_share > 0.35:
            notes["situation"].append(f"situation is {s_share:.0%} of the answer ({n} of {total} words); "
                                      "keep it under about 25%")
        else:
            notes["situation"].append(f"context set in {n} words ({s_share:.0%} of the answer)")
    else:
        notes["situation"].append("no sentence says where, when, or what was at stake")
    if not ev["task"]:
        notes["task"].append("no goal or ask stated (\"my goal was ...\", \"I was asked to ...\")")
    notes["action"].append(f'"I" {times(i_count)}, "we" {times(we_count)}')
    if we_count > 2 * max(i_count, 1) and we_count >= 3:
        notes["action"].append('actions are told as "we": say which parts you did')
    if ev["action"] and a_share < 0.3:
        notes["action"].append(f"actions are {a_share:.0%} of the answer; aim for about half")
    if not ev["action"]:
        notes["action"].append("no sentence says what you did (\"I built ...\", \"I proposed ...\")")
    elif (decided := decided_without_reason([s.text for s in sents], labels)) is not None:
        notes["action"].append(f'the decision is told, not why: "{quote(decided, 80)}"; say what made it the right call')
    if ev["result"]:
        first = next((e for e in ev["result"] if _MEASURE.search(e.lower())), ev["result"][0])
        notes["result"].append(f'measurable: "{quote(first, 120)}"' if measurable
                               else f'no number in the result: "{quote(first, 120)}"')
    elif sents:
        notes["result"].append(f'no outcome stated; the answer ends: "{quote(sents[-1].text, 120)}"')

    score = 0.0
    score += 0.75 if ev["situation"] else 0.0
    score += 0.75 if ev["task"] else 0.0
    if ev["action"]:
        score += 1.25 + (0.5 if (i_count >= we_count or i_count >= 3) else 0.0)
    if ev["result"]:
        score += 0.75 + (1.0 if measurable else 0.0)
    if s_share > 0.5:
        score -= 0.5
    score = round(max(0.0, min(5.0, score)), 2)
    comps = {c: Component(bool(ev[c]), ev[c], tuple(notes[c])) for c in COMPONENTS}
    return StarReport(**comps, score=score, improvement=improvement(ev, measurable, i_count, we_count, s_share),
                      labels=tuple(labels), i_count=i_count, we_count=we_count, measurable_result=measurable,
                      sentences=tuple(x.text for x in sents))


def no_story(sents: list[Sentence]) -> StarReport:
    """A non-answer: every sentence is "other" and nothing is quoted as evidence."""
    text = " ".join(s.text for s in sents).lower()
    def missing() -> Component:
        return Component(False, (), ("the answer does not tell a story",))

    return StarReport(situation=missing(), task=missing(), action=missing(), result=missing(), score=0.0, improvement="Pick one real situation and tell what you did and what changed.",
                      labels=tuple("other" for _ in sents), i_count=len(I_WORD.findall(text)),
                      we_count=len(WE_WORD.findall(text)), sentences=tuple(s.text for s in sents))
