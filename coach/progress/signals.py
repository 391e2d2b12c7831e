"""Senior signals (production incident, mentoring, ...) read from `rubrics/signals.toml`, and matching."""
from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from coach.errors import ContentError


@dataclass(frozen=True)
class Signal:
    id: str
    name: str
    description: str
    questions: tuple[str, ...]
    keywords: tuple[str, ...]
    min_keywords: int = 2
    requires: tuple[tuple[str, ...], ...] = ()   # each group needs a hit too (e.g. a quality side and a cost side)

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self.keywords:
            return None
        alternatives = "|".join(re.escape(k.lower()) for k in sorted(self.keywords, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")

    def keyword_hits(self, text: str) -> set[str]:
        pattern = self._pattern
        return set(pattern.findall(text.lower())) if pattern else set()

    def matches(self, question_id: str | None, text: str) -> bool:
        """True when the answer was to one of the signal's questions or names enough of its keywords."""
        if question_id and question_id in self.questions:
            return True
        hits = self.keyword_hits(text)
        if len(hits) < self.min_keywords:
            return False
        return all(hits & {k.lower() for k in group} for group in self.requires)


def parse_signals(data: Mapping[str, Any], source: str = "signals.toml") -> list[Signal]:
    """The `[[signal]]` tables of a parsed TOML document, validated."""
    entries = data.get("signal")
    if not isinstance(entries, list) or not entries:
        raise ContentError(f"{source} has no [[signal]] tables", "add at least one signal")
    signals: list[Signal] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries, start=1):
        sid = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(sid, str) or not sid or sid in seen:
            raise ContentError(f"{source}: signal #{i} has a missing or repeated id", "give each signal a unique id")
        seen.add(sid)
        questions, keywords = entry.get("questions", []), entry.get("keywords", [])
        if not all(isinstance(x, str) for x in [*questions, *keywords]):
            raise ContentError(f"{source}: signal '{sid}' has a question or keyword that is not text",
                               "questions and keywords are lists of strings")
        requires = entry.get("requires", [])
        if not isinstance(requires, list) or not all(
                isinstance(g, list) and g and all(isinstance(k, str) and k in keywords for k in g) for g in requires):
            raise ContentError(f"{source}: signal '{sid}' has a 'requires' that is not a list of keyword lists",
                               "each group in requires lists words that are also in keywords")
        if not questions and not keywords:
            raise ContentError(f"{source}: signal '{sid}' names no questions and no keywords",
                               "give it question ids, keywords or both")
        signals.append(Signal(sid, str(entry.get("name") or sid), str(entry.get("description") or ""),
                              tuple(questions), tuple(keywords), int(entry.get("min_keywords", 2)),
                              tuple(tuple(g) for g in requires)))
    return signals


def load_signals(path: Path | None = None) -> list[Signal]:
    """Read `rubrics/signals.toml` (or `path`)."""
    if path is None:
        from coach.paths import rubrics_dir

        path = rubrics_dir() / "signals.toml"
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(f"no signals file at {path}", "restore rubrics/signals.toml from the repository") from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{path} is not valid TOML: {exc}", "fix the file and try again") from None
    return parse_signals(data, str(path))
