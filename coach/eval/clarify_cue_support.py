"""Which labelled sets each cue phrase of `rubrics/clarifying.toml` occurs in, and the cues without a set's own.

A phrase that occurs in one set's turns only was most likely added for that set: scoring the set with it
measures memory, not the rule. Dropping such phrases before scoring their set is the leave-one-set-out
check of the cue lists (the Python rules themselves were revised on every set and cannot be left out).

    python -m coach.eval.clarify_cue_support      # the cue phrases only one set uses, per list
"""
from __future__ import annotations

import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from coach import paths
from coach.interview.clarify_cues import Cues, load_cues
from coach.interview.clarify_text import has, tokens

Support = dict[tuple[str, str], frozenset[str]]     # (list, phrase) -> the sets whose turns hold the phrase


def _lists(data: Mapping[str, Any], prefix: str = "") -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for key, value in data.items():
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            out.append((prefix + key, value))
        elif isinstance(value, dict):
            out += _lists(value, prefix + key + ".")
    return out


def cue_data() -> dict[str, Any]:
    return tomllib.loads((paths.rubrics_dir() / "clarifying.toml").read_text(encoding="utf-8"))


def support(sets: Mapping[str, list[dict[str, Any]]], data: Mapping[str, Any]) -> Support:
    texts = {n: [" ".join(tokens(u["text"])) for u in us] for n, us in sets.items()}
    out: Support = {}
    for key, phrases in _lists(data):
        for p in phrases:
            low = p.lower().strip()
            out[(key, low)] = frozenset(n for n, ts in texts.items() if any(has(t, low) for t in ts))
    return out


def only_in(sup: Support, name: str) -> set[tuple[str, str]]:
    return {k for k, where in sup.items() if where == {name}}


def _without(data: Mapping[str, Any], drop: set[tuple[str, str]], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            kept = [v for v in value if (prefix + key, v.lower().strip()) not in drop]
            out[key] = kept or value[:1]       # a list emptied keeps one phrase: the loader wants it non-empty
        elif isinstance(value, dict):
            out[key] = _without(value, drop, prefix + key + ".")
        else:
            out[key] = value
    return out


def _toml(data: Mapping[str, Any]) -> str:
    import json
    top = [f"{k} = {json.dumps(v)}" for k, v in data.items() if not isinstance(v, dict)]
    tables = [f"[{k}]\n" + "\n".join(f"{kk} = {json.dumps(vv)}" for kk, vv in v.items())
              for k, v in data.items() if isinstance(v, dict)]
    return "\n".join(top) + "\n\n" + "\n\n".join(tables) + "\n"


def cues_without(data: Mapping[str, Any], drop: set[tuple[str, str]]) -> Cues:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "clarifying.toml"
        path.write_text(_toml(_without(data, drop)), encoding="utf-8")
        return load_cues(path)


def main() -> int:
    from coach.eval.clarify_loso import load_sets
    sets = load_sets()
    sup = support(sets, cue_data())
    narrow: dict[str, list[str]] = {}
    for (key, phrase), where in sorted(sup.items()):
        if len(where) == 1:
            narrow.setdefault(key, []).append(f"{phrase} ({next(iter(where))})")
    unused = sum(1 for w in sup.values() if not w)
    print(f"{len(sup)} cue phrases: {sum(len(v) for v in narrow.values())} occur in one set only, {unused} in none")
    for key, items in narrow.items():
        print(f"  {key}: " + "; ".join(items))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
