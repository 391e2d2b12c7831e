"""Ships the content folders inside the package.

`rubrics/`, `prompts/` and `models/` stay at the top of the repository (a coach edits them
there); a wheel carries a copy of them under `coach/_content/`, which `coach.paths` finds with
`importlib.resources`. An editable install reads them from the repository instead.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

CONTENT = ("rubrics", "prompts", "models")
ROOT = Path(__file__).resolve().parent


SKIP = ("__pycache__", ".pyc", ".gguf", ".bin")     # a model a user dropped into models/ stays out


def content_files() -> list[Path]:
    return [p.relative_to(ROOT) for name in CONTENT for p in sorted((ROOT / name).rglob("*"))
            if p.is_file() and not any(part.endswith(SKIP) for part in p.parts)]


class BuildWithContent(build_py):
    def _shipped(self) -> bool:
        return not getattr(self, "editable_mode", False)   # an editable install reads the repository

    def run(self) -> None:
        super().run()
        if not self._shipped():
            return
        target = Path(self.build_lib) / "coach" / "_content"
        shutil.rmtree(target, ignore_errors=True)
        for rel in content_files():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / rel, target / rel)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        if self._shipped():
            outputs += [str(Path(self.build_lib) / "coach" / "_content" / rel) for rel in content_files()]
        return outputs


setup(cmdclass={"build_py": BuildWithContent})
