"""Clarification detection three ways: the rules, the local model as a judge, and the two combined.

    python -m coach.eval.clarify_model [--model qwen2.5-coder-0.5b] [--cache FILE] [--json]

Every clarifying set (`tests/data/clarifying/`) is scored by the rules (`coach.interview.clarify`),
by the model alone (`coach.adapters.clarify_judge`: a few examples written for its prompt, one
grammar-constrained word, "ask" or "other") and combined: the rules' verdict, overruled by the model
only where the model is sure (its logit margin at least `SURE`). The combination and `SURE` were
fixed before the first full run. The rules were tuned on every set but `heldout6` (folded in after
it was scored) and `dev18`; the model's prompt was tuned on none of them, so its figures on
the tuned sets are close to clean ones. Latency: one turn judged, its fixed prefix already cached.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coach.interview import clarify
from coach.paths import PROJECT_ROOT

CLARIFY_DIR = PROJECT_ROOT / "tests" / "data" / "clarifying"
SURE = 2.5           # the model overrules the rules only with a margin this large (logits, "ask" less "other")
DEV_SETS = ("dev18",)    # written for the model judge's development (scored before anything was tuned on it)


def combine(rules: bool, margin: float | None, sure: float = SURE) -> bool:
    """The rules' verdict, unless the model is sure of the other one; the rules alone without a model."""
    if margin is None or abs(margin) < sure:
        return rules
    return margin > 0


def load_sets(names: tuple[str, ...], folder: Path = CLARIFY_DIR) -> dict[str, list[dict[str, Any]]]:
    return {name: tomllib.loads((folder / f"{name}.toml").read_text(encoding="utf-8"))["utterance"]
            for name in names if (folder / f"{name}.toml").exists()}


def _pr(said: list[bool], gold: list[bool]) -> dict[str, float]:
    tp = sum(s and g for s, g in zip(said, gold))
    fp = sum(s and not g for s, g in zip(said, gold))
    fn = sum(g and not s for s, g in zip(said, gold))
    return {"precision": round(tp / max(1, tp + fp), 3), "recall": round(tp / max(1, tp + fn), 3)}


def report(sets: dict[str, list[dict[str, Any]]], margin: Callable[[str], float] | None,
           tuned: tuple[str, ...] = ()) -> dict[str, Any]:
    """Per set (and over the `tuned` sets as "all"): rules, model and combined precision/recall, and the
    model's milliseconds per turn."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for name, utterances in sets.items():
        rows[name] = []
        for u in utterances:
            started = time.perf_counter()
            m = margin(u["text"]) if margin is not None else None
            ms = 1000 * (time.perf_counter() - started)
            rows[name].append({"gold": bool(u["clarifying"]), "rules": clarify.is_clarification(u["text"]),
                               "margin": m, "ms": ms})
    groups = dict(rows)
    groups["all"] = [r for name in tuned if name in rows for r in rows[name]]
    out: dict[str, Any] = {}
    for name, rs in groups.items():
        gold = [r["gold"] for r in rs]
        entry: dict[str, Any] = {"utterances": len(rs), "clarifying": sum(gold),
                                 "rules": _pr([r["rules"] for r in rs], gold)}
        if margin is not None and rs:
            ms = sorted(r["ms"] for r in rs)
            entry["model"] = _pr([r["margin"] > 0 for r in rs], gold)
            entry["combined"] = _pr([combine(r["rules"], r["margin"]) for r in rs], gold)
            entry["ms_p50"] = round(statistics.median(ms))
            entry["ms_p95"] = round(ms[min(len(ms) - 1, int(0.95 * len(ms)))])
        out[name] = entry
    return out


def cached(margin: Callable[[str], float], path: Path | None) -> Callable[[str], float]:
    """The model's margin per text, kept in a JSON file so the rules can be re-measured without the model."""
    store: dict[str, float] = json.loads(path.read_text()) if path and path.exists() else {}

    def lookup(text: str) -> float:
        if text not in store:
            store[text] = margin(text)
            if path:
                path.write_text(json.dumps(store))
        return store[text]
    return lookup


def judge(model: str | None, threads: int | None = None) -> Callable[[str], float]:
    from coach import services
    from coach.adapters.clarify_judge import LlamaClarifyJudge

    path, _ = services.llm_model_path(model)
    return LlamaClarifyJudge(path, threads=threads or services.thread_plan().llm).margin    # the cores free now


def lines(result: dict[str, Any], met: Callable[[str, float], str]) -> list[str]:
    out = []
    for name, s in result.items():
        parts = [f"clarification {name:<9} {s['utterances']} utterances ({s['clarifying']} clarifying)"]
        for way in ("rules", "model", "combined"):
            if way in s:
                p, r = s[way]["precision"], s[way]["recall"]
                parts.append(f"{way} {p:.2f}/{r:.2f}" + (f" ({met('precision', p)}, {met('recall', r)})"
                                                          if way == "rules" else ""))
        if "ms_p50" in s:
            parts.append(f"model {s['ms_p50']} ms p50, {s['ms_p95']} ms p95")
        out.append("  ".join(parts))
    return out


def main(argv: list[str] | None = None) -> int:
    from coach.eval.followups import CLARIFY_HELD_OUT, CLARIFY_SETS, _met

    parser = argparse.ArgumentParser(prog="python -m coach.eval.clarify_model", description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="a model name from models/manifest.toml or a .gguf path")
    parser.add_argument("--cache", type=Path, default=None, help="JSON file of the model's margin per turn")
    parser.add_argument("--threads", type=int, default=None, help="llama.cpp threads (default: the cores free now)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sets = load_sets(CLARIFY_SETS + CLARIFY_HELD_OUT + DEV_SETS)
    result = report(sets, cached(judge(args.model, args.threads), args.cache), tuned=CLARIFY_SETS)
    print(json.dumps(result, indent=2) if args.json else "\n".join(lines(result, _met)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
