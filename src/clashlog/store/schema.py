"""The store's tables (SQLAlchemy Core), identical on SQLite and PostgreSQL.

This module describes the *current* schema (the Alembic head).  Every change
here needs a migration in ``migrations/versions/``; `tests/test_store.py`
checks that a migrated database matches these tables exactly.

Tables:

* ``articles``: one row per ingested article (cleaned text, metadata, exact
  ``content_hash`` and ``simhash`` fingerprints, ``duplicate_of`` naming the
  first article of its near-duplicate cluster), with counts of what the
  pipeline found in it (used to check that an article is complete);
* ``places``: every resolved place mention;
* ``reports``: every event as one article reported it (``data`` holds the
  extracted event), with ``group_id`` naming the merged event it belongs to
  and the widened date window used to find merge candidates;
* ``events``: merged events, one row per real-world event (contract fields;
  ``article_ids``, ``claim_ids`` and ``evidence`` kept as JSON for fast reads,
  and also as rows of the link tables below for relational queries);
* ``claims``: the claims ledger, ``event_id`` pointing at the merged event;
* ``event_articles``, ``event_claims``: links.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

ID = Text
DAY = Text  # ISO date YYYY-MM-DD: compares correctly as text on every backend

articles = Table(
    "articles",
    metadata,
    Column("article_id", ID, primary_key=True),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("source", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("byline", Text),
    Column("published", Text),
    Column("url", Text),
    Column("language", Text),
    Column("text", Text, nullable=False),
    Column("n_events", Integer, nullable=False, server_default="0"),
    Column("n_claims", Integer, nullable=False, server_default="0"),
    Column("n_places", Integer, nullable=False, server_default="0"),
    Column("ingested_at", Text),
    # added in revision 0002 (near-duplicates)
    Column("simhash", BigInteger, nullable=True),
    Column("duplicate_of", ID, nullable=True, index=True),
    Index("ix_articles_outlet", "outlet"),
    Index("ix_articles_published", "published"),
)

places = Table(
    "places",
    metadata,
    Column("place_id", Integer, primary_key=True, autoincrement=True),
    Column(
        "article_id", ID, ForeignKey("articles.article_id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("name", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("resolved_name", Text),
    Column("feature", Text),
    Column("country", Text),
    Column("iso3", Text),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("gazetteer_id", Text),
    Column("geo_precision", Integer),
    Column("resolution_reason", Text),
    Index("ix_places_iso3", "iso3"),
)

reports = Table(
    "reports",
    metadata,
    Column("article_id", ID, ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", ID, primary_key=True),
    Column("group_id", ID, nullable=True, index=True),
    Column("event_type", Text, nullable=False),
    Column("window_start", DAY),
    Column("window_end", DAY),
    Column("data", JSON, nullable=False),
    Index("ix_reports_event_type_window_start", "event_type", "window_start"),
)

events = Table(
    "events",
    metadata,
    Column("event_id", ID, primary_key=True),
    Column("event_date", DAY, nullable=False),
    Column("event_date_end", DAY),
    Column("time_precision", Integer),
    Column("time_of_day", Text),
    Column("disorder_type", Text),
    Column("event_type", Text, nullable=False),
    Column("sub_event_type", Text),
    Column("actor1", Text),
    Column("assoc_actor_1", Text),
    Column("actor2", Text),
    Column("assoc_actor_2", Text),
    Column("inter1", Integer),
    Column("inter2", Integer),
    Column("civilian_targeting", Text),
    Column("country", Text),
    Column("iso3", Text),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("location", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("fatalities", Integer),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("source", Text),
    Column("source_scale", Text),
    Column("notes", Text),
    Column("contested", Boolean, nullable=False, server_default=false()),
    Column("n_reports", Integer, nullable=False, server_default="1"),
    Column("n_sources", Integer, nullable=False, server_default="1"),
    Column("article_ids", JSON, nullable=False),
    Column("claim_ids", JSON, nullable=False),
    Column("evidence", JSON, nullable=False),
    # query indexes (revision 0002)
    Index("ix_events_country_event_date", "country", "event_date"),
    Index("ix_events_iso3", "iso3"),
    Index("ix_events_admin1", "admin1"),
    Index("ix_events_event_date", "event_date"),
    Index("ix_events_event_type", "event_type"),
    Index("ix_events_actor1", "actor1"),
    Index("ix_events_actor2", "actor2"),
    Index("ix_events_contested", "contested"),
)

claims = Table(
    "claims",
    metadata,
    Column("claim_id", ID, primary_key=True),
    Column(
        "article_id", ID, ForeignKey("articles.article_id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("report_event_id", ID),  # the event the pipeline attached it to, in its article
    Column("event_id", ID, index=True),  # the merged event
    Column("claimant", Text),
    Column("via", Text),
    Column("stance", Text, nullable=False),
    Column("claim_type", Text, nullable=False),
    Column("subject", Text),
    Column("side", Text),
    Column("quantity_kind", Text),
    Column("value_low", Integer),
    Column("value_high", Integer),
    Column("date", DAY),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("denied_claimant", Text),
    Column("cumulative", Boolean, nullable=False, server_default=false()),
    Index("ix_claims_claimant", "claimant"),
    Index("ix_claims_claim_type", "claim_type"),
)

event_articles = Table(
    "event_articles",
    metadata,
    Column("event_id", ID, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", ID, ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True),
    Index("ix_event_articles_article_id", "article_id"),
)

event_claims = Table(
    "event_claims",
    metadata,
    Column("event_id", ID, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("claim_id", ID, ForeignKey("claims.claim_id", ondelete="CASCADE"), primary_key=True),
    Index("ix_event_claims_claim_id", "claim_id"),
)
