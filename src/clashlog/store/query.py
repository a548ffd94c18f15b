"""Read-side queries over the store: events, claims, articles, statistics, consistency.

Every user value reaches SQL as a bound parameter; column names come from the
schema objects, never from user input.  LIKE patterns escape ``%``, ``_`` and
the escape character itself, so a filter value matches literally.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, or_, select, text
from sqlalchemy.sql.elements import ColumnElement

from ..model import Article, Claim, Event
from . import schema as S
from .db import is_sqlite
from .rows import article_from_row, claim_from_row, event_from_row

_ESCAPE = "\\"


def _contains(column: Any, value: str) -> ColumnElement[bool]:
    """Case-insensitive substring match with the value taken literally."""
    escaped = (
        value.lower().replace(_ESCAPE, _ESCAPE * 2).replace("%", _ESCAPE + "%").replace("_", _ESCAPE + "_")
    )
    return func.lower(column).like("%" + escaped + "%", escape=_ESCAPE)


@dataclass(frozen=True)
class EventFilter:
    country: str | None = None  # country name or ISO3 code
    admin1: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    event_type: str | None = None  # event_type or sub_event_type
    actor: str | None = None  # substring of any actor field
    contested: bool | None = None
    article_id: str | None = None
    limit: int | None = None


def _spellings(conn: Connection, column: Any, value: str) -> list[str]:
    """The stored values of an indexed column equal to ``value`` ignoring case (read from the index)."""
    stored = conn.execute(select(column).distinct().where(column.is_not(None))).scalars()
    return sorted(v for v in stored if v.casefold() == value.casefold()) or [value]


def _event_conditions(f: EventFilter, conn: Connection) -> list[ColumnElement[bool]]:
    e = S.events.c
    cond: list[ColumnElement[bool]] = []
    if f.country:
        # an ISO3 code or a country name, in any case; equality on the stored spellings keeps the
        # (country, event_date) index usable for both the filter and the ordering
        if len(f.country) == 3 and f.country.isalpha():
            cond.append(e.iso3.in_(_spellings(conn, e.iso3, f.country)))
        else:
            cond.append(e.country.in_(_spellings(conn, e.country, f.country)))
    if f.admin1:
        cond.append(e.admin1.in_(_spellings(conn, e.admin1, f.admin1)))
    if f.since:
        # an event ranging into the window counts
        cond.append(func.coalesce(e.event_date_end, e.event_date) >= f.since)
    if f.until:
        cond.append(e.event_date <= f.until)
    if f.event_type:
        cond.append(or_(e.event_type == f.event_type, e.sub_event_type == f.event_type))
    if f.actor:
        cond.append(
            or_(*(_contains(col, f.actor) for col in (e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2)))
        )
    if f.contested is not None:
        cond.append(e.contested == f.contested)
    if f.article_id:
        link = S.event_articles.c
        cond.append(e.event_id.in_(select(link.event_id).where(link.article_id == f.article_id)))
    return cond


def query_events(engine: Engine, f: EventFilter = EventFilter()) -> Iterator[Event]:
    """Merged events matching the filter, by date then id."""
    with engine.connect() as conn:
        stmt = (
            select(S.events)
            .where(and_(True, *_event_conditions(f, conn)))
            .order_by(S.events.c.event_date, S.events.c.event_id)
        )
        if f.limit is not None:
            stmt = stmt.limit(f.limit)
        result = conn.execute(stmt)
        keys = list(result.keys())
        for row in result:
            yield event_from_row(dict(zip(keys, row, strict=True)))


def count_events(engine: Engine, f: EventFilter = EventFilter()) -> int:
    with engine.connect() as conn:
        stmt = select(func.count()).select_from(S.events).where(and_(True, *_event_conditions(f, conn)))
        return int(conn.execute(stmt).scalar_one())


@dataclass(frozen=True)
class ClaimFilter:
    contested: bool | None = None  # claims attached to a contested event
    claimant: str | None = None  # substring of the claimant (or of the relaying outlet)
    kind: str | None = None  # claim_type or quantity_kind
    stance: str | None = None
    event_id: str | None = None
    article_id: str | None = None
    limit: int | None = None


def query_claims(engine: Engine, f: ClaimFilter = ClaimFilter()) -> Iterator[Claim]:
    c = S.claims.c
    cond: list[ColumnElement[bool]] = []
    if f.claimant:
        cond.append(or_(_contains(c.claimant, f.claimant), _contains(c.via, f.claimant)))
    if f.kind:
        cond.append(or_(c.claim_type == f.kind, c.quantity_kind == f.kind))
    if f.stance:
        cond.append(c.stance == f.stance)
    if f.event_id:
        cond.append(c.event_id == f.event_id)
    if f.article_id:
        cond.append(c.article_id == f.article_id)
    if f.contested is not None:
        contested_ids = select(S.events.c.event_id).where(S.events.c.contested.is_(True))
        cond.append(
            c.event_id.in_(contested_ids)
            if f.contested
            else or_(c.event_id.is_(None), c.event_id.not_in(contested_ids))
        )
    stmt = select(S.claims).where(and_(True, *cond)).order_by(c.article_id, c.start, c.claim_id)
    if f.limit is not None:
        stmt = stmt.limit(f.limit)
    with engine.connect() as conn:
        for row in conn.execute(stmt).mappings():
            yield claim_from_row(row)


@dataclass(frozen=True)
class ArticleFilter:
    outlet: str | None = None  # substring
    since: str | None = None  # published on/after (YYYY-MM-DD)
    until: str | None = None
    duplicates: bool | None = None  # only near-duplicates (True) or only cluster heads (False)
    search: str | None = None  # substring of the title or text
    limit: int | None = None


@dataclass
class StoredArticle:
    article: Article
    source: str | None
    duplicate_of: str | None
    n_events: int
    n_claims: int
    n_places: int

    def to_dict(self, *, with_text: bool = True) -> dict[str, Any]:
        d = self.article.to_dict()
        if not with_text:
            d.pop("text")
        d.update(
            source=self.source,
            duplicate_of=self.duplicate_of,
            n_events=self.n_events,
            n_claims=self.n_claims,
            n_places=self.n_places,
        )
        return d


def query_articles(engine: Engine, f: ArticleFilter = ArticleFilter()) -> Iterator[StoredArticle]:
    a = S.articles.c
    cond: list[ColumnElement[bool]] = []
    if f.outlet:
        cond.append(_contains(a.outlet, f.outlet))
    if f.since:
        cond.append(a.published >= f.since)
    if f.until:
        # published is ISO text; anything on the last day sorts below the next day
        cond.append(func.substr(a.published, 1, 10) <= f.until)
    if f.duplicates is not None:
        cond.append(a.duplicate_of.is_not(None) if f.duplicates else a.duplicate_of.is_(None))
    if f.search:
        cond.append(or_(_contains(a.title, f.search), _contains(a.text, f.search)))
    stmt = select(S.articles).where(and_(True, *cond)).order_by(a.published, a.article_id)
    if f.limit is not None:
        stmt = stmt.limit(f.limit)
    with engine.connect() as conn:
        for row in conn.execute(stmt).mappings():
            yield StoredArticle(
                article=article_from_row(row),
                source=row["source"],
                duplicate_of=row["duplicate_of"],
                n_events=row["n_events"],
                n_claims=row["n_claims"],
                n_places=row["n_places"],
            )


def stats(engine: Engine) -> dict[str, Any]:
    """Counts of what the store holds."""
    e = S.events.c
    with engine.connect() as conn:

        def count(table: Any, *where: ColumnElement[bool]) -> int:
            return int(
                conn.execute(select(func.count()).select_from(table).where(and_(True, *where))).scalar_one()
            )

        out: dict[str, Any] = {
            "articles": count(S.articles),
            "near_duplicate_articles": count(S.articles, S.articles.c.duplicate_of.is_not(None)),
            "places": count(S.places),
            "reports": count(S.reports),
            "events": count(S.events),
            "events_multi_source": count(S.events, e.n_sources > 1),
            "events_contested": count(S.events, e.contested.is_(True)),
            "claims": count(S.claims),
            "claims_unattached": count(S.claims, S.claims.c.event_id.is_(None)),
        }
        span = conn.execute(select(func.min(e.event_date), func.max(e.event_date))).one()
        out["first_event_date"], out["last_event_date"] = span
        out["events_by_type"] = dict(
            conn.execute(
                select(e.event_type, func.count()).group_by(e.event_type).order_by(e.event_type)
            ).all()
        )
        by_country = conn.execute(
            select(e.country, func.count())
            .group_by(e.country)
            .order_by(func.count().desc(), e.country)
            .limit(20)
        ).all()
        out["events_by_country"] = {country or "": n for country, n in by_country}
    return out


def check_consistency(engine: Engine) -> list[str]:
    """Problems found (empty when the store is consistent): integrity, orphans, incomplete articles."""
    problems: list[str] = []
    r, e, a, c = S.reports.c, S.events.c, S.articles.c, S.claims.c
    ea, ec = S.event_articles.c, S.event_claims.c
    with engine.connect() as conn:
        if is_sqlite(engine):
            result = conn.execute(text("PRAGMA integrity_check")).scalar_one()
            if result != "ok":
                problems.append(f"integrity_check: {result}")
            for row in conn.execute(text("PRAGMA foreign_key_check")):
                problems.append(f"foreign key violation: {tuple(row)}")

        def orphans(label: str, stmt: Any) -> None:
            n = int(conn.execute(stmt).scalar_one())
            if n:
                problems.append(f"{n} {label}")

        orphans(
            "reports without a merged event",
            select(func.count())
            .select_from(S.reports)
            .where(or_(r.group_id.is_(None), r.group_id.not_in(select(e.event_id)))),
        )
        orphans(
            "events without a report",
            select(func.count())
            .select_from(S.events)
            .where(e.event_id.not_in(select(r.group_id).where(r.group_id.is_not(None)))),
        )
        orphans(
            "event-article links to no event",
            select(func.count()).select_from(S.event_articles).where(ea.event_id.not_in(select(e.event_id))),
        )
        orphans(
            "event-article links to no article",
            select(func.count())
            .select_from(S.event_articles)
            .where(ea.article_id.not_in(select(a.article_id))),
        )
        orphans(
            "event-claim links to no event",
            select(func.count()).select_from(S.event_claims).where(ec.event_id.not_in(select(e.event_id))),
        )
        orphans(
            "event-claim links to no claim",
            select(func.count()).select_from(S.event_claims).where(ec.claim_id.not_in(select(c.claim_id))),
        )
        orphans(
            "claims pointing at a missing event",
            select(func.count())
            .select_from(S.claims)
            .where(c.event_id.is_not(None), c.event_id.not_in(select(e.event_id))),
        )
        per_article = select(r.article_id, func.count().label("n")).group_by(r.article_id).subquery()
        orphans(
            "articles whose stored reports do not match their event count",
            select(func.count())
            .select_from(S.articles.outerjoin(per_article, per_article.c.article_id == a.article_id))
            .where(a.n_events != func.coalesce(per_article.c.n, 0)),
        )
        per_claims = select(c.article_id, func.count().label("n")).group_by(c.article_id).subquery()
        orphans(
            "articles whose stored claims do not match their claim count",
            select(func.count())
            .select_from(S.articles.outerjoin(per_claims, per_claims.c.article_id == a.article_id))
            .where(a.n_claims != func.coalesce(per_claims.c.n, 0)),
        )
        orphans(
            "reports whose article is not linked to their event",
            select(func.count())
            .select_from(S.reports)
            .where(
                ~select(ea.event_id).where(ea.event_id == r.group_id, ea.article_id == r.article_id).exists()
            ),
        )
    return problems


# columns that record *when* something was stored, not *what*: left out of snapshots
_VOLATILE = {"ingested_at", "place_id"}


def snapshot(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """The store's whole content as sorted plain rows (minus ingest times): equal stores give equal snapshots."""
    out: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as conn:
        for table in S.metadata.sorted_tables:
            rows = [
                {k: v for k, v in row.items() if k not in _VOLATILE}
                for row in conn.execute(select(table)).mappings()
            ]
            out[table.name] = sorted(rows, key=lambda r: repr(sorted(r.items())))
    return out
