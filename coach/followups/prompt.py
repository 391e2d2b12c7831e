"""Prompt templates as Markdown (`prompts/*.md`): parse the sections, fill the placeholders.

A template has `## system`, any number of `## example` sections written as
`key: value` lines, and a `## turn` section. Chat models get them as messages
(examples become user/assistant pairs); completion models get one text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

from coach.errors import ContentError

_SECTION = re.compile(r"^## +(\w+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class PromptTemplate:
    system: str
    examples: tuple[dict[str, str], ...]
    turn: str
    source: str = ""
    gap_names: dict[str, str] = field(default_factory=dict)   # the `## gaps` section
    hints: dict[str, str] = field(default_factory=dict)       # the `## hints` section: how to ask, per gap
    openers: dict[str, tuple[str, ...]] = field(default_factory=dict)   # `## openers`: how the question opens, per gap

    @property
    def example_words(self) -> frozenset[str]:
        from coach.followups.guards import content_words

        return frozenset(w for ex in self.examples for v in ex.values() for w in content_words(v))

    def fill_turn(self, **values: str) -> str:
        return Template(self.turn).safe_substitute(values)

    def chat_messages(self, answer_key: str = "follow-up", **values: str) -> list[dict[str, str]]:
        messages = [{"role": "system", "content": self.system}]
        for ex in self.examples:
            shown = "\n".join(f"{k}: {v}" for k, v in ex.items() if k != answer_key)
            messages.append({"role": "user", "content": shown})
            messages.append({"role": "assistant", "content": ex.get(answer_key, "")})
        turn = self.fill_turn(**values)
        user = "\n".join(line for line in turn.splitlines() if not line.startswith(f"{answer_key}:"))
        messages.append({"role": "user", "content": user.strip()})
        return messages

    def completion_text(self, **values: str) -> str:
        blocks = [self.system, ""]
        for ex in self.examples:
            blocks.append("\n".join(f"{k}: {v}" for k, v in ex.items()))
            blocks.append("")
        blocks.append(self.fill_turn(**values).rstrip())
        return "\n".join(blocks)


def _key_values(body: str, where: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in body.strip().splitlines():
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise ContentError(f"{where}: line {line!r} is not 'key: value'", "write each example line as key: value")
        out[key.strip()] = value.strip()
    return out


def parse_template(text: str, source: str = "") -> PromptTemplate:
    parts = _SECTION.split(text)
    sections: list[tuple[str, str]] = list(zip(parts[1::2], parts[2::2]))
    names = [name for name, _ in sections]
    for required in ("system", "turn"):
        if required not in names:
            raise ContentError(f"{source}: no '## {required}' section", "see prompts/followup.md for the layout")
    system = next(body for name, body in sections if name == "system").strip()
    turn = next(body for name, body in sections if name == "turn").strip()
    examples = tuple(_key_values(body, f"{source} example {i + 1}")
                     for i, (name, body) in enumerate(s for s in sections if s[0] == "example"))
    gaps = next((body for name, body in sections if name == "gaps"), "")
    gap_names = _key_values(gaps, f"{source} gaps") if gaps.strip() else {}
    hints = next((body for name, body in sections if name == "hints"), "")
    openers = next((body for name, body in sections if name == "openers"), "")
    return PromptTemplate(system=system, examples=examples, turn=turn, source=source, gap_names=gap_names,
                          hints=_key_values(hints, f"{source} hints") if hints.strip() else {},
                          openers={gap: tuple(o.strip() for o in text.split("|") if o.strip())
                                   for gap, text in _key_values(openers, f"{source} openers").items()}
                          if openers.strip() else {})


def load_template(path: Path) -> PromptTemplate:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError(f"cannot read prompt template {path}: {exc.strerror}", "restore the prompts/ folder") from None
    return parse_template(text, str(path))


def section_text(path: Path, name: str) -> str:
    """One section's raw text (used for the closing remarks)."""
    parts = _SECTION.split(path.read_text(encoding="utf-8"))
    for key, body in zip(parts[1::2], parts[2::2]):
        if key == name:
            return body.strip()
    raise ContentError(f"{path}: no '## {name}' section", "restore the prompts/ folder")
