"""Calendar arithmetic for the date grammar: valid dates, inferred years, spans, clock times.

Pure functions over `datetime.date`, used by `clashlog.stages.date_grammar`
(the scanners) and `clashlog.stages.date_recognizer` (joining and resolving).
"""

from __future__ import annotations

import calendar
import logging
from datetime import date, timedelta

from .date_lexicon import LEXICON_FILE

logger = logging.getLogger(__name__)

FUTURE_TOLERANCE_DAYS = 7  # a yearless date this far after the reference is still this year
TWO_DIGIT_YEAR_BACK = 90  # "29 DEC 89": the century that puts the year in [ref-90, ref+9]


def mkdate(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def infer_year(month: int, day: int, ref: date | None) -> date | None:
    """The year from the reference; a date well after the reference is last year's."""
    if ref is None:
        return None
    d = mkdate(ref.year, month, day)
    if d is None or d > ref + timedelta(days=FUTURE_TOLERANCE_DAYS):
        d = mkdate(ref.year - 1, month, day)
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


def range_precision(first: date, last: date) -> int:
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
    if kind == "weekend":  # "over the weekend" in a Monday report: the Saturday and Sunday before it
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
        return saturday, min(saturday + timedelta(days=1), ref)
    if kind.startswith("days:"):
        return ref - timedelta(days=int(kind[5:])), ref
    logger.warning("unknown period kind %r in %s", kind, LEXICON_FILE)
    return None


def clock(hh: str | None, mi: str | None, ap: str | None) -> str | None:
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
