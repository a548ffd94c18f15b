"""The date grammar: compiled patterns and the candidate scanners (`DateGrammar`).

Used by `clashlog.stages.dates`, which selects among the candidates, joins
and resolves them (see its docstring for the whole cascade).  Everything
here works on the lower-cased text (same length as the original, so offsets
carry over); an Aho-Corasick pass finds the anchor words (month and weekday
names, "ago", "past", day words) and a regex the digits, and each scanner
runs only in windows around its anchors.

The grammar's other parts live beside it: the word lists in
`clashlog.stages.date_lexicon`, the `Scan` windows, `Candidate` and `select`
in `clashlog.stages.date_scan`, and the calendar arithmetic (`mkdate`,
`infer_year`, `clock` ...) in `clashlog.stages.date_calendar`; their public
names are re-exported here.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import ahocorasick

from .date_calendar import (
    FUTURE_TOLERANCE_DAYS,
    TWO_DIGIT_YEAR_BACK,
    _cap,
    _month_span,
    _period,
    _two_digit_year,
    clock,
    infer_year,
    mkdate,
    range_precision,
)
from .date_lexicon import LEXICON_FILE, DateLexicon, alternation, load_lexicon
from .date_scan import FULL_SCAN_SHARE, Candidate, Scan, lower_same_length, segments, select

__all__ = [  # the grammar's public names, wherever they live
    "FULL_SCAN_SHARE", "FUTURE_TOLERANCE_DAYS", "LEXICON_FILE", "MAX_SPAN_DAYS", "TWO_DIGIT_YEAR_BACK",
    "Candidate", "DateGrammar", "DateLexicon", "Scan", "alternation", "clock", "infer_year", "load_lexicon",
    "lower_same_length", "mkdate", "range_precision", "segments", "select",
]

MAX_SPAN_DAYS = 366 * 200  # "999 years ago" is not a date


# ------------------------------------------------------------------ grammar

_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR4 = r"(?:1[89][0-9]{2}|20[0-9]{2})(?![0-9]|[.,][0-9])"
_LEFT = r"(?<![\w.,/:+\-–])"  # not glued to a number, code or ratio ("3+3", "1,500")
_RSEP = r"\s*(?:-|–|—|to|until|till|through|and)\s*(?:the\s+)?"
# month words that are also ordinary words when written in lower case ("may", "march")
_AMBIGUOUS_MONTHS = frozenset(
    {"may", "march", "mar", "jun", "jan", "dec", "oct", "sep", "sept", "nov", "aug", "feb", "apr", "jul"}
)



class DateGrammar:
    """The compiled date grammar; build once (see `default_grammar`)."""

    def __init__(self, lexicon: DateLexicon) -> None:
        self.lex = lexicon
        # an abbreviation is a month word that begins a longer one for the same month ("sept")
        self.abbreviations = frozenset(
            w
            for w, n in lexicon.months.items()
            if any(o != w and o.startswith(w) and lexicon.months[o] == n for o in lexicon.months)
        )
        full = [w for w in lexicon.months if w not in self.abbreviations]
        abbrev = sorted(self.abbreviations)
        mon = rf"(?P<mon>(?:{alternation(full)})(?![a-z])(?:\.(?=\s+\d))?|(?:{alternation(abbrev)})(?![a-z])\.?)"
        weekdays = alternation(lexicon.weekdays)
        nums = alternation(lexicon.numbers)
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
        pods = alternation(lexicon.parts_of_day)
        self.day_word = c(rf"\b(?P<w>{alternation(lexicon.day_offsets)})(?:\s+(?P<pod>{pods}))?\b")
        self.period = c(rf"\b(?P<p>{alternation(lexicon.periods)})\b")
        self.anaphoric = c(rf"\b(?P<a>{alternation(lexicon.anaphoric_days)})\b")
        units = r"(?P<u>days?|weeks?|months?|years?|hours?)"
        self.ago = c(rf"\b(?P<n>\d{{1,3}}|{nums})\s+{units}\s+ago\b")
        self.past = c(
            rf"\b(?:(?:over|in|during|throughout|within|for)\s+)?the\s+(?:past|last|previous|preceding)\s+"
            rf"(?:(?P<n>\d{{1,3}}|{nums})\s+)?{units}\b(?!\s+of\b)"
        )
        local = r"(?:\s*\(?\s*(?:local\s+time|(?:gmt|utc)(?:\s*[+\-−]\s*\d{1,2}(?::?\d\d)?)?|[a-z]{3,4}\s+time)\s*\)?)?"
        self.time_hours = c(
            rf"(?<![\w.,:])(?P<hh>[01]\d|2[0-3]):?(?P<mi>[0-5]\d)\s*(?:(?:hours|hrs|hr|h)\b|(?=(?:gmt|utc|local\s+time)\b)){local}"
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
        self.future = c(rf"\b(?:{alternation(lexicon.future_cues)})\s+(?:on\s+)?$")
        # anchors: each scanner only runs near a word it cannot match without;
        # the words are found in one Aho-Corasick pass, digits by one regex
        anchor_words: dict[str, set[str]] = {
            "month": {w[:3] for w in lexicon.months},
            "weekday": set(lexicon.weekdays),
            "ago": {"ago"},
            "past": {"past", "last", "previous", "preceding"},
            "rel": {p.split()[-1] for p in (*lexicon.day_offsets, *lexicon.periods, *lexicon.anaphoric_days)}
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

    def candidates(self, sc: Scan, reference: date | None) -> list[Candidate]:
        """Every date expression the scanners recognize (overlapping)."""
        cands: list[Candidate] = []
        for scan in (self._explicit, self._ranges, self._vague, self._relative):
            cands.extend(scan(sc, reference))
        for m in sc.iter(self.anaphoric, "rel"):
            # "the next day": resolved later against the date before it (Candidate.anaphor)
            offset = self.lex.anaphoric_days[_norm(m["a"])]
            cands.append(Candidate(m.start(), m.end(), "relative", relative=True, anaphor=offset))
        return cands

    def scan(self, text: str) -> Scan:
        """Lower-case the text and find the windows each scanner must look at."""
        low = lower_same_length(text)
        hits: dict[str, list[int]] = {name: [] for name in self.anchor_names}
        if low:
            for end, (length, groups) in self.automaton.iter(low):
                for g in groups:
                    hits[g].append(end - length + 1)
        hits["digit"] = [m.start() for m in self.digits.finditer(low)]
        return Scan(text, low, {name: segments(sorted(h), low) for name, h in hits.items()})

    def _month(self, word: str) -> int | None:
        return self.lex.months.get(word.lower().rstrip("."))

    def _month_ok(self, m: re.Match[str], text: str) -> bool:
        """Lower-case "may", "march", "dec" are words, not months (unless the text is all caps)."""
        w = text[m.start("mon") : m.end("mon")]
        return not (w.islower() and w.rstrip(".").lower() in _AMBIGUOUS_MONTHS)

    def _explicit(self, sc: Scan, ref: date | None) -> list[Candidate]:
        text = sc.text
        out: list[Candidate] = []
        for m in sc.iter(self.iso, "digit"):
            d = mkdate(int(m["y"]), int(m["m"]), int(m["d"]))
            if d:
                tod = f"{m['hh']}:{m['mi']}" if m["hh"] else None
                out.append(Candidate(m.start(), m.end(), "explicit", d, time_of_day=tod))
        for m in sc.iter(self.numeric, "digit"):
            a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
            if m["sep"] == "." or a > 12 >= b:  # dotted dates are day-first
                day, mon = a, b
            elif b > 12 >= a or a == b:
                day, mon = b, a
            else:
                continue  # 03/04/2019: US or European? unknowable, skip
            d = mkdate(y, mon, day)
            if d:
                out.append(Candidate(m.start(), m.end(), "explicit", d))
        for m in sc.iter(self.dmy, "month"):
            if not self._month_ok(m, text):
                continue
            out.extend(self._day_month(m, text, ref))
        for m in sc.iter(self.mdy, "month"):
            if not self._month_ok(m, text):
                continue
            out.extend(self._day_month(m, text, ref))
        return out

    def _day_month(self, m: re.Match[str], text: str, ref: date | None) -> list[Candidate]:
        mon = self._month(m["mon"])
        day = _leading_int(m["d"])
        end = m.end()
        year: int | None = None
        if m["y"]:
            year = int(m["y"])
        elif "yy" in m.re.groupindex and m["yy"]:
            yy = m["yy"].lstrip("'")
            abbreviated = m["mon"].rstrip(".") in self.abbreviations
            follows_word = _WORD_AFTER.match(text, m.end()) is not None
            if abbreviated or not follows_word:
                year = _two_digit_year(int(yy), ref)
            else:
                end = m.end("mon")
        if mon is None:
            return []
        if year is None:
            d = infer_year(mon, day, ref)
            yearless = True
        else:
            d = mkdate(year, mon, day)
            yearless = False
        if d is None:
            return []
        return [Candidate(m.start(), end, "explicit", d, yearless=yearless)]

    def _ranges(self, sc: Scan, ref: date | None) -> list[Candidate]:
        text = sc.text
        out: list[Candidate] = []
        for rx in (self.dmy_range, self.mdy_range):
            for m in sc.iter(rx, "month"):
                if not self._month_ok(m, text):
                    continue
                mon = self._month(m["mon"])
                d1 = _leading_int(m["d1"])
                d2 = _leading_int(m["d2"])
                sep = _LETTERS.search(sc.low, m.end("d1"), m.start("d2"))
                if mon is None or d2 <= d1:
                    continue
                # "December 9 and 10 soldiers": a word after the second number means it counts something
                # ("on 12 and 13 September" is two days, coded as the range)
                if (
                    rx is self.mdy_range
                    and sep
                    and not m["y"]
                    and not m["pre"]
                    and _WORD_OR_NUMBER_AFTER.match(text, m.end())
                    and not _FUNCTION_WORD_AFTER.match(text, m.end())  # "February 12 and 13 in Medellin"
                ):
                    continue
                if m["y"]:
                    start_d = mkdate(int(m["y"]), mon, d1)
                    yearless = False
                else:
                    start_d = infer_year(mon, d1, ref)
                    yearless = True
                if start_d is None:
                    continue
                end_d = mkdate(start_d.year, mon, d2)
                if end_d is None:
                    continue
                out.append(
                    Candidate(
                        m.start(),
                        m.end(),
                        "explicit",
                        start_d,
                        end_d,
                        range_precision(start_d, end_d),
                        yearless=yearless,
                    )
                )
        return out

    def _vague(self, sc: Scan, ref: date | None) -> list[Candidate]:
        text = sc.text
        out: list[Candidate] = []
        for m in sc.iter(self.month_year, "month"):
            if not self._month_ok(m, text):
                continue
            mon = self._month(m["mon"])
            if mon:
                first, last = _month_span(int(m["y"]), mon)
                out.append(Candidate(m.start(), m.end(), "explicit", first, _cap(first, last, ref), 3))
        for m in sc.iter(self.month_only, "month"):
            if not self._month_ok(m, text) or ref is None:
                continue
            word = text[m.start("mon") : m.end("mon")]
            if word.isupper() and m["mon"] in {"may", "march"} and _WORD_AFTER.match(text, m.end()):
                continue  # all-caps wire text "THIS MAY ALSO BE": a verb, not a month
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
            out.append(Candidate(start, m.end(), "explicit", first, _cap(first, last, ref), 3, yearless=True))
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
            out.append(
                Candidate(
                    start, m.end(), "explicit", date(y, 1, 1), _cap(date(y, 1, 1), date(y, 12, 31), ref), 3
                )
            )
        for m in sc.iter(self.the_year, "digit"):
            y = int(m["y"])
            if ref is None or y <= ref.year:
                out.append(
                    Candidate(
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

    def _relative(self, sc: Scan, ref: date | None) -> list[Candidate]:
        text = sc.text
        if ref is None:
            return []
        out: list[Candidate] = []
        for m in sc.iter(self.day_word, "rel"):
            off = self.lex.day_offsets.get(_norm(m["w"]))
            if off is not None:
                out.append(
                    Candidate(m.start(), m.end(), "relative", ref + timedelta(days=off), relative=True)
                )
        for m in sc.iter(self.period, "rel"):
            kind, prec = self.lex.periods[_norm(m["p"])]
            span = _period(kind, ref)
            if span:
                out.append(Candidate(m.start(), m.end(), "relative", span[0], span[1], prec, relative=True))
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
                if days > MAX_SPAN_DAYS:
                    continue
                d, prec = ref - timedelta(days=days), {"day": 1, "week": 2}.get(unit, 3)
            out.append(Candidate(m.start(), m.end(), "relative", d, None, prec, relative=True))
        for m in sc.iter(self.past, "past"):
            n = self._number(m["n"]) if m["n"] else 1
            if n is None:
                continue
            unit = m["u"].lower().rstrip("s")
            if unit == "hour":
                days = max(0, (n - 1) // 24)
            else:
                days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
            if days > MAX_SPAN_DAYS:
                continue
            prec = 1 if days == 0 else (2 if days <= 7 else 3)
            out.append(
                Candidate(
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
                Candidate(
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
            d = mkdate(ref.year, ref.month, day)
            if d is None or d > ref + timedelta(days=FUTURE_TOLERANCE_DAYS // 2):
                prev = ref.replace(day=1) - timedelta(days=1)
                d = mkdate(prev.year, prev.month, day)
            if d:
                out.append(Candidate(m.start(), m.end("d") + 2, "explicit", d, yearless=True))
        return out

    def _number(self, s: str) -> int | None:
        if s.isdigit():
            return int(s)
        return self.lex.numbers.get(_norm(s))

    def times(self, sc: Scan) -> list[Candidate]:
        out: list[Candidate] = []
        for rx in (self.time_hours, self.time_prep, self.time_ampm):
            for m in sc.iter(rx, "digit"):
                tod = clock(m["hh"], m["mi"], m.groupdict().get("ap"))
                if tod:
                    out.append(Candidate(m.start(), m.end(), "time", time_of_day=tod))
        for m in sc.iter(self.time_word, "rel"):
            tod = "00:00" if m["w"].lower() == "midnight" else "12:00"
            out.append(Candidate(m.start(), m.end(), "time", time_of_day=tod))
        return select(out)

    # ------------------------------------------------------------ combining



_WORD_AFTER = re.compile(r"[ \t]+[A-Za-z]")
_WORD_OR_NUMBER_AFTER = re.compile(r"\s+[A-Za-z0-9]")
# ... unless that word starts a phrase of its own, not a counted noun
_FUNCTION_WORD_AFTER = re.compile(
    r"\s+(?:in|at|on|near|by|when|as|during|after|before|while|from|with|and|but|the|a|an|of|to|for|outside|inside|"
    r"around|respectively|last|this|were|was|had|have|has)\b",
    re.I,
)
_LETTERS = re.compile(r"[a-z]+")


def _leading_int(s: str) -> int:
    """ "13th" -> 13."""
    return int(s.rstrip("stndrh"))


def _norm(s: str) -> str:
    return " ".join(s.lower().split())

