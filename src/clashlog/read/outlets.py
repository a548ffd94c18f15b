"""Outlet names -> canonical outlet, ACLED ``source_scale`` and home country.

The table is data (`lexicons/outlets.tsv`); this module only loads it and
looks names up.  Matching ignores case, punctuation and a leading "The", so
"news.am", "NEWS.am" and "News Am" are the same outlet.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

OUTLETS_TSV = Path(__file__).resolve().parent.parent / "lexicons" / "outlets.tsv"
_NON_ALNUM = re.compile(r"[^0-9a-z+]+")


@dataclass(frozen=True)
class Outlet:
    name: str  # canonical, as written in an event's `source`
    scale: str  # ACLED source_scale: International, Regional, National, Subnational, Other, New media
    iso3: str | None = None  # home country


def outlet_key(name: str) -> str:
    """The matching key of an outlet name: lowercase alphanumerics, no leading "the"."""
    key = _NON_ALNUM.sub(" ", name.lower()).strip()
    return key[4:] if key.startswith("the ") else key


class OutletTable:
    """Lookup of outlet names and aliases; build with `load` or `default_outlets`."""

    def __init__(self, rows: Iterable[tuple[Outlet, list[str]]]) -> None:
        self._by_key: dict[str, Outlet] = {}
        for outlet, aliases in rows:
            for alias in [outlet.name, *aliases]:
                key = outlet_key(alias)
                if key:
                    self._by_key.setdefault(key, outlet)

    @classmethod
    def load(cls, path: str | Path = OUTLETS_TSV) -> OutletTable:
        rows = []
        for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 2:
                raise ValueError(f"{path}:{lineno}: expected canonical<TAB>scale<TAB>iso3<TAB>aliases")
            cols += [""] * (4 - len(cols))
            name, scale, iso3, aliases = (c.strip() for c in cols[:4])
            rows.append(
                (Outlet(name, scale, iso3 or None), [a.strip() for a in aliases.split("|") if a.strip()])
            )
        return cls(rows)

    def lookup(self, name: str | None) -> Outlet | None:
        """The outlet a name or alias stands for, or None when unknown."""
        if not name:
            return None
        return self._by_key.get(outlet_key(name))

    def canonical(self, name: str | None) -> str | None:
        """The canonical name for a known outlet; an unknown name comes back tidied, not dropped."""
        if not name or not name.strip():
            return None
        outlet = self.lookup(name)
        if outlet:
            return outlet.name
        name = " ".join(name.split())
        # wire copy writes names in capitals: "RADIO CADENA NACIONAL" -> "Radio Cadena Nacional"
        return name.title() if name.isupper() and " " in name else name

    def __contains__(self, name: str) -> bool:
        return self.lookup(name) is not None

    def names(self) -> list[str]:
        """Every alias key (lowercase), for building matchers."""
        return list(self._by_key)


# a language edition after an outlet's name: "Xinhua News Agency - French", "Le Monde (English)"
_EDITION = re.compile(
    r"\s*(?:[-–—:]\s*|\()(?:English|French|Arabic|Spanish|Portuguese|Russian|German|Chinese|Italian|Turkish|"
    r"Persian|Farsi|Swahili|Amharic|Somali|Hausa|Urdu|Hindi|Burmese|Ukrainian|Armenian|Azerbaijani|Georgian)"
    r"(?:\s+(?:edition|service|version|language|desk))?\)?\s*$",
    re.I,
)


def outlet_parts(outlet: str | None) -> list[str]:
    """The outlets of a source field ("Xinhua News Agency - French; Sidwaya; AFP"), each without its
    language edition: ``["Xinhua News Agency", "Sidwaya", "AFP"]``."""
    if not outlet:
        return []
    return [p for part in outlet.split(";") if (p := _EDITION.sub("", part).strip())]


@functools.cache
def default_outlets() -> OutletTable:
    """The packaged outlet table, read once per process (immutable)."""
    return OutletTable.load()


def source_scale(outlets: Iterable[str], *, table: OutletTable | None = None) -> str | None:
    """ACLED-style source_scale for a list of outlets: the distinct scales, "-"-joined.

    ``["Armenpress", "BBC News"]`` -> ``"National-International"``; unknown
    outlets contribute nothing; None when no outlet is known.
    """
    table = table or default_outlets()
    scales: list[str] = []
    for name in outlets:
        outlet = table.lookup(name)
        if outlet and outlet.scale and outlet.scale not in scales:
            scales.append(outlet.scale)
    return "-".join(scales) or None
