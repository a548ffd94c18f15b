"""Quantities: exact numbers, number words, ranges, bounds, vague amounts, breakdowns.

``parse_quantity`` reads one quantity expression; ``find_quantities`` scans a
text with one compiled regular expression and keeps only the numbers that can
count people or things.  The cascade for each candidate number:

1. the shape: digits ("12", "1,500", "1.5 million"), number words ("twelve",
   "twenty-one", "one hundred and five", "a dozen"), ranges ("30-40", "30 to
   40", "two or three", "between 10 and 15", "from 10 to 15"), "50+"/"50-plus",
   vague amounts ("dozens", "scores of", "hundreds", "several", "a few") and
   "a"/"an" before a counted noun ("a soldier" = 1);
2. a modifier before it (lexicons/quantity_modifiers.tsv);
3. context that makes it a non-count (dropped): years, dates ("December
   9-10", "9 December", "12.09.2022"), times ("10:40", "0600 hours"), measures,
   percentages, money (lexicons/non_count_units.tsv), ordinals ("3rd"), names
   and labels ("Resolution 2254", "LIB 289", "Su-25", "3+3 format",
   lexicons/label_words.txt), ages ("25-year-old");
4. the counted noun, looked up in lexicons/casualty_nouns.tsv;
5. breakdowns: "17, including 12 soldiers and 5 civilians" becomes one mention
   17 with parts [12, 5] (never 34).

Conventions for `model.Quantity` (documented and tested):

| text            | low  | high | flags        |
|-----------------|------|------|--------------|
| "12"            | 12   | 12   |              |
| "30-40"         | 30   | 40   |              |
| "about 50"      | 50   | 50   | approximate  |
| "at least 5"    | 5    | None |              |
| "more than 100" | 100  | None |              |
| "up to 60"      | None | 60   |              |
| "hundreds"      | 200  | None | vague        |
| "dozens"        | 24   | None | vague        |
| "several"       | 3    | None | vague        |
| "a few"         | 2    | None | vague        |

`point_value` gives the single figure a quantity stands for (``low``, else
``high``): "up to 60" stands for 60.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon_files import data_rows
from ..model import Quantity, QuantityMention

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_BEFORE = re.compile(_MONTHS + r"\.?\s*(?:of\s+)?$", re.I)
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s*(?:of\s+)?" + _MONTHS + r"\b", re.I)
_CURRENCY_BEFORE = re.compile(r"(?:[$€£₽₴¥]|\b(?:usd|eur|azn|amd|uah|rub|mmk|us\$|rs\.?))\s*$", re.I)
_CAPS_LABEL_BEFORE = re.compile(r"\b[A-Z]{2,6}\s*$")
_LETTER_HYPHEN_BEFORE = re.compile(r"[A-Za-z]-$")
_ARTICLE_ONE_BEFORE = re.compile(r"\b(?:no|the|this|that|any|every|each|which)\s+$", re.I)
_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_SCALED = re.compile(r"(\d+(?:\.\d+)?)\s+(million|thousand|billion)", re.I)
_WORD_SPLIT = re.compile(r"[\s-]+")
_TIME_AFTER = re.compile(r"(?::\d|[./]\d|\s*(?:hrs|hours|h)\b)")
_TIME_BEFORE = re.compile(r"\d[:./]$")
_PLUS_AFTER = re.compile(r"\s*\+\s*\d|-[A-Z]")
_PLUS_BEFORE = re.compile(r"\d\s*\+\s*$")
_PREV_WORD = re.compile(r"([A-Za-z][\w.]*)\s*$")
_FINAL_PUNCT = re.compile(r"[.;!?\n]")
_BREAKDOWN_CUE = re.compile(
    r"(?:\b(?:including|incl\.|among them|among whom|of whom|of them|of which|among those)\s+"
    r"(?:(?!were\b|was\b)[\w'’-]+\s+){0,3}|[:(–—]\s*)$",
    re.I,
)
# "four people, one of them seriously", "six soldiers, two of whom were officers": a part named after it
_PART_BEFORE_GAP = re.compile(r"^[^.;:!?\n\d]{0,40},\s*$")
_PART_OF = r"\s+(?:of (?:them|whom|those)|among them)"
_PART_OF_AFTER = re.compile(_PART_OF + r"\b", re.I)
_PART_OF_GAP = re.compile(_PART_OF + r"\s+", re.I)  # "one of them a child": the child is that one
_PART_GAP_BAD = re.compile(
    r"[.;!?\n]|\b(?:were|was|while|whereas|wounded|injured|killed|dead|died|but)\b", re.I
)
# "a police station", "a civilian car": the noun is a modifier there, not a counted person
_COMPOUND_HEADS = (
    "station|stations|car|cars|vehicle|post|checkpoint|building|area|house|headquarters|base|position|"
    "positions|convoy|unit|patrol|camp|infrastructure|facility|facilities|object|objects|settlement|village|"
    "district|spokesman|spokesperson|spokeswoman|source|sources|official|officials|statement|report|"
    "commander|chief|department|service|academy|school|uniform|uniforms|population|target|targets|"
    "deployment|operation|presence|column|truck|bus|plane|aircraft|helicopter|jet|jets|drone|drones|tank|tanks|"
    "boat|boats|ship|ships|planes|helicopters|trucks|vehicles"
)


@dataclass(frozen=True)
class NounInfo:
    singular: str
    category: str  # person, military, materiel, mine, uxo
    party: str | None


@dataclass(frozen=True)
class NumberLexicon:
    words: dict[str, tuple[int, str]]
    vague: tuple[tuple[str, int, int | None], ...]
    modifiers: dict[str, str]
    units: tuple[tuple[str, str], ...]
    labels: frozenset[str]
    nouns: dict[str, NounInfo]  # lower-cased singular and plural forms -> info


def load_lexicon(directory: Path = LEXICON_DIR) -> NumberLexicon:
    """Read the number lexicons (data files with a comment header)."""
    words = {r[0].lower(): (int(r[1]), r[2]) for r in data_rows(directory / "number_words.tsv")}
    vague = tuple(
        (r[0].lower(), int(r[1]), int(r[2]) if len(r) > 2 and r[2].strip() else None)
        for r in data_rows(directory / "vague_amounts.tsv")
    )
    modifiers = {r[0].lower(): r[1].strip() for r in data_rows(directory / "quantity_modifiers.tsv")}
    units = tuple((r[0], r[1].strip()) for r in data_rows(directory / "non_count_units.tsv"))
    labels = frozenset(r[0].strip().lower() for r in data_rows(directory / "label_words.txt"))
    nouns: dict[str, NounInfo] = {}
    for r in data_rows(directory / "casualty_nouns.tsv"):
        info = NounInfo(r[0], r[2].strip(), (r[3].strip() or None) if len(r) > 3 else None)
        nouns.setdefault(r[0].lower(), info)
        nouns.setdefault(r[1].lower(), info)
    return NumberLexicon(words, vague, modifiers, units, labels, nouns)


def _first(m: re.Match[str]) -> str | None:
    return m.group("n1") or m.group("w1")


def _second(m: re.Match[str]) -> str | None:
    return m.group("n2") or m.group("w2")


def point_value(q: Quantity) -> int | None:
    """The single figure a quantity stands for: ``low``, else ``high`` ("up to 60" -> 60)."""
    return q.low if q.low is not None else q.high


def _alt(items: list[str]) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


class NumberScanner:
    """A compiled scanner over one `NumberLexicon`; pure functions of text."""

    def __init__(self, lexicon: NumberLexicon) -> None:
        self.lex = lexicon
        nw = _alt([re.escape(w) for w in lexicon.words])
        word_num = (
            rf"(?:an?\s+(?=(?:hundred|thousand|million|dozen)\b))?(?:{nw})"
            rf"(?:(?:-|\s+|(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+)(?:{nw}))*"
        )
        digit_num = r"\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?(?:\s+(?:million|thousand|billion)\b)?"
        numd = rf"(?<![\w.,])(?:{digit_num})(?![\w])"
        numw = rf"\b(?:{word_num})\b"
        num = rf"(?:{numd}|{numw})"
        mods = _alt([re.escape(m).replace(r"\ ", r"\s+") for m in lexicon.modifiers])
        vague = _alt([re.escape(v[0]).replace(r"\ ", r"\s+") for v in lexicon.vague])
        self._num = re.compile(num, re.I)
        self._mention = re.compile(
            rf"\b(?:(?P<mod>{mods})\s+)?"
            rf"(?:\bbetween\s+(?P<b1>{num})\s+and\s+(?P<b2>{num})"
            rf"|\bfrom\s+(?P<f1>{num})\s+to\s+(?P<f2>{num})"
            rf"|\b(?P<vague>{vague})\b(?:\s+of\b)?"
            rf"|(?P<n1>{numd})(?:\s*(?:-|–|—|\bto\b|\bor\b)\s*(?P<n2>{numd}))?(?P<plus>\+(?!\s*\d)|-plus\b)?"
            rf"|(?P<w1>{numw})(?:\s*(?:-|–|—|\bto\b|\bor\b)\s*(?P<w2>{numw}))?)",
            re.I,
        )
        sg = _alt(
            [
                re.escape(n.singular).replace(r"\ ", r"\s+")
                for n in lexicon.nouns.values()
                if n.category in ("person", "military")
            ]
        )
        self._article = re.compile(
            rf"\b(?P<art>an?)\s+(?:(?!(?:and|or|of|the|was|were|is|few|couple|dozen|handful)\b)"
            rf"[\w'’-]+\s+){{0,2}}?(?P<noun>{sg})\b(?![-'’]\w)(?!\s+(?:{_COMPOUND_HEADS})\b)",
            re.I,
        )
        # headline lists: "five troops, civilian reported killed", "kills four civilians, soldier"
        self._listed_single = re.compile(
            rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<noun>{sg})\b(?![-'’]\w)"
            r"(?=\s*(?:[,.;:)\-–—]|$)|\s+(?:and|were|was|are|killed|dead|died|die|wounded|injured|hurt|"
            r"missing|reported\s+(?:killed|dead|wounded|injured|missing)|in|on|at|near|after|during)\b)",
            re.I,
        )
        word_units = [u for u, _ in lexicon.units if u != "%"]
        self._unit_after = re.compile(rf"^(?:\s*%|\s*-?\s*(?:{'|'.join(word_units)})\b)", re.I)
        self._age_after = re.compile(r"^\s*-?\s*years?\s*-?\s*old\b", re.I)
        noun_alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(lexicon.nouns, key=lambda s: -len(s)))
        self._noun = re.compile(
            r"^\s+(?:(?!(?:in|at|on|by|near|during|after|from|were|was|are|is|have|has|had|killed|wounded|"
            r"injured|dead|died|and|or|when|as)\b)[\w'’-]+\s+){0,3}?(?P<noun>" + noun_alt + r")\b(?![-'’]\w)",
            re.I,
        )
        self._next_noun = re.compile(
            r"\s+(?:(?!(?:and|or|of|in|at|on|by|to|with|from|the|a|an|were|was|are|is|who|that)\b)[\w'’-]+\s+)?"
            r"(?P<noun>" + noun_alt + r")\b(?![-'’]\w)",
            re.I,
        )
        anchor_words = set(lexicon.words) | {"a", "an", "between", "from"}
        anchor_words |= {
            re.split(r"\s+", p)[0] for p in list(lexicon.modifiers) + [v[0] for v in lexicon.vague]
        }
        self._anchors = frozenset(anchor_words)
        self._numberish = frozenset(
            set(lexicon.words) - {"a", "an"}
            | {w for v in lexicon.vague for w in re.split(r"\s+", v[0])} - {"a", "of"}
        )
        anchor_alt = "|".join(sorted((re.escape(w) for w in self._anchors), key=len, reverse=True))
        self._anchor_re = re.compile(rf"\d+|\b(?:{anchor_alt})\b")
        self._anchor_re_i = re.compile(rf"\d+|\b(?:{anchor_alt})\b", re.I)
        num_alt = "|".join(sorted((re.escape(w) for w in self._numberish), key=len, reverse=True))
        self._follow_re = re.compile(rf"(?:\s+[a-z-]+){{0,2}}?\s+(?:\d|(?:{num_alt})\b)", re.I)
        self._vague_values = {re.sub(r"\s+", " ", v[0]): (v[1], v[2]) for v in lexicon.vague}

    # ------------------------------------------------------------ parsing
    def number_value(self, s: str) -> int | None:
        """Integer value of one number (digits or words), or None."""
        s = s.strip()
        if not s:
            return None
        if s[0].isdigit():
            m = _SCALED.fullmatch(s)
            if m:
                scale = {"thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}[m.group(2).lower()]
                return int(round(float(m.group(1)) * scale))
            if "." in s:
                return None
            return int(s.replace(",", ""))
        return self._words_value(s)

    def _words_value(self, s: str) -> int | None:
        tokens = [t for t in _WORD_SPLIT.split(s.lower()) if t and t != "and"]
        if not tokens:
            return None
        total = 0
        current = 0
        last = ""  # role of the previous token
        for i, t in enumerate(tokens):
            if t in ("a", "an") and i == 0:
                current, last = 1, "unit"
                continue
            if t not in self.lex.words:
                return None
            value, role = self.lex.words[t]
            if role in ("unit", "teen"):
                if last in ("unit", "teen") or (last == "tens" and role == "teen"):
                    return None
                if last == "tens" and value == 0:
                    return None
                current += value
            elif role == "tens":
                if last in ("unit", "teen", "tens"):
                    return None
                current += value
            elif role == "dozen":
                current = (current or 1) * 12
            elif value == 100:
                if last == "scale100" or current >= 100:
                    return None
                current = (current or 1) * 100
                role = "scale100"
            else:  # thousand, million, billion
                total += (current or 1) * value
                current = 0
            last = role
        return total + current

    def _quantity(self, m: re.Match[str]) -> Quantity | None:
        mod = (m.group("mod") or "").lower()
        mod = self.lex.modifiers.get(re.sub(r"\s+", " ", mod), "") if mod else ""
        vague = False
        if m.group("vague"):
            low, high = self._vague_values[re.sub(r"\s+", " ", m.group("vague").lower())]
            vague = high is None
        elif m.group("b1"):
            low, high = self.number_value(m.group("b1")), self.number_value(m.group("b2"))
        elif m.group("f1"):
            low, high = self.number_value(m.group("f1")), self.number_value(m.group("f2"))
        else:
            low = self.number_value(_first(m) or "")
            high = self.number_value(_second(m) or "") if _second(m) else low
            if m.group("plus"):
                high = None
        if low is None and high is None:
            return None
        if low is not None and high is not None and high < low:
            return None
        approximate = mod == "approx"
        if mod == "min":
            high = None
        elif mod == "max":
            low, high = None, high if high is not None else low
        return Quantity(low=low, high=high, vague=vague, approximate=approximate)

    def parse(self, text: str) -> Quantity | None:
        """The first quantity expression in ``text`` (no context filtering), or None."""
        if not isinstance(text, str):
            return None
        for m in self._mention.finditer(text):
            q = self._quantity(m)
            if q is None and _second(m):
                q = self._single(m)
            if q is not None:
                return q
        art = self._article.search(text)
        if art:
            return Quantity(1, 1)
        return None

    def _single(self, m: re.Match[str]) -> Quantity | None:
        v = self.number_value(_first(m) or "")
        return Quantity(v, v) if v is not None else None

    # ------------------------------------------------------------ scanning
    def _mentions(self, text: str) -> Iterator[re.Match[str]]:
        """Like ``self._mention.finditer`` but tried only at anchor words (several times faster).

        Digits and number words are always tried; a modifier or vague word ("at least",
        "a few", "between") only when a number-ish word follows within three words.
        """
        last_end = 0
        low = text.lower()
        if len(low) == len(text):
            anchors = self._anchor_re.finditer(low)
        else:  # a few characters change length when lower-cased; stay on the original offsets
            low = text
            anchors = self._anchor_re_i.finditer(text)
        numberish = self._numberish
        for a in anchors:
            start = a.start()
            if start < last_end:
                continue
            w = a.group().lower()
            if not w[0].isdigit() and w not in numberish and not self._follow_re.match(low, a.end()):
                continue
            m = self._mention.match(text, start)
            if m is not None and m.end() > start:
                last_end = m.end()
                yield m

    def _is_non_count(self, text: str, start: int, end: int, m: re.Match[str], upper_text: bool) -> bool:
        before = text[max(0, start - 40) : start]
        after = text[end : end + 40]
        first = _first(m) or m.group("b1") or m.group("f1")
        second = _second(m)
        if m.group("vague"):
            return False
        # dates and times
        if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
            return True
        if _TIME_AFTER.match(after) or _TIME_BEFORE.search(before):
            return True
        if _PLUS_AFTER.match(after) or _PLUS_BEFORE.search(before):
            return True
        if self._unit_after.match(after) or self._age_after.match(after):
            return True
        if _CURRENCY_BEFORE.search(before):
            return True
        if _LETTER_HYPHEN_BEFORE.search(before) or before.endswith("#"):
            return True
        prev = _PREV_WORD.search(before) if first and first[0].isdigit() else None
        if prev:
            word = prev.group(1).lower()
            if word.endswith(".") and len(word) > 4:
                word = ""  # "... house. 5 soldiers": a sentence end, not "No. 5"
            if word in self.lex.labels or word.rstrip(".") in self.lex.labels or word in ("aged", "age"):
                # "No. 5", "Resolution 2254"; but "at least 5" etc. never reach here
                return True
            if not upper_text and _CAPS_LABEL_BEFORE.search(before) and first and first[0].isdigit():
                return True
        if first and first.lower() == "one" and not second and _ARTICLE_ONE_BEFORE.search(before):
            return True
        four = first is not None and len(first) == 4 and first.isdigit()
        if four and 1900 <= int(first) <= 2100 and not second:
            nm = self._noun.match(after)
            if not (nm and nm.start("noun") < 3):
                return True
        # "2014-2016", "2014-15"
        return bool(
            four and second and second.isdigit() and 2 <= len(second) <= 4 and 1900 <= int(first) <= 2100
        )

    def _counted_noun(self, text: str, end: int) -> tuple[str | None, int]:
        after = text[end : end + 80]
        cut = _FINAL_PUNCT.search(after)
        if cut:
            after = after[: cut.start()]
        comma = after.find(",")
        if comma >= 0:
            after = after[:comma]
        nm = self._noun.match(after)
        if nm:
            between = after[: nm.start("noun")]
            if not self._num.search(between):
                # "an army fighter jet", "two army vehicles": a noun right before another is its modifier
                head = self._next_noun.match(after, nm.end("noun"))
                if head:
                    return head.group("noun"), end + head.end("noun")
                return nm.group("noun"), end + nm.end("noun")
        return None, end

    def _listed_singles(self, text: str, found: list[QuantityMention]) -> list[QuantityMention]:
        """A bare singular person noun listed right after a counted plural: one more person."""
        out = []
        for q in found:
            if not q.noun or (point_value(q.quantity) or 0) < 2:
                continue
            at = text[q.end : q.end + 30 + len(q.noun)].lower().find(q.noun.lower())
            if at < 0:
                continue
            m = self._listed_single.match(text, q.end + at + len(q.noun))
            if m:
                out.append(QuantityMention(m.start("noun"), m.end("noun"), m.group("noun"), Quantity(1, 1),
                                           noun=m.group("noun")))
        return out

    def find(self, text: str) -> list[QuantityMention]:
        """Countable quantities in ``text``, in order, with exact character offsets."""
        if not isinstance(text, str) or not text:
            return []
        sample = text[:3000]
        n_upper, n_lower = len(_UPPER.findall(sample)), len(_LOWER.findall(sample))
        upper_text = n_upper > 1.5 * n_lower
        found: list[QuantityMention] = []
        taken: list[tuple[int, int]] = []
        for m in self._mentions(text):
            q = self._quantity(m)
            start, end = m.start(), m.end()
            if m.group("vague"):
                end = m.end("vague")  # "scores of": the span stops before "of"
            if q is None and _second(m):
                # "9-7" is not a range: keep the first number alone
                q = self._single(m)
                end = m.end("n1") if m.group("n1") else m.end("w1")
            if q is None:
                continue
            first_start = m.start("n1") if m.group("n1") else m.start("w1") if m.group("w1") else start
            if self._is_non_count(text, first_start, end, m, upper_text):
                continue
            noun, _ = self._counted_noun(text, end)
            found.append(QuantityMention(start, end, text[start:end], q, noun=noun))
            taken.append((start, end))
        covered = {i for a, b in taken for i in range(a, b)}
        for m in self._article.finditer(text):
            s, e = m.span("art")
            if s in covered:
                continue
            found.append(QuantityMention(s, e, text[s:e], Quantity(1, 1), noun=m.group("noun")))
        found.sort(key=lambda qm: qm.start)
        found.extend(self._listed_singles(text, found))
        found.sort(key=lambda qm: qm.start)
        return self._group_breakdowns(text, found)

    def _group_breakdowns(self, text: str, mentions: list[QuantityMention]) -> list[QuantityMention]:
        out: list[QuantityMention] = []
        i = 0
        while i < len(mentions):
            total = mentions[i]
            j = i + 1
            tv = point_value(total.quantity)
            if j < len(mentions) and tv is not None and not total.quantity.vague:
                gap = text[total.end : mentions[j].start]
                pv = point_value(mentions[j].quantity)
                if (
                    pv is not None
                    and pv <= tv
                    and _PART_BEFORE_GAP.match(gap)
                    and _PART_OF_AFTER.match(text, mentions[j].end)
                ):
                    # "injuring four people, one of them seriously": the one is among the four
                    total.parts = [mentions[j]]
                    out.append(total)
                    i = j + 1
                    if i < len(mentions) and _PART_OF_GAP.fullmatch(text[mentions[j].end : mentions[i].start]):
                        i += 1  # "one of them a child": the child is that one
                    continue
                if len(gap) <= 60 and _BREAKDOWN_CUE.search(gap) and not _FINAL_PUNCT.search(gap):
                    parts: list[QuantityMention] = []
                    running = 0
                    k = j
                    while k < len(mentions):
                        pv = point_value(mentions[k].quantity)
                        if pv is None or running + pv > tv:
                            break
                        if parts:
                            pgap = text[parts[-1].end : mentions[k].start]
                            if len(pgap) > 40 or _PART_GAP_BAD.search(pgap):
                                break
                        parts.append(mentions[k])
                        running += pv
                        k += 1
                    if parts:
                        total.parts = parts
                        out.append(total)
                        i = k
                        continue
            out.append(total)
            i += 1
        return out


@functools.cache
def default_scanner() -> NumberScanner:
    """The scanner over the packaged lexicons (built once per process)."""
    return NumberScanner(load_lexicon())


def parse_quantity(text: str) -> Quantity | None:
    """Parse one quantity expression ("twelve", "30-40", "up to 60", "dozens") or None."""
    return default_scanner().parse(text)


def find_quantities(text: str) -> list[QuantityMention]:
    """Every countable quantity in ``text`` (years, dates, times, measures, money, labels dropped)."""
    return default_scanner().find(text)


@Language.factory("clashlog_numbers", assigns=["doc._.quantities"])
def make_numbers(nlp: Language, name: str) -> NumbersStage:
    return NumbersStage(default_scanner())


class NumbersStage:
    def __init__(self, scanner: NumberScanner) -> None:
        self.scanner = scanner

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = self.scanner.find(doc.text)
        return doc
