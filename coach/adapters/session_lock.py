"""One process per session: a lock file held while a session runs.

Resuming a session that another coach process is still running would write the
same turn numbers twice. The lock is an `flock` on `<data dir>/locks/<id>.lock`;
the kernel lets go of it when the process ends, even when it is killed, so a
crashed session can always be resumed. Where `fcntl` is missing (Windows) there
is no lock and the database's unique turn numbers remain the last guard.
"""
from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from coach.errors import CoachError
from coach.paths import private_dirs

try:
    import fcntl
except ImportError:          # pragma: no cover - not on POSIX
    fcntl = None  # type: ignore[assignment]


class SessionBusy(CoachError):
    pass


class SessionLock:
    def __init__(self, root: Path, session_id: str) -> None:
        self.path = Path(root) / "locks" / f"{session_id}.lock"
        self.session_id = session_id
        self._fd: int | None = None

    def __enter__(self) -> SessionLock:
        if fcntl is None:
            return self
        private_dirs(self.path.parent)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            busy = self._busy(fd)
            os.close(fd)
            raise busy from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def _busy(self, fd: int) -> SessionBusy:
        holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
        return SessionBusy(f"session {self.session_id} is running in another coach process (pid {holder})",
                           "let it finish there, or end it there first")

    def holder_error(self) -> SessionBusy | None:
        """The SessionBusy to raise if another process runs the session right now, else None.
        Only looks: a free session gets no lock file (no holder means no file, or an unlocked one)."""
        if fcntl is None:
            return None
        try:
            fd = os.open(self.path, os.O_RDWR)
        except OSError:
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return self._busy(fd)
        finally:
            os.close(fd)       # releases the probe's lock, if it got one
        return None

    def is_held(self) -> bool:
        """Another process is running the session right now."""
        return self.holder_error() is not None

    def check_free(self) -> None:
        """Raise SessionBusy now if another process runs the session (before loading models for it)."""
        busy = self.holder_error()
        if busy is not None:
            raise busy

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        finally:
            os.close(self._fd)      # closing releases the lock
            self._fd = None
