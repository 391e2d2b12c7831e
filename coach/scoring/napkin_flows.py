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
from coach.scoring.napkin_systems import _copies, compression
from coach.scoring.text import fmt_num, human
from coach.scoring.units import PERIOD_S

_F = re.IGNORECASE
# the total said as worked out: "so about", "that's", "it needs about", "which comes to"
_DERIVED = re.compile(r"\b(?:so|that'?s|that is|which is|comes? to|works? out to|needs?|takes?|holds?|means|gives?)\b"
                      r"[^.;\d]{0,30}$", _F)
_LINK = re.compile(r"\s*(?:[a-z]+\s+)?(?:e?thernet|links?|nics?|uplinks?|ports?|pipes?|interconnects?|connections?)\b", _F)
# a span said as a window of the flow: "five minutes of traffic", "keep three days", "every ten minutes", "for an hour"
_SPAN_AFTER = re.compile(r"\s+(?:of|worth of)\s+(?:[a-z]+\s+)?(?:traffic|data|writes|ingest|the stream|logs?|events)\b", _F)
_SPAN_BEFORE = re.compile(r"\b(?:keep|keeps|kept|retain|retains|retention of|hold|holds|buffer|buffers|every|for|over|"
                          r"across|within)\s+(?:about\s+|roughly\s+|the\s+last\s+|the\s+|a\s+|an\s+)?$", _F)


# a span of the flow just said: "a year of that", "a month of it", "a week's worth of this"
_SPAN_OF_IT = re.compile(r"\b(?:a|one|the|each|every|per)\s+(?P<p>day|week|month|quarter|year)(?:'s worth)?\s+of\s+"
                         r"(?:that|it|this|those|them)\b", _F)


def _span_of_it(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    """A flow said per second or per day, then a span of it named ("8.64 TB a day, and a year of that is ... about
    104 TB"): the total is the flow × the span's seconds (a year is 365 days, a month 30), whatever factor the answer
    multiplied by."""
    out: list[Check | None] = []
    for m in _SPAN_OF_IT.finditer(text):
        flow = next((q for q in reversed(qs) if q.start < m.start()), None)
        if flow is None or not (flow.kind == "bandwidth" or flow.kind == "storage" and flow.has("rate")
                                and flow.period_s > 0) or flow.value <= 0 or _LINK.match(text, flow.start + len(flow.text)):
            continue
        if re.search(r"[.;!?]\s", text[flow.start + len(flow.text):m.start()]):
            continue        # the flow said in the sentence the span names
        total = next((q for q in qs if q.start > m.end() and q.kind in ("storage", "bandwidth", "throughput")), None)
        if total is None or total.kind != "storage" or total.has("rate") or total.has("per_param") or \
                re.search(r"[.;!?]\s", text[m.end():total.start]):
            continue
        span = PERIOD_S[m.group("p").lower()]
        per_s = flow.value if flow.kind == "bandwidth" else flow.value / flow.period_s
        said = flow.text if flow.kind == "storage" else human(flow.value, "B/s")
        how = f"{said} × {span / 86400:,.0f} days ({m.group('p').lower()})"
        # the copies and the compression said with the span ("a year of that with three replicas") are its steps too
        copies, ratio = _copies(text, m.start(), total), compression(text, m.start(), total.start)
        if copies > 1:
            how += f" × {fmt_num(copies)} copies"
        if ratio > 1:
            how += f" ÷ {fmt_num(ratio)} (compressed)"
        out.append(judge("flow_bytes", total, per_s * span * copies / ratio, how, [], "B"))
    return out


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    out: list[Check | None] = list(_span_of_it(qs, text, judge))
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
