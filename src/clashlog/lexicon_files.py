"""Reading the data files in lexicons/: tab-separated rows (`data_rows`) and sectioned word lists
(`word_sections`: "[section]" headers, one entry a line); "#" starts a comment line in both."""

from __future__ import annotations

import functools
from pathlib import Path

REGIONS_TSV = Path(__file__).resolve().parent / "lexicons" / "acled_regions.tsv"


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


@functools.cache
def _regions() -> dict[str, str]:
    return {row[0].strip(): row[1].strip() for row in data_rows(REGIONS_TSV) if len(row) > 1 and row[0] != "iso3"}


def acled_region(iso3: str | None) -> str | None:
    """ACLED region of a country ("Caucasus and Central Asia" for ARM), None when unknown (read by
    the export's ``region`` column and by the places stage: which countries' names are romanized)."""
    return _regions().get(iso3 or "")
