"""Alembic revision scripts (0001, 0002, ...), applied in order."""
