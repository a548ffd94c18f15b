"""Score clashlog against an ACLED export: each row's ``notes`` in, its coding out.

How a row is scored (as in the shared eval README, "ACLED notes"):

1. The row's ``notes`` is fed as one article (``source`` = ``"<file>:<event_id_cnty>"``,
   ``outlet`` = the row's ``source``) and, as publication date, only the 31
   December of the gold event's year (`articles_for`): notes often write "On 17
   October, ..." without the year, as a news report does, and a real article
   always has a publication date to take the year from.  The gold day and
   month are never handed in, so event_date is still read from the note.
2. Of the events clashlog emits for that note, the one that best matches the
   gold *date and place* is chosen (`best_event`); the event type plays no part
   in the choice, so a wrong type cannot be rescued by picking another event.
3. That event is compared field by field.  A row with no events counts as
   wrong for every field.

Fields: ``event_type``; ``sub_event_type`` (accuracy, and macro-F1 over the
gold sub-types); ``event_date`` exact; ``actor1``/``actor2`` at country/side
level (the ACLED period "(2018-)" and anything after it are dropped, so
"Military Forces of Libya (2016-) Presidential Guard" ≡ "Military Forces of
Libya"; an empty gold actor2 needs an empty prediction); ``fatalities`` exact
on rows with deaths only; ``place_25km`` (rows with gold coordinates; an
event without coordinates is wrong); ``admin1``; ``location``;
``geo_precision``.

Old (pre-2019) exports have no ``sub_event_type``; their types are mapped with
`OLD_TYPE_MAP`.  Where the old type does not fix the sub-type ("Remote
violence", "Violence against civilians", "Riots/Protests", "Strategic
development") only the event type is scored, and "Riots/Protests" accepts
either Protests or Riots (the disorder group).

`compare_acled` is the pure part (gold rows + predicted events -> report) and
needs no spaCy model; `score_acled` runs an extractor and then compares.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from ..errors import EvalError
from ..model import Event, ExtractResult, RawArticle
from .metrics import ErrorCase, EvalReport, Metric, confusion_matrix, haversine_km, macro_f1

NONE_LABEL = "(no event)"
PROTEST_GROUP = "Protests/Riots"
PLACE_KM = 25.0
ERRORS_PER_FIELD = 40

# old (pre-2019) event type -> (event_type, sub_event_type or None when the old type does not fix it)
OLD_TYPE_MAP: dict[str, tuple[str, str | None]] = {
    "battle-no change of territory": ("Battles", "Armed clash"),
    "battle-government regains territory": ("Battles", "Government regains territory"),
    "battle-non-state actor overtakes territory": ("Battles", "Non-state actor overtakes territory"),
    "remote violence": ("Explosions/Remote violence", None),
    "riots/protests": (PROTEST_GROUP, None),
    "violence against civilians": ("Violence against civilians", None),
    "strategic development": ("Strategic developments", None),
    "strategic developments": ("Strategic developments", None),
    "headquarters or base established": ("Strategic developments", "Headquarters or base established"),
    "non-violent transfer of territory": ("Strategic developments", "Non-violent transfer of territory"),
}

# event types a gold "group" label accepts
TYPE_GROUPS: dict[str, frozenset[str]] = {PROTEST_GROUP: frozenset({"Protests", "Riots"})}


class _Extractor(Protocol):
    def extract(self, items: Any, *, n_process: int | None = None) -> Any: ...


@dataclass
class AcledGold:
    """One gold row, normalized to the current (2020) schema."""

    ref: str  # event_id_cnty
    notes: str
    outlet: str
    event_type: str
    sub_event_type: str | None  # None: the (old) type does not fix it
    event_date: str  # YYYY-MM-DD
    actor1: str
    actor2: str
    assoc_actor_1: str = ""
    assoc_actor_2: str = ""
    admin1: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None  # None: the export has no fatalities column
    old_type: str | None = None  # the pre-2019 type as written


@dataclass
class RowResult:
    """The comparison of one gold row with the chosen event (kept for tests and error lists)."""

    gold: AcledGold
    event: Any | None
    fields: dict[str, bool] = field(default_factory=dict)


# ----------------------------------------------------------------- loading


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "", "NA") else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value not in (None, "", "NA") else None
    except ValueError:
        return None


def _iso_date(value: str) -> str:
    value = (value or "").strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y", "%m/%d/%Y"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return value


def _clean(value: str | None) -> str:
    value = (value or "").strip()
    return "" if value == "NA" else value


def is_old_schema(fieldnames: Sequence[str]) -> bool:
    """Pre-2019 exports have no ``sub_event_type`` column."""
    return "sub_event_type" not in fieldnames


def map_old_type(old: str) -> tuple[str, str | None]:
    """Map a pre-2019 event type to (current event_type or group, sub_event_type or None)."""
    key = " ".join(old.strip().lower().split())
    if key in OLD_TYPE_MAP:
        return OLD_TYPE_MAP[key]
    raise EvalError(f"unknown pre-2019 ACLED event type: {old!r}")


def load_acled(path: str | Path, *, limit: int | None = None, old_schema: bool | None = None) -> list[AcledGold]:
    """Read an ACLED export (2020 schema, or the pre-2019 one, detected when ``old_schema`` is None)."""
    path = Path(path)
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise EvalError(f"cannot read ACLED file {path}: {exc}") from exc
    rows: list[AcledGold] = []
    with fh:
        reader = csv.DictReader(fh)
        names = reader.fieldnames or []
        for need in ("notes", "event_type", "event_date", "actor1"):
            if need not in names:
                raise EvalError(f"{path} is not an ACLED export: no {need!r} column")
        old = is_old_schema(names) if old_schema is None else old_schema
        for row in reader:
            if limit is not None and len(rows) >= limit:
                break
            if old:
                event_type, sub = map_old_type(row["event_type"])
                old_type = row["event_type"].strip()
                assoc1, assoc2 = row.get("ally_actor_1", ""), row.get("ally_actor_2", "")
            else:
                event_type, sub = row["event_type"].strip(), _clean(row.get("sub_event_type")) or None
                old_type = None
                assoc1, assoc2 = row.get("assoc_actor_1", ""), row.get("assoc_actor_2", "")
            rows.append(
                AcledGold(
                    ref=_clean(row.get("event_id_cnty")) or f"row{len(rows) + 1}",
                    notes=row.get("notes") or "",
                    outlet=_clean(row.get("source")),
                    event_type=event_type,
                    sub_event_type=sub,
                    event_date=_iso_date(row["event_date"]),
                    actor1=_clean(row.get("actor1")),
                    actor2=_clean(row.get("actor2")),
                    assoc_actor_1=_clean(assoc1),
                    assoc_actor_2=_clean(assoc2),
                    admin1=_clean(row.get("admin1")),
                    location=_clean(row.get("location")),
                    latitude=_float(row.get("latitude")),
                    longitude=_float(row.get("longitude")),
                    geo_precision=_int(row.get("geo_precision")),
                    fatalities=_int(row.get("fatalities")) if "fatalities" in names else None,
                    old_type=old_type,
                )
            )
    return rows


def articles_for(golds: Sequence[AcledGold], file_label: str, *, gold_date: bool = False) -> list[RawArticle]:
    """One article per gold row: the notes, the outlet, and a year-only reference date.

    Most ACLED notes write "On 17 October, ..." without the year, as a news report
    does; a real article always has a publication date to take the year from.  We
    give the last day of the gold event's *year* as the publication date — the year
    only, never the day or month, so event_date is still read from the note.

    ``gold_date`` hands in the gold event date itself as the publication date (only for
    pre-2019 notes, which often state no date at all; event_date is then not scored).
    """
    return [
        RawArticle(source=f"{file_label}:{g.ref}", text=g.notes, outlet=g.outlet or None,
                   published=g.event_date if gold_date else _year_end(g.event_date))
        for g in golds
    ]


def _year_end(event_date: str | None) -> str | None:
    """The 31 December of the event's year: a reference that reveals the year only."""
    if not event_date or len(event_date) < 4 or not event_date[:4].isdigit():
        return None
    return f"{event_date[:4]}-12-31"


# --------------------------------------------------------------- comparing

_PERIOD = re.compile(r"\s*\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\).*$")


def _fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[-‐‑–—_'’`]", " ", text).casefold().split())


def normalize_actor(name: str | None) -> str:
    """Country/side level: drop the ACLED period "(2018-)"/"(1994-2008)" and any sub-unit after it.

    "Military Forces of Armenia (2018-)" -> "military forces of armenia";
    "Military Forces of Libya (2016-) Presidential Guard" -> "military forces of libya";
    "Protesters (Armenia)" stays "protesters (armenia)" (a country in brackets is not a period).
    """
    name = (name or "").strip()
    name = _PERIOD.sub("", name)
    return " ".join(name.casefold().split())


def strip_assoc(name: str | None) -> str:
    """The main actor of a "; "-joined list (predictions sometimes carry an assoc actor along)."""
    return normalize_actor((name or "").split(";")[0])


def actors_match(gold: str | None, pred: str | None) -> bool:
    """Country/side-level equality; an empty gold actor needs an empty prediction."""
    g, p = normalize_actor(gold), normalize_actor(pred)
    if not g:
        return not p
    return g == p or strip_assoc(gold) == strip_assoc(pred)


def _get(event: Any, name: str) -> Any:
    if isinstance(event, dict):
        return event.get(name)
    return getattr(event, name, None)


def _event_day_range(event: Any) -> tuple[date | None, date | None]:
    try:
        first = date.fromisoformat(str(_get(event, "event_date"))[:10])
    except ValueError:
        return None, None
    end = _get(event, "event_date_end")
    try:
        last = date.fromisoformat(str(end)[:10]) if end else first
    except ValueError:
        last = first
    return first, last


def _place_score(gold: AcledGold, event: Any) -> float:
    lat, lon = _get(event, "latitude"), _get(event, "longitude")
    if gold.latitude is not None and gold.longitude is not None and lat is not None and lon is not None:
        km = haversine_km(gold.latitude, gold.longitude, float(lat), float(lon))
        if km <= PLACE_KM:
            return 2.0 - km / (10 * PLACE_KM)  # closer is better, always above a name match
    if gold.location and _fold(_get(event, "location")) == _fold(gold.location):
        return 1.0
    if gold.admin1 and _fold(_get(event, "admin1")) == _fold(gold.admin1):
        return 0.5
    return 0.0


def _date_score(gold: AcledGold, event: Any) -> float:
    try:
        g = date.fromisoformat(gold.event_date)
    except ValueError:
        return 0.0
    first, last = _event_day_range(event)
    if first is None:
        return 0.0
    if first == g:
        return 2.0
    if last is not None and first <= g <= last:
        return 1.0
    return 0.0


def best_event(gold: AcledGold, events: Sequence[Any]) -> Any | None:
    """The emitted event that best matches the gold date and place (first one on ties)."""
    best, best_score = None, -1.0
    for ev in events:
        score = _date_score(gold, ev) * 10 + _place_score(gold, ev)
        if score > best_score:
            best, best_score = ev, score
    return best


def _type_ok(gold: AcledGold, event_type: str | None) -> bool:
    return (event_type or "") in TYPE_GROUPS.get(gold.event_type, frozenset({gold.event_type}))


def compare_row(gold: AcledGold, events: Sequence[Any]) -> RowResult:
    """Pick the best event and decide, field by field, whether it is right.

    Fields that do not apply to the row (no gold sub-type, no deaths, no gold
    coordinates) are absent from ``fields``.
    """
    ev = best_event(gold, events)
    res = RowResult(gold, ev)
    f = res.fields
    got = (lambda name: _get(ev, name)) if ev is not None else (lambda name: None)
    f["event_type"] = ev is not None and _type_ok(gold, got("event_type"))
    if gold.sub_event_type:
        f["sub_event_type"] = ev is not None and got("sub_event_type") == gold.sub_event_type
    f["event_date"] = ev is not None and str(got("event_date") or "")[:10] == gold.event_date
    f["actor1"] = ev is not None and actors_match(gold.actor1, got("actor1"))
    f["actor2"] = ev is not None and actors_match(gold.actor2, got("actor2"))
    if gold.fatalities is not None and gold.fatalities > 0:
        fat = got("fatalities")
        f["fatalities"] = ev is not None and fat is not None and int(fat) == gold.fatalities
    if gold.latitude is not None and gold.longitude is not None:
        lat, lon = got("latitude"), got("longitude")
        f["place_25km"] = (
            ev is not None
            and lat is not None
            and lon is not None
            and haversine_km(gold.latitude, gold.longitude, float(lat), float(lon)) <= PLACE_KM
        )
    if gold.admin1:
        f["admin1"] = ev is not None and _fold(got("admin1")) == _fold(gold.admin1)
    if gold.location:
        f["location"] = ev is not None and _fold(got("location")) == _fold(gold.location)
    if gold.geo_precision is not None:
        gp = got("geo_precision")
        f["geo_precision"] = ev is not None and gp is not None and int(gp) == gold.geo_precision
    return res


# metric name -> (gold attribute shown in errors, predicted attribute, description)
FIELDS: dict[str, tuple[str, str, str]] = {
    "event_type": ("event_type", "event_type", "event type"),
    "sub_event_type": ("sub_event_type", "sub_event_type", "sub-event type (accuracy)"),
    "event_date": ("event_date", "event_date", "event date exact"),
    "actor1": ("actor1", "actor1", "actor1 (country/side level)"),
    "actor2": ("actor2", "actor2", "actor2 (country/side level; empty must be empty)"),
    "fatalities": ("fatalities", "fatalities", "fatalities exact, rows with deaths"),
    "place_25km": ("location", "location", f"place within {PLACE_KM:g} km (rows with gold coordinates)"),
    "admin1": ("admin1", "admin1", "admin1 name"),
    "location": ("location", "location", "location name"),
    "geo_precision": ("geo_precision", "geo_precision", "geo_precision"),
}


def _label(value: Any) -> str:
    return str(value) if value not in (None, "") else "(none)"


def compare_acled(
    golds: Sequence[AcledGold],
    predictions: Sequence[Sequence[Any]],
    *,
    name: str,
    gold_path: str = "",
    score_date: bool = True,
) -> EvalReport:
    """Score predicted events (one list per gold row, same order) against the gold rows.

    ``score_date=False`` leaves event_date out (when the gold date was handed in).
    """
    if len(golds) != len(predictions):
        raise EvalError(f"{len(golds)} gold rows but {len(predictions)} prediction lists")
    results = [compare_row(g, evs) for g, evs in zip(golds, predictions, strict=True)]
    report = EvalReport(name=name, gold=gold_path, n_records=len(golds))
    for metric_name, (gold_attr, pred_attr, desc) in FIELDS.items():
        applicable = [r for r in results if metric_name in r.fields]
        if not applicable or (metric_name == "event_date" and not score_date):
            continue
        correct = sum(r.fields[metric_name] for r in applicable)
        report.metrics.append(Metric.proportion(metric_name, correct, len(applicable), note=desc))
        if metric_name == "sub_event_type":
            pairs = [(r.gold.sub_event_type or "", _pred_label(r, "sub_event_type")) for r in applicable]
            gold_labels = {g for g, _ in pairs}
            report.metrics.append(
                Metric(
                    "sub_event_type_macro_f1",
                    macro_f1(pairs, gold_labels),
                    total=len(pairs),
                    kind="f1",
                    note=f"sub-event type macro-F1 over the {len(gold_labels)} gold sub-types",
                )
            )
        wrong = [r for r in applicable if not r.fields[metric_name]]
        for r in wrong[:ERRORS_PER_FIELD]:
            report.errors.append(
                ErrorCase(
                    text=r.gold.notes,
                    field=metric_name,
                    expected=getattr(r.gold, gold_attr),
                    got=_get(r.event, pred_attr) if r.event is not None else NONE_LABEL,
                    ref=r.gold.ref,
                )
            )
    type_pairs = [(r.gold.event_type, _pred_label(r, "event_type")) for r in results]
    sub_pairs = [(r.gold.sub_event_type or "", _pred_label(r, "sub_event_type")) for r in results if r.gold.sub_event_type]
    report.confusion = confusion_matrix(type_pairs)
    report.confusions = {"event_type": report.confusion, "sub_event_type": confusion_matrix(sub_pairs)}
    report.extra = {
        "rows_without_events": sum(1 for r in results if r.event is None),
        "events_per_row": round(sum(len(p) for p in predictions) / len(golds), 3) if golds else 0.0,
        "old_schema": any(g.old_type for g in golds),
    }
    return report


def _pred_label(r: RowResult, attr: str) -> str:
    return _label(_get(r.event, attr)) if r.event is not None else NONE_LABEL


# ---------------------------------------------------------------- running


def predict(extractor: _Extractor, articles: Sequence[RawArticle], *, n_process: int = 2) -> list[list[Event]]:
    """Run the extractor; one list of events per article, in order (a failed article gives [])."""
    out: list[list[Event]] = []
    for result in extractor.extract(articles, n_process=n_process):
        assert isinstance(result, ExtractResult)
        out.append(list(result.events))
    return out


def score_acled(
    path: str | Path,
    extractor: _Extractor,
    *,
    limit: int | None = None,
    old_schema: bool | None = None,
    n_process: int = 2,
    gold_date: bool | None = None,
) -> EvalReport:
    """Feed each gold row's notes to ``extractor`` and compare its events with the coding.

    ``gold_date`` (default: only for pre-2019 files) passes the gold event date as the
    publication date and leaves event_date unscored: old notes often state no date at all
    ("Workers go on strike over June salaries."), and without one no event can be dated.
    """
    path = Path(path)
    golds = load_acled(path, limit=limit, old_schema=old_schema)
    old = any(g.old_type for g in golds)
    give = old if gold_date is None else gold_date
    predictions = predict(extractor, articles_for(golds, path.name, gold_date=give), n_process=n_process)
    report = compare_acled(golds, predictions, name=path.stem, gold_path=str(path), score_date=not give)
    report.notes = (
        "ACLED notes are coders' one-paragraph summaries, not raw news: scores on them overstate "
        "accuracy on raw articles."
        + (" Pre-2019 types mapped to the current taxonomy; sub-type scored only where the old type fixes it."
           if old else "")
        + (" The gold event date was passed as the publication date (many notes state none), so "
           "event_date is not scored." if give else "")
    )
    if limit is not None:
        report.notes += f" First {limit} rows of the file."
    return report
