"""Datelines: where and when a story was filed, and by which agency.

Two shapes, both removed from the article text by `clean.py`:

* a **dateline line** on its own: ``13 September 2022 10:40 (UTC+04:00)``,
  ``Baku, 13 September 2022``, ``Published: Tuesday, 13 Sep 2022``,
  ``Posted on March 13, 2023 by admin`` -> `standalone_dateline`;
* a **dateline prefix** of the first paragraph: ``KYIV, Ukraine (AP) —``,
  ``Yerevan, March 5 /ARKA/.``, ``MOSCOW, August 21. /TASS/.``,
  ``YEREVAN, SEPTEMBER 14, ARMENPRESS.``, ``(Mizzima) –``, ``BAKU,
  Azerbaijan, Oct. 5, 2022. Trend:``, wire slugs (``UPDATE 2-``) and FBIS
  wire copy ``SAN SALVADOR, 3 JAN 90 (DPA) -- [REPORT] [TEXT]`` ->
  `split_dateline`.

A prefix counts as a dateline only with a date, an agency, or a place in
capitals ("KYIV —"): "Ukraine: Russian forces ..." and "On 13 September
2022, ..." are sentences, not datelines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .outlets import OutletTable
from .timestamps import MON, STAMP, Timestamp, parse_timestamp, timestamp_from_match

_PUBLISHED_PREFIX = re.compile(
    r"^(?:published|posted|date|released|first published|created)(?:\s+on|\s+at)?\s*[:\-–—]?\s*", re.I
)
_PLACE = r"[A-Z][A-Za-z'’.\-]*(?:[ \-][A-Z][A-Za-z'’.\-]*){0,3}"
_PLACE_PREFIX = re.compile(rf"^{_PLACE}(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){{0,2}})?\s*[,:]\s*")
_TRAILING_BY = re.compile(r"\s+by\s+\S.{0,60}$", re.I)

_SHORT_DATE = rf"(?:{MON}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{MON})(?![\w])"
_AGENCY = (
    r"(?:\((?P<ag1>[A-Za-z][^()\n]{0,40})\)|/(?P<ag2>[A-Za-z][^/\n]{0,30})/"
    r"|\[(?P<ag3>[A-Za-z][^\[\]()\n]{0,40})[\])])"
)
_PREFIX = re.compile(
    # place, "(COUNTRY)" of wire copy, ", Country"
    rf"^(?P<place>{_PLACE})(?:\s\([A-Z][A-Za-z ]{{1,30}}\)(?=,))?(?:,\s[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){{0,2}})?"
    # a full timestamp, a day without year, or wire copy's "NO DATE"
    rf"(?:,?\s*(?i:(?P<stamp>{STAMP})|(?P<short>{_SHORT_DATE})|(?P<nodate>no\s+date)))?"
    # the agency: (AP), /ARKA/, [SOURCE), ", ARMENPRESS."
    rf"(?:\.?\s*{_AGENCY}|,\s*(?P<ag4>[A-Z][A-Z.+\-]{{2,20}}(?=\.\s)))?"
    # the separator, then the story
    r"\s*(?P<sep>--|[—–:.]|(?<=\s)-(?=\s))\s*(?=[\"“'‘\[A-Z0-9(])",
)
_AGENCY_ONLY = re.compile(rf"{_AGENCY}\s*(?P<sep>--|[—–\-:])\s*(?=\S)")
_AGENCY_COLON = re.compile(r"(?P<ag>[A-Z][\w.+\-]*(?:\s[A-Z][\w.+\-]*){0,3})\s*:\s+(?=[\"“A-Z])")
# (`_AGENCY_ONLY` and `_AGENCY_COLON` are used with .match(text, pos): no "^" anchor)
# wire-service slugs before a headline or story: "UPDATE 2-", "RPT-", "EXCLUSIVE-"
SLUG = re.compile(
    r"^(?:UPDATE|RPT|REFILE|CORRECTED|EXCLUSIVE|FACTBOX|ANALYSIS|INSIGHT|WRAPUP|TIMELINE|EXPLAINER|"
    r"FEATURE|INTERVIEW|SPECIAL REPORT|PRESS DIGEST|HIGHLIGHTS|BRIEF|BREAKINGVIEWS)(?:\s*\d+)?\s?-(?=\S)"
)
_WIRE_TAG = re.compile(r"\[(?P<tag>[^\[\]]{0,300})\]\s*")
# wire-copy tags after which the story itself begins, and tags that may follow them
_WIRE_BODY_TAGS = {"TEXT", "EXCERPT", "EXCERPTS", "SUMMARY"}
_WIRE_AFTER_BODY_TAGS = {"CONTINUED", "PASSAGE OMITTED"}


@dataclass(frozen=True)
class Dateline:
    end: int  # the story starts at text[end:]
    timestamp: Timestamp | None = None  # only a full date (with year) is kept
    agency: str | None = None
    place: str | None = None  # where the story was filed ("LA PAZ"; a relayed story's own dateline wins)


def standalone_dateline(line: str) -> Timestamp | None:
    """The timestamp of a line that is nothing but a dateline, else None."""
    s = line.strip().strip("|").strip()
    prefixed = _PUBLISHED_PREFIX.match(s)
    if prefixed:
        s = _TRAILING_BY.sub("", s[prefixed.end() :])
    ts = parse_timestamp(s)
    if ts is None:
        place = _PLACE_PREFIX.match(s)
        if place:
            ts = parse_timestamp(s[place.end() :])
    return ts


def dateline_prefix(text: str) -> re.Match[str] | None:
    """A match of a dateline at the start of ``text`` that really is one (see module docstring)."""
    m = _PREFIX.match(text)
    if not m:
        return None
    dated = bool(m.group("stamp") or m.group("short") or m.group("nodate"))
    agency = bool(m.group("ag1") or m.group("ag2") or m.group("ag3") or m.group("ag4"))
    letters = [c for c in m.group("place") if c.isalpha()]
    capitals = len(letters) >= 3 and m.group("place").isupper()  # "KYIV —", "ISLAMABAD:"
    if m.group("sep") == ".":
        return m if dated or agency else None
    if m.group("sep") == ":" and not (dated or agency):
        # "ISLAMABAD: Militants attacked ..." but not "ANAMA: 212 mines found ..."
        return m if capitals and text[m.end() : m.end() + 1].isalpha() else None
    return m if dated or agency or capitals else None


def split_dateline(text: str, *, outlets: OutletTable) -> Dateline | None:
    """The dateline prefix of a first paragraph (slug, place/date/agency, wire tags), or None."""
    slug = SLUG.match(text)
    start = slug.end() if slug else 0
    pos = start
    timestamp = None
    agency = None
    place = None
    m = dateline_prefix(text[pos:])
    if m:
        place = m.group("place")
        if m.group("stamp"):
            timestamp = timestamp_from_match(m)
        agency = m.group("ag1") or m.group("ag2") or m.group("ag3") or m.group("ag4")
        pos += m.end()
    else:
        m2 = _AGENCY_ONLY.match(text, pos)
        if m2:
            agency = m2.group("ag1") or m2.group("ag2") or m2.group("ag3")
            pos = m2.end()
    m3 = _AGENCY_COLON.match(text, pos)
    if m3 and outlets.lookup(m3.group("ag")):
        agency = agency or m3.group("ag")
        pos = m3.end()
    if pos != start:  # only wire copy has [REPORT] [TEXT] tags after its dateline
        pos = _after_wire_tags(text, pos)
    if m and m.group("sep") == "--":  # a relayed wire story: "[TEXT] LIMA, 21 NOV 89 -- ..."
        relay = dateline_prefix(text[pos:])
        if relay and relay.group("sep") == "--":
            pos += relay.end()
            place = relay.group("place")
    if pos == 0:
        return None
    return Dateline(end=pos, timestamp=timestamp, agency=" ".join(agency.split()) if agency else None,
                    place=" ".join(place.split()) if place else None)


def _after_wire_tags(text: str, pos: int) -> int:
    """Position after the leading [REPORT] [SOURCE] [TEXT] tags of wire copy (the story's start)."""
    start = pos
    while True:
        m = _WIRE_TAG.match(text, pos)
        if not m:
            return pos if pos > start else start
        pos = m.end()
        if m.group("tag").strip().upper() in _WIRE_BODY_TAGS:
            while (after := _WIRE_TAG.match(text, pos)) and after.group(
                "tag"
            ).strip().upper() in _WIRE_AFTER_BODY_TAGS:
                pos = after.end()
            return pos
