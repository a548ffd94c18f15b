"""Scoring clashlog against gold data: loaders, metrics, reports (see `clashlog eval`)."""
