"""The field's napkin constants (`rubrics/napkin_constants.toml`): bytes per value of each number format, bits
per byte, FLOPs per parameter per token, Adam's bytes per parameter. The napkin check compares what an answer
states against them (coach/scoring/napkin_constants.py)."""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path

from coach import paths
from coach.content import check
from coach.content.check import Where


@dataclass(frozen=True)
class NapkinConstants:
    precisions: tuple[tuple[tuple[str, ...], float], ...]   # (names, bytes per value)
    bits_per_byte: float
    decoding_flops: float          # per parameter per generated token
    training_flops: float          # per parameter per token trained on
    adam_bytes: float              # per parameter, and the range a careful answer may use
    adam_low: float
    adam_high: float
    layers: tuple[tuple[float, int], ...] = ()   # (parameters, layers) of open decoders of that size
    width_per_layer: float = 0.0   # model width over layer count of open decoders (0: not known)
    head_dim_low: float = 0.0      # the range of one attention head's dimension (0: not known)
    head_dim_high: float = 0.0
    accelerators: tuple[tuple[tuple[str, ...], float], ...] = ()   # (names, memory of one card in bytes)
    accelerator_flops: tuple[tuple[tuple[str, ...], float], ...] = ()   # (names, dense bf16 peak FLOPs a second)
    card_peak_low: float = 0.05    # the band of a card's peak an answer may state (fp32 to sparse fp8)
    card_peak_high: float = 4.5
    replicated: tuple[str, ...] = ()     # words for plain data parallel: every GPU keeps a full copy
    split: tuple[str, ...] = ()          # words for a scheme that splits the state over GPUs (ZeRO, FSDP, tensor ...)
    serving_words: tuple[str, ...] = ()  # an answer about serving a model ...
    training_words: tuple[str, ...] = ()  # ... or about training one
    machine_price_period_s: float = 3600.0   # a price said per GPU or machine with no period is for this long
    rent_max_dollars: float = 100.0          # above it, a price said per machine is a purchase, not rent

    def layers_for(self, params: float) -> int | None:
        """The layer count of the listed decoder size nearest `params` (on a log scale)."""
        if not self.layers or params <= 0:
            return None
        return min(self.layers, key=lambda pl: abs(math.log(pl[0] / params)))[1]


def load_napkin_constants(path: Path | None = None) -> NapkinConstants:
    """Read and validate the file; a bad entry is a ContentError naming it."""
    path = path or paths.rubrics_dir() / "napkin_constants.toml"
    shown = f"rubrics/{path.name}"
    top = Where(shown)
    data = check.read_toml(path, shown)
    check.known_keys(data, ("precision", "network", "compute", "optimizer", "layers", "shape", "accelerator",
                                  "parallel", "serving", "pricing"), top)
    precisions = []
    for n, table in enumerate(check.tables(data, "precision", top), 1):
        where = top.at(f"precision {n}")
        check.known_keys(table, ("names", "bytes"), where)
        names = tuple(s.lower() for s in check.text_list(table, "names", where, lo=1))
        precisions.append((names, check.number(table, "bytes", where, 0.125, 16)))
    layers = []
    for n, table in enumerate(check.tables(data, "layers", top), 1):
        where = top.at(f"layers {n}")
        check.known_keys(table, ("params", "layers"), where)
        layers.append((check.number(table, "params", where, 1e6, 1e13), int(check.number(table, "layers", where, 1, 1000))))
    accelerators, accelerator_flops = [], []
    for n, table in enumerate(check.tables(data, "accelerator", top), 1):
        where = top.at(f"accelerator {n}")
        check.known_keys(table, ("names", "memory_gb", "peak_tflops"), where)
        names = tuple(s.lower() for s in check.text_list(table, "names", where, lo=1))
        accelerators.append((names, check.number(table, "memory_gb", where, 1, 4096) * 1e9))
        if "peak_tflops" in table:
            accelerator_flops.append((names, check.number(table, "peak_tflops", where, 1, 100_000) * 1e12))
    par = check.table_of(data.get("parallel"), top.at("parallel"), "parallel") if "parallel" in data else {}
    if par:
        check.known_keys(par, ("replicated", "split"), top.at("parallel"))
    serving = check.table_of(data.get("serving"), top.at("serving"), "serving") if "serving" in data else {}
    if serving:
        check.known_keys(serving, ("serving", "training"), top.at("serving"))
    net = check.table_of(data.get("network"), top.at("network"), "network")
    compute = check.table_of(data.get("compute"), top.at("compute"), "compute")
    opt = check.table_of(data.get("optimizer"), top.at("optimizer"), "optimizer")
    shape = check.table_of(data.get("shape"), top.at("shape"), "shape") if "shape" in data else {}
    pricing = check.table_of(data.get("pricing"), top.at("pricing"), "pricing") if "pricing" in data else {}
    if pricing:
        check.known_keys(pricing, ("machine_price_period_s", "rent_max_dollars"), top.at("pricing"))
    return NapkinConstants(
        precisions=tuple(precisions),
        bits_per_byte=check.number(net, "bits_per_byte", top.at("network"), 1, 64),
        decoding_flops=check.number(compute, "decoding_flops_per_param", top.at("compute"), 1, 100),
        training_flops=check.number(compute, "training_flops_per_param", top.at("compute"), 1, 100),
        adam_bytes=check.number(opt, "adam_bytes_per_param", top.at("optimizer"), 1, 64),
        adam_low=check.number(opt, "adam_low", top.at("optimizer"), 1, 64),
        adam_high=check.number(opt, "adam_high", top.at("optimizer"), 1, 64),
        layers=tuple(sorted(layers)),
        width_per_layer=check.number(shape, "width_per_layer", top.at("shape"), 16, 4096) if shape else 0.0,
        head_dim_low=_optional(shape, "head_dim_low", top.at("shape")),
        head_dim_high=_optional(shape, "head_dim_high", top.at("shape")),
        accelerators=tuple(accelerators),
        accelerator_flops=tuple(accelerator_flops),
        card_peak_low=check.number(compute, "card_peak_low", top.at("compute"), 0.001, 1) if "card_peak_low" in compute
        else 0.05,
        card_peak_high=check.number(compute, "card_peak_high", top.at("compute"), 1, 100) if "card_peak_high" in compute
        else 4.5,
        replicated=tuple(w.lower() for w in check.text_list(par, "replicated", top.at("parallel"))) if par else (),
        split=tuple(w.lower() for w in check.text_list(par, "split", top.at("parallel"))) if par else (),
        serving_words=tuple(w.lower() for w in check.text_list(serving, "serving", top.at("serving"))) if serving else (),
        training_words=tuple(w.lower() for w in check.text_list(serving, "training", top.at("serving"))) if serving
        else (),
        machine_price_period_s=check.number(pricing, "machine_price_period_s", top.at("pricing"), 1, 31_536_000)
        if pricing else 3600.0,
        rent_max_dollars=check.number(pricing, "rent_max_dollars", top.at("pricing"), 0.01, 1e6) if pricing else 100.0)


def _optional(table: dict[str, object], key: str, where: Where) -> float:
    """A number of the table, or 0 (not known) when the file leaves it out."""
    return check.number(table, key, where, 1, 4096) if key in table else 0.0


@functools.lru_cache(maxsize=1)
def napkin_constants() -> NapkinConstants:
    """The shipped file, read once."""
    return load_napkin_constants()
