"""Three lapses of judgement a story can show without naming them, from `rubrics/answer_words.toml` `[imposed]`:

- a decision imposed over the objections of the people who had to live with it ("two of the leads argued that their
  models needed batching, but I decided we could not have exceptions", "I asked my director to announce it"): the
  call made by rank, not won, told as leadership;
- the partner gone over: a complaint taken to their boss before a word with the people themselves ("I wrote to the
  head of data engineering, with my manager in copy ... I had not spoken to the engineers who ran the pipeline");
- the partner's work taken over: a colleague's model or code replaced with the speaker's own version behind them
  ("that night I rewrote the feature code and swapped my version into the release branch"), with no word that they
  agreed;
- the step kept from the people it touched: the speaker says they did not tell the partner, or avoided the talk on
  purpose ("I did not mention it in the launch notes", "I didn't want to make it a big thing with him").

A strong interviewer hears either as the rubrics' level 2 at best (the parts are told, the judgement is not), unless
the story owns it as a mistake ("that was my mistake", "looking back I should have"): then it is what the story is
about (coach/scoring/red_flags.py `_OWNED`, as for a safeguard skipped).
"""
from __future__ import annotations

import re
from functools import lru_cache

from coach.content.answer_words import phrases
from coach.scoring.red_flags import _OWNED     # a mistake owned ("that was my mistake", "looking back")

IMPOSED_CAP = 2.0        # the level a story with either lapse reaches at most


@lru_cache(maxsize=1)
def _words() -> dict[str, re.Pattern[str]]:
    def any_of(name: str) -> re.Pattern[str]:
        said = sorted(phrases("imposed", name), key=len, reverse=True)
        return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(p) for p in said) + r")(?![a-z])", re.I)
    return {n: any_of(n) for n in ("objected", "overrode", "enforced", "over_head", "unspoken", "took_over", "agreed",
                                   "kept_quiet")}


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.replace("\u2019", "'")) if s]


def overridden(text: str) -> str:
    """The words where others objected and the speaker overrode them in the same sentence, or where authority was
    borrowed to make them follow; "" when there are none."""
    w = _words()
    for s in _sentences(text):
        if (o := w["objected"].search(s)) is not None and (v := w["overrode"].search(s, o.end())) is not None:
            return s[o.start():v.end()]
        if (e := w["enforced"].search(s)) is not None:
            return e.group(0)
    return ""


def over_their_heads(text: str) -> str:
    """The words where the speaker took a complaint to the partner's boss, in an answer that also says the people
    themselves were not spoken to first (or the speaker's own manager copied in); "" otherwise."""
    w = _words()
    went = w["over_head"].search(text)
    if went is None or w["unspoken"].search(text.replace("\u2019", "'")) is None:
        return ""
    return went.group(0)


def taken_over(text: str) -> str:
    """The words where the speaker replaced a colleague's work with their own version (in the release, the branch, the
    model), in an answer that never says the colleague agreed; "" otherwise."""
    w = _words()
    took = w["took_over"].search(text)
    if took is None or w["agreed"].search(text) is not None:
        return ""
    # whose work it replaced is named just before: "... she said she would look at it after the release. That night I
    # ... swapped my version into the release branch" (not "I merged my version of the parser into main")
    if _COLLEAGUE.search(text, max(0, took.start() - COLLEAGUE_REACH), took.start()) is None:
        return ""
    return took.group(0)


_COLLEAGUE = re.compile(r"\b(?:she|he|her|his|their|they|colleague|teammate|data scientist|researcher)s?\b", re.I)
COLLEAGUE_REACH = 250           # characters before the replacement in which the colleague is named


_DID_NOT = re.compile(r"\b(?:did not|didnt)\b")
_REALLY = re.compile(r" really(?= )")


def kept_quiet(text: str) -> str:
    """The words where the speaker says they kept their own step from the people it touched, or avoided the
    conversation on purpose ("I did not mention it in the launch notes", "I didn't want to make it a big thing with
    him"); "" when there are none."""
    low = _REALLY.sub("", _DID_NOT.sub("didn't", text.lower().replace("\u2019", "'")))
    said = _words()["kept_quiet"].search(low)
    return said.group(0) if said is not None else ""


def imposed(text: str) -> str:
    """The first of the four lapses the story shows and does not own; "" when there is none."""
    if _OWNED.search(text):
        return ""
    return overridden(text) or over_their_heads(text) or taken_over(text) or kept_quiet(text)
