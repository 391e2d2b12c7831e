"""Guards between a small model's output and the candidate's ears.

A candidate follow-up reaches the candidate only when it is exactly one
question, 5 to 30 words, ends with "?", is not a repeat of an earlier question,
mentions something the candidate said or the gap, and uses the gap's own words
(so that it really probes the weakness the scorecard found), and takes as given
nothing about the candidate's story that was never said (`grounding`). Survivors are
ranked; when none survives, the question bank's follow-up is used instead.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from coach.followups import grounding, specific, wording
from coach.followups.misheard import misheard

_WORD = re.compile(r"[a-z0-9][a-z0-9'\-]*")
_LABEL = re.compile(r"^\s*(?:follow[- ]?up|interviewer|question|assistant|q)\s*[:\-]\s*", re.IGNORECASE)
STOPWORDS = frozenset("""
a an the and or but if then so of to in on at by for with from into about as is are was were be been being
it its this that these those there here what which who whom whose when where why how do does did done
i you he she we they me him her us them my your our their mine yours can could would should will shall
may might must have has had not no yes just also very really more most some any all each every than too
tell me walk through talk describe give example time please okay ok well like um uh
""".split())

MIN_WORDS, MAX_WORDS = 5, 30
# "an example from my own work", "when we moved to GPUs", "our strategy": the candidate's words in the interviewer's
# mouth (the interviewer was not on the team)
_CANDIDATE_VOICE = re.compile(r"\b(?:my (?:own )?(?:work|team|project|role|manager|company|experience|job)|"
                              r"(?:did|when) we|our)\b", re.IGNORECASE)
# The candidate spoken of as "they", as a rubric's talking point describes them ("How they communicated the decision"
# turned into "How did they communicate the decision ...?"): a question to the candidate with no "you" in it whose
# subject is a third person.
_THIRD_PERSON_ASK = re.compile(r"^(?:how|what|why|when|where|which|who)\b[^?]{0,20}?\b(?:did|do|does|would|will|could|"
                               r"should|have|has) (?:they|he|she)\b", re.IGNORECASE)
_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_words(text: str) -> set[str]:
    return {w for w in words(text) if len(w) > 2 and w not in STOPWORDS}


def clean(raw: str) -> str:
    """The first line of a model's output, labels and quotes stripped, cut after the first '?'."""
    text = raw.strip().splitlines()[0] if raw.strip() else ""
    text = _LABEL.sub("", text).strip().strip("\"'`*").strip()
    if "?" in text:
        text = text[: text.index("?") + 1]
    return re.sub(r"\s+", " ", text)


def figures(text: str) -> set[str]:
    """The numbers said, in digits or words, by value ("p99" and "ninety-nine" give 99, "a billion" and
    "1 billion" give 1000000000)."""
    from coach.scoring.numbers import find_numbers
    from coach.streaming.signoff import without_echoed_figures

    text = without_echoed_figures(text)    # "2500 500": one figure the transcriber echoed, not two said
    return {f"{n.value:g}" for n in find_numbers(text)} | set(re.findall(r"\b[a-z]+\d+\b", text.lower()))


def similarity(a: str, b: str) -> float:
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


# Irregular past forms, so "is caught" and "to catch" share a stem
_IRREGULAR = {past: base for base, forms in (
    ("catch", "caught"), ("find", "found"), ("think", "thought"), ("bring", "brought"), ("buy", "bought"),
    ("teach", "taught"), ("build", "built"), ("send", "sent"), ("spend", "spent"), ("make", "made"), ("keep", "kept"),
    ("tell", "told"), ("sell", "sold"), ("leave", "left"), ("lead", "led"), ("run", "ran"), ("choose", "chose chosen"),
    ("break", "broke broken"), ("know", "knew known"), ("see", "saw seen"), ("take", "took taken"),
    ("give", "gave given"), ("write", "wrote written"), ("grow", "grew grown"), ("fall", "fell fallen"),
    ("hold", "held"), ("meet", "met"), ("drive", "drove driven"), ("rise", "rose risen"), ("lose", "lost"),
) for past in forms.split()}


def stems(text: str) -> set[str]:
    """Content words with a possessive or a plain ending cut ("what's making" and "what would make" share "make"),
    irregular past forms taken to their base ("caught" and "catch")."""
    out = set()
    for w in words(text):
        w = re.sub(r"'s$", "", w)
        if len(w) <= 2 or w in STOPWORDS:
            continue
        w = _IRREGULAR.get(w, w)
        out.add(re.sub(r"(?:ing|ed|es|s)$", "", w) if len(w) > 4 else w)
    return out


def repeats(text: str, earlier: str, loose: bool = True) -> bool:
    """Does `text` ask again what `earlier` asked? The same words mostly (by stem), or, when `loose`, a shorter
    wording whose content words are nearly all in an earlier question ("Once this is live, how would you know it
    is degrading?" after "... how would you detect that it is degrading in production?")."""
    if text.strip().lower() == earlier.strip().lower():
        return True
    wa, wb = stems(text), stems(earlier)
    if not wa or not wb:
        return False
    shared, fewer = len(wa & wb), min(len(wa), len(wb))
    asked_before = earlier.rstrip().endswith("?")      # a question, not a line the interviewer told (a fact)
    return shared / len(wa | wb) >= 0.6 or (loose and asked_before and fewer >= 3 and shared / fewer >= 0.75)


@dataclass(frozen=True)
class Verdict:
    text: str
    reasons: tuple[str, ...]      # empty when it passes
    score: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.reasons


def check(candidate: str, answer: str, gap_words: Iterable[str], asked: Sequence[str],
          borrowed: frozenset[str] = frozenset(), must_name: frozenset[str] = frozenset(),
          question: str = "", narrowing: Sequence[str] = (), known: str = "", draft: str = "",
          story: str | None = None, inputs: frozenset[str] = frozenset()) -> Verdict:
    """Judge one cleaned candidate. `borrowed` are words of the few-shot examples that the
    live question and answer do not use: a candidate built from them copies an example.
    `must_name`: words of which the candidate must name one (the figure that does not add up).
    `question`: the question asked; a candidate that restates it is a repeat, unless it narrows
    it with one of the `narrowing` phrases ("what would you look at first" after a non-answer).
    `known`: other text the model was shown (the finding): a figure in the candidate must come from
    it, the answer or the question (a model that changes "p99" to "p98" invents one). `inputs`: figures (by
    value, see `figures`) of which the candidate must name one when it says what the figure came from ("... from
    three thousand tokens"; "How did you get eighteen megabytes?" names no working and needs none). What the candidate
    is said to have done or said must come from these texts too (`grounding`). `story`: besides the answer,
    the text whose words make a question concrete (`specific`: what the scorer found); None when the
    follow-up is about the question itself (after a non-answer), where neither vagueness nor echo is checked."""
    text = candidate.strip()
    low = text.lower()
    reasons: list[str] = []
    n = len(words(text))
    if not text.endswith("?"):
        reasons.append("not a question")
    if text.count("?") > 1 or re.search(r"\?\s+\S", text):
        reasons.append("more than one question")
    if n < MIN_WORDS:
        reasons.append(f"too short ({n} words)")
    if n > MAX_WORDS:
        reasons.append(f"too long ({n} words)")
    if any(repeats(text, earlier) for earlier in asked):
        reasons.append("repeats an earlier question")
    elif question and repeats(text, question, loose=False) and not (
            low != question.lower() and any(re.search(r"\b" + re.escape(p), low) for p in narrowing)):
        reasons.append("repeats the question")
    if must_name and not any(re.search(r"(?<![\d.,])" + re.escape(w) + r"(?![\d]|[.,]\d)", low) for w in must_name):
        reasons.append(f"does not name {', '.join(sorted(must_name))}")
    if inputs and re.search(r"\b(?:from|with|using|given)\b", low) and not figures(text) & inputs:
        reasons.append("does not name the inputs the figure came from")
    said = {w for w in content_words(answer) & content_words(text) if len(w) > 3}
    gap_hit = {g for g in gap_words if re.search(r"\b" + re.escape(g.lower()), text.lower())}
    aimed = {w for w in content_words(draft) - content_words(question) if len(w) > 3} & content_words(text)
    if len(aimed) >= 2:
        gap_hit |= aimed
    if not said and not gap_hit:
        reasons.append("mentions neither the answer nor the gap")
    elif gap_words and not gap_hit:
        reasons.append("does not probe the gap")
    copied = content_words(text) & borrowed
    if len(copied) >= 2:
        reasons.append(f"copies the examples ({', '.join(sorted(copied))})")
    flaw = wording.broken(text, draft) if text.endswith("?") else None
    if flaw:
        reasons.append(f"broken wording: {flaw}")
    elif wording.dangling_pronoun(text, content_words(answer) | content_words(question)):
        reasons.append("broken wording: a pronoun that stands for nothing said")
    if (garbled := misheard(text)) is not None:
        # a pair no speaker says: copied from a transcript the transcriber misheard ("you talked to him out it"),
        # or the model's own slip; either way not said to the candidate
        heard = " ".join(answer.lower().replace("\u2019", "'").split())
        reasons.append(f'says back words the transcriber misheard: "{garbled}"' if garbled in heard
                       else f'broken wording: "{garbled}"')
    if '"' in text or "..." in text or "\u2026" in text:
        reasons.append("quotes or cuts text instead of asking")
    if re.search(r"[()\[\]{}]", text):
        # a bracketed aside is written, not said: the voice reads it out flat ("... this kind of skew (online
        # evaluation flaws) is caught ...")
        reasons.append("a bracketed aside, which is not said aloud")
    if re.search(r"\b(great|excellent|good) (answer|job)\b", text, re.IGNORECASE):
        reasons.append("gives feedback instead of asking")
    if _CANDIDATE_VOICE.search(text):
        reasons.append("speaks as the candidate")
    if _THIRD_PERSON_ASK.search(text) and not _YOU.search(text):
        reasons.append("asks about the candidate as \"they\"")
    if story is not None:
        echo = specific.echoed_choice(text, question, answer)
        if echo:
            reasons.append(f"echoes the question: {echo}")
        blur = specific.vague(text, f"{answer} {story}")
        if blur:
            reasons.append(f"vague: {blur}")
    premise = grounding.ungrounded(text, answer, question, known, draft, *asked) or \
        grounding.misattributed(text, answer, specific.PEOPLE) or grounding.only_proposed(text, answer) or \
        grounding.unchosen(text, answer) or \
        (grounding.presumes_a_story(text, answer) if narrowing else None)
    if premise:
        reasons.append(f"a premise the candidate never gave: {premise}")
    # (after a non-answer a narrowed question may bring its own example: "if a model says thirty percent ...")
    invented = set() if narrowing else figures(text) - figures(" ".join((answer, question, known, *must_name)))
    if invented:
        reasons.append(f"names a figure nobody said ({', '.join(sorted(invented))})")
    score = len(said) + 2.0 * len(gap_hit) - 0.05 * abs(n - 15)
    return Verdict(text=text, reasons=tuple(reasons), score=score)


def best(candidates: Iterable[str], answer: str, gap_words: Iterable[str], asked: Sequence[str],
         borrowed: frozenset[str] = frozenset(), **rules: Any) -> tuple[Verdict | None, list[Verdict]]:
    """The best passing candidate (or None) and every verdict, for the record. `rules`: the
    keyword arguments of `check` after `borrowed`."""
    gap_words = list(gap_words)
    verdicts = [check(clean(c), answer, gap_words, asked, borrowed, **rules) for c in candidates]
    passing = [v for v in verdicts if v.ok]
    return (max(passing, key=lambda v: v.score) if passing else None), verdicts
