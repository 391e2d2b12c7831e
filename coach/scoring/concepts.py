"""Wrong claims as co-occurring concepts, not phrases: the second way a misconception is recognised.

A misconception's `concepts` (rubrics/questions/*.toml) are cue sets written as groups of alternatives:

    concepts = ["roc | roc curve + @favour + rare | few positives | imbalanc*"]

A cue set fires on a clause when every group (split on " + ") has a mention there, all within SPAN characters
of one another. An alternative (split on " | ") is a word or phrase: "*" ends a word stem, spaces and hyphens
match either, "!" in front asks for the mention to be negated ("!change*" is "neither changes", "does not
change"), and "@name" is one of the stance groups below (recommending or doing a practice, favouring a choice,
applying it as a remedy, a universal "always"). A group written with "-" in front says what the claim cannot sit next to: the right
statement itself ("- need the labels"). Without "!", a negated or contrasted mention does not count ("not better",
"PR AUC over ROC AUC", "rather than a random split"). A clause that reports or rejects the claim ("people think ...", "...,
which is wrong"), or calls the thing a harm near the mentions ("leaks", "inflates", "a mistake", "useless"),
states nothing wrong.

A misconception's `swap` (two named ideas whose meanings people exchange) is written

    swap = ["bias : underfit* | too simple ; variance : overfit* | memori*"]

and fires when one side's name is tied ("is", "means", "that's", "when") closely, in the same clause, to the other
side's meaning (or the other side's meaning to this side's name), with neither its own meaning nor the other's name
in between, and no negation.
Clauses split on . ; : ? ! and on but, whereas, however, although, though, while and so, so an unpunctuated spoken
answer is read in pieces; two clauses joined by "so" are also read together, since a reason and what is drawn from it
("it is convex, so any step size converges") state one claim. A practice named as the premise of a condition ("if you resample, you have to ...")
is not stated as done or recommended.
"""
from __future__ import annotations

import re
from functools import lru_cache

_F = re.IGNORECASE
SPAN = 120           # characters from the first to the last mention of a cue set
NEAR = 60            # characters either side of the mentions read for a harm word
SWAP_GAP = 70        # characters between a name and the other side's meaning
# What ties a name to a meaning: "variance is when ...", "... that's a bias problem", "overfitting means high bias".
# ("precision tells you what share of the real cases we caught", "recall measures ...": what a metric tells is its meaning)
LINK = re.compile(r"\b(?:is|are|means?|meaning|that'?s|it'?s|called|refers? to|points? to|indicates?|shows? up as|"
                  r"measures?|tells? (?:you|us)|"
                  r"comes? from|caused by|leads? to|when|gives?|makes?|pushes|drives|sets|=)\b", _F)
TIE_OPENS = re.compile(r"^\W*(?:[\w']+\W+){0,3}?" + LINK.pattern, _F)
# (a possessive is an article here: "... that's your bias problem" names the problem as "a bias problem" does)
TIE_CLOSES = re.compile(r"(?:\b(?:that'?s|it'?s|is|means|called|indicates|points to|a sign of|gives(?: you)?)|=)\s+"
                        r"(?:(?:a|an|the|your|our|my|their|high|low|more|too much|just|basically|pure|classic|"
                        r"textbook|clearly|obviously)\s+){0,2}$", _F)
# A meaning said as the name's own verb, with at most an adverb between ("bagging mainly lowers the bias"): the verb is
# the tie.
_ADVERBS = re.compile(r"\W*(?:(?:mainly|mostly|primarily|largely|chiefly|mainly just|really|actually|basically|just|"
                      r"only|also|always|usually|typically|generally)\W+){0,2}", _F)
# "so" opens a clause, except in "or so" (an approximation: "an AUC over 0.9 or so is ...")
CLAUSE_BREAK = re.compile(r"(?<!\d)\.(?!\d)|[;:?!]|\b(?:but|whereas|however|although|though|while)\b|(?<!\bor )\bso\b", _F)
# A negation in the three words before a mention turns it round; a contrast word just before it puts it aside.
NEG_BEFORE = re.compile(r"(?:\b(?:not|never|no|nor|neither|without|hardly|cannot|dont|doesnt|didnt|cant|wont|isnt|"
                        r"arent|wasnt|werent|shouldnt|wouldnt|couldnt)|n't)\s+(?:\S+\s+){0,2}$", _F)
# "I prefer that to ROC AUC", "we chose PR AUC in preference to ROC": the thing after "prefer ... to" is set aside.
CONTRAST_BEFORE = re.compile(r"(?:\b(?:than|over|instead of|rather than|unlike|versus|vs|against|not|in preference to)|"
                             r"\bprefer\w*\s+(?:[\w'-]+\s+){0,4}?to)\s+(?:the\s+|a\s+|plain\s+)?$", _F)
# Words that call what the clause describes a harm: the speaker names the wrong practice to warn against it.
HARM = re.compile(r"\b(?:leak\w*|inflat\w*|(?:too|overly) (?:good|optimistic)|optimistic|mistakes?|misleading|cheat\w*|"
                  r"pitfalls?|traps?|flatter\w*|fool\w*|overstat\w*|contaminat\w*|wrong(?:ly)?|bug\w*|dangerous|"
                  r"useless|no good|meaningless|tells you nothing|says nothing|hides?|hiding|masks?|"
                  r"(?:can|may|might|will|would) (?:still )?(?:look|seem) (?:great|good|high|impressive|fine|brilliant))\b",
                  _F)
# Stance groups: ways of saying "I do this / this is right / this is the better one / this always holds".
STANCE: dict[str, tuple[str, ...]] = {
    "endorse": ("i", "we", "i'd", "we'd", "i'll", "we'll", "you want", "you should", "you need", "you can", "should",
                "standard", "the right way", "the correct way", "the proper way", "fine", "ok", "okay", "safe",
                "no problem", "good enough", "recommend*", "always", "consistent", "best", "just"),
    "favour": ("better", "best", "prefer*", "more informative", "more sensitive", "more reliable", "more useful",
               "more robust", "more stable", "more accurate", "right choice", "right metric", "go-to", "headline",
               "go with", "report", "use", "pick", "choose", "trust", "rely on", "ideal", "enough", "lean on",
               "stick with", "go by", "track"),
    # applying a practice as the cure for a problem: "I add regularisation when it underfits", "reach for L2 to fix"
    "remedy": ("add", "adds", "adding", "apply", "applies", "applying", "use", "uses", "using", "turn up", "turn it up",
               "increase", "increasing", "raise", "reach for", "fix*", "cure*", "remed*", "help* with", "deal with",
               "cope with", "the answer to", "the cure for", "the fix for"),
    "always": ("always", "every time", "in all cases", "any case", "regardless", "whatever the", "holds for",
               "no matter", "in general", "for everything", "universally"),
}


# a hedge or an intensifier said after a negation or an auxiliary inside a phrase does not change it: "can't really
# hallucinate", "does not actually need", "will never ever drift" (only there: a gap that takes one is slower to try)
_GAP = r"[\s'’-]+"
_FILLED_GAP = _GAP + r"(?:(?:really|actually|ever|even|truly|basically|possibly|quite|just|totally|completely)\s+)?"
_HEDGED_AFTER = frozenset({"t", "not", "never", "no", "cannot", "can", "will", "would", "does", "do", "did", "is", "are"})


@lru_cache(maxsize=2048)
def _term(alt: str) -> tuple[re.Pattern[str], bool]:
    """One alternative as a pattern, and whether it asks for a negated mention."""
    negated = alt.startswith("!")
    alt = alt.lstrip("!").strip()
    body = ""
    for k, w in enumerate(alt.split()):
        stem = w.endswith("*")
        if k:
            body += _FILLED_GAP if alt.split()[k - 1].lower() in _HEDGED_AFTER else _GAP
        body += re.escape(w.rstrip("*")).replace(r"\-", r"[\s-]+") + (r"[\w'-]*" if stem else "")
    lead = r"\b" if re.match(r"\w", alt) else ""
    tail = "" if alt.endswith("*") or not re.search(r"\w$", alt) else r"\b"
    return re.compile(lead + body + tail, _F), negated


def _alternatives(group: str) -> list[str]:
    out: list[str] = []
    for alt in (a.strip() for a in group.split("|")):
        if alt.startswith("@"):
            out.extend(STANCE.get(alt[1:], ()))
        elif alt:
            out.append(alt)
    return out


@lru_cache(maxsize=512)
def parse(cue_set: str) -> tuple[tuple[str, ...], ...]:
    """A cue set as its groups of alternatives; a stance name is expanded."""
    return tuple(tuple(_alternatives(g)) for g in cue_set.split(" + ") if g.strip())


def problems(cue_set: str) -> str:
    """'' when a cue set (or a swap) is well formed, else what is wrong with it (for the content loader)."""
    for g in (x.strip() for x in re.split(r" \+ |;|:", cue_set)):
        for a in (x.strip() for x in g.split("|")):
            if not a.strip("!*@ "):
                return f"an empty alternative in {cue_set!r}"
            if a.startswith("@") and a[1:] not in STANCE:
                return f"unknown stance group {a!r} (one of {', '.join('@' + s for s in STANCE)})"
    return ""


@lru_cache(maxsize=2048)
def _group(alts: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """A group's alternatives as one pattern for plain mentions and one for those asked negated ("!...")."""
    plain = [_term(a)[0].pattern for a in alts if not a.startswith("!")]
    negated = [_term(a)[0].pattern for a in alts if a.startswith("!")]
    return (re.compile("|".join(f"(?:{p})" for p in plain), _F) if plain else None,
            re.compile("|".join(f"(?:{p})" for p in negated), _F) if negated else None)


def _mentions(alts: tuple[str, ...], clause: str, verbs: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int]]:
    """Where the clause mentions one of the alternatives with the polarity asked for. `verbs` are the mentions asked
    negated ("!affect*"): the negation before one of them is its own, not that of the object just after it ("do not
    affect calibration" negates the effect, not calibration)."""
    out = []
    for pat, want_negated in zip(_group(alts), (False, True)):
        if pat is None:
            continue
        for m in pat.finditer(clause):
            before = clause[max(0, m.start() - 40):m.start()]
            negated = bool(NEG_BEFORE.search(before))
            if negated and not want_negated and any(0 <= m.start() - e <= 12 for _, e in verbs):
                negated = False
            if _IDIOM_AFTER.match(clause, m.end()):
                continue                 # "keeping in mind that ...": the idiom, not the word's own sense
            if want_negated == negated and (want_negated or not _contrasted(before, m.group(0))):
                out.append((m.start(), m.end()))
    return out


# A word said inside an idiom that does not carry its sense: "keeping in mind that resampling changes the
# probabilities" keeps nothing.
_IDIOM_AFTER = re.compile(r"\s+in mind\b", _F)


# "over" before a whole extent is a span, not a preference: "target encoding computed over the whole dataset"
_OVER = re.compile(r"\bover\s+(?:the\s+)?$", _F)
_EXTENT = re.compile(r"(?:whole|entire|full|all|complete|last|past|next)\b", _F)


def _contrasted(before: str, mention: str) -> bool:
    """The mention is set against another ("PR AUC over ROC AUC", "rather than a random split")."""
    return bool(CONTRAST_BEFORE.search(before)) and not (_OVER.search(before) and _EXTENT.match(mention))


def _set_aside(alts: tuple[str, ...], clause: str) -> int:
    """Where the clause first puts one of the alternatives aside ("I prefer that to ROC AUC ..."), or past its end:
    a later mention of it in the same clause ("... because ROC's false-positive rate ...") explains the choice, it
    does not favour it. A mention before it is the one chosen ("upsampling, unlike downsampling, keeps ...")."""
    pat = _group(alts)[0]
    if pat is None:
        return len(clause) + 1
    return next((m.start() for m in pat.finditer(clause)
                 if _contrasted(clause[max(0, m.start() - 40):m.start()], m.group(0))
                 and not NEG_BEFORE.search(clause[max(0, m.start() - 40):m.start()])), len(clause) + 1)


@lru_cache(maxsize=4096)
def clauses(sentence: str) -> tuple[str, ...]:
    parts, last = [], 0
    for m in CLAUSE_BREAK.finditer(sentence):
        parts.append(sentence[last:m.start()])
        last = m.end()
    parts.append(sentence[last:])
    return tuple(p for p in parts if p.strip())


_SO = re.compile(r"(?<!\bor )\bso\b", _F)
# A reason or a consequence said with a negation ("..., so no synthetic rows reached the test set", "events can
# arrive out of order, so ...") is read clause by clause: the join would pair a word of one with the other's.
_NOT = re.compile(r"\b(?:not|no|never|none|nothing|without|out of)\b|n't\b", _F)


@lru_cache(maxsize=4096)
def _reading_units(sentence: str, negated_ok: bool = False) -> tuple[str, ...]:
    """The clauses, and each two clauses joined by "so": "log loss is convex, so it converges at any step size" states
    its claim across the "so" (the reason and what is drawn from it), which a clause alone does not. A consequence
    said as what did not happen is not joined, unless the cue set asks for a negated mention (`negated_ok`): "we
    retrain every week, so monitoring is not needed" states its claim through that negation."""
    parts, last, joins = [], 0, []
    for m in CLAUSE_BREAK.finditer(sentence):
        parts.append(sentence[last:m.start()])
        joins.append(bool(_SO.fullmatch(m.group(0))))
        last = m.end()
    parts.append(sentence[last:])
    pairs = [f"{parts[i]} so {parts[i + 1]}" for i, so in enumerate(joins)
             if so and parts[i].strip() and parts[i + 1].strip()
             and (negated_ok or not _NOT.search(parts[i] + " " + parts[i + 1]))]
    warned = {i for i, so in enumerate(joins) if so and _harm_follows(parts[i + 1])}
    return tuple(p for i, p in enumerate(parts) if p.strip() and i not in warned) + tuple(pairs)


def _harm_follows(consequence: str) -> bool:
    """Whether a clause opened by "so" calls what came before it a harm in its first words ("..., so rows meant
    for testing leaked into training"): the practice is told to warn of it, and is read only with its consequence.
    A harm said as absent ("so nothing leaked") vouches for the practice instead."""
    h = HARM.search(consequence, 0, NEAR)
    return h is not None and not _NOT.search(consequence[:h.start()])


def _denied(clause: str, lo: int, hi: int, groups: tuple[tuple[str, ...], ...]) -> bool:
    from coach.scoring.claims import DENY_AFTER, DENY_BEFORE

    if DENY_BEFORE.search(clause[max(0, lo - 70):lo]) or DENY_AFTER.search(clause[hi:]):
        return True
    for h in HARM.finditer(clause, max(0, lo - NEAR), min(len(clause), hi + NEAR)):
        if not any(_term(a)[0].fullmatch(h.group(0)) or _term(a)[0].search(h.group(0)) for g in groups for a in g):
            return True
    return False


# A later group's word said as absent: "... and none of it is causal", "which isn't causal".
_NEGATED_BEFORE = re.compile(r"\b(?:none of (?:it|them|this|that|these|those) (?:is|are|was|were)|(?:is|are|was|were)n'?t|"
                             r"(?:is|are|was|were) not|nothing)\s+(?:\w+\s+)?$", re.I)


def _negated_pick(clause: str, picks: list[tuple[int, int]]) -> bool:
    return any(_NEGATED_BEFORE.search(clause[max(0, p[0] - 30):p[0]]) for p in picks)


def _negated_verbs(groups: tuple[tuple[str, ...], ...], clause: str) -> tuple[tuple[int, int], ...]:
    """Where the clause says one of the groups' "!" alternatives negated ("do not affect")."""
    out: list[tuple[int, int]] = []
    for g in groups:
        pat = _group(g)[1]
        if pat is not None:
            out.extend((m.start(), m.end()) for m in pat.finditer(clause)
                       if NEG_BEFORE.search(clause[max(0, m.start() - 40):m.start()]))
    return tuple(out)


@lru_cache(maxsize=2048)
def _prepared(cue_set: str) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """A cue set's groups, its vetoes ("-...") and the groups with an alternative asked negated ("!...")."""
    parsed = parse(cue_set)
    groups = tuple(g for g in parsed if not g[0].startswith("-"))
    vetoes = tuple(tuple(a.lstrip("-").strip() for a in g) for g in parsed if g[0].startswith("-"))
    return groups, vetoes, tuple(g for g in groups if any(a.startswith("!") for a in g))


def fires(cue_set: str, sentence: str) -> bool:
    """Whether one cue set states the claim in some clause of the sentence."""
    groups, vetoes, asked_negated = _prepared(cue_set)
    if not groups:
        return False
    for clause in _reading_units(sentence, bool(asked_negated)):
        verbs = _negated_verbs(asked_negated, clause) if asked_negated else ()
        found = []
        for g in groups:                 # the rarest words come first in a cue set: stop at the first absent group
            ms = _mentions(g, clause, verbs)
            if not ms:
                break
            found.append(ms)
        if len(found) < len(groups):
            continue
        aside = _set_aside(groups[0], clause)
        for anchor in found[0]:
            if anchor[0] >= aside:
                continue                 # after the thing set aside: explains the choice (see _set_aside)
            picks = [anchor] + [min(ms, key=lambda m: abs(m[0] - anchor[0])) for ms in found[1:]]
            lo, hi = min(p[0] for p in picks), max(p[1] for p in picks)
            # (a mention asked negated, "is not necessary", is the claim's own negation, not one said as absent)
            if hi - lo > SPAN or _denied(clause, lo, hi, groups) or \
                    _negated_pick(clause, [p for p in picks[1:] if p not in verbs]):
                continue
            if _PREMISE.search(clause[max(0, anchor[0] - 30):anchor[0]]):
                continue                 # "if you resample you have to correct ...": the practice is the premise
            near = clause[max(0, lo - NEAR):hi + NEAR]
            if not any(_mentions(v, near) for v in vetoes):
                return True
    return False


# A practice named as the premise of a condition, not done or recommended: "if you resample, you have to correct the
# probabilities", "when you oversample you must ...".
_PREMISE = re.compile(r"\b(?:if|when|once|whenever|unless) (?:you|we|they|people|someone|one) (?:do |does |ever |"
                      r"\w+ly )?$", _F)


def _side(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    name, _, means = text.partition(":")
    return tuple(_alternatives(name)), tuple(_alternatives(means))


def swapped(swap: str, sentence: str) -> bool:
    """Whether the sentence gives one named idea the other's meaning (see the module docstring)."""
    one, _, two = swap.partition(";")
    (name_a, means_a), (name_b, means_b) = _side(one), _side(two)
    for clause in clauses(sentence):
        # (an "if" between them opens the next condition: "if both are high it's bias, if training is low and
        # validation much higher, ..." ties neither name to the other case's meaning)
        # a name tied forward to a meaning ("variance is when ..."): the tie opens the gap; a meaning tied back to a
        # name ("... that's a bias problem"): the tie closes it
        for first, then, blockers, tie in ((name_a, means_b, name_b + means_a, TIE_OPENS),
                                           (name_b, means_a, name_a + means_b, TIE_OPENS),
                                           (means_b, name_a, name_b + means_a, TIE_CLOSES),
                                           (means_a, name_b, name_a + means_b, TIE_CLOSES)):
            for s, e in _mentions(first, clause):
                for s2, e2 in _mentions(then, clause):
                    gap = clause[e:s2]
                    if s2 < e or s2 - e > SWAP_GAP or NEG_BEFORE.search(clause[max(0, s2 - 40):s2]) or \
                            re.search(r"\b(?:not|never|no|opposite of|unlike|whereas|while|different|differs?|distinct|if|"
                                                r"independent|unrelated|separate from|nothing to do)\b|n't", gap, _F):
                        continue
                    if not (tie.search(gap) or (tie is TIE_OPENS and _ADVERBS.fullmatch(gap))) or \
                            any(_term(b)[0].search(gap) for b in blockers):
                        continue
                    if not _denied(clause, s, e2, ((),)):
                        return True
    return False
