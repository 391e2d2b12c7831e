"""Estimation drills: is the answer's figure inside the question's known range, and which steps were skipped?

The napkin-math round's questions carry an `Estimate` (rubrics/questions/napkin-math.toml): the worked
value, the range that passes, and the figure each step (talking point) reaches. The scorer's own
extractor (`coach.scoring.sizing`) finds the answer's quantities; this module only compares them:
  - the answer's figure is the LAST quantity of the estimate's kind (for seconds, any quantity in
    seconds), since an answer worked out loud ends on its result;
  - a step counts as done when its talking point was covered or its figure (within 1.5x) was said;
  - the card gets a `bad_math` gap naming the right figure when the answer is out of range or
    gives no figure, a feedback line naming every skipped step, and `numeric_sizing` set by the result.
"""
from __future__ import annotations

import re

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from coach.domain import Estimate, Question
from coach.scoring.calibrate import to_score
from coach.scoring import estimate_slips
from coach.scoring.gaps import _ADVICE, Gap
from coach.scoring.napkin_systems import device_memory
from coach.scoring.numbers import ONES, SCALES, TENS, find_numbers
from coach.scoring.rubric import DimensionScore
from coach.scoring.scorecard import Scorecard
from coach.scoring.sizing import Quantity, extract
from coach.scoring.talking_points import PointHit, PointsReport, near_figure
from coach.scoring.text import STOPWORDS, Sentence, clean, fmt_num, human, sentence_around, sentences, stem, words

@dataclass(frozen=True)
class RangeResult:
    ok: bool
    stated: float | None          # the answer's figure in the estimate's unit, None when none was said
    stated_text: str
    missed_steps: tuple[str, ...]
    message: str
    unit_slip: bool = False       # the amount right for the period asked, said per another period
    slip: str = ""                # the step named as the one that slipped (a precision, a factor left out or added)


def say(value: float, unit: str) -> str:
    """A figure in a base unit as a person would write it."""
    if unit.startswith("B") or unit == "s":
        return human(value, unit)
    if unit.startswith("$"):
        body = f"{value:,.2f}" if value < 10 else fmt_num(value)
        return f"${body}" + (f" {unit[1:]}" if len(unit) > 1 else "")
    if unit == "/s":
        return f"{fmt_num(value)} per second"
    return f"{fmt_num(value)} {unit}".strip()


def _matches(q: Quantity, est: Estimate) -> bool:
    return q.unit == "s" if est.unit == "s" else q.kind == est.kind


def missed_steps(question: Question, card: Scorecard, quantities: list[Quantity], text: str) -> list[str]:
    """The talking points (steps) neither covered in words nor reached as a figure."""
    est = question.estimate
    covered = {p.point for p in card.talking_points.covered} if card.talking_points else set()
    said = [q.value for q in quantities] + [q.raw for q in quantities] + [n.value for n in find_numbers(text)]
    out = []
    for i, point in enumerate(question.talking_points):
        figure = est.steps[i] if est and i < len(est.steps) else 0.0
        if point in covered or (figure and any(near_figure(v, figure) for v in said)):
            continue
        out.append(point)
    return out


_OF_WHAT = re.compile(r"\s*(?:of|for|in|per) (?:the |a |an |our |its |every |each |one |a single )?([a-z-]+)", re.I)
# the parts of a compound that names the thing asked about ("key-value cache"): the cache is asked, not the key
_COMPOUND = re.compile(r"\b[a-z]+(?:-[a-z]+)+\b", re.I)
_ASK_FILLER = frozenset("how much many does do need needs what is the a of for at be would you your it".split())


def _answering(figures: list[Quantity], prompt: str, text: str) -> Quantity | None:
    """The last figure said as of what the question asks ("How much memory does the cache need ...?": "64 gigabytes
    of cache"; "What peak request rate ...?": "35,000 requests a second"), when an answer goes past its estimate to
    a total, a device it fits on or the load one step further down ("17 million items a second")."""
    ask = _COMPOUND.sub(" ", re.split(r"(?<=[.!])\s+", prompt.strip())[-1])
    asked = {stem(w) for w in words(ask) if w not in STOPWORDS and w not in _ASK_FILLER and not w.isdigit()}
    said = [q for q in figures if (m := _OF_WHAT.match(text[q.start + len(q.text):])) and stem(m.group(1).lower()) in asked
            or asked & {stem(w) for w in words(q.text) if not w.isdigit()}      # "35,000 requests a second"
            # a bare figure takes its thing from its sentence: "Peak is three times that, so call it twelve thousand a
            # second" is the peak rate asked, "six million items a second" at peak the load one step further down
            or _bare(q.text) and asked & {stem(w) for w in words(sentence_around(text, q.start))}]
    return said[-1] if said and said[-1] is not figures[-1] and len(said) < len(figures) else None


_RATE_WORDS = frozenset("a an per each every second seconds minute minutes hour hours day days week weeks month months "
                        "year years sec s".split())
_NUMBER_WORDS = frozenset((*ONES, *TENS, *SCALES, "hundred", "and", "about", "roughly", "around", "some"))


def _bare(said: str) -> bool:
    """A figure said with no thing of its own: "twelve thousand a second", "35k per second"."""
    return all(w.isdigit() or w in _RATE_WORDS or w in _NUMBER_WORDS or w[:-1].isdigit()
               for w in re.findall(r"[a-z0-9]+", said.lower()))


def judged_figure(question: Question, quantities: list[Quantity], text: str) -> Quantity | None:
    """The figure an estimate is judged on: the last one of the estimate's kind, or the last said as of what the
    question asks when the answer goes past it."""
    est = question.estimate
    assert est is not None
    # a device's memory said with it ("one 80 gigabyte card") is what the answer fits into, not its estimate
    figures = [q for q in quantities if _matches(q, est) and not (q.kind == "storage" and device_memory(text, q))
               and not (q.kind == "bandwidth" and _LINK.match(text, q.start + len(q.text)))]
    asides = {id(q): span for q in figures if (span := _peak_aside(question.prompt, text, q)) is not None}
    if asides and len(asides) < len(figures):
        figures = [q for q in figures if id(q) not in asides]
        for start, end in asides.values():   # its clause blanked (same length): not the result "reached again" either
            text = text[:start] + " " * (end - start) + text[end:]
    # the question's own input said back first ("two hundred million queries per day") is where the working starts,
    # not a result said first, though its per-second value matches the average worked from it
    given = bool(figures) and any(_same(figures[0].value, g.value) and figures[0].unit == g.unit
                                  for g in _inputs(question.prompt)[0])
    return ((None if given else _said_first(figures, text)) or _answering(figures, question.prompt, text)
            or figures[-1]) if figures else None


_CLAUSE_BREAK = re.compile(r"[.;!?]|,\s+(?:so|and|but|which|while|whereas)\b", re.I)


def _peak_aside(prompt: str, text: str, q: Quantity) -> tuple[int, int] | None:
    """Is `q` an average said beside the peak a question asks for ("compared to the daily average, forty million over
    eighty-six thousand four hundred is about four hundred sixty a second")? Its clause names the average and not the
    peak (rubrics/answer_words.toml `[peak_aside]`): the comparison, not the answer. The clause's span, else None."""
    from coach.content.answer_words import word_list

    def names(words_: tuple[str, ...], said: str) -> bool:
        return re.search(r"\b(?:" + "|".join(map(re.escape, words_)) + ")", said, re.I) is not None

    if not names(word_list("peak_aside", "asks"), prompt):
        return None
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, q.start)]
    ends = [m.start() for m in _CLAUSE_BREAK.finditer(text, q.start + len(q.text))]
    start, end = starts[-1] if starts else 0, ends[0] if ends else len(text)
    clause = text[start:end]
    if names(word_list("peak_aside", "aside"), clause) and not names(word_list("peak_aside", "asks"), clause):
        return start, end
    return None


# a link's speed said with it ("a single ten gig NIC handles it") is what the answer fits into, not its estimate
_LINK = re.compile(r"\s*(?:[a-z-]+\s+)?(?:e?thernet|links?|nics?|uplinks?|ports?|pipes?|network cards?|interconnects?)\b",
                   re.I)
RESTATED = 0.1      # a result said again within this share of itself is the same result


def _said_first(figures: list[Quantity], text: str = "") -> Quantity | None:
    """"About thirty-four gigabytes. Half a megabyte a token times four thousand ... sixteen sequences makes about
    thirty-four gigabytes. With the weights that is forty-eight": the result said first and reached again by the
    working is the answer; the figures said after it are what the candidate does with it (a total beside other
    things, a device, a bigger batch). None when the opening figure is not reached again (the working corrected it)."""
    first = figures[0] if figures and figures[0].sentence == 0 else None
    if first is None or first is figures[-1]:
        return None
    opening = find_numbers(text[:first.start + len(first.text)]) if text else []
    if text and opening and opening[0].start < first.start:
        return None     # the answer opens on its working ("fifty million users times twenty ..."), not its result
    again = [q for q in figures[1:] if q.sentence > 0 and abs(q.value - first.value) <= RESTATED * first.value]
    if again:
        return again[-1] if again[-1] is not figures[-1] else None
    # ... or reached again as a bare figure after the last one of its kind ("seventy-five servers ... divided by zero
    # point seven, about a hundred and seven"): the working arrives at the result said first
    after = text[figures[-1].start + len(figures[-1].text):] if text else ""
    if any(abs(n.value - first.raw) <= RESTATED * first.raw for n in find_numbers(after) if first.raw > 0):
        return first
    return None


def settle_final_step(question: Question, points: PointsReport, quantities: list[Quantity], text: str,
                      sents: list[Sentence]) -> PointsReport:
    """An estimate's last talking point is its answer ("about half a megabyte per token"): it is covered when the
    figure judged is in range, said in any unit ("512 KB"), and not by its words beside a wrong figure ("256
    kilobytes per token")."""
    est = question.estimate
    if est is None or not est.steps or len(est.steps) != len(question.talking_points) or \
            not est.low <= est.steps[-1] <= est.high or not points.total:
        return points
    final = question.talking_points[-1]
    last = judged_figure(question, quantities, text)
    ok = last is not None and est.low <= estimate_slips.in_asked_period(est, last) <= est.high
    covered = [p for p in points.covered if p.point != final]
    missed = [p for p in points.missed if p.point != final]
    if ok:
        assert last is not None
        covered.append(next((p for p in points.covered if p.point == final), None) or
                       PointHit(final, sents[last.sentence].text if 0 <= last.sentence < len(sents) else last.text, last.text))
    else:
        missed.append(PointHit(final))
    order = {p: i for i, p in enumerate(question.talking_points)}
    covered.sort(key=lambda p: order.get(p.point, 0))
    missed.sort(key=lambda p: order.get(p.point, 0))
    return PointsReport(tuple(covered), tuple(missed), round(5.0 * len(covered) / (len(covered) + len(missed)), 2))


STEP_FIGURE_MIN = 10.0     # a step's figure below this (a factor, a share, bytes per value) is said in too many ways


def settle_steps(question: Question, points: PointsReport, quantities: list[Quantity], text: str) -> PointsReport:
    """An estimate's step is the figure it reaches ("the token rate, fifty thousand a second"): a step covered by its
    words in a sentence whose own figures are all far from the step's ("five thousand tokens per second", "two GPUs"),
    in an answer that never says the step's figure, was taken and got wrong, so it is missed, not covered."""
    est = question.estimate
    if est is None or not points.covered or len(est.steps) != len(question.talking_points):
        return points
    figure_of = dict(zip(question.talking_points, est.steps))
    said = [q.value for q in quantities] + [q.raw for q in quantities] + [n.value for n in find_numbers(text)]
    wrong = []
    for hit in points.covered:
        f = figure_of.get(hit.point, 0.0)
        if f < STEP_FIGURE_MIN or hit.point == question.talking_points[-1] or any(near_figure(v, f) for v in said):
            continue
        own = [n.value for n in find_numbers(hit.evidence)]
        if own and not any(near_figure(v, f) for v in own):
            wrong.append(hit)
    if not wrong:
        return points
    covered = tuple(p for p in points.covered if p not in wrong)
    order = {p: i for i, p in enumerate(question.talking_points)}
    missed = tuple(sorted((*points.missed, *(PointHit(p.point) for p in wrong)), key=lambda p: order.get(p.point, 0)))
    return PointsReport(covered, missed, round(5.0 * len(covered) / (len(covered) + len(missed)), 2))


# The rubric's "Silent arithmetic, then a number": an estimate in range that says no figure of its own working (the
# question's inputs said back and the final figure aside) shows neither the steps nor the working out loud.
SILENT_SIZING, SILENT_TALK = 3.5, 2.0
# "Knowing what to multiply" when the final figure is off by a factor named as slipped (a precision, replicas, a peak)
SLIPPED_DEPTH = 2.0


def silent_working(question: Question, text: str, final: float | None, quantities: Sequence[Quantity] = ()) -> bool:
    """No number said but the question's own inputs and the final figure: "I'd multiply the requests by the tokens,
    divide by what a GPU does, add some headroom: about thirty" names the method and works nothing out loud. The
    device a result is said to fit on ("it fits on a single 24 or 40 gig card") is no step of the working."""
    given_qs = _inputs(question.prompt)[0]
    given = [g.value for g in given_qs] + [n.value for n in find_numbers(clean(question.prompt))]
    # a figure said with its unit is the working's when it is none of the question's quantities ("500 gigabytes a
    # day" is a step, though the question's "five hundred bytes" says the same number); the device it fits on and
    # the final figure said in a unit ("sixteen gigabytes" is 16e9 bytes) are not
    spans = [(q.start, q.start + len(q.text)) for q in quantities]
    if any(not (q.kind == "storage" and device_memory(text, q)) and not (final is not None and near_figure(q.value, final))
           and not any(_same(q.value, g.value) for g in given_qs)
           for q in quantities):
        return False
    own = [n.value for n in find_numbers(text)
           if not any(_same(n.value, v) for v in given) and not (final is not None and near_figure(n.value, final))
           and not any(a <= n.start < b for a, b in spans)]
    return not own


def check_range(question: Question, card: Scorecard, quantities: list[Quantity], text: str) -> RangeResult:
    est = question.estimate
    assert est is not None
    missed = tuple(missed_steps(question, card, quantities, text))
    right = f"{est.answer} ({say(est.low, est.unit)} to {say(est.high, est.unit)} passes)"
    last = judged_figure(question, quantities, text)
    if last is None:
        return RangeResult(False, None, "", missed, f"no final figure was given; the answer is {right}")
    value = estimate_slips.in_asked_period(est, last)
    if est.low <= value <= est.high:
        return RangeResult(True, value, last.text, missed,
                           f'"{last.text}" is in range: the worked answer is {est.answer}')
    slip = estimate_slips.period_slip(est, last)
    if slip is not None:
        return RangeResult(False, value, last.text, missed, f'"{last.text}": {slip}', unit_slip=True)
    why = estimate_slips.named(question, quantities, text, value)
    return RangeResult(False, value, last.text, missed,
                       f'"{last.text}" is outside the range: the answer is {right}' + (f"; {why}" if why else ""),
                       slip=why or "")


def _signature(q: Quantity) -> tuple[str, str, float, bool]:
    return q.kind, q.unit, q.period_s, q.has("per_user")


def misread_inputs(prompt: str, quantities: list[Quantity], text: str) -> list[str]:
    """The question's inputs the answer worked from a different figure ("fifty million users ... eight opens a day"
    when the question says twenty): an input the question states once, of a kind the answer says first with another
    value and never with the question's. One line each, naming both figures."""
    given, counts = _inputs(prompt)
    said = [n.value for n in find_numbers(text)] + [q.value for q in quantities]
    out = []
    for g in given:
        if counts[_signature(g)] > 1 or g.kind not in _INPUT_KINDS or any(_same(v, g.value) for v in said):
            continue
        used = next((q for q in quantities if _signature(q) == _signature(g)), None)
        if used is not None and not _same(used.value, g.value):
            out.append(f'the question gives {g.text}, but the answer works from "{used.text}"')
    return out


@lru_cache(maxsize=128)
def _inputs(prompt: str) -> tuple[tuple[Quantity, ...], dict[tuple[str, str, float, bool], int]]:
    """The question's stated inputs and how many of each kind it states (a bank's prompt is read once)."""
    given = tuple(extract(clean(prompt), sentences(clean(prompt))))
    counts: dict[tuple[str, str, float, bool], int] = {}
    for q in given:
        counts[_signature(q)] = counts.get(_signature(q), 0) + 1
    return given, counts


# (not a price: "two fifty an hour" a GPU and "a hundred dollars an hour" for the fleet read alike)
_INPUT_KINDS = frozenset({"users", "throughput", "storage", "dataset", "model_size", "compute", "latency"})


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 0.02 * max(abs(a), abs(b))


# A final figure this many times off the worked value, either way, is of the wrong scale: a slipped power of ten
# (bits for bytes, an hour's seconds for a day's, a zero dropped), the rubric's level 1 ("a figure in the wrong unit"),
# not level 2's figure outside the range with most steps right.
WRONG_SCALE = 4.0


def _sizing_score(result: RangeResult, steps: int, worked: float = 0.0) -> tuple[float, str]:
    if result.ok:
        score = 5.0 if not result.missed_steps else max(3.5, 5.0 - 0.5 * len(result.missed_steps))
        return score, "answer in range: 5, less 0.5 per step not shown (at least 3.5)"
    if result.stated is None:
        return 1.0, "no figure of the asked kind: 1"
    if result.unit_slip:
        return 3.0, "the right amount said per the wrong period, a unit slip: 3"
    if worked > 0 and result.stated > 0 and max(result.stated / worked, worked / result.stated) >= WRONG_SCALE:
        return 1.0, f"answer off by {WRONG_SCALE:g}x or more, a slip of scale: 1"
    done = steps - len(result.missed_steps)
    return (2.0 if done >= steps / 2 else 1.5), "answer out of range: 2 with most steps shown, else 1.5"


def apply(card: Scorecard, question: Question, quantities: list[Quantity], text: str) -> Scorecard:
    """The card with the range check's verdict added (a non-answer is left as it is)."""
    if question.estimate is None or (card.gaps and card.gaps[0].id in ("non_answer", "off_topic")):
        return card
    result = check_range(question, card, quantities, text)
    # an estimate weighs no alternatives, and the skipped steps below say more than "missed N talking points"
    dropped = {_ADVICE.get(g.id, "{e}").format(e=g.evidence) for g in card.gaps if g.id in ("no_tradeoff", "missing_point")}
    gaps = [g for g in card.gaps if (g.id != "bad_math" or result.ok) and g.id != "no_tradeoff"]
    misread = misread_inputs(question.prompt, quantities, text)
    message = result.message + ("; " + "; ".join(misread) if misread else "")
    if not result.ok:
        gaps.insert(0, Gap("bad_math", 0.92, message))
    feedback = [("Estimate: " + message[0].upper() + message[1:] + ".")]
    if result.missed_steps:        # one line, so a card that shows two feedback lines shows every skipped step
        feedback.append("Steps you skipped: " + "; ".join(result.missed_steps) + ".")
    silent = result.ok and silent_working(question, text, result.stated, quantities)
    if silent:
        feedback.append(f'Work it out loud: say the figure each step reaches, not only the result; nobody can check '
                        f'"{result.stated_text}" without them.')
    score, rule = _sizing_score(result, len(question.talking_points), question.estimate.value)
    if silent and score > SILENT_SIZING:
        score, rule = SILENT_SIZING, rule + f"; at most {SILENT_SIZING:g} when no step's figure is said"
    dims = []
    for d in card.dimensions:
        if d.id == "numeric_sizing":
            d = DimensionScore(d.id, d.name, d.weight, score, rule, (result.message, *d.evidence[:3]))
        elif d.id == "technical_depth" and result.slip and d.score > SLIPPED_DEPTH:
            # the rubric's "the right quantity, with a missing factor such as peak, replication or precision"
            d = DimensionScore(d.id, d.name, d.weight, SLIPPED_DEPTH, d.rule + f"; at most {SLIPPED_DEPTH:g} when a "
                               "factor slipped", (result.slip, *d.evidence))
        elif d.id == "communication" and silent and d.score > SILENT_TALK:
            d = DimensionScore(d.id, d.name, d.weight, SILENT_TALK, d.rule + f"; at most {SILENT_TALK:g} when only "
                               "the final figure is said (silent arithmetic, then a number)",
                               ("no figure of the working said, only the final one", *d.evidence))
        dims.append(d)
    weight = sum(d.weight for d in dims) or 1.0
    # the weighted dimensions are the rubric level; the card's score maps it through the same knots as every other
    # kind of answer, so a level-2 estimate ("a final figure outside the range") reads as a level-2 design does
    level = max(1.0, min(5.0, round(sum(d.score * d.weight for d in dims) / weight, 2))) if dims else card.overall
    overall = to_score(level) if dims else card.overall
    kept = tuple(line for line in card.feedback if line not in dropped and
                 (result.ok or not line.startswith("Arithmetic checks out")))   # the range has the last word
    # how the score was made: the estimate's range and the dimensions, not the story rules (which found "no story")
    how = ("the estimate: " + result.message,
           "the dimensions weighted: " + ", ".join(f"{d.name.lower()} {d.score:.1f} x{d.weight:.2f}" for d in dims)
           + f" -> level {level:.1f}")
    calibration = dataclasses.replace(card.calibration, kind="estimate", level=level,
                                      steps=how) if card.calibration is not None else None
    return dataclasses.replace(card, gaps=tuple(gaps), feedback=tuple(feedback) + kept,
                               dimensions=tuple(dims), overall=overall, calibration=calibration)

