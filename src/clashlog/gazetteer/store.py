"""The built gazetteer on disk and in memory.

Layout of a gazetteer directory (written by `write_gazetteer`):

``places.pkl``     columns (lists/arrays) of every place: id, name, feature, country
                   code, admin1, admin2, admin1 key, lat, lon, population
``automaton.pkl``  a pickled pyahocorasick automaton: folded name -> place ids
                   (a C structure: unpickles in a fraction of a second, no Python loop)
``keys.pkl``       the sorted key list, loaded lazily for fuzzy lookups only
``manifest.json``  counts, sizes, format version, build time

`Gazetteer.load` reads places + automaton (the start-up cost); `ensure_gazetteer`
builds into the user data directory on first use.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import threading
from array import array
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick

from ..errors import GazetteerError
from .names import is_latin_key, name_keys, norm_key

logger = logging.getLogger(__name__)

FORMAT_VERSION = 4
_FILES = ("places.pkl", "automaton.pkl", "keys.pkl", "manifest.json")
_LOCK = threading.Lock()
_SHORT_COUNTRY = {"US", "UK"}


def default_gazetteer_dir(configured: str | None = None) -> Path:
    """``configured`` (settings.gazetteer_dir) or the platformdirs user data dir."""
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("clashlog", appauthor=False)) / "gazetteer"


def _stop_keys() -> set[str]:
    """Keys never stored: English function words (spaCy's list) + lexicons/toponym_stoplist.txt 'never' part."""
    from spacy.lang.en.stop_words import STOP_WORDS

    keys = {w.lower() for w in STOP_WORDS}
    path = Path(str(resources.files("clashlog") / "lexicons" / "toponym_stoplist.txt"))
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith("!"):
                keys.add(norm_key(line[1:]))
    return keys


def write_gazetteer(directory: Path, records: list, countries: dict[str, tuple[str, str]] | None = None,
                    *, neighbours: dict[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    """Write ``records`` (build.Record) as places + automaton; returns the manifest.

    ``countries`` maps ISO alpha-2 -> (display name, ISO alpha-3).
    """
    directory.mkdir(parents=True, exist_ok=True)
    # stable order: countries/admin first, then by population (ids are positions)
    order = {"continent": 0, "country": 1, "region": 2, "admin1": 3, "admin2": 4}
    records = sorted(records, key=lambda r: (order.get(r.feature, 5), -r.population, r.gid))
    cols: dict[str, Any] = {
        "gid": [], "name": [], "feature": [], "cc": [], "admin1": [], "admin2": [], "a1key": [],
        "lat": array("d"), "lon": array("d"), "pop": array("q"), "capital": bytearray(), "version": FORMAT_VERSION,
        "countries": dict(countries or {}),
        "neighbours": dict(neighbours or {}),
    }
    interned: dict[str, str] = {}

    def intern(s: str) -> str:
        return interned.setdefault(s, s)

    stop = _stop_keys()
    key_map: dict[str, list[int]] = {}
    for idx, r in enumerate(records):
        cols["gid"].append(r.gid)
        cols["name"].append(r.name)
        cols["feature"].append(intern(r.feature))
        cols["cc"].append(intern(r.cc))
        cols["admin1"].append(intern(r.admin1))
        cols["admin2"].append(intern(r.admin2))
        cols["a1key"].append(intern(r.a1key))
        cols["lat"].append(round(r.lat, 5))
        cols["lon"].append(round(r.lon, 5))
        cols["pop"].append(int(r.population))
        cols["capital"].append(1 if getattr(r, "capital", False) else 0)
        turkic = r.cc in ("AZ", "TR")
        primary = name_keys(r.name, turkic=turkic)
        keys: dict[str, int] = {k: 0 for k in primary}
        for n in r.names:
            for k in name_keys(n, turkic=turkic):
                keys.setdefault(k, 1)
        # two-letter keys only for the country abbreviations news writes in capitals ("US", "UK")
        short_ok = {norm_key(n) for n in r.names if n in _SHORT_COUNTRY} if r.feature == "country" else ()
        for k, alt in keys.items():
            if k in short_ok:
                key_map.setdefault(k, []).append(idx * 2 + alt)
                continue
            if len(k) < 3 or k in stop or not is_latin_key(k) or not k[0].isalnum():
                continue
            key_map.setdefault(k, []).append(idx * 2 + alt)
    automaton = ahocorasick.Automaton()
    for k, ids in key_map.items():
        automaton.add_word(k, (len(k), *ids))
    automaton.make_automaton()
    # each file is written aside and moved into place, so a reader never sees half a file
    for name, obj in (("places.pkl", cols), ("automaton.pkl", automaton), ("keys.pkl", sorted(key_map))):
        _atomic_pickle(directory / name, obj)
    size = sum((directory / f).stat().st_size for f in ("places.pkl", "automaton.pkl", "keys.pkl"))
    return {"format": FORMAT_VERSION, "places": len(records), "keys": len(key_map), "bytes": size,
            "sources": source_fingerprint()}


def _atomic_pickle(path: Path, obj: object) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def write_manifest(directory: Path, manifest: dict[str, Any]) -> None:
    tmp = directory / f"manifest.json.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    os.replace(tmp, directory / "manifest.json")


@dataclass(frozen=True)
class Entry:
    """One gazetteer place, by position."""

    idx: int
    gid: str
    name: str
    feature: str
    cc: str
    admin1: str
    admin2: str
    a1key: str
    lat: float
    lon: float
    population: int
    capital: bool = False


class Gazetteer:
    """Read-only access to a built gazetteer."""

    def __init__(self, directory: Path, cols: dict[str, Any], automaton: ahocorasick.Automaton) -> None:
        self.directory = directory
        self.cols = cols
        self.automaton = automaton
        self._keys: list[str] | None = None
        self._country_points: dict[str, tuple[float, float]] | None = None
        self._fuzzy_lock = threading.Lock()

    @classmethod
    def load(cls, directory: Path) -> Gazetteer:
        try:
            with (directory / "places.pkl").open("rb") as fh:
                cols = pickle.load(fh)
            with (directory / "automaton.pkl").open("rb") as fh:
                automaton = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError) as exc:
            raise GazetteerError(f"cannot read the gazetteer in {directory}: {exc}") from exc
        if cols.get("version") != FORMAT_VERSION:
            raise GazetteerError(f"gazetteer in {directory} has an old format; run `clashlog gazetteer build`")
        return cls(directory, cols, automaton)

    def __len__(self) -> int:
        return len(self.cols["gid"])

    def country_point(self, cc: str) -> tuple[float, float] | None:
        """The representative point of a country (countries are stored first)."""
        if self._country_points is None:
            points = {}
            c = self.cols
            for i in range(min(len(c["gid"]), 2000)):
                if c["feature"][i] == "country":
                    points.setdefault(c["cc"][i], (c["lat"][i], c["lon"][i]))
            self._country_points = points
        return self._country_points.get(cc)

    def neighbours(self, cc: str) -> tuple[str, ...]:
        """The countries bordering ``cc``."""
        return self.cols.get("neighbours", {}).get(cc, ())

    def country(self, cc: str) -> tuple[str, str]:
        """(country name, ISO alpha-3) for an ISO alpha-2 code ('', '') if unknown."""
        return self.cols["countries"].get(cc, ("", ""))

    def entry(self, idx: int) -> Entry:
        c = self.cols
        return Entry(idx, c["gid"][idx], c["name"][idx], c["feature"][idx], c["cc"][idx], c["admin1"][idx],
                     c["admin2"][idx], c["a1key"][idx], c["lat"][idx], c["lon"][idx], c["pop"][idx],
                     bool(c["capital"][idx]))

    def lookup_key(self, key: str) -> list[tuple[int, bool]]:
        """(place index, matched an alternate name) for a folded key."""
        got = self.automaton.get(key, None)
        if not got:
            return []
        return [(v >> 1, bool(v & 1)) for v in got[1:]]

    def lookup(self, name: str) -> list[Entry]:
        """Places named ``name`` (any spelling the gazetteer knows), most important first."""
        seen: dict[int, None] = {}
        for k in name_keys(name) | {norm_key(name)}:
            for idx, _alt in self.lookup_key(k):
                seen.setdefault(idx, None)
        return [self.entry(i) for i in sorted(seen)]

    @property
    def keys(self) -> list[str]:
        """All keys, sorted (loaded on first use: only fuzzy matching needs them)."""
        if self._keys is None:
            with self._fuzzy_lock:
                if self._keys is None:
                    with (self.directory / "keys.pkl").open("rb") as fh:
                        self._keys = pickle.load(fh)
        return self._keys

    def manifest(self) -> dict[str, Any]:
        path = self.directory / "manifest.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def source_fingerprint() -> str:
    """A hash of everything a build reads that ships with clashlog (data, lexicons, builder code).

    A gazetteer built from other sources is rebuilt on first use, so an upgrade never runs
    on a stale cache.
    """
    import hashlib

    h = hashlib.sha1(str(FORMAT_VERSION).encode())
    root = Path(str(resources.files("clashlog")))
    paths = sorted((root / "data").glob("*")) + [
        root / "lexicons" / n for n in ("toponym_stoplist.txt", "places_extra.tsv", "exonyms.tsv")
    ] + [root / "gazetteer" / n for n in ("build.py", "store.py", "names.py")]
    for path in paths:
        if path.is_file():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def is_built(directory: Path, *, check_sources: bool = True) -> bool:
    """A complete gazetteer of the current format (and, by default, built from the current sources)."""
    if not all((directory / f).is_file() for f in _FILES):
        return False
    try:
        manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if manifest.get("format") != FORMAT_VERSION:
        return False
    return not check_sources or manifest.get("sources") == source_fingerprint()


_CACHE: dict[str, Gazetteer] = {}


def ensure_gazetteer(configured: str | None = None) -> Gazetteer:
    """The gazetteer for ``configured`` dir (default: user data dir), built on first use.

    Loaded gazetteers are shared per directory within a process (read-only data).
    """
    directory = default_gazetteer_dir(configured)
    key = str(directory.resolve()) if directory.exists() else str(directory)
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
        if not is_built(directory):
            from .build import build_gazetteer

            logger.warning("building the gazetteer in %s (first run, about a minute)", directory)
            build_gazetteer(directory)
        gaz = Gazetteer.load(directory)
        _CACHE[str(directory.resolve())] = gaz
        return gaz
