"""Test-wide guards and shared real components.

- No network, ever: any socket connection other than a local (AF_UNIX) one fails the test.
- Each test gets its own data dir (COACH_HOME), so no test touches a real user's history.
- The bundled models are loaded once per run and shared (they are real, not fakes). The default
  interviewer ships in parts: it is joined (and checksummed) once per run, and each test's fresh
  cache links to that file instead of joining 491 MB again.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
from pathlib import Path

import pytest

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


class NetworkBlocked(AssertionError):
    pass


def _guard(self: socket.socket, address: object) -> None:
    if self.family == socket.AF_UNIX:
        return _real_connect(self, address)
    raise NetworkBlocked(f"a test tried to open a network connection to {address!r}")


def _guard_ex(self: socket.socket, address: object) -> int:
    if self.family == socket.AF_UNIX:
        return _real_connect_ex(self, address)
    raise NetworkBlocked(f"a test tried to open a network connection to {address!r}")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guard)
    monkeypatch.setattr(socket.socket, "connect_ex", _guard_ex)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: (_ for _ in ()).throw(
        NetworkBlocked(f"a test tried to open a network connection to {a[:1]!r}")))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def joined_default_llm(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """The default interviewer joined once per run (None when it ships as one file)."""
    import os

    from coach import models

    entry = models.manifest()[models.default_name("llm")]
    if not entry.assembled:
        return None
    saved = os.environ.get("COACH_HOME")
    os.environ["COACH_HOME"] = str(tmp_path_factory.mktemp("joined-models"))
    try:
        return models.assemble(entry)
    finally:
        if saved is None:
            os.environ.pop("COACH_HOME", None)
        else:
            os.environ["COACH_HOME"] = saved


@pytest.fixture(autouse=True)
def coach_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
               joined_default_llm: Path | None) -> Path:
    home = tmp_path_factory.mktemp("coach-home")
    monkeypatch.setenv("COACH_HOME", str(home))
    if joined_default_llm is not None:
        cache = home / "cache" / "models"
        cache.mkdir(parents=True, mode=0o700)
        (cache / joined_default_llm.name).symlink_to(joined_default_llm)
    return home


def speak_to_wav(text: str, path: Path, rate: int = 140, voice: str = "en-us") -> Path:
    """Render `text` with espeak-ng: real speech audio for the real speech model."""
    if not shutil.which("espeak-ng"):
        pytest.fail("espeak-ng is required for the tests (run ./scripts/install)")
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(path), text], check=True, capture_output=True)
    return path


@pytest.fixture(scope="session")
def wav_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("answers")


@pytest.fixture(scope="session")
def transcriber():
    from coach import services

    return services.build_transcriber()


@pytest.fixture(scope="session")
def interviewer():
    from coach import services

    return services.build_interviewer()


@pytest.fixture(scope="session")
def history_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ten weeks of generated history (read-only: the report and weekly-plan tests share it)."""
    from history_factory import generate_history

    path = tmp_path_factory.mktemp("history") / "coach.db"
    generate_history(path, sessions=66, questions=2, days=70)
    return path
