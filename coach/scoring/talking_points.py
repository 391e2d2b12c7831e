"""Talking-point coverage: which of the question's points the answer touched, with the quote.

A point is covered when one of its keywords (or a synonym) appears in a
sentence, matched on light stems so "monitoring" finds "monitor"; or when at
least half (and at least two) of the point's own distinctive words appear in
one sentence. A phrase must carry the point: a keyword that is a stop-word, a
unit or a generic word ("from", "data", "percent", "milliseconds", "cost") counts
only when the same sentence also has a distinctive word of the point; a sizing
point ("Size: ...") needs a number in the sentence; a non-answer covers nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from coach.domain import Question
from coach.scoring.numbers import find_numbers
from coach.scoring.text import STOPWORDS, Sentence, folded_search, stem, words

# A few synonyms spoken answers use for the words question banks use.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "latency": ("response time", "p99", "p95", "tail latency"),
    "rollback": ("roll back", "revert", "rolling back", "switched back", "switch back", "back to the previous",
                 "back to the old", "back to the last"),
    "fallback": ("fall back", "fell back", "falling back", "falls back"),
    # the damage contained, in plain words: "backfilled the last four days", "re-scored that partner's listings"
    "mitigation": ("backfilled", "backfill the", "re-ran the", "reran the", "re-scored", "rescored", "hotfix",
                   "patched it", "patched the"),
    "postmortem": ("post-mortem", "incident review", "wrote the review", "retro", "retrospective"),
    "monitor": ("dashboard", "observability", "tracking", "added a check", "added a test", "a check that", "alerts if",
                "alerts when", "alerts us", "alerts me", "alerts the", "it pages", "warns the", "warns us", "warns if",
                "warns when"),
    # how a failure came to light: "we found out from support two days later", "a planner spotted it", "I found it by
    # comparing the errors by week"
    "detected": ("noticed", "found out", "spotted", "picked up on", "messaged me that", "messaged us that",
                 "flagged it", "found it by", "found it when", "caught it", "tracked it down"),
    # a part that stopped working, named plainly: "the refresh job had been failing silently for nine days"
    "outage": ("failing silently", "failed silently", "silently failing", "silently failed", "stopped updating",
               "stopped refreshing", "silently shifted", "shifted silently", "changed format", "changed the format",
               "changed their format"),
    # no line of authority over the people won over: "none of those teams reports to me", "I managed none of them"
    "without authority": ("reports to me", "report to me", "reported to me", "not their manager", "not the manager",
                          "managed none", "no formal authority", "no authority over"),
    # what a model cannot do, said plainly: "the forecast was not built for that", "it knows nothing about a site
    # closing"
    "limitation": ("not built for", "never built for", "not meant for", "never meant for", "knows nothing about",
                   "blind to"),
    # the cause found, in plain words: "I found the cause that afternoon", "it turned out the feed had changed"
    "root cause": ("found the cause", "the cause was", "turned out", "traced it to", "the reason was", "came down to"),
    # a release tried on a slice first: "we put it on ten percent of traffic for a week"
    "canary": ("percent of traffic", "percent of the traffic", "percent of users", "slice of traffic", "staged rollout",
               "gradual rollout", "ramped it up", "ramped up to"),
    # the part someone held: "I mostly looked after the feature pipeline"
    "responsible": ("looked after", "in charge of", "my job was", "my role was"),
    # a finding checked before it was believed: "to make sure a small slice was not fooling me, I took ..."
    "verified": ("made sure", "make sure", "double-checked", "double checked", "confirmed that", "confirmed it"),
    # labels found wrong: "about one in five calls was coded wrong"
    "noise": ("noisy", "mislabeled", "mislabelled", "labelled wrong", "labeled wrong", "coded wrong", "wrong labels"),
    # a figure reached by reckoning: "saved inspector time, which I put at about two hundred hours a year"
    "estimate": ("which i put at", "i put it at", "back of the envelope", "back-of-the-envelope", "ballpark"),
    "experiment": ("a/b", "ab test", "a b test", "interleaving", "online test"),
    # another team's change made without a word: "they merged two intents into one and did not tell us"
    "nobody told": ("did not tell us", "didn't tell us", "without telling us", "never told us", "without warning us"),
    "cache": ("caching", "memoize", "redis", "memcached"),
    "drift": ("distribution shift", "data shift", "skew", "psi"),
    # a test or measure said in full rather than by its initials
    "psi": ("population stability index",),
    "ks test": ("kolmogorov-smirnov", "kolmogorov smirnov", "ks statistic"),
    "ndcg": ("normalised discounted cumulative gain", "normalized discounted cumulative gain"),
    "mrr": ("mean reciprocal rank",),
    # (fine-tuning a pretrained model is not retraining the one in production)
    "retrain": ("retraining", "refresh the model"),
    "throughput": ("qps", "rps", "requests per second"),
    "shard": ("partition", "split across"),
    "quantization": ("int8", "fp16", "quantize", "product quantization"),
    "calibration": ("calibrate", "platt", "isotonic"),
    "embedding": ("vector", "two tower", "embeddings"),
    "cost": ("dollars", "budget", "$", "cheaper"),
    # how people tell a lesson, a look back, a decision and an admission in plain words
    "hindsight": ("looking back", "in retrospect", "held up", "holds up", "how it looks now"),
    "lesson": ("since then i", "ever since", "taught me", "what i took away", "i no longer", "these days i",
               "now i always", "i now always", "i always run", "i always check"),
    # a mistake told as what was left undone: "I shipped it without running it on last week's traffic"
    "mistake": ("without running", "without checking", "without testing", "without telling", "i forgot to",
                "i overlooked", "i never checked", "i didn't check", "i did not check", "i didn't test",
                "i did not test", "i skipped the"),
    # a fair word for a place being left: "I've grown a lot there", "it has been good to me"
    "learned a lot": ("grown a lot", "been good to me", "anything against", "useful work"),
    "i was wrong": ("i had been wrong", "i'd been wrong", "i was mistaken", "i got it wrong"),
    "decision": ("hardest call", "hard call", "tough call", "my call", "had to decide", "the choice", "had to choose",
                 "a call to make"),
    "direction": ("year plan", "long-term plan", "multi-year plan", "technical strategy"),
    "alternative": ("other option", "middle path", "middle ground", "the other choice"),
    # what the current role cannot give, said plainly: "what I have not done is ...", "I never get to ..."
    "limited": ("have not done", "haven't done", "have not had the chance", "haven't had the chance", "never get to",
                "no chance to", "cannot offer", "can't offer", "cannot give", "can't give"),
    # a role that fits, said plainly: "this role is exactly that", "a direct step from what I know"
    "match": ("exactly that", "exactly what i", "exactly the kind", "exactly the work", "direct step", "natural step",
              "natural next step", "lines up with", "good match", "close match"),
    # telling people during an incident, a request with nothing behind it, asking before building, a cheap first try
    "communicated": ("walked him through", "walked her through", "walked them through", "went through it with",
                     "informed", "posted in", "next update", "heads up", "kept them posted", "kept everyone posted"),
    "vague": ("no more detail", "no detail", "no spec", "open-ended", "fuzzy", "hand-wavy", "no metric", "no deadline",
              "no definition", "no target", "nobody had defined", "no one had defined", "no clear owner"),
    # a goal made measurable by the candidate: "I proposed one metric, the win rate at equal bid"
    "success metric": ("success meant", "success means", "success would mean", "counted as success", "proposed one metric", "proposed a metric", "picked one metric", "chose one metric", "defined success", "what success looked like",
                       "what success would look like", "agreed a target", "set a target"),
    "questions": ("asked which", "asked what", "asked how", "asked why", "asked them", "asked him", "asked her"),
    "baseline": ("moving average", "rule of thumb", "simple rule", "without a model", "before building any model"),
    "first version": ("first cut", "version one", "v1", "pilot", "report first"),
    "prototype": ("quick version", "rough version", "quick test", "scored both", "ran both", "tried both"),
    # mentoring in plain words: stuck, watched to find the need, a standing session, handed over, told straight, grew
    "new hire": ("graduate", "intern", "joined my team", "joined the team", "joined us"),
    "struggling": ("stuck", "having trouble", "out of her depth", "out of his depth", "falling behind"),
    "diagnose": ("watched her", "watched him", "sat in on", "saw that she", "saw that he", "noticed she", "noticed he"),
    "one-on-one": ("one-to-one", "every week", "each week", "weekly session", "fortnightly", "every other week", "half hour every",
                   "an hour every", "an hour each"),
    "handed": ("gave her the", "gave him the", "put her in charge", "put him in charge", "let her own", "let him own"),
    "feedback": ("told her straight", "told him straight", "told her plainly", "told him plainly", "straight with her",
                 "straight with him", "hard conversation"),
    "promoted": ("transferred to", "moved into the role", "got the role", "now runs", "now leads"),
    # winning people and money, a plan changed by a setback, work handed on
    "headcount": ("gave me two", "gave us two", "gave me three", "gave us three", "lent us", "lent me", "funded"),
    "setback": ("turned out to need", "could not give us", "so i cut", "so we cut", "dropped that part",
                "fell through", "ran into"),
    # work given or split by who holds it: "hers to own", "they own the model and my team owns the service"
    "owners": ("owning team", "named owner", "without me", "took it over", "took over"),
    # looking at an experiment before its end, and an even split
    "peeking": ("look early", "looking early", "stop early", "stopping early"),
    "fifty fifty": ("50/50", "even split"),
    # what someone wanted built, what people worried about, evidence from running both, saying one was wrong
    "proposal": ("wanted a", "asked for a", "pushed for", "pitched", "wanted us to build", "wanted me to build",
                 "wanted to build", "wanted us to add", "wanted us to replace", "wanted to replace", "asked us to build",
                 "asked me to build"),
    "concerns": ("worried about", "worried that", "their worry", "afraid of", "pushed back on"),
    "evidence": ("ran both", "run both", "side by side", "against the same", "closed most of the gap", "only won on"),
    "admitted": ("said as much", "argued the opposite", "owned up", "admitted it"),
    # owning a mistake and showing the change held
    "my fault": ("on me", "my mistake", "my doing", "i caused", "i broke"),
    # where the time goes, found by tracing requests; asking what a change is meant to fix is asking why
    "profile": ("trace a sample", "traced a sample", "tracing requests", "split the time", "where the time goes"),
    "reason": ("meant to fix", "meant to solve", "trying to fix", "trying to solve", "what problem"),
    # what gave way first as the system grew, and how the time was found: "the first thing to break was the engine
    # step", "I added timings per stage"
    # hearing the other side out before arguing: "I asked him to walk me through why he cared"
    "their reasons": ("why he cared", "why she cared", "why they cared", "walk me through why", "asked him why",
                      "asked her why", "asked them why", "what he cared about", "what she cared about",
                      "what they cared about", "his point was", "her point was", "their point was"),
    # evidence from past traffic: "I replayed two weeks of viewing logs"
    "benchmark": ("replayed", "backtested", "back-tested", "back test"),
    # the push to ship and the group it failed: "the director wanted the new version out before the autumn", "when I
    # split the results by creator"
    "launch": ("wanted it out", "wanted the new version out", "wanted it switched on", "wanted it live",
               "wanted it shipped", "wanted it turned on"),
    "slice": ("split the results by", "broke the results down by", "broken down by", "broke it down by", "split it by"),
    # a split by time in plain words: "I held out the last three months by date"
    "time-based": ("by date", "split by time", "held out the last", "hold out the last", "train on the past",
                   "trained on the past", "test on the future", "tested on the future", "later weeks", "later months",
                   "earlier months", "earlier weeks", "a later period"),
    # accuracy under a rare class, in plain words: "a model that always answers no gets ninety-nine point nine"
    "all negatives": ("always answers no", "always says no", "always predicts no", "predicting nothing",
                      "predicts nothing", "never flags anything", "flags nothing", "says no to everything"),
    "bottleneck": ("first thing to break", "first thing to give", "first to break", "gave way first", "broke first",
                   "slowest step", "slowest part", "slowest stage"),
    "profiling": ("timings per", "timed each", "timed every", "timed the"),
    # a check that nothing got worse, said plainly: "I checked on a replay that click-through did not drop"
    "no regression": ("did not drop", "didn't drop", "no drop in", "did not regress", "didn't regress", "held steady",
                      "stayed flat", "without hurting", "did not hurt", "didn't hurt", "without losing", "no loss in"),
    "since then": ("in the year since", "the year since", "no longer", "ever since", "has blocked", "has caught"),
}
_GENERIC = frozenset(stem(w) for w in (
    "model models data system systems use using way good better work make approach need needs handle "
    "check look like time user users based right level point points question answer clear current existing "
    "new old goes").split())


# Words that do not carry a point on their own: units, and words nearly every answer uses.
UNITS = frozenset(stem(w) for w in (
    "percent percentage million millions billion thousand hundred milliseconds millisecond ms seconds second minutes "
    "hours days weeks months years gb tb mb kb bytes").split())
WEAK = UNITS | frozenset(stem(w) for w in (
    "data result results outcome cost costs test tests model models team teams impact score scores fix fixed count "
    "counter both combine combined first from users user features feature metric metrics numbers size scale change "
    "keep example show showed took later memory moved gives giving").split()) | frozenset(stem(w) for w in STOPWORDS)
# A point about a measured outcome or a scale is carried by a number with its unit ("grew 3 percent").
_MEASURE_POINT = re.compile(r"\b(?:impact|result|outcome|scale|measured|numbers|size|reliability|adoption|growth|"
                            # a budget is said as its figure: "the whole call had eighty milliseconds"
                            r"evidence|budgets?|ceiling|sla)\b", re.I)
_SIZING_POINT = re.compile(r"^\s*(?:size|scale|sizing)\b", re.I)
# a point that is the arithmetic itself: "Size: uploads per day ...", "Memory math: weights plus the KV cache ..."
_MATH_POINT = re.compile(r"^\s*(?:size|scale|sizing|estimate)\b|^\s*[a-z]+ math\b", re.I)
_HAS_NUMBER = re.compile(r"(?<![A-Za-z])\d|\b(?:hundred|thousand|million|billion|trillion)\b", re.I)
# a figure that sizes something: digits not glued to a name ("BM25", "p99", "fp16", "A100"), or a scale word not
# said as a vague amount ("a few hundred milliseconds", "several thousand")
_FIGURE = re.compile(r"(?<![A-Za-z0-9.])\d|(?<!\bfew )(?<!\bseveral )(?<!\bsome )(?<!\bmany )"
                     r"\b(?:hundred|thousand|million|billion|trillion)\b|"
                     # a small figure said in words with what it measures: "about four percent", "two points"
                     r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|"
                     r"eigh|nine)teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
                     r"\s+(?:percent|per cent|percentage points?|points?|x|times|fold|milliseconds?|seconds?|"
                     r"gigabytes?|terabytes?|megabytes?|dollars|euros|pounds)\b", re.I)
# a word inside a term of art is not the word: "machine learning" is not learning, "language model" not languages
_TERMS = re.compile(r"\b(?:machine|deep|reinforcement|transfer|contrastive|representation|active|federated|online|"
                    r"curriculum|meta)[- ]learning\b|\blearning[- ]rates?\b|\b(?:large |small )?language[- ]models?\b|"
                    r"\blanguage[- ]pairs?\b", re.I)


# A sentence that says the speaker does not know, only guesses or did not do it covers nothing: "I don't know how
# drift is detected", "i guess we had some monitoring", "we never set up a rollback".
UNSURE = re.compile(r"\bi (?:don'?t|do not) (?:really )?(?:know|remember|understand)\b|\bnot (?:really |entirely )?sure\b|"
                    # (not the thing named as not yet done: "what I have not done is ...", "the part I haven't done yet")
                    r"\bno idea\b|\bi guess\b|\bi'?m guessing\b|"
                    # an outcome hoped for instead of made or checked: "I would hope the classes come out balanced"
                    r"\b(?:i|we) (?:would|'d) hope\b|(?<!\bwhat )(?<!\bpart )(?<!\bthing )(?<!\bthings )"
                    r"(?<!\bkind )(?<!\bone )\b(?:we|i) (?:never|didn'?t|did not|haven'?t|have not) "
                    # (or did not consider it: "I did not think yet about spelling, I would add it after")
                    r"(?:really |actually |yet )?(?:set up|use[d]?|do|done|have|had|build|built|add(?:ed)?|get|got|look(?:ed)?|"
                    r"(?:think|thought)(?: yet| much| enough)? (?:about|of)|consider(?:ed)?|cover(?:ed)?)\b",
                    re.I)


# "we have not had a spike since": a failure that did not come back, not a step left undone
_NOT_BACK = re.compile(r"\b(?:(?:have|has|had) not|(?:haven|hasn|hadn)'?t) had\b.*\b(?:since|again|anymore|any more)\b|"
                       r"\b(?:since|again)\b.*\b(?:(?:have|has|had) not|(?:haven|hasn|hadn)'?t) had\b", re.I)


def unsure(sentence: str) -> bool:
    """The sentence admits not knowing or not doing ("I don't remember", "we never set up alerts"); one that says
    a failure did not come back is an outcome."""
    return folded_search(UNSURE, sentence) and not folded_search(_NOT_BACK, sentence)


HABIT = re.compile(r"\b(?:my (?:usual )?(?:approach|way|style|rule) (?:is|was)|i (?:always|usually|generally|normally|"
                   r"tend to|try to|like to|find (?:that )?|(?:actually |really )?(?:enjoy|love))|(?:in general|generally|"
                   r"usually),? i|i (?:think|believe|feel) (?:that )?it'?s (?:really |very |always )?(?:important|key|"
                   r"crucial|essential)|(?:is|are) part of every)\b", re.I)


# A habit taken up because of what happened ("since then I always compare ...", "from then on I ...") is the story's
# lesson, not a habit told in place of a story.
SINCE = re.compile(r"\b(?:since then|ever since|from then on|after that,? i (?:always|now)|these days i|now i always)\b",
                   re.I)


@dataclass(frozen=True)
class PointHit:
    point: str
    evidence: str = ""      # the sentence that covers it
    matched: str = ""       # the keyword or words that matched

    def to_dict(self) -> dict[str, Any]:
        return {"point": self.point, "evidence": self.evidence, "matched": self.matched}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | str) -> "PointHit":
        if isinstance(d, str):
            return cls(d)
        return cls(str(d.get("point", "")), str(d.get("evidence", "")), str(d.get("matched", "")))


@dataclass(frozen=True)
class PointsReport:
    covered: tuple[PointHit, ...] = ()
    missed: tuple[PointHit, ...] = ()
    score: float | None = None       # 0-5; None when the question has no talking points

    @property
    def total(self) -> int:
        return len(self.covered) + len(self.missed)

    def to_dict(self) -> dict[str, Any]:
        return {"covered": [p.to_dict() for p in self.covered], "missed": [p.to_dict() for p in self.missed],
                "total": self.total, "score": self.score}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "PointsReport":
        return cls(tuple(PointHit.from_dict(p) for p in d.get("covered") or ()),
                   tuple(PointHit.from_dict(p) for p in d.get("missed") or ()),
                   None if d.get("score") is None else float(d["score"]))


_POSSESSIVES = frozenset(("my", "our", "their", "his", "her", "its", "your"))


def _stems(text: str) -> list[str]:
    # a possessive is its noun: "your team's work" carries "your team"; "their own pipelines" says whose, not who
    # owns them: that "own" carries no ownership point (kept in place, so phrases stay apart)
    tokens = words(text.replace("-", " ").replace("/", " "))
    return ["-" if w == "own" and i and tokens[i - 1] in _POSSESSIVES else stem(w[:-2] if w.endswith("'s") else w.rstrip("'"))
            for i, w in enumerate(tokens)]


def _positions(phrase: list[str], tokens: list[str]) -> list[int]:
    """Where the phrase starts in the tokens (every place)."""
    n = len(phrase)
    if not n:
        return []
    if n == 1:
        # a long keyword also matches on its first five letters: "onboarded" ~ "onboarding", "retrained" ~ "retrain"
        # (two such words share their first five letters: a cheap test before the full one)
        w = phrase[0]
        if len(w) < 6:
            return [i for i, t in enumerate(tokens) if t == w] if w in tokens else []
        if " " + w[:5] not in " " + " ".join(tokens):
            return []                    # (no token starts with its first five letters: a test in C, not a loop)
        # (a unit is its own word: "ten percent" is no "percentile", "a second" no "secondary")
        return [i for i, t in enumerate(tokens) if t == w or (
            len(t) >= 5 and t[:5] == w[:5] and t not in UNITS and _same_word(t, w))]
    if any(t not in tokens for t in phrase if t not in _ARTICLES):
        return []                        # every way below needs each word of the phrase but its articles
    at = [i for i in range(len(tokens) - n + 1) if tokens[i:i + n] == phrase]
    if not at:
        # articles said inside a phrase do not change it: "a key and a value" is "key and value"
        kept = [(i, t) for i, t in enumerate(tokens) if t not in _ARTICLES]
        bare = [t for t in phrase if t not in _ARTICLES]
        m = len(bare)
        if m >= 2 and len(kept) < len(tokens):
            at = [kept[j][0] for j in range(len(kept) - m + 1) if [t for _, t in kept[j:j + m]] == bare]
    if at:
        return at
    if n == 3 and phrase[1] in _PARTICLES:
        # a verb and its particle split around the object, the rest of the phrase after them: "filled that field in
        # after the visit" says "filled in after"
        return [i for i, t in enumerate(tokens) if t == phrase[0] and any(
            tokens[j:j + 2] == phrase[1:] for j in (i + 2, i + 3, i + 4))]
    if n != 2:
        return at
    # a two-word phrase that speech splits around its object: "rolled the ranker back", "root of it was the cause"
    return [i for i, t in enumerate(tokens) if t == phrase[0] and phrase[1] in tokens[i + 2:i + 4]]


_PARTICLES = frozenset({"in", "out", "up", "down", "back", "off", "over", "on", "away"})


_ARTICLES = frozenset({"a", "an", "the"})


def _phrase_in(phrase: list[str], tokens: list[str]) -> bool:
    return bool(_positions(phrase, tokens))


# a denial of a fact ("did not understand", "without any labels", "we didn't agree"); not a limit or a condition
# ("can't exceed", "won't launch unless"), which is how constraints and decision rules are said
NEGATORS = frozenset(stem(w) for w in ("not", "no", "never", "without", "didn't", "don't", "doesn't", "isn't", "wasn't",
                                        "weren't", "aren't", "hadn't", "haven't", "hasn't", "nobody", "nothing"))
_CONDITION = re.compile(r"\b(?:unless|until|only if|only when|otherwise|instead|rather than|as long as|before|"
                        r"can'?t|cannot|couldn'?t|won'?t|wouldn'?t|must|should|shouldn'?t)\b", re.I)
_AVOID_POINT = re.compile(r"\b(?:avoid\w*|prevent\w*|without|never|no|not|don'?t|stop\w*|guard\w*|instead|risks?|"
                          r"mistakes?|wrong|pitfalls?|limits?|constraints?|trade-?offs?)\b", re.I)


def _said_not_denied(point: str, phrase: list[str], sentence: str, tokens: list[str]) -> bool:
    """The phrase said at least once without a denial just before it: "did not understand production", "without
    any labels", "we didn't agree" deny what the point asks for. A point about what to avoid or a limit, a
    sentence with a condition and a keyword that is itself a denial are taken as said."""
    if any(p in NEGATORS for p in phrase) or _AVOID_POINT.search(point) or _CONDITION.search(sentence):
        return True
    return any(not _denied(tokens, i) for i in _positions(phrase, tokens))


def _denied_roots(point: str, sentence: str, tokens: list[str]) -> set[str]:
    """The roots a sentence only says denied ("did not understand production": "under")."""
    if _AVOID_POINT.search(point) or _CONDITION.search(sentence):
        return set()
    said = {_root(t) for i, t in enumerate(tokens) if not _denied(tokens, i)}
    return {_root(t) for i, t in enumerate(tokens) if _denied(tokens, i)} - said


# A point named only to be waved away: "I would not bother with regularisation", "there is no need for freshness
# rules", "ties I would just skip", "an A/B test is mostly a formality"
_DISMISS = re.compile(r"\bno (?:real )?need (?:for|to)\b|\b(?:would|will|did|do|does|need) not (?:bother|need)\b|"
                      r"\b(?:wouldn'?t|won'?t|didn'?t|don'?t|doesn'?t|needn'?t) (?:bother|need)\b|\bnot bother(?:ing)?\b|"
                      r"\b(?:not|never|rarely|seldom|hardly|barely) worth\b|\bjust (?:skip|ignore|drop)\b|"
                      r"\b(?:mostly|just|only|merely) a formality\b|"
                      # "numerical stability is a non-issue here", "validation is overkill for a batch job"
                      r"\b(?:is|are|was|were|it'?s|that'?s) (?:a |an |really |just |mostly |basically |usually |honestly )*"
                      r"(?:non-?issue|overkill)\b|\b(?:is|are|it'?s|that'?s) (?:really |just |usually )?not (?:an? )?"
                      r"(?:issue|concern|problem) (?:for|with|in|here)\b|"
                      r"\b(?:does|do) not (?:really )?matter\b|\b(?:doesn'?t|don'?t) (?:really )?matter\b|"
                      # "and not worry about calibration", "we needn't care about freshness"
                      r"\b(?:not|never|don'?t|won'?t|wouldn'?t|needn'?t|no need to) (?:have to |really )?(?:worry|care) about\b|"
                      # "no need to worry about correlated features", "I don't think you really need to scale them",
                      # "empty clusters cannot really happen"
                      r"\b(?:don'?t|do not) think (?:you|we|i|one) (?:really )?need\b|"
                      r"\b(?:cannot|can'?t|won'?t|never) (?:really |actually )?(?:happen|occur|arise)s?\b", re.I)


@lru_cache(maxsize=1)
def _put_aside() -> re.Pattern[str]:
    """The other ways a thing is put aside (rubrics/answer_words.toml `[put_aside]`): said as not needed, as adding
    only cost, as cosmetic, or left for later or for whoever asks."""
    from coach.content.answer_words import phrases

    # (an adverb said inside a phrase does not change it: "when the business explicitly asks")
    gap = r"\s+(?:(?:really|explicitly|specifically|actually|just|ever|even)\s+)?"
    said = "|".join(re.escape(p).replace(r"\ ", gap) for p in phrases("put_aside", "phrases"))
    return re.compile(r"(?<![\w'])(?:" + said + r")(?![\w'])", re.I)


def _waves_away(text: str) -> bool:
    """Whether the text waves something away (`_DISMISS`, or one of the `[put_aside]` phrases)."""
    return bool(_DISMISS.search(text) or _put_aside().search(text))


# A point that is itself a warning or a limit ("Limits: correlated features split credit", "Risks of ...") is denied
# when the thing is waved away, though its denial words are taken as said; a point that asks for something not to be
# done ("avoid ...", "no ...", "instead of ...") is made by waving the thing away.
_NOT_DO_POINT = re.compile(r"\b(?:avoid\w*|prevent\w*|without|never|no|not|don'?t|stop\w*|guard\w*|instead)\b", re.I)
_RISK_POINT = re.compile(r"\b(?:risks?|limits?|limitations?|pitfalls?|caveats?|failure modes?)\b", re.I)
# (criteria weighed are a choice too: "lock-in I did not worry about, we could always export" weighs lock-in)
_CHOICE_POINT = re.compile(r"\b(?:choose|choosing|choice|whether|when to|pick|options?|versus|vs|criteria|criterion)\b",
                           re.I)
_CLAUSE = re.compile(r"[,;:]|\s(?:but|because|since|so|which|while|whereas)\s", re.I)


def _dismissed(point: str, phrase: list[str], sentence: str) -> bool:
    """Every clause that names the phrase waves it away (a point about what not to do is taken as said, and so is a
    point about a choice: "we do not need sharded optimiser states" chooses; a point about a risk or a limit is not:
    "no need to worry about correlated features" waves the limit away)."""
    if (_NOT_DO_POINT.search(point) and not _RISK_POINT.search(point)) or _CHOICE_POINT.search(point) or \
            not _waves_away(sentence):
        return False
    named = [c for c in _CLAUSE.split(sentence) if _phrase_in(phrase, _stems(c))]
    return bool(named) and all(_waves_away(c) for c in named)


def _waved_away(point: str, roots: set[str], sentence: str) -> bool:
    """Every clause that names one of the point's words (by root) waves it away ("empty clusters cannot really
    happen"), as `_dismissed` asks of a keyword."""
    if not _waves_away(sentence) or (_NOT_DO_POINT.search(point) and not _RISK_POINT.search(point)) or \
            _CHOICE_POINT.search(point):
        return False
    named = [c for c in _CLAUSE.split(sentence) if roots & {_root(t) for t in _stems(c)}]
    return bool(named) and all(_waves_away(c) for c in named)


_FILLER = frozenset({"any", "a", "an", "the", "really", "even", "actually", "much", "enough", "fully", "yet"})


def _denied(tokens: list[str], i: int) -> bool:
    """A denial right before the word, or one filler away ("without any labels"); not one that governs another
    verb ("wasn't comfortable launching", "hadn't realised anyone depended")."""
    return (i >= 1 and tokens[i - 1] in NEGATORS) or (i >= 2 and tokens[i - 2] in NEGATORS and tokens[i - 1] in _FILLER)


@lru_cache(maxsize=2048)
def _phrase(alt: str) -> tuple[str, ...]:
    """A keyword's stems (question banks repeat, so each keyword is stemmed once)."""
    return tuple(_stems(alt))


@lru_cache(maxsize=2048)
def _alternatives(keyword: str) -> tuple[str, ...]:
    key = keyword.lower().strip()
    alts = [key]
    for head, syns in SYNONYMS.items():
        if stem(key) == stem(head) or key in syns:
            alts.extend((head,) + syns)    # each group is a set of words for the same thing
    return tuple(alts)


# A point about the measured outcome ("Measured impact of ...", "The outcome", "Impact in numbers") is carried by
# the answer's measured outcome: a sentence the STAR labels call a result, with a number in it.
_OUTCOME_POINT = re.compile(r"^\s*(?:the )?(?:measured |final )?(?:impact|outcome|result|effect|improvement)s?\b|"
                            r"\bmeasured (?:impact|effect|improvement|outcome|result|adoption|organi[sz]ational)|"
                            r"\b(?:savings?|gains?) (?:achieved|made|delivered)\b|"
                            r"\b(?:impact|adoption) (?:in )?numbers\b|"
                            # "What happened as a result", "What happened next", "How it held up later"
                            r"^\s*what happened\b|^\s*how it (?:held up|turned out|"
                            r"ended|played out)\b", re.I)


# A point about the candidate's own part ("What the candidate personally did", "The candidate's personal role and
# decisions") is carried by the story's own steps: sentences the STAR labels call actions, told in the first person
# singular ("I changed the pipeline ..."), whatever verbs they use.
_OWN_PART_POINT = re.compile(r"\b(?:personally|personal (?:role|part|contribution)|own (?:part|role|contribution)|"
                             r"what the candidate (?:\w+ )?did)\b", re.I)
_I_STEP = re.compile(r"(?:^|[^\w'])i (?:\w+ )?(?!was\b|am\b|had\b|have\b|felt\b|think\b|thought\b|knew\b|"
                     r"wanted\b|would\b|could\b|should\b)\w+ed\b|(?:^|[^\w'])i (?:built|led|wrote|ran|made|took|"
                     r"drew|set|put|cut|split|sat|found|gave|got|told|brought|chose|sent|spent|dug|began|kept|held|"
                     r"rewrote|rebuilt|shipped)\b", re.I)


# A point about the lesson ("What they learned about ...", "The lesson and the concrete change ...", "What they would
# do differently", "How it looks in hindsight") is carried by the story's reflection, whatever words it takes: "What I
# took from it is that I now ask for the slice that would prove me wrong" is the lesson without "learned" or "lesson".
_LESSON_POINT = re.compile(r"^\s*(?:what (?:they|the candidate) (?:learned|learnt|took away|would (?:do|change) "
                           r"differently)|(?:the )?lessons?\b|how it looks in hindsight)", re.I)


def own_steps(sentences: tuple[str, ...], labels: tuple[str, ...]) -> tuple[str, ...]:
    """The action sentences told in the first person singular, for the point about the candidate's own part."""
    return tuple(t for t, lab in zip(sentences, labels) if lab == "action" and _I_STEP.search(t))


# A thing named and put off in the same breath ("there is also position bias in clicks, which you need to think
# about"): the name is there, what to do about it is not, so the words (up to five before the put-off) cover no point.
# The put-off must end the thought: "... which you need to think about by reweighting the clicks" says how.
_DEFERRED = re.compile(r"[\w'-]+(?:[ \t]+[\w'-]+){0,4}[ \t,]+(?:which|that|and) (?:(?:you|we|one|i|people) )?(?:(?:just|"
                       r"also|really|still|kind of|sort of) )?(?:need|needs|have|has|want|ought|should|got)(?: to)? "
                       r"(?:(?:you know|like|um|uh|er|just|kind of|sort of|also|really) )*(?:think about|consider|keep in "
                       r"mind|be aware of|worry about|take into account|bear in mind|look into|be careful (?:about|with))"
                       r"(?=\s*(?:[.;:!?,]|$|\b(?:and|so|but|then|also|at the end)\b))", re.I)

_PUT_OFF = re.compile(r"think about|consider|in mind|aware of|worry about|into account|look into|careful", re.I)


def _without_put_off(text: str) -> str:
    """The sentence without the things it names only to put off (see _DEFERRED)."""
    return _DEFERRED.sub(" ", text) if folded_search(_PUT_OFF, text) else text


# A reply's opening that only restates the question it takes up: "You asked what I would do with the labels at half a
# percent.", "You have asked how many GPUs we need." (a clause after it, "..., and the answer is ...", is the reply)
_RESTATED = re.compile(r"^(?:(?:right|yes|yeah|sure|okay|ok|so|well|um|uh)\W+)*you(?:'ve| have| had)? (?:just )?"
                       r"(?:asked|wanted to know|were asking)\b[^,;:]*$", re.I)


def restates_question(sentence: str) -> bool:
    """Whether the sentence only restates the interviewer's question (see _RESTATED)."""
    return len(sentence.split()) <= 25 and bool(_RESTATED.search(sentence.strip()))


def coverage(question: Question | None, sents: list[Sentence], non_answer: bool = False,
             outcomes: tuple[str, ...] = (), story: bool = False,
             wrong: frozenset[str] = frozenset(), results: frozenset[str] | None = None,
             own: tuple[str, ...] = (), lessons: tuple[str, ...] = (), miscounted: bool = False) -> PointsReport:
    """`outcomes`: the sentences labelled result that carry a number (for the points about a measured outcome).
    `story`: the question asks for a story, whose points are what happened, so a habit ("my approach is to listen
    first", "I always lead with the impact") does not cover them. `wrong`: sentences that state a misconception
    (coach/scoring/claims.py); they cover nothing, whatever terms they use. `results`: in a story, the sentences
    labelled result; a point about the outcome is carried only by one of them ("we shipped" in a suggestion to ship
    is not the outcome). `own`: in a story, its first-person action sentences (`own_steps`), which carry a point about
    the candidate's own part when two or more are told. `lessons`: in a story, the sentences that reflect on it
    (what was learned, what they would do differently), which carry a point about the lesson. `miscounted`: the answer
    derives a figure wrongly (a napkin check failed), so its sizing point is attempted with wrong arithmetic and not
    made."""
    if question is None or not question.talking_points:
        return PointsReport()
    if non_answer:
        return PointsReport((), tuple(PointHit(p) for p in question.talking_points), 0.0)
    sent_tokens = [(s, _stems(_without_put_off(s.text))) for s in sents
                   if s.text not in wrong and not unsure(s.text) and not (story and HABIT.search(s.text) and not SINCE.search(s.text))]
    every = set().union(*(set(t) for _, t in sent_tokens)) if sent_tokens else set()
    # a story names what the question asks about as it tells what happened ("I built ...", "the hardest decision
    # was ..."); an explanation that only repeats the question's terms has not said anything about them
    echo = frozenset() if story else _echo(question.prompt)
    covered: list[PointHit] = []
    missed: list[PointHit] = []
    hits = _keyword_hits(question, sent_tokens)        # (once: every point's check reads them)
    # each sentence's word roots and the whole answer's, once: every point's checks read them
    roots_of = {id(t): frozenset(_root(w) for w in t) for _, t in sent_tokens}
    every_roots = frozenset(_root(t) for t in every)
    for i, point in enumerate(question.talking_points):
        keywords = list(question.keywords[i]) if i < len(question.keywords) else []
        pool = sent_tokens
        if story and results is not None and _OUTCOME_POINT.search(point):
            pool = [(x, t) for x, t in sent_tokens if x.text in results]
        # a word another point of the question also names does not tell which point was made ("alerts" in a point
        # about measuring first and one about noisy alerts): alone it is weak, as a generic word is; and so is a word
        # of another point's keywords in a sentence that makes that point ("scores can be read as probabilities"
        # defines calibration, it does not say when calibrated probabilities matter)
        shared = _shared_words(question.talking_points, i)
        busy = _taken_words(question, i, pool, hits)
        if miscounted and _MATH_POINT.search(point):
            missed.append(PointHit(point))
            continue
        hit = _by_keywords(point, keywords, pool, every, echo | shared, busy, every_roots) or \
            _by_point_words(point, pool, echo, roots_of)
        if hit is None and question.estimate is not None and i < len(question.estimate.steps):
            hit = _by_figure(point, question.estimate.steps[i], pool)
        if hit is None and outcomes and _OUTCOME_POINT.search(point):
            hit = PointHit(point, outcomes[0], "a measured outcome")
        if hit is None and story and len(own) >= 2 and _OWN_PART_POINT.search(point):
            hit = PointHit(point, own[0], "their own steps")
        if hit is None and story and lessons and _LESSON_POINT.search(point):
            hit = PointHit(point, lessons[-1], "the lesson told")
        if hit is not None and _CASE_POINT.search(point) and not _tells_a_case(hit.evidence):
            hit = None        # "that's something I'd reach for whenever ..." names the move, tells no case of it
        (covered if hit else missed).append(hit or PointHit(point))
    score = round(5.0 * len(covered) / (len(covered) + len(missed)), 2)
    return PointsReport(tuple(covered), tuple(missed), score)


# A point that asks for a case from the candidate's own work ("A real case where changing the loss fixed a problem",
# "An example from their experience"): carried only by a sentence that tells something that happened.
_CASE_POINT = re.compile(r"^(?:a|an|one) (?:real |concrete |specific )?(?:case|example|time|instance)\b", re.I)


def _tells_a_case(sentence: str) -> bool:
    """Does the sentence tell a past event (a step taken, a clause of a story), not a habit, a plan or a view?"""
    from coach.scoring.star import narrative
    from coach.scoring.story_outcome import is_step

    low = sentence.lower().replace("\u2019", "'")
    return is_step(sentence) or (narrative(low) and not _WOULD.search(low))


# What a case would look like, not one that happened: "I'd expect it to be inflated any time ...", "whenever".
_WOULD = re.compile(r"\b(?:i'?d|we'?d|would|will|could|should|might|whenever|any time|every time)\b")


@lru_cache(maxsize=2048)
def _shared_words(points: tuple[str, ...], i: int) -> frozenset[str]:
    """The content words of the question's other points (stemmed)."""
    return frozenset(stem(w) for j, p in enumerate(points) if j != i for w in words(p.replace("-", " "))
                     if w not in STOPWORDS)


def _taken_words(question: Question, i: int, sent_tokens: list[tuple[Sentence, list[str]]],
                 hits: dict[str, dict[int, frozenset[str]]] | None = None) -> dict[str, frozenset[str]]:
    """Per sentence (by its text), the words of the keywords of each other point one of whose keywords the sentence
    says: there they belong to that point. `hits`: `_keyword_hits` of the same sentences, worked out once."""
    hits = _keyword_hits(question, sent_tokens) if hits is None else hits
    taken: dict[str, frozenset[str]] = {}
    for s, _ in sent_tokens:
        found = frozenset().union(*(w for j, w in hits.get(s.text, {}).items() if j != i))
        if found:
            taken[s.text] = found
    return taken


def _keyword_hits(question: Question, sent_tokens: list[tuple[Sentence, list[str]]]) -> dict[str, dict[int, frozenset[str]]]:
    """Per sentence, each point one of whose keywords it says, with that point's keyword words."""
    points = _point_phrases(tuple(question.keywords[:len(question.talking_points)]))
    out: dict[str, dict[int, frozenset[str]]] = {}
    for s, toks in sent_tokens:
        said = {j: own for j, (phrases, own) in enumerate(points) if any(ph and _phrase_in(list(ph), toks) for ph in phrases)}
        if said:
            out[s.text] = said
    return out


@lru_cache(maxsize=256)
def _point_phrases(keywords: tuple[tuple[str, ...], ...]) -> tuple[tuple[tuple[tuple[str, ...], ...], frozenset[str]], ...]:
    """Each point's keyword phrases (stemmed) and their content words."""
    out = []
    for keys in keywords:
        phrases = tuple(tuple(_phrase(k.lower().strip())) for k in keys)
        out.append((phrases, frozenset(w for ph in phrases for w in ph if w not in STOPWORDS)))
    return tuple(out)


@lru_cache(maxsize=512)
def _echo(prompt: str) -> frozenset[str]:
    """The question's own words: any answer repeats them ("L1", "data drift"), so they do not carry a point alone."""
    return frozenset(stem(w) for w in words(prompt.replace("-", " ")) if w not in STOPWORDS)


def _by_keywords(point: str, keywords: list[str], sent_tokens: list[tuple[Sentence, list[str]]],
                 every: set[str] | None = None, echo: frozenset[str] = frozenset(),
                 taken: dict[str, frozenset[str]] | None = None,
                 every_roots: frozenset[str] | None = None) -> PointHit | None:
    """`every_roots`: the roots of `every` (`_root`), when the caller has them."""
    sizing = bool(_SIZING_POINT.match(point))
    own = ({stem(w) for w in words(point.replace("-", " "))} |
           {stem(w) for k in keywords for w in words(k.replace("-", " "))}) - WEAK
    for kw in keywords:
        for alt in _alternatives(kw):
            phrase = list(_phrase(alt))
            if alt == "$":
                phrase = []
            if every is not None and phrase and not set(phrase) <= every and not (
                    len(phrase) == 1 and len(phrase[0]) >= 6 and _root(phrase[0]) in (
                        every_roots if every_roots is not None else {_root(t) for t in every})):
                continue                   # a word of the phrase is nowhere in the answer
            literal = alt != "$" and bool(re.search(r"[+#]", alt))    # "k-means++" is not "k-means": match as written
            # three words or more said together are a way of saying the thing ("teams use it"), however common each
            weak = not literal and len(phrase) < 3 and all(p in WEAK or p in echo for p in phrase)
            for s, toks in sent_tokens:
                if not ((phrase and _phrase_in(phrase, toks)) or (alt == "$" and "$" in s.text)):
                    continue
                if phrase and not _said_not_denied(point, phrase, s.text, toks):
                    continue
                if phrase and _dismissed(point, phrase, s.text):
                    continue
                if literal and not _said_as_written(alt, s.text):
                    continue
                if sizing and not _FIGURE.search(s.text):
                    continue
                if len(phrase) == 1 and not _said_outside_terms(phrase[0], s.text, alt):
                    continue
                measured = _MEASURE_POINT.search(point) and _FIGURE.search(s.text)
                other = (taken or {}).get(s.text, frozenset())
                weak_here = weak or (not literal and len(phrase) < 3 and
                                     all(p in WEAK or p in echo or p in other for p in phrase))
                if weak_here and not measured and not (own - set(phrase) - echo - other) & set(toks):
                    continue           # "from", "data", "percent" alone do not carry the point
                return PointHit(point, s.text, alt)
    return None


def _said_outside_terms(word: str, sentence: str, keyword: str) -> bool:
    """The keyword's word said on its own, not only inside a term of art ("machine learning" for "learn")."""
    if not _TERMS.search(sentence) or _TERMS.search(keyword):
        return True
    return word in _stems(_TERMS.sub(" ", sentence)) or any(
        len(word) >= 6 and len(t) >= 5 and _same_word(t, word) for t in _stems(_TERMS.sub(" ", sentence)))


def _said_as_written(keyword: str, text: str) -> bool:
    """A keyword whose symbols carry its meaning ("k-means++", "c#"), written or spoken ("k means plus plus")."""
    def norm(x: str) -> str:
        return " ".join(x.lower().replace("-", " ").replace("++", " plus plus").replace("#", " sharp").split())
    return norm(keyword) in norm(text)


def _same_word(a: str, b: str) -> bool:
    """One word in two forms: one a prefix of the other ("adopt" ~ "adoption", "calibr" ~ "calibrated"), or six
    letters in common with at most two more in the shorter ("randomis" ~ "randomization"); not words that only start
    alike ("experience" ~ "experiment", "complaint" ~ "complex", "millisecond" ~ "million", "confirm" ~ "config",
    "interest" ~ "interleaving")."""
    if _agent(a) != _agent(b):
        return a == b              # "director" is not "direction", "predictor" not "prediction"
    if a.startswith(b) or b.startswith(a):
        return True
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    # six letters in common and at most two more in the shorter stem: a spelling ("randomis" ~ "randomiz"), not two
    # words that share a root ("experienc" ~ "experiment")
    return n >= 6 and min(len(a), len(b)) - n <= 2


@lru_cache(maxsize=8192)
def _root(token: str) -> str:
    """A word's first five letters: "calibrated" ~ "calibration", "retrain" ~ "retraining"; a noun for the one who
    does it keeps its whole stem ("director", "operator"), so it is not the act ("direction", "operation")."""
    return token if _agent(token) else token[:5] if len(token) >= 5 else token


def _agent(token: str) -> bool:
    """A stem that names the one who does something: "director", "operator", "predictor" (not "or", "error")."""
    return len(token) >= 7 and token.endswith("or") and not token.endswith(("rror", "door", "floor"))


FIGURE_TOLERANCE = 1.5   # a step's figure reached in round numbers (also coach/scoring/estimates.py's steps)


def near_figure(value: float, figure: float) -> bool:
    """A figure said within FIGURE_TOLERANCE of a step's figure ("100,000 seconds" for 86,400)."""
    return value > 0 and figure > 0 and 1 / FIGURE_TOLERANCE <= value / figure <= FIGURE_TOLERANCE


def _by_figure(point: str, figure: float, sent_tokens: list[tuple[Sentence, list[str]]]) -> PointHit | None:
    """An estimation step made by saying the figure it reaches ("a billion requests a day", "about 35,000 a
    second"), whatever words carry it. A small figure (a factor, bytes per value) must be said exactly, and beside a
    word of its point: "three" turns up in any answer."""
    if figure <= 0:
        return None
    # a small figure counts only beside a word of its own point: "two bytes each" is not "a key and a value, a
    # factor of two"
    own = {_root(stem(w)) for w in words(point) if w not in STOPWORDS and len(w) > 2 and not find_numbers(w)} - \
        {_root(w) for w in WEAK}
    for s, toks in sent_tokens:
        if figure < 100 and not own & {_root(t) for t in toks}:
            continue
        for n in find_numbers(s.text):
            if near_figure(n.value, figure) if figure >= 100 else n.value == figure:
                return PointHit(point, s.text, n.text)
    return None


def _by_point_words(point: str, sent_tokens: list[tuple[Sentence, list[str]]],
                    echo: frozenset[str] = frozenset(),
                    roots_of: dict[int, frozenset[str]] | None = None) -> PointHit | None:
    """`roots_of`: each sentence's token roots by the id of its token list, when the caller has them."""
    distinct = {_root(stem(w)) for w in words(point) if w not in STOPWORDS and len(w) > 2} - _weak_roots()
    if len(distinct) < 2:
        return None
    need = max(2, -(-len(distinct) * NEED_SHARE // 100))
    echoed = {_root(w) for w in echo}
    roots = [roots_of[id(toks)] if roots_of is not None and id(toks) in roots_of else {_root(t) for t in toks}
             for _, toks in sent_tokens]
    halves = tuple(h - echoed for h in _both_halves(point))     # (the question's own words tell no half)
    halves = halves if all(halves) else ()
    for (s, toks), here in zip(sent_tokens, roots):
        found = distinct & here
        if len(found) < need or not found - echoed:
            continue                      # (taking the denied roots away leaves fewer: no need to read them)
        if halves and not all(found & h for h in halves):
            continue                      # "predict both A and B": the words of A alone make half the point
        found = found - _denied_roots(point, s.text, toks)
        if len(found) >= need and found - echoed and not _waved_away(point, found, s.text):
            return PointHit(point, s.text, ", ".join(sorted(found)))
    # two of the point's distinctive words side by side, as the point has them, carry it: "one contained win"
    pairs = _pairs(point) - {(x, y) for x in echoed for y in echoed}
    if pairs:
        for (s, toks), here in zip(sent_tokens, roots):
            rs = [_root(t) for t in toks if t not in STOPWORDS]
            pair = next(((x, y) for x, y in zip(rs, rs[1:]) if (x, y) in pairs), None)
            if pair and not _waved_away(point, set(pair), s.text):
                hit = f"{pair[0]} {pair[1]}"
                return PointHit(point, s.text, hit)
    # a spoken point often spans two clauses: one more word is asked of the pair, at least one in each
    for (s, _), here, nxt in zip(sent_tokens, roots, roots[1:]):
        found = distinct & (here | nxt)
        if halves and not all(found & h for h in halves):
            continue
        if len(found) >= need + 1 and distinct & here and distinct & nxt and found - echoed:
            return PointHit(point, s.text, ", ".join(sorted(found)))
    return None


_BOTH = re.compile(r"\bboth (.+?) and (.+?)(?:[,.;:]|$)", re.I)


@lru_cache(maxsize=2048)
def _both_halves(point: str) -> tuple[frozenset[str], ...]:
    """A point that asks for two things at once ("Predict both the chance of a useful open and the chance of disabling
    notifications"): the distinctive word roots only one half has, per half; () for any other point."""
    m = _BOTH.search(point)
    if m is None:
        return ()
    weak = _weak_roots()
    a, b = ({_root(stem(w)) for w in words(x) if w not in STOPWORDS and len(w) > 2} - weak for x in m.groups())
    a, b = a - b, b - a
    return (frozenset(a), frozenset(b)) if a and b else ()


@lru_cache(maxsize=1)
def _weak_roots() -> frozenset[str]:
    """The roots of the generic and weak words (constant: read once)."""
    return frozenset(_root(w) for w in _GENERIC | WEAK)


@lru_cache(maxsize=2048)
def _pairs(point: str) -> frozenset[tuple[str, str]]:
    """Adjacent pairs of the point's distinctive words (stop-words skipped, generic words and units not taken)."""
    weak = {_root(w) for w in _GENERIC | WEAK}
    rs = [_root(stem(w)) for w in words(point.replace("-", " ")) if w not in STOPWORDS]
    return frozenset((x, y) for x, y in zip(rs, rs[1:]) if x not in weak and y not in weak and len(x) > 2
                     and len(y) > 2 and x != y)


NEED_SHARE = 50      # percent of the point's distinctive words one sentence must share


def has_number(text: str) -> bool:
    return bool(_HAS_NUMBER.search(text))


# A measure said in words, as speech and plain answers tell outcomes: "fell from thirty-one hours to nineteen",
# "seven teams use it", "cut it in half".
_SPOKEN_MEASURE = re.compile(r"\b(?:a|one|two) (?:quarter|third|fifth|tenth)s?\b|"
                             r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                             r"forty|fifty|sixty|seventy|eighty|ninety|half|twice|double[ds]?|triple[ds]?|zero|"
                             r"\w+fold)\b", re.I)


def is_measured(text: str) -> bool:
    """A number in figures or in words (for an outcome sentence)."""
    return bool(_HAS_NUMBER.search(text) or _SPOKEN_MEASURE.search(text))
