"""Time expressions -> resolved dates (the ``clashlog_dates`` stage).

The recognizer is a compiled regular grammar over the raw text (no
per-token work, no dateparser in the hot path).  The cascade:

1. **Candidates.**  Each pattern family scans the text around its anchor
   words (month names, digits, day words ...): ISO and numeric
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
   Only "the next day" / "the previous day" count from the date before them.
4. **Clock times** directly next to a date are attached to it; others become
   their own mention carrying the neighbouring date (same sentence, else the
   last preceding one, else the reference).
5. **Background.**  A date inside a clause about an unrelated past thing
   ("an accord signed on March 3, 2019", "the statement of 10 November
   2020", "since the 2020 war", a dateline), more than `STALE_DAYS` before
   the reference, or not yet reached, gets ``background=True`` so the event
   coder skips it.  A yearless date in a future clause ("talks will be held
   on 20 November") is resolved forward.  A date next to a verb of saying
   ("the army reported today") gets ``reporting=True``: it dates the report,
   and `date_for_span` prefers any other date in the sentence.  The cue words
   live in ``lexicons/dates.tsv``.

Step 1 lives in `clashlog.stages.date_grammar` (compiled patterns,
anchor-windowed scanners; word lists from ``lexicons/dates.tsv`` in
`clashlog.stages.date_lexicon`, `Candidate` and `Scan` in
`clashlog.stages.date_scan`, calendar arithmetic in
`clashlog.stages.date_calendar`); steps 2-5 in
`clashlog.stages.date_recognizer` (`DateRecognizer`).  This module builds the
recognizer and holds the public API and the ``clashlog_dates`` component.
dateparser is only a fallback in `parse_date_expression` for short odd forms.

Conventions (ACLED time_precision): 1 a day, 2 a range within a week,
3 a month or vaguer.  "on the night of 12 to 13 September" is coded to the
first day with ``date_end`` on the second and precision 1 (ACLED codes a
night to the day it began).  Month- and year-level mentions run from the
first day to the last (capped at the reference).
"""

from __future__ import annotations

import functools
import logging
import re
from datetime import date, datetime

from spacy.language import Language
from spacy.tokens import Doc

from ..model import DateMention

# the ``X as X`` imports re-export settings that now live in the modules the stage was split into
from .date_calendar import FUTURE_TOLERANCE_DAYS as FUTURE_TOLERANCE_DAYS
from .date_calendar import clock
from .date_grammar import DateGrammar
from .date_lexicon import DateLexicon, load_lexicon
from .date_recognizer import BACKGROUND_RECENT_DAYS as BACKGROUND_RECENT_DAYS
from .date_recognizer import BACKGROUND_WINDOW_WORDS as BACKGROUND_WINDOW_WORDS
from .date_recognizer import DATELINE_MAX_OFFSET as DATELINE_MAX_OFFSET
from .date_recognizer import PROXY_SHIFT_DAYS as PROXY_SHIFT_DAYS
from .date_recognizer import SANE_REFERENCE as SANE_REFERENCE
from .date_recognizer import STALE_DAYS as STALE_DAYS
from .date_recognizer import WEAK_BACKGROUND_DAYS as WEAK_BACKGROUND_DAYS
from .date_recognizer import DateRecognizer

__all__ = [
    "DateGrammar",
    "DateLexicon",
    "DateRecognizer",
    "date_for_span",
    "default_recognizer",
    "find_dates",
    "load_lexicon",
    "parse_date_expression",
    "parse_time_of_day",
]

logger = logging.getLogger(__name__)

MAX_INPUT_FOR_FALLBACK = 60  # dateparser fallback only for short expressions
OPENER_MAX_OFFSET = 12  # a date starting this close to its sentence start opens it ("On 12 May, ...")

_ASIDE = re.compile(r"[,;(]")


# ------------------------------------------------------------------ public API


@functools.lru_cache(maxsize=1)
def default_recognizer() -> DateRecognizer:
    """The recognizer compiled from the shipped lexicon (built once per process)."""
    return DateRecognizer(DateGrammar(load_lexicon()))


def find_dates(
    text: str, reference: date | None, *, recognizer: DateRecognizer | None = None
) -> list[DateMention]:
    """All time expressions in ``text``, resolved against ``reference``; sorted, non-overlapping."""
    return (recognizer or default_recognizer()).find(text, reference)


def parse_date_expression(
    expr: str, reference: date | None, *, recognizer: DateRecognizer | None = None
) -> DateMention | None:
    """One expression ("29 DEC 89", "yesterday", "December 9-10") -> its mention, or None.

    The grammar first; for short odd forms it does not know, dateparser (day
    and month required, dates from the past preferred).
    """
    found = [
        m
        for m in find_dates(expr, reference, recognizer=recognizer)
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


def parse_time_of_day(expr: str, *, recognizer: DateRecognizer | None = None) -> str | None:
    """ "0600 hours" -> "06:00"; "at 6 a.m." -> "06:00"; "6:30 pm" -> "18:30"; else None."""
    g = (recognizer or default_recognizer()).grammar
    times = g.times(g.scan(expr))
    if times:
        return times[0].time_of_day
    word = expr.strip().lower()
    if word in {"noon", "midday", "midnight"}:
        return "00:00" if word == "midnight" else "12:00"
    m = g.time_weak.fullmatch(expr.strip().lower())
    if m:
        return clock(m["hh"], m["mi"], None)
    m = re.fullmatch(
        r"\s*(?P<hh>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)\s*", expr, re.I
    )
    if m:
        return clock(m["hh"], m["mi"], m["ap"])
    return None


def date_for_span(
    dates: list[DateMention],
    start: int,
    end: int,
    sentence_start: int,
    sentence_end: int,
    *,
    default: date | None = None,
    text: str | None = None,
) -> DateMention | None:
    """The date governing the text span [start, end).

    1. a non-background date in the same sentence (one dating the event rather
       than the report, when there is one): the closest one before the span,
       except that the sentence's opening date ("On 12 September, ...") wins
       over a closer one set off by a comma ("..., which attacked on 10
       September, fired") -- that needs ``text``; without it, over one more
       than 80 characters away; else a date inside or after the span;
    2. else the most recent non-background date before the sentence (one
       dating an event rather than a report, when there is one);
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
        if closest is not opener and opener.start - sentence_start <= OPENER_MAX_OFFSET:
            aside = _ASIDE.search(text, closest.end, start) if text is not None else start - closest.end > 80
            if aside:
                return opener
        return closest
    inside = [d for d in in_sent if d.start < end and d.end > start]
    if inside:
        return inside[0]
    after = [d for d in in_sent if d.start >= end]
    if after:
        return min(after, key=lambda d: d.start)
    prev = [d for d in live if d.end <= sentence_start]
    if any(not d.reporting for d in prev):
        prev = [d for d in prev if not d.reporting]
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
