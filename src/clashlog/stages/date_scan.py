"""What the date scanners work on and produce: `Scan` windows and `Candidate` mentions.

`Scan` holds the text, its lower-cased twin (same length, so offsets carry
over) and the windows around each group of anchor words (`segments`);
`Candidate` is a date mention under construction; `select` keeps the
non-overlapping ones.  Used by `clashlog.stages.date_grammar` and
`clashlog.stages.date_recognizer`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date


@dataclass
class Candidate:
    """A mention under construction, with what the resolver needs to know."""

    start: int
    end: int
    kind: str  # "explicit" | "relative" | "time"
    date: date | None = None
    date_end: date | None = None
    precision: int = 1
    time_of_day: str | None = None
    relative: bool = False
    background: bool = False
    reporting: bool = False
    yearless: bool = False  # the year came from the reference
    extra: dict[str, object] = field(default_factory=dict)
    anaphor: int | None = None  # days after the previous date ("the next day": 1)


class Scan:
    """The text, its lower-cased twin (same length) and the anchor segments."""

    def __init__(self, text: str, low: str, segs: dict[str, list[tuple[int, int]]]) -> None:
        self.text, self.low, self.segs = text, low, segs

    def iter(self, rx: re.Pattern[str], anchor: str) -> Iterator[re.Match[str]]:
        for a, b in self.segs[anchor]:
            yield from rx.finditer(self.low, a, b)


_SEG_BEFORE = 60  # characters scanned before an anchor ("between 9 and 11 December")
_SEG_AFTER = 40  # and after it ("December 9-10, 2021 at 0600 hours")
_SPACE = re.compile(r"\s")
FULL_SCAN_SHARE = 0.6  # windows covering more of the text than this: scan it whole


def segments(hits: list[int], low: str) -> list[tuple[int, int]]:
    """Merged windows around the anchor hits (sorted start offsets), ending on whitespace."""
    segs: list[tuple[int, int]] = []
    a = b = -1
    for h in hits:
        s, e = max(0, h - _SEG_BEFORE), h + _SEG_AFTER
        if s <= b:
            b = e
            continue
        if b >= 0:
            segs.append((a, b))
        a, b = s, e
    if b >= 0:
        segs.append((a, b))
    out = []
    for a, b in segs:
        sp = _SPACE.search(low, b) if b < len(low) else None
        out.append((a, sp.start() if sp else len(low)))
    if sum(b - a for a, b in out) > FULL_SCAN_SHARE * len(low):
        return [(0, len(low))]  # dense text: one pass is cheaper than many windows
    return out


def lower_same_length(text: str) -> str:
    """Lower case with the same length (so offsets carry over)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)



def select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longest first, then earliest."""
    chosen: list[Candidate] = []  # kept sorted by start
    starts: list[int] = []
    for cd in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        i = bisect.bisect_left(starts, cd.start)
        if (i > 0 and chosen[i - 1].end > cd.start) or (i < len(chosen) and chosen[i].start < cd.end):
            continue
        starts.insert(i, cd.start)
        chosen.insert(i, cd)
    return chosen
