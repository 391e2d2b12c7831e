"""The words a regular expression cannot match without: a cheap test before a slow search.

`required(pattern)` reads the pattern's syntax tree and returns strings of which every match must contain at least
one (the literal text of one of its mandatory parts: "so i led the" or "so i owned the" for
`\\bso i (?:led|owned) the\\b`), or None when it cannot name any worth testing. Then `any(s in text for s in
required(p))` is False only when `p.search(text)` would find nothing, and the substring tests cost a fraction of the
search. Zero-width parts (anchors, look-arounds) consume nothing, so the literals either side of them stay one run.
A case-insensitive pattern's strings are tested on the lowered text when it is ASCII (on other text, where Unicode's
case folding has its own pairs, it is always searched).
"""
from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

# CPython's own parser of regular expressions and its opcodes (3.11+; the public names of old are deprecated)
sre_parse: Any = importlib.import_module("re._parser")
sre_c: Any = importlib.import_module("re._constants")

MAX_STRINGS = 48         # a longer list of alternatives costs more to test than it saves
MIN_LENGTH = 2           # a single character is in almost every sentence
LONG_ENOUGH = 5          # strings this long are rare enough: fewer of them is then the better test
_ZERO_WIDTH = {sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT}


class _Node:
    """What one part of a pattern matches: `exact`, the strings it matches and nothing else (None when it can match
    other text), and `needed`, the best set of strings one of which any match of it contains (None: none known)."""
    __slots__ = ("exact", "needed")

    def __init__(self, exact: frozenset[str] | None, needed: frozenset[str] | None) -> None:
        self.exact = exact
        self.needed = needed


def _score(strings: frozenset[str] | None) -> tuple[int, int]:
    if not strings:
        return (0, 0)
    return (min(LONG_ENOUGH, min(len(s) for s in strings)), -len(strings))


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    return b if _score(b) > _score(a) else a


def _cross(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > MAX_STRINGS:
        return None
    return frozenset(x + y for x in a for y in b)


def _sequence(items: Iterable[tuple[Any, Any]]) -> _Node:
    run: frozenset[str] | None = frozenset({""})      # the literal run being read, as its possible strings
    exact = True
    best: frozenset[str] | None = None
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre_c.LITERAL:
            sub = _Node(frozenset({chr(arg)}), frozenset({chr(arg)}))
        else:
            sub = _part(op, arg)
        if sub.exact is not None and run is not None and (joined := _cross(run, sub.exact)) is not None:
            if len(sub.exact) > 1:       # the run so far is in every match too, and it is one test where these are many
                best = _better(_better(best, run), sub.exact if "" not in sub.exact else None)
            run = joined
            continue
        best = _better(_better(best, run), sub.needed)    # the run ends here; the part keeps its own needs
        run = sub.exact if sub.exact is not None and len(sub.exact) <= MAX_STRINGS else frozenset({""})
        exact = False
    best = _better(best, run)
    return _Node(run if exact else None, best)


def _part(op: Any, arg: Any) -> _Node:
    if op is sre_c.SUBPATTERN:
        _group, add_flags, _del_flags, body = arg
        if add_flags & re.IGNORECASE:
            return _Node(None, None)
        return _sequence(body)
    if op is sre_c.BRANCH:
        nodes = [_sequence(alt) for alt in arg[1]]
        exacts = [n.exact for n in nodes]
        exact = frozenset().union(*exacts) if all(e is not None for e in exacts) else None   # type: ignore[arg-type]
        if exact is not None and len(exact) > MAX_STRINGS:
            exact = None
        wants = [n.exact if n.exact is not None and "" not in n.exact else n.needed for n in nodes]
        needed = None
        if all(w for w in wants):
            union = frozenset().union(*wants)                 # type: ignore[arg-type]
            needed = union if len(union) <= MAX_STRINGS else None
        return _Node(exact, needed)
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
        lo, hi, body = arg
        node = _sequence(body)
        if lo == hi == 1:
            return node
        if lo == 0 and hi == 1 and node.exact is not None:
            return _Node(node.exact | {""}, None)
        if lo >= 1:
            return _Node(None, node.needed)
        return _Node(None, None)
    if op is sre_c.ATOMIC_GROUP:
        return _sequence(arg)
    return _Node(None, None)          # a class of characters, any character, a back-reference: no literal known


_KNOWN: dict[int, tuple[re.Pattern[str], tuple[str, ...] | None, bool]] = {}   # by id: hashing a pattern hashes its code


def required(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings of which every match of `pattern` contains one, or None (see the module docstring). For a
    case-insensitive pattern they are lowered, and only ASCII ones are given (`may_match` tests them on the lowered
    text, when the text is ASCII)."""
    return _known(pattern)[1]


def _known(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], tuple[str, ...] | None, bool]:
    """The pattern, its `required` strings and whether it ignores case: read once per pattern."""
    known = _KNOWN.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known
    if len(_KNOWN) >= 8192:
        _KNOWN.clear()
    known = _KNOWN[id(pattern)] = (pattern, _required(pattern), bool(pattern.flags & re.IGNORECASE))
    return known


def _required(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    if not isinstance(pattern.pattern, str):
        return None
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    needed = _sequence(tree).needed
    if not needed or min(len(s) for s in needed) < MIN_LENGTH:
        return None
    if (pattern.flags | tree.state.flags) & re.IGNORECASE:
        if not all(s.isascii() for s in needed):
            return None
        needed = frozenset(s.lower() for s in needed)
    return tuple(sorted(needed, key=lambda s: (-len(s), s)))


@lru_cache(maxsize=64)
def _lowered(text: str) -> str | None:
    """The text lowered when it is ASCII (where a case-insensitive match is a match of the lowered text), else None."""
    return text.lower() if text.isascii() else None


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when `pattern.search(text)` finds nothing (then without searching)."""
    known = _KNOWN.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _known(pattern)
    needed = known[1]
    if needed is None:
        return True
    if known[2]:
        low = _lowered(text)
        return low is None or any(map(low.__contains__, needed))
    return any(map(text.__contains__, needed))



def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)`, skipped when the text lacks what every match holds."""
    return pattern.search(text) if may_match(pattern, text) else None


class StringsFound:
    """Which of many strings a text holds, found in one scan of it rather than one substring test per string.

    The strings are put in a trie written as one regular expression that, looked for at each position, matches the
    longest of them starting there (the trie's branches differ in their first character, so the path is the text's
    own; a greedy optional tail goes as deep as the text allows). Every shorter string found at that position is a
    prefix of that longest one, so the strings held are the prefixes (among the strings) of the longest ones seen.
    """

    def __init__(self, strings: Iterable[str]) -> None:
        self.strings = frozenset(s for s in strings if s)
        self._longest = re.compile(f"(?=({_trie(self.strings)}))") if self.strings else None
        self._prefixes = {s: frozenset(p for p in self.strings if s.startswith(p)) for s in self.strings}

    def __call__(self, text: str) -> frozenset[str]:
        if self._longest is None:
            return frozenset()
        found: set[str] = set()
        for m in self._longest.finditer(text):
            found |= self._prefixes[m.group(1)]
        return frozenset(found)


def _trie(strings: Iterable[str]) -> str:
    """A regular expression of the strings as a trie (see StringsFound)."""
    root: dict[str, Any] = {}
    for s in strings:
        node = root
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}                    # a string ends here

    def tail(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + tail(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return tail(root)
