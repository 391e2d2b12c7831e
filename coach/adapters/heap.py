"""Giving freed memory back to the system between model calls (glibc only; a no-op elsewhere).

Whisper (CTranslate2) and Piper (onnxruntime) allocate large short-lived buffers on every
call. glibc keeps them in the heap once freed, and raises its mmap threshold after the first
large free, so each model's working set stayed resident: the process peaked at about 1.3 GB
with every default model loaded, of which about 400 MB was freed memory (`python -m
coach.bench.memory`). A fixed 1 MB mmap threshold returns large buffers to the system as
soon as they are freed, and `give_back()` after each transcription and each rendered
sentence trims what the heap still holds.

Two working sets at once still took the process over 1 GB: the voice rendering a line (up to
~140 MB of activations) while the primed final pass decoded a piece (~80 MB). `rendering()` marks
a line queued or being rendered, and `wait_quiet()` lets background work (the primed pass) start
only once the voice has none. A line rendered ahead (nobody waits for it yet) likewise waits while
Whisper runs (`working("stt")`, `wait_idle`), up to 2 s and never behind a line to be said. Live
windows do not wait for the voice: the answer's tail waits for the window before it, so a window held
back would hold back the words the end of the turn waits for.

The primed pass and the voice share one gate (`background_pass`, `wait_for_pass`): a piece of the pass
starts only when no line is queued or rendering, and a line queued while a piece decodes is rendered
once that piece is over (the pass starts no next piece while a line waits). Waiting for `quiet` and
marking the piece happen under one lock, so a line queued at that moment cannot slip in beside it.
A line to be said waits for the piece at most 1 s (`tts.SAY_PASS_WAIT_S`; a line rendered ahead, 5 s):
on a machine too busy to finish it sooner, the reply goes on beside it.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
MADV_DONTNEED = 4
MMAP_THRESHOLD = 1 << 20
ARENA_MAX = 2                 # the model threads share two heaps instead of one each

_libc: Any = None
_lock = threading.Lock()
_ready = False
_renders = 0                      # voice lines queued or being rendered
_quiet = threading.Condition()
_active = {"stt": 0, "pass": 0, "voice": 0}   # working sets in use now: a transcription, a piece of the
                                                # primed pass, a rendered line


def _load() -> Any:
    global _libc, _ready
    with _lock:
        if not _ready:
            _ready = True
            try:
                libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
                if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim"):
                    libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
                    libc.mallopt(M_ARENA_MAX, ARENA_MAX)
                    _libc = libc
            except OSError:
                _libc = None
    return _libc


def limit_heap() -> None:
    """Large buffers straight from (and back to) the system; call before loading a model."""
    _load()


def give_back() -> None:
    """Return the heap's free pages to the system (a few ms)."""
    libc = _load()
    if libc is not None:
        libc.malloc_trim(0)


def mapped_ranges(path: str | os.PathLike[str], maps: str = "/proc/self/maps") -> list[tuple[int, int]]:
    """The address ranges (start, end) where this process maps the file at `path` (Linux; [] elsewhere)."""
    target = os.path.realpath(path)
    ranges: list[tuple[int, int]] = []
    try:
        with open(maps, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                fields = line.split(maxsplit=5)
                if len(fields) == 6 and fields[5].rstrip("\n") == target:
                    start, end = (int(x, 16) for x in fields[0].split("-"))
                    ranges.append((start, end))
    except OSError:
        return []
    return ranges


def drop_mapped(path: str | os.PathLike[str]) -> int:
    """Unmap from this process's resident set the pages of a file it maps read-only (a model's weights),
    keeping the mapping: the pages the model reads again come back from the page cache at first touch
    (no disk read while the file is cached), those it never reads again stay out. Returns the bytes
    of address range advised (0 where this is not Linux)."""
    libc = _load()
    if libc is None or not hasattr(libc, "madvise"):
        return 0
    madvise = libc.madvise
    madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    madvise.restype = ctypes.c_int
    done = 0
    for start, end in mapped_ranges(path):
        if madvise(start, end - start, MADV_DONTNEED) == 0:
            done += end - start
    return done


def rendering(delta: int) -> None:
    """A voice line queued (+1) or rendered, dropped or failed (-1)."""
    global _renders
    with _quiet:
        _renders = max(0, _renders + delta)
        if _renders == 0:
            _quiet.notify_all()


def wait_quiet(timeout_s: float) -> bool:
    """Wait, up to `timeout_s`, until no voice line is queued or being rendered; False if one still is."""
    with _quiet:
        return _quiet.wait_for(lambda: _renders == 0, timeout=timeout_s)


@contextmanager
def background_pass(timeout_s: float) -> Iterator[bool]:
    """A piece of background transcription (the primed pass): started once no voice line is queued or
    rendering (waiting up to `timeout_s`), marked as running until it ends; yields False if a line
    still was at the timeout (the piece then runs beside it)."""
    with _quiet:
        quiet = _quiet.wait_for(lambda: _renders == 0, timeout=timeout_s)
        _active["pass"] += 1
    try:
        yield quiet
    finally:
        with _quiet:
            _active["pass"] -= 1
            _quiet.notify_all()


def active(kind: str) -> int:
    """How many `kind` working sets are in use now."""
    with _quiet:
        return _active[kind]


def wait_for_pass(timeout_s: float, give_up: Callable[[], bool] | None = None) -> bool:
    """Before a voice line renders: wait, up to `timeout_s` or until `give_up()` (checked every 20 ms), for a
    piece of the primed pass that is decoding to end (the pass starts no next piece while the line is queued);
    False if one still is."""
    deadline = time.monotonic() + timeout_s
    with _quiet:
        while _active["pass"]:
            left = deadline - time.monotonic()
            if left <= 0 or (give_up is not None and give_up()):
                return False
            _quiet.wait(min(left, 0.02))
    return True


@contextmanager
def working(kind: str) -> Iterator[None]:
    """Mark a model's working set in use ("stt": a transcription, "voice": a line rendering)."""
    with _quiet:
        _active[kind] += 1
    try:
        yield
    finally:
        with _quiet:
            _active[kind] -= 1
            _quiet.notify_all()


def wait_idle(kind: str, timeout_s: float, give_up: Callable[[], bool] | None = None) -> bool:
    """Wait, up to `timeout_s`, until no `kind` working set is in use, or until `give_up()` says to
    stop waiting (checked every 20 ms); False if one still is."""
    deadline = time.monotonic() + timeout_s
    with _quiet:
        while _active[kind]:
            left = deadline - time.monotonic()
            if left <= 0 or (give_up is not None and give_up()):
                return False
            _quiet.wait(min(left, 0.02))
    return True
