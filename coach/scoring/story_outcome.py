"""Does a past story tell what came of the work, or end on one more step?

The STAR labels call a closing sentence a result when it comes after the steps; a closing sentence that only
tells more steps ("Based on that I stopped training on anything younger than six weeks and added a check that
fails the run ...") says what the candidate did last, not what came of it, and so does one that ends as the work
starts ("... and we started with the review step"). Both are read as no outcome told: the card's no_result gap,
and the story's level as the rubric's "no result". A sentence is a step when a first-person subject (or an "and"
carrying one on) does something in the past; it tells an outcome when it names a measure that moved, a decision
that landed or what came of it, or a change "from X to Y" or "by N". The words are data
(rubrics/answer_words.toml `[outcome]`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from coach.content.answer_words import phrases, word_list
from coach.domain import Question
from coach.scoring.text import for_lowered, quote

STORY_ROUNDS = ("behavioral", "deep-dive", "hiring-manager", "cross-functional", "recruiter")
_CHANGE = re.compile(r"\bfrom\b[^.;:]{1,40}\bto\b|\bby (?:about |around |roughly )?\d|\d\s*(?:%|x\b)|"
                     # a share said in words: "went down by about a third", "cut by half", "by two thirds"
                     r"\bby (?:about |around |roughly |nearly |almost |over |more than )?(?:half|(?:a|one|two|three) "
                     r"(?:half|third|quarter|fifth|tenth)s?)\b|"
                     # a period set against the one before it: "a year without a rollback, against two the year before"
                     r"\b(?:against|compared (?:with|to)|versus|vs\.?) [^.;:]{1,30}?\b(?:the (?:year|quarter|month|"
                     r"week|season|half) before|the (?:previous|prior) (?:year|quarter|month|week|season|half))\b",
                     re.IGNORECASE)
# a sentence whose subject is a thing or someone else ("The updated model ... and went live the next sprint"): an
# "and" in it carries that subject on, not the candidate
_OTHER_SUBJECT = re.compile(r"^\W*(?:(?:so|and|then|after that|in the end),?\s+)?(?:the|this|that|these|those|its|their|his|her|"
                            r"a|an)\s+[a-z-]+", re.IGNORECASE)
# a step's reason ("... since the vendor had no warehouse support") tells why, not what came of it
_REASON = re.compile(r"\b(?:since|because|as)\s+(?:the|a|an|it|they|we|i|our|their|there|that|no)\b.*$", re.IGNORECASE)


def _alternation(words: Sequence[str]) -> str:
    return "|".join(sorted(map(re.escape, words)))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    outcome = [w for name in ("moved", "landed", "came_of") for w in word_list("outcome", name)]
    told = re.compile(r"\b(?:" + _alternation(outcome) + r")\b", re.IGNORECASE)
    step = re.compile(r"\b(?P<who>i|we|and)\s+(?:[a-z]+ly\s+|then\s+|also\s+)?(?:[a-z]{3,}ed|"
                      + _alternation(word_list("outcome", "irregular_steps")) + r")\b", re.IGNORECASE)
    started = re.compile(r"\b(?:" + "|".join(map(re.escape, word_list("outcome", "started"))) + r")\b", re.IGNORECASE)
    return told, step, started


@lru_cache(maxsize=1)
def _moved_it() -> re.Pattern[str]:
    figure = r"(?:\d|(?:a |one |two |three |four |five |six |seven |eight |nine |ten |twenty |thirty |forty |fifty |" \
             r"sixty |seventy |eighty |ninety |hundred |half))"
    return re.compile(r"\b(?:i|we)\s+(?:" + _alternation(word_list("outcome", "moved_it")) +
                      r")\b[^.;:]{0,50}?\b(?:to|by)\s+(?:about\s+|around\s+|roughly\s+)?" + figure, re.IGNORECASE)


def moved_a_measure(sentence: str) -> bool:
    """Did the candidate move a measure to or by a figure ("we brought the p99 down to thirty milliseconds")?"""
    return bool(_moved_it().search(sentence))


_FIGURE = (r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|"
           r"nine)teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half)\b)")
_ABOUT = r"(?:(?:about|around|roughly|nearly|just|only|under|over|below|above)\s+)?"
# a measure read off at a figure once the work was done ("p99 was at 95 milliseconds", "the bill came to about fifty
# thousand a month"), two figures set side by side ("eleven GPUs instead of twenty"), or a clause carrying the work's
# effect on ("..., which took the bill down to forty thousand"): each tells what came of the work
_READ_AT = re.compile(r"\b(?:was|were|stood|sat|settled|came|ended up|landed)\s+(?:at|to|down to|up to|under|below)\s+"
                      + _ABOUT + _FIGURE + r"|" + _FIGURE + r"[\w.,%]*\s+(?:[a-z-]+\s+){0,2}instead of\s+" + _ABOUT
                      + _FIGURE, re.IGNORECASE)


def changed_a_figure(sentence: str) -> bool:
    """Does the sentence tell a change by its figures ("from nine to four percent", "by a third", "we brought the p99
    down to thirty milliseconds")?"""
    return bool(_CHANGE.search(sentence)) or moved_a_measure(sentence)


_CLAUSE_BREAK = re.compile(r",|;|\band\b|\bthen\b", re.I)


@lru_cache(maxsize=1)
def _shipped() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _alternation(phrases("outcome", "shipped_at_close")) + r")\b", re.I)


def lands_at_close(sentence: str) -> bool:
    """Does the closing sentence end with the work going out ("..., and then launched it"): its last clause, after
    the steps told before it, holds a word of shipping (rubrics/answer_words.toml [outcome] shipped_at_close)?"""
    *told, last = _CLAUSE_BREAK.split(sentence)
    return bool(told) and bool(_shipped().search(last))


def tells_outcome(sentence: str) -> bool:
    """Does the sentence tell what came of the work (a measure moved, a decision landed, a change from X to Y, a
    measure read off at a figure, a clause carrying the work's effect on, others taking the work up)?"""
    return bool(_patterns()[0].search(sentence) or _CHANGE.search(sentence) or _READ_AT.search(sentence)
                or _carried_on().search(sentence) or taken_up(sentence))


@lru_cache(maxsize=1)
def _taken_up() -> tuple[re.Pattern[str], re.Pattern[str]]:
    takers = _alternation(phrases("outcome", "takers"))
    took = _alternation(phrases("outcome", "took_up"))
    # counted takers ("every launch went through it", "two other teams copied the format")
    counted = re.compile(r"\b(?:" + _alternation(phrases("outcome", "taken_by")) + r") (?:[a-z-]+ ){0,2}?(?:" + takers +
                         r")\b[^.;:]{0,20}?\b(?<!to )(?:" + took + r") (?:it|them|our|my|this|that|these|those|the|its|"
                         r"their)\b", re.IGNORECASE)
    # another team named taking up what the speaker made ("the compliance team used our model card as the template")
    named = re.compile(r"\b(?:the|another) [a-z-]+(?: [a-z-]+)? team (?:[a-z]+ly |then |also |now |soon |later )?(?:" +
                       took + r") (?:it|them|our|my|the same|this|that|these|those)\b", re.IGNORECASE)
    return counted, named


def taken_up(sentence: str) -> bool:
    """Did others take up the work ("every launch went through it", "two other teams copied the format", "the
    compliance team used our model card as the template")? What others took up is what came of it."""
    return taken_up_at(sentence) >= 0


def taken_up_at(sentence: str) -> int:
    """Where others' take-up of the work starts in the sentence (`taken_up`), or -1."""
    # lowered ASCII text (as the STAR labeller passes it): the patterns without IGNORECASE find the same, faster
    lowered = sentence.isascii() and sentence == sentence.lower()
    found = [m.start() for p in _taken_up() if (m := ((lowered and for_lowered(p)) or p).search(sentence)) is not None]
    return min(found) if found else -1


def without_adoption(sentence: str) -> str:
    """The sentence with its counted take-up left out ("three teams use it now" -> ""): how many took the work up is
    what came of it, not a measured effect of the work."""
    return _taken_up()[0].sub(" ", sentence)


@lru_cache(maxsize=1)
def _carried_on() -> re.Pattern[str]:
    """", which took the bill down to forty thousand": the work's effect told in a relative clause."""
    return re.compile(r",\s*(?:which|and that)\s+(?:" + _alternation(word_list("outcome", "moved_it")) +
                      r")\b[^.;:]{0,50}?\b(?:to|by)\s+" + _ABOUT + _FIGURE, re.IGNORECASE)


def is_step(sentence: str) -> bool:
    """Does the sentence tell something the candidate did ("I pulled ...", "we rebuilt ...", "... and proposed
    ...")? In a sentence whose subject is a thing ("The model ... and went live") an "and" carries that on."""
    other = _OTHER_SUBJECT.match(sentence) is not None
    return any(not (other and m.group("who").lower() == "and") for m in _patterns()[1].finditer(sentence))


@lru_cache(maxsize=1)
def _trial() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    trial = re.compile(r"\b(?:" + _alternation([*phrases("outcome", "trial"), *phrases("outcome", "promised")]) + r")\b",
                       re.IGNORECASE)
    verdict = re.compile(r"(?<![\w'])(?:" + _alternation([*phrases("outcome", "verdict"), *phrases("outcome", "lesson")])
                         + r")(?![\w'])", re.IGNORECASE)
    # "at five percent of traffic" is the trial's size, not a measure that moved
    moved = [w for name in ("moved", "came_of") for w in word_list("outcome", name) if w != "percent"]
    return trial, verdict, re.compile(r"\b(?:" + _alternation(moved) + r")\b", re.IGNORECASE)


def ends_in_a_trial(sentence: str) -> bool:
    """Does the closing sentence put the work into a trial ("it went into shadow mode", "finally a split test for
    two weeks") or promise it for later ("... and put it on their roadmap for next quarter") without its verdict (a change "from X to Y" or "by N", a measure moved, the test "came back flat"),
    and not as a lesson ("next time I'd start with a pilot")? Then the story stops before anything came of it."""
    trial, verdict, moved_word = _trial()
    return bool(trial.search(sentence)) and not verdict.search(sentence) and not moved_word.search(sentence) \
        and not _CHANGE.search(sentence) and not moved_a_measure(sentence) and not _READ_AT.search(sentence) \
        and not _carried_on().search(sentence)


def _past_story(round_id: str | None, question: Question | None, sentences: Sequence[str]) -> bool:
    return round_id in STORY_ROUNDS and not (question is not None and question.hypothetical) and bool(sentences)


def ends_on_a_step(round_id: str | None, question: Question | None, sentences: Sequence[str],
                   labels: Sequence[str]) -> str | None:
    """The closing sentence (quoted) of a past story that tells no outcome: every sentence labelled "result" is a
    step with no outcome told and the last is one of them, or the last sentence starts the work (its reason
    aside) with no change told anywhere ("from X to Y", "by N", a measure moved to a figure), or it puts the work
    into a trial with no verdict (`ends_in_a_trial`); else None."""
    if not _past_story(round_id, question, sentences):
        return None
    closing = quote(sentences[-1], 100)
    results = [s for s, label in zip(sentences, labels) if label == "result"]
    if results and sentences[-1] in results and all(is_step(s) and not tells_outcome(s) for s in results):
        return closing
    if ends_in_a_trial(sentences[-1]):
        return closing
    if results and _responds_to_the_results(sentences, labels):
        return closing
    last = _REASON.sub("", sentences[-1])
    if is_step(last) and _patterns()[2].search(last) and not tells_outcome(last) \
            and not any(_CHANGE.search(s) or moved_a_measure(s) for s in sentences):
        return closing
    return None


# Steps after the last sentence labelled a result that make it what the work answered, not how it ended.
RESPONSE_STEPS = 2


def _responds_to_the_results(sentences: Sequence[str], labels: Sequence[str]) -> bool:
    """Does the story go on past every sentence labelled a result with steps of its own and nothing that came of them
    ("... so prices came out far too low. I rolled it back ... I spent the day pulling the affected orders ...")? A
    result that tells no outcome of its own and is answered by the steps after it is the trouble they responded to,
    and the story ends before anything came of them."""
    last = max(i for i, label in enumerate(labels) if label == "result")
    after = list(zip(sentences[last + 1:], labels[last + 1:]))
    told = [s for s, label in zip(sentences, labels) if label == "result"]
    return len(after) >= RESPONSE_STEPS and all((label == "action" or is_step(s)) and not tells_outcome(s)
                                                and not moved_a_measure(s) for s, label in after) \
        and not any(tells_outcome(s) or moved_a_measure(s) for s in told)


@lru_cache(maxsize=1)
def _in_words() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _alternation(phrases("outcome", "worded_measures")) + r")\b[^.;:]{0,40}?\b(?:" +
                      _alternation(phrases("outcome", "worded_moves")) + r")\b|\b(?:we|they|the team|the teams|people) (?:" +
                      _alternation(phrases("outcome", "stopped_having")) + r")\b", re.IGNORECASE)


def effect_in_words(sentence: str) -> str:
    """The words that tell the work's effect without a figure ("retention held and hides went down", "we stopped
    losing weekends to broken backfills"), or "" when the sentence tells none."""
    m = _in_words().search(sentence)
    return m.group(0) if m else ""
