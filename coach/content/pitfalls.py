"""The questions' pitfalls as cue sets, from `rubrics/pitfalls.toml` (a coach may edit them).

A question bank names each question's `pitfalls` in prose ("Going to the manager before talking to the person"):
what an experienced interviewer listens for as a lapse of judgement on that question. This file gives the ones that
can be heard in what a candidate says the cues to hear them by, written like a misconception's
(coach/scoring/claims.py: `cues` are regular expressions, `concepts` cue sets of co-occurring concept groups), with
`claim` the lapse in plain words and `right` what a strong answer does instead; `unless` (regular expressions) says
what, heard anywhere in the same answer, shows the lapse is not the whole of it.
"""
from __future__ import annotations

import functools
import re

from coach import paths
from coach.content import check
from coach.content.check import Where
from coach.domain import Misconception


def question_pitfalls() -> dict[str, tuple[Misconception, ...]]:
    """question id -> its pitfalls with cues; empty when the file is absent."""
    return _read()[0]


def outgrown_by(question_id: str, claim: str) -> tuple[re.Pattern[str], ...]:
    """The pitfall's `unless` patterns: what in the same answer shows the lapse is not all there is (a pitfall named
    "only answering questions when asked" is outgrown by an answer that also hands someone real work)."""
    return _read()[1].get((question_id, claim), ())


@functools.lru_cache(maxsize=1)
def _read() -> tuple[dict[str, tuple[Misconception, ...]], dict[tuple[str, str], tuple[re.Pattern[str], ...]]]:
    from coach.content.loader import _load_misconceptions

    path = paths.rubrics_dir() / "pitfalls.toml"
    if not path.is_file():
        return {}, {}
    shown = check.display_path(path, paths.rubrics_dir().parent)
    data = check.read_toml(path, shown)
    top = Where(shown)
    check.known_keys(data, ("pitfall",), top)
    out: dict[str, list[Misconception]] = {}
    unless: dict[tuple[str, str], tuple[re.Pattern[str], ...]] = {}
    for n, entry in enumerate(check.tables(data, "pitfall", top, required=False), 1):
        where = top.at(f"pitfall {n}")
        qid = check.text(entry, "question", where)
        found = _load_misconceptions({"pitfall": [entry]}, where, "pitfall", ("question", "unless"))
        out.setdefault(qid, []).extend(found)
        patterns = []
        for cue in check.text_list(entry, "unless", where, required=False, hi=20):
            try:
                patterns.append(re.compile(cue, re.I))
            except re.error as e:
                where.fail(f"unless {cue!r} is not a valid pattern ({e})", "write it as a Python regular expression")
        if patterns:
            unless[(qid, found[0].claim)] = tuple(patterns)
    return {q: tuple(v) for q, v in out.items()}, unless
