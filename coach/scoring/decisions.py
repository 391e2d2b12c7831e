"""A decision told with no reason: "We went with the cross-encoder." says what was chosen, not why.

A strong interviewer hears the choice as the step it is (coach/scoring/star_cues.py `DECIDED`) and asks for the why
next: what made it the right call, what it was weighed against, what evidence settled it.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from coach.scoring.star_cues import DECIDED

# Why a choice was made: a cause, a purpose, the evidence or a comparison ("because", "so that", "to keep p99 under",
# "the benchmark showed", "it was cheaper", "at the cost of").
_REASON = re.compile(
    r"\b(?:because|cause|since(?! then\b)|so that|in order to|given (?:that|the|how|our)|the reason|that'?s why|"
    r"which (?:is why|meant|means)|due to|driven by|the deciding factor|it won on|won out|"
    r"as (?:it|they|the|that|this|we|our) (?:was|were|had|needed|could|would|did|gave|kept|fit)|"
    r"(?:the )?(?:benchmarks?|experiments?|tests?|prototypes?|numbers|data|results?|a/b tests?) (?:showed|said|told|"
    r"made it|came back)|(?:showed|proved|found) that|"
    # the evidence gathered before the choice: "we benchmarked a few options", "I prototyped both"
    r"benchmark(?:ed|ing)|prototyp(?:ed|ing)|compared|weighed|evaluated|bake-?off|tried (?:both|each|several|a few)|"
    r"(?:cheaper|faster|simpler|safer|easier|smaller|lighter|better|more (?:accurate|reliable|robust)|less (?:risky|"
    r"expensive|work)) than|trade-?offs?|at the (?:cost|expense|price) of|downside|the catch|gave up|giving up|"
    r"in exchange|"
    # the option not taken named beside the one taken: "the alternative was keeping the nightly jobs"
    r"the (?:other |main |obvious |only |real )?(?:alternatives?|other options?)(?: (?:i|we) (?:considered|looked at|"
    r"weighed|had|rejected|turned down|passed on))? (?:was|were|would have been)|(?<!where )(?<!how )(?<!what )(?<!whether )(?<!which )to (?:keep|cut|avoid|reduce|save|meet|fit|hit|stay|get (?:under|below|within)|protect|lower|"
    r"free|limit|bound|halve))\b", re.I)


def decided_without_reason(sentences: Sequence[str], labels: Sequence[str]) -> str | None:
    """The first step that tells a decision (from where it is told), when no sentence of the answer says why; else
    None."""
    if any(_REASON.search(s) for s in sentences):
        return None
    for s, lab in zip(sentences, labels):
        m = DECIDED.search(s.lower()) if lab == "action" else None
        if m:
            return s[m.start():] if m.start() > 40 else s   # the decision itself, when it comes late in a run-on
    return None
