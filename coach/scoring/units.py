"""The unit table: which words after a number make it a quantity of which kind.

Every entry is tried, in order, on the text right after a number. Base units:
throughput per second, latency and duration in seconds, storage in bytes
(decimal: 1 KB = 1,000 B), bandwidth in bytes per second, cost in dollars,
model size in parameters, users/dataset/compute as counts, percent as said.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

KINDS: tuple[str, ...] = (
    "throughput", "users", "latency", "storage", "dataset", "model_size",
    "compute", "cost", "duration", "percent", "bandwidth",
)

PERIOD_S = {"second": 1, "sec": 1, "s": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600, "h": 3600,
            "day": 86400, "night": 86400, "week": 604800, "month": 2_592_000, "quarter": 7_776_000,
            "year": 31_536_000}
_PERIOD_WORDS = "second|sec|s|minute|min|hour|hr|h|day|night|week|month|quarter|year"
_ADVERB_PERIOD = {"daily": "day", "nightly": "night", "hourly": "hour", "weekly": "week", "monthly": "month",
                  "yearly": "year", "annually": "year"}
BYTE_PREFIX = {"": 1, "k": 1e3, "kilo": 1e3, "m": 1e6, "mega": 1e6, "meg": 1e6, "g": 1e9, "giga": 1e9,
               "gig": 1e9, "t": 1e12, "tera": 1e12, "p": 1e15, "peta": 1e15, "e": 1e18, "exa": 1e18,
               # the binary prefixes said in words ("thirty-two gibibytes") read as their decimal neighbours, as "GiB" is
               "kibi": 1e3, "mebi": 1e6, "gibi": 1e9, "tebi": 1e12, "pebi": 1e15}
DURATION_S = {"minute": 60, "min": 60, "hour": 3600, "hr": 3600, "h": 3600, "day": 86400, "week": 604800,
              "wk": 604800, "fortnight": 1_209_600, "sprint": 1_209_600, "month": 2_592_000, "quarter": 7_776_000,
              "year": 31_536_000, "yr": 31_536_000}

# A modifier between a number and its noun ("50 million daily active users",
# "ten thousand photo uploads"): any word except the glue words of a sentence.
MOD = (r"(?:(?!(?:of|the|and|or|to|in|into|for|with|than|that|which|is|are|was|were|per|a|an|each|every|at|on|"
       r"by|from|so|but|if|we|i|it|they|you|because|since|then|more|times|x|dimensions?|dimensional|dims?|bits?|bytes?|"
       r"percent|needs?|requires?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
       r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)\b)[a-z][a-z0-9'-]*\s+)")
# (a word before the period needs a space after it: "contributions as" is no rate a second)
PERIOD = rf"(?:(?:per|a|an|each|every|(?:for|over) (?:the|a|one))\s+|/\s*)(?P<per>{_PERIOD_WORDS})\b"
PER_WHO = r"(?:per|a|each|for each|for every|every)\s+(?:user|person|customer|member|dau|active user|visitor|one)"
RATE_NOUNS = (r"requests?|queries|query|calls|searches|predictions|inferences|lookups|reads|writes|events|messages|"
              r"impressions|clicks|views|page ?views|sessions|transactions|recommendations|posts|uploads|downloads|"
              r"logins|orders|tokens|images|examples|samples|documents|docs|videos|photos|items|rows|records|jobs|"
              r"ads|notifications|emails|loads|opens|visits|times|hits|scores|decisions|completions|frames|"
              r"sentences|pages|files|tweets|comments|likes|updates|batches|steps|iterations|inserts|purchases|"
              r"bookings|rides|trips|payments|alerts|pushes|spans|logs|traces|chats|conversations|questions|answers|replies|"
              r"responses|prompts|plays|streams|listens|signups|sign-ups|bids|scans|tickets|checkouts|generations|passages|"
              r"chunks|fetches")
DATA_NOUNS = (r"rows|examples|samples|records|events|images|documents|docs|tokens|items|videos|photos|sentences|"
              r"pages|files|labels|embeddings|vectors|clicks|impressions|interactions|products|listings|entities|"
              r"data ?points|conversations|transcripts|utterances|queries|articles|songs|tracks|ads|posts|positives|negatives")
USER_NOUNS = (r"daus?|maus?|waus?|daily actives|monthly actives|weekly actives|actives|users?|customers?|"
              r"subscribers?|members?|accounts?|merchants?|sellers?|buyers?|drivers?|riders?|advertisers?|"
              r"listeners?|viewers?|players?|visitors?|shoppers?|creators?|students?|patients?|followers?|learners?|"
              r"readers?|guests?|fans?|clients?|tenants?|households?|passengers?|commuters?|travell?ers?|"
              r"citizens?|residents?|callers?|diners?")
COMPUTE_NOUNS = (r"gpu[- ]?hours?|node[- ]?hours?|gpu[- ]?(?:seconds?|days?|minutes?)|gpus?|tpus?|cpus?|vcpus?|cores?|nodes?|machines?|instances?|"
                 r"servers?|hosts?|boxes|box|replicas?|pods?|workers?|accelerators?|cards?|shards?|[a-z]\d{2,3}s")


@dataclass(frozen=True)
class UnitMatch:
    kind: str            # one of KINDS, or "factor" for 3x / three times
    unit: str            # base unit of `value`
    factor: float        # raw number x factor = value in the base unit
    said: str            # the unit words as said
    length: int          # characters of the tail consumed
    flags: frozenset[str] = frozenset()
    period_s: float = 0  # for rates: the period said ("a day" -> 86400)


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(r"^\s*" + pattern, re.IGNORECASE)


METRICS = (r"ndcg|auc|roc[- ]auc|pr[- ]auc|recall|precision|accuracy|map|mrr|ctr|click[- ]?through(?: rate)?|conversion|"
           r"f1|bleu|rouge|wer|error rate|hit rate|retention|top[- ]?\w+ accuracy|match accuracy|coverage|log ?loss")
# "half a point of NDCG", "two points of recall": percentage points of a metric
_PCT = _r(rf"(?:%|percent\b|per\s?cent\b|pct\b|percentage points?\b|points?\s+(?:of|in|on)\s+(?:[a-z]+\s+)?(?:{METRICS})\b)")
_BITS = _r(r"(?:(?P<p>k|m|g|t)(?-i:bps|bit/s|b/s)\b|(?P<w>kilo|mega|giga|tera)bits?"
           r"(?:\s*(?:per|a|/)\s*(?:second|sec|s)\b)?)")
_BYTES_RATE = _r(r"(?:(?P<p>k|m|g|t|p)i?b|(?P<w>kilo|mega|giga|tera|peta|kibi|mebi|gibi|tebi|pebi)bytes?|(?P<g>gig|meg)s?|"
                 r"bytes?)"      # plain bytes too: "a billion bytes a second" is a rate, not a day's storage
                 r"\s*(?:/\s*s(?:ec)?\b|ps\b|(?:per|a|each|every)\s+sec(?:ond)?\b)")
# a network link's speed said the short way is in bits a second: "a 10 gig link", "25G NICs", "a one-gig uplink"
_LINK_SPEED = _r(r"-?\s*(?P<g>gig|meg|g)\s*-?\s*(?=(?:[a-z]+\s+)?(?:e?thernet|links?|nics?|uplinks?|downlinks?|ports?|"
                 r"pipes?|network (?:links?|cards?|interfaces?)|interconnects?|backbone|fib(?:er|re) links?)\b)")
_BYTES = _r(r"(?:(?P<p>k|m|g|t|p|e)i?b\b|(?P<w>kilo|mega|giga|tera|peta|exa|kibi|mebi|gibi|tebi|pebi)bytes?\b|(?P<g>gig|meg)s?\b|bytes?\b)")
_STORAGE_RATE = re.compile(rf"^\s*(?:of\s+(?:[a-z]+\s+){{1,2}})?{PERIOD}", re.I)     # "40 GB of event logs a day"
_PER_ITEM = re.compile(r"^\s*(?:each|apiece|a piece|per\s+[a-z]+|an?\s+(?:event|record|row|request|item|image|"
                       r"photo|vector|embedding|message|sample|example|document)\b)", re.I)
# a size said as the adjective of the things that carry data: "30 KB responses", "2 MB images", "1 KB log lines"
_SIZED_THINGS = re.compile(r"^\s*(?:(?!(?:of|and|or|in|for|to|the|an?|per|each|with|across|over|from|worth)\b)"
                           r"[a-z]+\s+)?(?:responses?|payloads?|messages?|events?|records?|images?|photos?|"
                           r"files?|rows?|documents?|objects?|chunks?|thumbnails?|tiles?|frames?|blobs?|entry|entries|"
                           r"log lines?|lines|uploads?|videos?|clips?|emails?|posts?|snapshots?|segments?)\b", re.I)
_PER_PARAM = re.compile(r"^\s*(?:per|a|each)\s+(?:param(?:eter)?|weight)\b", re.I)
_PARAMS = _r(r"-?\s*param(?:eter)?s?\b")
_WEIGHTS = _r(r"(?:model\s+|trainable\s+)?weights\b")     # "2 billion weights": parameters, when there are millions
# (a kind of model between: "the thirteen billion chat model")
_MODEL = _r(r"-?\s*(?:(?:chat|language|instruct|instruction-tuned|code|coding|teacher|student|draft|foundation|"
            r"decoder|encoder|text|vision)\s+)?(?:model|llm|transformer|checkpoint|variant|dense|moe|base)\b")
_QPS = _r(rf"{MOD}{{0,2}}(?P<u>qps|rps|tps|qpd|rpm|req/s|requests/s|queries per second|requests per second)\b")
# An arrival verb between the noun and its period still makes a rate: "2.6 million events land in the lake each day".
_ARRIVE = (r"(?:\s+(?:land|arrive|come in|flow in|pour in|stream in|get (?:written|logged|stored|ingested)|"
           r"are (?:written|logged|stored|ingested|processed|created))(?:\s+(?:in|into|on|to)\s+(?:the\s+|our\s+)?"
           r"[a-z-]+)?)")
_RATE_NOUN = _r(rf"{MOD}{{0,2}}(?P<noun>{RATE_NOUNS})\b(?P<who1>\s+{PER_WHO}\b|\s+each(?=\s+(?:a|an|per|every)\s))?{_ARRIVE}?"
                rf"\s*,?\s*{PERIOD}"
                rf"(?P<who2>\s+{PER_WHO}\b|\s+each\b)?")
_ADVERB_NOUN = _r(rf"(?P<adv>daily|nightly|hourly|weekly|monthly)\s+{MOD}{{0,1}}(?P<noun>{RATE_NOUNS})\b")
_DATA = _r(rf"{MOD}{{0,2}}(?P<noun>{DATA_NOUNS})\b")
# a user noun that names a thing of theirs is no head count: "one billion user vectors", "10M customer records"
_USERS = _r(rf"{MOD}{{0,3}}(?P<u>{USER_NOUNS})\b(?!\s+(?:vectors?|embeddings?|ids?|features?|profiles?|records?|rows?|"
            r"events?|data|histor(?:y|ies)|tables?|logs?|requests?|queries|sessions?|photos?|images?|messages?)\b)")
# any plural noun that acts on its own ("fifteen million learners each finish thirty exercises a day"): people
_EACH_ACTOR = _r(rf"{MOD}{{0,1}}(?P<u>[a-z]{{3,}}s)(?=\s+each\s+(?!(?:of|so|and|or|but|which|that|is|are|at|in|on|with|for|"
                 r"way|time|day|second|year|month|week|hour)\b)[a-z]+)")
# thousands of people or more are a product's users ("twelve million people use the app"), not a team
_PEOPLE = _r(r"(?:people|persons)\b")
_COMPUTE = _r(rf"{MOD}{{0,2}}(?P<u>{COMPUTE_NOUNS})\b(?P<each>\s+each\b)?")
_MONEY = _r(r"(?P<u>dollars?|bucks|usd|grand)\b")
_CENTS = _r(r"cents?\b")
_MS = _r(r"(?:ms|msec|millis|milliseconds?)\b")
_US = re.compile(r"^(?:us\b|\s*(?:µs|μs|microseconds?|micros)\b)", re.I)
_SECONDS = _r(r"(?:s|sec|secs|seconds?)\b")
_DURATION = _r(rf"{MOD}{{0,1}}(?P<u>minutes?|mins?|hours?|hrs?|h|days?|nights?|weeks?|wks?|fortnights?|sprints?|months?|"
               r"quarters?|years?|yrs?)\b(?!\s+(?:ago|earlier)\b)")
# a length said as the adjective of a period or a stretch of work: "thirty day month", "40-hour week", "two-hour window"
_PERIOD_OF = _r(r"-?\s*(?P<u>minute|hour|day|week|month)\s+(?:month|day|week|year|window|shift|run|job|batch|"
                r"sprint|quarter)\b")
_BARE_RATE = _r(rf"{PERIOD}")
# any plural count said per period ("250 car passes a second", "forty songs a day"): not a period or a unit
_ANY_RATE = _r(rf"{MOD}{{0,1}}(?P<noun>(?!(?:{_PERIOD_WORDS}|minutes|hours|days|weeks|months|years|times|percent|"
               rf"bytes|bits|dollars|cents|users|people|gpus|machines)\b)[a-z]{{3,}}(?:-[a-z]+)?s)\s*,?\s*{PERIOD}")
_FACTOR = _r(r"(?:x|×|times)(?:\b|(?=\s|$))")
# (a price said "each per hour": "three dollars each per hour")
_COST_PERIOD = re.compile(rf"^\s*(?:(?:each|apiece)\s+(?=per\b|an?\b|every\b))?"
                          rf"(?:(?:per|an?|each|for each)\s+(?P<gpu>gpu[- ]?hour)\b|{PERIOD}|"
                          r"per\s+(?P<unit>hour|run|query|request|month)|"
                          r"(?P<adv>daily|nightly|hourly|weekly|monthly|yearly|annually)\b)", re.I)   # "$9,000 monthly"

LATENCY_CTX = re.compile(r"latency|\bp\s?(?:50|90|95|99|999)\b|\bp (?:fifty|ninety)|respon|timeout|\bslo\b|\bsla\b|"
                         r"round trip|first token|come back|return|render|page load", re.I)
DURATION_CTX = re.compile(r"\btook\b|\btakes?\b|train|epoch|\bjob\b|\brun\b|retrain|backfill|pipeline|watch|"
                          r"\bevery\b|\bfor\b|retention|\bkeep\b|divided", re.I)


def _byte_factor(m: re.Match[str]) -> float:
    key = (m.group("p") or m.group("w") or m.group("g") or "").lower()
    return BYTE_PREFIX.get(key, 1)


def match_unit(tail: str, suffix: str, sentence: str, raw: float) -> UnitMatch | None:
    """The unit right after a number, or None. `sentence` decides seconds vs latency."""
    if m := _PCT.match(tail):
        return UnitMatch("percent", "%", 1, m.group(0).strip(), m.end())
    if m := _BITS.match(tail):
        key = (m.group("p") or m.group("w") or "").lower()
        return UnitMatch("bandwidth", "B/s", BYTE_PREFIX[key] / 8, m.group(0).strip(), m.end())
    if m := _BYTES_RATE.match(tail):
        return UnitMatch("bandwidth", "B/s", _byte_factor(m), m.group(0).strip(), m.end())
    if m := _LINK_SPEED.match(tail):
        return UnitMatch("bandwidth", "B/s", BYTE_PREFIX[m.group("g").lower()] / 8, m.group(0).strip(), m.end())
    if m := _BYTES.match(tail):
        return _storage(tail, m)
    if m := _PARAMS.match(tail):
        return UnitMatch("model_size", "params", 1, m.group(0).strip(), m.end())
    if raw >= 1e6 and (m := _WEIGHTS.match(tail)):
        return UnitMatch("model_size", "params", 1, m.group(0).strip(), m.end())
    if suffix in ("b", "B") and (m := _MODEL.match(tail)):
        return UnitMatch("model_size", "params", 1, suffix, 0)
    if raw >= 1e6 and (m := _MODEL.match(tail)):      # "the seventy billion model": its parameters
        return UnitMatch("model_size", "params", 1, "", 0)
    if m := _QPS.match(tail):
        u = m.group("u").lower()
        per = {"qpd": 86400, "rpm": 60}.get(u, 1)
        return UnitMatch("throughput", "/s", 1 / per, m.group(0).strip(), m.end(), period_s=per)
    if m := _RATE_NOUN.match(tail):
        per = PERIOD_S[m.group("per").lower()]
        flags = {"per_user"} if (m.group("who1") or (m.group("who2") or "").strip() not in ("", "each")) else set()
        if (m.group("who2") or "").strip() == "each":
            flags.add("each")
        return UnitMatch("throughput", "/s", 1 / per, m.group(0).strip(), m.end(), frozenset(flags), per)
    if m := _ADVERB_NOUN.match(tail):
        per = PERIOD_S[_ADVERB_PERIOD[m.group("adv").lower()]]
        return UnitMatch("throughput", "/s", 1 / per, m.group(0).strip(), m.end(), period_s=per)
    if m := _COMPUTE.match(tail):
        u = m.group("u").lower().replace(" ", "-")
        unit = "GPU-hours" if "hour" in u else u.rstrip("s") + "s"
        unit = unit.upper()[:-1] + "s" if unit[:-1] in ("gpu", "tpu", "cpu", "vcpu") else unit
        unit = "GPUs" if re.fullmatch(r"[a-z]\d{2,3}s", unit) else unit        # "256 H100s" are GPUs
        each = frozenset({"each"}) if m.group("each") else frozenset()
        return UnitMatch("compute", unit, 1, m.group(0).strip(), m.end(), each)
    if m := _USERS.match(tail):
        u = m.group(0).lower()
        flags = {"dau"} if ("dau" in u or "daily" in u) else ({"mau"} if ("mau" in u or "monthly" in u) else set())
        return UnitMatch("users", "users", 1, m.group(0).strip(), m.end(), frozenset(flags))
    if m := _ANY_RATE.match(tail):
        per = PERIOD_S[m.group("per").lower()]
        return UnitMatch("throughput", "/s", 1 / per, m.group(0).strip(), m.end(), period_s=per)
    if m := _DATA.match(tail):
        return UnitMatch("dataset", "items", 1, m.group(0).strip(), m.end())
    if raw >= 1000 and (m := _EACH_ACTOR.match(tail) or _PEOPLE.match(tail)):
        return UnitMatch("users", "users", 1, m.group(0).strip(), m.end())
    if m := _CENTS.match(tail):          # "25 cents per million requests"
        return _cost(tail, m.end(), 0.01, m.group(0).strip())
    if m := _MONEY.match(tail):
        um = _cost(tail, m.end(), 1, m.group(0).strip())
        return UnitMatch(um.kind, um.unit, um.factor, um.said, um.length,
                         frozenset({"grand"}) if m.group("u").lower() == "grand" else um.flags, um.period_s)
    if m := _MS.match(tail):
        return UnitMatch("latency", "s", 1e-3, m.group(0).strip(), m.end())
    if m := _US.match(tail):
        return UnitMatch("latency", "s", 1e-6, m.group(0).strip(), m.end())
    if m := _SECONDS.match(tail):
        lat, dur = bool(LATENCY_CTX.search(sentence)), bool(DURATION_CTX.search(sentence))
        kind = "latency" if (lat and not dur) or (lat == dur and raw <= 10) else "duration"
        return UnitMatch(kind, "s", 1, m.group(0).strip(), m.end())
    if m := _PERIOD_OF.match(tail):      # "a thirty day month", "a 24-hour day": the period's length
        return UnitMatch("duration", "s", DURATION_S[m.group("u").lower()], m.group(0).strip(), m.end())
    if m := _DURATION.match(tail):
        u = m.group("u").lower().rstrip("s") or "h"
        u = {"mins": "min", "hrs": "hr", "yrs": "yr", "wks": "wk", "night": "day"}.get(u, u)
        return UnitMatch("duration", "s", DURATION_S.get(u, DURATION_S.get(u.rstrip("s"), 86400)),
                         m.group(0).strip(), m.end())
    if (m := _BARE_RATE.match(tail)) and (m.group("per").lower() in ("second", "sec", "s", "minute", "min")
                                          or raw >= 1000):
        per = PERIOD_S[m.group("per").lower()]
        return UnitMatch("throughput", "/s", 1 / per, m.group(0).strip(), m.end(), period_s=per)
    if m := _FACTOR.match(tail):
        return UnitMatch("factor", "x", 1, m.group(0).strip(), m.end())
    return None


def _storage(tail: str, m: re.Match[str]) -> UnitMatch:
    factor = _byte_factor(m)
    rest = tail[m.end():]
    flags: set[str] = set()
    if p := _PER_PARAM.match(rest):
        flags.add("per_param")
        return UnitMatch("storage", "B", factor, (m.group(0) + p.group(0)).strip(), m.end() + p.end(),
                         frozenset(flags))
    if r := _STORAGE_RATE.match(rest):
        per = PERIOD_S[r.group("per").lower()]
        unit = {86400: "B/day", 2_592_000: "B/month", 31_536_000: "B/year", 3600: "B/hour"}.get(per, "B/day")
        return UnitMatch("storage", unit, factor, (m.group(0) + r.group(0)).strip(), m.end() + r.end(),
                         frozenset({"rate"}), per)
    if _PER_ITEM.match(rest) or _SIZED_THINGS.match(rest):
        flags.add("per_item")
    return UnitMatch("storage", "B", factor, m.group(0).strip(), m.end(), frozenset(flags))


def _cost(tail: str, end: int, factor: float, said: str) -> UnitMatch:
    rest = tail[end:]
    if p := _COST_PERIOD.match(rest):
        per_word = (p.group("gpu") or p.group("per") or p.group("unit") or
                    _ADVERB_PERIOD.get((p.group("adv") or "").lower(), "")).lower().replace(" ", "-")
        if per_word.startswith("gpu"):
            unit = "$/GPU-hour"
        else:
            per_word = {"sec": "second", "s": "second", "min": "minute", "hr": "hour", "h": "hour"}.get(per_word,
                                                                                                     per_word)
            unit = f"$/{per_word}"
        return UnitMatch("cost", unit, factor, (said + " " + p.group(0).strip()).strip(), end + p.end(),
                         period_s=PERIOD_S.get(per_word, 0))
    return UnitMatch("cost", "$", factor, said, end)


def dollar_match(tail: str) -> UnitMatch:
    """A number written after '$': cost, with its period if one follows."""
    m = _MONEY.match(tail)
    end = m.end() if m else 0
    return _cost(tail, end, 1, "$")
