"""Broad forms of asking and not asking, by grammar rather than by phrase (read by `coach.interview.clarify`).

The phrase lists in `rubrics/clarifying.toml` grew one set at a time, and a phrase one set needed rarely
turns up in the next. These forms carry over because they name the act, with small word classes as data:
- asked to be told: a verb of telling put to the interviewer ("describe for me", "talk me through", "fill me in");
- a wish to know: the speaker, a wish, then knowing ("I'd love some numbers on", "I'm keen to find out");
- a premise handed back: a statement, then "is that right / am I close / is that the bar" (no "you" judging the talk);
- about the talk: the speaker asks leave or judgement for their own turn ("can I spend", "am I being clear"),
  or asks whether the talk meets the interviewer's wishes ("what you had in mind", "from where you sit");
- answered in breath: a yes/no question the speaker answers at once ("does it need a gpu no, a tree ...");
- goes on provisionally: the next sentence stands in for the answer ("either way I'd...", "assuming not, ...");
- a fact named alone: a short fragment that opens on a fact of the problem ("latency budget for the whole page");
- asks if acceptable: a requirement, then "or is <something looser> okay" with no speaker in it;
- which example: the speaker offers the interviewer a choice of their own examples ("one where I was right, or...");
- a choice handed back: a question about the problem, then "or should I ..." ("..., or should I treat it as unbounded");
- put to you: the speaker puts a question to the interviewer by name mid-turn ("one thing i'd check with you, do ...");
- a fact handed back with a tag mid-sentence: "i'm assuming X, right, like nothing flagged ever ...", "first token
  back in about a second, right, and then streaming at reading speed";
- a clause fronted before the question: "when people say it feels random, is the aim sales or ...";
- time left asked alone: "how long have we got" with nothing after it, or the speaker going on ("..., i could go
  on about this for a while"): the interview's clock; "how long do we have before the labels land" asks a fact;
- a statement with a rising voice: a long sentence whose only mark of asking is the "?" ("the candidates come from
  bm25 and a vector index, merged and reranked by lambdamart?"): the candidate's own design, sum or story.
"""
from __future__ import annotations

import re

from coach.interview import clarify_moves as moves
from coach.interview.clarify_cues import Cues
from coach.interview.clarify_text import core, find, has, opens_question, tokens

_AUX = frozenset({"is", "are", "am", "was", "were", "do", "does", "did", "can", "could", "would", "will", "should",
                  "shall", "may", "might", "have", "has"})
_ME = frozenset({"me", "us"})
_SPEAKER = frozenset({"i", "i'd", "i'm", "i'll", "i've", "we'd", "we're"})
_WH = frozenset({"how", "what", "what's", "which", "who", "where", "when", "whether", "if"})
_BACK = frozenset({"that", "this", "it"})
_NOT_WISHES = frozenset({"going", "have", "has", "trying", "try", "able", "used", "got"})   # "I'm going to learn ..."


def asked_to_be_told(words: list[str], cues: Cues) -> bool:
    """"describe for me what the reviewers see", "talk me through the team": a telling verb aimed at the
    interviewer ("me" within two words), not the speaker's own ("let me explain") nor about the speaker's
    turn ("tell me if I'm going too fast")."""
    for i, w in enumerate(words):
        if w not in cues.tell_verbs or i > 0 and words[i - 1] in cues.statement_subjects | {"let", "to"}:
            continue
        near = words[i + 1:i + 4]
        if not _ME & set(near):
            continue
        k = i + 1 + next(j for j, x in enumerate(near) if x in _ME)
        after = words[k + 1:k + 3]
        if after[:1] and after[0] in ("if", "whether", "when") and after[1:2] and after[1] in ("i", "i'm", "we", "we're"):
            continue
        if len(words) - k >= 3:
            return True
    return False


def wishes_to_know(words: list[str], cues: Cues) -> bool:
    """"I'd love some numbers on ...", "I'm keen to find out how ...": the speaker, a wish within two words,
    then a knowing word within four; not a need of the design ("what I'd want to know at 3am is ...")."""
    for i, w in enumerate(words):
        if _named_then_wished(words, i, cues):
            return True
        if w not in _SPEAKER and not (w in ("i", "just", "really") and i == 0):
            continue
        if i > 0 and set(words[max(0, i - 2):i]) & _WH:
            continue                          # "what I'd want to know is": a free relative, the design's need
        wish = [k for k in range(i + 1, min(i + 4, len(words))) if words[k] in cues.wish_words or
                # "I'm keen to find out", "I'd be glad to learn": the speaker, then "to" and a knowing verb
                words[k] == "to" and words[k - 1] not in _NOT_WISHES and words[k + 1:k + 2] != [] and
                words[k + 1] in cues.know_words]
        if wish and set(words[wish[0] + 1:wish[0] + 5]) & cues.know_words and len(words) - wish[0] >= 4 and \
                not moves.goes_on(words[wish[0] + 1:], cues):    # "I want to know when it drifts, so ...": a plan
            return True
    return False


def _named_then_wished(words: list[str], i: int, cues: Cues) -> bool:
    """"two numbers i need up front how many payments ...": what is wanted named first ("numbers", "things"), the
    speaker and a wish right after it, then the question within four words."""
    if not (0 < i and words[i - 1] in cues.wish_before and words[i] in _SPEAKER | {"i", "we", "we'd"}):
        return False
    wish = next((k for k in range(i + 1, min(i + 3, len(words))) if words[k] in cues.wish_words), None)
    if wish is None:
        return False
    q = next((k for k in range(wish + 1, min(wish + 5, len(words))) if words[k] in _WH), None)
    return q is not None and len(words) - q >= 3 and not moves.goes_on(words[q:], cues)


def hands_premise_back(words: list[str], cues: Cues) -> bool:
    """"the catalogue's in the low millions I'd imagine, is that about right": a statement of the problem,
    then a short check of it; "is that the right level for you" judges the talk and is not one."""
    tail = words[-7:]
    if len(words) < 6 or {"you", "you're"} & set(tail[-3:]) and "for" in tail:
        return False
    for k in range(len(tail) - 1):
        if tail[k] in _AUX and tail[k + 1] in _BACK | {"i"} and set(tail[k + 2:]) & cues.premise_checks:
            return k + len(words) - len(tail) >= 4
    return False


def about_the_talk(words: list[str], cues: Cues) -> bool:
    """The speaker's own turn ("can I spend a couple of minutes on", "am I being clear", "have I explained",
    "is that too hand wavy") or whether it meets the interviewer's wishes ("is that what you're after",
    "from where you sit", "the right level for you")."""
    low = " ".join(words)
    for k in range(min(len(words) - 2, 4)):
        if _WH & set(words[:k]) and words[k - 1] not in _WH | {"else"}:
            break                             # "how many gpus am i working with" asks about a thing; "how am i doing" not
        aux, who, verb = words[k], words[k + 1], words[k + 2]
        if aux not in _AUX or who not in ("i", "we"):
            continue
        if aux == "am" and verb.endswith("ing") and verb not in ("getting", "given"):
            return True                       # "am I being clear", "am I doing okay"
        if aux == "have" and who == "i" and verb.endswith("ed"):
            return True                       # "have I explained", "have I covered"
        if verb in cues.talk_verbs and words[k + 3:k + 4] != ["it"]:
            return True                       # "can I spend", "should I go slower" (not "can I take it that")
        if aux == "can" and verb == "take" and words[k + 3:k + 4] != ["it"]:
            return True                       # "can I take a minute"
    for k in range(min(len(words) - 3, 4)):
        if words[k] in ("is", "was") and words[k + 1] in ("that", "this") and {"too", "enough"} & set(words[k + 2:k + 5]):
            return True                       # "is that too hand wavy", "is this enough detail"
    return low.endswith(" for you") or any(f" {p}" in f" {low}" for p in cues.interviewer_wishes)


def answers_in_breath(words: list[str], opens: int, cues: Cues) -> bool:
    """A yes/no question answered by its speaker in the same breath ("does it need a gpu no a tree ensemble
    scores...", "can we afford it, sure, the data is small"): an answer word after the question's verb,
    then at least three words, and not an offered alternative ("yes or no")."""
    if not (words[opens:opens + 1] and words[opens] in _AUX):
        return False
    for i in range(opens + 3, len(words) - 3):
        if "or" in words[opens:i]:
            return False                      # "do they tag X or would we start with no labels": two options asked
        if words[i] in cues.yes_no and words[i + 1] != "or" and words[i - 1] not in ("or", "and") and \
                not (words[i] == "not" and _negates(words[i - 1], cues)):
            return True
    return False


def _negates(before: str, cues: Cues) -> bool:
    """"we're not allowed", "it is not": "not" after a subject or a verb negates it, it answers nothing."""
    return before in _AUX or before in cues.statement_subjects or before.endswith(("'re", "'s", "'m"))


def goes_on_provisionally(words: list[str], cues: Cues) -> bool:
    """"Okay, either way I'd start with...", "Assuming answering only, I'd begin...": a sentence after a
    question that opens on a stand-in for the answer leaves the question open, it does not answer it."""
    i = 0
    while i < len(words) and (words[i] in cues.fillers or words[i] in cues.hedges):
        i += 1
    head = " ".join(words[i:i + 4])
    return any(head == p or head.startswith(p + " ") for p in cues.provisional_opens)


def asks_which_example(words: list[str], cues: Cues) -> bool:
    """"Do you want one where I turned out to be right, or is either fine?": a choice between the speaker's
    own examples ("one where", "the one with", "a story") offered with "or", for the interviewer to pick."""
    low = " ".join(words)
    if "or" not in words[1:-1] or not words or words[0] not in _AUX:
        return False
    return any(f" {p} " in f" {low} " for p in cues.example_choices)


_PLAN_WORDS = frozenset({"then", "first", "next", "now", "so", "let", "let's", "plus", "via", "using"})


def names_a_fact_alone(core: list[str], topics: dict[str, tuple[str, ...]], cues: Cues) -> bool:
    """"latency budget for the whole results page": a short fragment (no verb, no subject, no number) that
    opens on a fact of the problem, said on its own, asks for it."""
    if not 2 <= len(core) <= 8 or set(core) & (cues.statement_subjects | _AUX | _PLAN_WORDS | {"'s", "that's"}) or \
            any(moves.is_number(w) for w in core) or any(w.endswith("'s") or w.endswith("'re") for w in core):
        return False
    # ("what counts as noise" is a question word's own question, put by its form, not a fragment handed over: the
    # candidate may answer it next)
    if core[0] in _WH_ASK:
        return False
    if core[0] in ("and", "also", "plus", "then") and len(core) > 2:
        core = core[1:]                       # "and lookups volume and latency budget on those"
    heads = [" ".join(core)]
    if len(core) >= 4 and core[0] not in _DETERMINERS:
        heads.append(" ".join(core[1:]))      # the fact may follow a word saying whose ("lookups volume")
    return any(h == t or h.startswith(t + " ") for h in heads for words in topics.values() for t in words)


def offers_kinds_alone(core: list[str], cues: Cues) -> bool:
    """"first price or second price auction", "flat fee or revenue share": a short fragment (no verb, no subject, no
    number) that sets one kind of a thing against another, said on its own, asks which holds."""
    # ("first" here is an ordinal of a kind, "first price", not a step of the plan)
    if not 3 <= len(core) <= 8 or "or" not in core[1:-1] or set(core) & (cues.statement_subjects | _AUX | _PLAN_WORDS - {"first"} |
                                                                      {"'s", "that's", "not", "either"}) or \
            any(moves.is_number(w) for w in core) or any(w.endswith(("'s", "'re", "'d", "'ll", "ing", "ed")) for w in core):
        return False
    k = core.index("or")
    return 1 <= k and len(core) - k - 1 >= 1 and core.count("or") == 1 and core[0] not in ("or", "and", "but", "so")


def asks_if_acceptable(words: list[str], cues: Cues) -> bool:
    """"last five minutes exactly or are coarse buckets okay", "does it have to be exact or is an approximate
    top hundred fine": a requirement, then "or is/are <something looser> okay"; with no speaker in it (not
    "should I write it in Python or is pseudocode fine", which asks about the speaker's own turn)."""
    if "or" not in words[1:-2] or words[-1] not in cues.acceptable_ends or set(words) & (_SPEAKER | _ME | {"my", "me"}):
        return False
    k = len(words) - 1 - words[::-1].index("or")
    return words[k + 1] in ("is", "are", "would", "will")


def hands_choice_back(words: list[str], cues: Cues, names_fact: bool) -> bool:
    """"does the whole stream fit in memory or should I treat it as unbounded", "what price per gpu hour should I
    plug in, or do you want me to pick one": a question about the problem, then "or" and the choice handed to the
    speaker; the interviewer answers it or says to assume. The question comes first and is not about the
    speaker's own turn ("should I go deeper or do you want me to move on"): it inverts on a thing of the problem,
    or asks with a question word for a fact it names."""
    if "or" not in words[2:-2]:
        return False
    k = len(words) - 1 - words[::-1].index("or")
    tail, head = " ".join(words[k + 1:]), core(words[:k], cues)
    if not any(tail == c or tail.startswith(c + " ") for c in cues.choice_back) or not head or \
            any(has(" ".join(head), p) for p in cues.about_the_interview):
        return False                # "is there a whiteboard I can use, or should I ...": about the interview
    if head[0] in _AUX:             # not "is this level of depth useful", "does that make sense so far"
        return len(head) > 3 and head[1] not in _SPEAKER | {"we", "you", "my", "our"} | set(cues.own_talk)
    return head[0] in _WH and names_fact


_YOU_AFTER = (["with", "you"], ["by", "you"], ["past", "you"], ["you"])


def puts_to_you(words: list[str], cues: Cues) -> int | None:
    """"one thing i'd check with you do the paid listings go through the same ranker", "let me ask you which
    regions": the speaker, a verb of asking put to "you", then a question (an auxiliary or a question word within
    three words), however much design talk comes around it; not when the plan goes on from it ("..., so i'd ...").
    Where the question opens."""
    for i, w in enumerate(words):
        if w not in cues.put_to_you_verbs or not (_SPEAKER | {"me"}) & set(words[max(0, i - 3):i]):
            continue
        you = next((y for y in _YOU_AFTER if words[i + 1:i + 1 + len(y)] == y), None)
        if you is None:
            continue
        k = i + 1 + len(you)
        q = next((j for j in range(k, min(k + 3, len(words))) if words[j] in _AUX | _WH), None)
        if q is not None and len(words) - q >= 3 and not moves.goes_on(words[q:], cues):
            return q
    return None


def made_to_wonder(words: list[str], cues: Cues) -> int | None:
    """"... all of that leans on personal history, which makes me wonder whether anything limits the region", "that
    has me wondering how late the returns land": something of the problem leads the speaker to wonder (a verb, "me",
    a word of wondering), then the question (a question word or an auxiliary within three words), however much
    design talk comes before it; not when the plan goes on from it, nor when it weighs the speaker's own design
    ("whether we could drop a stage"). Where the question opens."""
    for i in range(1, len(words) - 2):
        if words[i] != "me" or words[i + 1] not in cues.wonder_words or words[i - 1] in cues.statement_subjects:
            continue
        k = i + 2
        q = next((j for j in range(k, min(k + 3, len(words))) if words[j] in _AUX | _WH), None)
        # "... makes me wonder whether we could drop the embedding stage": the speaker weighing their own design
        own = q is not None and words[q + 1:q + 2] in (["we"], ["i"]) and bool(set(words[q + 2:q + 4]) & cues.own_choice_modals)
        if q is not None and len(words) - q >= 3 and not own and not moves.goes_on(words[q:], cues):
            return q
    return None


def tag_mid_sentence(words: list[str], cues: Cues) -> int | None:
    """"first token back in about a second right and then streaming at reading speed", "i'm assuming the integrity
    folks own the flagging right like nothing flagged ever ...": a confirming tag ("right", "correct", or a
    negative tag such as "doesn't it") in the middle, then more of the same said on (an elaboration or "and"; after
    a negative tag "so" too, where a lone "right" could close "getting it right so ..."), with no plan of the
    candidate's after it ("right, and then i'd ..."). Where the tag is: what comes before it is put to the
    interviewer to confirm."""
    tags = [t for t in cues.confirm_tags - cues.yes_no]     # "no like" and "yeah like" are fillers mid-sentence
    tags += [t for t in cues.confirm_ends if "n't " in t]   # "legal gets the last word here doesn't it, like ..."
    for i in range(3, len(words) - 2):
        tag = next((t for t in tags if moves.at(words, i, t)), None)
        k = i + len(tag.split()) if tag else i
        if tag and words[i - 1] not in cues.bound_before | cues.statement_subjects and \
                any(moves.at(words, k, e) for e in cues.elaborations + ("and",) + (("so",) if " " in tag else ())):
            after = words[k:]
            # (a possessive in the example names a thing, not a step: "... whatever my model thinks")
            steps = [w for w in after if w not in _POSSESSIVE]
            return None if moves.plans(steps, cues) or moves.goes_on(after, cues) else i
    return None


def rising_statement(raw: str, words: list[str], cues: Cues) -> bool:
    """A long sentence with no question word, no "you" and no clause opening like a question ("chunks of three
    hundred tokens, hybrid retrieval, then a cross encoder over the top twenty?"): only the voice rises, so the "?"
    alone does not make it an ask ("quick one: are the counts ever wrong, like ...?" opens a clause on its verb)."""
    if len(words) < cues.rising_statement_words:
        return False
    inverted = any((w in _AUX or w.endswith("n't")) and nxt in _INVERTED_PRONOUNS     # "..., is that ...", "don't they"
                   for w, nxt in zip(words, words[1:]))
    clause_asks = any(opens_question(core(tokens(c), cues), cues) for c in re.split(r"[,;:]", raw))
    return not inverted and not clause_asks and not set(words) & (_WH | {"why", "you", "your", "you're", "you'd", "you've"})


_POSSESSIVE = frozenset({"my", "our"})
_INVERTED_PRONOUNS = frozenset({"that", "this", "it", "there", "we", "they", "i", "those", "these"})


def opens_as_assumption(words: list[str], cues: Cues) -> bool:
    head = " ".join(core(words, cues))
    return any(head.startswith(a + " ") for a in cues.assume_opens)


_FRONTED = frozenset({"when", "if", "once", "whenever"})
_INVERTED_SUBJECTS = frozenset({"the", "it", "there", "we", "they", "this", "that", "our", "a", "an", "those", "these",
                                "you"})


def after_fronted_clause(words: list[str], start: int, cues: Cues) -> int | None:
    """"when people say it feels random is the aim more sales or fewer empty searches": a clause opening on
    "when"/"if"/"once" with a subject of its own, then an inverted question (an auxiliary before its subject).
    Where the question opens, so what the fronted clause says is not read as an answer."""
    if words[start:start + 1] == [] or words[start] not in _FRONTED or words[start + 1:start + 2] == [] or \
            words[start + 1] in _AUX:
        return None                         # "when do labels arrive" asks when
    for i in range(start + 3, len(words) - 2):
        if words[i] in _AUX and words[i + 1] in _INVERTED_SUBJECTS and \
                words[i - 1] not in cues.bound_before | cues.statement_subjects:
            return i
    return None


_REASONS = frozenset({"because", "cause", "cuz", "cos", "since"})
_POINTERS = frozenset({"that", "it", "this", "which", "the", "whatever"})


def reason_for_asking_at(words: list[str], opens: int, cues: Cues) -> int | None:
    """Where the candidate says why they ask, after the question ("how far do conversions trail the click cause if
    it's days i'll need a correction", "... early or late, because that sets the loss i train with"): a word of reason,
    then a condition on the answer ("if ...") or the answer's bearing on the design ("that sets ...", "it changes ...",
    "the answer decides ..."), a verb of its own in -s. Not "because it's cheaper" (an answer's reason)."""
    for k in range(opens + 3, len(words) - 2):
        if words[k] not in _REASONS or (words[k] == "cause" and words[k + 1] == "of"):
            continue
        nxt = words[k + 1:k + 5]
        if nxt[0] in ("if", "whether") or any(" ".join(words[k + 1:]).startswith(b) for b in cues.asking_because):
            return k
        if nxt[0] in _POINTERS:
            verb = next((w for w in nxt[1:3] if w.endswith("s") and len(w) > 3 and not w.endswith("ss")), None)
            if verb and verb not in ("is", "was", "has", "does", "this", "its", "plus", "always", "us"):
                return k
    return None


_SPEAKERS = frozenset({"i", "we", "i'd", "we'd", "i'll", "we'll", "i'm", "we're", "i've", "we've", "my", "our", "me", "us",
                       "let's", "so", "then"})


def chained_ask_at(raw: str, words: list[str], opens: int, cues: Cues) -> int | None:
    """Where a second ask is chained on after a question with ", and" ("how many orders a minute at peak, and is a
    late estimate worse than an early one"; a transcriber may garble it into a statement): the clause after it
    opens on neither the speaker nor an answer word and holds no figure, so it is not the question answered in the
    same breath ("how many a second, and I'd guess three hundred"), and holds no plan of the speaker's: no answer
    is looked for in it."""
    if not words[opens:opens + 1] or (words[opens] not in _WH_ASK and words[opens] not in moves.AUX):
        return None
    head = raw.lower().replace("\u2019", "'")
    dropped = len(tokens(head)) - len(words)       # lead-ins stripped from the front ("got it, ...")
    at = head.find(", and ")
    while at >= 0:
        k = len(tokens(head[:at])) - dropped
        tail = words[k + 1:]
        if k >= opens + 3 and tail and tail[0] not in _SPEAKERS and \
                not any(" ".join(tail).startswith(a + " ") for a in cues.answer_openers) and \
                not any(moves.is_number(w) and w != "one" for w in tail) and not set(tail) & _FIRST_PERSON and \
                words[k:k + 1] == ["and"]:
            return k
        at = head.find(", and ", at + 1)
    return None


# the speaker's own voice ("so I would just reuse them"): a tail with it goes on with the plan ("we", "us" may be the
# company the question is about: "is a late estimate worse for us")
_FIRST_PERSON = frozenset({"i", "i'd", "i'll", "i'm", "i've", "me", "my", "we'd", "we'll", "let's"})
def closing_inverted_clause(raw: str, words: list[str]) -> int | None:
    """Where a yes/no question closes a long turn after a comma ("... offline is parquet on the lake, and the one thing
    that could change it is personal data, are some of these features about individual people"): the last clause
    opens on a verb before a subject that is not the speaker, and holds no voice of the speaker's."""
    head = raw.lower().replace("\u2019", "'").rstrip(" .?!")
    at = head.rfind(", ")
    if at < 0:
        return None
    k = len(tokens(head[:at])) - (len(tokens(head)) - len(words))
    tail = words[k:]
    if k < 1 or len(tail) < 4 or tail[0] not in ("is", "are", "does", "do", "will", "can", "has", "have") or \
            tail[1] in ("i", "we", "you", "that", "this", "it") or moves.is_number(tail[1]) or set(tail) & _FIRST_PERSON or \
            raw.rstrip().endswith("."):
        return None               # "..., is six million tokens of cache.": the verb of a long subject
    return k


_WH_ASK = frozenset({"how", "what", "what's", "which", "who", "where", "when", "whether"})


def names_an_open_matter(words: list[str], cues: Cues) -> bool:
    """"something that would shape the whole thing is whether the messages may leave our systems": a thing named, "is
    whether", then a matter of the problem (its subject not the speaker: "the choice is whether we cache" is the
    candidate's own design), with no plan of the speaker's before or after it."""
    for i in range(2, len(words) - 3):
        if words[i] not in ("is", "was") or words[i + 1] != "whether":
            continue
        if words[i + 2] in _FIRST_PERSON or words[i + 2] in ("we", "we're", "us", "you") or \
                moves.plans(words[:i], cues) or moves.goes_on(words[i:], cues) or {"myself", "ourselves"} & set(words[:i]):
            continue              # "the question i keep asking myself is whether ...": put to oneself
        return True
    return False


_MODALS = frozenset({"would", "could", "might", "'d"})
_SMALL = frozenset({"the", "a", "an", "of", "or", "and", "to", "in", "on", "for", "with", "is", "are", "it", "this", "that",
                    "we", "do", "does", "lots", "lot", "just", "only", "also", "some", "any", "all", "one"})


def reason_after_either_or(question: str, nxt: str, cues: Cues) -> bool:
    """"Is this one city or lots of countries? Road data would look very different.": after an either/or put as a
    question, a sentence that picks neither side (no word of either option), opens on no answer word, has no figure
    and no voice of the speaker's, and says what would follow (a modal) gives the reason for asking: it does not
    answer the question."""
    q, a = tokens(question), tokens(nxt)
    if not question.rstrip().endswith("?") or nxt.rstrip().endswith("?") or not q or q[0] not in moves.AUX or \
            "or" not in q[2:-1] or not a or a[0] in cues.answer_words:
        return False
    options = {w[:4] for w in q[2:] if w not in _SMALL and len(w) > 2}
    picks = any(w[:4] in options for w in a if w not in _SMALL and len(w) > 2)
    return not picks and bool(_MODALS & set(a)) and not set(a) & (_FIRST_PERSON | {"we", "our"}) and \
        not any(moves.is_number(w) for w in a)


_FIGURE = frozenset({"number", "numbers", "figure", "figures", "range", "estimate", "ballpark", "idea", "sense", "feel"})


def needs_a_figure(words: list[str], cues: Cues) -> bool:
    """"the delay between a prediction and its label, minutes or weeks, i'd need a rough range": the turn ends on the
    speaker's need of a figure (a first person, a want, then within three words a word for a number) and names
    nothing after it."""
    for i in range(max(0, len(words) - 7), len(words) - 1):
        if words[i] in ("i'd", "i", "i'll", "we'd") and words[i + 1] in ("need", "want", "like", "love", "take") and \
                _FIGURE & set(words[i + 2:i + 6]) and len(words) - i <= 7:
            return True
    return False


_COPULAS = (["has", "to", "be"], ["must", "be"], ["should", "be"], ["needs", "to", "be"], ["will", "be"], ["ought", "to", "be"])
_DETERMINERS = frozenset({"the", "a", "an", "our", "my", "their", "those", "these", "that", "this", "its", "your"})


def what_as_subject(core: list[str]) -> bool:
    """"what comes out of the model has to be an honest probability, not an ordering": "what" and its own verb, then
    a requirement or a "to be" about it; a statement about the thing, not a question."""
    if _chosen_as_subject(core):
        return True
    if core[:1] != ["what"] or len(core) < 6 or not core[1].endswith("s") or core[1] in _AUX or core[1] in ("does", "has"):
        return False
    return any(core[k:k + len(c)] == c for k in range(3, min(len(core), 10)) for c in _COPULAS)


_DEPENDS = ("depends", "is up to", "comes down to", "hinges on", "will depend", "is driven by")


def _chosen_as_subject(core: list[str]) -> bool:
    """"which model i pick depends on the latency", "which features we use is up to the experiments": "which" or
    "what", a noun, the speaker and a verb (the speaker's choice, as a subject), then what it depends on."""
    if core[:1] not in (["which"], ["what"]) or len(core) < 6 or core[2] not in ("i", "we") or core[1] in _AUX:
        return False
    rest = " ".join(core[4:8])
    asks_on = bool({"how", "what", "which", "whether", "you"} & set(core[4:]))     # "..., so how much is it"
    return not asks_on and any(rest.startswith(d) or f" {d}" in rest for d in _DEPENDS)


_TIME_ASKS = (["how", "long"], ["how", "much", "time"])
_HAVE = frozenset({"got", "have"})
_HOLDERS = frozenset({"we", "i"})


def asks_time_left(words: list[str]) -> bool:
    """"sorry how long have we got, i could go on about this one": how long the speaker or both of us have,
    with the clause ending there (nothing after it, or the speaker going on): the interview's own time. With
    more after it ("how long have we got to return a ranking") it asks the problem's deadline."""
    for i in range(len(words)):
        for ask in _TIME_ASKS:
            k = i + len(ask)
            if words[i:k] != ask:
                continue
            clause = words[k:k + 3]
            if len(clause) >= 2 and clause[0] in _AUX and clause[1] in _HOLDERS and \
                    (len(clause) == 2 or clause[2] in _HAVE):
                rest = words[k + 2 + (len(clause) == 3 and clause[2] in _HAVE):]
                if rest and rest[0] == "left":
                    return True
                if not rest or rest[0] in _SPEAKER | _HOLDERS:
                    return True
    return False


_QUOTED_OPENS = _WH | {"why", "do", "does", "did", "is", "are", "can", "could", "would", "will", "should"}


def quotes_a_question(words: list[str], cues: Cues) -> bool:
    """A question quoted inside a story ("one agent came up to me and said why does it keep suggesting refunds", "my
    manager asked me whether we could ship it"): a verb of saying in the past, at most one object ("me", "to us"),
    then the question word or verb; someone other than the interviewer said it ("when you said lookups, is that ..."
    asks back)."""
    for v in cues.quote_verbs:
        for i in find(words, v):
            if words[i - 1:i] in (["you"], ["you've"]) or (i and words[i - 1] in _AUX):
                continue            # "you said", "was asked": the interviewer's words, or the speaker's
            k = i + len(v.split())
            for o in ("",) + cues.quote_objects:
                j = k + len(o.split())
                if (not o or words[k:j] == o.split()) and words[j:j + 1] and words[j] in _QUOTED_OPENS:
                    return True
    return False


_TOPIC_OPENS = frozenset({"the", "those", "these", "our", "their"})
_TOPIC_MAX = 8          # words of the thing named before the question about it


def fronted_topic_question(words: list[str], start: int, cues: Cues) -> int | None:
    """"and then the labels for the slow models how long until we know": a thing of the problem named first (a phrase
    opening on a determiner, with no speaker, auxiliary or plan word in it), then a question about it opening on a
    question phrase of two words ("how long", "how many"); speech often drops the comma between them. Where the
    question opens."""
    if words[start:start + 1] == [] or words[start] not in _TOPIC_OPENS:
        return None
    for i in range(start + 2, min(start + _TOPIC_MAX + 1, len(words) - 2)):
        head = words[start:i]
        if set(head) & (cues.statement_subjects | _AUX | _PLAN_WORDS | _WH) or any(w.endswith("'s") for w in head):
            return None
        if any(" ".join(words[i:i + 2]) == q for q in cues.question_starts if len(q.split()) == 2 and q.startswith("how ")) \
                and opens_question(words[i:], cues):
            return i
    return None
