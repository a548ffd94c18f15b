"""The built gazetteer on disk and in memory.

Layout of a gazetteer directory (written by `write_gazetteer`):

``places.pkl``     columns of every place as flat arrays (few Python objects, so it
                   unpickles fast): ids and names as one joined string + offsets;
                   feature, country code, admin1, admin2, admin1 key as codes into
                   small vocabularies; lat, lon, population; and per automaton key
                   its length and place ids (offsets into one array)
``automaton.pkl``  a pickled pyahocorasick automaton storing ints: folded name -> key
                   number (a C structure with no Python values: unpickles quickly)
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
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick

from ..errors import GazetteerError
from .names import is_latin_key, loose_key, name_keys, norm_key, spelling_skeleton

logger = logging.getLogger(__name__)

FORMAT_VERSION = 6
_CODED = ("feature", "cc", "admin1", "admin2", "a1key")  # low-cardinality columns: codes into a vocabulary
_FILES = ("places.pkl", "automaton.pkl", "keys.pkl", "manifest.json")
_LOCK = threading.Lock()
_SHORT_COUNTRY = {"US", "UK", "EU"}  # two-letter names kept (countries and regions)


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
    n = len(records)
    vocab: dict[str, dict[str, int]] = {c: {"": 0} for c in _CODED}
    codes: dict[str, array] = {c: array("I", bytes(4 * n)) for c in _CODED}
    lat, lon, pop, capital = array("d"), array("d"), array("q"), bytearray()
    stop = _stop_keys()
    key_map: dict[str, list[int]] = {}
    for idx, r in enumerate(records):
        for c, value in (("feature", r.feature), ("cc", r.cc), ("admin1", r.admin1), ("admin2", r.admin2),
                         ("a1key", r.a1key)):
            table = vocab[c]
            codes[c][idx] = table.setdefault(value or "", len(table))
        lat.append(round(r.lat, 5))
        lon.append(round(r.lon, 5))
        pop.append(int(r.population))
        capital.append(1 if getattr(r, "capital", False) else 0)
        turkic = r.cc in ("AZ", "TR")
        primary = name_keys(getattr(r, "key_name", "") or r.name, turkic=turkic)
        for nm in getattr(r, "english", ()):
            primary |= name_keys(nm, turkic=turkic)
        keys: dict[str, int] = {k: 0 for k in primary}
        for nm in r.names:
            for k in name_keys(nm, turkic=turkic):
                keys.setdefault(k, 1)
        # two-letter keys only for the abbreviations news writes in capitals ("US", "UK", "EU")
        short_ok = {norm_key(nm) for nm in r.names if nm in _SHORT_COUNTRY} if r.feature in ("country", "region") else ()
        for k, alt in keys.items():
            if k in short_ok:
                key_map.setdefault(k, []).append(idx * 2 + alt)
                continue
            if len(k) < 3 or k in stop or not is_latin_key(k) or not k[0].isalnum():
                continue
            key_map.setdefault(k, []).append(idx * 2 + alt)
    # the automaton stores a plain int per key (its number): it (un)pickles as one C blob, no Python
    # objects; the key's length and its place ids live in flat arrays beside it
    sorted_keys = sorted(key_map)
    key_len, key_off, key_ids = array("H"), array("I", [0]), array("I")
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for number, k in enumerate(sorted_keys):
        automaton.add_word(k, number)
        key_len.append(len(k))
        key_ids.extend(key_map[k])
        key_off.append(len(key_ids))
    automaton.make_automaton()
    gid_blob, gid_off = _blob(r.gid for r in records)
    name_blob, name_off = _blob(r.name for r in records)
    cols: dict[str, Any] = {
        "version": FORMAT_VERSION, "n": n,
        "gid_blob": gid_blob, "gid_off": gid_off, "name_blob": name_blob, "name_off": name_off,
        "lat": lat, "lon": lon, "pop": pop, "capital": bytes(capital),
        "key_len": key_len, "key_off": key_off, "key_ids": key_ids,
        "countries": dict(countries or {}),
        "neighbours": dict(neighbours or {}),
    }
    for c in _CODED:
        cols[c + "_codes"] = codes[c]
        cols[c + "_vocab"] = list(vocab[c])
    # each file is written aside and moved into place, so a reader never sees half a file
    files = (("places.pkl", cols), ("automaton.pkl", automaton), ("keys.pkl", sorted_keys),
             ("variants.pkl", _spelling_variants(sorted_keys)))
    for name, obj in files:
        _atomic_pickle(directory / name, obj)
    size = sum((directory / f).stat().st_size for f, _obj in files)
    return {"format": FORMAT_VERSION, "places": len(records), "keys": len(key_map), "bytes": size,
            "sources": source_fingerprint()}


def _spelling_variants(keys: list[str]) -> dict[str, Any]:
    """The numbers (in ``keys``) of the keys of 4 letters or more by their `names.spelling_skeleton`,
    for `Gazetteer.spelling_variants`: an automaton from skeleton to bucket number and flat arrays
    of bucket offsets and key numbers (they unpickle as C blobs, not as Python objects)."""
    buckets: dict[str, list[int]] = {}
    for number, k in enumerate(keys):
        if len(k) >= 4:
            buckets.setdefault(spelling_skeleton(loose_key(k)), []).append(number)
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    offsets, ids = array("I", [0]), array("I")
    for b, skeleton in enumerate(sorted(buckets)):
        automaton.add_word(skeleton, b)
        ids.extend(buckets[skeleton])
        offsets.append(len(ids))
    return {"automaton": automaton, "offsets": offsets, "ids": ids}


def _blob(values: Iterable[str]) -> tuple[str, array]:
    """Strings as one joined string + end offsets: one object to unpickle instead of one per string."""
    parts: list[str] = []
    offsets = array("I", [0])
    total = 0
    for v in values:
        parts.append(v)
        total += len(v)
        offsets.append(total)
    return "".join(parts), offsets


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
        self._variants: dict[str, Any] | None = None
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
        return int(self.cols["n"])

    @property
    def key_lengths(self) -> array:
        """Length of each automaton key, by the key number the automaton stores."""
        return self.cols["key_len"]

    def _coded(self, column: str, idx: int) -> str:
        c = self.cols
        return c[column + "_vocab"][c[column + "_codes"][idx]]

    def name_of(self, idx: int) -> str:
        off = self.cols["name_off"]
        return self.cols["name_blob"][off[idx]:off[idx + 1]]

    def gid_of(self, idx: int) -> str:
        off = self.cols["gid_off"]
        return self.cols["gid_blob"][off[idx]:off[idx + 1]]

    def feature_of(self, idx: int) -> str:
        return self._coded("feature", idx)

    def cc_of(self, idx: int) -> str:
        return self._coded("cc", idx)

    def country_point(self, cc: str) -> tuple[float, float] | None:
        """The representative point of a country (countries are stored first)."""
        if self._country_points is None:
            points = {}
            c = self.cols
            for i in range(min(len(self), 2000)):
                if self.feature_of(i) == "country":
                    points.setdefault(self.cc_of(i), (c["lat"][i], c["lon"][i]))
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
        coded = self._coded
        return Entry(idx, self.gid_of(idx), self.name_of(idx), coded("feature", idx), coded("cc", idx),
                     coded("admin1", idx), coded("admin2", idx), coded("a1key", idx), c["lat"][idx],
                     c["lon"][idx], c["pop"][idx], bool(c["capital"][idx]))

    def lookup_key(self, key: str) -> list[tuple[int, bool]]:
        """(place index, matched an alternate name) for a folded key."""
        number = self.automaton.get(key, -1)
        if number < 0:
            return []
        off = self.cols["key_off"]
        return [(v >> 1, bool(v & 1)) for v in self.cols["key_ids"][off[number]:off[number + 1]]]

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

    def spelling_variants(self, key: str) -> list[str]:
        """The keys spelled with the same consonants as ``key`` (`names.spelling_skeleton`): the
        candidates for another romanization of the name.  Loaded on first use; a gazetteer
        written before these were stored has none."""
        if self._variants is None:
            with self._fuzzy_lock:
                if self._variants is None:
                    try:
                        with (self.directory / "variants.pkl").open("rb") as fh:
                            variants = pickle.load(fh)
                    except (OSError, pickle.UnpicklingError, EOFError):
                        variants = None
                    self._variants = variants if isinstance(variants, dict) and "automaton" in variants else {}
        if not self._variants:
            return []
        bucket = self._variants["automaton"].get(spelling_skeleton(loose_key(key)), -1)
        if bucket < 0:
            return []
        off, keys = self._variants["offsets"], self.keys
        return [keys[n] for n in self._variants["ids"][off[bucket] : off[bucket + 1]]]

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
    # only the data the build reads (other stages keep their own tables in data/ too)
    paths = [root / "data" / n for n in ("country_points.tsv", "wof_az_am.tsv.gz")] + [
        root / "lexicons" / n for n in ("toponym_stoplist.txt", "places_extra.tsv", "exonyms.tsv")
    ] + [root / "gazetteer" / n for n in ("build.py", "sources.py", "record.py", "store.py", "names.py")]
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
