"""Reading the sectioned word lists in lexicons/ ("[section]" headers, "#" comments, one entry a line)."""

from __future__ import annotations

from pathlib import Path


def word_sections(path: Path) -> dict[str, frozenset[str]]:
    """Each ``[section]`` of a word list as a set of lower-cased entries (entries before any header: "")."""
    sections: dict[str, set[str]] = {}
    current = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, set()).add(line.lower())
    return {k: frozenset(v) for k, v in sections.items()}
