"""Model files used where their package put them (a Piper voice, the end-of-turn model), sha256-checked.

Each file's checksum is read the first time; a stamp in the cache (path, size, mtime)
spares later runs reading it again.
"""
from __future__ import annotations

import json
from pathlib import Path

from coach import paths
from coach.errors import ModelError
from coach.models.assembly import locate_part, sha256_of
from coach.models.manifest import ModelEntry


def packaged_files(entry: ModelEntry) -> list[Path]:
    """The paths of `entry`'s packaged files, in manifest order, after checking each one."""
    stamps = paths.cache_dir() / "models" / "checked.json"
    try:
        seen = json.loads(stamps.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        seen = {}
    out, changed = [], False
    for part in entry.packaged:
        path = locate_part(entry, part)
        stat = path.stat()
        stamp = f"{part.sha256}:{stat.st_size}:{stat.st_mtime_ns}"
        if seen.get(str(path)) != stamp:
            if sha256_of(path) != part.sha256:
                raise ModelError(f"checksum mismatch in {path}: the {entry.label} model's file is damaged",
                                 f"reinstall it: {entry.install_hint.replace('pip install', 'pip install --force-reinstall', 1)}")
            seen[str(path)], changed = stamp, True
        out.append(path)
    if changed:
        try:
            paths.private_dirs(stamps.parent)
            stamps.write_text(json.dumps(seen), encoding="utf-8")
        except OSError:
            pass        # checked again next time
    return out
