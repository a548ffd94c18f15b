"""Anchor words: run a lexicon's regular expressions only where they can match.

A lexicon regex such as ``(?:stepped|struck) (?:on )?(?:a )?mines?|land ?mines?``
can only match where one of its possible *first words* starts ("stepped",
"struck", "land...").  `first_word_prefixes` reads those prefixes off the
compiled pattern (Python's own regex parser), and `AnchorIndex.starts` finds,
in one pass over the distinct words of a text, where each pattern may start.
The patterns are then tried at those offsets only — the same matches, at a fraction
of the cost of one whole-text pass per pattern.  A pattern whose first word
cannot be read off (it starts with a wildcard) runs everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from re import _constants as C  # noqa: N812 - the parser's opcode names
from re import _parser as sre_parse  # the stdlib regex parser (private but stable since 3.11)

# a prefix shorter than this cannot be indexed: the pattern runs everywhere
MIN_PREFIX = 2
# distinct words remembered across texts before the memo starts afresh
WORD_CACHE_SIZE = 200_000
# give up enumerating a pattern's first words past this many alternatives
MAX_PREFIXES = 4000
_WORD = re.compile(r"[0-9A-Za-z\u00c0-\uffff][0-9A-Za-z\u00c0-\uffff'’]*")


class _Open(Exception):
    """The pattern's first word cannot be enumerated."""


def _expand(items: list, prefixes: set[str]) -> set[tuple[str, bool]]:
    """(prefix, done) pairs after consuming ``items`` from each prefix in ``prefixes``."""
    states = {(p, False) for p in prefixes}
    for op, av in items:
        if all(done for _, done in states):
            break
        nxt: set[tuple[str, bool]] = set()
        for pre, done in states:
            if done:
                nxt.add((pre, True))
                continue
            nxt |= _step(op, av, pre)
        if len(nxt) > MAX_PREFIXES:
            raise _Open
        states = nxt
    return states


def _chars(op: int, av: object) -> list[str] | None:
    if op == C.LITERAL:
        return [chr(av).lower()]  # type: ignore[arg-type]
    if op == C.IN:
        out = []
        for sub_op, sub_av in av:  # type: ignore[union-attr]
            if sub_op == C.LITERAL:
                out.append(chr(sub_av).lower())
            elif sub_op == C.RANGE and sub_av[1] - sub_av[0] < 12:
                out.extend(chr(c).lower() for c in range(sub_av[0], sub_av[1] + 1))
            else:
                return None
        return out
    return None


def _step(op: int, av: object, pre: str) -> set[tuple[str, bool]]:
    chars = _chars(op, av)
    if chars is not None:
        out = set()
        for ch in chars:
            if ch.isalnum() or ch in "'’":
                out.add((pre + ch, False))
            else:  # a space or hyphen ends the first word
                if len(pre) < MIN_PREFIX:
                    raise _Open
                out.add((pre, True))
        return out
    if op == C.SUBPATTERN:
        return _expand(list(av[-1]), {pre})  # type: ignore[index]
    if op == C.BRANCH:
        out = set()
        for alt in av[1]:  # type: ignore[index]
            out |= _expand(list(alt), {pre})
        return out
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, hi, body = av  # type: ignore[misc]
        if hi <= 1:
            skipped = {(pre, False)} if lo == 0 else set()
            return skipped | _expand(list(body), {pre})
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {(pre, False)}
    # anything else (\w, ., long repeats): the word's literal part ends here
    if len(pre) < MIN_PREFIX:
        raise _Open
    return {(pre, True)}


def flex_spaces(pattern: str) -> str:
    """A lexicon pattern whose literal spaces match any run of whitespace: wire copy wraps lines
    inside names and phrases ("FARABUNDO\\nMARTI NATIONAL LIBERATION FRONT").  A space inside a
    character class or a look-behind stays as written (a look-behind must keep its width); a
    quantified space (" ?") becomes one optional whitespace."""
    out: list[str] = []
    in_class = escaped = False
    groups: list[bool] = []  # per open group: is it a look-behind?
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            groups.append(pattern.startswith(("(?<=", "(?<!"), i))
        elif ch == ")" and groups:
            groups.pop()
        elif ch == " " and not any(groups):
            out.append(r"\s" if pattern[i + 1 : i + 2] in ("?", "*", "+", "{") else r"\s+")
            continue
        out.append(ch)
    return "".join(out)


def first_word_prefixes(pattern: str) -> set[str] | None:
    """Lower-case prefixes one of which every match's first word starts with; None if unknown."""
    try:
        parsed = sre_parse.parse(pattern)
        states = _expand(list(parsed), {""})
    except (_Open, re.error, RecursionError):
        return None
    out = set()
    for pre, _done in states:
        if len(pre) < MIN_PREFIX:
            return None
        out.add(pre)
    return out


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "'’"


class AnchorIndex:
    """Which patterns may match on which lines of a text."""

    def __init__(self, patterns: Iterable[str], *, flags: int = 0) -> None:
        self.by_key: dict[str, list[tuple[int, str]]] = {}
        self.always: set[int] = set()
        self._word_cache: dict[str, tuple[int, ...]] = {}  # word -> patterns it may start (bounded)
        for i, pattern in enumerate(patterns):
            prefixes = first_word_prefixes(pattern)
            if prefixes is None:
                self.always.add(i)
                continue
            for pre in prefixes:
                self.by_key.setdefault(pre[:MIN_PREFIX], []).append((i, pre))

    def _rules_for(self, word: str) -> tuple[int, ...]:
        seen = self._word_cache
        found = seen.get(word)
        if found is None:
            if len(seen) > WORD_CACHE_SIZE:
                seen.clear()
            found = tuple(sorted({i for i, pre in self.by_key.get(word[:MIN_PREFIX], ()) if word.startswith(pre)}))
            seen[word] = found
        return found

    def _hits(self, text: str) -> dict[int, list[int]]:
        """pattern index -> start offsets of the words that may begin one of its matches."""
        hits: dict[int, list[int]] = {}
        lower = text.lower()
        if len(lower) != len(text):  # a letter whose lower case changes length: go word by word
            for m in _WORD.finditer(text):
                for i in self._rules_for(m.group(0).lower()):
                    hits.setdefault(i, []).append(m.start())
            return hits
        # distinct words first (C speed), then each anchor word's occurrences with str.find
        for word in set(_WORD.findall(lower)):
            found = self._rules_for(word)
            if not found:
                continue
            n = len(word)
            pos = lower.find(word)
            while pos >= 0:
                end = pos + n
                if (pos == 0 or not _is_word_char(lower[pos - 1])) and (end == len(lower) or not _is_word_char(lower[end])):
                    for i in found:
                        hits.setdefault(i, []).append(pos)
                pos = lower.find(word, end)
        for starts in hits.values():
            starts.sort()
        return hits

    def starts(self, text: str) -> dict[int, list[int]]:
        """pattern index -> sorted offsets where one of its matches may start."""
        return self._hits(text)


class LazyPattern:
    """A regular expression compiled on its first use.  A lexicon holds hundreds of them and an
    article needs the few whose anchor words it contains, so compiling them all up front is most
    of a lexicon's load time (Python's regex parser is pure Python)."""

    __slots__ = ("pattern", "flags", "_rx")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._rx: re.Pattern[str] | None = None

    @property
    def rx(self) -> re.Pattern[str]:
        if self._rx is None:
            self._rx = re.compile(self.pattern, self.flags)
        return self._rx

    @property
    def compiled(self) -> bool:
        """Whether the pattern has been compiled yet."""
        return self._rx is not None

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.rx.match(text, pos)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.rx.search(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.rx.finditer(text)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"


def match_at(
    rx: re.Pattern[str] | LazyPattern, text: str, starts: Iterable[int], *, always: bool = False
) -> Iterator[re.Match[str]]:
    """The matches ``rx.finditer(text)`` would give, tried only at ``starts`` (or everywhere)."""
    if always:
        yield from rx.finditer(text)
        return
    last_end = -1
    for pos in starts:
        if pos < last_end:
            continue
        m = rx.match(text, pos)
        if m is not None and m.end() > m.start():
            last_end = m.end()
            yield m
