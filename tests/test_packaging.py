"""The package installs like one: a wheel carries rubrics/, prompts/ and models/ and runs from anywhere."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ("rubrics", "prompts", "models")


def _content_files() -> set[str]:
    return {p.relative_to(ROOT).as_posix() for name in CONTENT for p in (ROOT / name).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def test_wheel_carries_the_content_and_runs_outside_the_clone(tmp_path: Path) -> None:
    clone = tmp_path / "clone"          # build from a copy, so the repository gets no build/ folder
    shutil.copytree(ROOT, clone, ignore=shutil.ignore_patterns(
        ".git", "build", "dist", "*.egg-info", "__pycache__", "tests", "benchmarks", ".pytest_cache", ".hypothesis"))
    out = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(out), str(clone)], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(out.glob("coach-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = {f for f in _content_files() if f"coach/_content/{f}" not in names}
    assert not missing, f"the wheel lacks {sorted(missing)}"
    assert "coach/cli.py" in names and not any(n.startswith(("rubrics/", "tests/")) for n in names)

    site = tmp_path / "site"            # what pip install puts in site-packages: the wheel, unpacked
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("COACH_CONTENT", "PYTHONPATH")}
    env["PYTHONPATH"] = str(site)
    run = subprocess.run([sys.executable, "-m", "coach", "questions", "list", "--round", "system-design"],
                         cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "sd-" in run.stdout
    where = subprocess.run([sys.executable, "-c", "import coach.paths as p; print(p.content_root())"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60)
    assert Path(where.stdout.strip()) == site / "coach" / "_content"
