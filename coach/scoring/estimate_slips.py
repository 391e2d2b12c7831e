"""Why an estimate's final figure missed, named as a careful engineer names it: the step that slipped, not only
the range the figure fell outside.

  period     the right amount said per the wrong period ("seventy-three thousand dollars a year" for the monthly
             bill): the rubric's "a figure near the range, with a unit slip"; a figure said per another period and
             right once converted ("$876,000 a year" for a monthly bill) is in range
  precision  a bytes-per-value figure other than the precision the question states (four bytes a value for an fp16
             cache)
  left out   a factor the question states that the answer never says, when the figure is off by just that factor
             (the log's three replicas)
  added      a factor the answer applies that the question does not state, when the figure is off by just that
             factor (a peak factor on a rate that is already the busiest hour's)
  bits       off by the eight bits of a byte

Each reads only the question's prompt and answer, the figures the answer said and the worked value."""
from __future__ import annotations

from functools import lru_cache

from coach.domain import Estimate, Question
from coach.scoring.napkin_constants import _bytes_of, _precision_pattern
from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import Quantity, extract
from coach.scoring.text import clean, sentences

MATCH = 0.12        # a ratio within this share of a factor is that factor
SMALL_FACTORS = (2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)      # factors a step multiplies by that are worth naming


@lru_cache(maxsize=256)
def _answer_figure(answer: str) -> Quantity | None:
    """The estimate's worked answer as a quantity ("about $73,000 a month"), read once per bank answer."""
    said = extract(clean(answer), sentences(clean(answer)))
    return said[0] if said else None


def _answer_unit(answer: str) -> str:
    figure = _answer_figure(answer)
    return figure.unit if figure is not None else ""


def _answer_period(answer: str) -> float:
    """The period of the estimate's worked answer ("about $73,000 a month" -> a month's seconds), 0 when none."""
    figure = _answer_figure(answer)
    return figure.period_s if figure is not None and figure.unit.startswith("$") else 0.0


def in_asked_period(est: Estimate, q: Quantity) -> float:
    """The figure converted to the period the question asks for, when both name one (money per period is kept as
    said by the extractor)."""
    asked = _answer_period(est.answer)
    if asked and q.unit.startswith("$") and q.period_s and q.period_s != asked:
        return q.value * asked / q.period_s
    return q.value


def period_slip(est: Estimate, q: Quantity) -> str | None:
    """The amount right for the period asked but said per another one."""
    asked = _answer_period(est.answer)
    if not (asked and q.unit.startswith("$") and q.period_s and q.period_s != asked):
        return None
    if not est.low <= q.value <= est.high:
        return None
    per = q.unit.split("/", 1)[1] if "/" in q.unit else "period"
    per_asked = _answer_unit(est.answer).split("/", 1)[-1]
    return (f'the amount is the one asked for per {per_asked}, but it is said per {per}; the worked answer is '
            f'{est.answer}, and a {per} at that rate is about ${float(f"{q.value * q.period_s / asked:.2g}"):,.0f}')


def _ratio_is(r: float, factor: float) -> bool:
    return abs(r / factor - 1) <= MATCH


def _values(text: str) -> list[float]:
    return [n.value for n in find_numbers(text)]


def named(question: Question, quantities: list[Quantity], text: str, stated: float) -> str | None:
    """The slip that explains a final figure outside the range, in words, with the right figure."""
    from coach.scoring.estimates import say
    est = question.estimate
    if est is None or stated <= 0 or est.value <= 0:
        return None
    r = est.value / stated           # what the figure must be multiplied by to be right
    prompt = clean(question.prompt)
    pattern, table = _precision_pattern()
    asked = next((m for m in pattern.finditer(prompt)), None)
    if asked is not None:
        right = _bytes_of(asked.group(0), table)
        for q in quantities:
            if q.kind == "storage" and q.unit == "B" and 0 < q.value <= 8 and q.value != right and \
                    _ratio_is(r, right / q.value) and not pattern.search(text[max(0, q.start - 60):q.start + 60]):
                return (f'it takes "{q.text}" a value, but the question says {asked.group(0)}, {right:g} bytes a value: '
                        f'the figure is about {say(stated * right / q.value, est.unit)}')
    said = _values(text)
    given = find_numbers(prompt)
    for g in given:
        if g.value in SMALL_FACTORS and _ratio_is(r, g.value) and not any(abs(v - g.value) < 1e-9 for v in said):
            after = prompt[g.end:].split()
            what = " ".join([g.text, *after[:1]]).strip(" ,.;?")
            return (f'the question\'s "{what}" is never applied: {say(stated, est.unit)} × {g.value:g} ≈ '
                    f'{say(est.value, est.unit)}')
    given_values = [g.value for g in given]
    for n in find_numbers(text):
        if n.value in SMALL_FACTORS and _ratio_is(1 / r, n.value) and not any(abs(v - n.value) < 1e-9 for v in given_values):
            return (f'it multiplies by {n.value:g} ("{n.text}"), a factor the question does not give: without it the '
                    f'figure is about {say(est.value, est.unit)}, in range')
    if _ratio_is(r, 8.0) or _ratio_is(1 / r, 8.0):
        return "off by 8x, the bits in a byte: a bit rate taken for a byte rate, or bytes for bits"
    return None
