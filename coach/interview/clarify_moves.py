"""Moves in a candidate's turn that the question-shape rules of `clarify` miss or mistake.

Each is one general rule over the words of a sentence, its cue words data in
`rubrics/clarifying.toml`: a guess handed back to the interviewer, a fact stated with a
confirming tag, a need to know said as a statement (these ask); a check on the
candidate's own talk, the interviewer's opinion asked for, figures worked out or a
plan stated in the same breath as the question (these do not).
"""
from __future__ import annotations

import re

from coach.interview.clarify_cues import Cues
from coach.interview.clarify_text import has as _has
from coach.interview.clarify_text import find, tokens

AUX = _AUX = frozenset({"is", "are", "am", "was", "were", "do", "does", "did", "can", "could", "would", "will", "should",
                  "has", "have", "had"})
_BACK = frozenset({"that", "it", "i", "this", "there"})
_NUMBER = re.compile(r"^(?:\d[\d,.]*[kmbg]?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|"
                     r"billion|trillion|percent|dozen|half|double|twice)$")


def at(words: list[str], i: int, phrase: str) -> bool:
    p = phrase.split()
    return words[i:i + len(p)] == p


def is_number(word: str) -> bool:
    return _NUMBER.match(word) is not None


def plans(words: list[str], cues: Cues) -> bool:
    """The candidate's own plan ("i'd shard", "we'll cache"), not a guess ("i'd bet", "i'd guess")."""
    for p in cues.plan_markers:
        for i in range(len(words)):
            nxt = words[i + len(p.split()):][:1]
            if at(words, i, p) and nxt and nxt[0] not in cues.guess_words:
                return True
    return False


_YOU = frozenset({"you", "you'd", "you'll", "your"})


def hands_back(words: list[str], cues: Cues) -> bool:
    """A guess handed to the interviewer to settle ("a few hundred million users but you tell me",
    "mostly reads i'd guess but is that so"): a guessing word, no plan of the candidate's, and a short
    last clause that turns to the interviewer ("you ...") or asks back ("is that so", "am i close")."""
    if not set(words) & cues.guess_words:
        return False

    def asks_back(tail: list[str]) -> bool:
        return tail[0] in _AUX and tail[1:2] != [] and tail[1] in _BACK

    # ("give or take" hedges the guess: its "or" joins nothing)
    joins = [j for j, w in enumerate(words) if w in cues.hand_back_joins and words[j - 1:j + 2] != ["give", "or", "take"]]
    tail = words[joins[-1] + 1:] if joins else []
    # "i'm guessing single-digit milliseconds, but i'd rather hear it from you": the last clause wants to know it
    # from the interviewer (a word of knowing and "you"), whatever its own opening
    if joins and 1 <= len(tail) <= 8 and set(tail) & _YOU and (set(tail) & (cues.know_words | cues.tell_verbs) or
                                                             _has(" ".join(tail), "from you")) and \
            set(words[:joins[-1]]) & cues.guess_words and not plans(words[:joins[-1]], cues):
        return True
    if plans(words, cues):
        return False
    if 1 <= len(tail) <= 5 and (tail[0] in ("you", "you'd", "you'll") or asks_back(tail)):
        return True
    # no joining word ("..., i'd guess, is that so", "... give or take is that about what you see"): the last
    # three or four words ask back, or up to eight that turn to the interviewer ("you")
    return len(words) > 6 and any(asks_back(words[-k:]) and (k <= 4 or "you" in words[-k:]) for k in range(3, 9))


def tagged_fact(words: list[str], core: list[str], cues: Cues, names_fact: bool) -> bool:
    """A fact of the problem stated for the interviewer to confirm ("we can use gpus for serving right",
    "the phones send a ping every few seconds right"): it names a fact or opens on a thing of the problem
    or what the team may use (`tag_fact_opens`); the candidate's own plan with a tag ("i'd shard by user,
    right") is not asked."""
    if not 4 <= len(words) <= 18 or words[-1] not in cues.confirm_tags or words[-2] in cues.tag_not_after:
        return False            # (nor "... if the order is right": the clause's own word, no tag)
    fragment = not set(words) & cues.statement_subjects    # "english only for the launch, correct?"
    if not (names_fact or fragment or any(core[:len(o.split())] == o.split() for o in cues.tag_fact_opens)):
        return False
    return not plans(words, cues)


def states_a_need(words: list[str], cues: Cues) -> bool:
    """What the candidate needs to know, said as a statement ("one thing i need to understand first is
    how stale...", "it would help me to know if there's a model live"): a first person need, a verb of
    knowing, then what; unless the candidate goes on with the plan ("..., so i'd alert on it")."""
    said = set(words)
    needs = [n for n in cues.need_verbs if n.split()[0] in said]    # (only those whose first word is there)
    for i in range(len(words)):
        for need in needs:
            if not at(words, i, need):
                continue
            before = words[max(0, i - 3):i]
            # (or said of knowing it: "it would help to know", "it'd be useful to know")
            mine = "me" in need.split() or bool({"i", "i'd", "i'm", "i'll", "it'd"} & set(before)) or \
                before[-2:] == ["it", "would"] or before[-3:] == ["it", "would", "be"]
            j = i + len(need.split())
            j += words[j:j + 1] == ["to"]
            know = next((k for k in cues.know_verbs if at(words, j, k)), None)
            if not mine or know is None:
                continue
            rest = words[j + len(know.split()):j + len(know.split()) + 3]
            if set(rest) & cues.embedded_words and not goes_on(words[j:], cues):
                return True
    return False


def checks_in(words: list[str], cues: Cues) -> bool:
    """A check on the candidate's own talk ("does all of that hang together", "do those pieces look okay
    to you", "does the split seem sensible to you"): a do-question with a verb that judges, about what
    was just said (a demonstrative or "my" opens its subject) or put to the interviewer ("... to you");
    not where the verb is followed by a place ("does it fit in memory")."""
    low = " ".join(words)
    to_you = _has(low, "to you") or _has(low, "for you")
    for i in range(len(words) - 1):
        if words[i] not in ("do", "does", "did", "would", "will") or (i and words[i - 1] == "or"):
            continue                  # "chat only, or does it also answer emails": the second half of an alternative
        subject = words[i + 1:i + 6]
        verb = next((k for k, w in enumerate(subject) if w in cues.judging_verbs), None)
        if verb is None or verb == 0 or subject[verb - 1] == "to":     # "does it need to feel instant" asks
            continue
        place = words[i + 2 + verb:i + 4 + verb]
        if place[:1] and place[0] in ("in", "into", "on", "onto", "within") and place[1:] != ["with"]:
            continue                  # "does it fit in memory", "does it run on one box": a fact of the problem
        if to_you or subject[0] in cues.own_talk or " ".join(subject[:verb]) in cues.own_talk:
            return True
    # "is this making sense", "is all of that holding together": the same check put with "is" and the verb in -ing
    for i in range(len(words) - 2):
        if words[i] in ("is", "are") and words[i + 1] in cues.own_talk and words[i + 1] != "it" and \
                any(_judging_ing(w, cues) for w in words[i + 2:i + 5]):
            return True
    return False


def _judging_ing(word: str, cues: Cues) -> bool:
    """"making", "holding", "looking": a judging verb in -ing."""
    stem = word[:-3] if word.endswith("ing") else ""
    return bool(stem) and (stem in cues.judging_verbs or stem + "e" in cues.judging_verbs)


def asks_opinion(words: list[str], cues: Cues) -> bool:
    """The interviewer's own view or choice ("what do you think", "what would you do here", "would you
    shard by merchant"): a verb of opinion after "you", or after "would you" any verb but one that asks
    what the problem holds ("would you say the traffic is spiky")."""
    if would_have_chosen(words):
        return True
    for i, w in enumerate(words[:-1]):
        nxt = words[i + 1]
        hypothetical = w == "you'd" or (w == "you" and i > 0 and words[i - 1] in ("would", "should", "wouldn't"))
        if hypothetical and nxt not in cues.would_you_asks and nxt not in cues.statement_subjects:
            return True
        if w == "you" and i > 0 and nxt in cues.opinion_verbs and words[i - 1] in _AUX | {"don't", "wouldn't"}:
            return True
    return False


def works_it_out(words: list[str], opens: int, cues: Cues) -> bool:
    """Figures worked out after the question in the same breath ("how many gpus would that take seventy
    billion in fp16 is a hundred and forty gigs so two cards", "how long would a retrain take two hours
    on eight gpus so nightly is fine"): a number, then a result word and a number or a conclusion."""
    after = words[opens + 2:]
    seen = False
    for i, w in enumerate(after):
        rest = after[i + 1:]
        if seen and w in cues.result_words and (any(is_number(x) for x in rest[:2]) or (
                w == "so" and len(rest) >= 2 and rest[0] not in cues.statement_subjects)):
            return True
        pronoun = w == "one" and rest[:1] != [] and rest[0] in cues.result_words     # "an early one, so give me ..."
        seen = (seen or (is_number(w) and not pronoun)) and w != "or"     # "10k or 100k": options, not worked out
    return False


def says_a_sum(words: list[str], cues: Cues) -> bool:
    """"seven billion times two bytes is fourteen gigabytes?": a number, an operator and a number, then a result word
    and a number: the candidate's own working said aloud (checked with a rising voice), not a fact of the problem."""
    for op in cues.sum_operators:
        for i in find(words, op):
            k = i + len(op.split())
            if not (any(is_number(w) for w in words[max(0, i - 5):i]) and any(is_number(w) for w in words[k:k + 2])):
                continue
            rest = words[k + 1:]
            if any(w in cues.result_words and any(is_number(x) for x in rest[j + 1:j + 3]) for j, w in enumerate(rest)):
                return True
    return False


_PACES = frozenset({"soon", "often", "quickly", "fast", "late", "early", "long"})


def _how_soon(words: list[str], i: int) -> bool:
    """"how soon we learn a charge was fraud": a pace asked about what "we" (the business) get, not a plan
    ("how many I flag" is the speaker's own)."""
    return i >= 2 and words[i] == "we" and words[i - 2] == "how" and words[i - 1] in _PACES


def plan_in_breath(words: list[str], opens: int, cues: Cues) -> bool:
    """The candidate's own clause after the question ("what happens if the feature store goes down we
    fall back to default values"): "we" or "i" well into the question, before a verb that does not ask (nor "i
    mean", which says the question again: "... before anything gets filtered i mean every one that could be sent")
    what the problem holds ("how many payments we see"), and not in a "how soon we learn" clause nor after an
    auxiliary, where it asks on ("how many gpus am i working with", "... or am i squeezing into what's there"), nor in
    a free relative ("into whichever ranker we pick")."""
    for i in range(opens + 4, len(words) - 1):
        if words[i] in ("we", "i") and words[i - 1] not in cues.bound_before and not _how_soon(words, i) and \
                words[i - 1] not in cues.statement_subjects and words[i - 1] not in ("and", "or", "but") and \
                words[i - 1] not in _AUX and words[i - 2] not in ("whatever", "whichever", "which", "what") and \
                words[i + 1] not in cues.fact_verbs and not words[i + 1].endswith("'t") and \
                not any(at(words, i, e) for e in cues.elaborations) and not _closes_relative(words, i + 1):
            return True
    return False


_RELATIVE_ENDS = frozenset({"or", "like", "because", "cause", "since", "roughly", "ballpark"})


def _closes_relative(words: list[str], verb: int) -> bool:
    """"the customer we turn away", "systems we control", "which payments we hold back": "we" and a verb that close
    the question's own noun (the question ends, or goes on to an alternative or a hedge, within two words); a plan
    said in breath goes on with what it does ("... goes down we fall back to default values")."""
    rest = words[verb + 1:]
    return len(rest) <= 2 or any(w in _RELATIVE_ENDS for w in rest[:3])


def answered_after_pause(words: list[str], opens: int, cues: Cues) -> bool:
    """"where does most of the cost go um mostly gpu hours": a hesitation, then an answer's hedge, or an
    answer and the reason for it ("what would the alert look at um the prediction distribution since...")."""
    for i in range(opens + 3, len(words) - 1):
        if words[i] not in ("um", "uh", "er", "erm", "hmm"):
            continue
        rest = " ".join(words[i + 1:])
        if words[i + 1] in cues.answer_hedges or any(_has(rest, r) for r in cues.reasons):
            return True
        if words[i + 1] == words[i - 1] and words[i - 1] in _PREPOSITIONS:    # "come from um from joining on ..."
            return True
    return False


_PREPOSITIONS = frozenset({"from", "to", "on", "in", "at", "by", "with", "for", "about", "through", "into"})


def is_preposition(word: str) -> bool:
    return word in _PREPOSITIONS


def tailed_request(words: list[str], cues: Cues, names_fact: bool) -> bool:
    """A fact of the problem named as a fragment and handed over at the end ("peak queries per second on
    launch day, any idea", "typical prompt length please"): no subject of its own and no plan."""
    if not 3 <= len(words) <= 20 or not names_fact or set(words) & cues.statement_subjects or plans(words, cues):
        return False
    low = " ".join(words)
    if any(low.endswith(" " + t) for t in cues.ask_tails):
        return True
    # "and the query volume roughly, like at the busiest point in the evening": the tail, then what it is about
    # (no verb anywhere: "the traffic is roughly flat at night" states it)
    return not set(words) & _AUX and any(
        words[i + len(t.split()):i + len(t.split()) + 1] and words[i + len(t.split())] in cues.tail_qualifiers
        for t in cues.ask_tails for i in find(words, t) if i >= 2)


def thinks_aloud(raw: str, cues: Cues) -> bool:
    """"okay what else, what else, ah the query piece": a bare question to oneself as a clause of its own."""
    clauses = [" ".join(w for w in tokens(c) if w not in cues.fillers) for c in re.split(r"[,;:]", raw)]
    return any(c in cues.self_talk for c in clauses)


def answers_previous(text: str, words: list[str], cues: Cues) -> bool:
    """"Yes, Redis does that easily.", "Only if it beats what we have.": a sentence that opens on an answer to the one
    before it."""
    return not text.rstrip().endswith("?") and len(words) > 2 and (
        words[0] in cues.answer_words or any(words[:len(c.split())] == c.split() for c in cues.conditional_answers))


def echoes_answer(question: str, nxt: str) -> bool:
    """"When should a team build its own? When nobody else has the problem yet.": the sentence after a marked
    question opens on the same question word, unmarked: the candidate answers their own question."""
    q, a = tokens(question), tokens(nxt)
    return question.rstrip().endswith("?") and not nxt.rstrip().endswith("?") and len(a) > 3 and \
        bool(q) and q[0] in _WH | {"why"} and a[0] == q[0]


_WH = frozenset({"how", "what", "what's", "whether", "which", "who", "who's", "when", "where", "if"})
_DO = frozenset({"do", "does", "did", "can", "could", "will", "would", "should"})
_MINE = frozenset({"i", "i'm", "i'd", "i've", "me", "my"})


def goes_on(after: list[str], cues: Cues) -> bool:
    """The candidate goes on with the plan after saying what they need ("..., so i'd alert on it",
    "..., so its checks run every five minutes"); "so give me a steer on that" still asks."""
    text = " ".join(after)
    return any(_has(text, g) for g in cues.goes_on) or \
        any(w == "so" and nxt in cues.goes_on_subjects for w, nxt in zip(after, after[1:]))


def own_method(words: list[str], k: int, cues: Cues) -> bool:
    """"how we stop it inventing policies": the question word, then "we"/"i" and a verb of the design."""
    return words[k + 1:k + 2] in (["we"], ["i"]) and words[k + 2:k + 3] != [] and words[k + 2] not in cues.fact_verbs


def states_an_unknown(words: list[str], cues: Cues, names_fact: bool = False) -> bool:
    """What the candidate does not know or is after, named as a thing and then told ("the piece i don't
    have is whether ...", "one thing i can't guess is how many ...", "what i'm after is how long ..."):
    a first-person clause with a word of lacking or wanting, "is", then within a few words a question word
    about the problem (not the candidate's own method), and no plan after it."""
    for i, w in enumerate(words):
        if w != "is" or i < 2:
            continue
        before = words[max(0, i - 11):i]
        lacks = _lacks_knowing(before, cues)
        if not (set(before) & _MINE and (set(before) & cues.unknown_words or lacks)):
            continue
        k = next((k for k in range(i + 1, min(i + 7, len(words))) if words[k] in _WH), None)
        if k is not None and not own_method(words, k, cues) and not goes_on(words[k:], cues):
            return True
        # "one thing i'm not sure about is the retention policy": what is not known, named as a thing of the problem
        if k is None and lacks and names_fact and not goes_on(words[i:], cues) and not set(words[i + 1:]) & _MINE:
            return True
    return False


def _lacks_knowing(before: list[str], cues: Cues) -> bool:
    """The speaker says they do not know ("i'm not sure about", "i've got no feel for", "i'm unclear on"), or cannot
    reckon it ("what i can't judge yet", "the part i cannot tell"): a negation, then within two words a verb of
    knowing or reckoning."""
    text = " ".join(before)
    if any(p in text for p in ("not sure", "no idea", "no feel", "no sense", "unsure", "unclear", "don't know")):
        return True
    return any(w in ("can't", "cannot", "don't", "couldn't") and set(before[j + 1:j + 3]) & cues.reckon_verbs
               for j, w in enumerate(before))


def inverted_alternative(words: list[str], cues: Cues) -> int | None:
    """Where a yes/no question with an alternative opens inside a run-on sentence ("one more does this
    slot have to work on the app or only the site", "conversions land days later surely or do advertisers
    report them sooner"): "do"/"can"/... before a subject that is not the candidate ("we", "i"), an "or"
    after it, and no plan of the candidate's before it."""
    if "or" not in words:
        return None
    for i in range(1, len(words) - 2):
        prev, subject = words[i - 1], words[i + 1]
        if words[i] not in _DO or prev in cues.bound_before or prev in cues.statement_subjects or \
                prev in cues.not_inverted_after or prev == "to" or (prev.endswith("s") and prev != "this"):
            continue
        if subject in cues.plan_markers or subject in ("i", "we", "you", "i'm", "we're") or plans(words[:i], cues):
            continue
        if "or" in words[i + 2:] or prev == "or":
            return i
    return None


def answers_explicitly(words: list[str], opens: int, cues: Cues) -> bool:
    """"the question is how we stop it inventing policies and the answer is retrieval": the candidate
    names the answer to their own question in the same breath."""
    return any(at(words, i, a) for i in range(opens + 3, len(words)) for a in cues.explicit_answers)


def offers_options(words: list[str], cues: Cues) -> bool:
    """"just english or more than that": a short fragment offering options after a question goes on
    asking it (no subject of its own before the "or"), it does not answer it."""
    if "or" not in words[1:-1] or len(words) > 8:
        return False
    head = words[:words.index("or")]
    return not set(head) & cues.statement_subjects and not any(is_number(w) for w in words)


def proposes(core: list[str], cues: Cues) -> bool:
    """A design proposal put as a question ("how about a per-region cap, say ten", "what about sharding
    by user"): a proposing opener, then something new (an indefinite article or a verb in -ing)."""
    for p in cues.proposal_opens:
        n = len(p.split())
        if at(core, 0, p) and core[n:n + 1] != [] and (core[n] in ("a", "an", "we", "i") or core[n].endswith("ing")):
            return True
    return False


def would_have_chosen(words: list[str]) -> bool:
    """"would you have gone synchronous ...": what the interviewer would have done, their own design choice."""
    return any(words[i:i + 3] == ["would", "you", "have"] and words[i + 3:i + 4] != [] and
               (words[i + 3].endswith("ed") or words[i + 3] in ("gone", "done", "built", "chosen", "made", "picked", "kept",
                                                                "taken", "put", "run", "split"))
               for i in range(len(words) - 3))


_WANTING = frozenset({"need", "want", "like", "love", "needs", "wants"})
_SPEAKER = frozenset({"i", "i'd", "i'll", "i'm", "me", "my"})


def wants_from_you(words: list[str], cues: Cues) -> int | None:
    """What the candidate wants from the interviewer, named ("the first number i'd want from you is ...", "i'll
    need the hardware picture from you: which gpus ...", "i'd like two things from you: what ..."): a
    first-person want within a few words before "from you", and no plan after it. Where what is wanted is told."""
    for i in range(2, len(words) - 1):      # (it may end the turn: "so that number i'd want off you")
        if words[i:i + 2] not in (["from", "you"], ["off", "you"], ["of", "you"]):      # "that number i'd want off you"
            continue
        before = words[max(0, i - 6):i]
        if set(before) & _WANTING and set(before) & _SPEAKER and not goes_on(words[i + 2:], cues):
            return i + 2
    return None


_SYSTEM = frozenset({"model", "models", "bot", "assistant", "system", "app", "ranker", "classifier", "agent", "chatbot",
                     "service", "product", "ui", "screen", "page", "visit", "onboarding", "form", "flow", "survey",
                     "widget", "popup"})
_SPEAKS = frozenset({"asking", "asks", "ask", "answering", "say", "says", "saying", "reply", "replies", "with"})
_DIRECT = frozenset({"what", "what's", "how", "which", "who", "why", "where", "did", "do", "does", "is", "are", "will",
                     "can", "should", "would"})


def systems_question(words: list[str]) -> bool:
    """A question the system puts to its user or answers ("the model is basically asking what are they likely to
    buy", "the bot should come back with did you mean ..."): the system as subject, within a few words a verb of
    asking or answering (or "come back with"), then the question (a question word or an auxiliary)."""
    for i, w in enumerate(words):
        if w not in _SYSTEM:
            continue
        near = words[i + 1:i + 6]
        speak = next((k for k, x in enumerate(near) if x in _SPEAKS and (x != "with" or near[k - 1:k] == ["back"])), None)
        if speak is None:
            continue
        after = words[i + 2 + speak:i + 2 + speak + 6]
        if set(after) & _DIRECT:
            return True
    return False


def asked_from(words: list[str]) -> int | None:
    """Where what a stated need asks opens ("the thing i'd want pinned down is whether ..."): its first question
    word; the words before it are the ask, not an answer to it."""
    return next((i for i, w in enumerate(words) if w in _WH), None)


def states_more_of_it(words: list[str], cues: Cues) -> bool:
    """"Hosted APIs are off the table, right? Everything stays in our own account.": after a fact put to the
    interviewer to confirm, a statement that says more of the same fact (no answer word, no plan, no "so" going
    on from it, no subject of the candidate's reasoning) leaves the check open; "Yes, ...", "So I'd ..." or
    "We can't let it go stale" closes it."""
    if not words or words[0] in cues.answer_words or words[0] in ("so", "then", "which", "that's", "it's"):
        return False
    first_person = {"i", "i'd", "i'll", "i'm", "we", "we'd", "we'll", "we're", "let's"}
    return words[0] not in cues.statement_subjects and not set(words) & first_person and not plans(words, cues) and \
        not goes_on(words, cues)
