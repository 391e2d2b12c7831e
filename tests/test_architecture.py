"""The core stays pure: no core package imports a device, model, database or UI library, or an adapter.

Checked twice: by importing every core module in a fresh interpreter and looking at
`sys.modules`, and by reading every import statement (also those inside functions).
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ("domain", "content", "scoring", "interview", "followups", "progress", "reports", "streaming")
# devices, models, the database and the UI: only adapters, commands and the app may import these
FORBIDDEN = ("textual", "rich", "sounddevice", "soundfile", "faster_whisper", "ctranslate2", "llama_cpp",
             "pyttsx3", "sqlite3", "sqlite_utils")
EDGES = ("coach.adapters", "coach.tui", "coach.commands", "coach.services", "coach.cli", "coach.models")


def _core_files() -> list[Path]:
    files: list[Path] = []
    for name in CORE:
        path = ROOT / "coach" / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path.with_suffix(".py")]
    return files


def _module(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    return ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)


def test_importing_every_core_module_loads_no_device_model_database_or_ui_library() -> None:
    modules = [_module(p) for p in _core_files()]
    code = ("import importlib, sys\n"
            f"for name in {modules!r}:\n"
            "    importlib.import_module(name)\n"
            f"print(','.join(m for m in sorted(sys.modules) if m.split('.')[0] in {FORBIDDEN!r}"
            f" or m.startswith({EDGES!r})))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"the core loaded: {done.stdout.strip()}"


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.lineno, node.module)] + [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return found


def test_no_core_module_names_an_adapter_or_a_heavy_library_even_inside_a_function() -> None:
    problems = []
    for path in _core_files():
        for line, name in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if name.split(".")[0] in FORBIDDEN or name.startswith(EDGES):
                problems.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert not problems, "\n".join(problems)
    assert len(_core_files()) > 40        # the walk really found the core


def test_no_test_module_imports_another_or_edits_sys_path() -> None:
    """Shared test helpers live in fixtures modules (conftest.py, tests/fixtures/)."""
    tests = ROOT / "tests"
    test_modules = {p.stem for p in tests.glob("test_*.py")}
    problems = []
    for path in sorted(tests.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and node.attr == "path" and isinstance(node.value, ast.Name)
                    and node.value.id == "sys"):
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno} uses sys.path")
        for line, name in _imports(tree):
            if name.split(".")[-1] in test_modules or name.split(".")[0] in test_modules:
                problems.append(f"{path.relative_to(ROOT)}:{line} imports the test module {name}")
    assert not problems, "\n".join(problems)


def test_screens_do_not_import_each_other_in_a_cycle() -> None:
    """A screen may open another (lazily); no two screens import each other, even lazily."""
    screens = {p.stem: p for p in (ROOT / "coach" / "tui" / "screens").glob("*.py") if p.stem != "__init__"}
    edges = {name: {n.split(".")[-1] for _, n in _imports(ast.parse(path.read_text(encoding="utf-8")))
                    if n.startswith("coach.tui.screens.") and n.split(".")[3] in screens}
             for name, path in screens.items()}
    edges = {name: {n for n in targets if n in screens and n != name} for name, targets in edges.items()}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(n == goal or (n not in seen and reaches(n, goal, seen | {n})) for n in edges[start])

    cycles = [name for name in screens if reaches(name, name, {name})]
    assert not cycles, f"screens in an import cycle: {cycles} ({edges})"


def test_the_first_screen_loads_neither_numpy_nor_the_scorer() -> None:
    """Home must show fast: what it imports at start-up stays light (the scorer and numpy load later)."""
    code = ("import sys, coach.tui.app, coach.tui.screens.home\n"
            "print(','.join(m for m in ('numpy', 'coach.scoring', 'coach.ports') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"the first screen imported: {done.stdout.strip()}"


def test_app_code_reads_the_app_through_its_type() -> None:
    """Screens reach the app as the typed CoachApp (`CoachScreen.app`), so mypy checks what they call on it."""
    untyped = [f"{p.relative_to(ROOT)}:{i}" for p in sorted((ROOT / "coach" / "tui").rglob("*.py"))
               for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
               if "app: Any" in line.replace(" ", "").replace("app:Any", "app: Any")]
    assert not untyped, f"an untyped handle to the app: {untyped}"
    screens = (ROOT / "coach" / "tui" / "screens").glob("*.py")
    full = [p.stem for p in screens if "(Screen[" in p.read_text(encoding="utf-8")]
    assert not full, f"screens that are not a CoachScreen: {full}"
