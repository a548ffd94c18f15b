"""Commands owned by another module; filled in by its stage."""

COMMANDS: list = []
