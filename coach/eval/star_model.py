"""STAR sentence labels: rules, the local model (grammar-constrained, one word), and the two combined.

    python -m coach.eval.star_model [--model smollm2-135m] [--part held-out|tuning|all] [--cache FILE]

Scores the graded story answers three ways and prints, for each, the share of STAR quotes on a
sentence with the right label, sentence-label accuracy, and seconds per sentence. Combined: the
rules' label, except where the rules found no cue ("other"), where the model's label is taken.
The combination was fixed before the run, not fitted on the held-out part. `--cache FILE` keeps the model's
label for each sentence in a JSON file, so the rules can be measured again against the same model labels
without running the model again (the seconds per sentence are then those of the first run).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable

from coach.eval.graded import Graded, _gold_label, load_graded
from coach.scoring import star
from coach.scoring.text import Sentence, clean, sentences


def quote_figures(items: list[Graded], labeller: Callable[[list[Sentence]], list[str] | None]) -> dict[str, Any]:
    quotes = right = labelled = ok = 0
    for g in items:
        text = clean(g.text)
        sents = sentences(text)
        report = star.analyse(sents, labeller(sents))
        for c in star.COMPONENTS:
            ev = getattr(report, c).evidence
            if ev:
                quotes += 1
                at = text.find(ev[0])
                right += c in (_gold_label(g, at, at + len(ev[0])) if at >= 0 else [])
        for s, pred in zip(sents, report.labels):
            gold = _gold_label(g, s.start, s.end)
            if gold:
                labelled += 1
                ok += pred in gold
    return {"quotes": quotes, "quote_right": round(right / quotes, 3) if quotes else 1.0,
            "sentences": labelled, "label_accuracy": round(ok / labelled, 3) if labelled else 1.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coach.eval.star_model", description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="a model name from models/manifest.toml or a .gguf path")
    parser.add_argument("--part", default="held-out", choices=("held-out", "tuning", "all"))
    parser.add_argument("--cache", type=Path, default=None, help="JSON file of the model's label per sentence")
    args = parser.parse_args(argv)
    from coach.adapters.star_labeller import LlamaStarLabeller
    from coach.models import resolve
    items = [g for g in load_graded() if g.spans and (args.part == "all" or g.part == args.part)]
    path, _ = resolve("llm", args.model)
    stored: dict[str, Any] = json.loads(args.cache.read_text()) if args.cache and args.cache.exists() else {}
    cache: dict[str, str] = dict(stored.get("labels", {}))
    spent = [float(stored.get("seconds", 0.0)), int(stored.get("sentences", 0))]
    model: LlamaStarLabeller | None = None

    def by_model(sents: list[Sentence]) -> list[str]:
        nonlocal model
        out = []
        for s in sents:
            if s.text not in cache:
                model = model or LlamaStarLabeller(path, threads=2)
                t0 = time.perf_counter()
                cache[s.text] = model.label(s.text)
                spent[0] += time.perf_counter() - t0
                spent[1] += 1
                if args.cache:
                    args.cache.write_text(json.dumps({"model": path.name, "labels": cache, "seconds": spent[0],
                                                      "sentences": spent[1]}, indent=1))
            out.append(cache[s.text])
        return out

    def combined(sents: list[Sentence]) -> list[str]:
        rules = star.analyse(sents).labels
        return [m if r == "other" else r for r, m in zip(rules, by_model(sents))]

    t0 = time.perf_counter()
    rules = quote_figures(items, lambda s: None)
    rules_s = (time.perf_counter() - t0) / max(1, rules["sentences"])
    results = {"rules": rules | {"s_per_sentence": round(rules_s, 4)}}
    results["model"] = quote_figures(items, by_model)
    results["model"]["s_per_sentence"] = round(spent[0] / max(1, spent[1]), 3)
    results["combined"] = quote_figures(items, combined) | {"s_per_sentence": results["model"]["s_per_sentence"]}
    print(f"STAR labels on the {args.part} part ({len(items)} story answers), model {path.name}\n")
    print(f"  {'':<10}{'quotes right':>14}{'labels right':>14}{'s/sentence':>12}")
    for name, r in results.items():
        print(f"  {name:<10}{r['quote_right']:>10.3f} ({r['quotes']}){r['label_accuracy']:>10.3f}"
              f"{r['s_per_sentence']:>12}")
    if model is not None:
        model.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
