"""`coach` in a real 80x24 terminal under tmux: the home screen shows fast and `q` quits cleanly."""
from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def _tmux(socket: str, *args: str) -> str:
    return subprocess.run(["tmux", "-L", socket, *args], check=True, capture_output=True, text=True).stdout


def test_coach_opens_home_and_q_quits(tmp_path: Path, coach_home: Path) -> None:
    socket = f"coach-test-{tmp_path.name}"
    exit_file = tmp_path / "exit-code"
    coach = shutil.which("coach")
    command = shlex.quote(coach) if coach else f"{shlex.quote(sys.executable)} -m coach"
    script = (f"cd {shlex.quote(str(Path(__file__).resolve().parent.parent))} && "
              f"COACH_HOME={shlex.quote(str(coach_home))} {command} --db {shlex.quote(str(tmp_path / 'c.db'))}; "
              f"echo $? > {shlex.quote(str(exit_file))}")
    started = time.monotonic()
    _tmux(socket, "new-session", "-d", "-x", "80", "-y", "24", "-s", "coach", script)
    try:
        screen, shown_after = "", None
        while time.monotonic() - started < 20:
            screen = _tmux(socket, "capture-pane", "-p", "-t", "coach")
            if "New interview" in screen and "Quit" in screen:
                shown_after = time.monotonic() - started
                break
            time.sleep(0.05)
        assert shown_after is not None, f"the home screen never showed:\n{screen}"
        print(f"home screen visible after {shown_after:.2f} s")
        assert shown_after < 5.0          # budget is 1.5 s on a quiet machine; CI gets slack
        for text in ("Recent sessions", "Round drill", "Start interview"):
            assert text in screen, screen
        time.sleep(0.5)                    # let the model-loading worker get going: q must still quit
        _tmux(socket, "send-keys", "-t", "coach", "q")
        deadline = time.monotonic() + 15
        while not exit_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert exit_file.exists(), "coach did not exit after q"
        assert exit_file.read_text().strip() == "0"
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
