"""Clarifying questions in a system-design round: telling them apart, and answering them from facts.

Pure and rule-based: the cues are data (`rubrics/clarifying.toml`) and the facts
are the question's own (`[question.facts]` in the bank). A clarification is not
an answer: the interviewer replies with the facts the question asks about, or
asks the candidate to state an assumption, and then listens again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from coach.interview import clarify_forms as forms
from coach.interview import clarify_moves as moves
from coach.interview.clarify_answer import credit, parts_asked, reply, topics_asked
from coach.interview.clarify_cues import Cues, default_cues, load_cues
from coach.interview.clarify_features import Weights, default_weights, probability
from coach.interview.clarify_text import SENTENCE as _SENTENCE
from coach.interview.clarify_text import core as _core
from coach.interview.clarify_text import find as _find
from coach.interview.clarify_text import has as _has
from coach.interview.clarify_text import has_words as _has_words
from coach.interview.clarify_text import opens_question as _opens_question
from coach.interview.clarify_text import strip_lead_ins as _strip_lead_ins
from coach.interview.clarify_text import tokens as _words

__all__ = ["Cues", "load_cues", "default_cues", "clarifying_questions", "is_clarification", "questions_in_answer",
           "topics_asked", "parts_asked", "reply", "credit"]



_NUMBER = re.compile(r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|"
                     r"thousand|million|billion|percent|dozen)$")


_SUCCEEDS = frozenset({"doing", "does", "do", "did", "done", "going", "goes", "went"})    # "... is doing well"

_PARTICIPLE = re.compile(r"^(?:\w+(?:ed|en|wn)|spent|built|made|kept|paid|done|run|set|thought)$")

# words in -s after "it" that are not its verb ("sent it as is", "it is", "it has")
_NOT_VERBS = frozenset({"is", "was", "'s", "as", "has", "does", "this", "its", "us", "plus", "always", "thus", "unless",
                        "across", "besides", "less", "yes"})


def _asks_without_question_word(words: list[str], core: list[str], cues: Cues, raw: str) -> bool:
    """A request for a fact with no question word or mark: "I'd like to know whether...",
    "ballpark number of users per day", "I'm assuming X, or is that wrong"."""
    low = " ".join(words)
    asked = [a for a in cues.embedded_asks   # (the ask alone first: cheap, and it must be there for any pair to be)
             if _has(low, a) and any(_has(low, a + " " + w) for w in cues.embedded_words)]
    after = low.split(asked[0], 1)[1] if asked else ""
    embedded = bool(asked) and not moves.goes_on(after.split(), cues)  # "I want to know when it drifts, so I'd..."
    opener = " ".join(words[:len(words) - len(core)] + core[:1])
    request = any(_has(opener, r) for r in cues.request_starts) and bool(topics_asked([raw], cues)) and \
        not any(_NUMBER.match(w) for w in words)     # "roughly ten thousand a second" states a number
    return embedded or request or any(_has(low, c) for c in cues.assumption_checks)


def _asks_after(words: list[str], verbs: tuple[str, ...]) -> bool:
    """A request verb, then within two words what is asked ("give me a sense of how many languages")."""
    wh = {"how", "what", "what's", "which", "who", "whether", "if", "where", "when"}
    return any(wh & set(words[i + len(v.split()):i + len(v.split()) + 3]) for v in verbs for i in _find(words, v))



def _inverted(words: list[str], cues: Cues) -> int | None:
    """Where a question opens in the middle of a run-on sentence ("the traffic, is it flat or..."), if it does."""
    for i in range(1, len(words) - 1):
        if " ".join(words[i:i + 2]) in cues.inversions and words[i - 1] not in cues.not_inverted_after:
            return i
    return None


def _ends_relative(rest: list[str]) -> bool:
    """"... name the help page it leans on": "it" and its verb end the sentence (a preposition at most after them),
    a relative clause of the question's last noun; an answer goes on ("it sits next to the gateway")."""
    return len(rest) <= 1 and all(moves.is_preposition(w) for w in rest)


def _contrast_then_plan(words: list[str], opens: int, cues: Cues) -> bool:
    """"who gets woken up the owning team not the platform team so every alert carries ...": a question word, an
    answer set against another ("the A, not the B"), then the plan going on from it."""
    if not words[opens:opens + 1] or words[opens] not in ("who", "what", "which", "where", "when"):
        return False
    for k in range(opens + 3, len(words) - 2):
        if words[k] == "not" and words[k + 1] in ("the", "a", "an") and words[k - 1] not in moves.AUX and \
                words[k - 1] not in cues.statement_subjects and not words[k - 1].endswith(("'re", "'s", "'m", "n't")):
            return moves.goes_on(words[k:], cues)
    return False


def _answered_in_breath(words: list[str], opens: int, cues: Cues) -> bool:
    """The candidate answers the question in the same sentence ("is that fast enough probably not so i'd
    precompute..."): a self-question, not a clarification."""
    why = "why" in words[:opens + 1]
    # the reason for asking ("..., since i doubt that's uniform across them") holds no answer to the question
    # (a comma may end the question rather than a preface: the reason is looked for from the start)
    reason = next((k for k in range(1, len(words)) if (words[k] in ("since", "because") or
                                                      any(moves.at(words, k, b) for b in cues.asking_because)) and not why),
                  len(words))
    for phrase in cues.answer_openers + (("because",) if why else ()):
        for i in _find(words, phrase, opens + 3):
            if i >= reason or (phrase == "well" and words[i + 1:i + 2] != [] and _PARTICIPLE.match(words[i + 1])):
                continue            # "a time well spent kind of number": an adverb, not "well, ..." answering
            if phrase == "well" and words[i - 1] in _SUCCEEDS:
                continue            # "when they say the feed is doing well": how a thing fares, not "well, ..." answering
            if phrase == "times" and not moves.is_number(words[i - 1]):    # "3,000 times two", not "page times out"
                continue
            if phrase == "that's" and "like" in words[i - 3:i - 1] and len(words) - i <= 5:
                continue            # "a list of stuff like health that's off the table": what the example is, not an answer
            nxt = words[i + len(phrase.split()):][:1]
            if words[i - 1] not in cues.bound_before | cues.evaluatives | {"or"} and not (words[i - 1] == "as" and phrase == "well") and \
                    not (phrase in ("i'd", "we'd") and nxt in (["be"], ["have"], ["need"], ["get"])):   # "a prompt we'd be serving"
                return True
    if moves.answered_after_pause(words, opens, cues):
        return True
    if _contrast_then_plan(words, opens, cues):
        return True
    for i in range(opens + 3, len(words) - 1):    # "where does it live it sits next to the gateway"
        if words[i] == "it" and words[i - 1] not in cues.bound_before and words[i + 1].endswith("s") and \
                words[i + 1] not in _NOT_VERBS and not {"how", "what", "when", "where", "why"} & set(words[i - 2:i]) and \
                not _ends_relative(words[i + 2:]):
            return True
    # "what happens to a user with one row they still go to one side": "they" or "it" and an adverb that states what
    # happens (`answer_adverbs`) answer the question
    if any(words[i] in ("they", "it") and words[i - 1] not in cues.bound_before and words[i + 1] in cues.answer_adverbs
           and not {"how", "what", "when", "where", "why"} & set(words[i - 2:i]) for i in range(opens + 3, len(words) - 2)):
        return True
    if _pro_verb_answer(words, opens, cues):
        return True
    # "...goes down and we accept stale features": a clause of the candidate's own plan
    for i in range(opens + 3, len(words) - 2):
        if words[i] in ("and", "so", "then") and words[i + 1] in ("we", "i") and \
                (words[i + 2] not in cues.bound_before or words[i] == "so") and words[i + 2] not in ("have", "need", "get", "want", "know") and \
                not (words[i] == "and" and _in_asked_option(words, opens, i)):
            return True
    return False


def _in_asked_option(words: list[str], opens: int, at: int) -> bool:
    """"... or is it public right away and we catch up after": an "and" clause inside the last option of an
    alternative put as a question ("or" and an inverted verb before it) describes that option, not the plan."""
    return any(words[k] == "or" and words[k + 1] in moves.AUX for k in range(opens + 1, at - 1))


_SUBJECT_ASKS = frozenset({"who", "which", "what"})
_DO = frozenset({"does", "do", "did"})


def _pro_verb_answer(words: list[str], opens: int, cues: Cues) -> bool:
    """"who decides what a feature means the owner does every feature has one owning team": a question about who or
    what does something, answered by a noun and "does" standing for the question's verb (no question word just
    before it, and no subject after it that would make it a question of its own: "which team does the labelling")."""
    if not (words[opens:opens + 1] and words[opens] in _SUBJECT_ASKS):
        return False
    for i in range(opens + 3, len(words)):
        if words[i] not in _DO or set(words[i - 3:i]) & (_SUBJECT_ASKS | {"how", "when", "where", "why", "whether", "if"}):
            continue
        before, nxt = words[i - 1], words[i + 1:i + 2]
        if before in cues.bound_before or before in cues.statement_subjects or before in moves.AUX or before in ("not", "to"):
            continue
        if not nxt or nxt[0] in ("every", "each", "all", "so", "and", "but", "because", "since", "always", "though"):
            return True
    return False


def _statement_or(words: list[str], core: list[str], cues: Cues, raw: str) -> bool:
    """A fact asked as a statement with an alternative ("and the labels come from review or from
    disputes"): no first person choosing, and it names a fact topic or opens on the problem ("the ...")."""
    if "or" not in words[1:-1] or len(words) > 22 or any(_NUMBER.match(w) and w != "one" for w in words):
        return False
    low = " ".join(words)
    # a first person closing the last option's noun ("or just one more signal i'm free to weigh up") describes that
    # option; one before it, or opening it ("or i could ..."), is the candidate choosing
    last_or = len(words) - 1 - words[::-1].index("or")
    chosen = " ".join(words[:last_or + 2])
    if any(_has(chosen, c) for c in cues.choosing) or \
            any(_has(low, c) for c in cues.choosing if " " in c) or not _closes_option(words[last_or + 1:], cues):
        return False
    low = " ".join(words)
    scope = any(_has(low, o) for o in cues.or_scope[:-2]) or any(low.endswith(" " + o) for o in cues.or_scope[-2:])
    return bool(topics_asked([raw], cues)) or core[:1] == ["the"] or scope


def _closes_option(after: list[str], cues: Cues) -> bool:
    """The words of the last option hold no first person, or only one right after a noun of the option (a clause
    that closes it: "one more signal i'm free to weigh up")."""
    firsts = [i for i, w in enumerate(after) if any(w == c for c in cues.choosing if " " not in c)]
    return all(i >= 2 and after[i - 1] not in cues.choosing and after[i - 1] not in _NOT_VERBS and
               after[i - 1] not in ("and", "but", "so", "then", "or", "think", "guess") for i in firsts)


def _verb_s(word: str, cues: Cues) -> bool:
    return word.endswith("s") and word[:-1] in cues.fact_verbs


def _noun_clause(after: list[str], cues: Cues) -> bool:
    """"how much weight freshness gets is a dial": the question word's clause has its own verb, then "is"."""
    return any(_verb_s(w, cues) and after[k + 1:k + 2] in (["is"], ["are"], ["was"]) for k, w in enumerate(after))


_FREE_RELATIVE_AFTER = frozenset({"is", "was", "exactly", "precisely", "just", "that's", "it's", "what's"})
_POSSESSIVES = frozenset({"our", "my", "their", "his", "her", "its"})


def _wh_inverted(words: list[str], cues: Cues) -> int | None:
    """Where a direct question opens after a preface ("let's see, how many notifications does a user get"):
    a question word, then a verb before any subject; "how many candidates we can afford" is embedded."""
    auxes = {"do", "does", "did", "is", "are", "was", "were", "can", "could", "will", "would", "should", "has", "have"}
    # "how" with any word of degree ("how far behind the clicks do those land", "how stale can it get")
    degrees = {"how " + words[i + 1] for i in _find(words, "how", 1)[:3] if i + 1 < len(words) and
               words[i + 1] not in auxes and words[i + 1] not in cues.statement_subjects and words[i + 1] != "about"}
    for start in ("how many", "how much", "how often", "how long", "what", "which", *sorted(degrees)):
        for i in _find(words, start, 1):
            after = words[i + len(start.split()):i + len(start.split()) + 4]
            if start == "which" and after[:1] and after[0] in auxes:      # "the list, which is precomputed hourly"
                continue
            if words[i - 1] in _FREE_RELATIVE_AFTER:      # "which is exactly what our monitoring should catch"
                continue
            for k, w in enumerate(after):
                # "so which of those mistakes hurts us more": the question word is the subject, its verb judges
                nxt = words[i + len(start.split()) + k + 1:i + len(start.split()) + k + 2]
                if start == "which" and k and w.endswith("s") and w not in auxes and \
                        nxt in (["us"], ["more"], ["most"], ["worse"], ["less"]):
                    return i
                if w in cues.statement_subjects or w in _POSSESSIVES or moves.goes_on(words[i:i + 3], cues):
                    break                         # "..., which is why"; "what our monitoring should" is a clause
                if w in auxes:
                    return i
                if _verb_s(w, cues):    # "how much weight it gets is a dial": a noun clause
                    break
    return None


def _wh_fronted(words: list[str], cues: Cues) -> bool:
    """"so for the search box, how many queries hit us", "once it's queued what's the longest it can wait": a
    question after a fronted phrase with no subject of its own ("I'd count how many payments fail" is the candidate's plan)."""
    for i in _find(words, "how many", 1) + _find(words, "how much", 1):
        before = " ".join(words[:i])
        k = i + 2 + 2 * (words[i + 2:i + 3] == ["of"])     # "how much of it is video": "it" is not a subject
        if not set(words[:i]) & cues.statement_subjects and not any(_has(before, c) for c in cues.choosing) and \
                not set(words[k:k + 2]) & cues.statement_subjects and not _noun_clause(words[i + 2:i + 7], cues):
            return True
    # "once something's queued, what's the longest it can sit": the verb is in the question word
    return any(not set(words[:i]) & cues.statement_subjects and not any(_has(" ".join(words[:i]), c) for c in cues.choosing)
               for i in _find(words, "what's", 1))


def _after_short_preface(raw: str, cues: Cues) -> int | None:
    """"so first thing, how fresh does...": a question opening after a preface of at most three words."""
    head, sep, rest = raw.partition(",")
    lead = _core(_words(head), cues)
    rest_core = _core(_words(rest), cues)
    relative = rest_core[:1] == ["which"] and rest_core[1:2] != [] and rest_core[1] in moves.AUX   # "..., which is why"
    if sep and 0 < len(lead) <= 3 and not set(lead) & cues.statement_subjects and not relative and \
            _opens_question(rest_core, cues):
        return len(_words(head))
    return None


def _and_question(words: list[str], cues: Cues) -> int | None:
    """"[what's] the peak volume and how long until the labels come back": a fragment naming a fact, then "and" and
    a question (Whisper may lose the question word at the front); not after a subject of the candidate's own
    ("we cache the features and how long they live ...")."""
    for k in range(2, min(len(words) - 3, 6)):
        if words[k] != "and" or set(words[:k]) & cues.statement_subjects or moves.is_number(words[k - 1]):
            continue
        tail = words[k + 1:]
        if tail[:2] in (["how", "long"], ["how", "many"], ["how", "much"], ["how", "often"], ["how", "late"],
                        ["how", "soon"], ["how", "big"], ["what", "is"], ["what's"], ["which"], ["who"]) and \
                not set(tail[2:5]) & cues.statement_subjects and not _noun_clause(tail[2:7], cues):
            return k + 1
    return None


_SPEAKER = frozenset({"i", "we", "me", "us", "i'm", "we're", "i'd", "we'd", "i'll", "we'll", "my", "our"})


def _leave_for_a_thing(words: list[str], cues: Cues) -> bool:
    """"is it fine if the estimate is a bit off for new restaurants": whether the problem allows something of the
    system (an "if" whose subject is not the speaker), not leave for the candidate's own next step."""
    low = " ".join(words)
    for p in cues.permission:
        at = low.find(p + " if ")
        if at >= 0:
            after = low[at + len(p) + 4:].split()
            return bool(after) and after[0] not in _SPEAKER
    return False


def _given(words: list[str], cues: Cues) -> bool:
    """"how many engineers would i have on this", "how much memory will i get": a count of what the speaker is given
    asks what the problem holds, not how the speaker would design."""
    counts = _find(words, "how many") + _find(words, "how much")
    return any(words[k:k + 2] in (["would", "i"], ["will", "i"], ["do", "i"], ["would", "we"], ["will", "we"], ["do", "we"])
               and words[k + 2:k + 3] and words[k + 2] in cues.given_verbs
               for c in counts for k in range(c + 2, min(c + 6, len(words) - 2)))


def _about_own_design(words: list[str], core: list[str], cues: Cues) -> bool:
    """"How would we shard...", "what's the simplest thing that could work": the candidate's own design."""
    if _given(words, cues):
        return False
    head, low = " ".join(core), " ".join(words)
    # "who would i be working with": a person of the problem is asked for, not the speaker's design
    low = re.sub(r"\bwhom? (?:would|will|do|should) (?:i|we)\b", "who", low)
    method = any(head.startswith(m + " ") for m in cues.method_asks) and not any(_has(low, t) for t in cues.method_today)
    design = any(_has_words(low, d) and not _relative_when(words, d, cues) for d in cues.design_asks)
    return (method or design or moves.proposes(core, cues)) and "assum" not in low


def _relative_when(words: list[str], phrase: str, cues: Cues) -> bool:
    """"a cap per person or hours when we mustn't send": "when" right after a noun of time (`when_nouns`) opens a
    relative clause of that noun (a stretch of the problem's time), not a question about the candidate's own design
    ("so when we retrain, what ...")."""
    if not phrase.startswith("when "):
        return False
    hits = _find(words, phrase)
    return bool(hits) and all(i > 0 and words[i - 1] in cues.when_nouns for i in hits)


def _requested(words: list[str], cues: Cues) -> int | None:
    """The candidate's own ask of the interviewer, then what is asked within three words ("I'd want to hear
    from the team which...", "what I need from you: which..."); not the interviewer's ("you'll want to hear
    about rollout") and not one the plan goes on from ("I want to know when it drifts, so I'd alert on it")."""
    low = " ".join(words)
    for a in cues.embedded_asks:
        if not _has(low, a):
            continue
        before, after = (_words(x) for x in low.split(a, 1))
        if set(after[:3]) & cues.embedded_words and not {"you", "you'll", "you'd", "you're"} & set(before[-3:]) and \
                not moves.goes_on(after, cues):
            return len(before)
    return None


def _preface_end(raw: str, cues: Cues) -> int:
    """Where the question opens after a preface ending in a comma ("okay, before I draw anything, ..."): the words
    up to the first comma that ends more than fillers."""
    n = 0
    for chunk in raw.split(","):
        n += len(_words(chunk))
        if _core(_words(chunk), cues):
            return n
    return n


@dataclass(frozen=True)
class Sentence:
    text: str
    question: bool        # asks something (ends in "?" or opens like a question)
    clarifying: bool      # and asks the interviewer about the problem
    requested: bool = False   # put to the interviewer as a request ("I'd want to hear which..."): never rhetorical
    tagged: bool = False      # a fact of the problem stated for the interviewer to confirm ("..., right?")


def _sentences(text: str, cues: Cues) -> list[Sentence]:
    out: list[Sentence] = []
    for m in _SENTENCE.finditer(text.replace("\u2019", "'")):
        raw = m.group(0).strip()
        words = _words(raw)
        stripped = _strip_lead_ins(words, cues)
        if len(stripped) < len(_core(words, cues)):      # an acknowledgement came first: "got it. and what..."
            words = stripped
        if not words:
            continue
        low = " ".join(words)
        core = _core(words, cues)
        clause_q = any(_has(low, c) and _opens_question(_words(c) + ["x"], cues)
                       for c in cues.clause_starts if not low.startswith(c))
        confirm = [c for c in cues.confirm_ends if _has(low, c)]
        # "presumably the photos are in storage, so ingestion is a listing job": a premise the plan goes on from
        premise = bool(confirm) and low.startswith(confirm[0] + " ") and ", so " in raw.lower()
        handed_over = words[-1] in cues.confirm_tags and any(" ".join(_core(words, cues)).startswith(a + " ")
                                                             for a in cues.assume_opens)
        tag_at = forms.tag_mid_sentence(words, cues)     # a fact, then "right, and ..." / "right, like ..."
        # (what is handed over names a fact, or is said of a thing of the problem with no speaker in it:
        # "integrity gets the final say here, doesn't it, like ...")
        handed_over = handed_over or tag_at is not None and (forms.opens_as_assumption(words, cues) or (
            (bool(topics_asked([" ".join(words[:tag_at])], cues)) or not set(words[:tag_at]) & cues.statement_subjects)
            and not moves.plans(words[:tag_at], cues)))
        names_fact = bool(topics_asked([raw], cues))
        checks = any(_has(low, c) for c in cues.assumption_checks) or \
            (any(low.endswith(" " + c) for c in confirm) and names_fact) or \
            (bool(confirm) and not premise and not any(_has(low.replace(confirm[0], " "), c) for c in cues.choosing)) or \
            handed_over
        wanted_at = moves.wants_from_you(words, cues)
        wanted_at = forms.puts_to_you(words, cues) if wanted_at is None else wanted_at
        wanted_at = forms.made_to_wonder(words, cues) if wanted_at is None else wanted_at
        needs = moves.states_a_need(words, cues) or moves.states_an_unknown(words, cues, names_fact) or wanted_at is not None or \
            (forms.needs_a_figure(words, cues) and names_fact) or forms.names_an_open_matter(words, cues)
        # "when you say lookups, is that ... or ...": what the interviewer said, asked back
        needs = needs or (core[:3] in (["when", "you", "say"], ["when", "you", "said"]) and len(words) > 5)
        tagged = moves.tagged_fact(words, _core(words, cues), cues, names_fact)
        checks = checks or moves.hands_back(words, cues) or tagged or moves.tailed_request(words, cues, names_fact)
        opens = 0 if _opens_question(core, cues) else _inverted(words, cues) or moves.inverted_alternative(words, cues) or \
            _and_question(words, cues) or \
            _wh_inverted(words, cues) or _after_short_preface(raw, cues) or forms.closing_inverted_clause(raw, words) or \
            forms.fronted_topic_question(words, len(words) - len(core), cues)
        # a request opens the sentence, a clause after a comma, or follows a preface ("before I draw
        # anything, give me a sense of...")
        heads = [" ".join(core)] + [" ".join(_core(_words(c), cues)) for c in raw.split(",")[1:]]
        prefaced = any(_has(low, a) for a in cues.asks)
        request = (any(h.startswith(r + " ") for h in heads for r in cues.request_verbs) or
                   (prefaced and any(_has(low, r) for r in cues.request_verbs))) and (
            names_fact or any(w in cues.embedded_words for w in core[2:4]) or _asks_after(words, cues.request_verbs))
        # "so training runs on how many nodes today": the question word asked in place, near the end
        in_place = _wh_inverted(words, cues) or _wh_fronted(words, cues) or any(i > 0 and len(words) - i <= 5 and not set(words[i + 2:]) & cues.statement_subjects
                       for i in _find(words, "how many") + _find(words, "how much"))
        # broad forms: asked to be told, a wish to know, a premise handed back (clarify_forms)
        told = forms.asked_to_be_told(words, cues) or forms.wishes_to_know(words, cues) or \
            ("please" in (words[0], words[-1]) and names_fact)      # "peak chats and prompt length please"
        told = told or ((forms.names_a_fact_alone(core, cues.topics, cues) or forms.offers_kinds_alone(core, cues))
                        and not raw.endswith(".")) or \
            forms.asks_if_acceptable(words, cues)
        # "does the stream fit in memory, or should I treat it as unbounded": answered, or "your call"
        choice_back = forms.hands_choice_back(words, cues, names_fact)
        told = told or choice_back
        premise_back = forms.hands_premise_back(words, cues) and (names_fact or any(moves.is_number(w) for w in words))
        checks = checks or premise_back
        # (a long statement whose only sign of asking is the "?" is said with a rising voice, not asked)
        marked = raw.endswith("?") and not forms.rising_statement(raw, words, cues)
        question = told or marked or opens is not None or checks or request or in_place or \
            (clause_q and any(_has(low, a) for a in cues.asks)) or \
            _asks_without_question_word(words, core, cues, raw) or _statement_or(words, core, cues, raw) or needs
        opens = (len(words) - len(core)) + (opens or 0)
        fronted = forms.after_fronted_clause(words, len(words) - len(core), cues)
        opens = opens if fronted is None else max(opens, fronted)
        # "(okay,) before I sketch anything, ..." prefaces it: the candidate stops to ask (fillers before it aside)
        stops_to_ask = prefaced and any(" ".join(core).startswith(a + " ") for a in cues.asks)
        if stops_to_ask and "," in raw:
            opens = max(opens, _preface_end(raw, cues))
        # put to the interviewer as the candidate's own ask, with what is asked after it ("let me start with what
        # I need from you: which categories exist", "I'd want to hear from the team which..."): not about the
        # candidate's own turn or design, and not rhetorical, unless the plan goes on after it
        ask_at = _requested(words, cues)
        ask_at = wanted_at if ask_at is None else ask_at
        if ask_at is None and (needs or told):    # "the thing i'd want pinned down is whether ...": what is asked opens there
            ask_at = moves.asked_from(words)
        requested = ask_at is not None or needs or bool(request) or told or (stops_to_ask and names_fact)
        if ask_at is not None:          # the question opens at the ask: an answer must come after it
            opens = max(opens, ask_at)
        # the reason for asking said after the question holds no answer to it ("... cause if it's days i'll need a
        # correction", "... because that sets the loss i train with"): what comes after it is not looked at
        said = words[:min(forms.reason_for_asking_at(words, opens, cues) or len(words),
                          forms.chained_ask_at(raw, words, opens, cues) or len(words))]
        in_breath = not raw.endswith("?") and (moves.answers_explicitly(said, opens, cues) or not checks and (
            not requested and forms.answers_in_breath(said, opens, cues) or
            _answered_in_breath(said, opens, cues) or moves.works_it_out(said, opens, cues) or
            moves.plan_in_breath(said, opens, cues)))
        asks_first = _opens_question(core, cues) and core[0] not in ("when", "if", "once", "whenever")
        if question and forms.asks_which_example(words, cues):      # "one where I was right, or is either fine"
            out.append(Sentence(raw, True, True, True))
            continue
        if question and not asks_first and moves.systems_question(words):
            out.append(Sentence(raw, True, False))      # "the model is basically asking what will they buy"
            continue
        if question and not raw.rstrip().endswith("?") and forms.quotes_a_question(words, cues):
            out.append(Sentence(raw, True, False))      # "... came up to me and said why does it keep suggesting refunds"
            continue
        if question and moves.says_a_sum(words, cues):
            out.append(Sentence(raw, True, False))      # "seven billion times two bytes is fourteen gigabytes?"
            continue
        if question and moves.thinks_aloud(raw, cues):
            out.append(Sentence(raw, True, False))      # "okay what else, what else, ah the query piece"
            continue
        if question and ((_about_own_design(words, core, cues) and not checks and not requested) or in_breath or
                         (forms.what_as_subject(core) and not raw.endswith("?") and not requested)):
            out.append(Sentence(raw, True, False))      # "what could go wrong here the main risk is..."
            continue
        tag = raw.endswith("?") and any(raw.lower().endswith(t) for t in cues.tags) and not checks
        about_me = (any(" ".join(core).startswith(p + " ") for p in cues.about_me_starts) or
                    any(_has(low, p) for p in cues.about_my_turn)) and not requested
        # asking leave for one's own step ("would it be okay to start from the boxes") is not a clarification;
        # asking whether something of the problem is allowed ("is it okay to use bureau data") is
        own_step = any(_has(low, p) for p in cues.about_my_turn) or (not names_fact and not _leave_for_a_thing(words, cues))
        assumes = "assum" in low or any(_has(low, c) for c in cues.assumption_checks if "assume" in c or " take it" in c)
        # "would you mind telling me what accelerators we have" asks the interviewer to tell: not leave for a step
        leave = any(_has(low, p) for p in cues.permission) and "assum" not in low and own_step and \
            not any(_has(low, p + " " + r) for p in cues.permission for r in cues.permission_requests)
        meta = any(_has(low, p) for p in cues.about_the_interview + cues.interview_time) or forms.asks_time_left(words) or \
            leave or (
            forms.about_the_talk(words, cues) and not told and not needs) or (
            about_me and not needs and not assumes and not names_fact) or \
            moves.asks_opinion(words, cues) or moves.checks_in(words, cues)
        meta = meta and not choice_back
        out.append(Sentence(raw, bool(question), bool(question and not tag and not meta), requested, tagged))
    return out


def _reason_for_asking(question: str, nxt: str, cues: Cues) -> bool:
    """"How many GPUs can I have for inference? Because running a vision model over every photo is not free.": a
    sentence opening on a reason after a question says why it is asked (Whisper often ends the question before
    it). Only after a question with a question word other than "why": "Why a queue? Because ..." answers it, and
    "Do we need a feature store? Because we compute everything in the request" may hold its answer."""
    first, asked = _core(_words(nxt), cues), _core(_words(question), cues)
    return bool(first) and any(first[:len(r.split())] == r.split() for r in cues.reason_cuts) and \
        asked[:1] != [] and asked[0] in ("how", "what", "what's", "which", "who", "where", "when") and \
        "why" not in _words(question) and not moves.plans(first, cues)     # "Since ..., I'd keep it tiny." answers it


def _continues_ask(text: str, cues: Cues) -> bool:
    """A follow-on fragment that goes on with the ask before it ("And whether a merchant needs a reason."): it
    opens (after "and") on "whether", with no plan of the candidate's in it."""
    core = _core(_words(text), cues)
    return core[:1] == ["whether"] and not moves.goes_on(core, cues) and not set(core) & {"i'd", "i'll", "we'll", "let's"}


def is_clarification(text: str, cues: Cues | None = None) -> bool:
    """Does this turn ask the interviewer about the problem (and not go on with the design)?"""
    return bool(clarifying_questions(text, cues))


def clarifying_questions(text: str, cues: Cues | None = None, weights: Weights | None = None) -> list[str]:
    """The turn's clarifying questions, or [] when the turn is design talk, rhetorical or off the problem.
    A short turn the rules miss is still asked when the feature score is confident (clarify_features)."""
    cues = cues or default_cues()
    return _asked_by_rules(text, cues) or ([] if _about_the_interview(text, cues) else _sure_by_features(text, weights))


def _about_the_interview(text: str, cues: Cues) -> bool:
    """The turn asks about the interview's own time ("how long have I got left") or the candidate's own next step
    ("should I talk about the team side or the problem side first"): the feature score does not overrule the rules
    on it."""
    low = " ".join(_words(text.replace("\u2019", "'")))
    return any(_has(low, p) for p in cues.interview_time + cues.about_my_turn) or forms.asks_time_left(_words(low))


def _sure_by_features(text: str, weights: Weights | None = None) -> list[str]:
    """A short turn the feature score is confident asks the interviewer (clarify_features)."""
    w = weights or default_weights()
    if text.strip() and len(text.split()) <= w.max_words and probability(text, w) >= w.threshold:
        return [text.strip()]
    return []


def questions_in_answer(text: str, cues: Cues | None = None) -> list[str]:
    """The clarifying questions asked anywhere in a spoken answer, however much design talk follows them
    ("Let me start with what I need from you: which categories exist... Fine, so the worst get removed"):
    the same rules as a turn's, without the limit on other talk, and a short turn the feature score is sure of.
    The scorer's `no_clarifying` reads this, so a turn the interview treats as a clarification is one for it too."""
    # (the rules over the whole turn find a subset of these: only the feature score is left to ask)
    return _asked_by_rules(text, cues or default_cues(), whole_turn=False) or _sure_by_features(text)


def _afterthought(text: str, cues: Cues) -> tuple[str, bool]:
    """"..., activation checkpointing on, oh and is the cluster ours for the whole run": a question opening right
    after an afterthought (`afterthoughts`) and running to the end of the turn is a sentence of its own, where the
    candidate stops to ask. The text with that question split off, and whether it was."""
    low = text.lower().replace("\u2019", "'")
    best = -1
    for mark in cues.afterthoughts:
        for m in re.finditer(r"(?:^|[\s,;:.-])" + re.escape(mark) + r"\b[\s,]*", low):
            tail = low[m.end():]
            if m.start() > 0 and m.end() > best and "?" not in tail[:-1] and not re.search(r"[.!]\s", tail) and \
                    _asks_on(_words(tail), cues):
                best = m.end()
    if best < 0:
        return text, False
    return text[:best].rstrip(" ,;:") + ". " + text[best:], True


def _asks_on(words: list[str], cues: Cues) -> bool:
    """What follows an afterthought asks: it opens like a question with no plan of the candidate's in it, or names a
    thing and then asks about it ("the sponsored listings, do those get blended into my ranking"), with no plan
    before the question opens."""
    if _opens_question(_core(words, cues), cues):
        return not moves.plans(words, cues)
    at = _inverted(words, cues)
    return at is not None and not moves.plans(words[:at], cues)


def _asked_by_rules(text: str, cues: Cues, whole_turn: bool = True) -> list[str]:
    text, afterthought = _afterthought(text, cues)
    sents = _sentences(text, cues)
    asked: list[str] = []
    statement_words = 0
    for i, s in enumerate(sents):
        nxt = sents[i + 1] if i + 1 < len(sents) else None
        # (a sentence that opens on an answer but puts it to the interviewer, "Probably eight, but I'd like to hear it
        # from you", answers nothing)
        if s.clarifying and not (i > 0 and (moves.answers_previous(s.text, _words(s.text), cues) and not s.requested
                                             or moves.echoes_answer(sents[i - 1].text, s.text))):
            answered_itself = nxt is not None and not s.requested and \
                (not nxt.question or moves.answers_previous(nxt.text, _words(nxt.text), cues) and not nxt.requested
                 or moves.echoes_answer(s.text, nxt.text)) and \
                not moves.offers_options(_words(nxt.text), cues) and not any(_has(" ".join(_words(nxt.text)), b) for b in cues.asking_because) and \
                not forms.goes_on_provisionally(_words(nxt.text), cues) and \
                not _reason_for_asking(s.text, nxt.text, cues) and not forms.reason_after_either_or(s.text, nxt.text, cues) and \
                not (s.tagged and moves.states_more_of_it(_words(nxt.text), cues))
            if not answered_itself:
                asked.append(s.text)
                continue
        if asked and sents[i - 1].text == asked[-1] and _continues_ask(s.text, cues):
            asked.append(s.text)          # "... at the busiest point. And whether a merchant needs a reason."
            continue
        if s.question:
            continue                      # a rhetorical or meta question: neither asked nor design talk
        low = " ".join(_words(s.text))
        prev_asked = bool(asked) and i > 0 and sents[i - 1].text == asked[-1]
        if any(_has(low, a) for a in cues.asks) or (prev_asked and any(_has(low, b) for b in cues.asking_because)):
            continue                      # "Let me ask about scale first." / "I'm asking because..."
        statement_words += len(_words(s.text))
    # design talk with a question inside it is an answer; a turn that ends by stopping to ask ("but before
    # I commit to that, what volume...") waits for the answer
    last = " ".join(_words(sents[-1].text)) if sents else ""
    stops_to_ask = bool(asked) and sents[-1].text == asked[-1] and (afterthought or any(_has(last, a) for a in cues.asks))
    if whole_turn and statement_words > cues.max_statement_words and not stops_to_ask:
        return []
    return asked
