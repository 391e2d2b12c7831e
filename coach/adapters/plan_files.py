"""Job descriptions and the plans built from them, kept in the data dir, owner-only.

    <data dir>/plans/<name>.json     the plan (`JobPlan.to_record()`)
    <data dir>/jobs/<name>.txt       the job description it was built from
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from coach import paths
from coach.errors import CoachError

NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")


def plans_dir() -> Path:
    return paths.private_dirs(paths.data_dir() / "plans")


def jobs_dir() -> Path:
    return paths.private_dirs(paths.data_dir() / "jobs")


def _write_private(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def _check_name(name: str) -> str:
    if not NAME.match(name):
        raise CoachError(f"'{name}' cannot name a plan",
                         "use lowercase letters, digits and dashes, e.g. --name acme-staff-ranking")
    return name


def save_plan(name: str, record: dict[str, Any], job_text: str) -> Path:
    """Write the plan and its job description; returns the plan's path."""
    _check_name(name)
    _write_private(jobs_dir() / f"{name}.txt", job_text)
    path = plans_dir() / f"{name}.json"
    _write_private(path, json.dumps({**record, "job_file": f"jobs/{name}.txt"}, indent=2))
    return path


def saved_names() -> list[str]:
    folder = paths.data_dir() / "plans"
    return sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else []


def load_plan(name: str) -> dict[str, Any]:
    """A saved plan's record, or a CoachError naming the saved plans."""
    path = paths.data_dir() / "plans" / f"{name}.json"
    if not NAME.match(name) or not path.is_file():
        known = saved_names()
        raise CoachError(f"no plan named '{name}'",
                         "plans are full-loop, drill, warm-up" + (f", {', '.join(known)}" if known else "")
                         + "; make one with `coach plan --jd FILE --name NAME`")
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CoachError(f"the saved plan {path.name} cannot be read ({exc.__class__.__name__})",
                         "make it again with `coach plan --jd FILE --name NAME`") from None
    if not isinstance(record, dict) or not isinstance(record.get("rounds"), list):
        raise CoachError(f"the saved plan {path.name} is damaged", "make it again with `coach plan --jd FILE --name NAME`")
    return record
