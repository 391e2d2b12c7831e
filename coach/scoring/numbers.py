"""Find the numbers in a transcript, in the forms Whisper writes speech.

"50,000", "50k", "10M", "2.3K", "1.5 billion", "fifty thousand", "a hundred",
"two hundred and fifty million", "half a million", "one point five",
"a quarter of a million", "three and a half", "one and a quarter million",
"two times ten to the twenty-one", "two point three k". Digits glued to letters ("p99",
"fp16", "A100", "k8s", "2nd") are not numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
            "thirtieth": 30}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# A share of one percent, said as a fraction: "half a percent", "a quarter of a percent", "three tenths of a per cent"
FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
             "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
_PERCENT_WORDS = ("percent", "per", "percentage", "pct")
SUFFIX = {"k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9, "T": 1e12}

# digits (not glued to a letter before them), with thousands commas and decimals
_TOKEN = re.compile(r"(?<![A-Za-z0-9_.])\d+(?:,\d{3})*(?:\.\d+)?|[A-Za-z]+|-")


_EXPONENT = re.compile(r"[eE]\+?(\d{1,2})(?![\w.])")


@dataclass(frozen=True)
class NumberSpan:
    start: int
    end: int
    value: float
    text: str
    suffix: str = ""      # the glued scale letter, e.g. "B" in "7B"
    words: bool = False   # spoken as words


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def find_numbers(text: str) -> list[NumberSpan]:
    return list(_find_numbers(text))


@lru_cache(maxsize=16)
def _find_numbers(text: str) -> tuple[NumberSpan, ...]:
    toks = _tokens(text)
    out: list[NumberSpan] = []
    i = 0
    n = len(toks)
    while i < n:
        tok, start, end = toks[i]
        if tok == "10" and (power := _power_of_ten(text, toks, i, out)) is not None:
            i = power          # "4 times 10 to the 17"
            continue
        if tok[0].isdigit():
            span, i = _digits(text, toks, i)
            if span is not None:
                out.append(span)
            continue
        low = tok.lower()
        power = _power_of_ten(text, toks, i, out)
        if power is not None:
            i = power
            continue
        if low in ONES or low in TENS or low in ("a", "an", "half", "point", "hundred") or low in SCALES:
            parsed = _words(toks, i, text)
            if parsed is not None:
                value, j = parsed
                if j < n and toks[j][0] in ("k", "K") and toks[j][1] - toks[j - 1][2] == 1:
                    value, j = value * 1e3, j + 1      # "two point three k": the scale letter said as a word
                value, j = _spoken_exponent(toks, j, value)
                s, e = toks[i][1], toks[j - 1][2]
                out.append(NumberSpan(s, e, value, text[s:e], words=True))
                i = j
                continue
        i += 1
    return tuple(out)


def _power_of_ten(text: str, toks: list[tuple[str, int, int]], i: int, out: list[NumberSpan]) -> int | None:
    """ "ten to the twenty-one", "two times ten to the 21", "4 times 10 to the 17": replaces the mantissa span; returns the next index."""
    if toks[i][0].lower() not in ("ten", "10") or not _seq(toks, i + 1, ("to", "the")) or i + 3 >= len(toks):
        return None
    k = i + 3
    if toks[k][0][0].isdigit():
        exponent, j = float(toks[k][0]), k + 1
    elif toks[k][0].lower() in ORDINALS:               # "ten to the twentieth"
        exponent, j = float(ORDINALS[toks[k][0].lower()]), k + 1
    else:
        parsed = _words(toks, k)
        if parsed is None:
            return None
        exponent, j = parsed
        # an exponent said as an ordinal: "ten to the twenty-third"
        if j + 1 < len(toks) and toks[j][0] == "-" and toks[j + 1][0].lower() in ORDINALS \
                and ORDINALS[toks[j + 1][0].lower()] < 10 and exponent % 10 == 0:
            exponent, j = exponent + ORDINALS[toks[j + 1][0].lower()], j + 2
    if not exponent.is_integer() or not 1 <= exponent <= 30:
        return None
    start, value = toks[i][1], 10 ** exponent
    if out and i >= 1 and toks[i - 1][0].lower() in ("times", "x") and out[-1].end <= toks[i - 1][1] \
            and text[out[-1].end:toks[i - 1][1]].strip() == "":
        mantissa = out.pop()
        start, value = mantissa.start, mantissa.value * value
    end = toks[j - 1][2]
    out.append(NumberSpan(start, end, value, text[start:end], words=True))
    return j


def _digits(text: str, toks: list[tuple[str, int, int]], i: int) -> tuple[NumberSpan | None, int]:
    tok, start, end = toks[i]
    value = float(tok.replace(",", ""))
    suffix = ""
    nxt = text[end:end + 2]
    if nxt[:1] in SUFFIX and not nxt[1:2].isalpha():
        suffix = nxt[:1]
        value *= SUFFIX[suffix]
        end += 1
    elif nxt[:1].isalpha() and text[end:end + 2].lower() in ("st", "nd", "rd", "th") \
            and not text[end + 2:end + 3].isalpha():
        return None, i + 1          # an ordinal: "2nd"
    j = i + 1
    if not suffix and (sci := _EXPONENT.match(text, end)):
        value = float(f"{tok.replace(',', '')}e{sci.group(1)}")   # "2.8e14": a power of ten as code writes it
        end = sci.end()
        while j < len(toks) and toks[j][1] < end:
            j += 1
        return NumberSpan(start, end, value, text[start:end]), j
    if not suffix and j < len(toks) and toks[j][0] in ("k", "K") and toks[j][1] - end == 1:
        value *= 1e3                    # "2.3 k": the scale letter written apart
        suffix, end = "k", toks[j][2]
        j += 1
    # "2 and a half million"
    if _seq(toks, j, ("and", "a", "half")):
        value += 0.5
        end = toks[j + 2][2]
        j += 3
    if not suffix and j < len(toks) and toks[j][1] - end <= 1:
        low = toks[j][0].lower()
        if low == "hundred":
            value *= 100
            end = toks[j][2]
            j += 1
        if j < len(toks) and toks[j][0].lower() in SCALES and toks[j][1] - end <= 1:
            value *= SCALES[toks[j][0].lower()]
            end = toks[j][2]
            j += 1
    return NumberSpan(start, end, value, text[start:end], suffix=suffix), j


def _spoken_exponent(toks: list[tuple[str, int, int]], j: int, mantissa: float) -> tuple[float, int]:
    """ "one point one e twenty one": a power of ten as code writes it, read out ("1.1e21"). Only after a mantissa
    below ten and with a whole exponent from 1 to 30, so a stray letter "e" is left alone."""
    if not 0 < mantissa < 10 or j + 1 >= len(toks) or toks[j][0] != "e":
        return mantissa, j
    parsed = _words(toks, j + 1) if not toks[j + 1][0][0].isdigit() else (float(toks[j + 1][0]), j + 2)
    if parsed is None or not parsed[0].is_integer() or not 1 <= parsed[0] <= 30:
        return mantissa, j
    return mantissa * 10 ** parsed[0], parsed[1]


def _seq(toks: list[tuple[str, int, int]], j: int, words: tuple[str, ...]) -> bool:
    return all(j + k < len(toks) and toks[j + k][0].lower() == w for k, w in enumerate(words))


def _share_of_percent(toks: list[tuple[str, int, int]], j: int) -> tuple[float, int] | None:
    """ "half a percent", "a quarter of a percent", "three tenths of a percent": the fraction's value and the index
    of "percent" (left to the unit reader), or None."""
    n = len(toks)

    def low(k: int) -> str:
        return toks[k][0].lower() if k < n else ""

    count, k = 1.0, j
    if low(k) in ("a", "an", "one"):
        k += 1
    elif low(k) in ONES and ONES[low(k)] > 1:
        count, k = float(ONES[low(k)]), k + 1
    fraction = FRACTIONS.get(low(k))
    if fraction is None or (k == j and low(k) != "half"):
        return None                      # a bare "quarter" or "tenth" is no fraction ("the third of a percent")
    k += 1
    if low(k) == "of":
        k += 1
    if low(k) not in ("a", "an") or low(k + 1) not in _PERCENT_WORDS:
        return None
    if low(k + 1) == "per" and low(k + 2) != "cent":
        return None
    return count * fraction, k + 1


# Words after which "point seven six" is a decimal said without its leading zero ("sixteen times point zero five",
# "which is point seven six", "over point zero zero one squared", "the square root of point seven"); "at that point
# five teams joined" is not one.
_BEFORE_BARE_DECIMAL = frozenset("times over by is was be equals minus plus about roughly around approximately "
                                 "maybe than of".split())


def _bare_decimal(toks: list[tuple[str, int, int]], j: int) -> tuple[float, int] | None:
    """ "point zero five" after an operation or "is" (`_BEFORE_BARE_DECIMAL`): 0.05, said digit by digit; else None."""
    if j == 0 or toks[j - 1][0].lower() not in _BEFORE_BARE_DECIMAL:
        return None
    k, digits = j + 1, ""
    while k < len(toks) and toks[k][0].lower() in ONES and ONES[toks[k][0].lower()] < 10:
        digits += str(ONES[toks[k][0].lower()])
        k += 1
    return (float("0." + digits), k) if digits else None


_CLAUSE_STOP = re.compile(r"[.!?;:]")      # between two number words: two figures, never one


def _words(toks: list[tuple[str, int, int]], i: int, text: str = "") -> tuple[float, int] | None:
    """Parse a run of number words starting at token i; return (value, next index) or None. With `text`, a comma
    after a scale word ends the number unless what follows continues it ("two million, three hundred thousand")."""
    n = len(toks)

    def low(k: int) -> str:
        return toks[k][0].lower() if k < n else ""

    j = i
    fraction = 1.0
    # "half a million", "a quarter of a million"
    if low(j) == "half" and low(j + 1) in ("a", "an") and low(j + 2) in SCALES:
        return 0.5 * SCALES[low(j + 2)], j + 3
    if low(j) in ("a", "an") and low(j + 1) == "quarter" and low(j + 2) == "of" and low(j + 3) in ("a", "an") \
            and low(j + 4) in SCALES:
        return 0.25 * SCALES[low(j + 4)], j + 5
    if (share := _share_of_percent(toks, j)) is not None:
        return share
    if low(j) == "point":
        return _bare_decimal(toks, j)
    total = 0.0
    current = 0.0
    seen = False
    last = ""          # "ones" | "tens" | "hundred" | "scale"
    scale = 1.0        # the last scale word's value
    while j < n:
        w = low(j)
        if j > i and text and _CLAUSE_STOP.search(text, toks[j - 1][2], toks[j][1]):
            break       # "say ten million. Ten million a day": a figure said again, not added to itself
        if w in ("a", "an") and not seen and (low(j + 1) in SCALES or low(j + 1) in ("hundred", "dozen")):
            current = 1.0
            seen = True
            last = "ones"
            j += 1
            continue
        if w == "hundred" and not seen and low(j + 1) == "and" and (low(j + 2) in ONES or low(j + 2) in TENS):
            current, seen, last = 100.0, True, "hundred"    # spoken without "a": "the current hundred and twenty"
            j += 1
            continue
        if w == "dozen" and seen and last == "ones":
            current *= 12
            last = "scale"
            j += 1
            continue
        if last == "scale" and text and "," in text[toks[j - 1][2]:toks[j][1]] and (w in ONES or w in TENS):
            rest = _words(toks, j)     # "eight billion, sixteen gigaflops": two figures, not 8,000,000,016
            if rest is None or rest[0] < scale / 1000:
                break
        if w in TENS and last == "ones" and not total and 20 < current < 100 and current % 10 \
                and not (text and "," in text[toks[j - 1][2]:toks[j][1]]):
            # a figure said in pairs, as a year is: "fifty one twenty" is 5,120, "thirty two seventy eight" 3,278
            # (a range is said with round tens, "thirty forty", and is left alone)
            pair = TENS[w] + (ONES[low(j + 1)] if low(j + 1) in ONES and ONES[low(j + 1)] < 10 else 0)
            current = current * 100 + pair
            j += 2 if pair % 10 else 1
            last = "ones"
            break
        if w in ONES or w in TENS:
            v = ONES.get(w, TENS.get(w, 0))
            if last == "tens" and w in ONES and v < 10 and current % 10 == 0:
                current += v
                last = "ones"
            elif last in ("", "hundred", "scale", "and"):
                current += v
                last = "tens" if w in TENS else "ones"
            else:
                break
            seen = True
            j += 1
            continue
        if w == "hundred" and seen and last in ("ones", "tens"):
            current = (current or 1) * 100
            last = "hundred"
            j += 1
            continue
        if w in SCALES and seen and last in ("ones", "tens", "hundred", "point"):
            total += (current or 1) * SCALES[w]
            scale = SCALES[w]
            current = 0.0
            last = "scale"
            j += 1
            continue
        if w == "-" and last == "tens" and low(j + 1) in ONES:
            j += 1
            continue
        if w == "and" and seen and last in ("hundred", "scale") and (low(j + 1) in ONES or low(j + 1) in TENS):
            last = "and"
            j += 1
            continue
        if w == "and" and seen and low(j + 1) == "a" and low(j + 2) in ("half", "quarter"):
            current += 0.5 if low(j + 2) == "half" else 0.25
            j += 3
            last = "point"
            continue
        if w == "point" and seen and last in ("ones", "tens") and low(j + 1) in ONES:
            j += 1
            digits = ""
            while j < n and low(j) in ONES and ONES[low(j)] < 10:
                digits += str(ONES[low(j)])
                j += 1
            current += float("0." + digits)
            last = "point"
            continue
        break
    if not seen:
        return None
    return (total + current) * fraction, j
