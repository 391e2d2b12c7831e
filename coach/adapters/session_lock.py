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
            holder = os.read(fd, 32).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise SessionBusy(f"session {self.session_id} is running in another coach process (pid {holder})",
                              "let it finish there, or end it there first") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def is_held(self) -> bool:
        """Another process is running the session right now."""
        try:
            self.check_free()
        except SessionBusy:
            return True
        return False

    def check_free(self) -> None:
        """Raise SessionBusy now if another process runs the session (before loading models for it)."""
        with self:
            pass

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        finally:
            os.close(self._fd)      # closing releases the lock
            self._fd = None
