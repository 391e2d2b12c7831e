"""Drop a sign-off Whisper invented over trailing silence ("Thanks for watching!", "you").

Only the LAST segment is a candidate, and only when its whole text is a known sign-off
(prompts/signoffs.txt) and the model doubted speech under it (high no-speech probability or a
low average log-probability): a candidate who really says "thank you" at the end of an answer
is heard with confidence and keeps it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from coach import paths

DOUBT_NO_SPEECH = 0.3
DOUBT_LOGPROB = -0.7


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z' ]", " ", text.lower().replace("\u2019", "'")).split())


@lru_cache(maxsize=1)
def phrases(path: Path | None = None) -> frozenset[str]:
    path = path or paths.prompts_dir() / "signoffs.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(_norm(x) for x in lines if x.strip() and not x.lstrip().startswith("#"))


def is_made_up_ending(text: str, no_speech_prob: float, avg_logprob: float) -> bool:
    """True for a trailing segment that is a stock sign-off the model doubted hearing."""
    doubted = no_speech_prob > DOUBT_NO_SPEECH or avg_logprob < DOUBT_LOGPROB
    return doubted and _norm(text) in phrases()


# A fragment of up to three letters with no vowel said four times or more running ("Tt. Tt. Tt. Tt. Tt."): Whisper
# looping on trailing silence or noise, not speech (a word or a filler, "no", "uh", has a vowel).
LOOP_RUNS = 4
_LOOP = re.compile(r"(?:^|(?<=[\s.,!?]))([b-df-hj-np-tv-xz]{1,3})[.,!?]?(?:\s+\1[.,!?]?){%d,}(?=\s|$)" % (LOOP_RUNS - 1),
                   re.I)


def without_loops(text: str) -> str:
    """The text less any run of one short fragment repeated `LOOP_RUNS` times or more, the spaces tidied."""
    out = _LOOP.sub(" ", text)
    return " ".join(out.split()) if out != text else text


# A figure followed at once by its own last digits ("each GPU does 2500 500 tokens a second") is Whisper echoing the
# end of it: the candidate said one figure. Left in, the scorer read a second figure, 500 a second, and a follow-up
# asked how it was divided by.
_ECHOED_TAIL = re.compile(r"\b(\d[\d,]*?)(\d+)\s+\2\b(?![.,]?\d)")


def without_echoed_figures(text: str) -> str:
    """The text with each echoed figure tail ("2500 500") said once ("2500")."""
    return _ECHOED_TAIL.sub(r"\1\2", text)
