"""The part of a fact an ask points to.

Many facts bundle several figures ("30 million users; up to 200 million candidate notifications a day"). Asked
only how many notifications go out, a strong interviewer says that figure and keeps the user count for a later ask.
A fact is cut into parts (at ";", at ", " before a figure, at ", and"/", but" before a clause); a part that goes on
with the one before it (an "and" then a figure, a pointer back such as "of them", or a figure that measures nothing
of its own, "about 30 billion a day") stays with it. The parts the ask's own words name are said; the whole fact
when the ask is broad ("tell me about the traffic"), when no part is named, or when every part is.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from coach.interview.clarify_cues import Cues
from coach.interview.clarify_text import front

_CUT = re.compile(r";\s+|,\s+(?=(?:and |but )?(?:up to |about |around |roughly |over |under |at most )?\d)|,\s+(?=(?:and|but) )")
_NUMBER = re.compile(r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                     r"forty|fifty|hundred|ninety)$")


def parts(fact: str, cues: Cues) -> list[str]:
    """The fact cut into the parts that can be said alone, each as written."""
    split = re.split("(" + _CUT.pattern + ")", fact.strip())
    out: list[str] = []
    for k in range(0, len(split), 2):
        piece = split[k]
        if out and _goes_on(piece, cues):
            out[-1] += split[k - 1] + piece         # joined as written ("...; ranking gets 120 of them")
        elif piece.strip():
            out.append(piece)
    return out


def _goes_on(piece: str, cues: Cues) -> bool:
    """Does this part only continue the one before it (it cannot be said alone)."""
    words = re.findall(r"[a-z0-9][a-z0-9,.'-]*", piece.lower())
    words = [w.rstrip(".,") for w in words]
    if not words:
        return True
    lead = [w for w in words[1:] if w not in cues.fact_part_units][:1]
    if words[0] in cues.fact_part_joins and lead and _NUMBER.match(lead[0]):
        return True             # "and 3,000 at the holiday peak", "then at least 20 tokens per second"
    if _NUMBER.match(words[0]) and words[1:2] and words[1] in ("per", "a", "each") or \
            _NUMBER.match(words[0]) and words[1:2] == ["percent"] and words[2:3] != ["of"]:
        return True             # "8 per node", "90 percent arrive within 60 days": a figure of the thing before
    text = " ".join(words)
    # a phrase pointing back anywhere ("120 of them"), a single word only at the end ("80 gigabytes each", not
    # "each team uses its own")
    if any(front(b).search(text) if " " in b else text.endswith(" " + b) for b in cues.fact_part_back):
        return True
    own = [w for w in words if not _NUMBER.match(w) and w not in cues.fact_part_units]
    return not own or (bool(words) and _NUMBER.match(words[-1]) is not None)


def said_part(fact: str, asks: Iterable[str], whole: str, cues: Cues, stems: Callable[[str], set[str]],
              counted: Callable[[str], set[str]], common: set[str]) -> str:
    """What of `fact` to say to `asks` (the parts of the question it answers; `whole`: all the candidate asked): the
    parts their words name, or the whole fact. `common`: the stems that name the problem itself (in most of its
    facts), which name no part; `counted`: the stems of what a count asks the number of ("how many pushes")."""
    asks = [a.lower() for a in asks]
    whole = whole.lower()
    cut = parts(fact, cues)
    if len(cut) < 2 or not asks or any(front(b).search(whole) for b in cues.broad_asks if b in whole):
        return fact
    if _either_or(whole, cues):
        return fact
    own = [stems(p) | _periods(p, cues) for p in cut]
    everywhere = set.intersection(*own)
    named: set[int] = set()
    for ask in asks:
        # (the thing a count asks the number of names the part that states it, however common its word)
        words = (stems(ask) | _periods(ask, cues)) - (common - counted(ask)) - everywhere
        here = {i for i, s in enumerate(own) if s & words}
        if not here:
            return fact         # a part of the question this fact answers names none of its parts: all of it
        # a count of a thing no named part holds ("how many pushes does a user get"): which figure is not known
        if counted(ask) and not any(counted(ask) & own[i] for i in here):
            return fact
        named |= here
    # words asked elsewhere in the turn that name a part keep it too (a part is never dropped that the turn names)
    named |= {i for i, s in enumerate(own) if s & ((stems(whole) | _periods(whole, cues)) - common - everywhere)}
    if len(named) == len(cut):
        return fact
    return _render([cut[i] for i in sorted(named)])


def _either_or(text: str, cues: Cues) -> bool:
    """An either-or ("is it held back or does it go live at once") is settled by the whole fact; options of one
    figure ("a few hundred tokens or thousands", "give or take") are not an either-or."""
    words = re.findall(r"[a-z0-9][a-z0-9,.']*", text)
    for i, w in enumerate(words):
        if w != "or":
            continue
        pair = " ".join(words[max(0, i - 1):i + 2])
        nxt = [x.rstrip(".,") for x in words[i + 1:i + 3]]
        prev = words[i - 1].rstrip(".,") if i else ""
        if nxt[:1] == ["a"]:
            nxt = nxt[1:]
        if any(o in pair for o in cues.figure_options) or \
                any(_NUMBER.match(x) or x in cues.magnitudes for x in [prev] + nxt[:1] if x):
            continue
        return True
    return False


def _periods(text: str, cues: Cues) -> set[str]:
    """The periods a text names, as one word each ("daily", "a day", "per day": "@day"), so a rate asked per day
    names the part stating one."""
    low = " ".join(re.findall(r"[a-z]+", text.lower()))
    out = set()
    for p in cues.periods:
        if p in low and front(p).search(low):
            last = p.split()[-1]
            out.add("@" + ("day" if last == "daily" else last))
    return out


def _render(kept: list[str]) -> str:
    """The kept parts as one spoken sentence: a leading "and"/"but" dropped, the first letter raised, one stop."""
    text = "; ".join(p.strip().rstrip(".") for p in kept)
    text = re.sub(r"^(?:and|but) ", "", text)
    return text[:1].upper() + text[1:] + "."
