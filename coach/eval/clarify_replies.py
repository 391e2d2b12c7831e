"""Does the interviewer's reply to a clarifying question use the facts a good reply would?

`python -m coach.eval.clarify_replies [--set NAME] [-v]` takes every clarifying utterance that names its
`topics` in tests/data/clarifying/ and asks the interview's own reply (coach.interview.clarify_answer.reply,
on the question's facts in the bank) what it would say. It reports, per set:
- answered: the reply uses at least one of the labelled facts (the candidate hears what they asked about);
- wrong fact: the reply uses a fact none of the labels name (an answer to a question not asked);
- assume: the reply told the candidate to state an assumption although a labelled fact exists;
and, over all sets, how many asks about something the facts do not hold are handed back rather than answered.
Only topics the question's facts hold count; an utterance whose labelled facts the question lacks is left out.
Older sets name no question: for them only the topics the reply would look up are checked ("topics named":
at least one labelled topic found; "extra topic": a topic found that no label names).
"""
from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path
from typing import Any

from coach.content.loader import default_content
from coach.eval.followups import CLARIFY_DIR, CLARIFY_HELD_OUT, CLARIFY_SETS
from coach.eval import clarify_cue_support as support
from coach.interview import clarify, clarify_answer
from coach.interview.clarify_cues import Cues


def load(folder: Path, names: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
    """The clarifying utterances with labelled topics, per set that exists."""
    sets: dict[str, list[dict[str, Any]]] = {}
    for name in names:
        path = folder / f"{name}.toml"
        if path.exists():
            rows = tomllib.loads(path.read_text(encoding="utf-8")).get("utterance", [])
            sets[name] = [u for u in rows if u.get("clarifying") and u.get("topics")]
    return sets


def topics(utterances: list[dict[str, Any]], cues: Cues | None = None) -> list[dict[str, Any]]:
    """One row per utterance: the topics the reply would look up against the labelled ones."""
    rows = []
    for u in utterances:
        asked = clarify.clarifying_questions(u["text"], cues) or [u["text"]]
        found = clarify_answer.topics_asked(asked, cues)
        rows.append({"text": u["text"], "wanted": list(u["topics"]), "used": found,
                     "answered": bool(set(found) & set(u["topics"])), "wrong": bool(set(found) - set(u["topics"])),
                     "assume": not found})
    return rows


def judge(utterances: list[dict[str, Any]], facts_of: dict[str, dict[str, str]],
          cues: Cues | None = None) -> list[dict[str, Any]]:
    """One row per utterance the question's facts can answer: what the reply used against the labels."""
    rows = []
    for u in utterances:
        if "question" not in u:
            continue
        facts = facts_of.get(u["question"], {})
        wanted = [t for t in u["topics"] if t in facts]
        if not wanted:
            continue
        asked = clarify.clarifying_questions(u["text"], cues) or [u["text"]]
        _, used = clarify_answer.reply(asked, facts, cues, said=u["text"])
        rows.append({"text": u["text"], "question": u["question"], "wanted": wanted, "used": list(used),
                     "answered": bool(set(used) & set(wanted)), "wrong": bool(set(used) - set(u["topics"])),
                     "assume": not used})
    return rows


def unanswerable(utterances: list[dict[str, Any]], facts_of: dict[str, dict[str, str]],
                 cues: Cues | None = None) -> tuple[int, int]:
    """Asks about something the question's facts do not hold: how many there are, and how many the reply hands back
    ("state an assumption") instead of giving a fact."""
    n = back = 0
    for u in utterances:
        facts = facts_of.get(u.get("question", ""), {})
        if not facts or any(t in facts for t in u["topics"]):
            continue
        asked = clarify.clarifying_questions(u["text"], cues) or [u["text"]]
        n += 1
        back += not clarify_answer.reply(asked, facts, cues, said=u["text"])[1]
    return n, back


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = max(1, len(rows))
    return {"utterances": len(rows), "answered": round(sum(r["answered"] for r in rows) / n, 3),
            "wrong_fact": round(sum(r["wrong"] for r in rows) / n, 3),
            "assume": round(sum(r["assume"] for r in rows) / n, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", metavar="NAME", help="only this set (repeatable)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every reply that misses or adds a fact")
    parser.add_argument("--loso", action="store_true",
                        help="score each set with the cue phrases only its own turns hold left out (the honest figure)")
    args = parser.parse_args(argv)
    names = tuple(args.set) if args.set else CLARIFY_SETS + CLARIFY_HELD_OUT
    sets = load(CLARIFY_DIR, names)
    if not sets:
        print(f"no clarifying set named {', '.join(names)} in {CLARIFY_DIR}", file=sys.stderr)
        return 2
    facts_of = {q.id: dict(q.facts) for q in default_content().questions.values()}
    cues_of: dict[str, Cues | None] = {name: None for name in sets}
    if args.loso:
        from coach.eval.clarify_loso import load_sets
        data = support.cue_data()
        # every labelled set counts, held-out ones too: a phrase only a held-out set holds is left out for it
        sup = support.support(load_sets(CLARIFY_HELD_OUT), data)
        cues_of = {name: support.cues_without(data, support.only_in(sup, name)) for name in sets}
    for kind, how, words in (("replies", lambda us, c: judge(us, facts_of, c), ("answered", "wrong fact", "assume")),
                              ("topics", topics, ("topics named", "extra topic", "none found"))):
        judged = {name: how(us, cues_of[name]) for name, us in sets.items()}
        for name, rows in judged.items():
            if rows:
                held = " (held out)" if name in CLARIFY_HELD_OUT else ""
                print(_line(f"{kind} {name}", summary(rows), words) + held)
                if args.verbose:
                    for r in rows:
                        if not r["answered"] or r["wrong"]:
                            print(f"    wanted {'/'.join(r['wanted'])}, found {'/'.join(r['used']) or 'nothing'}: {r['text']}")
        tuned = [r for name, rows in judged.items() if name in CLARIFY_SETS for r in rows]
        if tuned:
            print(_line(f"{kind} all tuned-on", summary(tuned), words))
    held = [unanswerable(us, facts_of, cues_of[name]) for name, us in sets.items()]
    if sum(n for n, _ in held):
        print(f"asks the facts do not hold: {sum(n for n, _ in held)}, handed back ('state an assumption') "
              f"{sum(b for _, b in held)}")
    return 0


def _line(label: str, s: dict[str, Any], words: tuple[str, str, str]) -> str:
    return (f"{label:<22} {s['utterances']:3d} questions  {words[0]} {s['answered']:.2f}  {words[1]} {s['wrong_fact']:.2f}  "
            f"{words[2]} {s['assume']:.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
