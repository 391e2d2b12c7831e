"""Answering clarifying questions from the question's facts: which topics each part asks about, the
interviewer's reply (facts, a reminder of facts already told, or "state an assumption"), and the
scorecard credit a design answer gets for having asked."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Mapping

from coach.interview import clarify_forms as forms
from coach.interview import fact_parts
from coach.interview.clarify_cues import Cues, default_cues
from coach.interview.clarify_text import CLAUSE, core, find, front, opens_question, tokens
from coach.scoring.numbers import find_numbers
from coach.scoring.scorecard import Scorecard


_BACK = frozenset({"they", "them", "their", "those", "it", "its", "that"})
_LIMIT = re.compile(r"\b(?:caps?|limits?|ceilings?|maximum|bound|quotas?)\b")


_PARTICLES = frozenset({"up", "in", "out", "through", "back", "off", "over"})
_SUBJECTS = frozenset({"we", "i", "you", "they", "it", "there", "the", "our", "people"})


def _points_back(clause: str) -> bool:
    """"how many payments they clear in a day": the part's subject is the thing the part before it named; so is a
    count that names no thing ("how many are kept, and roughly how many pile up each day": the verb right after
    "how many", an auxiliary or a verb with its particle)."""
    words = tokens(clause)
    # (counted from the question word: "and if so, how many cases a day can they get through")
    start = next((i for i, w in enumerate(words) if w in _WH - {"if", "whether"}), 0)
    if _BACK & set(words[:6]) or _BACK & set(words[start:start + 8]) and start:
        return True
    # "and is a good chunk of it the same feature computed twice": a share of what the part before named
    if any(words[i] == "of" and words[i + 1] in _BACK for i in range(min(_SHORT_PART, len(words) - 1))):
        return True
    # "is there a dedicated group for it": a short part ending on a word pointing back
    if len(words) <= _SHORT_PART and words[-1:] != [] and words[-1] in _BACK:
        return True
    # "what's a day's worth of cases they can actually clear": the people the part before named do what is counted
    if any(a == "they" and b in _AUX for a, b in zip(words, words[1:])):
        return True
    for i in find(words, "how many") + find(words, "how much"):
        nxt = words[i + 2:i + 4]
        if nxt[:1] and (nxt[0] in _AUX and nxt[1:2] != [] and nxt[1] not in _SUBJECTS or nxt[1:] and nxt[1] in _PARTICLES):
            return True
        if nxt[:1] == ["of"] and nxt[1:] and nxt[1] in _BACK:      # "roughly how many of them"
            return True
    return False


def _clause_topics(clause: str, cues: Cues) -> list[str]:
    """The best-matching topics of one clause (the longest match wins where two overlap)."""
    counts = _topic_counts(clause, cues)
    best = max(counts.values(), default=0)
    return [t for t, n in counts.items() if n == best]


def _topic_counts(clause: str, cues: Cues, by_words: bool = False, named_before: Collection[str] = ()) -> dict[str, int]:
    """How many cue phrases of each topic one clause holds, in the order first matched (the longest match
    wins where two overlap); `by_words` counts each phrase by its words, so "judged on" outweighs "team".
    `named_before`: the topics of the part this one points back to, which its qualifiers then qualify."""
    text = " ".join(tokens(clause))
    spans: list[tuple[int, int, str]] = []
    # (with the amount before it: "a minute's worth of pings" names no rate)
    idioms = [(_amount_start(text, m.start()), m.end()) for p in cues.amount_idioms if p in text
              for m in front(p).finditer(text)]
    for topic, phrases in cues.topics.items():
        for p in phrases:
            if p not in text:           # (a plain substring test first: most phrases are absent, and it is cheap)
                continue
            for m in front(p).finditer(text):
                if p.endswith(" the") and text[m.end():m.end() + 1].isalpha():
                    continue            # "before the" is not in "before they'd"
                if re.match(r"ers?\b", text[m.end():m.end() + 4]) and p[-1].isalpha():
                    continue            # "load" is not in "the loader": a word in -er names the thing that does it
                if not _ends_word(text, m.end(), cues, p):
                    continue            # "win" is not in "window": the cue only opens a longer word
                if any(m.start() < b and a < m.end() for a, b in idioms):
                    continue            # "a day's worth of cases": an amount, not what something is worth
                if p.split()[-1] in cues.continuing_verbs and re.match(r" [a-z]+ing\b", text[m.end():]):
                    continue            # "do we keep updating it": going on doing something keeps nothing
                spans.append((m.start(), m.start() + len(p), topic))
    spans += _learning_waits(text, cues) + _forms_of_topics(text, cues)
    # "well under a second": a period right after a bound of time is a duration, the latency, not a rate's period
    # (beside a thing named, "the labels back within a day", it is how long that thing takes)
    bounded = [s for s in spans if text[s[0]:s[1]] in cues.periods and _after_bound(text[:s[0]], cues)]
    durations = {(a, b) for a, b, _ in bounded} if bounded and \
        all(s in bounded or text[s[0]:s[1]] in cues.qualifiers for s in spans) else set()
    spans = [(a, b, cues.pace_topic if (a, b) in durations else t) for a, b, t in spans]
    # "what dimension does each team use": what the answer is spread over picks no fact (`distributives`)
    if by_words:
        spans = [s for s in spans if (text[:s[0]].split() or [""])[-1] not in cues.distributives]
    # which fact answers (`by_words`): who uses the product, or what happens at once, is the traffic only when
    # counted ("how many merchants sell through us"); "are most merchants selling gift cards" asks something the
    # facts do not hold (though it still names a thing of the problem)
    # (a word of counting with its endings, "counts", "counted", not a longer word it opens: "one country" counts nothing)
    if by_words and not any(re.search(front(c).pattern + r"(?:s|ed|ing)?(?![a-z0-9])", text) for c in cues.count_asks if c in text):
        spans = [s for s in spans if text[s[0]:s[1]] not in cues.counted_only]
    # asking whether the team may do something with a thing of the problem ("can i use browsing history"): the frame
    # names what is asked, the thing is named in passing ("can i use the board" names no thing of the problem)
    # (whether a thing is "off the table" asks what is allowed whatever the thing is: "is a hosted api off the table")
    table = [(m.start(), m.start() + len(p)) for p in cues.use_asks if p in text for m in front(p).finditer(text)]
    frames = table + _leave_to_use(text, cues)
    # ... but whether a kind of compute is on the table ("are gpus even on the table") asks what compute there is
    bought = [s for s in spans if s[2] == "budget" and text[s[0]:s[1]] in cues.hardware_words]
    # ... and leave to hand the work to people ("can we send it to a human reviewer") asks whether there are such
    # people: the team
    staffed = [s for s in spans if s[2] == cues.staff_topic and set(text[s[0]:s[1]].split()) & cues.people_words]
    if table and bought and not _leave_to_use(text, cues):
        spans = bought
    elif frames and staffed:
        spans = staffed
    # (leave asked for how long, "how long do we get to hang on to the traces", is a rule whatever is kept)
    elif table or (frames and (spans or any(front(d).search(text) for d in cues.duration_asks if d in text))):
        spans = [s for s in spans if s[2] == cues.use_topic] + [(a, b, cues.use_topic) for a, b in frames]
    # "a ceiling on what serving can cost, like a share of revenue": examples after the fact named name no other
    marks = [m.start() for p in cues.example_marks if p in text for m in front(p + " ").finditer(text)]
    marks += [m.start() for p in cues.example_leads if p in text for m in front(p + " ").finditer(text)
              if _QUANTITY.match((text[m.end():].split() or [""])[0])]
    if marks and any(s[1] <= min(marks) for s in spans):
        head = {s[2] for s in spans if s[1] <= min(marks)}
        spans = [s for s in spans if s[1] <= min(marks) or s[2] in head]
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    kept: list[tuple[int, int, str]] = []
    for s in spans:
        if all(s[1] <= k[0] or s[0] >= k[1] for k in kept):
            kept.append(s)
    # what money goes to ("what the teams spend on their feature pipelines", "budget for all the logging")
    # qualifies the budget asked about
    paid = [end for start, end, topic in kept if topic == "budget" and re.match(r" (?:on|for|of) ", text[end:end + 5])]
    kept = [k for k in kept if k[2] == "budget" or not any(0 <= k[0] - e and len(text[e:k[0]].split()) <= 4 for e in paid)]
    # a limit on money or compute, or on time ("a monthly ceiling on the spend", "a ceiling on how stale it can be"),
    # is the budget or the latency asked about
    # (the money or time named just before the limit too: "the cost ceiling for serving", "a latency cap")
    spent = [(start, end) for start, end, topic in kept if topic in ("budget", "latency")]
    kept = [k for k in kept if k[2] != "constraints" or not _LIMIT.search(text[k[0]:k[1]]) or
            not any(0 <= s - k[1] and len(text[k[1]:s].split()) <= 4 or
                    0 <= k[0] - e and len(text[e:k[0]].split()) <= 1 for s, e in spent)]
    # a bare word of leave beside money or time asks how much is allowed ("the monthly money we're allowed to burn
    # on serving", "what slice of the auction's time is the model allowed"): the budget or the latency, not a rule
    said = set(text.split())
    if any(t == "latency" or (t == "budget" and text[a:b] in cues.money_words) for a, b, t in kept):
        kept = [k for k in kept if k[2] != cues.use_topic or text[k[0]:k[1]] not in cues.allowance_words]
    elif said & cues.time_words:
        kept = [(a, b, "latency" if t == cues.use_topic and text[a:b] in cues.allowance_words else t) for a, b, t in kept]
    # time spent ("what slice of the auction's time limit does the model get to spend"): a word of spending beside a
    # word of time, and no other word of money, spends time, which is the latency
    spend = [k for k in kept if k[2] == "budget"]
    if spend and said & cues.time_words and all(text[a:b] in ("spend", "spending") for a, b, _ in spend) and \
            not (said - {"spend", "spending"}) & cues.money_words:
        kept = [(a, b, "latency" if t == "budget" else t) for a, b, t in kept]
    # (a thing bought is no amount: "are the transcripts allowed to leave our own cloud account" asks a rule)
    # a cost set against another cost ("what does one fraud slipping through cost us next to one honest customer
    # we turn away"): the price of one error against the other, which the goal weighs; serving's spend is not asked
    budget = [k for k in kept if k[2] == "budget"]
    if budget and all("cost" in text[a:b] for a, b, _ in budget) and \
            any(front(c).search(text) for c in cues.comparisons if c in text):
        kept = [(a, b, cues.error_cost_topic if t == "budget" else t) for a, b, t in kept]
    # a lower bound on a rate ("a floor on tokens per second"): the pace required, which is the latency; what is
    # paced (the tokens) is named in passing
    kept = _paced(text, kept, cues)
    # a rate's period, a pace or the team asked about names its topic only when nothing else is named; the
    # period of a thing counted ("how many listings get uploaded each day") and a pace required ("how soon does
    # a verdict need to land") still do
    counted = any(topic in cues.counted_topics for _, _, topic in kept)
    required = any(r in text for r in (" need to ", " needs to ", " must ", " has to ", " have to "))

    def qualifies(start: int, end: int) -> bool:
        phrase = text[start:end]
        if phrase not in cues.qualifiers or (start, end) in durations:
            return False        # (not "well within a second": a duration asked)
        if re.match(r"s? (?:runs?|owns?|maintains?|operates?|manages?|looks? after)\b", text[end:end + 14]):
            return False        # "a platform team runs the cluster": the team is what is asked about
        return not (counted and phrase in cues.periods) and not (required and phrase.startswith("how "))
    main = {topic for start, end, topic in kept if not qualifies(start, end)} | set(named_before)
    if main:
        kept = [k for k in kept if k[2] in main or not qualifies(k[0], k[1])]
    counts: dict[str, int] = {}
    for start, end, topic in sorted(kept):
        counts[topic] = counts.get(topic, 0) + (len(text[start:end].split()) if by_words else 1)
    return counts


def _amount_start(text: str, at: int) -> int:
    """Where the amount before an idiom begins: the word in -'s (or -s') right before it and a word before that
    ("a minute's", "two weeks'")."""
    m = re.search(r"(?:\S+ )?\S+(?:'s|s') $", text[:at])
    return m.start() if m else at


def _ends_word(text: str, end: int, cues: Cues, phrase: str = "") -> bool:
    """The cue phrase matched up to `end` ends its word there or runs on only into one of the word's endings (only a
    plural's, for `plural_only_cues`)."""
    m = re.match(r"[a-z0-9'\-]*", text[end:])
    run = m.group() if m else ""
    if run and phrase in cues.plural_only_cues:
        return run == "s"
    return not run or not cues.cue_endings or run in cues.cue_endings


def _after_bound(before: str, cues: Cues) -> bool:
    """The words before a period end on a bound of time ("well under", "within", "less than")."""
    return any(before.endswith(" " + b + " ") or before == b + " " for b in cues.duration_bounds)


def _paced(text: str, kept: list[tuple[int, int, str]], cues: Cues) -> list[tuple[int, int, str]]:
    """The spans from a word of a lower bound to a rate's period at most five words after it, read as the latency."""
    for p in cues.pace_bounds:
        if p not in text:
            continue
        for m in front(p).finditer(text):
            rate = [k for k in kept if k[0] >= m.end() and len(text[m.end():k[0]].split()) <= 5 and
                    text[k[0]:k[1]] in cues.periods]
            if rate:
                end = rate[0][1]
                kept = [(a, b, cues.pace_topic if m.start() <= a and b <= end else t) for a, b, t in kept]
                kept.append((m.start(), m.end(), cues.pace_topic))
    return kept


def _learning_waits(text: str, cues: Cues) -> list[tuple[int, int, str]]:
    """"how long until we usually learn it was fraudulent", "how long before anyone finds out a prediction was wrong":
    how long the wait is until someone learns the outcome asks when labels arrive. The span runs from "how long" to
    the verb of learning (a subject and a word or two may come between)."""
    out = []
    for m in re.finditer(r"\bhow long\b", text):
        words = text[m.end():].split()[:7]
        wait = next((k for k, w in enumerate(words[:2]) if w in cues.wait_words), None)
        if wait is None:
            continue
        learn = next((k for k in range(wait + 1, min(wait + 5, len(words)))
                      if any(" ".join(words[k:k + len(v.split())]) == v or words[k].startswith(v + "s") for v in cues.learn_verbs)), None)
        if learn is not None:
            end = m.end() + len(" " + " ".join(words[:learn + 1]))
            out.append((m.start(), end, cues.learning_topic))
    return out


def _forms_of_topics(text: str, cues: Cues) -> list[tuple[int, int, str]]:
    """Topics named by a form rather than a phrase: a person who grades the results ("whether a person sits and judges
    any results", "does anyone grade the answers") asks the labels; something that must never or may not happen ("is
    there anything that must never show up near the top") asks a rule. The span runs from the first word to the
    verb."""
    words = text.split()
    starts = [0]
    for w in words[:-1]:
        starts.append(starts[-1] + len(w) + 1)
    out = []
    for i, w in enumerate(words):
        if w in cues.people_words | cues.anyone_words:
            k = next((k for k in range(i + 1, min(i + 5, len(words))) if words[k].startswith(cues.grading_stems)), None)
            if k is not None:
                out.append((starts[i], starts[k] + len(words[k]), cues.grading_topic))
        if w in cues.rule_modals and words[i + 1:i + 2] != [] and words[i + 1] in cues.rule_negations and \
                not _hedged_be(words[i + 2:]):
            out.append((starts[i], starts[i + 1] + len(words[i + 1]), cues.use_topic))
        # "which hurts more for you, late or early": which of two outcomes harms more is what the goal weighs
        if w == "which":
            h = next((h for h in range(i + 1, min(i + 5, len(words))) if words[h] in cues.harm_words), None)
            c = None if h is None else next((c for c in range(h + 1, min(h + 5, len(words)))
                                             if words[c] in cues.comparatives), None)
            if c is not None:
                out.append((starts[i], starts[c] + len(words[c]), cues.error_cost_topic))
        # "who's going to build and run this", "whoever reviews the flagged payments": who does the work is the team
        if w in cues.who_words:
            k = next((k for k in range(i + 1, min(i + 6, len(words))) if words[k] in cues.work_verbs), None)
            if k is not None:
                out.append((starts[i], starts[k] + len(words[k]), cues.staff_topic))
        # "how many people do i have", "how many engineers would we get": a count of people given to the speaker
        # ... and a count of the people the part has just named ("whoever reviews the flagged payments, how many of
        # those people are there"): those doing the work are the team
        if words[i:i + 4] in (["how", "many", "of", "those"], ["how", "many", "of", "these"]) and \
                words[i + 4:i + 5] != [] and words[i + 4] in cues.people_words:
            out.append((starts[i], starts[i + 4] + len(words[i + 4]), cues.staff_topic))
        # ... and a count of people doing the work ("how many folks are building the model side"): the team
        if words[i:i + 2] == ["how", "many"] and words[i + 2:i + 3] != [] and words[i + 2] in cues.people_words and \
                words[i + 3:i + 4] != [] and words[i + 3] in _AUX and words[i + 4:i + 5] != [] and words[i + 4] in cues.work_verbs:
            out.append((starts[i], starts[i + 4] + len(words[i + 4]), cues.staff_topic))
        if words[i:i + 2] == ["how", "many"] and words[i + 2:i + 3] != [] and words[i + 2] in cues.people_words:
            k = i + 3
            if words[k:k + 1] and words[k] in _AUX and words[k + 1:k + 2] and words[k + 1] in ("i", "we") and \
                    words[k + 2:k + 3] and words[k + 2] in cues.given_verbs:
                out.append((starts[i], starts[k + 2] + len(words[k + 2]), cues.staff_topic))
    return out


_DONE_TO = re.compile(r"^(?:\w+(?:ed|en|wn)|kept|sent|held|told|shown|seen|sold|shared|used|stored|bought|paid|made)$")


def _hedged_be(after: list[str]) -> bool:
    """"... may not be" at the end of a clause, or "may not be accurate": a hedge (or speech cut off), not something
    that must not happen; "may not be stored" states a rule."""
    return after[:1] == ["be"] and not (after[1:2] and _DONE_TO.match(after[1]))


def _counts_volume(text: str, cues: Cues) -> bool:
    """"how many trips are we talking about", "how many come through on a busy night": a count asked with a frame of
    volume within a few words; with no thing of the problem named, what is counted is what the system sees."""
    words = text.split()
    return any(any(" ".join(words[i + 2:i + 8]).startswith(f) or f" {f}" in " ".join(words[i + 2:i + 8]) for f in cues.volume_frames)
               for i in find(words, "how many"))


def _leave_to_use(text: str, cues: Cues) -> list[tuple[int, int]]:
    """Where the text asks leave to use a thing ("can i use", "whether we may call", "barred from using"): a word
    of leave, at most one word, then a verb of using; the spans run from the leave to the verb."""
    out = []
    for p in cues.may_words:
        if p not in text:
            continue
        for m in front(p).finditer(text):
            after = text[m.end():].split()[:2]
            k = next((i for i, w in enumerate(after) if w in cues.use_verbs), None)
            if k is not None:
                end = m.end() + len(" ".join(text[m.end():].split()[:k + 1])) + 1
                out.append((m.start(), end))
    return out


def parts_asked(questions: list[str], cues: Cues | None = None) -> list[list[str]]:
    """Each part of the questions and the topics it asks about, in the order asked ("what's the peak
    volume and how fresh must the features be": two parts). A part that opens like a question but names
    no topic ("how many languages...") is kept with no topics: the candidate must assume it."""
    return [topics for _, topics, _ in _parts(questions, cues or default_cues())]


Part = tuple[str, list[str], bool]     # the clause, its topics, and whether it offers an alternative ("or ...")


def _parts(questions: list[str], cues: Cues) -> list[Part]:
    """The clause of each part with its topics, and whether it is an alternative of the part before it."""
    parts: list[Part] = []
    premises: list[Part] = []
    reasons: list[Part] = []
    told: list[Part] = []
    stated: list[bool] = []     # per part: put as a statement, with no word of asking
    led: list[bool] = []        # per part: asked after the candidate says they ask ("what i haven't asked yet is ...")
    for q in questions:
        frame = ""
        in_plan = False
        for clause in CLAUSE.split(q.lower().replace("\u2019", "'")):
            # "out of the auction's time limit, what slice of it ...": a short fronted phrase the question points
            # back to ("of it") is part of that question
            if frame and re.search(r"\b(?:of|in|from) it\b", clause):
                clause = frame + " " + clause
                parts = [p for p in parts if p[0] != frame]
            frame = clause if _fronted_frame(clause) else ""
            alternative = clause.startswith("or ")
            tail = _asked_tail(clause.removeprefix("or "), cues)
            clause = _without_reason(tail, cues)
            topics = _clause_topics(clause, cues)
            words = core(tokens(clause), cues)
            if _plan_only(words, cues):
                in_plan = True
                continue            # "so i'd split it into prep time, pickup ...": the candidate's own plan
            # ("whether a merchant needs a reason": an embedded yes/no question is a part too)
            # ("when we block a payment does the merchant have to be told why": a fronted clause, then the question)
            asked = opens_question(words, cues) or bool(find(words, "how many") or find(words, "how much")) or \
                words[:1] == ["whether"] or tail != clause or forms.after_fronted_clause(words, 0, cues) is not None
            # "i'd split it into prep, waiting for a courier, and the drive": the short items of the plan's list go on
            # with it until a part asks (a longer clause is a sentence of its own)
            if in_plan and not asked and len(words) <= _LIST_ITEM_WORDS:
                continue
            in_plan = False
            if topics or asked:
                parts.append((clause, topics, alternative))
                stated.append(not asked and not (_ASKING | _WH) & set(words))
                led.append((asked or bool(_WH & set(words))) and _ask_led(words))
                if _premise(words, cues):
                    premises.append(parts[-1])
                    # "which auction format do we run, because that changes what a miss costs": a reason after a
                    # question is why it is asked, never what is asked, whatever the question names
                    if any(opens_question(core(tokens(p[0]), cues), cues) for p in parts[:-1]) and \
                            any(words[:len(r.split())] == r.split() for r in cues.reason_cuts):
                        reasons.append(parts[-1])
                if not asked and len(words) > _TOLD_WORDS and not (_ASKING | _WH) & set(words) and \
                        "right" not in words and not _inverted(words) and len(told) == len(parts) - 1:
                    told.append(parts[-1])
    # "so there's a registry, a batch path on spark writing parquet, ... and what i haven't asked yet is whether any
    # of these features carry personal data": when the candidate says they now ask, the statements before it, short
    # items of the design too, are told, not asked
    first_led = next((i for i, x in enumerate(led) if x), None)
    if first_led:
        told += [p for p, x in zip(parts[:first_led], stated) if x and p not in told]
    # "so recall is bm25 plus an embedding lookup ... and the thing i'd like settled is whether we're judged on
    # purchases": a long clause that comes before the question, names a topic and holds no word of asking is the
    # design told, not asked
    if told and any(p[1] for p in parts if p not in told):
        parts = [p for p in parts if p not in told]
    # "how big is the team, compared with all the teams that'll pull features from it": what the question is set
    # against, in a clause of its own after it, is named in passing, not asked
    against = [p for p in parts[1:] if _set_against(p[0], cues)]
    if against and any(p[1] for p in parts if p not in against):
        parts = [p for p in parts if p not in against]
    # "given we have about fifty milliseconds, what's the peak volume": the premise is not asked
    if premises and any(p[1] for p in parts if p not in premises):
        parts = [p for p in parts if p not in premises]
    parts = [p for p in parts if p not in reasons] or parts
    # "what's my slice, at p99?": a short phrase on a preposition after a question naming no fact qualifies that
    # question, which asks what the phrase names
    merged: list[Part] = []
    for p in parts:
        words = tokens(p[0])
        if merged and not merged[-1][1] and p[1] and 0 < len(words) <= 4 and words[0] in _TRAILING_PREPOSITIONS:
            merged[-1] = (merged[-1][0] + " " + p[0], p[1], merged[-1][2])
        else:
            merged.append(p)
    parts = merged
    # "of the thirty teams, how many need ...": a clause naming only what qualifies the question beside it
    prefaces = [p for p in parts if p[1] and len(tokens(p[0])) <= 5 and not opens_question(core(tokens(p[0]), cues), cues)
                and _qualifiers_only(p[0], cues)]
    if prefaces and len(prefaces) < len([p for p in parts if p[1]]):
        parts = [p for p in parts if p not in prefaces]
    return parts


_FIRST_PERSON = frozenset({"i", "i'd", "i'm", "i've", "i'll"})
_ASK_WORDS = frozenset({"ask", "asked", "asking", "wonder", "wondering", "know"})


def _ask_led(words: list[str]) -> bool:
    """The candidate says they ask, before what is asked: "i" and, within four words, a word of asking ("what i haven't
    asked yet is whether", "the thing i'd like to know is")."""
    return any(w in _FIRST_PERSON and any(x in _ASK_WORDS for x in words[i + 1:i + 5]) for i, w in enumerate(words))


_SHORT_PART = 8         # words of a part short enough to be about the thing it points back to at its end

_ONE_PHRASE_WORDS = 2    # a cue phrase's words: "one number", "the limit"

_TRAILING_PREPOSITIONS = frozenset({"at", "in", "for", "per", "during", "on", "under"})
_FRAME_OPENS = ("out of ", "of ")


def _fronted_frame(clause: str) -> bool:
    """"out of the auction's time limit": a short phrase opening on a preposition of part, with no verb of its own."""
    words = clause.split()
    return clause.startswith(_FRAME_OPENS) and len(words) <= 7 and not set(words) & (_AUX | _WH)


_LIST_ITEM_WORDS = 5   # an item of a list the candidate's plan names ("waiting for a courier") is a few words

_TOLD_WORDS = 8        # a clause longer than this that names a topic but is not put as a question is a statement

_WH = frozenset({"what", "what's", "how", "which", "who", "when", "where", "whether", "why", "if"})
_ASKING = frozenset({"know", "need", "want", "like", "love", "wonder", "understand", "check", "ask", "hear", "guess",
                     "bet", "assume", "appreciate", "sense", "you", "you've", "you'd", "confirm", "learn", "find"})


# the end of an ask, before what is asked ("... you can tell me how much", "i'm keen to find out how much ...")
_ASKED_BY = ("tell me", "from you", "find out", "to know", "to hear", "to learn", "to understand")


def _inverted(words: list[str]) -> bool:
    """"the cluster, is it ours for the run": a verb before its subject, the order of a question."""
    return any(a in _AUX and b in ("it", "there", "we", "i", "you", "they", "those", "these", "that", "this")
               for a, b in zip(words, words[1:]))


def _plan_only(words: list[str], cues: Cues) -> bool:
    """A clause that states the candidate's own next step ("i'd split it into prep time, pickup and the drive"):
    a plan's opening and no word of asking, guessing or turning to the interviewer."""
    return bool(words) and words[0] in ("i'd", "i'll", "we'd", "we'll", "let's") and not opens_question(words, cues) and \
        not _ASKING & set(words) and not find(words, "take it that")      # "I'll take it that ...": an assumption


def _set_against(clause: str, cues: Cues) -> bool:
    """"compared with all the teams ...", "next to the ads team": a clause opening on a comparison, asking nothing."""
    words = core(tokens(clause), cues)
    said = " ".join(words)
    return any(said.startswith(c + " ") for c in cues.comparisons) and not opens_question(words, cues)


def _premise(words: list[str], cues: Cues) -> bool:
    """"given we have fifty milliseconds", "since labels are late": a part that states what the question rests on."""
    return any(words[:len(p.split())] == p.split() for p in cues.premise_opens)


_PASSIVE = frozenset({"be", "is", "are", "was", "were", "been", "being", "get", "gets", "got", "getting"})


def _without_reason(clause: str, cues: Cues) -> str:
    """"what's the lag ... because that drives how stale my labels are": the question without the reason for
    asking it, when what comes before the reason is a question of its own (opens like one or names a topic)."""
    words = tokens(clause)
    for k in range(3, len(words) - 1):
        if words[k] == "given" and words[k - 1] in _PASSIVE:
            continue            # "does the merchant have to be given the reason": a passive, not a premise
        if any(words[k:k + len(p.split())] == p.split() for p in cues.reason_cuts):
            head = " ".join(words[:k])
            if opens_question(core(words[:k], cues), cues) or _topic_counts(head, cues):
                return head
            break
    return clause


def _asked_tail(clause: str, cues: Cues) -> str:
    """What a clause asks when the candidate's own plan or ask comes first ("i'll start with a keyword index ...
    is there a set of hand graded queries", "... something you can tell me how much progress may we lose"): the
    words from the question clause on (or from a clause fronted before it: "... from you, when X, does Y")."""
    words = tokens(clause)
    if opens_question(core(words, cues), cues):
        return clause
    # "... something i actually need from you when we block a payment does the merchant have to be told why": the
    # ask, then a fronted clause and the question it frames
    for ask in _ASKED_BY:
        for e in (i + len(ask.split()) for i in find(words, ask)):
            if forms.after_fronted_clause(words, e, cues) is not None:
                return " ".join(words[e:])
    for k in range(2, len(words) - 1):
        if any(words[k:k + len(c.split())] == c.split() for c in cues.clause_starts):
            plan = bool({"i'll", "i'd", "we'll", "we'd"} & set(words[:k])) and not _ASKING & set(words[:k])
            lead = words[max(0, k - 4):k]
            lead = lead[:-1] if lead[-1:] in (["is"], ["was"]) else lead     # "what i want to find out is how many"
            asks = any(" ".join(lead).endswith(r) for r in _ASKED_BY)
            # "given we have 50 ms what's the peak qps"; not "because that drives how many labels we get"
            after_premise = _premise(core(words, cues), cues) and _direct(words[k:], cues)
            if plan or asks or after_premise:
                return " ".join(words[k:])
    return clause


_AUX = frozenset({"is", "are", "am", "was", "were", "do", "does", "did", "can", "could", "would", "will", "should",
                  "has", "have", "must", "may", "might"})


def _direct(words: list[str], cues: Cues) -> bool:
    """"what's the peak qps", "how many gpus do we get": a question put directly (a verb before any subject), not
    one bound in a statement ("how many labels we get")."""
    if words[:1] and words[0].endswith("'s"):
        return True
    for w in words[1:6]:
        if w in cues.statement_subjects or w in ("our", "my", "their"):
            return False
        if w in _AUX:
            return True
    return False


def topics_asked(questions: list[str], cues: Cues | None = None) -> list[str]:
    """Which facts the questions ask about, in the order asked (per clause, the best-matching topics)."""
    found: list[str] = []
    for topics in parts_asked(questions, cues):
        found += [t for t in topics if t not in found]
    return found


def reply(questions: list[str], facts: Mapping[str, str], cues: Cues | None = None, max_facts: int = 3,
          given: Collection[str] = (), said: str = "") -> tuple[str, tuple[str, ...]]:
    """What the interviewer says back, and the facts it used: every part of the question answered, the
    first fact of each part before any second one (at most `max_facts`, or one per part when there are
    more parts); an invitation to state an assumption for any part the facts do not cover. Facts in
    `given` (already told) are said again, but as a reminder ("As I said, ...") and after the new ones.
    `said` is the whole turn: when no part names a fact ("... how many pushes per user per day. Do you have
    that?"), the words around the question decide."""
    cues = cues or default_cues()
    parts = _parts(questions, cues) or [(" ".join(questions).lower(), [], False)]
    found: list[tuple[list[str], list[str], int]] = []
    # "how many trips are we talking about": a count of volume, when no part names a fact and no fact shares a word
    # with it, asks the volume the system sees ("how many points and how many dimensions" counts the data named)
    volume = [not any(t for _, t, _ in parts) and cues.volume_topic in facts and _counts_volume(c, cues) for c, _, _ in parts]
    unheld = state_unheld = False
    read: list[str] = []        # each part as read for its facts (with the part it points back to)
    for i, (clause, _, _) in enumerate(parts):
        before = found[-1][1] if i and _points_back(clause) else []
        if said and _option_only(clause, cues):      # "Progress lost per node failure. Minutes? An hour?"
            clause = " ".join(s for s in re.split(r"(?<=[.?!])\s+", said.lower()) if not _option_only(s, cues))
        read.append(clause)
        top, named, best = _facts_for(clause, facts, cues, before)
        if not named and best <= 1 and not parts[i][2] and (held := _held_state(clause, facts, cues)):
            top, named, best = held, held, 2       # "can users appeal": the one fact holding what is asked
        if not top and len(counting := _numbering(clause, facts)) == 1:
            # "how many models are we talking about": the one fact that gives a number of the thing counted answers it
            top, named, best = counting, counting, 2
        state = not parts[i][2] and _unheld_state(clause, facts, cues)     # (not the other side of an either-or)
        # "..., like a regulator reviewing the logs": an example of a state the facts do not hold is not asked apart
        example = i > 0 and state_unheld and tokens(clause)[:1] in (["like"], ["say"], ["such"])
        # "does the estimate keep updating once the order's placed, or is it one number shown at checkout": the other
        # side of an either-or whose first side the facts do not hold is the same question the other way, unless a
        # cue of more than a phrase names its fact
        other = i > 0 and parts[i][2] and state_unheld and \
            max(_topic_counts(clause, cues, by_words=True).values(), default=0) <= _ONE_PHRASE_WORDS
        state_unheld = state or example or other
        if _unheld(clause, facts, cues) or _generic_only(clause, facts, cues, best) or state_unheld:
            top, named, best = [], [], 0
            unheld = True
        # "how many cases do they get through": nothing of its own, it asks about what the part before named
        found.append((before, before, best) if before and not top else (top, named, best))
        # ... also when a fact only shares the word counted without a number of it ("how many deliveries are we
        # talking about": the label fact says when an order "is delivered", not how many are)
        if volume[i] and (not top or (best <= 3 and not named and not _states_count(clause, [facts[t] for t in top]))):
            found[-1] = ([cues.volume_topic], [cues.volume_topic], 2)
    # "are most merchants selling physical goods or is it gift cards", "do people mostly follow friends or creators":
    # which kind most of something is, set as an either-or, is a share the facts do not give unless a cue names what
    # is asked; words shared with a fact, or a cue in an option after "or" ("... through the app or the website"),
    # are only the options'
    if not any(named for (_, named, _), (_, _, alt) in zip(found, parts) if not alt) and \
            _asks_the_mix(" ".join(questions), cues):
        found = [([], [], 0) for _ in found]
        unheld = True
    # "what would make the three teams switch, like how much can any one of them lose on its own metric": a question
    # led by "like" says what the part before it asks, when that part names only what qualifies an ask (the teams)
    for i in range(1, len(parts)):
        lead = tokens(parts[i][0])
        if lead[:1] and lead[0] in cues.example_leads and opens_question(core(lead[1:], cues), cues) and found[i][1] and \
                _qualifiers_only(parts[i - 1][0], cues):
            found[i - 1] = found[i]
        # ... and one naming no fact of its own is an example of the ask before it ("who's building this, like how many
        # ml people", "how fast must a call be made, like does the photo sit hidden until then"): that ask's facts
        elif lead[:1] and lead[0] in cues.example_leads and not found[i][0] and found[i - 1][1]:
            found[i] = found[i - 1]
    found = _one_answer_for_alternatives(found, parts, cues)
    found, alike_unheld = _alike(found, parts, facts, cues)
    for i, (clause, _, alt) in enumerate(parts):
        if alt and i and _widens_unheld(parts[i - 1][0], clause, found[i - 1], found[i], facts, cues):
            found[i - 1] = found[i] = ([], [], 0)
            unheld = True
    unheld = unheld or alike_unheld
    # "what's the deal with the cluster, is it all ours for the run": an open ask about a thing, then a question
    # about it, asks that question; the open ask names the subject only
    for i in range(len(parts) - 1):
        words = " ".join(tokens(parts[i][0]))
        if any(words.startswith(v) for v in cues.open_asks) and _other_side(parts[i + 1][0]) and \
                any(f[1] for f in found[i + 1:]):
            found[i] = ([], [], 0)
            parts[i] = (parts[i][0], [], parts[i][2])
    answerable = _together(found, [clause for clause, _, _ in parts], cues)
    if said and not any(answerable) and not unheld:
        lead_up = _lead_up(said, questions)
        top, _, best = _facts_for(lead_up, facts, cues)
        # the reason given for asking may settle which of the facts the ask touches is meant ("what's the lag until we
        # learn it was fraudulent, because that drives how stale my labels are"), not bring in one the ask does not
        # touch ("is the auction first price, because that changes what an error costs us" asks the auction)
        asked_only = _without_reason(lead_up, cues)
        if asked_only != lead_up and top[:1] and top[0] not in _touched(asked_only, facts, cues):
            top = []
        # one shared word ("questions") is no answer, nor are words shared with two facts alike: assume
        answerable = [top[:1] if best >= 2 and len(top) == 1 else []]
        read = [lead_up]
    used: list[str] = []
    for rank in range(max((len(a) for a in answerable if a), default=0)):
        for a in answerable:
            if a and rank < len(a) and a[rank] not in used and (rank == 0 or len(used) < max_facts):
                used.append(a[rank])
    if not used:
        return cues.no_fact, ()
    new, again = [t for t in used if t not in given], [t for t in used if t in given]
    # of a fact with several figures, the part the ask names ("how long are the prompts": not the model's size too)
    common = _common(facts)
    # (asked leave to use a thing, "can i use browsing history for every shopper", the whole rule is what is allowed)
    leave = any(_leave_to_use(q.lower(), cues) or any(u in q.lower() for u in cues.use_asks) for q in questions)
    say = {t: facts[t] if leave and t == cues.use_topic else
           fact_parts.said_part(facts[t], [r for r, a in zip(read, answerable) if a and t in a], " ".join(questions),
                                cues, _stems, _counted, common)
           for t in used}
    text = " ".join([say[t] for t in new] + ([_reminder(cues, " ".join(say[t] for t in again))] if again else []))
    used = new + again
    if any(a == [] for a in answerable):
        text += " " + cues.partly
    return text, tuple(used)


_KINDS = frozenset({"kind", "kinds", "sort", "sorts", "type", "types", "of", "the", "a", "an"})


def _unheld(clause: str, facts: Mapping[str, str], cues: Cues) -> bool:
    """"which languages show up in the tickets": the thing a which- or what-question asks for is named right after the
    question word; when no fact holds that word and no topic's cue has it, the facts do not say (whatever the rest of
    the part shares with them), and the candidate is to assume it."""
    words = core(tokens(clause), cues)
    if words[:1] not in (["which"], ["what"]):
        return False
    k = 1 + 2 * (words[1:2] != [] and words[1] in _KINDS and words[2:3] == ["of"])      # "what kind of ..."
    # "which card networks do we see": the thing is the last noun before the verb
    k += words[k + 1:k + 2] != [] and words[k + 1] not in _AUX and words[k + 2:k + 3] != [] and words[k + 2] in _AUX
    thing, after = (words[k:k + 2] + ["", ""])[:2]
    # "what happens today", "which of these models": no thing named right after the question word; after "what" the
    # thing is the one a verb follows ("what languages do customers write in")
    if after == "of" or (words[0] == "what" and after not in _AUX):
        return False
    if len(thing) < 4 or thing in _AUX or thing in _STOP or thing in cues.statement_subjects or "'" in thing:
        return False
    if thing in cues.harm_words:
        return False            # "which bothers customers more": "which" is the subject, the outcomes weighed
    if any(_stem(thing) in _stems(text) for text in facts.values()):
        return False
    return not any(thing in p.split() for phrases in cues.topics.values() for p in phrases)


_DETERMINERS = frozenset({"any", "all", "some", "most", "of", "these", "those", "the", "our", "their", "a", "an", "each",
                          "every", "many", "more"})
_INDEFINITE = frozenset({"anything", "anyone", "anybody", "something", "someone", "somebody", "everything", "everyone",
                         "nothing", "nobody"})
_BE = frozenset({"is", "are", "was", "were"})
_MODAL_LINKS = (["get", "to"], ["able", "to"], ["allowed", "to"], ["free", "to"], ["supposed", "to"], ["have", "to"],
                ["has", "to"], ["need", "to"], ["needs", "to"], ["need"], ["needs"])


def _unheld_state(clause: str, facts: Mapping[str, str], cues: Cues) -> bool:
    """"are any of these models regulated", "can people choose which kinds they get", "do merchants get to set their
    own appetite": a yes/no question whether a thing of the problem is or does something, naming no fact by a cue
    before any example ("like ..."), whose verb no fact and no cue holds: the facts only share the thing's name, so
    they do not say, and the candidate assumes it."""
    if tokens(clause)[:1] in (["like"], ["say"]):
        return False                        # ", like does research need it in a month": an example of an ask
    head = _state_head(clause, cues)
    if not head or _topic_counts(" ".join(head), cues, by_words=True):
        return False
    verb = _state_verb(head, cues)
    if verb is None:
        return False
    if any(_stem(verb) in _stems(text) or verb in text.lower().split() for text in facts.values()):
        return False
    if _meant(verb, cues, facts) & set().union(*(_stems(text) for text in facts.values())):
        return False                        # the fact's word said in other words ("a citation": "cite")
    return not any(verb in p.split() for phrases in cues.topics.values() for p in phrases)


def _state_head(clause: str, cues: Cues) -> list[str]:
    """The words of a yes/no question whether a thing of the problem is or does something, up to any example
    ("like ..."); nothing when the clause is no such question ("is it all ours", "do they accept it": a thing named
    before; "is anything stopping")."""
    words = core(tokens(clause), cues)
    if not words or words[0] not in _AUX or words[1:2] == [] or words[1] in _SUBJECTS - {"the", "our", "people"} or \
            words[1] in _INDEFINITE:
        return []
    marks = [i for i, w in enumerate(words) if w in ("like", "say") or words[i:i + 2] == ["such", "as"]]
    return words[:marks[0]] if marks else words


def _state_verb(head: list[str], cues: Cues) -> str | None:
    """What such a question asks the thing is or does: the word after the thing's name ("can users appeal"), after a
    link ("get to set") or after what is needed ("need a citation")."""
    k = 1
    while k < len(head) and head[k] in _DETERMINERS:
        k += 1
    k += 1                                  # the thing's own name ("models", "people", "merchants")
    # "are some of those home page slots bought (by brands)": after "is"/"are" a state done to the thing is what is
    # asked, and the words before it are the thing's longer name
    done = next((j for j in range(k, len(head)) if _DONE_TO.match(head[j])), None) if head[0] in _BE else None
    if done is not None and done > k and not set(head[k:done]) & (_AUX | _STOP):
        k = done
    for link in _MODAL_LINKS:               # "get to set": the verb after the link
        if head[k:k + len(link)] == link:
            k += len(link)
            break
    if head[k:k + 1] != [] and head[k] in cues.continuing_verbs and head[k + 1:k + 2] != [] and head[k + 1].endswith("ing"):
        k += 1                              # "need to keep updating": the verb kept on with
    if head[k - 1:k] in (["need"], ["needs"]):
        while k < len(head) and head[k] in _DETERMINERS:
            k += 1                          # "does every answer need a citation": what is needed
    if k >= len(head) or head[k] in _AUX or head[k] in cues.statement_subjects or head[k] in _STOP or \
            head[k] in cues.tell_verbs:     # "do the agents tell us anything about ...": a signal, which the facts hold
        return None
    return head[k]


_COPULAS = frozenset({"is", "are", "am", "was", "were"})


def _held_state(clause: str, facts: Mapping[str, str], cues: Cues) -> list[str]:
    """"can users appeal": a yes/no question whether a thing is or does something, whose verb one fact alone holds
    ("removals must be appealable"), is answered by that fact, though it shares no other word."""
    head = _state_head(clause, cues)
    # (a verb asked after "do", "can", "must": after "is" the word is no verb, "is the auction second price")
    verb = _state_verb(head, cues) if head and head[0] not in _COPULAS else None
    if verb is None or verb in cues.light_verbs:
        return []               # "do these payments come in many currencies": a verb that says little of its own
    stems = {_stem(verb)} | _meant(verb, cues, facts)
    holders = [t for t, text in facts.items() if stems & (_stems(text) - _common(facts))]
    return holders if len(holders) == 1 else []


def _widens_unheld(side: str, wider: str, side_found: tuple[list[str], list[str], int],
                   wider_found: tuple[list[str], list[str], int], facts: Mapping[str, str], cues: Cues) -> bool:
    """"are the help articles all in english, or are there other languages in there too": how far the problem reaches,
    asked as an either-or (a word of scope), where the side that widens it names no fact by a cue and shares at most
    one word with any (none, when it points back to the other side: "or do they phone in as well"), and the other
    side names a fact by one word at most (the thing whose reach is asked): the facts do not say how far it reaches."""
    def scoped(words: list[str]) -> bool:
        return any(not (w == "just" and words[i + 1:i + 2] and words[i + 1] in cues.softened_verbs)
                   for w in cues.scope_words for i in find(words, w))
    if not any(scoped(tokens(c)) for c in (side, wider)) or _other_side(wider):
        return False            # ("... a managed product, or is it build only": the same thing asked the other way)
    _, named, best = _facts_for(wider, facts, cues)
    if named or best > 1 or (wider_found[1] and best):
        return False
    return (bool(side_found[1]) or side_found[2] <= 1) and \
        max(_topic_counts(side, cues, by_words=True).values(), default=0) <= 1


def _alike(found: list[tuple[list[str], list[str], int]], parts: list[Part], facts: Mapping[str, str],
           cues: Cues) -> tuple[list[tuple[list[str], list[str], int]], bool]:
    """"do the teams use the same embedding size, or is everyone on their own dimension": whether a thing is alike
    across a group, or each member has its own, is answered by the one fact saying how that thing varies ("each team
    uses its own dimensions"), else by none: the facts do not say, and the candidate assumes it (True). The sides of
    an either-or are one question."""
    out = list(found)
    handed = False
    for i, (clause, _, _) in enumerate(parts):
        if _alike_asked(clause, cues) is None:
            continue
        group = [i] + ([i - 1] if i and parts[i][2] else []) + ([i + 1] if i + 1 < len(parts) and parts[i + 1][2] else [])
        if not set().union(*(tokens(parts[j][0]) for j in group)) & cues.group_words:
            continue            # "do late and early cost us the same": alike, but across no group of members
        asked = set().union(*(_alike_asked(parts[j][0], cues) or set() for j in group))
        varying = [t for t, text in facts.items() if _varied(text, cues) & asked]
        pick = varying if len(varying) == 1 else []
        if not pick and any(n >= 2 for j in group for n in _topic_counts(parts[j][0], cues, by_words=True).values()):
            continue            # "pick their own risk appetite": a cue of its own names what is asked, not only its subject
        for j in group:
            out[j] = (pick, pick, 2 if pick else 0)
        handed = handed or not pick
    return out, handed


def _alike_asked(clause: str, cues: Cues) -> set[str] | None:
    """The words an ask of likeness names right after its phrase ("the same embedding size" -> embedding, size), or
    None when the clause asks none ("at the same time" asks how much happens at once)."""
    words = tokens(clause)
    found: set[str] | None = None
    for p in cues.uniformity_asks:
        for i in find(words, p):
            if words[i - 1:i] == ["at"]:
                continue
            found = (found or set()) | _stems(" ".join(words[i + len(p.split()):i + len(p.split()) + 3]))
    return found


def _varied(fact: str, cues: Cues) -> set[str]:
    """The word a fact says varies across a group, right after one of `varies_facts` ("its own dimensions")."""
    words = re.findall(r"[a-z0-9']+", fact.lower())
    out: set[str] = set()
    for p in cues.varies_facts:
        for i in find(words, p):
            out |= _stems(" ".join(words[i + len(p.split()):i + len(p.split()) + 1]))
    return out


def _asks_the_mix(text: str, cues: Cues) -> bool:
    """Which kind most of something is, as a yes/no either-or ("are most ...", "do people mostly ... or ..."): a word of
    the mix ("most", "mostly", "a mix") and "or", in a question that opens on its verb ("which hurts us most, X or Y"
    asks which is worse, not a share)."""
    words = tokens(text)
    said = " ".join(words)
    return core(words, cues)[:1] != [] and core(words, cues)[0] in _AUX and "or" in words and \
        any(front(m + " ").search(said + " ") for m in cues.mix_words if m in said)


def _generic_only(clause: str, facts: Mapping[str, str], cues: Cues, best: int) -> bool:
    """"do the rules change from country to country": a generic noun ("rules", "data", "logs") names its fact only
    when nothing more specific is named; a word of the part that no fact holds and no cue has is more specific, and
    the facts do not say it, so the candidate is to assume it."""
    text = " ".join(tokens(clause))
    generic = [q for q in cues.generic_nouns if q in text and front(q).search(text)]
    if not generic or best > 2 * max(len(q.split()) for q in generic):
        return False            # nothing generic named, or more than the generic word picked the fact
    rest = text
    for q in generic:
        rest = re.sub(r"(?<![a-z0-9])" + re.escape(q) + r"[a-z]*", " ", rest)
    if _topic_counts(rest, cues):
        return False            # a cue of its own besides the generic word
    cue_words = {w for phrases in cues.topics.values() for p in phrases for w in p.split()}
    held = set().union(*(_stems(t) for t in facts.values())) if facts else set()
    unknown = [w for w in re.findall(r"[a-z]{5,}", rest) if w not in _STOP and w not in cue_words and _stem(w) not in held]
    return bool(unknown)


def _lead_up(said: str, questions: list[str]) -> str:
    """The turn up to the end of its last question ("... per user per day. Do you have that?"): the words that
    set the question up, not the plan the candidate goes on with after it ("Assuming answering only, I'd
    begin with retrieval over the articles" names the design's data, not what was asked)."""
    low = said.lower()
    ends = [low.find(q.strip().lower()) + len(q.strip()) for q in questions if q.strip() and q.strip().lower() in low]
    return low[:max(ends)] if ends else low


_STOP = frozenset("about what when where which there their with from that this have will would could should does "
                  "were your just again many much some also into only more most than then them they each".split())


def _stems(text: str) -> set[str]:
    out = set()
    short = default_cues().short_names
    for w in re.findall(r"[a-z]{3,}", text.lower()):
        if w not in _STOP and (len(w) >= 4 or w in short):
            out.add(_stem(w))
    return out


def _stem(word: str) -> str:
    """"converts" and "conversions" share "conver", "arrives" and "arrive" "arriv", "flags" and "flagged" "flag"."""
    base = re.sub(r"(ing|ed|es|s)$", "", word) or word
    if base != word and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiouls":
        base = base[:-1]
    return re.sub(r"e$", "", base[:6])


def _facts_for(clause: str, facts: Mapping[str, str], cues: Cues,
               named_before: Collection[str] = ()) -> tuple[list[str], list[str], int]:
    """The facts that could answer one part, and those of them it names by a cue phrase: each fact scores two
    for every word of a cue phrase of its topic the part says and one for every content word it shares with
    the part ("how many listings are live" shares "listings" with the fact about 40 million listings); the
    best-scoring facts, in the facts' order, and their score."""
    counts = _topic_counts(clause, cues, by_words=True, named_before=named_before)
    words = (_stems(_without_idioms(clause, cues)) | _meant(clause, cues, facts)) - _common(facts)
    counted = _counted(clause)
    # (a count is answered by a fact that gives a number: "how much data sits offline" is not asked of "some features
    # hold personal data"; and a fact that names the thing counted, not only one of it: "a push service")
    score = {t: 2 * counts.get(t, 0) + len(words & _stems(text))
             + (2 if _mentions(counted, text) and (find_numbers(text) or _states_count(clause, [text])) else 0)
             for t, text in facts.items()}
    best = max(score.values(), default=0)
    top = [t for t in facts if best and score[t] == best]
    # whether a thing is ours alone or shared ("is it all ours for the run", "are other groups on it too"): the fact
    # that says what is shared with whom
    text = " ".join(tokens(clause))
    if any(front(a).search(text) for a in cues.share_asks if a in text):
        shared = [t for t, fact in facts.items() if any(p in fact.lower() for p in cues.shared_facts)]
        if len(shared) == 1:
            return shared, shared, max(best, 2)
    by_people = _capacity(clause, facts, cues, named_before)
    if by_people:
        return by_people, by_people, max(best, 2)
    # two facts that fit the part equally well, with no rule above to choose between them: which one is asked is
    # not known, and a wrong fact is worse than "state an assumption" (on each new set at first sight, handing
    # such ties back halved the wrong facts and cost about one answer in fifty)
    if len(top) > 1:
        # of facts tied, the one that names the very thing asked, two of the ask's words in a row ("are spot or
        # preemptible machines on the table": "no preemptible machines", not the cluster's GPUs)
        naming = [t for t in top if _names_thing(clause, facts[t])]
        if len(naming) == 1:
            return naming, naming, best
        return _one_counting(clause, top, facts, counts, cues, best)
    return top, [t for t in top if counts.get(t)], best


def _without_idioms(clause: str, cues: Cues) -> str:
    """The clause with its empty idioms ("no matter") left out."""
    text = " ".join(tokens(clause))
    for idiom in cues.empty_idioms:
        if idiom in text:
            text = front(idiom).sub(" ", text)
    return text


def _meant(clause: str, cues: Cues, facts: Mapping[str, str] | None = None) -> set[str]:
    """The facts' words the clause says in other words ("a node dies": "failed"), stemmed as `_stems` stems them. A
    word the facts use themselves means what they mean by it ("a push service": "push" is then no notification)."""
    text = " ".join(tokens(clause))
    own = set().union(*(_stems(t) for t in facts.values())) if facts else set()
    return {_stem(word) for word, said in cues.word_senses.items()
            if any(s in text and front(s).search(text) and not _stems(s) & own for s in said)}


def _touched(clause: str, facts: Mapping[str, str], cues: Cues) -> set[str]:
    """The facts a part names by a cue or shares two words with, and the one fact it fits best if only one does (one
    word shared alike with several facts, "price" and "auction", touches none)."""
    counts = _topic_counts(clause, cues, by_words=True)
    words = _stems(clause) - _common(facts)
    return {t for t, text in facts.items() if 2 * counts.get(t, 0) + len(words & _stems(text)) >= 2} | \
        set(_facts_for(clause, facts, cues)[0])


def _names_thing(clause: str, fact: str) -> bool:
    """The fact says two content words of the clause in a row ("preemptible machines", "loan defaults")."""
    def pairs(text: str) -> set[tuple[str, str]]:
        words = [_stem(w) for w in re.findall(r"[a-z0-9']+", text.lower())]
        return {(a, b) for a, b in zip(words, words[1:]) if len(a) >= 4 and len(b) >= 4 and not {a, b} & _STOP}
    return bool(pairs(clause) & pairs(fact))


def _common(facts: Mapping[str, str]) -> set[str]:
    """Words more than half of the question's facts use ("orders" in nearly every fact of delivery times): they name
    the problem itself, not one fact of it, so sharing one picks no fact."""
    seen: dict[str, int] = {}
    for text in facts.values():
        for w in _stems(text):
            seen[w] = seen.get(w, 0) + 1
    return {w for w, n in seen.items() if 2 * n > len(facts)}


def _capacity(clause: str, facts: Mapping[str, str], cues: Cues, named_before: Collection[str]) -> list[str]:
    """"how many payments can a human look at in a day", "(the moderators) how many photos they get through": a count
    of what people do by hand asks their capacity, which the fact naming those people and a number of that thing
    states (not the traffic's count of it). Nothing when no such fact exists."""
    words = tokens(clause)
    doers = False
    for i in find(words, "how many") + find(words, "how much"):
        after = set(words[i + 2:i + 9])
        doers = doers or bool(after & cues.people_words) or bool(named_before and after & {"they", "them"})
    if not doers:
        return []
    stated = [t for t, text in facts.items() if _by_people(text, cues) and _states_count(clause, [text])]
    # a capacity is a pace: of two such facts, the one stating the period asked ("a day") is it, not a total
    text = " ".join(words)
    paced = [t for t in stated if any(p in text and p in facts[t].lower() for p in cues.periods)]
    return paced or stated


def _one_counting(clause: str, top: list[str], facts: Mapping[str, str], counts: Mapping[str, int], cues: Cues,
                  best: int) -> tuple[list[str], list[str], int]:
    """Of facts tied for a part, the one a count asks for, else none ("state an assumption"): the one giving a number
    of the thing counted ("how many listings sit in the index": "over 30 million listings", not a rule that mentions
    listings); a count of the thing itself, with no people in the ask, is what the system sees, not what people
    get through ("how many items get uploaded": not what the moderators label in a day)."""
    words = tokens(clause)
    if not (find(words, "how many") or find(words, "how much")):
        return [], [], best
    stating = [t for t in top if _states_count(clause, [facts[t]])] or top
    if len(stating) > 1 and not set(words) & cues.people_words:
        stating = [t for t in stating if not _by_people(facts[t], cues)]
    if len(stating) != 1:
        return [], [], best
    return stating, [t for t in stating if counts.get(t)], best


def _by_people(fact: str, cues: Cues) -> bool:
    """Does the fact name people (moderators, analysts): its numbers then tell what they do, not what arrives."""
    return bool(set(re.findall(r"[a-z]+", fact.lower())) & cues.people_words)


def _counted(clause: str) -> set[str]:
    """What a count asks the number of ("how many listings", "how much progress", "how many of the payments"): the
    fact that states how many of that thing there are is the one that answers, whatever topic its words name."""
    words = tokens(clause)
    out = set()
    for i in find(words, "how many") + find(words, "how much"):
        after = [w for w in words[i + 2:i + 5] if w not in ("of", "the", "those", "these", "our", "their")]
        if after and len(after[0]) >= 4 and after[0] not in _STOP:
            out.add(_stem(after[0]))
            out |= _meant(after[0], default_cues())     # "how many pushes": the notifications a fact numbers
    return out


_QUANTITY = re.compile(r"^(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|"
                       r"thousand|million|billion|dozen|few|several|many|most|some)$")


def _numbering(clause: str, facts: Mapping[str, str]) -> list[str]:
    """The facts that say a number right before the thing the clause counts ("About 40 models": how many models),
    not ones that only name it ("payments models need 2")."""
    counted = _counted(clause)
    if not counted:
        return []
    things = re.compile(r"\s+(?:[a-z-]+\s+)?(?:" + "|".join(map(re.escape, counted)) + r")[a-z]{0,3}\b")
    return [t for t, text in facts.items()
            if any(things.match(text.lower(), n.end) for n in find_numbers(text))]


def _mentions(counted: set[str], fact: str) -> bool:
    """The fact names the thing counted, and not only as one of it ("a push service" names a service, not pushes)."""
    words = re.findall(r"[a-z0-9']+", fact.lower())
    return any(len(w) >= 3 and _stem(w) in counted and words[k - 1:k] not in (["a"], ["an"]) for k, w in enumerate(words))


def _states_count(clause: str, texts: list[str]) -> bool:
    """Does one of the facts give a number of the thing the clause counts ("30 million listings", "an hour of
    progress"): a quantity within three words before that thing."""
    counted = _counted(clause)
    for text in texts:
        words = re.findall(r"[a-z0-9][a-z0-9,.]*", text.lower())
        for k, w in enumerate(words):
            # ("a" or "an" counts a measure of the thing, "an hour of progress", not the thing itself or another one:
            # "a push service", "a reason the merchant can read" number no pushes and no merchants)
            if len(w) >= 4 and _stem(w) in counted and \
                    any(_QUANTITY.match(x) and (x not in ("a", "an") or words[k - 1] == "of") for x in words[max(0, k - 3):k]):
                return True
    return False


def _qualifiers_only(clause: str, cues: Cues) -> bool:
    """"of the thirty teams": a clause naming only what qualifies a question, not one."""
    text = " ".join(tokens(clause))
    named = [p for phrases in cues.topics.values() for p in phrases if p in text and front(p).search(text)]
    # (a period after a bound of time is a duration asked, not a qualifier: "well within a second")
    bounded = any(_after_bound(text[:m.start()], cues) for p in named if p in cues.periods for m in front(p).finditer(text))
    return bool(named) and not bounded and all(p in cues.qualifiers or any(p in q for q in cues.qualifiers) for p in named)


def _option_only(clause: str, cues: Cues) -> bool:
    """A bare period or pace offered as an option ("minutes?", "an hour?", "per day?"): it asks about what came
    before it."""
    words = core(tokens(clause), cues)
    return 0 < len(words) <= 3 and (" ".join(words) in cues.qualifiers or
                                    words[-1] in ("seconds", "minutes", "hours", "days", "weeks", "months"))


def _together(found: list[tuple[list[str], list[str], int]], clauses: list[str], cues: Cues) -> list[list[str] | None]:
    """The facts answering each part, read as one question: a part that names its facts by a cue gets them; one
    that only shares words with facts gets the one another part also points to ("which gpus, how many sit in a
    node": the hardware fact twice), else, when it is a fragment of three words or fewer beside a part that
    names its fact, nothing (None: it is not a question of its own, "do the search, ads and recs teams keep
    their modellers"), else the first."""
    out: list[list[str] | None] = []
    beside_named = any(n for _, n, _ in found)
    for i, (top, named, best) in enumerate(found):
        if not top and beside_named and len(tokens(clauses[i])) <= 3 and not named:
            out.append(None)        # "..., and how big": a fragment of the part beside it that names its fact
            continue
        if named or not top:
            out.append(named)
            continue
        others = {t for j, (t2, n2, _) in enumerate(found) if j != i for t in (n2 or t2)}
        shared = [t for t in top if t in others]
        words = tokens(clauses[i])
        # (a size asked of a thing, "how long are the prompts", "how big is the catalogue", is a count too)
        counts = find(words, "how many") or find(words, "how much") or any(find(words, m) for m in cues.size_asks)
        # one word shared with a fact and no cue naming it picks no fact unless a count is asked ("do restaurants ever
        # tell us their kitchen is backed up": the history holds the restaurants' prep times, not a busy signal; "finish
        # inside two weeks": the run's length or the deadline): a wrong fact is worse than "state an assumption"
        # nor do words shared with two facts alike and no cue naming either ("what are we after, fewer opt-outs or
        # more opens": the history of both and their labels): the ask is not known, so it is handed back
        weak = (best <= 1 and not counts) or (len(top) > 1 and not counts)
        if shared:
            out.append(shared[:1])
        elif beside_named and len(words) <= 3:
            out.append(None)
        else:       # one word in common is no answer to a part of its own ("does search key them differently"): assume
            out.append([] if weak else top[:1])
    return out


def _one_answer_for_alternatives(found: list[tuple[list[str], list[str], int]], parts: list[Part],
                                 cues: Cues) -> list[tuple[list[str], list[str], int]]:
    """"is the cluster ours for the whole three weeks, or are other teams on it too": the alternatives of one
    question are answered by one fact; where the facts that could answer each side share one, that one answers
    both. (Scoring both sides read together instead lost right answers on sets it was not written with.)"""
    out = list(found)
    for i in range(1, len(out)):
        if not parts[i][2]:
            continue
        shared = [t for t in out[i - 1][0] if t in out[i][0]]
        if shared:
            out[i - 1] = out[i] = (shared[:1], shared[:1], out[i][2])
        elif out[i - 1][1] and (_other_side(parts[i][0]) or not out[i][0]):
            # "can overflow go out to a hosted api, or is it our own machines no matter what": the other side of a
            # yes/no question about the same thing ("it") is answered by the fact that answers the first side
            out[i] = out[i - 1]
        elif out[i][1] and not out[i - 1][0]:
            # "do we block the payment outright, or can we send it to a human reviewer": the first side names no fact
            # of its own, and the side after "or" names the fact that settles the choice
            out[i - 1] = out[i]
        elif out[i - 1][1] and not out[i][1] and core(tokens(parts[i - 1][0]), cues)[:1] in (["which"], ["what"]):
            # "which number is it judged on, ... or how many get opened": a choice asked, its fact named, and the
            # options after it name none of their own: they are readings of the same question
            out[i] = out[i - 1]
    return out


def _other_side(clause: str) -> bool:
    """"or is it our own machines", "or are they all ours": a yes/no alternative that restates the thing the
    question before it asked about (not "or can it publish first", another course of events)."""
    words = tokens(clause.removeprefix("or "))
    # ("or are we strictly on dedicated ones": "ones" names the same kind of thing the other way)
    return len(words) > 1 and words[0] in ("is", "are", "was", "were") and \
        (words[1] in ("it", "they", "everything", "that") or "ones" in words)


def _reminder(cues: Cues, said: str) -> str:
    """"As I said, about 800 a second": the fact's first letter lowered unless it starts a name or acronym."""
    if len(said) > 1 and said[0].isupper() and said[1].islower():
        said = said[0].lower() + said[1:]
    return f"{cues.reminder} {said}"


def credit(card: Scorecard, asked: list[str]) -> Scorecard:
    """A design answer after clarifying questions: the card records them, and `no_clarifying`
    (asked nothing about the problem) no longer applies."""
    if not asked:
        return card
    dropped = [g for g in card.gaps if g.id == "no_clarifying"]
    feedback = card.feedback
    if dropped and dropped[0].evidence:
        feedback = tuple(f for f in feedback if dropped[0].evidence not in f)
    return dataclasses.replace(card, gaps=tuple(g for g in card.gaps if g.id != "no_clarifying"),
                               feedback=feedback, clarifications=tuple(asked))
