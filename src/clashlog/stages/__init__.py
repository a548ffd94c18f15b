"""clashlog's NLP stages, one module each, in pipeline order (see clashlog.pipeline)."""
