"""Spatial lookups the resolver makes many times per article: what lies near a point.

Two small indexes keep place resolution near-linear in the number of names:

* `AnchorIndex`: the places resolved so far, sorted by latitude; the distance
  from a point to the nearest one of *another* name within a radius.
* `CandidateIndex`: every plausible reading of every name on a one-degree
  grid, before anything is chosen; how many *other* names could lie within a
  radius of a point.

Both are plain data structures over `Entry` coordinates; what counts as an
anchor or a plausible reading is the resolver's decision (gazetteer/resolve.py).
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterable

from ..evaluate.metrics import haversine_km
from .store import Entry

KM_PER_DEGREE = 111.0


class AnchorIndex:
    """Resolved places sorted by latitude: the nearest one to a point in near-constant time.

    Only points within ``radius_km`` matter, so a lookup bisects the latitude band of that width
    and measures the (deduplicated) anchors inside it, skipping the mentions of the same name.
    Country and continent anchors are left out: a country's point says nothing about nearness.
    """

    def __init__(self, anchors: Iterable[tuple[Entry, str]], *, radius_km: float, stop_below_km: float = 0.0) -> None:
        points = {(round(a.lat, 3), round(a.lon, 3), key, a.idx) for a, key in anchors
                  if a.feature not in ("country", "continent")}
        self.points = sorted(points)
        self.lats = [p[0] for p in self.points]
        self.band_deg = radius_km / KM_PER_DEGREE
        self.stop_below_km = stop_below_km

    def nearest_km(self, lat: float, lon: float, own_key: str, own_idx: int = -1) -> float | None:
        """Distance to the nearest anchor of another name within the radius (None if none is).

        The place itself does not count ("Mexico" is not near Mexico City because "Mexico City"
        was named: a name's own place gives it no support).  The search stops at the first anchor
        closer than ``stop_below_km`` (callers that only ask "is anything that close?").
        """
        lo = bisect.bisect_left(self.lats, lat - self.band_deg)
        hi = bisect.bisect_right(self.lats, lat + self.band_deg)
        best: float | None = None
        for plat, plon, key, idx in self.points[lo:hi]:
            if key == own_key or idx == own_idx:
                continue
            d = haversine_km(lat, lon, plat, plon)
            if best is None or d < best:
                best = d
                if d < self.stop_below_km:
                    break
        return best


class CandidateIndex:
    """Plausible readings of the article's names on a one-degree grid.

    ``support`` counts the other names that *could* lie within ``radius_km`` of a point: a
    coherent set of small places ("Alexandria", "Douglas County", "Nelson" in Minnesota)
    outweighs one big namesake far away.  Each name's readings are given once, by its key.
    """

    def __init__(self, readings: Iterable[tuple[str, Iterable[Entry]]], *, radius_km: float) -> None:
        self.radius_km = radius_km
        self.cells: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
        self.memo: dict[tuple[int, str], int] = {}
        for key, entries in readings:
            for e in entries:
                self.cells[grid_cell(e.lat, e.lon)].append((e.lat, e.lon, key))

    def support(self, e: Entry, own_key: str) -> int:
        """How many other names have a plausible reading within the radius of ``e``."""
        got = self.memo.get((e.idx, own_key))
        if got is not None:
            return got
        near: set[str] = set()
        lat0, lon0 = grid_cell(e.lat, e.lon)
        dlon = min(180, math.ceil(self.radius_km / max(1.0, KM_PER_DEGREE * math.cos(math.radians(e.lat)))))
        for la in (lat0 - 1, lat0, lat0 + 1):
            for lo in range(lon0 - dlon, lon0 + dlon + 1):
                for plat, plon, key in self.cells.get((la, (lo + 180) % 360 - 180), ()):
                    if key != own_key and key not in near and haversine_km(e.lat, e.lon, plat, plon) < self.radius_km:
                        near.add(key)
        self.memo[(e.idx, own_key)] = len(near)
        return len(near)


def grid_cell(lat: float, lon: float) -> tuple[int, int]:
    """The one-degree cell of a point, longitude wrapped to [-180, 180)."""
    return math.floor(lat), (math.floor(lon) + 180) % 360 - 180
