"""Napkin math: the bytes a steady flow adds up to over a span of time ("Kafka takes 50 MB a second and we keep
three days, so about 13 terabytes"; "the buffer holds five minutes of traffic at 40 MB a second, so 12 GB").

  flow_bytes   bytes a second × the seconds of the span. Dividing the flow by the span, or taking its minutes for
               seconds, is the slip this catches.
The flow, the span and the total are said in one sentence, the total last and said as derived ("so", "that's",
"it needs"); no other figure between them (a count of brokers or a replica factor makes it another product, left
to the rules that read those), and never a link's speed (a pipe chosen, not a flow).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from coach.scoring.napkin_judge import Check
from coach.scoring.sizing import Quantity
from coach.scoring.text import human

_F = re.IGNORECASE
# the total said as worked out: "so about", "that's", "it needs about", "which comes to"
_DERIVED = re.compile(r"\b(?:so|that'?s|that is|which is|comes? to|works? out to|needs?|takes?|holds?|means|gives?)\b"
                      r"[^.;\d]{0,30}$", _F)
_LINK = re.compile(r"\s*(?:[a-z]+\s+)?(?:e?thernet|links?|nics?|uplinks?|ports?|pipes?|interconnects?|connections?)\b", _F)
# a span said as a window of the flow: "five minutes of traffic", "keep three days", "every ten minutes", "for an hour"
_SPAN_AFTER = re.compile(r"\s+(?:of|worth of)\s+(?:[a-z]+\s+)?(?:traffic|data|writes|ingest|the stream|logs?|events)\b", _F)
_SPAN_BEFORE = re.compile(r"\b(?:keep|keeps|kept|retain|retains|retention of|hold|holds|buffer|buffers|every|for|over|"
                          r"across|within)\s+(?:about\s+|roughly\s+|the\s+last\s+|the\s+|a\s+|an\s+)?$", _F)


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    out: list[Check | None] = []
    for i, total in enumerate(qs):
        if total.kind != "storage" or total.has("rate") or total.has("per_param") or \
                not _DERIVED.search(text, max(0, total.start - 40), total.start):
            continue
        before = [q for q in qs[:i] if q.sentence == total.sentence]
        if len(before) != 2:
            continue        # exactly the flow and the span: any other figure makes it another product
        flow = next((q for q in before if q.kind == "bandwidth"), None)
        span = next((q for q in before if q.kind == "duration" and q.unit == "s"), None)
        if flow is None or span is None or flow.value <= 0 or span.value <= 0 or \
                _LINK.match(text, flow.start + len(flow.text)):
            continue
        if not (_SPAN_AFTER.match(text, span.start + len(span.text)) or
                _SPAN_BEFORE.search(text, max(0, span.start - 30), span.start)):
            continue
        how = f"{human(flow.value, 'B/s')} × {human(span.value, 's')}"
        out.append(judge("flow_bytes", total, flow.value * span.value, how, [], "B"))
    return out
