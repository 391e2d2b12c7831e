"""Giving freed memory back to the system between model calls (glibc only; a no-op elsewhere).

Whisper (CTranslate2) and Piper (onnxruntime) allocate large short-lived buffers on every
call. glibc keeps them in the heap once freed, and raises its mmap threshold after the first
large free, so each model's working set stayed resident: the process peaked at about 1.3 GB
with every default model loaded, of which about 400 MB was freed memory (`python -m
coach.bench.memory`). A fixed 1 MB mmap threshold returns large buffers to the system as
soon as they are freed, and `give_back()` after each transcription and each rendered
sentence trims what the heap still holds.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import threading
from typing import Any

M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
MMAP_THRESHOLD = 1 << 20
ARENA_MAX = 2                 # the model threads share two heaps instead of one each

_libc: Any = None
_lock = threading.Lock()
_ready = False


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
