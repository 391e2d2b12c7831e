"""How the answer was spoken: length, pace, fillers, hedges, long pauses, time box."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from coach.domain import Segment
from coach.scoring.literals import may_match

LONG_PAUSE_S = 3.0
TOO_LONG_FACTOR = 1.5
DEFAULT_ANSWER_SECONDS = 180     # time box when the round is unknown
ESTIMATED_WPM = 150              # to estimate the length of a text-only answer

_WORD = re.compile(r"[A-Za-z0-9]+(?:['.][A-Za-z0-9]+)*")

# "like" is a filler unless it compares or means "enjoy": "I like", "would like",
# "looks like", "something like this". Counted as filler after a comma or at the
# start of a clause, before a number ("like 50k users"), or next to um/uh.
_LIKE = re.compile(r"like(?<!\wlike)\b")      # "\blike\b", searched for its literal first
_LIKE_VERB = re.compile(r"\b(?:i|we|you|they|would|d|don't|didn't|looks?|looked|feels?|felt|seems?|sounds?|something|"
                        r"things|stuff|just|more|much|nothing|literally|exactly|not)\s+$")
_LIKE_OPENER = re.compile(r"(?:^|[,.;?!]|\b(?:um|uh|and|but|so|was|were|it's|is|had|have|has|are|got))\s*$")
_LIKE_NEXT_COMPARE = re.compile(r"^\s+(?:to|this|that|a|an|the|it|them|him|her)\b")
_LIKE_NEXT_FILLER = re.compile(r"^(?:\s*,|\s+\d|\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|"
                               r"forty|fifty|a hundred|a few|a couple|um|uh|really|super|so|totally)\b)")


def count_like(low: str) -> int:
    n = 0
    for m in _LIKE.finditer(low):
        before, after = low[max(0, m.start() - 20):m.start()], low[m.end():m.end() + 14]
        if _LIKE_VERB.search(before):
            continue
        if _LIKE_NEXT_FILLER.match(after) or (_LIKE_OPENER.search(before) and not _LIKE_NEXT_COMPARE.match(after)):
            n += 1
    return n


# Each pattern opens with its literal words, the look-behinds after them (`\wyou know` in a look-behind is `\byou
# know` read from its end): a pattern that opens with a literal is searched for that literal first, one that opens with
# `\b` or a look-behind is tried at every character of the answer, many times slower on a 3-minute one.
FILLERS: dict[str, re.Pattern[str]] = {
    "um": re.compile(r"\b(?:um+|umm+|uhm|erm|em)\b"),
    "uh": re.compile(r"\b(?:uh+|er|ah|eh)\b(?!-)"),
    "you know": re.compile(r"you know(?<!\wyou know)(?<!\bdo you know)(?<!\bdid you know)(?<!\bif you know)"
                           r"(?<!\bdon't you know)(?<!\bas you know)(?<!\bwould you know)(?<!\bwhat you know)"
                           r"\b(?!\s+(?:what|how|that|when|where|why|if|whether|about|the|it|him|her|them)\b)"),
    "sort of": re.compile(r"sort of(?<!\wsort of)(?<!\bwhat sort of)(?<!\bthis sort of)(?<!\bthat sort of)"
                          r"(?<!\bthe sort of)(?<!\ba sort of)(?<!\bany sort of)(?<!\bsome sort of)(?<!\bwhich sort of)"
                          r"(?<!\bsame sort of)\b"),
    "kind of": re.compile(r"kind of(?<!\wkind of)(?<!\bwhat kind of)(?<!\bthis kind of)(?<!\bthat kind of)"
                          r"(?<!\bthe kind of)(?<!\ba kind of)(?<!\bany kind of)(?<!\bsome kind of)(?<!\bwhich kind of)"
                          r"(?<!\bsame kind of)(?<!\bevery kind of)(?<!\bdifferent kind of)\b"),
    "basically": re.compile(r"basically(?<!\wbasically)\b"),
    # set off or opening a clause ("actually, we ...", "so actually"), not the adverb ("what they actually look at")
    "actually": re.compile(r"(?:^|[,.;:!?]\s*|\b(?:so|and|but|um|uh|like|yeah|well|oh)\s+)actually\b|\bactually\s*,"),
    "literally": re.compile(r"literally(?<!\wliterally)\b"),
    "i mean": re.compile(r"i mean(?<!\wi mean)\b(?!\s+(?:it|that)\b)"),
    "right?": re.compile(r"\bright\s*\?|,\s*right\s*,"),
    "so yeah": re.compile(r"\bso,? yeah\b"),
}
HEDGES: dict[str, re.Pattern[str]] = {
    "i think": re.compile(r"i think(?<!\wi think)\b"),
    "maybe": re.compile(r"maybe(?<!\wmaybe)\b"),
    "probably": re.compile(r"probably(?<!\wprobably)\b"),
    "i guess": re.compile(r"i guess(?<!\wi guess)\b"),
    "sort of": FILLERS["sort of"],
    "kind of": FILLERS["kind of"],
    "i believe": re.compile(r"i believe(?<!\wi believe)\b"),
    "perhaps": re.compile(r"perhaps(?<!\wperhaps)\b"),
    "not sure": re.compile(r"not (?<!\wnot )(?:totally |really |entirely |100 percent )?sure\b"),
    "i feel like": re.compile(r"i feel like(?<!\wi feel like)\b"),
}


@dataclass(frozen=True)
class DeliveryReport:
    words: int = 0
    wpm: float | None = None
    fillers: dict[str, int] = field(default_factory=dict)
    hedges: dict[str, int] = field(default_factory=dict)
    long_pauses: int = 0
    too_long: bool = False
    duration_s: float | None = None       # spoken (or, when estimated, guessed) length
    duration_estimated: bool = False      # True when guessed from the word count at 150 wpm
    answer_seconds: int = DEFAULT_ANSWER_SECONDS
    longest_pause_s: float = 0.0

    @property
    def filler_count(self) -> int:
        return sum(self.fillers.values())

    def to_dict(self) -> dict[str, Any]:
        return {"words": self.words, "wpm": self.wpm, "fillers": dict(self.fillers), "hedges": dict(self.hedges),
                "long_pauses": self.long_pauses, "too_long": self.too_long, "duration_s": self.duration_s,
                "duration_estimated": self.duration_estimated, "answer_seconds": self.answer_seconds,
                "longest_pause_s": self.longest_pause_s}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "DeliveryReport":
        return cls(words=int(d.get("words", 0)), wpm=d.get("wpm"), fillers=dict(d.get("fillers") or {}),
                   hedges=dict(d.get("hedges") or {}), long_pauses=int(d.get("long_pauses", 0)),
                   too_long=bool(d.get("too_long", False)), duration_s=d.get("duration_s"),
                   duration_estimated=bool(d.get("duration_estimated", False)),
                   answer_seconds=int(d.get("answer_seconds", DEFAULT_ANSWER_SECONDS)),
                   longest_pause_s=float(d.get("longest_pause_s", 0.0)))


def _valid(segments: tuple[Segment, ...]) -> list[Segment]:
    ok = []
    for s in segments:
        try:
            if float(s.end) >= float(s.start) >= 0 and float(s.end) < 1e7:
                ok.append(s)
        except (TypeError, ValueError):
            continue
    return sorted(ok, key=lambda s: s.start)


# A literal each pattern needs: when it is not in the answer, the (slow, look-behind) pattern is skipped.
_NEEDS = {"you know": "know", "sort of": "sort of", "kind of": "kind of", "basically": "basically",
          "actually": "actually", "literally": "literally", "i mean": "mean", "right?": "right", "so yeah": "yeah",
          "i think": "think", "maybe": "maybe", "probably": "probably", "i guess": "guess", "i believe": "believe",
          "perhaps": "perhaps", "not sure": "sure", "i feel like": "feel like"}


def _may_have(key: str, low: str) -> bool:
    need = _NEEDS.get(key)
    return need is None or need in low


def analyse(text: str, segments: tuple[Segment, ...] = (), duration_s: float | None = None,
            answer_seconds: int | None = None) -> DeliveryReport:
    low = text.lower()
    n_words = len(_WORD.findall(text))
    fillers = {k: n for k, p in FILLERS.items() if _may_have(k, low) and may_match(p, low) and (n := len(p.findall(low)))}
    if likes := count_like(low):
        fillers["like"] = likes
    hedges = {k: n for k, p in HEDGES.items() if _may_have(k, low) and may_match(p, low) and (n := len(p.findall(low)))}
    segs = _valid(segments)
    gaps = [b.start - a.end for a, b in zip(segs, segs[1:])]
    long_pauses = sum(1 for g in gaps if g > LONG_PAUSE_S)
    spoken: float | None = None
    if segs and segs[-1].end > segs[0].start:
        spoken = segs[-1].end - segs[0].start
    elif duration_s is not None and duration_s == duration_s and 0 < duration_s < 1e7:
        spoken = float(duration_s)
    wpm = round(n_words / (spoken / 60.0), 1) if spoken and spoken >= 1.0 else None
    box = int(answer_seconds) if answer_seconds and answer_seconds > 0 else DEFAULT_ANSWER_SECONDS
    estimated = spoken is None
    length = spoken if spoken is not None else n_words / ESTIMATED_WPM * 60.0
    return DeliveryReport(
        words=n_words, wpm=wpm, fillers=fillers, hedges=hedges, long_pauses=long_pauses,
        too_long=length > TOO_LONG_FACTOR * box, duration_s=round(length, 1), duration_estimated=estimated,
        answer_seconds=box, longest_pause_s=round(max(gaps, default=0.0), 2) if gaps else 0.0,
    )
