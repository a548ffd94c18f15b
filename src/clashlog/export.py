"""Serializing clashlog records: JSON, JSON Lines, ACLED-style CSV, GeoJSON, Parquet.

Every function takes plain lists of model records (`Article`, `Place`,
`Event`, `Claim`) or of dicts with the same keys, so that `clashlog extract`
and the store's query commands share one implementation.  Nothing here
prints: functions return strings/iterators or write to a file object given
by the caller.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from .errors import ClashlogError
from .lexicon_files import acled_region

# ACLED's column names, in ACLED's order, written first by `write_csv`
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities",
)  # fmt: skip
# contract event fields written after the ACLED columns (others a record carries follow them)
EXTRA_COLUMNS: tuple[str, ...] = (
    "event_id", "event_date_end", "time_of_day", "inter1", "inter2", "iso3", "fatalities_low",
    "fatalities_high", "article_ids", "claim_ids", "evidence", "contested",
)  # fmt: skip
LIST_SEPARATOR = "; "


class ExportError(ClashlogError):
    code = "CL040"


def as_dict(record: Any) -> dict[str, Any]:
    """A record's contract dict: ``to_dict()`` of a model record, or the dict itself."""
    if isinstance(record, dict):
        return record
    to_dict = getattr(record, "to_dict", None)
    if to_dict is None:
        raise TypeError(f"cannot export {type(record).__name__}: expected a model record or a dict")
    return to_dict()


def to_json(
    *,
    articles: Iterable[Any] = (),
    places: Iterable[Any] = (),
    events: Iterable[Any] = (),
    claims: Iterable[Any] = (),
    indent: int | None = 2,
) -> str:
    """The `--format json` document: ``{"articles", "places", "events", "claims"}``."""
    doc = {
        "articles": [as_dict(r) for r in articles],
        "places": [as_dict(r) for r in places],
        "events": [as_dict(r) for r in events],
        "claims": [as_dict(r) for r in claims],
    }
    return json.dumps(doc, ensure_ascii=False, indent=indent)


def article_bundle(
    article: Any, *, places: Iterable[Any] = (), events: Iterable[Any] = (), claims: Iterable[Any] = ()
) -> dict[str, Any]:
    """One article with what was extracted from it: the `--format jsonl` record."""
    return {
        "article": as_dict(article),
        "places": [as_dict(r) for r in places],
        "events": [as_dict(r) for r in events],
        "claims": [as_dict(r) for r in claims],
    }


def iter_jsonl(records: Iterable[Any]) -> Iterator[str]:
    """One compact JSON line (without the newline) per record."""
    for record in records:
        yield json.dumps(as_dict(record), ensure_ascii=False, separators=(",", ":"))



def iso_numeric(iso3: str | None) -> int | None:
    """ISO 3166-1 numeric code (ACLED's ``iso`` column), None when unknown."""
    if not iso3:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    return int(country.numeric) if country else None


def acled_row(event: Any) -> dict[str, Any]:
    """An event as one CSV row: ACLED columns first, then the contract's extra fields."""
    e = as_dict(event)
    date = e.get("event_date") or ""
    iso3 = e.get("iso3")
    row: dict[str, Any] = {
        "event_id_cnty": e.get("event_id"),
        "event_date": date,
        "year": int(date[:4]) if date[:4].isdigit() else None,
        "time_precision": e.get("time_precision"),
        "disorder_type": e.get("disorder_type"),
        "event_type": e.get("event_type"),
        "sub_event_type": e.get("sub_event_type"),
        "actor1": e.get("actor1"),
        "assoc_actor_1": e.get("assoc_actor_1"),
        "actor2": e.get("actor2"),
        "assoc_actor_2": e.get("assoc_actor_2"),
        "civilian_targeting": e.get("civilian_targeting"),
        "iso": e.get("iso", iso_numeric(iso3)),
        "region": e.get("region", acled_region(iso3)),
        "country": e.get("country"),
        "admin1": e.get("admin1"),
        "admin2": e.get("admin2"),
        "admin3": e.get("admin3"),
        "location": e.get("location"),
        "latitude": e.get("latitude"),
        "longitude": e.get("longitude"),
        "geo_precision": e.get("geo_precision"),
        "source": e.get("source"),
        "source_scale": e.get("source_scale"),
        "notes": e.get("notes"),
        "fatalities": e.get("fatalities"),
    }
    for key in EXTRA_COLUMNS:
        row[key] = e.get(key)
    for key, value in e.items():
        row.setdefault(key, value)
    return row


def _cell(value: Any, key: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if key == "evidence" or (isinstance(value, list) and any(isinstance(v, dict) for v in value)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def write_csv(events: Iterable[Any], fh: TextIO) -> int:
    """Write events as CSV (header always written); returns the number of rows."""
    rows = [acled_row(e) for e in events]
    columns: list[str] = list(ACLED_COLUMNS) + list(EXTRA_COLUMNS)
    for row in rows:
        columns.extend(k for k in row if k not in columns)
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(k), k) for k in columns])
    return len(rows)


def _coordinate(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def to_geojson(events: Iterable[Any]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of events; events without coordinates get ``geometry: null``."""
    features = []
    for event in events:
        e = as_dict(event)
        lat, lon = _coordinate(e.get("latitude")), _coordinate(e.get("longitude"))
        geometry = (
            {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        )
        features.append({"type": "Feature", "id": e.get("event_id"), "geometry": geometry, "properties": e})
    return {"type": "FeatureCollection", "features": features}


def write_parquet(rows: Sequence[Any], path: str | Path) -> int:
    """Write records to a Parquet file (needs pyarrow: ``pip install clashlog[parquet]``)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ExportError("Parquet export needs pyarrow: pip install 'clashlog[parquet]'") from exc
    dicts = [as_dict(r) for r in rows]
    table = pa.Table.from_pylist(dicts) if dicts else pa.table({})
    pq.write_table(table, str(path))
    return len(dicts)
