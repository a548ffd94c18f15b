"""The event store: SQLite or PostgreSQL, migrations, ingest and queries."""
