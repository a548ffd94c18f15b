"""Render EvalReports: a rich table for people, JSON for machines, and docs/accuracy.md.

The markdown puts every number beside the naive baseline and the issue's bar
(`BASELINES`), says what each number means and where it stops meaning
anything, and records the exact command that produced it.
"""

from __future__ import annotations

import json
import platform
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .metrics import EvalReport, Metric

# Reference figures, per report name and metric: (naive baseline, bar).  Sources:
# ../shared/eval/README.md (naive 60-line script, geoparsing targets) and issue 8's table.
# None = not given there.  A bar of "report" is shown as text.
BASELINES: dict[str, dict[str, tuple[float | None, float | str | None]]] = {
    "acled_armenia_2018_2019": {
        "event_type": (0.87, 0.96),
        "sub_event_type": (0.85, 0.93),
        "sub_event_type_macro_f1": (0.35, 0.75),
        "event_date": (1.00, 0.98),
        "actor1": (0.56, 0.93),
        "actor2": (0.87, 0.90),
        "place_25km": (0.20, None),
    },
    "acled_myanmar_2021h1": {
        "event_type": (0.86, 0.97),
        "sub_event_type": (0.81, 0.95),
        "sub_event_type_macro_f1": (0.71, 0.88),
        "event_date": (1.00, 0.98),
        "actor1": (0.32, 0.80),
        "actor2": (None, "report"),
        "fatalities": (0.02, 0.85),
        "place_25km": (0.26, None),
    },
    "geo_GWN": {
        "toponym_recall": (0.22, None),
        "accuracy_161km": (0.72, 0.90),
        "end_to_end_161km": (0.16, 0.72),
    },
    "geo_lgl": {
        "toponym_recall": (0.35, None),
        "accuracy_161km": (0.49, 0.85),
        "end_to_end_161km": (0.17, 0.70),
    },
    "ucdp_ukraine_2014_2016": {
        "killed_exact": (0.08, 0.80),
        "claimant_recovered_when_stated": (None, 0.60),
    },
}


def _fmt(value: float | None, kind: str = "proportion") -> str:
    if value is None:
        return "—"
    if kind == "km":
        return f"{value:.1f} km"
    if kind == "count":
        return f"{value:g}"
    return f"{value:.3f}"


def _ci(m: Metric) -> str:
    if m.ci_low is None or m.ci_high is None:
        return ""
    return f"{m.ci_low:.2f}–{m.ci_high:.2f}"


def _counts(m: Metric) -> str:
    if m.correct is not None and m.total is not None:
        return f"{m.correct}/{m.total}"
    return f"n={m.total}" if m.total is not None else ""


def _ref(report: EvalReport, m: Metric) -> tuple[str, str]:
    naive, bar = BASELINES.get(report.name, {}).get(m.name, (None, None))
    bar_s = bar if isinstance(bar, str) else (f"≥ {bar:.2f}" if bar is not None else "")
    return (f"{naive:.2f}" if naive is not None else "", bar_s)


def _short(value: Any, width: int = 60) -> str:
    s = "" if value is None else str(value)
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


# -------------------------------------------------------------------- rich


def rich_report(report: EvalReport, *, errors: int = 10, confusion: bool = True) -> Group:
    """A table of metrics (+ confusion matrix and the first ``errors`` errors) for the terminal."""
    parts: list[Any] = []
    t = Table(title=f"{report.name} — {report.n_records} records", title_justify="left")
    for col in ("metric", "value", "95% CI", "correct/total", "naive", "bar", "meaning"):
        t.add_column(col, justify="right" if col in {"value", "95% CI", "correct/total", "naive", "bar"} else "left")
    for m in report.metrics:
        naive, bar = _ref(report, m)
        t.add_row(m.name, _fmt(m.value, m.kind), _ci(m), _counts(m), naive, bar, m.note)
    parts.append(t)
    if confusion and report.confusion:
        parts.append(_rich_confusion(report.confusion, "event_type confusion (rows: gold, columns: predicted)"))
    if errors and report.errors:
        e = Table(title=f"errors (first {errors} of {len(report.errors)} listed)", title_justify="left")
        for col in ("ref", "field", "expected", "got", "text"):
            e.add_column(col)
        for err in _spread_errors(report, errors):
            e.add_row(err.ref, err.field, _short(err.expected, 40), _short(err.got, 40), _short(err.text, 90))
        parts.append(e)
    if report.notes:
        parts.append(Text(report.notes, style="dim"))
    return Group(*parts)


def _spread_errors(report: EvalReport, n: int) -> list[Any]:
    """The first ``n`` errors, taken round-robin over fields so every field shows up."""
    by_field: dict[str, list[Any]] = {}
    for e in report.errors:
        by_field.setdefault(e.field, []).append(e)
    out: list[Any] = []
    i = 0
    while len(out) < n and any(i < len(v) for v in by_field.values()):
        for v in by_field.values():
            if i < len(v) and len(out) < n:
                out.append(v[i])
        i += 1
    return out


def _labels(cm: dict[str, dict[str, int]]) -> tuple[list[str], list[str]]:
    # most frequent first; ties by name, so the same counts always give the same table
    rows = sorted(cm, key=lambda g: (-sum(cm[g].values()), g))
    cols = sorted({p for r in cm.values() for p in r}, key=lambda p: (-sum(r.get(p, 0) for r in cm.values()), p))
    return rows, cols


def _rich_confusion(cm: dict[str, dict[str, int]], title: str) -> Table:
    rows, cols = _labels(cm)
    t = Table(title=title, title_justify="left")
    t.add_column("gold \\ predicted")
    for c in cols:
        t.add_column(c, justify="right")
    for r in rows:
        t.add_row(r, *[str(cm[r].get(c, "")) for c in cols])
    return t


# -------------------------------------------------------------------- json


def reports_json(reports: Sequence[EvalReport], **extra: Any) -> str:
    return json.dumps({"reports": [r.to_dict() for r in reports], **extra}, indent=2, ensure_ascii=False)


# ---------------------------------------------------------------- markdown

MEANING = """\
## What each number means, and its limits

- **value** is a proportion of gold records (rows, messages, toponyms) that clashlog got right, with
  the **95% Wilson interval** and the counts it comes from. With 500 rows an interval is about
  ±0.02–0.04 wide: differences smaller than that are noise.
- **naive** is the 60-line keyword script of `../shared/eval/README.md` (first matching keyword →
  type and sub-type, first "D Month YYYY" → date, first demonym → "Military Forces of X", most
  populous same-named GeoNames city, first number before "killed"). A field that barely beats it
  has not started. **bar** is the target from issue 8 (ACLED) or the eval README (geoparsing).
- **ACLED notes** (`acled_*`): each row's `notes` is fed as one article, with the outlet as `outlet`
  and, as publication date, only 31 December of the gold event's year: notes often write "On 17
  October, ..." without the year, as news does, and a real article always has a publication date
  to take the year from. The gold day and month are never handed in.
  Of the events clashlog emits for the note, the one best matching the gold date and place is
  compared field by field; a note that yields no event is wrong on every field. Actors are compared
  at country/side level (the ACLED period "(2018-)" and any sub-unit after it are dropped; case is
  ignored); an empty gold actor2 needs an empty prediction. `fatalities` counts only rows with
  deaths (> 0). `place_25km` counts rows with gold coordinates; an event without coordinates is
  wrong. `sub_event_type_macro_f1` averages F1 over the sub-types present in the gold rows, so
  rare sub-types weigh as much as common ones.
  *Limits:* ACLED notes are coders' one-paragraph summaries written in a house style
  ("On <date>, ... in <place>"), not raw news: the date and place are always stated, the actors
  are named the ACLED way, and there is one event per note. Scores here **overstate** accuracy on
  real articles. The Armenia file is dominated by protests and ceasefire-violation reports (the
  near-identical MFA notes thinned to 1 in 12); the Myanmar file holds only
  Explosions/Remote violence, so its event_type accuracy says nothing about other types.
- **ACLED pre-2019 schema** (`acled_global_2016_oldschema`): old types are mapped to current ones
  ("Battle-No change of territory" → Battles/Armed clash, "Battle-Government regains territory" →
  Battles/Government regains territory, "Remote violence" → Explosions/Remote violence,
  "Riots/Protests" → Protests *or* Riots, "Violence against civilians", "Strategic development",
  "Non-violent transfer of territory", "Headquarters or base established"). The sub-type is
  scored only where the old type fixes it (Battles, the two named strategic developments).
  These notes often state no date at all ("Workers go on strike over payment of June
  salaries."), and an event needs one, so here — and only here — the gold event date is passed
  as the publication date and `event_date` is **not scored**; the other fields are.
- **UCDP GED** (`ucdp_*`): the `source_headline` text is fed (real headlines, `;`-joined); see the
  metric notes for what is counted. Headlines are terse and often about another day than the
  event, so dates and places are hard by construction. *Claimants:* UCDP coders wrote
  `source_original` from the article bodies, which the file does not hold ("Donetsk city
  council", "military spokesman Andriy Lysenko" behind a headline that ends ": officials" or
  names nobody), so `claimant_recovered` over every row is bounded well below 1 by the input.
  `claimant_recovered_when_stated` reads the claimant bar the way the killed-figure bar reads
  "where one is stated": the rows whose headline text itself contains the gold claimant (by the
  same fuzzy rule, applied to the raw headline — independent of clashlog's attribution).
- **MUC-4** (`muc4_*`): raw newswire (FBIS translations, Latin America 1989–92, upper case), the
  closest thing here to what users feed. Each message is one article; the date of its dateline
  ("SAN SALVADOR, 3 JAN 90 --") is passed as the publication date, as a news feed would give it
  (never a key's incident date). The answer keys hold one template per relevant
  incident; the messages without a relevant incident have no template. Scored per gold template:
  a template is aligned with the clashlog event of an accepted (mapped) type, then the best
  date, then the best place — so `incident_type` is the template recall of the type; several
  templates may share one event. Dates: "30 DEC 89" exact, "08 JAN 90 - 09 JAN 90" inside,
  "- 04 MAR 90" (on or before) within the 7 days up to it. `deaths` counts templates whose
  DEATH targets all have numeric HUM TGT: NUMBER fillers. `perp_confidence` compares the key's
  PERP: ORGANIZATION CONFIDENCE with what clashlog's claims say (a claim by the perpetrator =
  CLAIMED OR ADMITTED; an allegation by someone else = SUSPECTED OR ACCUSED, the "BY
  AUTHORITIES" variant folded in; the perpetrator as actor1 with neither = REPORTED AS FACT;
  POSSIBLE and ACQUITTED are never predicted). `relevance_*` compare, per message, "clashlog
  emits an event of a mapped type" with "the key has a relevant template". THREATENED
  incidents are not scored (a threat is not an ACLED event). See "MUC-4 incident types" below
  for the mapping. Optional and alternative fillers in the keys (`?`, `/`) are all accepted.
  *Limits:* MUC incident types are not ACLED types (ROBBERY, ARSON, and attacks on buildings
  have no clean ACLED twin), MUC-4 keys cover terrorism only (a clash between two armies is
  not an incident, which makes `relevance_precision` a lower bound), and an upper-case text is
  harder for a model trained on mixed case.
- **Geoparsing** (`geo_*`): *resolution* = accuracy within 161 km over the gold toponyms that
  clashlog found (name matches the gold span, case-insensitive), as papers report it when
  names are given; *end to end* = the same count over **all** gold toponyms (a missed name is
  wrong), which is what a user gets from raw text. Metrics ending in `_with_demonyms` score the
  same run with clashlog's demonym reading ("Russian" → Russia) added, as both corpora annotate
  demonyms; the places output itself lists none.
"""

REPRODUCE = """\
## Reproducing and checking

- `make eval` regenerates this file; `make eval-gate` runs the same scoring and fails (exit 1)
  when a metric drops below its floor in `eval_floors.toml` (CI runs it when `../shared/eval/`
  exists). Raising a floor is a one-line edit; lowering one is refused unless
  `--allow-lower-floors` is given.
- One file, with the errors listed: `clashlog eval --gold ../shared/eval/acled_armenia_2018_2019.csv
  --limit 500 --errors 30` (`--format json` for machines; `--kind acled|ucdp|muc|geo` when the
  format cannot be guessed).
- Limits used here: first 500 notes of each ACLED file, all 1,500 MUC-4 messages, all GeoWebNews
  and LGL articles, the first 2,000 UCDP rows.
"""


def markdown(
    run_reports: Sequence[EvalReport],
    *,
    command: str,
    titles: dict[str, str] | None = None,
    skipped: Sequence[tuple[str, str]] = (),
    seconds: dict[str, float] | None = None,
    revision: str | None = None,
    n_process: int = 2,
    extra_sections: Sequence[str] = (),
) -> str:
    """The whole of docs/accuracy.md."""
    titles = titles or {}
    seconds = seconds or {}
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# clashlog accuracy on the development set",
        "",
        "Generated by `make eval`; do not edit by hand. Produced by:",
        "",
        "```",
        command,
        "```",
        "",
        f"on {now}" + (f", revision `{revision}`" if revision else "")
        + f", Python {platform.python_version()}, {n_process} processes.",
        "The gold files live in `../shared/eval/` (not in this repository; see its README).",
        "",
    ]
    if skipped:
        lines += ["Skipped:", ""] + [f"- `{f}`: {why}" for f, why in skipped] + [""]
    # summary: the issue-8 table with our figures
    lines += _issue8_table(run_reports)
    lines += _geo_table(run_reports)
    for r in run_reports:
        lines += [f"## {titles.get(r.name, r.name)}", ""]
        lines += [f"`{r.gold}` — {r.n_records} records"
                  + (f", scored in {seconds[r.name]:.0f} s" if r.name in seconds else "") + ".", ""]
        lines += ["| metric | clashlog | 95% CI | correct / total | naive | bar | meaning |",
                  "|---|---|---|---|---|---|---|"]
        for m in r.metrics:
            naive, bar = _ref(r, m)
            lines.append(f"| {m.name} | **{_fmt(m.value, m.kind)}** | {_ci(m)} | {_counts(m)} | {naive} | {bar} | {m.note} |")
        lines.append("")
        if r.extra:
            lines += ["Also: " + "; ".join(f"{k} = {v}" for k, v in r.extra.items() if not isinstance(v, dict | list)), ""]
        for fld, cm in (r.confusions or ({"event_type": r.confusion} if r.confusion else {})).items():
            if cm:
                lines += _md_confusion(cm, f"Confusion, {fld} (rows: gold; columns: clashlog)")
        if r.notes:
            lines += [f"*{r.notes}*", ""]
    lines += [MEANING, "", REPRODUCE, ""]
    lines += list(extra_sections)
    return "\n".join(lines).rstrip() + "\n"


def _issue8_table(reports: Sequence[EvalReport]) -> list[str]:
    by = {r.name: r for r in reports}
    arm, mya = by.get("acled_armenia_2018_2019"), by.get("acled_myanmar_2021h1")
    if not arm and not mya:
        return []
    rows = [
        ("event_type", "event_type"),
        ("sub_event_type (accuracy)", "sub_event_type"),
        ("sub_event_type macro-F1 over the gold sub-types", "sub_event_type_macro_f1"),
        ("event_date exact", "event_date"),
        ("actor1 (country/side level)", "actor1"),
        ("actor2 (country/side level)", "actor2"),
        ("fatalities exact, events with deaths", "fatalities"),
        ("place within 25 km", "place_25km"),
    ]
    out = [
        "## Summary: the issue-8 table (first 500 notes of each ACLED file)",
        "",
        "| field | naive, Armenia | **clashlog, Armenia** | bar, Armenia | naive, Myanmar | **clashlog, Myanmar** | bar, Myanmar |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, key in rows:
        cells = [label]
        for rep, name in ((arm, "acled_armenia_2018_2019"), (mya, "acled_myanmar_2021h1")):
            naive, bar = BASELINES.get(name, {}).get(key, (None, None))
            m = rep.metric(key) if rep else None
            cells += [
                f"{naive:.2f}" if naive is not None else "—",
                f"**{m.value:.2f}**" if m else "—",
                bar if isinstance(bar, str) else (f"≥ {bar:.2f}" if bar is not None else "—"),
            ]
        out.append("| " + " | ".join(cells) + " |")
    return out + [""]


def _geo_table(reports: Sequence[EvalReport]) -> list[str]:
    geo = [r for r in reports if r.name in {"geo_GWN", "geo_lgl"}]
    if not geo:
        return []
    out = ["## Summary: geoparsing (eval README targets)", "",
           "| corpus | naive: found / resolution / end to end | **clashlog: found / resolution / end to end** "
           "| target: resolution / end to end |", "|---|---|---|---|"]
    keys = ("toponym_recall", "accuracy_161km", "end_to_end_161km")
    for r in geo:
        ref = BASELINES.get(r.name, {})
        naive = " / ".join(f"{ref[k][0]:.2f}" if ref.get(k, (None,))[0] is not None else "—" for k in keys)
        ours = " / ".join(f"{m.value:.2f}" if (m := r.metric(k)) else "—" for k in keys)
        target = " / ".join(f"≥ {ref[k][1]:.2f}" for k in keys[1:] if isinstance(ref.get(k, (None, None))[1], float))
        out.append(f"| {r.name} | {naive} | **{ours}** | {target} |")
        if r.metric(keys[0] + "_with_demonyms"):
            dem = " / ".join(f"{m.value:.2f}" if (m := r.metric(k + "_with_demonyms")) else "—" for k in keys)
            out.append(f"| {r.name}, demonyms counted | — | {dem} | (see below) |")
    out += ["", "*Demonyms counted*: both corpora annotate demonyms as toponyms (\"Russian\" → Russia), and",
            "Mordecai 3's \"with fixes\" figures below count them. clashlog's `places` output never lists a",
            "demonym (it names a people, not where something happened); the places stage reads them for",
            "actors and for the countries an article concerns, and this row scores that reading added to",
            "the places, from the same run. The targets are read on the first row.",
            "", "Published figures of other geoparsers on the same corpora, for comparison (accuracy within",
            "161 km; *names given* = scored only on gold toponyms, like our *resolution* column):", "",
            "| corpus | Mordecai 3, names given | Mordecai 3 from raw text "
            "| CLAVIN: resolution / found (its own NER) | CLIFF-CLAVIN |", "|---|---|---|---|---|"]
    for r in geo:
        m3_given, m3_raw = PUBLISHED_GEO.get(r.name, ("—", "—"))
        clavin = PUBLISHED_CLAVIN.get(r.name, "none published")
        out.append(f"| {r.name} | {m3_given} | {m3_raw} | {clavin} | none published (see below) |")
    out += ["", "Sources: Mordecai 3's repository README (3.5 model, acc@161 km: GWN 94.1, LGL 82.7) and its",
            "end-to-end experiment report as summarized in `../shared/eval/README.md` (≈ 0.60 / ≈ 0.57 from raw",
            "text). CLAVIN (the resolver inside CLIFF-CLAVIN, without CLIFF's news heuristics): Gritta et",
            "al. 2018, \"What's missing in geographical parsing?\", whose released system outputs on LGL",
            "score acc@161 km 0.706 over the 1,977 toponyms CLAVIN found, recall 0.443, precision 0.813,",
            "median error 1.0 km (`results_lgl.txt` of its evaluation repository, scored by that repository's",
            "own code on its copy of LGL, so the figures sit beside ours, not on the same scorer). CLIFF-CLAVIN",
            "itself publishes no figure on GeoWebNews or LGL: its site reports only a check of the",
            "article's focus country on 75 hand-coded articles (95 %). Running it here would need a Java",
            "server and a downloaded GeoNames index, which the offline rule excludes."]
    return out + [""]


# CLAVIN on LGL (Gritta et al. 2018 system outputs): acc@161 km over the toponyms it found / recall.
PUBLISHED_CLAVIN = {"geo_lgl": "0.71 / 0.44"}
# Published accuracy@161 km of Mordecai 3 on the same corpora: (names given, from raw text).
PUBLISHED_GEO = {"geo_GWN": ("0.94", "≈ 0.60 (0.71 with fixes)"), "geo_lgl": ("0.83", "≈ 0.57 (0.76 with fixes)")}


def _md_confusion(cm: dict[str, dict[str, int]], title: str) -> list[str]:
    rows, cols = _labels(cm)
    out = [f"{title}:", "", "| gold \\ clashlog | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for r in rows:
        out.append(f"| {r} | " + " | ".join(str(cm[r].get(c, "")) for c in cols) + " |")
    return out + [""]
