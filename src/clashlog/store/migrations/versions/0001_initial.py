"""The first schema: articles, places, reports, events, claims and their links.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.Text()
DAY = sa.Text()


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("article_id", ID, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("byline", sa.Text),
        sa.Column("published", sa.Text()),
        sa.Column("url", sa.Text),
        sa.Column("language", sa.Text()),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("n_events", sa.Integer, nullable=False, server_default="0"),
        sa.Column("n_claims", sa.Integer, nullable=False, server_default="0"),
        sa.Column("n_places", sa.Integer, nullable=False, server_default="0"),
        sa.Column("ingested_at", sa.Text()),
    )
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_index("ix_articles_published", "articles", ["published"])

    op.create_table(
        "places",
        sa.Column("place_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "article_id",
            ID,
            sa.ForeignKey("articles.article_id", ondelete="CASCADE", name="fk_places_article_id_articles"),
            nullable=False,
        ),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("resolved_name", sa.Text),
        sa.Column("feature", sa.Text()),
        sa.Column("country", sa.Text),
        sa.Column("iso3", sa.Text()),
        sa.Column("admin1", sa.Text),
        sa.Column("admin2", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("gazetteer_id", sa.Text()),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("resolution_reason", sa.Text),
    )
    op.create_index("ix_places_article_id", "places", ["article_id"])
    op.create_index("ix_places_iso3", "places", ["iso3"])

    op.create_table(
        "reports",
        sa.Column(
            "article_id",
            ID,
            sa.ForeignKey("articles.article_id", ondelete="CASCADE", name="fk_reports_article_id_articles"),
            primary_key=True,
        ),
        sa.Column("event_id", ID, primary_key=True),
        sa.Column("group_id", ID, nullable=True),
        sa.Column("event_type", sa.Text(), nullable=False),
        sa.Column("window_start", DAY),
        sa.Column("window_end", DAY),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_reports_group_id", "reports", ["group_id"])
    op.create_index("ix_reports_event_type_window_start", "reports", ["event_type", "window_start"])

    op.create_table(
        "events",
        sa.Column("event_id", ID, primary_key=True),
        sa.Column("event_date", DAY, nullable=False),
        sa.Column("event_date_end", DAY),
        sa.Column("time_precision", sa.Integer),
        sa.Column("time_of_day", sa.Text()),
        sa.Column("disorder_type", sa.Text()),
        sa.Column("event_type", sa.Text(), nullable=False),
        sa.Column("sub_event_type", sa.Text()),
        sa.Column("actor1", sa.Text),
        sa.Column("assoc_actor_1", sa.Text),
        sa.Column("actor2", sa.Text),
        sa.Column("assoc_actor_2", sa.Text),
        sa.Column("inter1", sa.Integer),
        sa.Column("inter2", sa.Integer),
        sa.Column("civilian_targeting", sa.Text()),
        sa.Column("country", sa.Text),
        sa.Column("iso3", sa.Text()),
        sa.Column("admin1", sa.Text),
        sa.Column("admin2", sa.Text),
        sa.Column("location", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("fatalities", sa.Integer),
        sa.Column("fatalities_low", sa.Integer),
        sa.Column("fatalities_high", sa.Integer),
        sa.Column("source", sa.Text),
        sa.Column("source_scale", sa.Text),
        sa.Column("notes", sa.Text),
        sa.Column("contested", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("n_reports", sa.Integer, nullable=False, server_default="1"),
        sa.Column("n_sources", sa.Integer, nullable=False, server_default="1"),
        sa.Column("article_ids", sa.JSON, nullable=False),
        sa.Column("claim_ids", sa.JSON, nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
    )

    op.create_table(
        "claims",
        sa.Column("claim_id", ID, primary_key=True),
        sa.Column(
            "article_id",
            ID,
            sa.ForeignKey("articles.article_id", ondelete="CASCADE", name="fk_claims_article_id_articles"),
            nullable=False,
        ),
        sa.Column("report_event_id", ID),
        sa.Column("event_id", ID),
        sa.Column("claimant", sa.Text),
        sa.Column("via", sa.Text),
        sa.Column("stance", sa.Text(), nullable=False),
        sa.Column("claim_type", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text),
        sa.Column("side", sa.Text),
        sa.Column("quantity_kind", sa.Text()),
        sa.Column("value_low", sa.Integer),
        sa.Column("value_high", sa.Integer),
        sa.Column("date", DAY),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("denied_claimant", sa.Text),
        sa.Column("cumulative", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_claims_article_id", "claims", ["article_id"])
    op.create_index("ix_claims_event_id", "claims", ["event_id"])
    op.create_index("ix_claims_claimant", "claims", ["claimant"])
    op.create_index("ix_claims_claim_type", "claims", ["claim_type"])

    op.create_table(
        "event_articles",
        sa.Column(
            "event_id",
            ID,
            sa.ForeignKey("events.event_id", ondelete="CASCADE", name="fk_event_articles_event_id_events"),
            primary_key=True,
        ),
        sa.Column(
            "article_id",
            ID,
            sa.ForeignKey(
                "articles.article_id", ondelete="CASCADE", name="fk_event_articles_article_id_articles"
            ),
            primary_key=True,
        ),
    )
    op.create_index("ix_event_articles_article_id", "event_articles", ["article_id"])

    op.create_table(
        "event_claims",
        sa.Column(
            "event_id",
            ID,
            sa.ForeignKey("events.event_id", ondelete="CASCADE", name="fk_event_claims_event_id_events"),
            primary_key=True,
        ),
        sa.Column(
            "claim_id",
            ID,
            sa.ForeignKey("claims.claim_id", ondelete="CASCADE", name="fk_event_claims_claim_id_claims"),
            primary_key=True,
        ),
    )
    op.create_index("ix_event_claims_claim_id", "event_claims", ["claim_id"])


def downgrade() -> None:
    for table in ("event_claims", "event_articles", "claims", "events", "reports", "places", "articles"):
        op.drop_table(table)
