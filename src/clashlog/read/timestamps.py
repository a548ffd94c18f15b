"""Publication timestamps as news pages write them -> ISO 8601.

Used by `clean.py` for datelines and by the CLI to check ``--published``.
Only the formats that datelines use are recognized (this is not the event
date parser, which lives in `stages/dates.py`):

* ``13 September 2022 10:40 (UTC+04:00)``, ``Tuesday, 13 Sep 2022, 10:40 GMT``
* ``September 13, 2022 10:40 am``, ``Sept. 13, 2022``
* ``13.09.2022 10:40``, ``13/09/2022`` (day first, as outlets of the region write it)
* ``2022-09-13``, ``2022-09-13T10:40:00+04:00``
* ``3 JAN 90`` (wire copy; a two-digit year is 19xx from 50 up, else 20xx)

A zone is kept as a UTC offset: ``(UTC+04:00)``, ``GMT+4``, ``+0400`` or an
abbreviation from ``ZONE_OFFSETS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
# zone abbreviations seen in datelines of the outlets clashlog reads (hours east of UTC);
# ambiguous ones (IST, CST) are left out on purpose
ZONE_OFFSETS = {
    "UTC": 0.0, "GMT": 0.0, "Z": 0.0, "BST": 1.0, "CET": 1.0, "WAT": 1.0, "CEST": 2.0, "EET": 2.0,
    "CAT": 2.0, "SAST": 2.0, "EEST": 3.0, "MSK": 3.0, "EAT": 3.0, "AST": 3.0, "AZT": 4.0, "AMT": 4.0,
    "GET": 4.0, "GST": 4.0, "PKT": 5.0, "MMT": 6.5, "ICT": 7.0, "EST": -5.0, "EDT": -4.0,
    "PST": -8.0, "PDT": -7.0,
}  # fmt: skip

MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DATE = (
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MON}),?\s+(?P<y1>\d{{4}}|\d{{2}})"  # 13 September 2022
    rf"|(?P<m2>{MON})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}}|\d{{2}}(?![\d:.]))"  # September 13, 2022
    r"|(?P<d3>\d{1,2})[./](?P<m3>\d{1,2})[./](?P<y3>\d{4})"  # 13.09.2022
    r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2}))"  # 2022-09-13
)
_TIME = r"(?P<hh>\d{1,2})[:.](?P<mm>\d{2})(?::(?P<ss>\d{2}))?(?:\.\d+)?\s*(?P<ampm>[ap]\.?m\.?)?"
_ZONE = (
    r"\(?\s*(?:(?:(?:UTC|GMT)\s*(?P<zsign>[+\-−])\s*(?P<zh>\d{1,2})(?::?(?P<zm>\d{2}))?)"
    r"|(?P<zsign2>[+\-−])(?P<zh2>\d{2}):?(?P<zm2>\d{2})\b"
    rf"|(?-i:(?P<zname>{'|'.join(sorted(ZONE_OFFSETS, key=len, reverse=True))}))\b)\s*\)?"
)
_SEP = r"(?:\s*(?:,|/|\||–|—|-|\bat\b|T)\s*|\s+)"
STAMP = rf"{_WEEKDAY}{_DATE}(?:{_SEP}{_TIME}(?:\s*{_ZONE})?)?"
STAMP_RE = re.compile(STAMP, re.IGNORECASE)  # zone names inside are matched case-sensitively


@dataclass(frozen=True)
class Timestamp:
    day: date
    time: time | None = None
    offset: timedelta | None = None

    def iso(self) -> str:
        """ISO 8601 as the contract wants it: date and time with the UTC offset when the offset
        is known, else the date alone (a local time without a zone is not a point in time)."""
        if self.time is None or self.offset is None:
            return self.day.isoformat()
        return datetime.combine(self.day, self.time, tzinfo=timezone(self.offset)).isoformat()


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        y += 1900 if y >= 50 else 2000
    return y


def _offset(m: re.Match[str]) -> timedelta | None:
    for sign_g, h_g, m_g in (("zsign", "zh", "zm"), ("zsign2", "zh2", "zm2")):
        if m.group(h_g):
            sign = -1 if m.group(sign_g) in "-−" else 1
            return sign * timedelta(hours=int(m.group(h_g)), minutes=int(m.group(m_g) or 0))
    name = m.group("zname")
    if name in ZONE_OFFSETS:
        return timedelta(hours=ZONE_OFFSETS[name])
    return None


def timestamp_from_match(m: re.Match[str]) -> Timestamp | None:
    """A Timestamp from a match of STAMP (or a pattern embedding it); None if not a real date."""
    g = m.groupdict()
    try:
        if g.get("y1"):
            day = date(_year(g["y1"]), MONTHS[g["m1"].lower().rstrip(".")], int(g["d1"]))
        elif g.get("y2"):
            day = date(_year(g["y2"]), MONTHS[g["m2"].lower().rstrip(".")], int(g["d2"]))
        elif g.get("y3"):
            d, mo = int(g["d3"]), int(g["m3"])
            if mo > 12 >= d:  # 09/13/2022: month first after all
                d, mo = mo, d
            day = date(int(g["y3"]), mo, d)
        elif g.get("y4"):
            day = date(int(g["y4"]), int(g["m4"]), int(g["d4"]))
        else:
            return None
    except (ValueError, KeyError):
        return None
    if not g.get("hh"):
        return Timestamp(day)
    hh, mm = int(g["hh"]), int(g["mm"])
    ampm = (g.get("ampm") or "").lower()
    if ampm.startswith("p") and hh < 12:
        hh += 12
    elif ampm.startswith("a") and hh == 12:
        hh = 0
    if hh > 23 or mm > 59:
        return Timestamp(day)
    return Timestamp(
        day,
        time(hh, mm, int(g.get("ss") or 0)),
        _offset(m) if g.get("zh") or g.get("zh2") or g.get("zname") else None,
    )


def parse_timestamp(text: str) -> Timestamp | None:
    """The whole of ``text`` read as one timestamp (ISO 8601 or a dateline format), else None."""
    text = text.strip()
    if not text:
        return None
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    else:
        if len(text) <= 10:
            return Timestamp(dt.date())
        offset = dt.utcoffset()
        return Timestamp(dt.date(), dt.time().replace(microsecond=0, tzinfo=None), offset)
    m = STAMP_RE.fullmatch(text)
    return timestamp_from_match(m) if m else None


def normalize_published(value: str | None) -> str | None:
    """ISO 8601 for a publication date given in any recognized format; None when unreadable."""
    if not value:
        return None
    ts = parse_timestamp(value)
    return ts.iso() if ts else None
