"""Where the coach keeps things: data dir, config dir, cache, and the shipped content.

`COACH_HOME` overrides the data dir (tests point it at a temp dir). Everything the
coach creates there is owner-only, because recordings and history are personal.
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

APP_NAME = "coach"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHIPPED = "_content"     # where a built wheel carries rubrics/, prompts/ and models/ (see setup.py)


def private_dirs(path: Path) -> Path:
    """Create `path` and any missing parents owner-only (`mkdir(parents=True)` gives parents the umask's mode)."""
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    return path          # the folder asked for, never an existing ancestor (it must not be chmod-ed)


def _private_dir(path: Path) -> Path:
    private_dirs(path)
    try:
        os.chmod(path, 0o700)
    except OSError:
        pass
    return path


def data_dir() -> Path:
    home = os.environ.get("COACH_HOME")
    if home:
        return _private_dir(Path(home).expanduser())
    import platformdirs

    return _private_dir(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def config_dir() -> Path:
    home = os.environ.get("COACH_HOME")
    if home:
        return _private_dir(Path(home).expanduser())
    import platformdirs

    return _private_dir(Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)))


def cache_dir() -> Path:
    home = os.environ.get("COACH_HOME")
    if home:
        return _private_dir(Path(home).expanduser() / "cache")
    import platformdirs

    return _private_dir(Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)))


def default_db_path() -> Path:
    return data_dir() / "coach.db"


def audio_dir() -> Path:
    return _private_dir(data_dir() / "audio")


def user_questions_dir() -> Path:
    """A user's own question-bank TOML files live here and are loaded with the shipped ones."""
    return data_dir() / "questions"


def content_root() -> Path:
    """The folder holding `rubrics/`, `prompts/` and `models/`: COACH_CONTENT when set, else the copy an
    installed wheel carries inside the package, else the repository root (a clone, an editable install)."""
    override = os.environ.get("COACH_CONTENT")
    if override:
        return Path(override).expanduser()
    shipped = resources.files("coach").joinpath(SHIPPED)
    if shipped.is_dir():
        return Path(str(shipped))
    return PROJECT_ROOT


def rubrics_dir() -> Path:
    return content_root() / "rubrics"


def prompts_dir() -> Path:
    return content_root() / "prompts"


def models_dir() -> Path:
    return content_root() / "models"
