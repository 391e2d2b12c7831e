"""Words to phonemes with espeak-ng (the fallback voice, so always installed with coach): one call
for a whole transcript, each word read on its own (`espeak-ng -q -x`, a word a line, each ended
by a comma: one clause and so one output line each). Without espeak-ng every word reads as "" and nothing
sounds like a glossary term (`coach.streaming.soundalike`)."""
from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Sequence

from coach.streaming.soundalike import NearTable, SoundTable, near

TIMEOUT_S = 2.0            # a transcript's words: the live path does not wait longer for them
TABLE_TIMEOUT_S = 15.0     # the glossary's terms, once per process: on a busy machine (load 15-18) one call took over 2 s


def phonemize(words: Sequence[str], timeout_s: float = TIMEOUT_S) -> list[str]:
    """One phoneme string per word ("" for each when espeak-ng is missing or fails)."""
    exe = shutil.which("espeak-ng")
    if not words or exe is None:
        return [""] * len(words)
    text = ",\n".join(w.replace(",", " ") for w in words)
    try:
        done = subprocess.run([exe, "-q", "-x", "-v", "en-us"], input=text, capture_output=True, text=True,
                              timeout=timeout_s, check=True)
    except (OSError, subprocess.SubprocessError):
        return [""] * len(words)
    lines = [line.strip() for line in done.stdout.splitlines() if line.strip()]
    return lines if len(lines) == len(words) and all(words) else _one_by_one(exe, words, timeout_s)


def _one_by_one(exe: str, words: Sequence[str], timeout_s: float = TIMEOUT_S) -> list[str]:
    """The slow way, when a word made espeak-ng split or join lines: a call per word."""
    out = []
    for word in words:
        if not word.strip():
            out.append("")
            continue
        try:
            done = subprocess.run([exe, "-q", "-x", "-v", "en-us", word], capture_output=True, text=True,
                                  timeout=timeout_s, check=True)
            out.append(done.stdout.replace("\n", " ").strip())
        except (OSError, subprocess.SubprocessError):
            out.append("")
    return out


_tables: dict[tuple[str, ...], SoundTable] = {}


def sound_table(terms: tuple[str, ...]) -> SoundTable:
    """The glossary's terms by sound, worked out once per glossary. A table espeak-ng failed to read
    (no term has phonemes) is not kept, so the next transcript tries again instead of the whole
    session going without the by-sound pass."""
    table = _tables.get(terms)
    if table is None:
        table = SoundTable.build(terms, lambda words: phonemize(words, TABLE_TIMEOUT_S))
        if table.terms or not terms:
            _tables[terms] = table
    return table


_near_tables: dict[tuple[str, ...], NearTable] = {}


def sounds_near(terms: Sequence[str]) -> Callable[[str], list[str]]:
    """A function from a heard text to the terms of `terms` it sounds roughly like, nearest first
    (`soundalike.near`): what the primed pass is primed with first. The terms' sounds are worked out
    once per glossary, on first use."""
    key = tuple(terms)

    def heard_near(text: str) -> list[str]:
        table = _near_tables.get(key)
        if table is None:
            table = NearTable.build(key, lambda words: phonemize(words, TABLE_TIMEOUT_S))
            if table.keys or not key:
                _near_tables[key] = table
        return near([text], table, phonemize)
    return heard_near
