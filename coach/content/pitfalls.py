"""The questions' pitfalls as cue sets, from `rubrics/pitfalls.toml` (a coach may edit them).

A question bank names each question's `pitfalls` in prose ("Going to the manager before talking to the person"):
what an experienced interviewer listens for as a lapse of judgement on that question. This file gives the ones that
can be heard in what a candidate says the cues to hear them by, written like a misconception's
(coach/scoring/claims.py: `cues` are regular expressions, `concepts` cue sets of co-occurring concept groups), with
`claim` the lapse in plain words and `right` what a strong answer does instead.
"""
from __future__ import annotations

import functools

from coach import paths
from coach.content import check
from coach.content.check import Where
from coach.domain import Misconception


@functools.lru_cache(maxsize=1)
def question_pitfalls() -> dict[str, tuple[Misconception, ...]]:
    """question id -> its pitfalls with cues; empty when the file is absent."""
    from coach.content.loader import _load_misconceptions

    path = paths.rubrics_dir() / "pitfalls.toml"
    if not path.is_file():
        return {}
    shown = check.display_path(path, paths.rubrics_dir().parent)
    data = check.read_toml(path, shown)
    top = Where(shown)
    check.known_keys(data, ("pitfall",), top)
    out: dict[str, list[Misconception]] = {}
    for n, entry in enumerate(check.tables(data, "pitfall", top, required=False), 1):
        where = top.at(f"pitfall {n}")
        qid = check.text(entry, "question", where)
        out.setdefault(qid, []).extend(_load_misconceptions({"pitfall": [entry]}, where, "pitfall", ("question",)))
    return {q: tuple(v) for q, v in out.items()}
