"""The forms in which an answer says it is over, as a listening interviewer hears them (pure).

Each is read from the answer's last sentence (its last thought) and makes a sure end: said in words a
misheard transcript keeps, and never the way a thinking pause sounds. A story's result that has lasted or a
fix that keeps the fault away ("two years on it still does the job"), a result that came some time after
the action ("... and within two quarters eleven teams had moved over"), a measured improvement on a figure
the team owns ("the error dropped by a third"), a lesson ("the one thing I'd change ..."), a question that
asks what the interviewer wants or knows, a design that has reached what is watched after launch, a career
story that has reached the present (or whose last clause says how things stand now), the guard now in place
against the fault the story told of, a result told as the harm that never came ("... before any customer saw
it"), a lesson named as such ("the takeaway for me is ..."), and an estimate that states its figure in the unit
the question asks ("so about seventy-three thousand dollars a month" to "what is the monthly bill?") or one it
decides on ("so I'd design for twenty thousand a second at peak"). Short answers too: the figure a change ended at
("we ended up at forty-five milliseconds"), a principle set against what it rules out ("..., never from the first"),
a "which" question answered with the choice and its reason, a coding answer closed on its check ("which matches the
pairwise count, so it's right").
The word lists are data: `prompts/turn_end_words.toml`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from coach.content import turn_end_words
from coach.domain import Question
from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import extract
from coach.scoring.text import sentences

_SPAN = r"(?:minutes?|hours?|days?|weeks?|months?|quarters?|years?)"
_FEW = r"(?:a|an|one|two|three|four|five|six|eight|nine|ten|twelve|eighteen|a few|a couple of|several|\d+)"
# a result some time after the action, said inside the sentence: at its start the time sets a scene
# ("Within a week of joining, I noticed ...")
# ("two years on, it still ..." is later; "nine hours on rented GPUs" is where the time went)
TIME_AFTER = re.compile(rf"\b{_FEW} {_SPAN} (?:later|on(?=\s*(?:[,.;]|$|(?:i|we|it|they|she|he|that|this|our|everyone|"
                        rf"nobody|no one|still)\b)))\b|\bwithin {_FEW} {_SPAN}\b")
# ... or at the close of a period: "By the end of the first month we had one agreed metric", "By the end, four of
# the five teams ...", "by the following spring she led the review herself" (not "by the time we noticed", which
# sets a scene)
BY_THE_END = re.compile(r"(?:^|,\s*|\b(?:and|so)\s+)by the (?:end\b(?! of (?:the|that) day\b)|(?:next|following) "
                        r"(?:spring|summer|autumn|fall|winter|quarter|year|half|review|cycle|round)\b)")
# a result that has held since the change, said in the present perfect and closed on "since" ("... a schema check
# that has stopped three bad uploads since.")
# (not a fault that has lasted: "it has been broken since", "it hasn't worked since")
SINCE = re.compile(r"\b(?:has|have)\b(?! been\b)(?![^.;,]*n'?t\b)[^.;,]*\bsince\W*$")
# a fix that lasted a long span after it was made ("... and that carried us another two years"; not a stopgap that bought
# a week, which the story goes on from)
LASTED_ANOTHER = re.compile(r"\b(?:carried|bought|lasted|held|kept|served|got)\b(?: \w+){0,2}? (?:for )?another "
                            r"(?:\w+ )?(?:years?|quarters?)\b")
# a duration said as it went from one figure to another ("went from two days to about five hours", "from a week
# to a morning"): shorter is faster when the sentence says it is a time that was measured
_TO_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "month": 2629800,
               "quarter": 7889400, "year": 31557600, "afternoon": 14400, "morning": 14400, "evening": 14400}
_HEDGE = r"(?:(?:about|roughly|around|over|under|nearly|almost|just|less than|more than|a little|barely) )*"
_DURATION = (rf"{_HEDGE}(?:(?P<{{n}}>{_FEW}) (?P<{{u}}>{_SPAN[3:-1]})|an? (?P<{{p}}>afternoon|morning|evening))")
DURATION_CHANGE = re.compile(r"\bfrom " + _DURATION.format(n="n1", u="u1", p="p1") + r" to "
                             + _DURATION.format(n="n2", u="u2", p="p2") + r"\b")
# a story told to how things stand now ("six teams run on it today", "I read the labels myself now"): the present
# said with no past in the same sentence (a scene is set in the past: "now we had a problem")
NOW = re.compile(r"\b(?:now|today|these days|nowadays|to date)\b")
PAST = re.compile(r"\b(?:was|were|had|did|wasn't|weren't|didn't|until|used to|when i|when we)\b|\b\w+ed\b")
# the present perfect says how things stand now, not what was ("a guardrail I have looked at myself", "it has stopped
# three bad uploads")
PERFECT = re.compile(r"\b(?:have|has|i've|we've|they've|you've)\s+(?:(?:never|not|always|just|\w+ly)\s+)?\w+ed\b")
# ... nor does the present passive, in a story told to how things stand now ("it's owned by the platform team now")
PRESENT_PASSIVE = re.compile(r"\b(?:is|are|am|it's|that's|he's|she's|they're|we're|i'm|isn't|aren't)\s+"
                             r"(?:(?:still|now|all|also|never|not|always|just|\w+ly)\s+)?\w+ed\b")


def _past(text: str) -> bool:
    """The words tell of the past (the present perfect is no past)."""
    # ... nor is a participle made an adjective ("a well-calibrated model", "gradient-boosted trees", "the shared
    # piece", "one trained model": after an article or a determiner)
    text = re.sub(r"\b(?:the|a|an|one|each|every|our|their|its|my|your) \w+ed\b", " ", PERFECT.sub(" ", text))
    return PAST.search(re.sub(r"\b\w+-\w+ed\b", " ", text)) is not None


# ... and the irregular past of what a change did ("the new loss gave us more than a bigger model")
PAST_DONE = re.compile(PAST.pattern + r"|\b(?:gave|took|made|got|went|found|came|became|saw|brought|kept|built|wrote|"
                       r"taught|ran|led|won|cost)\b")
NEVER_AGAIN = re.compile(r"\bnever\b[^.;]*\bagain\b")
GOT_TO = re.compile(r"\b(?:got|brought) (?:us|it|them|that) (?:down |up )?to\b")
FROM_TO = re.compile(r"\bfrom\b(.*?)\bto\b(.*)$")
DURATION_INSTEAD = re.compile(rf"\b{_FEW} {_SPAN} instead of (?:the )?{_FEW} {_SPAN}\b")
CUT_BY = re.compile(r"\b(?:cut|reduced|halved|brought down)\b[^.;]*\bby (?:about |roughly |nearly |almost |over )?"
                    r"(?:a third|a quarter|half|two thirds|\w+ percent|\d+ ?%)")
FIGURE_WORDS = re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
                          r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|"
                          r"half|a few)\b")
CONCLUDES = re.compile(r"\b(?:so|that'?s|comes? to|call it|about|roughly|around|in total|all in|altogether|means)\b")
# a figure said alone ("Twelve terabytes."): the answer, stated without working
BARE_FIGURE_WORDS = 4
UNIT = {"B": r"\b(?:kilo|mega|giga|tera|peta)?bytes?\b|\b\d+ ?[kmgtp]b\b",
        "/s": r"\b(?:a|per|each) second\b|\bqps\b|/s\b",
        "$": r"\bdollars?\b|\$"}
BALLPARK = 2.0     # a final figure within twice the accepted range: the candidate's answer, right or not
PEAK = re.compile(r"\b(?:peak|busiest|busy hour|at the top)\b")
PER = re.compile(r"\b(?:per|each|for every) (\w+)")
_PERIODS = ("second", "minute", "hour", "day", "week", "month", "year")


@lru_cache(maxsize=None)
def _words(section: str, name: str) -> frozenset[str]:
    return turn_end_words.words(section, name)


def _phrase(section: str, name: str, text: str) -> bool:
    return bool(turn_end_words.pattern(section, name).search(text))


def _improved(last: str) -> bool:
    """A measured improvement on a figure the team owns, within one clause."""
    for clause in re.split(r"[,;:]| but | and ", last):
        words = re.findall(r"[a-z0-9'-]+", clause)
        bad = any(w in _words("improved", "bad_when_high") for w in words)
        good = any(w in _words("improved", "good_when_high") for w in words)
        if bad and any(w in _words("improved", "falls") for w in words):
            return True
        if good and any(w in _words("improved", "rises") for w in words):
            return True
        change = _from_to(clause)
        if change is not None and (bad and change[1] < change[0] or good and change[1] > change[0]):
            return True
    # "... retention came up about one and a half percent": its figure may have an "and" in it
    if any(_rose_by(part) for part in re.split(r"[,;:]| but ", last)):
        return True
    return bool(CUT_BY.search(last)) or bool(GOT_TO.search(last) and FIGURE_WORDS.search(last))


RESTORED = re.compile(r"\b(?:brought|got|put)\s+(?:the\s+|our\s+|its\s+|their\s+)?([\w-]+)\s+back(?:\s+(?:up|down))?"
                      r"(?:\s+to\s+(?:normal|baseline|where it (?:was|had been)))?\W*$")


def _restored(last: str) -> bool:
    """A figure the team owns brought back where it was, as the last words ("Fixing the join brought the AUC back.",
    "that got latency back down"; `prompts/turn_end_words.toml` [improved]): the fault's fix, measured. Not a thing
    brought back ("we brought the old model back" is a rollback, the story goes on)."""
    m = RESTORED.search(last.lower().strip())
    return m is not None and m.group(1) in _words("improved", "bad_when_high") | _words("improved", "good_when_high")


def _rose_by(clause: str) -> bool:
    """A rise said with "up" and the figure it rose by, said in full ("retention came up about one and a half percent";
    not "retention came up about one", where the unit may be the next word; `prompts/turn_end_words.toml` [improved]
    rises_up)."""
    said = list(turn_end_words.pattern("improved", "rises_up").finditer(clause))
    if not said or not set(re.findall(r"[a-z0-9'-]+", clause[:said[-1].start()])) & _words("improved", "good_when_high"):
        return False
    after = re.findall(r"[a-z0-9'-]+", clause[said[-1].end():])
    return (FIGURE_WORDS.search(" ".join(after)) is not None
            and not FIGURE_WORDS.fullmatch(after[-1]) and after[-1] not in ("a", "and", "point"))


def _from_to(clause: str) -> tuple[float, float] | None:
    """The two figures of "from about thirty pages a week to six", else None."""
    m = FROM_TO.search(clause)
    if m is None:
        return None
    before = find_numbers(m.group(1))
    after = find_numbers(m.group(2))
    return (before[0].value, after[0].value) if before and after else None


LESSON_WORDS = 3    # "my one regret is that we waited a month": the lesson said, not only its opening


def _lesson(last: str) -> bool:
    """A lesson, said with what it is ("the one thing I'd change is ...", "the takeaway for me is ..."): a pause
    right after the phrase ("... and my one regret") has not said it yet."""
    named = list(turn_end_words.pattern("lesson", "phrases").finditer(last))
    if named and len(re.findall(r"[\w'-]+", last[named[-1].end():])) >= LESSON_WORDS:
        return True
    better = "|".join(sorted(_words("lesson", "better")))
    if re.search(rf"\bwould have (?:\w+ ){{0,3}}(?:{better})\b", last):
        return True
    # what they would have done instead, said against what they did ("I would have talked to ops in week one instead
    # of month three")
    done = re.search(r"\b(?:i|we)(?: would| should|'d)(?: have|'ve)\b(?![^.;]*\bhad to\b)", last)
    instead = list(turn_end_words.pattern("lesson", "instead").finditer(last))
    return (done is not None and bool(instead) and instead[-1].start() > done.end()
            and len(re.findall(r"[\w'-]+", last[instead[-1].end():])) >= INSTEAD_WORDS)


INSTEAD_WORDS = 2   # "... instead of month three": what was done said, not only "instead of"


def estimate_reached(last: str, question: Question | None, decided: bool = False) -> bool:
    """The last sentence concludes the working ("so", "that's", "comes to", "call it", "about") on a figure the
    interviewer would accept as the answer: in the unit asked (bytes, a rate a second, dollars a month) and in
    the question's accepted range, at the peak when the question asks for the peak, per token when it asks per
    token. A step on the way ("half a kilobyte per user", "a billion loads a day") is another figure; a final
    figure far off the mark waits for the silence rule. With `decided` (the sentence decides on its figure, see
    `estimate_decided`), neither the concluding word nor the range is weighed."""
    estimate = question.estimate if question is not None else None
    if estimate is None or question is None:
        return False
    if not decided and not CONCLUDES.search(last) and len(re.findall(r"[\w'-]+", last)) > BARE_FIGURE_WORDS:
        return False
    answer = estimate.answer.lower()
    if PEAK.search(answer) and not PEAK.search(last):
        return False
    per_asked = {m.group(1) for m in PER.finditer(answer)} - set(_PERIODS)
    # the "per" of the concluding clause ("... over eighty per card is just over two, which means three GPUs per
    # replica"): a "per" in the working before it is a step's
    concluding = [m.start() for m in CONCLUDES.finditer(last)]
    per_said = {m.group(1) for m in PER.finditer(last[concluding[-1]:] if concluding else last)} - set(_PERIODS)
    # "per sync" to "How long does one sync take?": the thing the question asks about, said as the unit
    per_ok = per_asked | set(re.findall(r"[a-z]+", _ask(question.prompt)))
    if per_asked and not per_said & per_ok or per_said - per_ok:
        return False
    # a rate said per day or per hour when the question asks per second ("forty million a day", converted) is a
    # step of the working: the answer is said in the period asked
    figures = [q for q in extract(last, sentences(last)) if estimate.unit != "/s" or q.period_s in (0, 1)]
    return any(q.unit.split("/")[0] == estimate.unit.split("/")[0] and q.unit.startswith(estimate.unit)
               and (decided or estimate.low / BALLPARK <= q.value <= estimate.high * BALLPARK) for q in figures)


def estimate_decided(last: str, question: Question | None) -> bool:
    """The last sentence makes a decision on its figure in the unit asked: what to build for ("So I'd design for
    twenty thousand a second at peak.") or what the figure means for the system ("So about fifty gigabytes, which
    fits on one machine."). A step of the working states a figure and goes on; a decision is where the estimate was
    going, right or wrong, so its range is not weighed (`prompts/turn_end_words.toml` [estimate_decided])."""
    low = last.lower()
    if low[-1:] not in ".!":
        return False
    decides = turn_end_words.pattern("estimate_decided", "decides").search(low)
    means = list(turn_end_words.pattern("estimate_decided", "means").finditer(low))
    if decides is not None:
        return estimate_reached(low[decides.start():], question, decided=True)
    return (bool(means) and CONCLUDES.search(low[:means[-1].start()]) is not None
            and estimate_reached(low[:means[-1].start()], question, decided=True))


BASIS_WORDS = 5     # "two bytes per parameter": the factor named; a longer line is a step of its own


def _basis(last: str) -> bool:
    """A few words that name a rate per thing ("Two bytes per parameter.", "At four bytes each."), said to the full
    stop, with nothing added to the figure ("plus the cache ...", "but ...", `[estimate_basis] adds`)."""
    words = re.findall(r"[\w'-]+", last)
    return (last[-1:] in ".!" and len(words) <= BASIS_WORDS and re.search(r"\b(?:per|each|apiece)\b", last) is not None
            and not _phrase("estimate_basis", "adds", last))


def _deadline(before: str, span: str) -> bool:
    """"Within six weeks" after what was wanted or promised ("Our VP wanted it live within six weeks") is a deadline
    that sets the story up, not a result some time after (`prompts/turn_end_words.toml` [deadline])."""
    return span.startswith("within") and bool(set(re.findall(r"[a-z]+", before.lower()))
                                              & turn_end_words.words("deadline", "words"))


def _ask(prompt: str) -> str:
    """The question's last sentence: what it asks for."""
    said = [s.text for s in sentences(prompt)]
    return said[-1].lower() if said else prompt.lower()


def sure_end(last: str, kind: str, question: Question | None = None, before: str = "",
             unmarked: bool = False) -> str | None:
    """The form in which the last sentence (`before`: the one before it; `unmarked`: the words were written without
    marks) says the answer is over (a reason), else None."""
    if kind == "estimate":
        if estimate_reached(last, question):
            return "the estimate states its figure in the unit asked"
        if estimate_decided(last, question):
            return "the estimate decides on its figure: " + last[:60]
        # "... around sixty thousand at peak. I'd size for the peak.": a decision on the figure just reached
        if before and not FIGURE_WORDS.search(last) and estimate_reached(before, question):
            return "the estimate decides on the figure it reached"
        # "Fourteen gigabytes. Two bytes per parameter.": the figure, then in a few words the factor it came from
        if before and estimate_reached(before, question) and _basis(last):
            return "the estimate gives the factor behind the figure it reached"
        return None
    if _phrase("lasting", "phrases", last):
        return "a result that has lasted: " + last[:60]
    if _lesson(last):
        return "a lesson: " + last[:60]
    if kind in ("story", "plan") and (after := TIME_AFTER.search(last)) is not None and after.start() > 0 \
            and not _deadline(last[:after.start()], after.group(0)):
        return "a result some time after: " + last[:60]
    if kind in ("story", "plan") and (_by_the_end(last) or NEVER_AGAIN.search(last)):
        return "a result some time after: " + last[:60]
    # ... or a recap of the whole answer in one sentence that closes on it ("So: two-stage ranking, retrained daily,
    # and I led the team of five that owned it.")
    if kind == "story" and (before or recaps(last)) and _role_told(last, question):
        return "states the candidate's part, the last thing asked: " + last[:60]
    if kind in ("design", "technical") and last_asked_named(last, question, before):
        return "names the last thing asked and says what it is: " + last[:60]
    if kind == "plan" and _horizon(last, question):
        return "the plan has reached the end of the period asked about: " + last[:60]
    if kind == "story" and _resolves(last):
        return "the story says how it came out: " + last[:60]
    if kind in ("story", "plan") and LASTED_ANOTHER.search(last):
        return "a fix that lasted: " + last[:60]
    if kind in ("story", "plan") and SINCE.search(last):
        return "a result that has lasted: " + last[:60]
    if kind == "story" and before and _on_time(last):
        return "the story's result is the work delivered on or ahead of time: " + last[:60]
    if kind == "story" and _avoided(last):
        return "the story's result is the harm that never came: " + last[:60]
    if kind == "story" and _guarded(last):
        return "the story closes on the guard now in place: " + last[:60]
    if kind in ("story", "technical") and _now_holds(last, kind, unmarked):
        return "the story has reached how things stand now: " + last[:60]
    # a gain on paper or in a trial: the real test, where it may not hold, is still to come
    trial = _phrase("improved", "not_yet", last)
    if _final_figure(last) and not trial:
        return "the figure it ended at: " + last[:60]
    if (DURATION_INSTEAD.search(last) or _improved(last) or _faster(last) or _restored(last)) and not trial:
        return "a measured improvement: " + last[:60]
    if kind in ("design", "technical", "plan") and recaps(last):
        return "closes on a recap of its parts: " + last[:60]
    if kind in ("design", "technical", "plan") and before and recaps(before) and turns_on(last):
        return "a recap, then what the whole answer turns on: " + last[:60]
    if kind in ("design", "technical", "plan") and before and general_rule(last):
        return "closes on the general rule it draws: " + last[:60]
    if maxim(last, kind):
        return "states the principle it holds to: " + last[:60]
    if kind == "technical" and last[-1:] in ".!" and (_phrase("cost_stated", "phrases", last) or turn_end_words.pattern(
            "cost_stated", "closing", closes=True).search(last.lower())):
        return "the working closes on what it costs: " + last[:60]
    if kind == "technical" and last[-1:] in ".!" and _phrase("tested", "phrases", last) \
            and not re.search(r"\bfirst\b", last):
        return "the answer closes on how it would be tested: " + last[:60]
    if kind == "technical" and turn_end_words.pattern("checked", "verdict", closes=True).search(last.lower()):
        return "the working closes on its check: " + last[:60]
    if kind == "design" and _phrase("design_close", "phrases", last):
        return "the design has reached what is watched after launch: " + last[:60]
    if kind == "story" and last[-1:] in ".!" and NOW.search(last) and not PAST.search(PRESENT_PASSIVE.sub(" ", last)) \
            and not _phrase("present", "not_now", last):
        return "the story has reached the present: " + last[:60]
    if kind == "story" and turn_end_words.pattern("present", "opens").match(re.sub(r"^(?:and|so),? ", "", last)):
        return "the story has reached the present: " + last[:60]
    return None


# the past of a story told ("we usually retrained on Fridays"); a participle is no past ("whenever the score is used")
TOLD = re.compile(r"\b(?:was|were|had|did|wasn't|weren't|didn't|used to)\b|\b(?:i|we|they|he|she|it)(?: \w+ly)? \w+ed\b")
RULE_WORDS = 5      # "They usually don't." answers a point of the working; a rule is said in full


def general_rule(last: str) -> bool:
    """The last sentence, after the answer's own point, states the general rule it draws, in the present and with a
    word of how often it holds ("Random splits leak the future whenever time matters.", "A cache in front of it
    usually buys a year."): the conclusion of a design, technical or plan answer (`prompts/turn_end_words.toml`
    [general_rule]). Not one that opens a step ("First, ... usually ...") or sets up a contrast ("but ...")."""
    low = _opening(last.lower().strip())
    if low[-1:] not in ".!" or len(re.findall(r"[\w'-]+", low)) < RULE_WORDS or TOLD.search(low):
        return False
    if turn_end_words.pattern("general_rule", "not_opening").match(last.lower().strip()):
        return False
    return _phrase("general_rule", "how_often", low)


OWN_PLAN = re.compile(r"\b(?:i|we)(?:'d|'ll| would| will| shall| should)\b")
MAXIM_WORDS = 8     # "Build from the third copy, never the first.": a rule said in full, not "Not yet."


def maxim(last: str, kind: str = "story") -> bool:
    """The last sentence states a principle in the general present and sets it against what it rules out ("Build the
    platform from the third copy of the same thing, never from the first.", "A calibrated model beats a sharper one
    that isn't, because the auction pays on the number."): the point an answer was making, said as a rule. Not told of
    the past (a story's step), not in the first person's future or conditional ("I'd use trees, not a network" is a
    step of a design still being laid out), not a question, not announcing what comes (`prompts/turn_end_words.toml`
    [maxim]). In a story or a plan, how the candidate does a thing as a habit is one too ("I grow people by handing
    them a problem one size too big."); in a design or a technical answer that is a step ("We handle cold start by
    showing popular items.")."""
    low = _opening(last.lower().strip())
    if low[-1:] not in ".!" or len(re.findall(r"[\w'-]+", low)) < MAXIM_WORDS or _past(low):
        return False
    if _phrase("maxim", "not_a_rule", low) or turn_end_words.pattern("general_rule", "not_opening").match(low) \
            or OWN_PLAN.search(low):
        return False
    return (_phrase("maxim", "against", low) or PAIRED.search(low) is not None
            or kind in ("story", "plan") and MEANS.match(low) is not None)


# two halves of a rule, one the other's opposite, joined by a semicolon ("Buy anything that isn't your edge; build
# the part customers notice.")
PAIRED = re.compile(r"\b(?:not|never|isn'?t|aren'?t|don'?t|doesn'?t)\b[^;]*;|;[^;]*\b(?:not|never|isn'?t|aren'?t|don'?t|"
                    r"doesn'?t)\b")
# how the candidate does a thing, as a habit: "I grow people by handing them a problem one size too big." (not how
# they begin, which opens a sequence: "I start by reading the incident reports.")
MEANS = re.compile(r"(?:i|we) (?!start|begin|began|started)\w+ [^,;]*\bby \w+ing\b")


ANSWER_WORDS = 5    # the sentence after a direct answer gives its reason in full ("They're cheap to get right."), not
                    # the opening of a qualification ("But not for everything.")
LEAD_WORDS = 4      # the choice is named within the answer's first words ("Gradient-boosted trees, every time")
WHEN_WORDS = 8      # a "when" answered alone is said in full ("When the score is read as a probability, as in pricing.")


def leads_with_the_answer(first: str, last: str, sentences_said: int, question: Question | None) -> bool:
    """A design, technical or plan answer that opens on the direct answer to the question's form and backs it: one of
    the options an either-or question offers ("... trees or a neural network?" - "Trees. They're a strong
    baseline ..."), a yes or a no to a yes/no question ("Would you build a shared platform?" - "Yes, shared, but only
    for the base layer. Teams keep their own heads."), or a "when" to a "when does it matter?" question, said in
    full. A strong interviewer hears a conclusion given first and its reason after as a finished short answer
    (`prompts/turn_end_words.toml` [direct_answer])."""
    if question is None:
        return False
    asks = [a.text.lower() for a in sentences(question.prompt) if a.text.rstrip().endswith("?")]
    ask = next((a for a in asks if " or " in a and _verb_first(a)), asks[-1] if asks else _ask(question.prompt))
    first_low = _opening(first.lower().strip())
    last_low = last.lower().strip()
    # ... backed by a reason, not by a story it opens ("No. We had a bad run with that at my last company.")
    if last_low[-1:] not in ".!" or turn_end_words.pattern("direct_answer", "not_after").match(last_low) \
            or sentences_said > 1 and TOLD.search(last_low):
        return False
    opening = re.findall(r"[a-z][\w'-]*", first_low)[:LEAD_WORDS]
    backed = sentences_said >= 2 and len(re.findall(r"[\w'-]+", last_low)) >= ANSWER_WORDS
    if backed and " or " in ask and _verb_first(ask):
        left, right = ask.split(" or ", 1)
        options = set(re.findall(r"[a-z][\w'-]*", left)[-3:] + re.findall(r"[a-z][\w'-]*", right)[:3])
        options -= _words("direct_answer", "not_an_option")
        if any(w.rstrip("s") == o.rstrip("s") for w in opening for o in options):
            return True
    if backed and _verb_first(ask) and opening and opening[0] in _words("direct_answer", "yes_no"):
        return True
    if re.search(r"\bwhen (?:" + "|".join(sorted(_words("put_back", "verb_first"))) + r")\b", ask) \
            and turn_end_words.pattern("direct_answer", "when").match(first_low) \
            and (backed or sentences_said == 1 and len(re.findall(r"[\w'-]+", first_low)) >= WHEN_WORDS):
        return True
    # a question that asks which one ("Which metrics would you use ...?"), answered in one sentence that names it and
    # says why ("Precision-recall AUC, since the positives are under one percent."), or named alone and backed by the
    # next sentence ("Recall at a fixed precision, and PR AUC. Accuracy rewards a model that flags nothing.")
    which = any(re.search(r"\bwhich\b", a) for a in asks)
    return which and (sentences_said == 1 and _named_with_reason(first_low)
                      or backed and sentences_said == 2 and _named(first_low) and _said_to_its_end(last_low))


def principle_backed(first: str, last: str, sentences_said: int) -> bool:
    """A plan answer (a view asked for: "What's your view on when a team should ...?") of two sentences: a principle
    set against what it rules out ("Share the feature store, not the models.", see `maxim`), then its reason said in
    full ("Features are what every team rebuilds badly."). Not backed by a story it opens, nor by a qualification
    (`prompts/turn_end_words.toml` [direct_answer] not_after), nor hedged as a default with its exception to come
    ([maxim] hedged). In a design answer a principle opens the design, so only a plan's."""
    last_low = last.lower().strip()
    return (sentences_said == 2 and last_low[-1:] in ".!" and _said_to_its_end(last_low) and len(re.findall(r"[\w'-]+", last_low)) >= ANSWER_WORDS
            and not turn_end_words.pattern("direct_answer", "not_after").match(_opening(last_low))
            and not TOLD.search(last_low) and maxim(first, "design") and not _phrase("maxim", "hedged", first.lower()))


REASON_WORDS = 4    # the reason said in full ("since the positives are rare"), not its opening ("since the")


def _named_with_reason(first: str) -> bool:
    """The sentence names its answer in a few words with no verb or subject of its own, then gives the reason after a
    comma, to its full stop (`prompts/turn_end_words.toml` [direct_answer] reason, not_a_name)."""
    reason = turn_end_words.pattern("direct_answer", "reason").search(first)
    if reason is None or first[-1:] not in ".!":
        return False
    named = re.findall(r"[\w'-]+", first[:reason.start()])
    return (0 < len(named) <= LEAD_WORDS and named[0] not in turn_end_words.words("trailing", "words")
            and not set(named) & _words("direct_answer", "not_a_name")
            and len(re.findall(r"[\w'-]+", first[reason.end():])) >= REASON_WORDS)


NAMED_WORDS = 8     # "Recall at a fixed precision, and PR AUC.": a name, not a sentence


def _named(first: str) -> bool:
    """The sentence is a name alone, said to its full stop: a few words with no subject or verb of their own
    (`prompts/turn_end_words.toml` [direct_answer] not_a_name), none of them a connective that leaves it open."""
    named = re.findall(r"[\w'-]+", first)
    return (first[-1:] in ".!" and 0 < len(named) <= NAMED_WORDS and named[0] not in _words("trailing", "words")
            and named[-1] not in _words("trailing", "words") and not set(named) & _words("direct_answer", "not_a_name")
            and not set(named) & _words("direct_answer", "not_after"))


def _verb_first(ask: str) -> bool:
    """The question (or its clause after a comma) asks for a yes or a no, or a choice: its verb comes first ("Would you
    build ...?", "For a tabular problem, would you start with ...?")."""
    verbs = "|".join(sorted(_words("put_back", "verb_first") | {"should"}))
    return re.search(rf"(?:^|[,;:] )(?:{verbs}) (?:you|we|i|it|they|the|a|an|this|that)\b", ask) is not None


def _final_figure(last: str) -> bool:
    """The figure a change ended at, said to its full stop ("We ended up at forty-five milliseconds at p99.", "it
    landed under a dollar a thousand"): where the story or the plan came out (`prompts/turn_end_words.toml`
    [final_figure]); a pause right after the phrase ("we ended up at") has not said it yet."""
    if last[-1:] not in ".!":
        return False
    said = list(turn_end_words.pattern("final_figure", "phrases").finditer(last.lower()))
    return bool(said) and FIGURE_WORDS.search(last.lower()[said[-1].end():]) is not None


def _by_the_end(last: str) -> bool:
    """The last sentence opens on the close of a period and says what stood then ("By the end, four of the five teams
    had moved"): a pause right after the opening ("By the end, four") has not said it yet."""
    opened = BY_THE_END.search(last)
    return opened is not None and len(re.findall(r"[\w'-]+", last[opened.end():])) >= RESOLUTION_WORDS


def _said_to_its_end(sentence: str) -> bool:
    """The sentence's last word can close it: not a connective, an article or a preposition
    (`prompts/turn_end_words.toml` [trailing]); "... and I owned the model and the serving." or "... I was the tech
    lead for." stops where the speaker paused to think, whatever mark the transcriber put there."""
    words = re.findall(r"[a-z0-9']+", sentence.lower())
    return bool(words) and words[-1] not in _words("trailing", "words") - _words("trailing", "after_full_stop")


ROLE_WORDS = 3     # "I owned the model and the serving path": the part said, not only its opening ("I was the")


def _role_told(last: str, question: Question | None) -> bool:
    """The question asks last for the candidate's own part ("... the problem, the architecture and your role."), and
    the last sentence states it in a clause of its own, to its full stop ("..., and I owned the model and the serving
    path."): the last thing asked is answered (`prompts/turn_end_words.toml` [role]). Said as the first sentence, the
    role opens the answer, so the caller asks for a sentence before it."""
    if question is None or last[-1:] not in ".!" or not _said_to_its_end(last):
        return False
    asked = re.split(r"[,:;]", question.prompt.lower().rstrip(" ?.!"))[-1]
    if not _phrase("role", "asks", asked):
        return False
    low = last.lower()
    return any((m.start() == 0 or re.search(r"(?:[,;]|\band|\bso)\s*$", low[:m.start()]) is not None)
               and len(re.findall(r"[\w'-]+", low[m.end():])) >= ROLE_WORDS
               for m in turn_end_words.pattern("role", "states").finditer(low))


NAMED_AFTER_WORDS = 5   # "their blind spot is that they only see ...": what it is, said in full


def last_asked_named(last: str, question: Question | None, before: str = "") -> bool:
    """The question's last clause names the thing it asks for last ("... the metrics you'd use and their blind
    spots?"), and the answer's last clause names it for the first time and says what it is, to its full stop ("NDCG
    and recall at k, and their blind spot is that they never see items the old ranker hid."): the last thing asked
    is answered (`prompts/turn_end_words.toml` [last_asked]). The clause comes after what answers the rest: a
    sentence before it, or a clause of its own after a comma or an "and"."""
    if question is None or last[-1:] not in ".!" or not _said_to_its_end(last):
        return False
    asked = re.split(r"[,:;]| and ", _ask(question.prompt).rstrip(" ?.!"))[-1].split()
    while asked and asked[0] in _words("last_asked", "before_the_name"):
        asked = asked[1:]
    if not 0 < len(asked) <= 2 or asked[-1] in _words("last_asked", "not_a_thing"):
        return False
    name = " ".join(asked)
    stem = re.escape(name[:-1] if name.endswith("s") and not name.endswith("ss") else name)
    low = last.lower()
    says = "|".join(sorted(re.escape(w) for w in _words("last_asked", "says")))
    for m in re.finditer(rf"\b{stem}s?\s+(?:{says})\b", low):
        head = low[:m.start()]
        opens = re.search(rf"(?:^|[,;]\s*(?:and\s+)?|\band\s+)(?:(?:the|their|its|my|our|plain)\s+)?$", head)
        if opens is None or re.search(rf"\b{stem}", before.lower() + " " + head):
            continue
        if (head[:opens.start()].strip() or before) and len(re.findall(r"[\w'-]+", low[m.end():])) >= NAMED_AFTER_WORDS:
            return True
    return False


HORIZON_WORDS = 6   # what stands by then, said in full ("I'd want one improvement shipped and a roadmap agreed")
HORIZON = re.compile(r"^(?:(?:and|so),? )?by (?:the end of )?(?:(?P<unit>day|week|month) (?P<n>[\w-]+)|(?:the )?"
                     r"(?P<n2>[\w-]+)[ -](?P<unit2>day|week|month)s?(?: mark)?)\b")


def _horizon(last: str, question: Question | None) -> bool:
    """A plan's last sentence opens on the end of the period the question asks about ("... your first ninety days?" -
    "By day ninety I'd want to have ...", "By the end of the ninety days, ...") and says what stands then, to its full
    stop: the plan has reached its horizon. An earlier milestone ("By day thirty ...") is a step of it."""
    m = HORIZON.match(last.lower().strip())
    if m is None or question is None or last[-1:] not in ".!" or not _said_to_its_end(last) \
            or len(re.findall(r"[\w'-]+", last[m.end():])) < HORIZON_WORDS:
        return False
    said = find_numbers(m.group("n") or m.group("n2"))
    unit = m.group("unit") or m.group("unit2")
    asked = [n.value for n in find_numbers(question.prompt)
             if re.match(rf"[\s-]*{unit}s?\b", question.prompt[n.end:].lower())]
    return bool(said) and said[0].value in asked


FIRST_SPAN = re.compile(r"\bthe first ([\w-]+(?: [\w-]+)?) (day|week|month|quarter|year)s?\b")
ASKED_SPAN = re.compile(r"\b([\w-]+(?: [\w-]+)?)[ -](day|week|month|quarter|year)s?\b")
SAME_SPAN = 0.15    # "the first three months" is the "first ninety days" asked about: within 15 %


def names_the_period_asked(last: str, question: Question | None) -> str:
    """The span the last sentence names as "the first ..." when it is the period the question asks about, said in
    other units or not ("That's roughly how I'd spend the first three months." to "... your first ninety days?"): the
    whole plan, not its first part; "" otherwise."""
    if question is None:
        return ""
    asked = [_seconds(m.group(1).split()[-1], m.group(2), None) for m in ASKED_SPAN.finditer(question.prompt.lower())]
    for m in FIRST_SPAN.finditer(last.lower()):
        said = _seconds(m.group(1).split()[-1], m.group(2), None)
        if said and any(a and abs(said - a) <= SAME_SPAN * a for a in asked):
            return m.group(0)
    return ""


def _seconds(number: str | None, unit: str | None, part: str | None) -> float | None:
    if part:
        return float(_TO_SECONDS[part])
    said = find_numbers(number or "")
    count = said[0].value if said else (1.0 if number in ("a", "an", "one") else None)
    return None if count is None or unit is None else count * _TO_SECONDS[unit.rstrip("s")]


def _faster(last: str) -> bool:
    """A time the team measured, said as it went from one duration to a shorter one ("the time to ship a retrained
    model went from two days to about five hours"; `prompts/turn_end_words.toml` [improved] durations)."""
    for m in DURATION_CHANGE.finditer(last):
        if not set(re.findall(r"[a-z]+", last[:m.start()])) & _words("improved", "durations"):
            continue
        before = _seconds(m.group("n1"), m.group("u1"), m.group("p1"))
        after = _seconds(m.group("n2"), m.group("u2"), m.group("p2"))
        if before is not None and after is not None and after < before:
            return True
    return False


def _avoided(last: str) -> bool:
    """A story's result told as the harm that never came (`prompts/turn_end_words.toml` [avoided]), said to the
    word after the phrase ("... without a single" has not said what)."""
    said = list(turn_end_words.pattern("avoided", "phrases").finditer(last))
    return (bool(said) and re.search(r"[\w'-]", last[said[-1].end():]) is not None
            and not _phrase("avoided", "not_yet", last))


EARLY = re.compile(rf"\b{_FEW} {_SPAN} (?:early|ahead)\W*$")


def _on_time(last: str) -> bool:
    """A story's result told as the work delivered on or ahead of its date, in the past, in the last clause and as its
    last words ("He delivered the pipeline a week early."; `prompts/turn_end_words.toml` [on_time]); not a date aimed
    at ("we had to ship on time"), nor the date met with more to say ("We launched on time with the simpler model
    ..."). The caller asks for a sentence before it: "We launched on time." may open the story."""
    low = last.lower().strip()
    if low[-1:] not in ".!" or _phrase("avoided", "not_yet", low):
        return False
    clause = re.split(r"[,;:]| but ", low)[-1]
    verb = next((m for m in re.finditer(r"[a-z]+", clause) if m.group(0) in _words("on_time", "delivered")), None)
    return verb is not None and (turn_end_words.pattern("on_time", "when", closes=True).search(clause[verb.end():])
                                 is not None or EARLY.search(clause[verb.end():]) is not None)


GUARD_WORDS_AFTER = 4   # "... a check that fails if any feature arrives late": the condition said in full


def _guarded(last: str) -> bool:
    """A story's last sentence names the guard now in place against the fault it told of
    (`prompts/turn_end_words.toml` [guard]), with its condition said in full."""
    m = None
    for m in turn_end_words.pattern("guard", "phrases").finditer(last):
        pass
    if m is None or len(re.findall(r"[\w'-]+", last[m.end():])) < GUARD_WORDS_AFTER:
        return False
    # put in place by the team ("we added a test that fails if ..."), not one that was there all along ("our job
    # has a check that fails if ...", which sets the scene)
    return any(w in _words("guard", "put_in") for w in re.findall(r"[a-z']+", last[:m.start()]))


SUBJECT = re.compile(r"(?:(?:and|so|but),? )?(?:i|we|they|he|she|it|everyone|everybody|nobody|every \w+|each \w+)\b")
NOW_WORDS = 4           # "now I audit a sample myself": a clause, not "and now the run"


def _now_holds(last: str, kind: str, unmarked: bool = False) -> bool:
    """The last clause says how things stand now, in the present with no past in it: one that opens on "now",
    said to its full stop ("Trusting the vendor labels cost us a quarter, so now I audit a sample myself."), or one
    that ends on it ("I check every contract myself now"). In a technical answer "now" is as often a step of a working
    ("now we compute the gradient"), so there only a clause that follows a past one, the change and what it left
    (`prompts/turn_end_words.toml` [present] not_now: the "now" that sets a scene or turns to the next point).
    In words written without marks (`unmarked`) the clause opened on "now" is said to the pause: whether it stops
    mid-way the words alone say, and `broken_off` has weighed them ("so now I never ship without a guardrail")."""
    low = last.lower().strip()
    if low.endswith("?") or _phrase("present", "not_now", low):
        return False
    said = list(re.finditer(r"\bnow\b", low))
    if not said:
        return False
    now = said[-1]
    before = low[:now.start()].rstrip()
    if re.fullmatch(r"[.!?\s]*", low[now.end():]):
        # "... i do that with every new hire now": the clause from the last comma
        # said by a subject of its own ("... the pipeline we run now" may go on: "... has three stages")
        clause = re.split(r"[,;:]", before)[-1].strip()
        return (kind == "story" and len(re.findall(r"[\w'-]+", clause)) >= NOW_WORDS
                and SUBJECT.match(clause) is not None and not _past(clause))
    opens = before == "" or before[-1:] in ",;:" or re.search(r"\b(?:and|so)$", before) is not None
    clause = low[now.end():]
    if not opens or low[-1:] not in ".!" and not unmarked or len(re.findall(r"[\w'-]+", clause)) < NOW_WORDS or _past(clause):
        return False
    return kind == "story" or bool(PAST_DONE.search(before))


def _resolves(last: str) -> bool:
    """The last sentence opens on how the story came out ("In the end we ...") and says it, to its full stop: a
    transcriber's full stop at a thinking pause ("... In the end.") has said nothing yet."""
    low = re.sub(r"^(?:and|so|but),? ", "", last.lower().strip())
    opened = turn_end_words.pattern("resolution", "opens").match(low)
    return (opened is not None and low[-1:] in ".!"
            and len(re.findall(r"[\w'-]+", low[opened.end():])) >= RESOLUTION_WORDS)


RESOLUTION_WORDS = 4


def recaps(last: str) -> bool:
    """The last sentence, said to its full stop, opens on a recap ("so", "short version", "in short") and lists
    three or more parts; not the question restated to check it was understood."""
    low = last.lower().strip()
    if low[-1:] not in ".!" or not turn_end_words.pattern("recap", "opens").match(low) \
            or _phrase("recap", "restates", low):
        return False
    parts = [p for p in re.split(r"[,;:]\s*", low.rstrip(".!")) if p.strip()]
    return len(parts) >= RECAP_PARTS and bool(LAST_ITEM.search(low))


RECAP_PARTS = 3
LAST_ITEM = re.compile(r"(?:[,;:]\s*|\w )(?:and|or) ")
TURNS_ON_WORDS = 16     # the point drawn from a recap, said in one short sentence


def turns_on(last: str) -> bool:
    """One short sentence, said to its full stop, that names what the whole answer turns on ("It all comes down to
    where the two thresholds sit."; `prompts/turn_end_words.toml` [recap] turns_on)."""
    low = last.lower().strip()
    m = turn_end_words.pattern("recap", "turns_on").search(low)
    return (m is not None and low[-1:] in ".!" and _said_to_its_end(low)
            and len(re.findall(r"[\w'-]+", low)) <= TURNS_ON_WORDS
            and len(re.findall(r"[\w'-]+", low[m.end():])) >= RESOLUTION_WORDS - 1)


def asks_the_interviewer(last: str) -> bool:
    """A question put back that asks what the interviewer wants or knows, not a rhetorical one: one of the
    phrases that ask, a clarifying question before the answer starts, or a yes/no question to the interviewer
    opening the sentence or a clause of it; in words written without marks, a yes/no question to the interviewer
    as the last clause."""
    low = last.lower().rstrip()
    if _phrase("put_back", "rhetorical", low):
        return False
    if low.endswith("?"):
        opened = _opening(low)
        if _phrase("put_back", "asks", low) or turn_end_words.pattern("put_back", "clarifies").match(opened) \
                or _phrase("put_back", "about_them", low):
            return True
        return any((m.start() == 0 or opened[:m.start()].rstrip()[-1:] in ",:;") and not _reported(opened[:m.start()])
                   for m in turn_end_words.pattern("put_back", "yes_no").finditer(opened))
    if low[-1:] in ".!":
        return False
    asked = list(turn_end_words.pattern("put_back", "yes_no_unmarked").finditer(low))
    return (bool(asked) and len(low[asked[-1].end():].split()) <= UNMARKED_QUESTION_WORDS
            and not _reported(low[:asked[-1].start()])) or asks_what_they_want(low)


def asks_what_they_want(last: str) -> bool:
    """A question, written without its mark, that asks what the interviewer wants of the candidate ("what do you want
    me to go deeper on", "which part would you like me to expand"; `prompts/turn_end_words.toml` [put_back]
    wants_of_me): what is wanted said, the "you" asked a few words before it and not reported ("he said what do you
    want me to do"). Unlike a question the candidate puts to themselves, it may follow a wh-word."""
    low = last.lower().rstrip()
    if low[-1:] in ".!?":
        return False
    wants = list(turn_end_words.pattern("put_back", "wants_of_me").finditer(low))
    if not wants or not WANTED_WORDS <= len(low[wants[-1].end():].split()) <= UNMARKED_QUESTION_WORDS:
        return False
    clause = re.findall(r"[a-z']+", re.split(r"[,;:.]", low[:wants[-1].start()])[-1])[-WANTS_ASKED_WORDS:]
    return "you" in clause and not set(clause) & REPORTING


WANTED_WORDS = 2          # what is wanted, said ("... want me to go deeper on"), not only "do you want me to"
WANTS_ASKED_WORDS = 5     # "which part would you like me to ...": the "you" asked, a few words before
REPORTING = frozenset("said says asked asks told tells".split())


_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}


def closes_the_steps(last: str, before: str) -> bool:
    """A story that has told a process step by step ("Offline replay, then a shadow week, then a canary.") and closes
    on what passing all of it meant ("A new version had to pass all three.", "Only after all three passed did we
    ramp."): the last sentence counts the steps just told, as many as the sentence before gave, with none of them
    said to fail (`prompts/turn_end_words.toml` [steps_closed])."""
    m = re.search(r"\ball (two|three|four|five)\b", last)
    if m is None or last[-1:] not in ".!" or _phrase("steps_closed", "went_wrong", last):
        return False
    steps = [p for p in re.split(r",\s*(?:and\s+)?|\s+then\s+", before.rstrip(".!")) if p.strip()]
    return " then " in f" {before} " and len(steps) == _COUNTS[m.group(1)]


def asks_about_the_problem(last: str) -> bool:
    """A yes/no question about the problem itself, its verb first and its subject a thing named ("Do the past tickets
    include the agents' answers?", "Is the latency budget per request or per page?"), not the candidate ("do we ...",
    "should I ...", handled as put back or self-asked) nor a pronoun for what was just said ("does that work?", a
    question the candidate answers next); `prompts/turn_end_words.toml` [put_back] about_the_problem."""
    low = _opening(last.lower().strip())
    if not low.endswith("?"):
        return False
    verbs = "|".join(sorted(_words("put_back", "verb_first")))
    names = "|".join(sorted(_words("put_back", "names_a_thing")))
    return re.match(rf"(?:{verbs}) (?:{names})\b", low) is not None and not _phrase("put_back", "rhetorical", low)


MATTERS_WORDS = 14     # why the answer matters, said in one short sentence: a longer one goes on to answer anyway
MATTERS_AFTER_WORDS = 1   # what it decides, named ("That changes where I'd look first."), not "That decides."
MATTERS_UNMARKED_WORDS = 3   # ... said without its full stop, in full ("that'd change where i start")
FIRST_PERSON = re.compile(r"\b(?:i|we|me|us|my|our)\b")


def asks_then_says_why(asked: str, last: str, first: bool = True) -> bool:
    """A question about the problem put to the interviewer, then in one short sentence, to its full stop, why its answer
    matters to the answer ("Is the budget per request or per page? That changes where I'd cut first."): the candidate
    waits to be told (`prompts/turn_end_words.toml` [put_back] matters). The question asks what the interviewer
    knows: one that asks what they want or know ("Before I start, ...", "Do you have labels ...?"), or, as the answer's
    `first` sentence, a yes/no one about a thing named ("Is the A/B loss on ...?") or one that asks which or what of
    the problem, in the present and with no first person in it ("Which markets carry legal risk?"; later in an answer
    either is as often a question the candidate puts to themselves and answers next); not one the candidate asks
    themselves ("So why didn't the alert fire?", "What did we miss?"), nor a reason that does not wait for the answer
    ("..., but let's assume it does")."""
    q, low = asked.lower().strip(), last.lower().strip()
    # said without its full stop ("that'd change where I start"), what it changes is said in full: the words alone
    # say whether it stops there
    unmarked = low[-1:] not in ".!?"
    if not q.endswith("?") or low[-1:] not in ".!" and not unmarked \
            or len(re.findall(r"[\w'-]+", low)) > MATTERS_WORDS or not _said_to_its_end(low):
        return False
    said = list(turn_end_words.pattern("put_back", "matters").finditer(low))
    # "That changes where." / "Those lead to very different.": what it changes is not said yet
    if not said or len(re.findall(r"[\w'-]+", low[said[-1].end():])) < MATTERS_AFTER_WORDS + unmarked * \
            (MATTERS_UNMARKED_WORDS - MATTERS_AFTER_WORDS) or _phrase("put_back", "goes_ahead", low):
        return False
    if asks_the_interviewer(q) or first and asks_about_the_problem(q):
        return True
    opened = q.split()[0] if q.split() else ""
    return (first and opened in _words("put_back", "asks_what") and not FIRST_PERSON.search(q) and not _past(q)
            and not _phrase("put_back", "rhetorical", q))


def _reported(before: str) -> bool:
    """The question is one the candidate asks themselves or reports ("so what do you do ...", "the question was,
    do we retrain daily?"): the word before it is a wh-word or one that reports a question."""
    words = re.findall(r"[a-z']+", before)
    return bool(words) and words[-1] in _words("put_back", "reported_by")


# a yes/no question at the end of words written without marks: the question is the last clause
UNMARKED_QUESTION_WORDS = 10


def _opening(low: str) -> str:
    return re.sub(r"^(?:and|so|but|okay|ok|well),? ", "", low)
