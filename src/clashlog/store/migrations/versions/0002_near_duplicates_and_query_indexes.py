"""Near-duplicate fingerprints on articles; indexes for the event queries.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

EVENT_INDEXES = {
    "ix_events_country_event_date": ["country", "event_date"],
    "ix_events_iso3": ["iso3"],
    "ix_events_admin1": ["admin1"],
    "ix_events_event_date": ["event_date"],
    "ix_events_event_type": ["event_type"],
    "ix_events_actor1": ["actor1"],
    "ix_events_actor2": ["actor2"],
    "ix_events_contested": ["contested"],
}


def upgrade() -> None:
    # plain ADD COLUMN works on SQLite and PostgreSQL alike (no table rebuild)
    op.add_column("articles", sa.Column("simhash", sa.BigInteger, nullable=True))
    op.add_column("articles", sa.Column("duplicate_of", sa.Text(), nullable=True))
    op.create_index("ix_articles_duplicate_of", "articles", ["duplicate_of"])
    for name, columns in EVENT_INDEXES.items():
        op.create_index(name, "events", columns)


def downgrade() -> None:
    for name in EVENT_INDEXES:
        op.drop_index(name, table_name="events")
    op.drop_index("ix_articles_duplicate_of", table_name="articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("duplicate_of")
        batch.drop_column("simhash")
