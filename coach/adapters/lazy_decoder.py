"""PyAV (FFmpeg) imported only when a file is decoded with it.

faster-whisper imports PyAV at its own import, for `decode_audio`; the coach hands Whisper and
smart-turn samples, never files, and decodes a file (`coach transcribe answer.ogg`) through
`audio_io.decode_file`. PyAV's FFmpeg libraries held 17 MiB from the import on.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types
from typing import Any

_LOCK = threading.Lock()


class _LazyDecoder(types.ModuleType):
    """Stands in for PyAV in `sys.modules` until an attribute is used, then imports it and hands
    every attribute on (importlib's LazyLoader does not do: on Python 3.11 `import av`, the very
    statement faster-whisper runs, reads the module's `__spec__`, which loads it)."""

    def __getattr__(self, name: str) -> Any:
        with _LOCK:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = importlib.import_module(self.__name__)
        return getattr(real, name)


def install(name: str = "av") -> None:
    """Before faster-whisper is imported: `import av` (faster-whisper's, or `audio_io.decode_file`'s)
    then costs nothing until PyAV is used, and decoding a file works as before."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None:
        return
    stand_in = _LazyDecoder(name)
    stand_in.__spec__ = spec
    sys.modules[name] = stand_in
