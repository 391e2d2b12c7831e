"""The app's first screen in a fresh process: `python -m coach.bench.first_screen DB [0|1]`.

Prints the wall-clock time at which Home was usable and which model libraries had been
imported by then; `first_screen()` runs it and returns the seconds since launch.
"""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.tui.app import CoachApp

HEAVY = ("faster_whisper", "llama_cpp", "ctranslate2", "piper", "onnxruntime")


async def _show(db: str, load_models: bool) -> "CoachApp":
    from coach.tui.app import CoachApp

    app = CoachApp(db=db, load_models=load_models)
    async with app.run_test() as pilot:
        while not app.screen.query("#start"):
            await pilot.pause(0.01)
        print(time.time(), json.dumps([m for m in HEAVY if m in sys.modules]))
    return app


def first_screen(db: Path, load_models: bool = True) -> tuple[float, list[str]]:
    """Seconds from launching the app in a fresh process until Home is usable, and which model
    libraries had been imported by then."""
    from coach.errors import CoachError

    launched = time.time()
    out = subprocess.run([sys.executable, "-m", "coach.bench.first_screen", str(db), "1" if load_models else "0"],
                         capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise CoachError("the app did not start: " + (out.stderr.strip().splitlines() or ["?"])[-1])
    shown, heavy = out.stdout.strip().splitlines()[-1].split(" ", 1)
    return round(float(shown) - launched, 2), json.loads(heavy)


if __name__ == "__main__":
    # Home is usable before the models finish loading: end as the app does when quit mid-load, since letting the
    # interpreter finalise around the loader's native code aborts the process.
    asyncio.run(_show(sys.argv[1], sys.argv[2] == "1")).exit_if_loading(0)
