"""Steps 2-5 of the date stage: `DateRecognizer` selects, joins, resolves and flags candidates.

The grammar's candidates (`clashlog.stages.date_grammar`) become
`DateMention` objects here: overlapping candidates are resolved (longest
first), night prefixes and ranges joined, anaphors ("the next day") and
future clauses resolved, background and reporting dates flagged, and clock
times attached.  The cascade and its conventions are described in
`clashlog.stages.dates`, which builds the recognizer and holds the public API.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import re
from datetime import date, timedelta

from ..model import DateMention
from .date_calendar import FUTURE_TOLERANCE_DAYS, clock, mkdate, range_precision
from .date_grammar import DateGrammar
from .date_lexicon import alternation
from .date_scan import Candidate, Scan, select

logger = logging.getLogger(__name__)

BACKGROUND_RECENT_DAYS = 7  # cue words mark a date as background only if older than this
WEAK_BACKGROUND_DAYS = 31  # "since <date>" is background only if older than this
STALE_DAYS = 366  # an explicit date older than this before the reference is background
BACKGROUND_WINDOW_WORDS = 6  # how far back in the clause a background cue may stand
SANE_REFERENCE = (date(1000, 1, 1), date(9000, 12, 31))  # date arithmetic stays in range
PROXY_SHIFT_DAYS = 182  # no reference: yearless dates fall within about six months of the latest dated one
DATELINE_MAX_OFFSET = 200  # a dateline starts within this many characters of the text

# words that may stand between a verb of saying and its date ("said in a statement on Monday")
_REPORTING_FILLERS = frozenset(
    {"on", "in", "at", "a", "an", "the", "statement", "interview", "press", "conference", "communique"}
    | {"briefing", "late", "early", "also", "here", "earlier"}
)
_TIME_GAP = re.compile(r"[\s,]*(?:(?:at|around|about|approximately|from|since|by)\s+)*")  # date, time
_TIME_GAP_BEFORE = re.compile(r"[\s,]*(?:on|of)?\s*")  # time, date ("at 0600 hours on 13 September")
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|until|till|through)\s*", re.IGNORECASE)
_APPOSITION_GAP = re.compile(r"\s*[,(\[]?\s*(?:the\s+)?", re.IGNORECASE)  # "Monday, 12 September"
_NIGHT = re.compile(r"night|evening|late|small|wee")
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n\s*\n")


class DateRecognizer:
    """Grammar candidates -> selected, joined, resolved and flagged mentions.  Build once."""

    def __init__(self, grammar: DateGrammar) -> None:
        self.grammar = grammar
        lexicon = grammar.lex
        c = re.compile
        self.night_prefix = c(
            r"(?:(?:during|on|in|over|from|since|starting\s+from|until|throughout)\s+)?(?:the\s+)?"
            r"(?:(?:late|early|small|wee|first)\s+)?(?:night|evening|morning|afternoon|hours|dawn|day)\s+of\s+$"
        )
        bg_before = rf"\b(?:{alternation(lexicon.background_before)})\b"
        self.bg_before = c(bg_before)
        self.bg_weak = c(rf"\b(?:{alternation(lexicon.background_weak)})\b")
        # "the November 10, 2020 statement", "last month's election"
        self.bg_after = c(rf"(?:['’]s)?\s*(?:{alternation(lexicon.background_after)})\b")
        self.future_context = c(rf"\b(?:{alternation(lexicon.future_context)})\b")
        self.clause_break = re.compile(r"[.;!?:\n]\s|\n\n")
        # "SAN SALVADOR, 3 JAN 90 (EFE) --" / "13 September 2022 10:40 (UTC+04:00)" alone on its line
        self.dateline_head = re.compile(r"(?:^|\n)[ \t]*(?:[^\n,.]{1,60},[ \t]*)?$")
        self.dateline_tail = re.compile(
            r"[ \t]*(?:\([^)\n]{0,40}\)[ \t]*)?(?:--|—)|[ \t]*(?:[,/]?[ \t]*\d{1,2}:\d\d[^\n]{0,24})?(?:\n|$)"
        )
        self.word = re.compile(r"[a-z]+")

    def find(self, text: str, reference: date | None) -> list[DateMention]:
        """All mentions in ``text``, sorted and non-overlapping.

        Without a reference, the latest event date written with its year
        (not a background date) stands in for it, for yearless dates only:
        "On December 8, 2021 ... On December 9-10, ..." still gives 2021, while
        "yesterday" or "on Monday" stay unresolved (they need the report's day).
        """
        if reference is not None and not SANE_REFERENCE[0] <= reference <= SANE_REFERENCE[1]:
            logger.debug("reference %s out of range; resolving without it", reference)
            reference = None
        sc = self.grammar.scan(text)
        found = self._find(text, sc, reference)
        if reference is None:
            dated = [m for m in found if not m.background and m.precision <= 2]
            if dated:
                # the report is from after its latest dated event: centre the year window there
                proxy = max(m.date_end or m.date for m in dated) + timedelta(days=PROXY_SHIFT_DAYS)
                found = _merge_passes([m for m in self._find(text, sc, proxy) if not m.relative], found)
        return found

    def _find(self, text: str, sc: Scan, reference: date | None) -> list[DateMention]:
        low = sc.low
        chosen = select(self.grammar.candidates(sc, reference))
        chosen = self._absorb_prefixes(low, chosen)
        chosen = self._merge(text, chosen)
        _resolve_anaphors(chosen, reference)
        self._resolve_future(low, chosen, reference)
        self._mark_background(low, chosen, reference)
        self._mark_reporting(low, chosen)
        chosen = self._attach_times(low, chosen, self.grammar.times(sc), reference)
        out = []
        for cd in chosen:
            if cd.date is None:
                continue
            out.append(
                DateMention(
                    start=cd.start,
                    end=cd.end,
                    text=text[cd.start : cd.end],
                    date=cd.date,
                    date_end=cd.date_end,
                    precision=cd.precision,
                    time_of_day=cd.time_of_day,
                    relative=cd.relative,
                    background=cd.background,
                    reporting=cd.reporting,
                )
            )
        return out

    def _absorb_prefixes(self, low: str, cands: list[Candidate]) -> list[Candidate]:
        """ "during the night of September 13": the phrase joins the mention."""
        for cd in cands:
            if cd.kind != "explicit" or cd.precision == 3:
                continue
            m = self.night_prefix.search(low, max(0, cd.start - 45), cd.start)
            if m:
                cd.start = m.start()
                if _NIGHT.search(m.group()) and cd.date_end is not None:
                    cd.precision = 1  # a night across midnight is coded to its first day
        return cands

    def _merge(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """Join "30 December to 2 January" into a range, "Monday, 12 September" into one date."""
        out: list[Candidate] = []
        for cd in cands:
            if out:
                prev = out[-1]
                gap = text[prev.end : cd.start]
                if (
                    prev.kind == cd.kind == "explicit"
                    and prev.precision < 3
                    and cd.precision < 3
                    and prev.date_end is None
                    and prev.date
                    and cd.date
                    and _RANGE_GAP.fullmatch(gap)
                ):
                    first = prev.date
                    if prev.yearless and not cd.yearless:
                        first = mkdate(cd.date.year, first.month, first.day) or first
                        if first > cd.date:
                            first = mkdate(first.year - 1, first.month, first.day) or first
                    last = cd.date_end or cd.date
                    if first < last:
                        prev.end, prev.date, prev.date_end = cd.end, first, last
                        prev.precision = range_precision(first, last)
                        prev.yearless = prev.yearless and cd.yearless
                        continue
                if (
                    ("weekday" in prev.extra or (prev.kind == "relative" and prev.precision == 1))
                    and cd.kind == "explicit"
                    and _APPOSITION_GAP.fullmatch(gap)
                ):
                    cd.start = prev.start
                    out[-1] = cd
                    continue
            out.append(cd)
        return out

    def _mark_background(self, text: str, cands: list[Candidate], ref: date | None) -> None:
        """``text`` is the lower-cased article text."""
        for cd in cands:
            if cd.date is None or cd.background:
                continue
            last = cd.date_end or cd.date
            age = (ref - last).days if ref else None
            if self._is_dateline(text, cd):
                cd.background = True  # the report's own date, not an event's
                continue
            if (
                ref is not None
                and age is not None
                and (age > STALE_DAYS or (cd.date - ref).days > FUTURE_TOLERANCE_DAYS)
            ):
                cd.background = True  # long past, or not yet happened: not this report's event
                continue
            left = self._clause_left(text, cd.start)
            strong = (age is None or age > BACKGROUND_RECENT_DAYS) and (
                self.bg_before.search(left) is not None or self.bg_after.match(text, cd.end) is not None
            )
            weak = (age is None or age > WEAK_BACKGROUND_DAYS) and cd.kind == "explicit"
            cd.background = strong or (weak and self.bg_weak.search(left) is not None)
            if cd.precision >= 3 and not cd.background:
                # "since December", "since the ouster of President Castillo last month": a month a span of
                # time runs from dates no event of the report
                cd.background = self.bg_weak.search(self._clause_left(text, cd.start, words=None)) is not None

    def _is_dateline(self, text: str, cd: Candidate) -> bool:
        """A dated line at the top: "CITY, 3 JAN 90 (AGENCY) --" or a date (and time) alone."""
        if cd.kind != "explicit" or cd.yearless or cd.precision != 1 or cd.start > DATELINE_MAX_OFFSET:
            return False
        line_start = text.rfind("\n", 0, cd.start) + 1
        if text.count("\n", 0, line_start) > 2:
            return False
        return bool(
            self.dateline_head.search(text, line_start, cd.start) and self.dateline_tail.match(text, cd.end)
        )

    def _resolve_future(self, low: str, cands: list[Candidate], ref: date | None) -> None:
        """A yearless date in a future clause ("will be held on 20 November") is the next one."""
        if ref is None:
            return
        for cd in cands:
            if not cd.yearless or cd.date is None or cd.date >= ref:
                continue
            if not self.future_context.search(self._clause_left(low, cd.start)):
                continue
            ahead = mkdate(cd.date.year + 1, cd.date.month, cd.date.day)
            if ahead is None or ahead - ref > timedelta(days=300):
                continue
            shift = ahead - cd.date
            cd.date = ahead
            cd.date_end = cd.date_end + shift if cd.date_end else None

    def _mark_reporting(self, text: str, cands: list[Candidate]) -> None:
        """ "the army reported today that ...": that day dates the report, not the event."""
        verbs = self.grammar.lex.reporting_verbs
        for cd in cands:
            if cd.precision != 1 or text.startswith("'s", cd.end) or text.startswith("’s", cd.end):
                continue
            clause = self._clause_left(text, cd.start)
            left = self.word.findall(clause)
            while left and left[-1] in _REPORTING_FILLERS:
                left.pop()
            right = self.word.match(text, cd.end + 1) if text[cd.end : cd.end + 1] == " " else None
            # "according to military sources today": the source speaks today
            source = "according" in self.word.findall(clause.rsplit(",", 1)[-1])[-5:]
            cd.reporting = bool((left and left[-1] in verbs) or (right and right.group() in verbs) or source)

    def _clause_left(self, text: str, start: int, *, words: int | None = BACKGROUND_WINDOW_WORDS) -> str:
        """The last ``words`` words (all with None) of the clause before ``start``, up to 80 characters."""
        left = text[max(0, start - 80) : start]
        cut = 0
        for m in self.clause_break.finditer(left):
            cut = m.end()
        split = left[cut:].split()
        return " ".join(split if words is None else split[-words:])

    def _attach_times(
        self, low: str, cands: list[Candidate], times: list[Candidate], ref: date | None
    ) -> list[Candidate]:
        """Clock times join the date next to them, else become mentions dated by a neighbour."""
        # a bare "10:40" right after a date (datelines, "on 12 September, 22:15")
        time_starts = [t.start for t in times]
        for cd in cands:
            if cd.kind == "explicit" and cd.time_of_day is None and cd.precision == 1:
                m = self.grammar.time_weak.match(low, cd.end)
                if m and not _overlaps(times, time_starts, m.start(), m.end()):
                    tod = clock(m["hh"], m["mi"], None)
                    if tod:
                        cd.time_of_day, cd.end = tod, m.end()
        starts = [c.start for c in cands]
        breaks = [m.start() for m in _SENTENCE_BREAK.finditer(low)] if times else []
        result = list(cands)
        for t in times:
            if _overlaps(cands, starts, t.start, t.end):
                continue
            i = bisect.bisect_left(starts, t.start)
            prev, nxt = (cands[i - 1] if i else None), (cands[i] if i < len(cands) else None)
            host = None
            if prev is not None and _can_host(prev) and _TIME_GAP.fullmatch(low, prev.end, t.start):
                host = prev
            elif nxt is not None and _can_host(nxt) and _TIME_GAP_BEFORE.fullmatch(low, t.end, nxt.start):
                host = nxt
            if host is not None:
                host.time_of_day = t.time_of_day
                host.start, host.end = min(host.start, t.start), max(host.end, t.end)
                continue
            nb = _neighbour(t, cands, starts, breaks)
            if nb is not None:
                result.append(
                    dataclasses.replace(
                        t, date=nb.date, date_end=nb.date_end, precision=nb.precision, relative=nb.relative
                    )
                )
            elif ref is not None:
                result.append(dataclasses.replace(t, date=ref, relative=True))
        result.sort(key=lambda c: c.start)
        return result


def _merge_passes(first: list[DateMention], second: list[DateMention]) -> list[DateMention]:
    """``first`` plus the relative mentions of ``second`` that do not overlap it, sorted."""
    out = list(first)
    for m in second:
        if m.relative and all(m.end <= o.start or m.start >= o.end for o in first):
            out.append(m)
    out.sort(key=lambda m: m.start)
    return out


def _resolve_anaphors(cands: list[Candidate], ref: date | None) -> None:
    """ "the next day" / "the previous day": the last day-level date before it, plus the offset.

    With no date before it, "the previous day" counts from the reference; "the
    next day" is dropped.
    """
    last: Candidate | None = None
    for cd in cands:
        if cd.anaphor is not None:
            base = last.date if last is not None else (ref if cd.anaphor <= 0 else None)
            if base is not None:
                try:
                    cd.date = base + timedelta(days=cd.anaphor)
                except OverflowError:
                    cd.date = None
        if cd.date is not None and cd.precision == 1 and not cd.background and cd.kind != "time":
            last = cd


def _can_host(cd: Candidate) -> bool:
    return cd.precision <= 2 and cd.time_of_day is None


def _overlaps(items: list[Candidate], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping ``items``."""
    i = bisect.bisect_left(starts, start)
    return (i > 0 and items[i - 1].end > start) or (i < len(items) and items[i].start < end)


def _neighbour(
    t: Candidate, cands: list[Candidate], starts: list[int], breaks: list[int]
) -> Candidate | None:
    """The closest live date in the time's sentence, else the last one before it."""
    k = bisect.bisect_left(breaks, t.start)
    s0 = breaks[k - 1] if k else 0
    s1 = breaks[k] if k < len(breaks) else 1 << 62
    lo, hi = bisect.bisect_left(starts, s0), bisect.bisect_right(starts, s1)
    same = [c for c in cands[lo:hi] if not c.background and c.date is not None and c.end <= s1 + 1]
    if same:
        return min(same, key=lambda c: abs(c.start - t.start))
    for c in reversed(cands[: bisect.bisect_left(starts, t.start)]):
        if not c.background and c.date is not None:
            return c
    return None

