"""Ingest: extraction results into the store, one article per transaction.

For each article (`EventStore.add`):

1. skip it when its ``article_id`` is already stored (re-ingesting a file adds
   nothing; a killed run resumes where it stopped);
2. insert the article (with its fingerprints), its places, its claims and its
   events as *reports*;
3. link near-duplicates: articles whose SimHash is within
   `dedup.MAX_DISTANCE` bits (or whose text is identical) form a cluster,
   and every member but the smallest id gets ``duplicate_of`` = that id;
4. re-merge the affected groups: the new reports, every stored report that
   `merge.same_event` matches, and the whole groups those belong to are
   grouped again and their merged events replaced.

All of that happens in one transaction, so a crash leaves either the whole
article or nothing.  Because groups are connected components and every
merged field is a deterministic function of the group, the final store does
not depend on the order of ingestion.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, or_, select, update

from .. import dedup
from ..clean import clean_article
from ..errors import StoreError
from ..merge import (
    DEFAULT_RULES,
    MergeRules,
    date_window,
    group_reports,
    independent_sources,
    merge_group,
    same_event,
)
from ..model import Article, ExtractResult, RawArticle, ReadError
from . import schema as S
from .db import WRITE_OPTION, open_engine
from .rows import claim_from_row, claim_row, event_from_dict, event_row, place_row

if TYPE_CHECKING:
    from ..pipeline import Extractor

logger = logging.getLogger(__name__)

T = TypeVar("T")

# articles handed to each extraction worker at a time when ingesting with several processes
BATCH_PER_WORKER = 16
# bound parameters per IN (...) list; stays below SQLite's and psycopg's limits
_CHUNK = 500


@dataclass
class AddOutcome:
    """What storing one article did."""

    article_id: str
    status: str  # "added" | "duplicate" | "failed"
    duplicate_of: str | None = None  # near-duplicate cluster head, when linked to one
    reports: int = 0
    events_new: int = 0  # merged events that did not exist before
    events_merged: int = 0  # reports that joined an existing event
    claims: int = 0
    error: str | None = None


@dataclass
class IngestSummary:
    read: int = 0  # articles read (RawArticles, not counting unreadable inputs)
    added: int = 0
    skipped_duplicates: int = 0  # already stored (same article id)
    near_duplicates: int = 0  # stored and linked to an earlier near-identical article
    events_new: int = 0
    events_merged: int = 0
    claims: int = 0
    failed: list[ReadError] = field(default_factory=list)

    def add(self, outcome: AddOutcome) -> None:
        if outcome.status == "duplicate":
            self.skipped_duplicates += 1
            return
        if outcome.status == "failed":
            return
        self.added += 1
        self.near_duplicates += outcome.duplicate_of is not None
        self.events_new += outcome.events_new
        self.events_merged += outcome.events_merged
        self.claims += outcome.claims


def _unique(records: list[T], key: str) -> list[T]:
    """Drop exact repeats of a record; the same id on two *different* records is an error."""
    seen: dict[str, T] = {}
    out = []
    for record in records:
        rid = getattr(record, key)
        if rid in seen:
            if seen[rid] != record:
                raise StoreError(f"two different records share the {key} {rid!r}")
            continue
        seen[rid] = record
        out.append(record)
    return out


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


class EventStore:
    """A store over one database.  Holds an engine and the loaded SimHash index; no globals.

    Several ingests may write to one database at once (SQLite serializes the
    per-article transactions; merging reads the database inside each one), but
    the SimHash index is loaded once per store: a near-duplicate written by
    another process after that is found only by its exact content hash.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        rules: MergeRules = DEFAULT_RULES,
        max_distance: int = dedup.MAX_DISTANCE,
    ) -> None:
        self.engine = engine
        self.rules = rules
        self.max_distance = max_distance
        self._simhashes: dedup.SimhashIndex | None = None

    @classmethod
    def open(cls, url: str, **kwargs: object) -> EventStore:
        return cls(open_engine(url), **kwargs)  # type: ignore[arg-type]

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ lookups

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            found = conn.execute(
                select(S.articles.c.article_id).where(S.articles.c.article_id == article_id)
            ).first()
        return found is not None

    def _index(self, conn: Connection) -> dedup.SimhashIndex:
        if self._simhashes is None:
            rows = conn.execute(
                select(S.articles.c.article_id, S.articles.c.simhash).where(S.articles.c.simhash.is_not(None))
            )
            self._simhashes = dedup.SimhashIndex((r.article_id, r.simhash) for r in rows)
        return self._simhashes

    # -------------------------------------------------------------- writes

    def add(self, result: ExtractResult, *, source: str | None = None) -> list[AddOutcome]:
        """Store every article of an extraction result, each in its own transaction."""
        outcomes = []
        for article in result.articles:
            outcomes.append(self.add_article(article, result, source=source))
        return outcomes

    def add_article(
        self, article: Article, result: ExtractResult, *, source: str | None = None
    ) -> AddOutcome:
        """Store one article and the places, events and claims ``result`` holds for it."""
        aid = article.article_id
        if self.has_article(aid):
            return AddOutcome(aid, "duplicate")
        fingerprint = dedup.text_simhash(article.text)
        try:
            with self.engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
                outcome = self._add(conn, article, result, source=source, fingerprint=fingerprint)
        except Exception as exc:  # one bad article must not stop an ingest; nothing of it is kept
            logger.warning("could not store article %s: %r", aid, exc)
            self._simhashes = None  # reload: the index may not match the rolled-back state
            return AddOutcome(aid, "failed", error=f"{exc.__class__.__name__}: {exc}")
        if fingerprint is not None and self._simhashes is not None:
            self._simhashes.add(aid, dedup.to_signed(fingerprint))
        return outcome

    def _add(
        self,
        conn: Connection,
        article: Article,
        result: ExtractResult,
        *,
        source: str | None,
        fingerprint: int | None,
    ) -> AddOutcome:
        aid = article.article_id
        places = [p for p in result.places if p.article_id == aid]
        reports = _unique(
            [
                e
                for e in result.events
                if aid in e.article_ids or (not e.article_ids and len(result.articles) == 1)
            ],
            "event_id",
        )
        claims = _unique([c for c in result.claims if c.article_id == aid], "claim_id")
        digest = dedup.content_hash(article.text)
        conn.execute(
            insert(S.articles).values(
                **article.to_dict(),
                source=source,
                content_hash=digest,
                simhash=None if fingerprint is None else dedup.to_signed(fingerprint),
                n_events=len(reports),
                n_claims=len(claims),
                n_places=len(places),
                ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
        )
        if places:
            conn.execute(insert(S.places), [place_row(p) for p in places])
        if claims:
            conn.execute(insert(S.claims), [claim_row(c) for c in claims])
        report_rows = []
        reports = [
            dataclasses.replace(ev, article_ids=ev.article_ids or [aid], source=ev.source or article.outlet)
            for ev in reports
        ]
        for ev in reports:
            window = date_window(ev, self.rules)
            report_rows.append(
                {
                    "article_id": aid,
                    "event_id": ev.event_id,
                    "group_id": None,
                    "event_type": ev.event_type,
                    "window_start": window[0].isoformat() if window else None,
                    "window_end": window[1].isoformat() if window else None,
                    "data": ev.to_dict(),
                }
            )
        if report_rows:
            conn.execute(insert(S.reports), report_rows)

        head, changed = self._link_near_duplicates(conn, aid, digest, fingerprint)
        outcome = AddOutcome(aid, "added", duplicate_of=head if head != aid else None, reports=len(reports))
        outcome.claims = len(claims)
        self._regroup(conn, report_rows, changed, outcome)
        return outcome

    def _link_near_duplicates(
        self, conn: Connection, aid: str, digest: str, fingerprint: int | None
    ) -> tuple[str, list[str]]:
        """Join the article's near-duplicate cluster; (cluster head, articles whose head changed)."""
        a = S.articles.c
        matches = set(
            conn.execute(select(a.article_id).where(a.content_hash == digest, a.article_id != aid)).scalars()
        )
        if fingerprint is not None:
            matches.update(
                k for k in self._index(conn).near(fingerprint, max_distance=self.max_distance) if k != aid
            )
        if not matches:
            return aid, []
        heads = set(
            conn.execute(
                select(func.coalesce(a.duplicate_of, a.article_id)).where(a.article_id.in_(sorted(matches)))
            )
            .scalars()
            .all()
        )
        members = {aid} | matches | heads
        for chunk in _chunks(sorted(heads)):
            members.update(
                conn.execute(
                    select(a.article_id).where(or_(a.duplicate_of.in_(chunk), a.article_id.in_(chunk)))
                ).scalars()
            )
        head = min(members)
        current = dict(
            conn.execute(select(a.article_id, a.duplicate_of).where(a.article_id.in_(sorted(members)))).all()
        )
        changed = []
        for member in sorted(members):
            want = None if member == head else head
            if current.get(member) != want or member == aid:
                conn.execute(update(S.articles).where(a.article_id == member).values(duplicate_of=want))
                changed.append(member)
        return head, changed

    def _regroup(
        self,
        conn: Connection,
        new_rows: list[dict[str, Any]],
        changed_articles: list[str],
        outcome: AddOutcome,
    ) -> None:
        """Re-merge every group touched by the new reports (and by a changed near-duplicate cluster)."""
        r = S.reports.c
        new_set = {(row["article_id"], row["event_id"]) for row in new_rows}
        pool: dict[tuple[str, str], dict[str, Any]] = {}
        old_groups: set[str] = set()
        for row in new_rows:
            pool[(row["article_id"], row["event_id"])] = row
            if row["window_start"] is None:
                continue
            candidates = conn.execute(
                select(r.group_id, r.data).where(
                    r.event_type == row["event_type"],
                    r.window_start <= row["window_end"],
                    r.window_end >= row["window_start"],
                    r.group_id.is_not(None),
                )
            )
            new_event = event_from_dict(row["data"])
            for group_id, data in candidates:
                if group_id not in old_groups and same_event(new_event, event_from_dict(data), self.rules):
                    old_groups.add(group_id)
        for chunk in _chunks(sorted(changed_articles)):
            old_groups.update(
                conn.execute(
                    select(r.group_id).where(r.article_id.in_(chunk), r.group_id.is_not(None))
                ).scalars()
            )
        for chunk in _chunks(sorted(old_groups)):
            for row in conn.execute(select(S.reports).where(r.group_id.in_(chunk))).mappings():
                pool[(row["article_id"], row["event_id"])] = dict(row)
        if not pool:
            return
        events_by_key = {key: event_from_dict(row["data"]) for key, row in pool.items()}
        claims = []
        for chunk in _chunks(sorted({k[0] for k in pool})):
            claims += [
                claim_from_row(row, as_reported=True)
                for row in conn.execute(select(S.claims).where(S.claims.c.article_id.in_(chunk))).mappings()
            ]
        heads: dict[str, str] = {}
        a = S.articles.c
        for chunk in _chunks(sorted({x for ev in events_by_key.values() for x in ev.article_ids})):
            for art, dup in conn.execute(select(a.article_id, a.duplicate_of).where(a.article_id.in_(chunk))):
                heads[art] = dup or art

        # replace the old merged events by the new ones
        for chunk in _chunks(sorted(old_groups)):
            conn.execute(delete(S.event_claims).where(S.event_claims.c.event_id.in_(chunk)))
            conn.execute(delete(S.event_articles).where(S.event_articles.c.event_id.in_(chunk)))
            conn.execute(update(S.claims).where(S.claims.c.event_id.in_(chunk)).values(event_id=None))
            conn.execute(delete(S.events).where(S.events.c.event_id.in_(chunk)))
        key_of = {id(ev): key for key, ev in events_by_key.items()}
        event_rows, article_links, claim_links, report_groups = [], [], [], []
        for group in group_reports(events_by_key.values(), self.rules):
            merged, own = merge_group(group, claims)
            eid = merged.event_id
            keys = [key_of[id(ev)] for ev in group]
            n_sources = independent_sources(merged.article_ids, heads)
            event_rows.append(event_row(merged, n_reports=len(group), n_sources=n_sources))
            article_links += [{"event_id": eid, "article_id": x} for x in merged.article_ids if x in heads]
            claim_links += [{"event_id": eid, "claim_id": c.claim_id} for c in own]
            report_groups += [{"b_article": art, "b_event": ev_id, "b_group": eid} for art, ev_id in keys]
            if any(key not in new_set for key in keys):
                outcome.events_merged += sum(key in new_set for key in keys)
            else:
                outcome.events_new += 1
        conn.execute(insert(S.events), event_rows)
        if article_links:
            conn.execute(insert(S.event_articles), article_links)
        if claim_links:
            conn.execute(insert(S.event_claims), claim_links)
            conn.execute(
                update(S.claims)
                .where(S.claims.c.claim_id == bindparam("b_claim"))
                .values(event_id=bindparam("b_event")),
                [{"b_claim": x["claim_id"], "b_event": x["event_id"]} for x in claim_links],
            )
        conn.execute(
            update(S.reports)
            .where(r.article_id == bindparam("b_article"), r.event_id == bindparam("b_event"))
            .values(group_id=bindparam("b_group")),
            report_groups,
        )


def ingest(
    items: Iterable[RawArticle | ReadError],
    store: EventStore,
    extractor: Extractor,
    *,
    published: str | None = None,
    outlet: str | None = None,
    n_process: int = 1,
    on_item: Callable[[RawArticle | ReadError, AddOutcome | None], None] | None = None,
) -> IngestSummary:
    """Read, extract and store every item; returns the summary.  Never raises for bad input.

    An article already in the store is recognized (by its id, from the cheap
    cleaning step) and skipped *before* extraction, so a re-run only pays for
    new articles.  With ``n_process > 1`` extraction runs in worker processes
    (`Extractor.extract`, in batches), while storing stays in this process,
    one transaction per article, in input order.
    """
    summary = IngestSummary()

    def report(item: RawArticle | ReadError, outcome: AddOutcome | None) -> None:
        if outcome is not None:
            if outcome.status == "failed":
                summary.failed.append(ReadError(item.source, outcome.error or "failed"))
            summary.add(outcome)
        if on_item:
            on_item(item, outcome)

    def store_batch(batch: list[RawArticle]) -> None:
        results = extractor.extract(batch, published=published, outlet=outlet, n_process=n_process)
        for item, result in zip(batch, results, strict=True):
            if result.errors or not result.articles:
                message = "; ".join(e.message for e in result.errors) or "no article extracted"
                report(item, AddOutcome("", "failed", error=message))
                continue
            for outcome in store.add(result, source=item.source):
                report(item, outcome)

    # one article at a time in one process; with workers, batches big enough to keep them busy
    batch_size = 1 if n_process <= 1 else BATCH_PER_WORKER * n_process
    batch: list[RawArticle] = []
    batch_ids: set[str] = set()
    for item in items:
        if isinstance(item, ReadError):
            summary.failed.append(item)
            report(item, None)
            continue
        summary.read += 1
        try:
            article_id = clean_article(item, published=published, outlet=outlet).article_id
            seen = article_id in batch_ids or store.has_article(article_id)
        except Exception as exc:  # a bad article (or a store error) must not stop the batch
            logger.exception("failed on %s", item.source)
            report(item, AddOutcome("", "failed", error=f"could not read: {exc!r}"))
            continue
        if seen:
            report(item, AddOutcome(article_id, "duplicate"))
            continue
        batch.append(item)
        batch_ids.add(article_id)
        if len(batch) >= batch_size:
            store_batch(batch)
            batch, batch_ids = [], set()
    if batch:
        store_batch(batch)
    return summary
