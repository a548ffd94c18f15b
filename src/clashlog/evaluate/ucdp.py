"""Casualty figures and their claimants against the UCDP GED (Ukraine 2014-2016 file).

What goes in: each row's ``source_headline`` split on ";" — every headline is
its own article (they are separate reports, each with its own publication
date and outlet), published on the matching ``source_date`` entry and from
the outlet named in ``source_article``.  No gold date or figure is fed in.
Wire slugs in front of a headline ("UPDATE 2-", "WRAPUP 1-", "RPT-",
"EXCLUSIVE-", "WRAP: ") are wire metadata, not text, and are removed.  The
CSV's first data row holds HXL tags and is skipped.

Which rows count (README "Casualty figures (UCDP)"): rows whose headlines
contain a death word and whose gold ``best`` is among the numbers written
(digits, number words, "a"/"an" = 1) — "a killed figure is stated".

Metrics, over those rows:

- ``killed_exact``: ``best`` is among the killed figures of the row's claims
  (stance "asserts", kind "killed", point value = low, else high) — or, for a
  headline none of whose claims has a killed figure, its events'
  fatalities (they are derived from the claims, so they are not counted
  twice) — counting only headlines with at most two distinct killed figures
  (a headline that sprays more counts for nothing);
- ``figure_found``: the row got any killed figure at all;
- ``range_correct``: the lowest and highest killed figure over the row equal
  gold ``low`` and ``high``;
- ``claimant_recovered`` (rows whose ``source_original`` names someone other
  than the MemoryBook database): one of our claimants matches one of the
  gold's comma/semicolon/"and"-separated parts fuzzily — their content words
  (5-letter stems, "defence" = "defense", "separatists" = "rebels" =
  "insurgents", country names and demonyms left
  out) share two words, or one word that is at least half of the shorter name.  Many gold
  claimants come from the article body, which the file does not hold, so two
  narrower figures follow;
- ``claimant_recovered_when_stated``: the same, over the rows whose headline
  text itself matches the gold claimant under the same fuzzy rule — the
  claimant is written in what clashlog reads, as "where one is stated" reads
  for the killed figure.  Coincidences count against us ("Three rebels dead"
  matches a gold "rebels" although the rebels are the dead, not the source);
- ``claimant_recovered_when_named``: the same, over the rows whose headlines
  name any source at all (": X", " - X", "says", "according to"), whether or
  not it is the gold's;
- ``claimant_in_headlines``: the share of rows whose headlines name a source
  or contain the gold claimant — what the input holds at all.  A row outside
  it can be recovered only by coincidence (the outlet happens to be the gold
  claimant), so ``claimant_recovered`` over every row cannot rise much above
  it, however good the attribution.
"""

from __future__ import annotations

import csv
import logging
import re
from pathlib import Path

from ..model import RawArticle
from .metrics import ErrorCase, EvalReport, Metric

logger = logging.getLogger(__name__)

MAX_FIGURES_PER_HEADLINE = 2
_DEATH = re.compile(
    r"\b(?:kill\w*|dead|deaths?|die[sd]?|dying|slain|toll|fatalit\w*|lives|bodies|martyr\w*|perish\w*|executed)\b",
    re.I,
)
_SLUG = re.compile(
    r"^(?:(?:UPDATE|WRAPUP|RPT|EXCLUSIVE|CORRECTED|REFILE|FACTBOX|WRAP|INSIGHT|ANALYSIS)"
    r"(?:\s+\d+)?\s*[-:]\s*)+"
)
# a headline that names its source at all (independent of clashlog's attribution)
_NAMES_SOURCE = re.compile(
    r"(?::\s*[^:]{2,60}$|\s[-–—]\s*[^-–—]{2,60}$|[a-z]-[A-Z][^-]{2,40}$|\b(?:says?|said|according to|claims?|"
    r"reports?|citing)\b)",
    re.I,
)
_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_STOP = {
    "of",
    "the",
    "and",
    "a",
    "an",
    "in",
    "s",
    "for",
    "on",
    "by",
    "to",
    "from",
    "its",
    "self",
    "styled",
    "said",
    "says",
    "who",
    "with",
    "at",
    "as",
    "x2",
    "x3",
    "x4",
    "x5",
}


def written_numbers(text: str) -> set[int]:
    """Numbers written in a headline, read independently of clashlog's own parser."""
    out = {int(m.replace(",", "")) for m in re.findall(r"\d[\d,]*\d|\d", text)}
    words = {w: i for i, w in enumerate(_SMALL)}
    for m in re.finditer(r"\b([a-z]+)(?:-([a-z]+))?\b", text.lower()):
        a, b = m.group(1), m.group(2)
        if a in _TENS:
            out.add(
                _TENS[a] + (words.get(b or "", 0) if (b or "") in words and words.get(b or "", 0) < 10 else 0)
            )
        elif a in words:
            out.add(words[a])
        elif a in ("a", "an"):
            out.add(1)
        if b in words:
            out.add(words[b])
    return out


def load_rows(path: str | Path, *, limit: int | None = None) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if any(v.startswith("#") for v in row.values() if v):
                continue  # the HXL tag row
            rows.append(row)
            if limit is not None and len(rows) >= limit:
                break
    return rows


def _outlets(source_article: str) -> list[str]:
    return [part.strip().strip('"').split(",")[0].strip() for part in re.split(r'";\s*"', source_article)]


def stated(row: dict[str, str]) -> bool:
    heads = row.get("source_headline", "")
    try:
        best = int(row["best"])
    except (KeyError, ValueError):
        return False
    return bool(_DEATH.search(heads)) and best in written_numbers(heads)


_COUNTRY_WORDS: set[str] = set()


_SYNONYMS = {"separ": "rebel", "insur": "rebel"}  # "separatists" = "rebels" = "insurgents"


def _stems(name: str) -> set[str]:
    name = name.lower().replace("defence", "defense").replace("’", "'")
    stems = {w[:5] for w in re.findall(r"[a-z][a-z'-]*", name) if w not in _STOP and len(w) > 1}
    return {_SYNONYMS.get(w, w) for w in stems}


def _country_stems() -> set[str]:
    if not _COUNTRY_WORDS:
        from ..stages.attribution import default_attribution_lexicon

        lex = default_attribution_lexicon()
        for k in lex.countries:
            if " " not in k.strip():  # names and demonyms, not "... Special Administrative Region"
                _COUNTRY_WORDS.update(_stems(k))
        _COUNTRY_WORDS.update({"kiev", "kyiv", "mosco", "russi", "ukrai"})
    return _COUNTRY_WORDS


def claimant_matches(ours: str, gold: str) -> bool:
    """Fuzzy claimant match (module docstring)."""
    countries = _country_stems()
    a = _stems(ours) - countries
    for part in re.split(r"[,;\n/]|\band\b|\(|\)", gold):
        if "memory" in part.lower() or not part.strip():
            continue
        b = _stems(part) - countries
        common = a & b
        if len(common) >= 2 or (common and len(common) / max(1, min(len(a), len(b))) >= 0.5):
            return True
    return False


def _gold_claimant(row: dict[str, str]) -> str:
    parts = [
        p
        for p in re.split(r"[\n;]", row.get("source_original", ""))
        if p.strip() and "memory" not in p.lower()
    ]
    return "; ".join(p.strip() for p in parts)


def score_ucdp(path: str | Path, extractor, *, limit: int | None = None) -> EvalReport:  # noqa: ANN001
    """Score killed figures, ranges and claimants on the UCDP GED headlines (module docstring)."""
    rows = load_rows(path, limit=limit)
    chosen = [r for r in rows if stated(r)]
    hits = found = range_ok = 0
    cl_total = cl_hits = 0
    att_total = att_hits = 0
    in_heads = 0
    st_total = st_hits = 0
    sprayed = 0
    errors: list[ErrorCase] = []
    for row in chosen:
        heads = row["source_headline"].split(";")
        dates = row.get("source_date", "").split(";")
        outlets = _outlets(row.get("source_article", ""))
        figures: set[int] = set()
        lows: list[int] = []
        highs: list[int] = []
        claimants: set[str] = set()
        for k, head in enumerate(heads):
            text = _SLUG.sub("", head.strip())
            if not text:
                continue
            raw = RawArticle(
                source=f"ucdp:{row.get('id', '')}:{k}",
                text=text,
                published=(dates[k].strip() if k < len(dates) and dates[k].strip() else None),
                outlet=outlets[k] if k < len(outlets) and outlets[k] else None,
            )
            res = extractor.process(raw)
            killed: set[int] = set()
            for c in res.claims:
                if c.claimant:
                    claimants.add(c.claimant)
                if c.stance != "asserts" or c.quantity_kind != "killed":
                    continue
                v = c.value_low if c.value_low is not None else c.value_high
                if v is not None:
                    killed.add(v)
                    lows.append(v)
                    highs.append(c.value_high if c.value_high is not None else v)
            if (
                not killed
            ):  # events' fatalities are derived from the claims: used only when no claim has a figure
                killed = {ev.fatalities for ev in res.events if ev.fatalities}
            if len(killed) > MAX_FIGURES_PER_HEADLINE:
                sprayed += 1
                continue
            figures |= killed
        best = int(row["best"])
        if figures:
            found += 1
        if best in figures:
            hits += 1
        elif len(errors) < 60:
            errors.append(
                ErrorCase(row["source_headline"][:300], "killed", best, sorted(figures), row.get("id", ""))
            )
        try:
            if lows and min(lows) == int(row["low"]) and max(highs) == int(row["high"]):
                range_ok += 1
        except (KeyError, ValueError):
            pass
        gold_cl = _gold_claimant(row)
        if gold_cl:
            cl_total += 1
            named = any(_NAMES_SOURCE.search(_SLUG.sub("", h.strip())) for h in heads)
            stated_cl = claimant_matches(" ".join(_SLUG.sub("", h.strip()) for h in heads), gold_cl)
            att_total += named
            st_total += stated_cl
            in_heads += named or stated_cl
            if any(claimant_matches(c, gold_cl) for c in claimants):
                cl_hits += 1
                att_hits += named
                st_hits += stated_cl
            elif len(errors) < 120:
                errors.append(
                    ErrorCase(
                        row["source_headline"][:300],
                        "claimant",
                        gold_cl,
                        sorted(claimants),
                        row.get("id", ""),
                    )
                )
    n = len(chosen)
    metrics = [
        Metric.proportion("killed_exact", hits, n, "best among the killed figures, <= 2 per headline"),
        Metric.proportion("figure_found", found, n, "any killed figure for the row"),
        Metric.proportion("range_correct", range_ok, n, "min/max killed figure == gold low/high"),
        Metric.proportion("claimant_recovered", cl_hits, cl_total, "fuzzy match with source_original"),
        Metric.proportion(
            "claimant_recovered_when_stated",
            st_hits,
            st_total,
            "rows whose headline text contains the gold claimant (same fuzzy rule)",
        ),
        Metric.proportion(
            "claimant_recovered_when_named",
            att_hits,
            att_total,
            "rows whose headlines name a source (': X', ' - X', 'says', 'according to')",
        ),
        Metric.proportion(
            "claimant_in_headlines",
            in_heads,
            cl_total,
            "rows whose headlines name a source or contain the gold claimant: the input's ceiling",
        ),
        Metric("rows_scored", float(n), kind="count", note=f"of the first {len(rows)} rows"),
        Metric("headlines_sprayed", float(sprayed), kind="count", note="> 2 distinct killed figures"),
    ]
    return EvalReport(
        name="ucdp_ukraine_2014_2016",
        gold=str(path),
        n_records=n,
        metrics=metrics,
        errors=errors,
        notes="headlines in, one article per headline; see clashlog.evaluate.ucdp",
    )
