"""One exception family for everything a user can run into.

Every error carries a one-line message and a hint (what to do next). The CLI
prints them on one line and exits non-zero; the TUI shows them as a notification.
"""
from __future__ import annotations


class CoachError(Exception):
    """A problem the user can act on."""

    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def one_line(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ContentError(CoachError):
    """A rubric, question bank, plan or prompt file is invalid."""


class AudioError(CoachError):
    """Audio could not be read, is silent, or no device is available."""


class NoSpeechError(AudioError):
    """The audio holds no speech."""


class ModelError(CoachError):
    """A model file is missing, corrupt or failed to load."""


class ModelNotInstalledError(ModelError):
    """The package that ships a model is not installed (for an optional model: its extra)."""


class StoreError(CoachError):
    """The database cannot be opened or written."""


class RowsRejected(StoreError):
    """Rows the database refused (a constraint, e.g. a duplicate id), though it can be written."""


class ConfigError(CoachError):
    """The config file is invalid."""
