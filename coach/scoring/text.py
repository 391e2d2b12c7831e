"""Text helpers shared by the scorers: cleaning, sentences, words, stems, quotes, number formatting."""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from coach.scoring.literals import may_match
from coach.scoring.star_cues import NOT_PAST_ED

MAX_CHARS = 60_000   # ~10,000 words: far past any spoken answer; the rest is ignored

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": " - ", "\u00a0": " ", "\u2026": "..."})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES = re.compile(r"[ \t]{2,}|\t")     # a run of spaces or tabs as one space (a lone space is left as it is)


def clean(text: str) -> str:
    """Normalise unicode and punctuation so the regexes see plain ASCII-ish text."""
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS]).translate(_QUOTES)
    text = _CONTROL.sub(" ", text)
    return (_SPACES.sub(" ", text) if "  " in text or "\t" in text else text).strip()


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int        # character offset in the cleaned answer
    end: int


# A sentence ends at . ? ! (not inside a decimal number) or a line break.
_BOUNDARY = re.compile(r"(?<!\d)[.?!]+(?=\s|$)|(?<=\d)[.?!]+(?=\s+[A-Za-z]|$)|\n+")
# Run-on speech: split very long sentences where the speaker starts a new thought.
_RUN_ON = re.compile(r",?\s+(?=(?:and then|and so|so then|so i|so we|and i|and we|then i|then we|but i|but we|"
                     r"and as a result|and after that|and in the end|(?:and|so) (?:uh|um)\b))", re.IGNORECASE)
_LONG = 45   # words
# Speech transcribed without punctuation: a new clause starts at a joining word with its own subject
# ("... the flagged orders | and i noticed ...", "... over the weekend | so the false positives ..."), at a
# frame of time ("| and after that", "| since then"), or at a bare "i" / "we" + past-tense verb that no
# subordinating word holds inside the clause before it ("... a bad week | i profiled the job ...").
_FILL = r"(?:(?:uh|um|yeah|like|so|honestly|basically|then|also|eventually|finally|first|actually|ok|okay)\s+)*"
_ED = r"(?!(?:" + NOT_PAST_ED + r")\b)[a-z]{2,}ed"    # a past tense, not "feed", "need" or "hundred"
_FINITE = r"(?:was|were|had|has|went|got|kept|fell|rose|grew|gave|took|came|became|stopped|signed|" + _ED + ")"
_SUBJECT = (r"(?:i|we|they|he|she|it|there|nobody|everyone|everybody|people|nothing|that|my|our|their|his|her|"
            r"(?:the|every|each|both|all|most|none|some) (?:[a-z'-]+ ){0,3}?" + _FINITE + r"|[a-z]+s " + _FINITE + r")")
_CLAUSE_START = re.compile(
    r"\s+(?=(?:and|so|but|then|which meant)\s+" + _FILL + r"(?:after that|since then|in the end|" + _SUBJECT + r")\b|"
    r"(?:after that|afterwards?|since then|in the end|it turned out|turns out|"
    r"now(?=\s+(?:any|every|each|all|the|our|my|their|it|there|nothing|nobody|no|they)\b)|"
    r"(?:within|after|about|around|over) (?:about |around |almost |nearly |over |another )?"   # "| after about six months"
    r"(?:a|one|two|three|four|six|a few|a couple of|\d+) (?:days?|weeks?|months?|"
    r"quarters?|years?)\b(?=\s+(?:later\s+)?" + _SUBJECT + r"\b)|"   # a duration inside a clause ("ran it | over two weeks to")
    r"(?:a|one|two|three|four|six|a few|\d+) (?:days?|weeks?|months?|quarters?|years?) later|"
    # a frame of the next period before a new subject: "... from the council calendar | and the next year the error
    # ..." ("by the next week" or "for the following month" stay inside their clause: `_HELD_BY` before them)
    r"(?P<frame>(?:(?:the )?(?:next|following)|last) (?:day|week|month|quarter|year|season|spring|summer|autumn|winter)"
    r"(?=\s+(?:i|we|they|he|she|the|our|my|their|its|it|there|every|each|all|both|no|nobody|nothing|none|most)\b)))\b|"
    r"(?:ok(?:ay)?|yeah|um|uh|well)\s+so\b|"
    # a spoken restart or a change of topic opens a new thought: "... a lot of user feedback | i mean i dont know ...",
    # "... hand built | location wise im in porto"
    r"i mean\b|yeah(?=\s+(?:i|we)\b)|[a-z]+[- ]wise\b(?=\s+(?:i|we|it|its|it's|the|my|our|i'm|im)\b)|"
    r"(?P<bare>(?:i|we|he|she|they)\s+(?:also\s+|then\s+|just\s+|basically\s+|actually\s+)?(?:" + _ED + r"|put|sat|ran|took|"
    r"made|wrote|built|got|gave|found|brought|went|saw|told|spent|kept|drew|chose|led|met|set|cut|sent|held|dug|did|"
    r"pulled|had|should have|should've)\b)|"     # (hindsight opens a clause: "... any other week | i should have had ...")
    # a new subject with its own past-tense verb: "... one engineer's time | my manager gave me ..."
    # (not one whose verb sits in a relative clause: "drop | the two features that needed ...", "the features we planned")
    r"(?P<np>(?:my|our|their|his|her|the|both|all|every|each|nobody|everyone|none|most) "
    r"(?:(?!(?:and|or|but|own|then|so|that|which|who|i|we|they|you|he|she)\b)[a-z'-]+ ){0,3}?"
    + _FINITE + r"\b))", re.IGNORECASE)
# A new clause does not start right after one of these words: it is still inside the clause before it
# ("the team that we trained", "showed that the job was", "the lesson i kept").
_HOLDS_CLAUSE = frozenset("i we they he she "    # a subject before it: "we | both wanted", "they | all agreed"
                          "half all both most many some any twice "    # a quantifier: "half | the items shown were"
                          "and so but then that which when what where who how if because once until after before "
                          "since as why while whether unless though although like um uh said thought think knew "
                          "felt guess a an the of to in on at for with from by into about around than or is are was were "
                          "be been showed found noticed saw realised realized meant learned told means".split())
# A verb's bare form follows these ("wanted us to optimise", "had to rebuild", "we could drop"): the words after that
# verb are its object, not a new clause ("... wanted us to optimise | the home feed for ..." is one clause).
_BEFORE_INFINITIVE_TO = frozenset("want wants wanted need needs needed have has had try tries tried decide decides "
                                  "decided plan plans planned going able asked ask told tell us me them him you "
                                  "hope hoped chose choose managed expected started began meant supposed".split())
_MODALS = frozenset("could would should can will must might may shall cannot couldn't wouldn't shouldn't can't won't "
                    "didn't don't doesn't".split())
_DETERMINERS = frozenset("a an the this that every each one our my their his her".split())
# Words that cannot open a verb's object: after "NOUN we planned", they show the verb's object is the noun before.
_GAP_NEXT = frozenset("is was were are had has so and but then because i we they he she".split())
_TRAILING_JOINER = re.compile(r"\s(?:and|so|but|then)\s*$", re.IGNORECASE)
_MIN_CLAUSE = 5   # words on each side of a speech split


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    ends = list(_BOUNDARY.finditer(text))
    speech = _unpunctuated(text, len(ends))
    for m in ends:
        _add(out, text, pos, m.end(), speech)
        pos = m.end()
    _add(out, text, pos, len(text), speech)
    return out


def unpunctuated(text: str) -> bool:
    """Whether the text is speech transcribed without punctuation (see _unpunctuated)."""
    return _unpunctuated(text, sum(1 for _ in _BOUNDARY.finditer(text)))


def _unpunctuated(text: str, ends: int) -> bool:
    """Speech as transcribed without punctuation: hardly a sentence end or a comma for its length."""
    n = len(text.split())
    return n >= 2 * _MIN_CLAUSE and ends * 40 < n and text.count(",") * 25 < n


def _add(out: list[Sentence], text: str, start: int, end: int, speech: bool = False) -> None:
    piece = text[start:end]
    if not piece.strip():
        return
    if speech:
        cut = start
        for m in _CLAUSE_START.finditer(piece):
            at = start + m.start()
            if (m.group("bare") or m.group("np")) and _inside_clause(text[cut:at].lower().split(),
                                                                      piece[m.end("bare"):].lower().split()[:1]
                                                                      if m.group("bare") else [],
                                                                      bool(m.group("bare"))):
                continue
            if m.group("frame") and _held_frame(text[cut:at].lower().split()):
                continue
            joiner = _TRAILING_JOINER.search(text[cut:at])
            if joiner and not m.group("bare") and not m.group("np"):
                at = cut + joiner.start()       # "... to another team and | within a month": the "and" opens the clause
            if len(text[cut:at].split()) >= _MIN_CLAUSE and len(text[at:end].split()) >= _MIN_CLAUSE:
                _push(out, text, cut, at)
                cut = at
        _push(out, text, cut, end)
        return
    if len(piece.split()) <= _LONG:
        _push(out, text, start, end)
        return
    cut = start
    for m in _RUN_ON.finditer(piece):
        at = start + m.start()
        if len(text[cut:at].split()) >= 12:
            _push(out, text, cut, at)
            cut = start + m.end()
    _push(out, text, cut, end)


# A frame of time after one of these is part of the phrase it ends: "by the next week", "until the following spring".
_HELD_BY = frozenset("by for in on until till of to from during within over after before since through into than at "
                     "about around the a".split())


def _held_frame(before: list[str]) -> bool:
    """The words before a frame of the next period ("the following year") hold it in their clause: a preposition
    before it, after any joining word ("and by the next week" is still "by ...")."""
    words = before[:-1] if before and before[-1] in ("and", "so", "but", "then") else before
    return not words or words[-1] in _HELD_BY


def _inside_clause(before: list[str], after: list[str], bare: bool) -> bool:
    """The words around a candidate clause start hold it inside their clause: a joining word or a preposition
    before it, a verb's bare form after "to" or a modal ("we had to rewrite | the loader"), or, for "i kept", a determiner and noun before and a verb after ("the lesson i kept is ...")."""
    if not before:
        return True
    if before[-1] in _HOLDS_CLAUSE:
        return True
    if len(before) >= 2 and (before[-2] in _MODALS or len(before) >= 3 and before[-2] == "to"
                             and before[-3] in _BEFORE_INFINITIVE_TO):
        return True                      # a verb's bare form still wants its object: "had to rewrite | the loader"
    # a verb with no object after it closes a relative clause on the noun before: "the first thing they cut | i
    # counted ...", "all the features we planned | so ..."
    return bare and len(before) >= 2 and (before[-2] in _DETERMINERS or len(before) >= 3 and before[-3] in _DETERMINERS
                                          and before[-2] not in _HOLDS_CLAUSE) and bool(after) and after[0] in _GAP_NEXT


def _push(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start] in " ,;\n":
        start += 1
    while end > start and text[end - 1] in " \n":
        end -= 1
    if end > start:
        out.append(Sentence(text[start:end], start, end))


WORD = re.compile(r"[A-Za-z0-9]+(?:['.][A-Za-z0-9]+)*")


def sentence_around(text: str, at: int) -> str:
    """The sentence of `text` that position `at` falls in, by its marks (". ", "? ", "! "): for a rule that holds a
    position in the raw text and not the answer's split sentences."""
    start = max(text.rfind(stop, 0, at) for stop in (". ", "? ", "! ")) + 1
    ends = [i for i in (text.find(stop, at) for stop in (". ", "? ", "! ")) if i >= 0]
    return text[start:min(ends) if ends else len(text)]


def words(text: str) -> list[str]:
    if text.isascii():                   # lowered once, the same words (ASCII letters stay letters)
        return WORD.findall(text.lower())
    return [w.lower() for w in WORD.findall(text)]


STOPWORDS = frozenset("""a an the and or but if so of to in on at by for with from as is are was were be been being
it its this that these those there here i me my we our us you your he she they them their his her
do does did doing have has had having would could should will can may might must shall not no yes
what which who whom how why when where than then too very just also about into over under up down out
off again more most some any each all both few other such only own same s t don't i'm i'd i've we're
let's let say like um uh yeah okay ok well really kind sort thing things lot get got make made use
using used want going go way one""".split())


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light suffix stripper: enough for 'monitoring' ~ 'monitor', 'caches' ~ 'cache'."""
    w = word.lower()
    for suffix, keep in (("ization", 3), ("isation", 3), ("ations", 3), ("ation", 3), ("ings", 3), ("ing", 3),
                         ("ies", 2), ("ied", 2), ("ers", 3), ("er", 3), ("ed", 3), ("es", 3), ("ly", 3), ("s", 3)):
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            w = w[: -len(suffix)]
            if suffix in ("ies", "ied"):
                w += "y"
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls":
        w = w[:-1]          # "shipped" -> "shipp" -> "ship"
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]          # "cache" ~ "cach" ~ "caching"
    return w


def content_stems(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1]


def times(n: int) -> str:
    """A count as people say it: "never", "once", "twice", "3 times"."""
    return {0: "0 times", 1: "once", 2: "twice"}.get(n, f"{n} times")


def quote(text: str, limit: int = 160) -> str:
    """A sentence trimmed for a feedback line."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " ..."


def fmt_num(x: float) -> str:
    """11574.07 -> '11,574'; 1.5e9 -> '1.5B'; 0.2 -> '0.2'."""
    if x is None or not math.isfinite(x):
        return str(x)
    if x != 0:
        x = float(f"{x:.3g}") if abs(x) >= 1e6 else x
    ax = abs(x)
    if ax >= 1e15:                        # FLOPs and tokens at scale: "5.46e23", not "5.46e+11T"
        mantissa, exponent = f"{x:.3g}".split("e") if "e" in f"{x:.3g}" else (f"{x:.3g}", "0")
        return f"{mantissa}e{int(exponent)}"
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if ax >= size:
            v = x / size
            return f"{v:.3g}{suffix}"
    if ax >= 100:
        return f"{x:,.0f}"
    if ax >= 1:
        return f"{x:.3g}"
    if ax == 0:
        return "0"
    return f"{x:.2g}"


def human(value: float, unit: str) -> str:
    """A base-unit value as a person would say it: 9e13 B -> '90 TB', 100000 s -> '27.8 hours'."""
    if unit.startswith("B"):
        suffix = unit[1:]
        for size, name in ((1e15, "PB"), (1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "KB")):
            if value >= size:
                return f"{value / size:.3g} {name}{suffix}"
        return f"{value:.3g} B{suffix}"
    if unit.startswith("bit"):
        for size, name in ((1e12, "Tbit"), (1e9, "Gbit"), (1e6, "Mbit"), (1e3, "kbit")):
            if value >= size:
                return f"{value / size:.3g} {name}{unit[3:]}"
        return f"{value:.3g} {unit}"
    if unit == "s":
        for size, name in ((86400, "days"), (3600, "hours"), (60, "minutes")):
            if value >= size:
                return f"{value / size:.3g} {name}"
        return f"{value:.3g} s"
    if unit == "/s":
        return f"{fmt_num(value)}/s"
    if unit.startswith("$"):
        return f"${fmt_num(value)}{unit[1:]}"
    return f"{fmt_num(value)}{unit}" if unit.startswith("/") else f"{fmt_num(value)} {unit}".strip()


def phrase_pattern(phrases: Iterable[str], plural: bool = False) -> re.Pattern[str]:
    """Any of a word list's phrases as whole words, longest first, a space in a phrase matching a space or a hyphen
    ("mixed precision", "mixed-precision"); with `plural`, an "s" may follow. An empty list matches nothing."""
    alts = "|".join(re.escape(w).replace(r"\ ", r"[\s-]") for w in sorted(phrases, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{alts}){'s?' if plural else ''}(?![\w-])", re.IGNORECASE)


_LOWERED: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}   # by id: hashing a pattern hashes its code


def for_lowered(pat: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-insensitive pattern as a case-sensitive one for text already lowered (Python's matcher runs two to three
    times faster without IGNORECASE on long alternations); None when an upper-case letter outside an escape could be
    meant literally."""
    known = _LOWERED.get(id(pat))
    if known is not None and known[0] is pat:
        return known[1]
    if not pat.flags & re.IGNORECASE or re.search(r"[A-Z]", re.sub(r"\\.|\(\?P[<=]", "", pat.pattern)):
        fast = None                      # (a group's name, "(?P<name>", is no literal)
    else:
        fast = re.compile(pat.pattern, pat.flags & ~re.IGNORECASE)
    if len(_LOWERED) >= 4096:
        _LOWERED.clear()
    _LOWERED[id(pat)] = (pat, fast)
    return fast


def folded_matches(pat: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pat.finditer(text)` for a case-insensitive pattern, run on the lowered text when the text is ASCII (there a
    case-insensitive match is a match of the lowered text, found two to four times faster). The spans are the text's;
    the matched strings may be lowered, so a caller reads them from `text` by their spans."""
    if not may_match(pat, text):
        return iter(())                  # (the literal text every match holds is not there: no scan needed)
    fast = for_lowered(pat) if text.isascii() else None
    return fast.finditer(text.lower()) if fast is not None else pat.finditer(text)


def folded_search(pat: re.Pattern[str], text: str) -> bool:
    """Whether a case-insensitive pattern is found in the text (searched as `folded_matches` does)."""
    if not may_match(pat, text):
        return False
    fast = for_lowered(pat) if text.isascii() else None
    return bool(fast.search(text.lower()) if fast is not None else pat.search(text))


def first_matches(patterns: dict[str, re.Pattern[str]], text: str) -> dict[str, str]:
    """name -> the phrase that showed it, for each pattern found in `text` (searched in the lowered text where that
    gives the same span, the phrase taken from `text` as written)."""
    out = {}
    low = text.lower()
    same = len(low) == len(text)
    for name, pat in patterns.items():
        fast = for_lowered(pat) if same else None
        if not may_match(fast if fast is not None else pat, low if fast is not None else text):
            continue                     # (the literal text every match holds is not there: no search needed)
        m = fast.search(low) if fast is not None else pat.search(text)
        if m:
            out[name] = text[m.start():m.end()]
    return out
