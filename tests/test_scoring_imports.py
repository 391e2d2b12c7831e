"""Importing and running the scorer pulls in no UI, audio or model library."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("textual", "sounddevice", "faster_whisper", "llama_cpp", "pyttsx3", "ctranslate2", "numpy")


def test_scoring_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "import coach.scoring\n"
        "from coach.scoring import score_answer\n"
        "score_answer('At my last company I built a cache; p99 went from 800 to 200 ms at 50k QPS.')\n"
        "import coach.eval.scoring\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"coach.scoring imported: {out.stdout.strip()}"
