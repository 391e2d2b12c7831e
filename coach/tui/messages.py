"""Typed messages that workers post to the UI (post_message is thread-safe).

High-rate ones (`InputLevel`, `PartialTranscript`) carry a float or a string
and nothing else, so posting them costs next to nothing.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from coach.errors import CoachError
from coach.interview import events as ev

if TYPE_CHECKING:
    from coach.tui.kit import Kit


class KitProgress(Message):
    """A step of loading the models and checking the devices."""

    def __init__(self, step: int, total: int, label: str) -> None:
        super().__init__()
        self.step, self.total, self.label = step, total, label


class KitReady(Message):
    """Everything an interview needs is loaded (some parts may have failed: see `kit.errors`)."""

    def __init__(self, kit: "Kit") -> None:
        super().__init__()
        self.kit = kit


class RunnerEvent(Message):
    """An event from the interview runner's thread."""

    bubble = False

    def __init__(self, event: ev.Event) -> None:
        super().__init__()
        self.event = event


class InputLevel(Message):
    """Loudness of the latest audio block, in dBFS."""

    bubble = False

    def __init__(self, db: float) -> None:
        super().__init__()
        self.db = db


class PartialTranscript(Message):
    """What the candidate has said so far (transcribed every ~2 s)."""

    bubble = False

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class WorkerError(Message):
    """A CoachError from a worker: shown as a notification with its hint."""

    def __init__(self, error: CoachError, fatal: bool = False) -> None:
        super().__init__()
        self.error, self.fatal = error, fatal


class InterviewDone(Message):
    """The runner's thread has returned."""

    bubble = False

    def __init__(self, session_id: str | None, status: str) -> None:
        super().__init__()
        self.session_id, self.status = session_id, status
