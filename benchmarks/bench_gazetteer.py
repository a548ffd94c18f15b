"""Gazetteer benchmark: build time and size, load time, lookup and geoparsing speed.

    python benchmarks/bench_gazetteer.py [--build] [--dir DIR]

Without ``--build`` the build time is read from the existing gazetteer's manifest.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from clashlog.gazetteer.build import build_gazetteer
from clashlog.gazetteer.match import scan
from clashlog.gazetteer.store import Gazetteer, default_gazetteer_dir, ensure_gazetteer

SAMPLE = (
    "Azerbaijani forces shelled the Kalbajar district and villages near Goris on Tuesday, the Armenian "
    "Defense Ministry said. Clashes continued in the Dashkasan, Kalbajar and Lachin directions. In "
    "Ukraine, Russian troops attacked Bakhmut and Kharkiv while officials in Kyiv and Washington met. "
    "Protesters gathered in Yangon and Mandalay, Myanmar, and near Mawlamyine in Mon State. "
    "Explosions were reported in Tripoli, Lebanon, and in Beirut. Stepanakert and Shusha were quiet.\n\n"
)
NAMES = ["Kalbajar", "Karvachar", "Daşkəsən", "Kiev", "Artemivsk", "Tripoli", "Vardenis", "Rangoon",
         "Springfield", "London", "Paletwa", "Goris"]


def run(*, build: bool = False, directory: str | None = None, repeats: int = 20) -> dict:
    """Numbers for docs/performance.md (seconds, bytes, per-second rates)."""
    out: dict = {}
    if build:
        target = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="clashlog-gaz-"))
        manifest = build_gazetteer(target)
    else:
        gaz = ensure_gazetteer(directory)
        target = gaz.directory
        manifest = gaz.manifest()
    out["places"] = manifest.get("places")
    out["names"] = manifest.get("keys")
    out["size_mb"] = round(manifest.get("bytes", 0) / 1e6, 1)
    out["build_seconds"] = manifest.get("build_seconds")

    t0 = time.perf_counter()
    gaz = Gazetteer.load(target)
    out["load_seconds"] = round(time.perf_counter() - t0, 3)

    t0 = time.perf_counter()
    n = 0
    for _ in range(200):
        for name in NAMES:
            gaz.lookup(name)
            n += 1
    out["lookups_per_second"] = round(n / (time.perf_counter() - t0))

    text = SAMPLE * 50
    t0 = time.perf_counter()
    found = 0
    for _ in range(repeats):
        found += len(scan(text, gaz))
    dt = time.perf_counter() - t0
    out["scan_chars_per_second"] = round(len(text) * repeats / dt)
    out["scan_mentions_per_second"] = round(found / dt)

    # the places stages end to end (the parser is included: it runs on the sentences with places)
    from clashlog.model import Article
    from clashlog.pipeline import build_pipeline
    from clashlog.settings import Settings

    settings = Settings(gazetteer_dir=str(target))
    t0 = time.perf_counter()
    nlp = build_pipeline(settings, until="clashlog_places")
    out["pipeline_load_seconds"] = round(time.perf_counter() - t0, 3)
    text = SAMPLE * 5
    mentions = 0
    t0 = time.perf_counter()
    for _ in range(max(1, repeats // 4)):
        doc = nlp.make_doc(text)
        doc._.article = Article(article_id="bench", text=text)
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        mentions += len(doc._.places)
    dt = time.perf_counter() - t0
    out["resolved_place_mentions_per_second"] = round(mentions / dt)
    out["directory"] = str(target if target else default_gazetteer_dir(None))
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build", action="store_true", help="time a fresh build (about a minute)")
    ap.add_argument("--dir", help="gazetteer directory")
    args = ap.parse_args()
    print(json.dumps(run(build=args.build, directory=args.dir), indent=2))  # noqa: T201
