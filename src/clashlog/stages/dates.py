"""Time expressions -> resolved dates (the ``clashlog_dates`` stage).

The recognizer is a compiled regular grammar over the raw text (no
per-token work, no dateparser in the hot path).  The cascade:

1. **Candidates.**  Each pattern family scans the text once: ISO and numeric
   dates, day-month and month-day dates with optional year, day ranges
   ("December 9-10", "between 9 and 11 December"), month-year, month alone
   and year alone behind a preposition ("in January", "in 2019"), "on the
   13th", weekdays ("on Monday"), day words ("yesterday afternoon"), spans
   ("last week", "over the past month", "two days ago"), and clock times
   ("at 0600 hours", "at 6 a.m.").
2. **Selection.**  Overlapping candidates: the longest wins (then the
   earliest).  A phrase like "during the night of" / "late hours of" in
   front of a date is absorbed into the mention; two dates joined by "to" /
   "-" / "between ... and" become one range; a weekday in front of an
   explicit date ("Monday, 12 September") is absorbed.
3. **Resolution.**  Every date is resolved against the *reference* (the
   publication date).  A missing year comes from the reference, never from
   another date in the text; a yearless date more than
   `FUTURE_TOLERANCE_DAYS` after the reference belongs to the previous year.
4. **Clock times** directly next to a date are attached to it; others become
   their own mention carrying the neighbouring date (same sentence, else the
   last preceding one, else the reference).
5. **Background.**  A date inside a clause about an unrelated past thing
   ("an accord signed on March 3, 2019", "the statement of 10 November
   2020", "since the 2020 war", a dateline) gets ``background=True`` so the
   event coder skips it.  The cue words live in ``lexicons/dates.tsv``.

Conventions (ACLED time_precision): 1 a day, 2 a range within a week,
3 a month or vaguer.  "on the night of 12 to 13 September" is coded to the
first day with ``date_end`` on the second and precision 1 (ACLED codes a
night to the day it began).  Month- and year-level mentions run from the
first day to the last (capped at the reference).
"""

from __future__ import annotations

import calendar
import dataclasses
import functools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from importlib import resources

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc

from ..model import DateMention

logger = logging.getLogger(__name__)

LEXICON_FILE = "dates.tsv"
FUTURE_TOLERANCE_DAYS = 7  # a yearless date this far after the reference is still this year
BACKGROUND_RECENT_DAYS = 7  # cue words mark a date as background only if older than this
WEAK_BACKGROUND_DAYS = 31  # "since <date>" is background only if older than this
STALE_DAYS = 366  # an explicit date older than this before the reference is background
BACKGROUND_WINDOW_WORDS = 6  # how far back in the clause a background cue may stand
TWO_DIGIT_YEAR_BACK = 90  # "29 DEC 89": the century that puts the year in [ref-90, ref+9]
MAX_INPUT_FOR_FALLBACK = 60  # dateparser fallback only for short expressions


# ------------------------------------------------------------------ lexicon


@dataclass(frozen=True)
class DateLexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    day_offsets: dict[str, int]
    parts_of_day: tuple[str, ...]
    periods: dict[str, tuple[str, int]]
    future_cues: frozenset[str]
    background_before: tuple[str, ...]
    background_weak: tuple[str, ...]
    background_after: tuple[str, ...]
    reporting_verbs: frozenset[str]
    future_context: tuple[str, ...]


def load_lexicon(text: str | None = None) -> DateLexicon:
    """Parse ``lexicons/dates.tsv`` (or the given TSV text)."""
    if text is None:
        text = resources.files("clashlog.lexicons").joinpath(LEXICON_FILE).read_text("utf-8")
    tables: dict[str, list[list[str]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, *rest = line.rstrip("\n").split("\t")
        tables.setdefault(kind, []).append([r.strip().lower() for r in rest])

    def col(kind: str) -> list[list[str]]:
        return tables.get(kind, [])

    return DateLexicon(
        months={r[0]: int(r[1]) for r in col("month")},
        weekdays={r[0]: int(r[1]) for r in col("weekday")},
        numbers={r[0]: int(r[1]) for r in col("number")},
        day_offsets={r[0]: int(r[1]) for r in col("day_offset")},
        parts_of_day=tuple(r[0] for r in col("part_of_day")),
        periods={r[0]: (r[1], int(r[2])) for r in col("period")},
        future_cues=frozenset(r[0] for r in col("future_cue")),
        background_before=tuple(r[0] for r in col("background_before")),
        background_weak=tuple(r[0] for r in col("background_weak")),
        background_after=tuple(r[0] for r in col("background_after")),
        reporting_verbs=frozenset(r[0] for r in col("reporting_verb")),
        future_context=tuple(r[0] for r in col("future_context")),
    )


def _alt(words: object) -> str:
    """A regex alternation of phrases, longest first, spaces as any whitespace."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


# ------------------------------------------------------------------ grammar

_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR4 = r"(?:1[89][0-9]{2}|20[0-9]{2})(?![0-9]|[.,][0-9])"
_LEFT = r"(?<![\w.,/:+\-–])"  # not glued to a number, code or ratio ("3+3", "1,500")
_RSEP = r"\s*(?:-|–|—|to|until|till|through|and)\s*(?:the\s+)?"
_AMBIGUOUS_MONTHS = {
    "may",
    "march",
    "mar",
    "jun",
    "jan",
    "dec",
    "oct",
    "sep",
    "sept",
    "nov",
    "aug",
    "feb",
    "apr",
    "jul",
}


# words that may stand between a verb of saying and its date ("said in a statement on Monday")
_REPORTING_FILLERS = frozenset(
    {"on", "in", "at", "a", "an", "the", "statement", "interview", "press", "conference", "communique"}
    | {"briefing", "late", "early", "also", "here", "earlier"}
)


@dataclass
class _Cand:
    """A mention under construction, with what the resolver needs to know."""

    start: int
    end: int
    kind: str  # "explicit" | "relative" | "time" | "period"
    date: date | None = None
    date_end: date | None = None
    precision: int = 1
    time_of_day: str | None = None
    relative: bool = False
    background: bool = False
    reporting: bool = False
    yearless: bool = False
    night: bool = False
    extra: dict[str, object] = field(default_factory=dict)


class DateGrammar:
    """The compiled date grammar; build once (see `default_grammar`)."""

    def __init__(self, lexicon: DateLexicon) -> None:
        self.lex = lexicon
        full = [w for w in lexicon.months if len(w) > 4]
        abbrev = [w for w in lexicon.months if len(w) <= 4]
        mon = rf"(?P<mon>(?:{_alt(full)})(?![a-z])|(?:{_alt(abbrev)})(?![a-z])\.?)"
        weekdays = _alt(lexicon.weekdays)
        nums = _alt(lexicon.numbers)
        c = re.compile  # every pattern runs over the lower-cased text
        self.iso = c(
            r"(?<![\w/.\-])(?P<y>1[89]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
            r"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::\d\d(?:\.\d+)?)?)?(?![\w\-])"
        )
        self.numeric = c(
            r"(?<![\w/.\-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?![\w/\-]|\.\d)"
        )
        self.dmy_range = c(
            rf"{_LEFT}(?:(?P<pre>between|from)\s+)?(?:the\s+)?(?P<d1>{_DAY}){_RSEP}(?P<d2>{_DAY})"
            rf"(?:\s+of)?[\s\-]+{mon}(?:,?\s+(?P<y>{_YEAR4}))?"
        )
        self.mdy_range = c(
            rf"{_LEFT}(?:(?P<pre>between|from)\s+)?{mon}\s+(?P<d1>{_DAY}){_RSEP}(?P<d2>{_DAY})"
            rf"(?![\w:]|[.,]\d)(?:,?\s+(?P<y>{_YEAR4}))?"
        )
        self.dmy = c(
            rf"{_LEFT}(?P<d>{_DAY})(?:\s+of)?[\s\-]+{mon}"
            rf"(?:(?:,?\s*|-)(?P<y>{_YEAR4})|[\s\-]+(?P<yy>'?\d\d)(?![\w:]|[.,]\d))?"
        )
        self.mdy = c(rf"{_LEFT}{mon}\s+(?P<d>{_DAY})(?![\w:]|[.,]\d)(?:,?\s+(?P<y>{_YEAR4}))?")
        self.month_year = c(
            rf"(?<![\w\-])(?:(?P<pre>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
            rf"|the\s+middle\s+of)[\s\-]+)?{mon},?\s+(?P<y>{_YEAR4})"
        )
        self.month_only = c(
            rf"\b(?P<pre>in|during|since|until|by|throughout|early|late|mid|end\s+of|beginning\s+of"
            rf"|start\s+of|middle\s+of|last|this|of)(?:\s+(?:early|late|mid))?[\s\-]+{mon}"
        )
        self.year = c(
            rf"\b(?P<pre>in|during|since|until|by|throughout|from|before|after|early|late|mid|end\s+of"
            rf"|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)[\s\-]+(?P<y>{_YEAR4})"
            r"(?![\w%]|\s*(?:-|–)\s*\d)"
        )
        self.the_year = c(rf"\bthe\s+(?P<y>{_YEAR4})(?=\s+[a-z])")
        self.ordinal = c(
            r"\b(?:on|since|until|by)\s+the\s+(?P<d>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?P<after>\s*\w*)"
        )
        self.weekday = c(
            rf"\b(?:(?P<pre>on|last|this|next|coming|since|by|until|past)\s+)?(?:(?P<pre2>early|late)\s+)?"
            rf"(?P<wd>{weekdays})(?![a-z])(?:'s)?(?:\s+(?P<pod>morning|afternoon|evening|night))?"
        )
        pods = _alt(lexicon.parts_of_day)
        self.day_word = c(rf"\b(?P<w>{_alt(lexicon.day_offsets)})(?:\s+(?P<pod>{pods}))?\b")
        self.period = c(rf"\b(?P<p>{_alt(lexicon.periods)})\b")
        units = r"(?P<u>days?|weeks?|months?|years?|hours?)"
        self.ago = c(rf"\b(?P<n>\d{{1,3}}|{nums})\s+{units}\s+ago\b")
        self.past = c(
            rf"\b(?:(?:over|in|during|throughout|within|for)\s+)?the\s+(?:past|last|previous|preceding)\s+"
            rf"(?:(?P<n>\d{{1,3}}|{nums})\s+)?{units}\b(?!\s+of\b)"
        )
        self.night_prefix = c(
            r"(?:(?:during|on|in|over|from|since|starting\s+from|until|throughout)\s+)?(?:the\s+)?"
            r"(?:(?:late|early|small|wee|first)\s+)?(?:night|evening|morning|afternoon|hours|dawn|day)\s+of\s+$"
        )
        local = r"(?:\s*\(?\s*(?:local\s+time|(?:gmt|utc)(?:\s*[+\-−]\s*\d{1,2}(?::?\d\d)?)?|[a-z]{3,4}\s+time)\s*\)?)?"
        self.time_hours = c(
            rf"(?<![\w.,:])(?P<hh>[01]\d|2[0-3]):?(?P<mi>[0-5]\d)\s*(?:hours|hrs|hr|h)\b{local}"
        )
        self.time_prep = c(
            r"\b(?:at|around|about|approximately|by|since|until|till|from|after|before)\s+"
            r"(?:(?:around|about|approximately|roughly|nearly|some|precisely|exactly|approx\.)\s+)?"
            r"(?P<hh>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?:\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b))?(?![\w]|[.:]\d)"
            + local
        )
        self.time_ampm = c(
            r"(?<![\w.,:])(?:(?:at|around|about|by|since|until|from|after|before)\s+(?:around\s+|about\s+)?)?"
            r"(?P<hh>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)" + local
        )
        self.time_word = c(
            r"\b(?:at|around|about|by|after|before|until|since|shortly\s+(?:after|before))\s+(?:around\s+)?"
            r"(?P<w>noon|midday|midnight)\b"
        )
        self.time_weak = c(
            rf"[\s,]*(?:at\s+)?(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::\d\d)?(?![\w]|[.:]\d){local}"
            r"(?:\s*\((?:utc|gmt)[^)\n]{0,8}\))?"
        )
        bg_before = rf"\b(?:{_alt(lexicon.background_before)})\b"
        self.bg_before = c(bg_before)
        self.bg_weak = c(rf"\b(?:{_alt(lexicon.background_weak)})\b")
        self.bg_after = c(rf"\s*(?:{_alt(lexicon.background_after)})\b")
        self.future_context = c(rf"\b(?:{_alt(lexicon.future_context)})\b")
        self.future = c(rf"\b(?:{_alt(lexicon.future_cues)})\s+(?:on\s+)?$")
        self.clause_break = re.compile(r"[.;!?:\n]\s|\n\n")
        self.dateline_tail = re.compile(r"\s*(?:\([^)\n]{0,40}\)\s*)?(?:--|—|\n|\d{1,2}:\d\d)")
        self.word = re.compile(r"[a-z]+")
        # anchors: each scanner only runs near a word it cannot match without;
        # the words are found in one Aho-Corasick pass, digits by one regex
        anchor_words: dict[str, set[str]] = {
            "month": {w[:3] for w in lexicon.months},
            "weekday": set(lexicon.weekdays),
            "ago": {"ago"},
            "past": {"past", "last", "previous", "preceding"},
            "rel": {p.split()[-1] for p in (*lexicon.day_offsets, *lexicon.periods)}
            | {"noon", "midday", "midnight"},
        }
        self.anchor_names = (*anchor_words, "digit")
        self.automaton = ahocorasick.Automaton()
        by_word: dict[str, list[str]] = {}
        for group, words in anchor_words.items():
            for w in words:
                by_word.setdefault(w, []).append(group)
        for w, groups in by_word.items():
            self.automaton.add_word(w, (len(w), tuple(groups)))
        self.automaton.make_automaton()
        self.digits = c(r"[0-9]+")

    # ---------------------------------------------------------------- scanning

    def find(self, text: str, reference: date | None) -> list[DateMention]:
        sc = self.scan(text)
        low = sc.low
        cands: list[_Cand] = []
        for scan in (self._explicit, self._ranges, self._vague, self._relative):
            cands.extend(scan(sc, reference))
        chosen = _select(cands)
        chosen = self._absorb_prefixes(low, chosen)
        chosen = self._merge(text, chosen)
        self._resolve_future(low, chosen, reference)
        self._mark_background(low, chosen, reference)
        self._mark_reporting(low, chosen)
        chosen = self._attach_times(low, chosen, self._times(sc), reference)
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

    def scan(self, text: str) -> _Scan:
        """Lower-case the text and find the windows each scanner must look at."""
        low = _lower(text)
        hits: dict[str, list[int]] = {name: [] for name in self.anchor_names}
        if low:
            for end, (length, groups) in self.automaton.iter(low):
                for g in groups:
                    hits[g].append(end - length + 1)
        hits["digit"] = [m.start() for m in self.digits.finditer(low)]
        return _Scan(text, low, {name: _segments(sorted(h), low) for name, h in hits.items()})

    def _month(self, word: str) -> int | None:
        return self.lex.months.get(word.lower().rstrip("."))

    def _month_ok(self, m: re.Match[str], text: str) -> bool:
        """Lower-case "may", "march", "dec" are words, not months (unless the text is all caps)."""
        w = text[m.start("mon") : m.end("mon")]
        return not (w.islower() and w.rstrip(".").lower() in _AMBIGUOUS_MONTHS)

    def _explicit(self, sc: _Scan, ref: date | None) -> list[_Cand]:
        text = sc.text
        out: list[_Cand] = []
        for m in sc.iter(self.iso, "digit"):
            d = _mkdate(int(m["y"]), int(m["m"]), int(m["d"]))
            if d:
                tod = f"{m['hh']}:{m['mi']}" if m["hh"] else None
                out.append(_Cand(m.start(), m.end(), "explicit", d, time_of_day=tod))
        for m in sc.iter(self.numeric, "digit"):
            a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
            if m["sep"] == "." or a > 12 >= b:  # dotted dates are day-first
                day, mon = a, b
            elif b > 12 >= a or a == b:
                day, mon = b, a
            else:
                continue  # 03/04/2019: US or European? unknowable, skip
            d = _mkdate(y, mon, day)
            if d:
                out.append(_Cand(m.start(), m.end(), "explicit", d))
        for m in sc.iter(self.dmy, "month"):
            if not self._month_ok(m, text):
                continue
            out.extend(self._day_month(m, text, ref))
        for m in sc.iter(self.mdy, "month"):
            if not self._month_ok(m, text):
                continue
            out.extend(self._day_month(m, text, ref))
        return out

    def _day_month(self, m: re.Match[str], text: str, ref: date | None) -> list[_Cand]:
        mon = self._month(m["mon"])
        day = int(re.match(r"\d+", m["d"]).group())  # type: ignore[union-attr]
        end = m.end()
        year: int | None = None
        if m["y"]:
            year = int(m["y"])
        elif "yy" in m.re.groupindex and m["yy"]:
            yy = m["yy"].lstrip("'")
            abbreviated = len(m["mon"].rstrip(".")) <= 4
            follows_word = re.match(r"[ \t]+[A-Za-z]", text[m.end() : m.end() + 2]) is not None
            if abbreviated or not follows_word:
                year = _two_digit_year(int(yy), ref)
            else:
                end = m.end("mon")
        if mon is None:
            return []
        if year is None:
            d = _infer_year(mon, day, ref)
            yearless = True
        else:
            d = _mkdate(year, mon, day)
            yearless = False
        if d is None:
            return []
        return [_Cand(m.start(), end, "explicit", d, yearless=yearless)]

    def _ranges(self, sc: _Scan, ref: date | None) -> list[_Cand]:
        text = sc.text
        out: list[_Cand] = []
        for rx in (self.dmy_range, self.mdy_range):
            for m in sc.iter(rx, "month"):
                if not self._month_ok(m, text):
                    continue
                mon = self._month(m["mon"])
                d1 = int(re.match(r"\d+", m["d1"]).group())  # type: ignore[union-attr]
                d2 = int(re.match(r"\d+", m["d2"]).group())  # type: ignore[union-attr]
                sep = re.search(r"[a-z]+", text[m.end("d1") : m.start("d2")], re.I)
                if mon is None or d2 <= d1:
                    continue
                # "December 9 and 10 soldiers": a word after the second number means it counts something
                # ("on 12 and 13 September" is two days, coded as the range)
                if (
                    rx is self.mdy_range
                    and sep
                    and not m["y"]
                    and not m["pre"]
                    and re.match(r"\s+[A-Za-z0-9]", text[m.end() : m.end() + 2])
                ):
                    continue
                if m["y"]:
                    start_d = _mkdate(int(m["y"]), mon, d1)
                    yearless = False
                else:
                    start_d = _infer_year(mon, d1, ref)
                    yearless = True
                if start_d is None:
                    continue
                end_d = _mkdate(start_d.year, mon, d2)
                if end_d is None:
                    continue
                out.append(
                    _Cand(
                        m.start(),
                        m.end(),
                        "explicit",
                        start_d,
                        end_d,
                        _range_precision(start_d, end_d),
                        yearless=yearless,
                    )
                )
        return out

    def _vague(self, sc: _Scan, ref: date | None) -> list[_Cand]:
        text = sc.text
        out: list[_Cand] = []
        for m in sc.iter(self.month_year, "month"):
            if not self._month_ok(m, text):
                continue
            mon = self._month(m["mon"])
            if mon:
                first, last = _month_span(int(m["y"]), mon)
                out.append(_Cand(m.start(), m.end(), "explicit", first, _cap(first, last, ref), 3))
        for m in sc.iter(self.month_only, "month"):
            if not self._month_ok(m, text) or ref is None:
                continue
            mon = self._month(m["mon"])
            if not mon:
                continue
            year = ref.year if mon <= ref.month else ref.year - 1
            if m["pre"].lower() == "last" and mon == ref.month:
                year -= 1
            first, last = _month_span(year, mon)
            pre = m["pre"].lower()
            start = (
                m.start()
                if pre in {"early", "late", "mid", "last", "this"} or " of" in pre
                else m.start("mon")
            )
            out.append(_Cand(start, m.end(), "explicit", first, _cap(first, last, ref), 3, yearless=True))
        for m in sc.iter(self.year, "digit"):
            y = int(m["y"])
            if ref is not None and y > ref.year + 1:
                continue
            pre = m["pre"].lower()
            start = (
                m.start("y")
                if pre in {"in", "during", "since", "until", "by", "throughout", "from", "before", "after"}
                else m.start()
            )
            out.append(_Cand(start, m.end(), "explicit", date(y, 1, 1), _cap(date(y, 1, 1), date(y, 12, 31), ref), 3))
        for m in sc.iter(self.the_year, "digit"):
            y = int(m["y"])
            if ref is None or y <= ref.year:
                out.append(
                    _Cand(
                        m.start("y"),
                        m.end(),
                        "explicit",
                        date(y, 1, 1),
                        _cap(date(y, 1, 1), date(y, 12, 31), ref),
                        3,
                        background=True,
                    )
                )
        return out

    def _relative(self, sc: _Scan, ref: date | None) -> list[_Cand]:
        text = sc.text
        if ref is None:
            return []
        out: list[_Cand] = []
        for m in sc.iter(self.day_word, "rel"):
            off = self.lex.day_offsets.get(_norm(m["w"]))
            if off is not None:
                out.append(_Cand(m.start(), m.end(), "relative", ref + timedelta(days=off), relative=True))
        for m in sc.iter(self.period, "rel"):
            kind, prec = self.lex.periods[_norm(m["p"])]
            span = _period(kind, ref)
            if span:
                out.append(_Cand(m.start(), m.end(), "relative", span[0], span[1], prec, relative=True))
        for m in sc.iter(self.ago, "ago"):
            n = self._number(m["n"])
            if n is None:
                continue
            unit = m["u"].lower().rstrip("s")
            if unit == "hour":
                back, prec = timedelta(hours=n), 1
                d = (datetime.combine(ref, datetime.min.time()) + timedelta(hours=12) - back).date()
            else:
                days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
                d, prec = ref - timedelta(days=days), {"day": 1, "week": 2}.get(unit, 3)
            out.append(_Cand(m.start(), m.end(), "relative", d, None, prec, relative=True))
        for m in sc.iter(self.past, "past"):
            n = self._number(m["n"]) if m["n"] else 1
            if n is None:
                continue
            unit = m["u"].lower().rstrip("s")
            if unit == "hour":
                days = max(0, (n - 1) // 24)
            else:
                days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
            prec = 1 if days == 0 else (2 if days <= 7 else 3)
            out.append(
                _Cand(
                    m.start(),
                    m.end(),
                    "relative",
                    ref - timedelta(days=days),
                    ref if days else None,
                    prec,
                    relative=True,
                )
            )
        for m in sc.iter(self.weekday, "weekday"):
            pre = (m["pre"] or "").lower()
            if pre in self.lex.future_cues or self.future.search(sc.low, max(0, m.start() - 20), m.start()):
                continue
            wd = self.lex.weekdays[m["wd"].lower()]
            back = (ref.weekday() - wd) % 7
            if pre in {"last", "past"} and back == 0:
                back = 7
            out.append(
                _Cand(
                    m.start("pre2") if m["pre2"] else m.start("wd"),
                    m.end(),
                    "relative",
                    ref - timedelta(days=back),
                    relative=True,
                    extra={"weekday": wd},
                )
            )
        for m in sc.iter(self.ordinal, "digit"):
            after = text[m.start("after") : m.end("after")].strip()
            if after and (
                after[0].isupper()
                and not after.isupper()
                or after.lower()
                not in {"", "at", "in", "when", "and", "morning", "night", "evening", "afternoon", "of"}
            ):
                continue
            day = int(m["d"])
            d = _mkdate(ref.year, ref.month, day)
            if d is None or d > ref + timedelta(days=FUTURE_TOLERANCE_DAYS // 2):
                prev = ref.replace(day=1) - timedelta(days=1)
                d = _mkdate(prev.year, prev.month, day)
            if d:
                out.append(_Cand(m.start(), m.end("d") + 2, "explicit", d, yearless=True))
        return out

    def _number(self, s: str) -> int | None:
        if s.isdigit():
            return int(s)
        return self.lex.numbers.get(_norm(s))

    def _times(self, sc: _Scan) -> list[_Cand]:
        out: list[_Cand] = []
        for rx in (self.time_hours, self.time_prep, self.time_ampm):
            for m in sc.iter(rx, "digit"):
                tod = _clock(m["hh"], m["mi"], m.groupdict().get("ap"))
                if tod:
                    out.append(_Cand(m.start(), m.end(), "time", time_of_day=tod))
        for m in sc.iter(self.time_word, "rel"):
            tod = "00:00" if m["w"].lower() == "midnight" else "12:00"
            out.append(_Cand(m.start(), m.end(), "time", time_of_day=tod))
        return _select(out)

    # ------------------------------------------------------------ combining

    def _absorb_prefixes(self, low: str, cands: list[_Cand]) -> list[_Cand]:
        """ "during the night of September 13": the phrase joins the mention."""
        for cd in cands:
            if cd.kind != "explicit" or cd.precision == 3:
                continue
            m = self.night_prefix.search(low, max(0, cd.start - 45), cd.start)
            if m:
                cd.start = m.start()
                if re.search(r"night|evening|late|small|wee", m.group(), re.I) and cd.date_end is not None:
                    cd.night = True
                    cd.precision = 1  # a night across midnight is coded to its first day
        return cands

    def _merge(self, text: str, cands: list[_Cand]) -> list[_Cand]:
        """Join "30 December to 2 January" into a range, "Monday, 12 September" into one date."""
        out: list[_Cand] = []
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
                    and re.fullmatch(r"\s*(?:-|–|—|to|until|till|through)\s*", gap, re.I)
                ):
                    first = prev.date
                    if prev.yearless and not cd.yearless:
                        first = _mkdate(cd.date.year, first.month, first.day) or first
                        if first > cd.date:
                            first = _mkdate(first.year - 1, first.month, first.day) or first
                    last = cd.date_end or cd.date
                    if first < last:
                        prev.end, prev.date, prev.date_end = cd.end, first, last
                        prev.precision = _range_precision(first, last)
                        prev.yearless = prev.yearless and cd.yearless
                        continue
                if (
                    ("weekday" in prev.extra or (prev.kind == "relative" and prev.precision == 1))
                    and cd.kind == "explicit"
                    and re.fullmatch(r",?\s*(?:the\s+)?", gap, re.I)
                ):
                    cd.start = prev.start
                    out[-1] = cd
                    continue
            out.append(cd)
        return out

    def _mark_background(self, text: str, cands: list[_Cand], ref: date | None) -> None:
        """``text`` is the lower-cased article text."""
        for cd in cands:
            if cd.date is None or cd.background:
                continue
            last = cd.date_end or cd.date
            age = (ref - last).days if ref else None
            if (
                cd.start < 120
                and self.dateline_tail.match(text, cd.end)
                and not self.clause_break.search(text, 0, cd.start)
            ):
                cd.background = True  # a dateline
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

    def _resolve_future(self, low: str, cands: list[_Cand], ref: date | None) -> None:
        """A yearless date in a future clause ("will be held on 20 November") is the next one."""
        if ref is None:
            return
        for cd in cands:
            if not cd.yearless or cd.date is None or cd.date >= ref:
                continue
            if not self.future_context.search(self._clause_left(low, cd.start)):
                continue
            ahead = _mkdate(cd.date.year + 1, cd.date.month, cd.date.day)
            if ahead is None or ahead - ref > timedelta(days=300):
                continue
            shift = ahead - cd.date
            cd.date = ahead
            cd.date_end = cd.date_end + shift if cd.date_end else None

    def _mark_reporting(self, text: str, cands: list[_Cand]) -> None:
        """ "the army reported today that ...": that day dates the report, not the event."""
        verbs = self.lex.reporting_verbs
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

    def _clause_left(self, text: str, start: int) -> str:
        left = text[max(0, start - 80) : start]
        cut = 0
        for m in self.clause_break.finditer(left):
            cut = m.end()
        words = left[cut:].split()
        return " ".join(words[-BACKGROUND_WINDOW_WORDS:])

    def _attach_times(
        self, low: str, cands: list[_Cand], times: list[_Cand], ref: date | None
    ) -> list[_Cand]:
        # a bare "10:40" right after a date (datelines, "on 12 September, 22:15")
        for cd in cands:
            if cd.kind == "explicit" and cd.time_of_day is None and cd.precision == 1:
                m = self.time_weak.match(low, cd.end)
                if m and not any(t.start < m.end() and t.end > m.start() for t in times):
                    tod = _clock(m["hh"], m["mi"], None)
                    if tod:
                        cd.time_of_day, cd.end = tod, m.end()
        result = list(cands)
        for t in times:
            if any(c.start < t.end and c.end > t.start for c in cands):
                continue
            host = None
            for cd in cands:
                if cd.precision > 2 or cd.time_of_day:
                    continue
                after = cd.end <= t.start and _TIME_GAP.fullmatch(low, cd.end, t.start)
                before = t.end <= cd.start and re.fullmatch(r"[\s,]*(?:on|of)?\s*", low[t.end : cd.start])
                if after or before:
                    host = cd
            if host is not None:
                host.time_of_day = t.time_of_day
                host.start, host.end = min(host.start, t.start), max(host.end, t.end)
                continue
            nb = self._neighbour(low, t, cands)
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

    def _neighbour(self, text: str, t: _Cand, cands: list[_Cand]) -> _Cand | None:
        live = [c for c in cands if not c.background and c.date is not None]
        same = [c for c in live if not _sentence_break(text, min(c.end, t.end), max(c.start, t.start))]
        if same:
            return min(same, key=lambda c: abs(c.start - t.start))
        before = [c for c in live if c.end <= t.start]
        return before[-1] if before else None


# ------------------------------------------------------------------ helpers


class _Scan:
    """The text, its lower-cased twin (same length) and the anchor segments."""

    def __init__(self, text: str, low: str, segs: dict[str, list[tuple[int, int]]]) -> None:
        self.text, self.low, self.segs = text, low, segs

    def iter(self, rx: re.Pattern[str], anchor: str) -> Iterator[re.Match[str]]:
        for a, b in self.segs[anchor]:
            yield from rx.finditer(self.low, a, b)


_TIME_GAP = re.compile(r"[\s,]*(?:(?:at|around|about|approximately|from|since|by)\s+)*")
_SEG_BEFORE = 60  # characters scanned before an anchor ("between 9 and 11 December")
_SEG_AFTER = 40  # and after it ("December 9-10, 2021 at 0600 hours")
_SPACE = re.compile(r"\s")


def _segments(hits: list[int], low: str) -> list[tuple[int, int]]:
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
    return out


def _lower(text: str) -> str:
    """Lower case with the same length (so offsets carry over)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _mkdate(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(month: int, day: int, ref: date | None) -> date | None:
    """The year from the reference; a date well after the reference is last year's."""
    if ref is None:
        return None
    d = _mkdate(ref.year, month, day)
    if d is None or d > ref + timedelta(days=FUTURE_TOLERANCE_DAYS):
        d = _mkdate(ref.year - 1, month, day)
    return d


def _two_digit_year(yy: int, ref: date | None) -> int:
    if ref is None:
        return 2000 + yy if yy < 50 else 1900 + yy
    lo = ref.year - TWO_DIGIT_YEAR_BACK
    y = lo - lo % 100 + yy
    return y if y >= lo else y + 100


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _cap(first: date, last: date, ref: date | None) -> date:
    """The last day of a month/year span, but not after the reference (if the span has begun)."""
    return ref if ref is not None and first <= ref < last else last


def _range_precision(first: date, last: date) -> int:
    return 2 if (last - first).days <= 7 else 3


def _period(kind: str, ref: date) -> tuple[date, date] | None:
    if kind == "prev_week":
        monday = ref - timedelta(days=ref.weekday() + 7)
        return monday, monday + timedelta(days=6)
    if kind == "this_week":
        return ref - timedelta(days=ref.weekday()), ref
    if kind == "prev_month":
        last = ref.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if kind == "this_month":
        return ref.replace(day=1), ref
    if kind == "prev_year":
        return date(ref.year - 1, 1, 1), date(ref.year - 1, 12, 31)
    if kind == "this_year":
        return date(ref.year, 1, 1), ref
    if kind.startswith("days:"):
        return ref - timedelta(days=int(kind[5:])), ref
    logger.warning("unknown period kind %r in %s", kind, LEXICON_FILE)
    return None


def _clock(hh: str | None, mi: str | None, ap: str | None) -> str | None:
    if hh is None:
        return None
    h, m = int(hh), int(mi or 0)
    if ap:
        p = ap.lower().replace(".", "")
        if not 1 <= h <= 12:
            return None
        h = (0 if h == 12 else h) + (12 if p == "pm" else 0)
    if h > 23 or m > 59:
        return None
    return f"{h:02d}:{m:02d}"


def _sentence_break(text: str, a: int, b: int) -> bool:
    return re.search(r"[.!?]\s|\n\s*\n", text[a:b]) is not None


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: longest first, then earliest."""
    chosen: list[_Cand] = []
    for cd in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(cd.end <= o.start or cd.start >= o.end for o in chosen):
            chosen.append(cd)
    chosen.sort(key=lambda c: c.start)
    return chosen


# ------------------------------------------------------------------ public API


@functools.lru_cache(maxsize=1)
def default_grammar() -> DateGrammar:
    """The grammar compiled from the shipped lexicon (built once per process)."""
    return DateGrammar(load_lexicon())


def find_dates(text: str, reference: date | None, *, grammar: DateGrammar | None = None) -> list[DateMention]:
    """All time expressions in ``text``, resolved against ``reference``; sorted, non-overlapping."""
    return (grammar or default_grammar()).find(text, reference)


def parse_date_expression(
    expr: str, reference: date | None, *, grammar: DateGrammar | None = None
) -> DateMention | None:
    """One expression ("29 DEC 89", "yesterday", "December 9-10") -> its mention, or None.

    The grammar first; for short odd forms it does not know, dateparser (day
    and month required, dates from the past preferred).
    """
    found = [
        m
        for m in find_dates(expr, reference, grammar=grammar)
        if m.time_of_day is None or m.end - m.start > 0
    ]
    if found:
        return max(found, key=lambda m: m.end - m.start)
    return _dateparser_fallback(expr, reference)


def _dateparser_fallback(expr: str, reference: date | None) -> DateMention | None:
    s = expr.strip()
    if (
        not s
        or len(s) > MAX_INPUT_FOR_FALLBACK
        or not re.search(r"\d", s)
        or not re.search(r"[A-Za-z]{3}", s)
    ):
        return None
    try:
        import dateparser  # slow to import: only on this rare path

        settings: dict[str, object] = {
            "PREFER_DATES_FROM": "past",
            "REQUIRE_PARTS": ["day", "month"],
            "STRICT_PARSING": True,
        }
        if reference is not None:
            settings["RELATIVE_BASE"] = datetime.combine(reference, datetime.min.time())
        parsed = dateparser.parse(s, languages=["en"], settings=settings)
    except Exception:  # noqa: BLE001 - third-party parser on arbitrary input
        logger.debug("dateparser failed on %r", s, exc_info=True)
        return None
    if parsed is None or not 1800 <= parsed.year <= 2100:
        return None
    start = len(expr) - len(expr.lstrip())
    return DateMention(start=start, end=start + len(s), text=s, date=parsed.date())


def parse_time_of_day(expr: str, *, grammar: DateGrammar | None = None) -> str | None:
    """ "0600 hours" -> "06:00"; "at 6 a.m." -> "06:00"; "6:30 pm" -> "18:30"; else None."""
    g = grammar or default_grammar()
    times = g._times(g.scan(expr))
    if times:
        return times[0].time_of_day
    word = expr.strip().lower()
    if word in {"noon", "midday", "midnight"}:
        return "00:00" if word == "midnight" else "12:00"
    m = g.time_weak.fullmatch(expr.strip().lower())
    if m:
        return _clock(m["hh"], m["mi"], None)
    m = re.fullmatch(
        r"\s*(?P<hh>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)\s*", expr, re.I
    )
    if m:
        return _clock(m["hh"], m["mi"], m["ap"])
    return None


def date_for_span(
    dates: list[DateMention],
    start: int,
    end: int,
    sentence_start: int,
    sentence_end: int,
    *,
    default: date | None = None,
) -> DateMention | None:
    """The date governing the text span [start, end).

    1. a non-background date in the same sentence (one dating the event rather
       than the report, when there is one): the closest one before the
       span (but the sentence's opening date when the closest is far away),
       else one inside or after the span;
    2. else the most recent non-background date before the sentence;
    3. else, when ``default`` is given, a zero-width mention for it
       (``relative=True``) at ``start``; else None.
    """
    live = [d for d in dates if not d.background]
    in_sent = [d for d in live if d.start >= sentence_start and d.end <= sentence_end]
    if any(not d.reporting for d in in_sent):
        in_sent = [d for d in in_sent if not d.reporting]
    before = [d for d in in_sent if d.end <= start]
    if before:
        closest = max(before, key=lambda d: d.end)
        opener = min(before, key=lambda d: d.start)
        if closest is not opener and start - closest.end > 80 and opener.start - sentence_start <= 12:
            return opener
        return closest
    inside = [d for d in in_sent if d.start < end and d.end > start]
    if inside:
        return inside[0]
    after = [d for d in in_sent if d.start >= end]
    if after:
        return min(after, key=lambda d: d.start)
    prev = [d for d in live if d.end <= sentence_start]
    if prev:
        return max(prev, key=lambda d: d.end)
    if default is not None:
        return DateMention(start=start, end=start, text="", date=default, relative=True)
    return None


@Language.component("clashlog_dates", assigns=["doc._.dates"])
def dates_component(doc: Doc) -> Doc:
    """doc._.dates = the article's date mentions, resolved against its publication date."""
    article = doc._.article
    reference = article.published_date if article is not None else None
    doc._.dates = find_dates(doc.text, reference)
    return doc
