"""Reading the data files in lexicons/: tab-separated rows (`data_rows`) and sectioned word lists
(`word_sections`: "[section]" headers, one entry a line); "#" starts a comment line in both."""

from __future__ import annotations

from pathlib import Path


def data_rows(path: Path) -> list[list[str]]:
    """Each line of a tab-separated lexicon file split at tabs (fields not stripped); blank lines
    and lines starting with "#" are skipped."""
    return [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


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
