"""A TOML file of word lists a coach may edit (`[section] name = ...`): read once, a missing list a content error.

A list of words is a TOML string of words separated by white space; a list of phrases is a TOML array of strings.
"""
from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any


class WordTable:
    def __init__(self, folder: Callable[[], Path], file: str) -> None:
        self._folder, self.file = folder, file

    @cached_property
    def _table(self) -> dict[str, Any]:
        with (self._folder() / self.file).open("rb") as fh:
            return tomllib.load(fh)

    def cache_clear(self) -> None:
        """Read the file again on next use (after it was edited, or the content folder moved)."""
        self.__dict__.pop("_table", None)

    def raw(self, section: str, name: str) -> Any:
        try:
            return self._table[section][name]
        except KeyError as exc:
            raise KeyError(f"{self._folder().name}/{self.file}: no list [{section}] {name}") from exc

    def sections(self) -> tuple[str, ...]:
        """Every `[section]` of the file, in file order."""
        return tuple(self._table)

    def names(self, section: str) -> tuple[str, ...]:
        """The lists of `[section]`, in file order (none when there is no such section)."""
        return tuple(self._table.get(section, {}))

    def words(self, section: str, name: str) -> tuple[str, ...]:
        """The words of `[section] name`, in file order."""
        return tuple(str(self.raw(section, name)).split())
