"""Model records <-> table rows (plain dicts), in one place."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from ..model import Article, Claim, Event, Evidence, Place

_EVENT_FIELDS = {f.name for f in dataclasses.fields(Event)}
_CLAIM_FIELDS = {f.name for f in dataclasses.fields(Claim)}
_PLACE_FIELDS = {f.name for f in dataclasses.fields(Place)}
_ARTICLE_FIELDS = {f.name for f in dataclasses.fields(Article)}


def event_from_dict(data: Mapping[str, Any]) -> Event:
    """An Event from ``Event.to_dict()`` output (unknown keys ignored)."""
    values = {k: v for k, v in data.items() if k in _EVENT_FIELDS}
    values["evidence"] = [
        e if isinstance(e, Evidence) else Evidence(**e) for e in values.get("evidence") or []
    ]
    values["article_ids"] = list(values.get("article_ids") or [])
    values["claim_ids"] = list(values.get("claim_ids") or [])
    values["contested"] = bool(values.get("contested"))
    return Event(**values)


def event_row(event: Event, *, n_reports: int, n_sources: int) -> dict[str, Any]:
    row = event.to_dict()
    row["n_reports"] = n_reports
    row["n_sources"] = n_sources
    return row


_EVENT_FIELD_NAMES = tuple(f.name for f in dataclasses.fields(Event))


def event_from_row(row: Mapping[str, Any]) -> Event:
    """An Event from an ``events`` row (which holds every Event field; the fast path for queries)."""
    event = Event(**{name: row[name] for name in _EVENT_FIELD_NAMES})
    event.evidence = [Evidence(**e) for e in event.evidence or ()]
    event.contested = bool(event.contested)
    return event


def claim_row(claim: Claim) -> dict[str, Any]:
    row = claim.to_dict()
    row["report_event_id"] = claim.event_id
    row["event_id"] = None  # set when the report is merged
    row["cumulative"] = bool(claim.cumulative)
    return row


def claim_from_row(row: Mapping[str, Any], *, as_reported: bool = False) -> Claim:
    """A Claim; ``as_reported`` gives the event id its article's extraction assigned."""
    values = {k: v for k, v in row.items() if k in _CLAIM_FIELDS}
    if as_reported:
        values["event_id"] = row.get("report_event_id")
    values["cumulative"] = bool(values.get("cumulative"))
    return Claim(**values)


def place_row(place: Place) -> dict[str, Any]:
    return place.to_dict()


def place_from_row(row: Mapping[str, Any]) -> Place:
    return Place(**{k: v for k, v in row.items() if k in _PLACE_FIELDS})


def article_from_row(row: Mapping[str, Any]) -> Article:
    return Article(**{k: v for k, v in row.items() if k in _ARTICLE_FIELDS})
