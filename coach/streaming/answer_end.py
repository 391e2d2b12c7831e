"""Is the answer over? The words so far, read as an interviewer would at a pause (pure).

A pause after a finished sentence is not yet the end of an ANSWER. A strong interviewer waits
when the answer is visibly mid-way, and replies at once when it has reached its point:

- goes on: a list announced and not finished ("I had two concerns. One was ..."), a sequence
  opened and not continued ("First we profiled ...", "In the first month ..."), a story that has
  only set the scene or given an action (the scorer's STAR labels: the last sentence is
  situation, task or action), a design or technical answer of one or two sentences;
- ends: a wrap-up or a lesson ("that's about it", "looking back ...", "I'd make the same call
  again", "since then ..."), a hand-back ("happy to go deeper on any part"), a question put back to
  the interviewer (a "you" in the last sentence's question), a story whose last sentence is its result, a design answer of three
  or more parts that closes on how it is measured, rolled out or run, a technical answer of three
  or more sentences, an estimate that has reached its figure after working to it;
- unsure: anything else.

`judge(text, kind)` gives the verdict with its reasons; `wait_s` turns it and the audio model's
verdict into how long a pause must last before the turn ends (a graded wait: 0.5 s, 1.8 s or the
silence rule's 2.5 s).

Sure or not: an "end" is `sure` only when the answer says so in words a misheard transcript keeps: a
wrap-up or a lesson ("so that's how ...", "looking back", "we have not had one since"), a question that asks
what the interviewer wants, or one of the forms of `coach.streaming.end_forms` (a result that has lasted, a
measured improvement, an estimate's figure in the unit asked, ...), read from the last thought (the last
sentence with the part before it that a thinking pause split off). An "end" read
from the scorer's STAR label of the last sentence (a measured change included: "traffic went from two
hundred to three thousand a second" sets many a scene), or from how many sentences a design,
technical, plan or estimate answer has, is right on written pauses but flips on a live transcript's
mishearing and mis-split sentences: "The trade off was a slightly stapler index,
which we, you know, accepted." came back labelled the story's result and ended a live answer 11.6 s
early. Only a sure end is taken at once; any other waits as long as the silence rule.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from coach.content import turn_end_words
from coach.domain import Question
from coach.scoring.star import analyse
from coach.scoring.text import sentences
from coach.streaming import end_forms

# The question's kind, from its round; a question the bank marks `hypothetical` asks for a plan.
KIND_BY_ROUND = {"behavioral": "story", "cross-functional": "story", "deep-dive": "story",
                 "hiring-manager": "story", "recruiter": "story", "system-design": "design",
                 "technical-screen": "technical", "coding": "technical", "napkin-math": "estimate"}

_NUM = r"(?:two|three|four|five|six|a few|a couple of|several)"
_ITEMS = (r"(?:things|reasons|parts|pieces|steps|levels|layers|stages|ways|levers|concerns|options|"
          r"problems|lessons|phases|areas|questions|suspects|changes|risks|goals|components|sources)")
ANNOUNCED = re.compile(rf"\b{_NUM} (?:\w+ )?{_ITEMS}\b")
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a couple of": 2}
# A list named as told ("those are the three things I'd check"): a wrap-up. "All of them" and "both of those" only
# point back at things named before, which may be the ones the same sentence has just counted and not yet told ("a
# release gate with three checks, and a model had to pass all of them"): they keep a count from reading as a list
# still to come, but close nothing.
LIST_TOLD = re.compile(rf"\b(?:those|these) (?:are|were) (?:the|my) {_NUM} {_ITEMS}\b")
WRAP_LIST = re.compile(LIST_TOLD.pattern + r"|\b(?:both|all) of (?:those|them)\b")
OPENS = re.compile(r"^(?:so,? )?(?:first(?:ly)?,?\b|the first (?:thing|step|one|is|was|layer|part)\b|to start\b|"
                   r"i'?d start (?:by|with)\b|i would start (?:by|with)\b|let me start\b|one is\b|one was\b|"
                   r"the simplest version\b|in the first (?:month|week|quarter|year|few weeks)\b)")
CONTINUES = re.compile(r"^(?:then|next|second(?:ly)?|after that|the second|the other|another|also|and|finally|"
                       r"last(?:ly)?|third|by the|in the (?:second|third|next)|once|only then|beyond)\b")
_PROBLEM_NAMED = re.compile(r"\s*(?:the|our|my|a|one|their|your|basically the|really the|roughly the)\s+(?:\w+\s+)?"
                            + turn_end_words.pattern("next_topic", "problem_named").pattern)
WRAP = re.compile(
    r"\bthat'?s (?:about it|it\b|all|the one|how (?:it|we|that|i|you)|what i'?d|the (?:story|gist|design|plan))"
    # ... "how" said with an adverb ("that's roughly how I'd spend the quarter")
    r"|\bthat'?s (?:roughly|basically|more or less|pretty much|broadly) how (?:it|we|that|i|you)\b"
    # ... said with an adverb ("that's really it", "that's pretty much all")
    r"|\bthat'?s (?:really|basically|honestly|pretty much|just) (?:it|all)\b"
    r"|\bso that'?s\b|\bthose are the\b|\bi think that covers\b|\bthat covers\b|\bso (?:overall|in short|end to end)\b"
    r"|\bin hindsight\b|\bthat(?:'?s| is| would be) my \w+\W*$|\blooking back\b|\bi'?d (?:make the same calls?|do it again|do the same)\b"
    # the lesson as what they would do another time ("I'd measure first next time", "next time I'd ask sooner",
    # "if I did it again I'd ...", "what I'd do differently is ...")
    r"|\b(?:i|we)(?:'d| would)\b[^.?!]*\bnext time\b|\bnext time,? (?:i|we)(?:'d| would|'ll| will)\b"
    # ... with the "I'd" lost by the transcriber ("I measured before optimizing the model next time because ..."):
    # what they did is never done "next time", unless a new scene opens ("the next time it broke, we ...")
    r"|\b(?:i|we) [a-z']+\b[^.?!]*(?<!the )\bnext time\b(?!,? (?:it|the|we|i|they|that|this|he|she|there|a|an|our|my|"
    r"someone|somebody|something)\b)"
    r"|\bif (?:i|we) (?:did|had to do) (?:it|that|this) (?:again|over)\b|\b(?:do|done) (?:it |things )?differently\b"
    r"|\bi(?:'m| am) (?:glad|proud)\b|\bwhich is how i knew\b|\bwhat i (?:took|learned|learnt) from\b"
    r"|\bi learned\b|\bi learnt\b|\bthe lesson\b|\bsince then\b|\bever since\b|\bto this day\b"
    r"|\b(?:it'?s|is) now (?:required|the|part)\b|\bwe (?:still|haven'?t had|have not had|have never had)\b|\bnow (?:runs|leads|the person)\b"
    r"|\bwithin (?:six|three|a few) months\b|\ba year later\b|\bbecame (?:part|the)\b"
    # closings in other words: the answer named as done ("that's the whole thing", "that's my plan", "so that
    # was the incident, start to finish"), handed back ("happy to go deeper on any part"), a fix that keeps
    # the fault from coming back ("so it couldn't happen silently again"), a result years on
    r"|\bthat'?s (?:the whole (?:thing|story|answer)|my (?:rough |short |basic |overall )?(?:plan|answer|story)|the short version)\b"
    # ... the answer named by what it was, as its last words ("and that's my monitoring design")
    r"|\bthat'?s my (?:\w+ ){0,2}(?:plan|answer|story|design|approach|proposal|pitch)\W*$"
    r"|\bthat'?s (?:really |basically )?why\W*$|\bso that was the\b|\bstart to finish\b"
    # ... what was aimed at, said as reached ("that's roughly what I'm after", "and that's how a vague ask became
    # a plan"), the steps said to their last ("... and you're done")
    r"|\bthat'?s (?:\w+ )?what i'?m (?:after|aiming for|hoping for|looking for)\b|\band that'?s how\b"
    r"|\b(?:you'?re|we'?re) done\W*$"
    # where to begin, decided on what was just said ("... fits on one big machine, so I'd start there"): not "I'd
    # start by ...", which opens a sequence
    r"|\b(?:i'?d|i would|we'?d|we would|i'?ll|let'?s) (?:start|begin) there\b|\bthat'?s where i'?d (?:start|begin)\b"
    # the answer let go of with a filler ("... So yeah.", "um, yeah")
    r"|^(?:(?:so|um|uh|and|but|yeah),? )+yeah\W*$"
    r"|\bhappy to (?:go (?:deeper|into)|expand|elaborate|say more)\b"
    r"|\b(?:couldn'?t|can'?t|won'?t|wouldn'?t) happen (?:\w+ )?again\b|\bnever happened again\b"
    r"|\b(?:two|three|four|five|several) years later\b")
# A question put back to the interviewer as the last sentence ("Where would you like me to go deeper?",
# "Do you know roughly what share of them were actionable?"): the turn is handed over. Not sure: the
# question mark is Whisper's, and a rhetorical question ("so what does that tell us?") has no "you".
PUT_BACK = re.compile(r"\b(?:you|your)\b[^?]*\?\s*$")
CLOSING_PART = re.compile(r"\b(?:a/?b test|experiment|monitor|alert|dashboard|retrain|rollout|roll it out|ramp|"
                          r"canary|shadow|guardrail|fallback|autoscal|audit|offline|online|ndcg|recall|precision|"
                          r"mean absolute error|on-time|feedback|labels? as|flow back)")
# A measured change ("p99 went from three hundred milliseconds to ninety", "cut the bill by half"):
# an outcome, whatever the STAR labeller makes of the sentence.
MEASURED_CHANGE = re.compile(r"\b(?:went|dropped|fell|rose|grew|came down|cut|brought|reduced|improved|increased|"
                             r"decreased|moved)\b[^.]*\b(?:from|to|by)\b[^.]*(?:\d|percent|half|hundred|thousand|"
                             r"twice|times|third|quarter|tenth)")
FIGURE = re.compile(r"\b(?:\d[\d,.]*|hundred|thousand|million|billion|terabytes?|gigabytes?|petabytes?)\b")
# A thinking pause Whisper wrote as an ellipsis with the sentence going on after it ("and then we...
# ran a shadow test"): one sentence, not two (the second, alone, read as the story's result).
PAUSE_MID_SENTENCE = re.compile(r"(?:\.\.\.|…)\s+(?=[a-z])")
SELF_ASKED = re.compile(r"^(?:so|and|but|well)\b|\b(?:i|we|me|us|my|our)\b")
OF_THOSE = re.compile(r"\bof (?:those|these|them)\W*$")
JOINS = re.compile(r"^(?:and|but|so|which|while|whereas)\b")
# A wrap-up that may open an answer ("Looking back, ..."): with nothing before it, an end but not a sure one.
# The others point back at what was told ("what I took from it", "since then") and cannot open one.
OPENS_AN_ANSWER = re.compile(r"^(?:so,? |and,? )?(?:looking back|in hindsight|overall|in short|end to end|"
                             r"that'?s (?:about )?it\b)")


def trailing() -> frozenset[str]:
    """Words a finished answer does not end on: connectives, articles, prepositions, fillers
    (`prompts/turn_end_words.toml` [trailing])."""
    return turn_end_words.words("trailing", "words")


def hands_back(sentence: str) -> bool:
    """The sentence hands the turn back in so many words ("I can go into either of those if you want.",
    "Which part should I dig into?"; `prompts/turn_end_words.toml` [hand_back])."""
    low = sentence.lower().strip()
    deferred = turn_end_words.pattern("hand_back", "deferred")
    return any(not _put_off(deferred, low[:m.start()])
               for m in (turn_end_words.pattern("hand_back", "closing", closes=True).search(low),
                         turn_end_words.pattern("hand_back", "offers").search(low)) if m is not None)


def _put_off(deferred: re.Pattern[str], before: str) -> bool:
    """The words before a closing put it off until something still to say ("... and then I'm done")."""
    return any(m.end() >= len(before.rstrip(" ,")) for m in deferred.finditer(before))


def offers_more_on_those(last: str) -> bool:
    """The last sentence closes or hands back and stops on what it offers to say more about ("happy to dig into any
    of those"): the demonstrative stands for the parts just told, not for a noun still to come."""
    low = last.lower().strip()
    return OF_THOSE.search(low) is not None and (hands_back(low) or WRAP.search(low) is not None)


def closes(sentence: str) -> bool:
    """The sentence wraps the answer up or hands the turn back ("That's my plan.", "That's about it.")."""
    low = sentence.lower().strip()
    return (hands_back(low) or WRAP.search(low) is not None or LIST_TOLD.search(low) is not None
            or names_the_whole(low)) and not names_a_part(low) and not _announces(low)


def names_a_part(last: str) -> bool:
    """The last sentence points back at what was just said and names it as one part of the answer ("That was
    the first mistake.", "That's the easy half."): a setup for what comes next, however final it sounds
    (`prompts/turn_end_words.toml` [part_done])."""
    low = re.sub(r"^(?:and|so|but|well),? ", "", last.lower().strip())
    if not turn_end_words.pattern("part_done", "points_back").match(low):
        return False
    kept = turn_end_words.pattern("part_done", "not_part").sub(" ", low)
    return bool(turn_end_words.pattern("part_done", "part").search(kept))


def thinks_aloud(last: str) -> bool:
    """The last sentence says the candidate is still thinking ("Good question, let me think.", "Hmm, bear with
    me."): however it is punctuated, the answer is still to come (`prompts/turn_end_words.toml` [thinking])."""
    return bool(turn_end_words.pattern("thinking", "phrases").search(last.lower()))


WHOLE_LONGEST = 10     # words: a longer sentence that starts "that's the whole ..." is saying more


def names_the_whole(last: str) -> bool:
    """A short last sentence that points back at what was said and names it as the whole answer ("That's the
    core of it.", "that's me in a nutshell"; `prompts/turn_end_words.toml` [whole_done])."""
    low = re.sub(r"^(?:and|so|but|well),? ", "", last.lower().strip())
    words = re.findall(r"[\w'-]+", low)
    return (bool(turn_end_words.pattern("part_done", "points_back").match(low))
            and len(words) <= WHOLE_LONGEST
            and bool(turn_end_words.pattern("whole_done", "names").search(low))
            and not turn_end_words.pattern("whole_done", "negations").search(low) and not names_a_part(low))


def broken_off(text: str) -> str | None:
    """Words written down as said, with no full stop at the end (the writer's or Whisper's): a last
    sentence only just begun ("... In the second month", "... Instead") or one that stops on a
    connective, an article or a filler ("... numbers and then"); the reason, else None."""
    text = text.strip()
    if not text or text[-1] in ".?!\"'”’":
        return None
    last = re.split(r"(?<=[.?!])\s+", text)[-1]
    words: list[str] = re.findall(r"[a-z0-9']+", last.lower())
    if words and words[-1] in trailing():
        return "the words stop on '" + words[-1] + "'"
    if len(words) < 5:
        return "a sentence only just begun: " + last[:40]
    return None


@dataclass(frozen=True)
class Verdict:
    says: str                    # "end", "unsure" or "goes_on"
    reasons: tuple[str, ...]
    sure: bool = False           # an "end" said in words a misheard transcript keeps (see the module's docstring)


def question_kind(question: Question | None) -> str:
    """story, design, technical, estimate or plan (the bank's `hypothetical`); story when nothing is known."""
    if question is None:
        return "story"
    if question.hypothetical:
        return "plan"
    return KIND_BY_ROUND.get(question.round, "story")


def _open_list(texts: list[str]) -> str | None:
    """A list announced and not yet given in full: the announcing sentence, else None."""
    for i, low in enumerate(texts):
        for m in ANNOUNCED.finditer(low):
            if WRAP_LIST.search(low):
                continue
            want = _COUNT.get(m.group(0).split(" ")[0] if not m.group(0).startswith("a ") else
                              " ".join(m.group(0).split(" ")[:3]), 2)
            rest = low[m.end():]
            if ":" in rest[:3] or rest.count(",") + rest.count(" and ") >= want - 1 and len(rest.split()) > 6:
                continue            # the items follow in the same sentence
            if len(texts) - 1 - i < want:
                return low
    return None


def _announces(sentence: str) -> bool:
    """The sentence announces things still to come ("I did three things, and only the last one worked"), not ones
    just told ("those two changes", "both of them") nor ones it gives after a colon."""
    return any(not re.search(r"\b(?:those|these|the|both|all|my)\s+$", sentence[:m.start()]) and ":" not in sentence[m.end():]
               and not WRAP_LIST.search(sentence) for m in ANNOUNCED.finditer(sentence))


def last_thought(texts: list[str]) -> str:
    """The last sentence with those before it that it goes on from: the transcriber splits a sentence at a
    thinking pause, and the part before stops on a connective, an article or a filler ("I'd measure first
    next time, because the." + "Biggest saving was in the data."). The lesson is in the whole thought."""
    i = len(texts) - 1
    keep = trailing() - turn_end_words.words("trailing", "after_full_stop")
    while i > 0:
        words = re.findall(r"[a-z0-9']+", texts[i - 1])
        if not words or words[-1] not in keep or _a_noun(words):
            break
        i -= 1
    return " ".join(t.rstrip(".,") if j < len(texts) - 1 else t for j, t in enumerate(texts[i:], start=i))


def _a_noun(words: list[str]) -> bool:
    """The last word is a filler's word used as a noun, after an article ("... for the sort.", "plus the final
    sort.")."""
    return (len(words) > 1 and words[-1] in turn_end_words.words("trailing", "nouns_after_article")
            and bool(set(words[-3:-1]) & turn_end_words.words("trailing", "articles")))


def judge(text: str, kind: str = "story", question: Question | None = None) -> Verdict:
    """What the words so far say about the answer being over, with the reasons (`question`, when known: what
    was asked, which an estimate's figure is read against)."""
    # "... the model next time. because the biggest saving was in the data": a reason the transcriber cut off at a
    # breath belongs to the sentence before it
    text = _CUT_REASON.sub(" ", text)
    if (cut := decimal_cut(text)):
        # "... or in gibibytes about thirteen point": a figure half said, whatever came before it
        return Verdict("goes_on", (f"the words stop inside a figure ('{cut}')",))
    verdict = _judge(text, kind, question)
    if verdict.sure and kind != "estimate" and figure_cut(text):
        return Verdict(verdict.says, verdict.reasons + ("but the words stop on a bare figure",))
    if verdict.sure and (word := stops_on_a_connective(text)):
        # "By day ninety I'd want to have." / "... and I owned the model and the.": the full stop is the transcriber's,
        # put at a thinking pause mid-sentence; a finished answer does not end on a connective or an article
        return Verdict(verdict.says, verdict.reasons + (f"but the words stop on '{word}'",))
    if verdict.sure and (cut := stopped_mid_thought(text)):
        # "... and then we, you know. Now, accept it.": the full stop is the transcriber's, put where the speaker
        # paused to think; whatever it heard after it may be the thought going on, misheard
        return Verdict(verdict.says, verdict.reasons + (f'but a sentence before it stops mid-thought ("{cut}")',))
    return verdict


def stops_on_a_connective(text: str) -> str:
    """The last word when the words stop on one no finished sentence ends on, whatever mark the transcriber put after
    it ("... and written down the."; `prompts/turn_end_words.toml` [trailing] never_last); "" otherwise."""
    words = re.findall(r"[a-z0-9']+", text.lower())
    return words[-1] if words and words[-1] in turn_end_words.words("trailing", "never_last") else ""


def stopped_mid_thought(text: str) -> str:
    """The end of the sentence just before the last when it stops mid-thought: on a filler said as a phrase (", you
    know.") or on a bare subject ("and then we."); "" otherwise. (A cut further back was a pause the answer has
    since gone on from.)"""
    sents = [t.strip() for t in re.split(r"(?<=[.!?])\s+", text.strip()) if t.strip()]
    if len(sents) < 2 or sents[-2].endswith(("...", "…")) and sents[-1][:1].islower():
        return ""       # "because the uh... biggest saving was ...": the thought went on, only the mark was a pause
    low = sents[-2].lower().rstrip(".!?")
    return low[-30:] if turn_end_words.pattern("trailing", "mid_thought", closes=True).search(low) else ""


# A figure whose unit may still be coming ("... we were back under thirty", "... at roughly five"): the words end on
# a number, not at the end of a change said from one figure to another ("went from five rotations to two") nor on
# things counted ("those are the two", "it had to pass all three"); an estimate's figure is read against the question
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                         "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
                         "thousand million billion and a point".split())
COUNTED_AFTER = frozenset("to the all both of".split())


_CUT_REASON = re.compile(r"\.\s+(?=(?:because|since|so that)\s+\w+\s+\w+\s+\w+)")


def decimal_cut(text: str) -> str:
    """The last two words when they are a figure and its decimal point, the digits after it not yet said ("thirteen
    point", "2 point"); "" otherwise."""
    words = [w.strip(".,") for w in re.findall(r"[a-z0-9][a-z0-9,.'-]*", text.lower())]
    if len(words) < 2 or words[-1] != "point":
        return ""
    before = words[-2]
    return f"{before} point" if before.split("-")[-1] in NUMBER_WORDS or re.fullmatch(r"\d[\d,]*", before) else ""


def figure_cut(text: str) -> bool:
    """The words stop on a bare figure: its unit may be the next word ("we were back under thirty | milliseconds"),
    so the end is not sure."""
    if re.search(r"%\W*$", text):
        return False            # "... dropped by 40%": the unit said as a sign
    words = re.findall(r"[a-z0-9][a-z0-9,.'-]*", text.lower())
    words = [w.strip(".,") for w in words]

    def number(word: str) -> bool:
        return word.split("-")[0] in NUMBER_WORDS or re.fullmatch(r"\d[\d,.]*", word) is not None

    if not words or words[-1] in ("and", "a", "point") or not number(words[-1]):
        return False
    i = len(words) - 1
    while i > 0 and number(words[i - 1]):
        i -= 1
    return i == 0 or words[i - 1] not in COUNTED_AFTER


def _judge(text: str, kind: str, question: Question | None) -> Verdict:
    sents = sentences(PAUSE_MID_SENTENCE.sub(" ", text))
    texts = [s.text.lower().strip() for s in sents]
    if not texts:
        return Verdict("goes_on", ("nothing said yet",))
    last = last_thought(texts)
    # words written without marks: the clause split is the reader's, and "... and i was just one of the reviewers"
    # goes on from the clause before it ("a year later she was leading the rewrite herself")
    if len(texts) > 1 and not re.search(r"[.?!]", text) and JOINS.match(texts[-1]):
        last = texts[-2] + " " + last
    unfinished = broken_off(text)
    # a closing said without a full stop ("... so I dropped the idea. that's how it went") is no sentence begun
    closing = hands_back(last) or bool(WRAP.search(last))
    # ... nor is a hand-back that stops on what it offers to say more about ("happy to dig into any of those"): there
    # the demonstrative stands for the parts just told, not for a noun still to come
    offered = offers_more_on_those(last)
    # ... nor a question to the interviewer that asks what they want of the candidate, said without its mark, which
    # may stop on its preposition ("what do you want me to go deeper on"), never on an article or a connective
    asked = end_forms.asks_what_they_want(last) and not stops_on_a_connective(last)
    if unfinished is not None and not (unfinished.startswith("a sentence only just begun") and closing) \
            and not offered and not asked:
        return Verdict("goes_on", (unfinished,))
    if hands_back(last) and len(texts) > 1:
        return Verdict("end", ("hands the turn back: " + last[:60],), sure=True)
    # "That's roughly how I'd spend the first three months" to "... your first ninety days?": the period asked is the
    # whole plan, not its first part
    whole_period = end_forms.names_the_period_asked(texts[-1], question)
    if names_a_part(texts[-1].replace(whole_period, " ") if whole_period else texts[-1]):
        return Verdict("goes_on", ("names what was said as one part of the answer: " + texts[-1][:60],))
    if thinks_aloud(last):
        return Verdict("goes_on", ("thinks aloud: " + last[:60],))
    # "Is the budget per request or per page? Those lead to very different plans.": the question waits for its answer
    if len(texts) > 1 and end_forms.asks_then_says_why(texts[-2], texts[-1], first=len(texts) == 2):
        return Verdict("end", ("a question to the interviewer, then why its answer matters: " + texts[-2][:60],),
                       sure=True)
    if turn_end_words.pattern("next_topic", "phrases").search(texts[-1]):
        return Verdict("goes_on", ("names what it will say next: " + texts[-1][:60],))
    wrap = WRAP.search(last) or LIST_TOLD.search(last)
    # an estimate says "so that's ..." at every step's figure, not only at its last one: its figure is weighed below
    if wrap and not (kind == "estimate" and wrap.group(0).startswith("so that")):
        # "Looking back, I did three things, ...": the things are still to come; "So what would I do differently?":
        # the lesson is
        if _announces(texts[-1]):
            return Verdict("goes_on", ("a list announced and not finished: " + texts[-1][:60],))
        if texts[-1].endswith("?") and SELF_ASKED.search(texts[-1]) and not end_forms.asks_the_interviewer(texts[-1]):
            return Verdict("goes_on", ("a question the candidate asks themselves: " + texts[-1][:60],))
        if wrap.group(0).startswith("so that") and _PROBLEM_NAMED.match(last[wrap.end():].lower()):
            # "So that's the problem.": what it names is what the answer goes on to solve
            return Verdict("goes_on", ("names the problem still to be solved: " + last[:60],))
        # with nothing before it, "Looking back, ..." may open the answer: an end, not a sure one
        return Verdict("end", ("wraps up: " + last[:60],), sure=len(texts) > 1 or not OPENS_AN_ANSWER.search(last))
    if names_the_whole(texts[-1]):
        return Verdict("end", ("names what was said as the whole answer: " + texts[-1][:60],), sure=True)
    if end_forms.asks_the_interviewer(last):
        return Verdict("end", ("asks the interviewer what they want or know: " + last[:60],), sure=True)
    # a question after the answer has been wrapped up ("That's my plan. What does the team see as its biggest
    # problem?") is put to the interviewer; not one the candidate asks of themselves, which leads on to the lesson
    # ("Looking back, we moved too fast. So what would I do differently?")
    if last.endswith("?") and len(texts) > 1 and closes(texts[-2]) and not SELF_ASKED.search(texts[-1]) \
            and not turn_end_words.pattern("put_back", "rhetorical").search(last):
        return Verdict("end", ("a question after the answer's wrap-up: " + last[:60],), sure=True)
    # a yes/no question about the problem as the whole answer so far ("Does the catalogue change daily?"): asked
    # before the answer starts, of the one who knows
    if len(texts) == 1 and end_forms.asks_about_the_problem(last):
        return Verdict("end", ("a clarifying question before the answer: " + last[:60],), sure=True)
    if PUT_BACK.search(last) and len(texts) > 1:
        return Verdict("end", ("a question put back to the interviewer: " + last[:60],))
    listed = _open_list(texts)
    if listed is not None:
        return Verdict("goes_on", ("a list announced and not finished: " + listed[:60],))
    opened = [i for i, t in enumerate(texts) if OPENS.search(t)]
    if opened and not any(CONTINUES.search(t) for t in texts[opened[-1] + 1:]):
        return Verdict("goes_on", ("a sequence opened and not continued: " + texts[opened[-1]][:60],))
    if kind == "story" and len(texts) > 1 and end_forms.closes_the_steps(texts[-1], texts[-2]):
        return Verdict("end", ("closes on the steps just told: " + texts[-1][:60],), sure=True)
    form = end_forms.sure_end(last, kind, question, texts[-2] if len(texts) > 1 else "",
                              unmarked=re.search(r"[.?!]", text) is None)
    if form is not None:
        return Verdict("end", (form,), sure=True)
    if kind in ("design", "technical", "plan") and end_forms.leads_with_the_answer(texts[0], texts[-1], len(texts),
                                                                              question):
        return Verdict("end", ("opens on the direct answer to the question and backs it: " + texts[0][:60],),
                       sure=True)
    if kind == "plan" and end_forms.principle_backed(texts[0], texts[-1], len(texts)):
        return Verdict("end", ("states a principle and backs it: " + texts[0][:60],), sure=True)
    n = len(texts)
    if kind == "story":
        labels = list(analyse(sents).labels)
        if MEASURED_CHANGE.search(last) and n >= 3:
            labels[-1] = "result"
        if labels[-1] in ("situation", "task", "action") and n < 4 or labels[-1] in ("situation", "task") \
                and "result" not in labels:
            return Verdict("goes_on", (f"the story stops at its {labels[-1]}",))
        if labels[-1] == "action" and "result" not in labels:
            return Verdict("goes_on", ("an action with no result yet",))
        if labels[-1] == "result" and n >= 3:
            return Verdict("end", ("the story reaches its result",))
        if n >= 4 and "result" in labels:
            return Verdict("end", ("a story with its result, told in full",))
        return Verdict("unsure", ("a story, its end not clear",))
    if kind == "design":
        if n >= 3 and CLOSING_PART.search(last):
            return Verdict("end", ("the design closes on how it is measured or run",))
        return Verdict("goes_on" if n < 3 else "unsure", (f"a design answer of {n} sentences",))
    if kind == "estimate":
        # a figure not in the unit asked, or far off it, is as likely a step of the working as the answer
        return Verdict("unsure" if n >= 2 else "goes_on", ("an estimate still being worked",))
    if n >= 3:
        return Verdict("end", (f"a {kind} answer of {n} sentences",))
    return Verdict("goes_on" if n < 2 else "unsure", (f"a {kind} answer of {n} sentences",))


# Seconds of silence before the turn ends, by what the words say and how sure the audio model is that the
# answer sounds finished (its surest verdict this silence; the silence rule's maximum otherwise).
# A sure end: 0.5 s when the audio agrees, not 0.3 (a natural voice's pause at a comma can last 0.3-0.4 s);
# when it does not, the wait outlasts a thinking pause mid-sentence (0.8-1.6 s; the transcript often drops the
# "um" before one and mishears the words, "the nightly, uh" coming back as "the nightly.").
# An end the words are not sure of (read from the STAR labels or the number of sentences) is taken sooner only
# when the audio is very sure (`UNSURE_END_PROBABILITY`, fitted leave-one-set-out by
# `python -m coach.eval.turn_ends_audio --loso`); "unsure" and "goes on" keep the silence rule: a pause
# between sentences lasts up to 2 s.
SURE_END_WAIT_S = 0.5
SURE_END_UNHEARD_WAIT_S = 1.8
UNSURE_END_WAIT_S = 0.8
COMPLETE = 0.5                              # the model's probability above which the answer sounds finished
DEFAULT_UNSURE_END_PROBABILITY = 1.01       # above 1: never, until the fit says otherwise
UNSURE_END_PROBABILITY = DEFAULT_UNSURE_END_PROBABILITY


def wait_s(verdict: str, probability: float, longest: float = 2.0, sure: bool = True) -> float:
    """The graded wait: at once where the words are sure the answer is over and the audio agrees (`probability`
    that it sounds finished, or True/False), `longest` (the silence rule's maximum) where the words say it goes
    on or are not sure, unless the audio is very sure of an end the words only suggest."""
    p = float(probability)
    wait: float | None = None
    if verdict == "end" and sure:
        wait = SURE_END_WAIT_S if p > COMPLETE else SURE_END_UNHEARD_WAIT_S
    elif verdict == "end" and p >= UNSURE_END_PROBABILITY:
        wait = UNSURE_END_WAIT_S
    return longest if wait is None else min(longest, wait)


class WordsSoFar:
    """The transcript of an answer so far (a callable, as the microphone asks for it), with the
    kind of question it answers (and the question, when known), so the end-of-turn policy can weigh the
    answer's completeness."""

    def __init__(self, words: Callable[[], str | None], kind: str, question: Question | None = None) -> None:
        self.words, self.kind, self.question = words, kind, question

    def __call__(self) -> str | None:
        return self.words()
