"""The data shapes that flow through clashlog.

The four output records (`Article`, `Place`, `Event`, `Claim`) follow
`CONTRACT.md` field for field; `to_dict()` gives exactly the contract's keys
(plus any documented extras).  The `*Mention` records are what the recognizer
stages hand to the event coder: character offsets always point into the
article's cleaned ``text``.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

# --------------------------------------------------------------------- input


@dataclass
class RawArticle:
    """One article as read from disk/stdin, before cleaning."""

    source: str  # where it came from: a path, "path:line" for jsonl, or "<stdin>"
    text: str  # plain text (html already turned into text by the reader)
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    byline: str | None = None
    html: bool = False  # the text came out of an HTML page


@dataclass
class ReadError:
    """An input that could not be read; the CLI names it on stderr."""

    source: str
    message: str


# -------------------------------------------------------------------- output


@dataclass
class Article:
    article_id: str
    text: str  # cleaned body; every offset in the output points into it
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO 8601, with offset when known, else a date
    url: str | None = None
    language: str | None = "en"
    # where a wire story was filed ("LA PAZ, 12 JAN 90 --"): cut from the text by the cleaner and
    # kept as a hint for the geoparser's country context; not part of the contract's output
    dateline_place: str | None = None

    @property
    def published_date(self) -> date | None:
        """The publication day, used to resolve relative dates."""
        if not self.published:
            return None
        try:
            return datetime.fromisoformat(self.published).date()
        except ValueError:
            try:
                return date.fromisoformat(self.published[:10])
            except ValueError:
                return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "outlet": self.outlet,
            "byline": self.byline,
            "published": self.published,
            "url": self.url,
            "language": self.language,
            "text": self.text,
        }


@dataclass
class Place:
    """A resolved place mention (the geoparser's output)."""

    article_id: str
    name: str  # as written, == text[start:end]
    start: int
    end: int
    resolved_name: str | None = None
    feature: str | None = None  # "populated place", "admin1", "admin2", "country", ...
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    gazetteer_id: str | None = None
    geo_precision: int | None = None  # 1 exact, 2 near/part of region, 3 admin region
    resolution_reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class Evidence:
    article_id: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class Event:
    event_id: str
    event_date: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    event_date_end: str | None = None
    time_precision: int = 1
    time_of_day: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    civilian_targeting: str = ""
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    source: str | None = None
    source_scale: str | None = None
    notes: str = ""
    article_ids: list[str] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    contested: bool = False  # two claims disagree about this event

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["evidence"] = [e.to_dict() for e in self.evidence]
        return d


@dataclass
class Claim:
    claim_id: str
    article_id: str
    claimant: str | None
    stance: str  # "asserts" | "denies"
    claim_type: str  # "casualties" | "weapons" | "allegation" | "ceasefire" | "other"
    text: str
    start: int
    end: int
    via: str | None = None
    subject: str | None = None
    side: str | None = None
    quantity_kind: str | None = None
    value_low: int | None = None
    value_high: int | None = None
    date: str | None = None
    event_id: str | None = None
    denied_claimant: str | None = None  # who originally made a denied claim
    cumulative: bool = False  # a "to date" total, not a one-day figure

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class ExtractResult:
    articles: list[Article] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)

    def extend(self, other: ExtractResult) -> None:
        self.articles.extend(other.articles)
        self.places.extend(other.places)
        self.events.extend(other.events)
        self.claims.extend(other.claims)
        self.errors.extend(other.errors)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": [a.to_dict() for a in self.articles],
            "places": [p.to_dict() for p in self.places],
            "events": [e.to_dict() for e in self.events],
            "claims": [c.to_dict() for c in self.claims],
        }


# ------------------------------------------------------------------ mentions


@dataclass
class DateMention:
    """A time expression resolved against the reference (publication) date."""

    start: int
    end: int
    text: str
    date: date  # first day
    date_end: date | None = None  # last day for ranges, else None
    precision: int = 1  # ACLED time_precision: 1 day, 2 week/range, 3 month or vaguer
    time_of_day: str | None = None  # "HH:MM"
    relative: bool = False  # "yesterday", "on Monday", ...
    background: bool = False  # an unrelated past date ("an accord signed on March 3, 2019")
    reporting: bool = False  # dates the report itself ("the ministry said today"), not the event


@dataclass
class Quantity:
    """A number as written: exact, range, or vague amount."""

    low: int | None
    high: int | None  # == low for exact figures; None for open-ended vague amounts
    vague: bool = False
    approximate: bool = False  # "about", "some", "nearly"


@dataclass
class QuantityMention:
    start: int
    end: int
    text: str
    quantity: Quantity
    noun: str | None = None  # the counted noun ("soldiers")
    parts: list[QuantityMention] = field(default_factory=list)  # breakdown "17, including 12 ... and 5"


@dataclass
class PlaceMention:
    """A toponym found in the text, possibly resolved."""

    start: int
    end: int
    text: str
    place: Place | None = None
    cue: str | None = None  # "district", "direction", "near", ...
    population: int | None = None  # of the resolved gazetteer entry (internal: not in the output)
    # the start of the place this one says where it is, in parentheses after it ("Kutkai Township (Muse District")
    describes: int | None = None


@dataclass
class ActorMention:
    start: int
    end: int
    text: str
    name: str  # normalized: "Military Forces of Armenia"
    inter: int  # ACLED inter code (1 state forces ... 8 external forces)
    country: str | None = None
    kind: str | None = None  # "military", "police", "rebels", "protesters", "civilians", ...
    assoc: bool = False  # an associated actor (border guards, police with the army)


def stable_id(*parts: object, length: int = 16) -> str:
    """A content-derived id: the same inputs give the same id on every run."""
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]
