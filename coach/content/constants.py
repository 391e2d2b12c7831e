"""Numbers worth knowing by heart (`rubrics/constants.toml`), each with where it comes from."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coach.content import check
from coach.content.check import Where

FIELDS = ("name", "value", "group", "source")


@dataclass(frozen=True)
class Constant:
    name: str
    value: str        # as you would say it, with its unit
    group: str        # time, traffic, memory, compute, hardware, cost, network, latency, storage
    source: str       # where the figure comes from

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "value": self.value, "group": self.group, "source": self.source}


def load_constants(path: Path | None = None) -> list[Constant]:
    """Read and validate the constants file; a bad entry is a ContentError naming it."""
    if path is None:
        from coach.paths import rubrics_dir

        path = rubrics_dir() / "constants.toml"
    shown = f"rubrics/{Path(path).name}"
    top = Where(shown)
    data = check.read_toml(Path(path), shown)
    check.known_keys(data, ("constant",), top)
    out = []
    for n, table in enumerate(check.tables(data, "constant", top), 1):
        where = top.at(f"constant {n}")
        check.known_keys(table, FIELDS, where)
        out.append(Constant(*(check.text(table, f, where) for f in FIELDS)))
    return out
