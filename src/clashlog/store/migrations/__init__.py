"""Alembic migrations for the store, run programmatically by `clashlog.store.db.migrate`."""
