"""Lines the interviewer may say next, rendered ahead of time (`Speaker.prepare`), and the
rendered sentences of a line handed over in order."""
from __future__ import annotations

import collections
import contextlib
import itertools
import tempfile
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any


def in_order(jobs: list[Future[Path]]) -> Iterator[Path]:
    """Each rendered WAV in turn, as soon as it is ready; stopped early, the renders not started
    are dropped and a running one is let finish."""
    try:
        for done in jobs:
            yield done.result(timeout=120)
    finally:
        for done in jobs:
            if not done.cancel():
                with contextlib.suppress(Exception):
                    done.result(timeout=30)


class ReadyLines:
    """Lines rendered ahead of time (`Speaker.prepare`): each is handed over once, to the `say` that
    speaks it, or crowded out by newer ones and deleted unheard. At most `keep` are held."""

    def __init__(self, synth: Any, keep: int = 4) -> None:
        self.synth, self.keep = synth, keep
        self._folder = tempfile.TemporaryDirectory(prefix="coach-tts-ready-")
        self._lines: collections.OrderedDict[str, tuple[Path, Future[Path]]] = collections.OrderedDict()
        self._lock = threading.Lock()
        self._count = itertools.count()

    def prepare(self, text: str, wait_s: float = 0.0) -> None:
        """Queue `text` behind the lines being said; with `wait_s`, it may be needed at once: render it
        before the other lines rendered ahead and wait up to `wait_s` for it."""
        with self._lock:
            if text in self._lines:
                self._lines.move_to_end(text)
                path, done = self._lines[text]
                if wait_s > 0 and not (done.running() or done.done()):
                    self.synth.hurry(text, path, done)
            else:
                path = Path(self._folder.name) / f"ready-{next(self._count):03d}.wav"
                done = self.synth.submit(text, path, ahead=wait_s <= 0)
                self._lines[text] = (path, done)
                while len(self._lines) > self.keep:
                    drop(self._lines.popitem(last=False)[1][1])
        if wait_s > 0:
            with contextlib.suppress(Exception):      # not ready in time, or failed: `say` renders it again
                done.result(timeout=wait_s)

    def rendered(self, text: str) -> bool:
        """`text` is rendered and waiting to be said."""
        with self._lock:
            _, done = self._lines.get(text, (None, None))
        return done is not None and done.done() and not done.cancelled()

    def take(self, text: str) -> Future[Path] | None:
        """The render of `text` (None if it was never prepared, or crowded out); one still waiting
        in the queue is moved ahead of the other lines rendered ahead."""
        with self._lock:
            path, done = self._lines.pop(text, (None, None))
        if path is None or done is None or done.cancelled():
            return None
        if not (done.running() or done.done()):
            self.synth.hurry(text, path, done)
        return done


def drop(done: Future[Path]) -> None:
    """A line rendered ahead that will not be said: never rendered, or its file deleted."""
    if not done.cancel():
        done.add_done_callback(lambda d: d.exception() is None and d.result().unlink(missing_ok=True))
