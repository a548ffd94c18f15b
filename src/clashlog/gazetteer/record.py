"""The gazetteer builder's `Record` and feature names, shared by `build` and `sources`.

Also the two name filters both sides apply (`_good_alternate`, `_is_cyrillic`)
and the countries whose names are spelled the Azerbaijani/Turkish way
(`_TURKIC`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

FEATURE_COUNTRY = "country"
FEATURE_ADMIN1 = "admin1"
FEATURE_ADMIN2 = "admin2"
FEATURE_PLACE = "populated place"
FEATURE_CONTINENT = "continent"
FEATURE_REGION = "region"

_TURKIC = {"AZ", "TR", "TM", "UZ", "KZ"}


@dataclass
class Record:
    """One gazetteer entry while building."""

    gid: str
    name: str
    feature: str
    cc: str
    lat: float
    lon: float
    population: int = 0
    admin1: str = ""  # display name of the admin1 unit
    admin2: str = ""
    a1key: str = ""  # "CC.code" of the admin1 unit (context matching)
    names: set[str] = field(default_factory=set)  # every written form (not yet keyed)
    capital: bool = False  # a national capital
    # English names from lexicons/exonyms.tsv: keyed like the record's own name, not as an alternate
    english: set[str] = field(default_factory=set)
    # the name keyed as the record's own when ``name`` is only for display: "Provincia de Huamanga" is
    # shown as "Huamanga", but a bare "Santa Clara" must not become Cuba's "Municipio de Santa Clara"
    key_name: str = ""


def _good_alternate(name: str) -> bool:
    """Alternate names worth a key: Latin script, capitalized, not a code."""
    if len(name) < 3 or not name[:1].isupper():
        return False
    if name.isupper() and len(name) <= 4:  # airport / ISO codes
        return False
    return any(ch.isalpha() for ch in name)


def _is_cyrillic(s: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in s)
