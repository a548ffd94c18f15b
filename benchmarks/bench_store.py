"""Store benchmark: ingest rate into SQLite and PostgreSQL, and `events --country` latency.

    python benchmarks/bench_store.py --shared ../shared   (make bench puts its table in docs/performance.md)

1. **Ingest** the 1,500 MUC-4 messages (``eval/muc4_dev_tst1_tst2.jsonl``,
   read with `clashlog.read.read_inputs` exactly as ``clashlog ingest`` reads
   them) into a fresh SQLite file, end to end and in one process like the
   command: extraction (the full pipeline) and storage (one transaction per
   article, merging included) are timed separately.  The same extraction
   results are then stored into a fresh PostgreSQL database, so the two
   backends are compared on identical input; PostgreSQL's end-to-end rate is
   its storage time plus the same extraction time.  A second pass over the
   same file (every article already stored) gives the re-ingest rate.
2. **Query latency**: 100,000 synthetic merged events (40 countries with a
   skewed distribution, 2018-2023) are bulk-loaded into each backend; the
   median of 7 runs (after one warm-up) of `query_events(country=...)` is
   reported for a common and a rare country, materializing every event, plus
   the wall time of the command ``clashlog events --country X --format jsonl``
   (process start-up included).

`run()` returns a flat ``{measure: value}`` dict (used by ``make bench``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DEFAULT_PG = os.environ.get("CLASHLOG_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
MUC_FILE = Path("eval") / "muc4_dev_tst1_tst2.jsonl"
N_SYNTHETIC = 100_000
REPEATS = 7


# ----------------------------------------------------------------- postgres


def _pg_database(admin_url: str) -> tuple[str | None, str, Any]:
    """(url of a fresh database, reason if none, cleanup callable)."""
    try:
        import psycopg
        from psycopg import sql
        from sqlalchemy.engine import make_url
    except ImportError as exc:
        return None, f"psycopg not installed ({exc})", lambda: None
    url = make_url(admin_url)
    params = {"host": url.host, "port": url.port or 5432, "user": url.username, "dbname": url.database}
    name = f"clashlog_bench_{secrets.token_hex(4)}"
    try:
        with psycopg.connect(**params, autocommit=True, connect_timeout=3) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as exc:
        return None, f"PostgreSQL not usable at {url.host}:{url.port}: {exc}".strip(), lambda: None

    def drop() -> None:
        with psycopg.connect(**params, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    return url.set(database=name).render_as_string(hide_password=False), "", drop


# ------------------------------------------------------------------- ingest


def bench_ingest(muc_path: Path, workdir: Path, pg_admin: str | None, limit: int | None) -> dict[str, Any]:
    from clashlog.pipeline import Extractor
    from clashlog.read import read_inputs
    from clashlog.settings import Settings
    from clashlog.store.ingest import EventStore, ingest
    from clashlog.store.query import check_consistency, stats

    class TimedExtractor:
        """The pipeline, with the time spent extracting added up."""

        def __init__(self, inner: Extractor) -> None:
            self.inner, self.seconds = inner, 0.0

        def extract(self, items, **kw):  # type: ignore[no-untyped-def]
            results = self.inner.extract(items, **kw)
            while True:
                t = time.perf_counter()
                try:
                    result = next(results)
                except StopIteration:
                    self.seconds += time.perf_counter() - t
                    return
                self.seconds += time.perf_counter() - t
                yield result

    class RecordingStore(EventStore):
        def __init__(self, *a: Any, **kw: Any) -> None:
            super().__init__(*a, **kw)
            self.seconds, self.kept = 0.0, []

        def add_article(self, article, result, *, source=None):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            out = super().add_article(article, result, source=source)
            self.seconds += time.perf_counter() - t
            self.kept.append((article, result, source))
            return out

    def items():  # type: ignore[no-untyped-def]
        gen = read_inputs([str(muc_path)], max_bytes=20_000_000)
        for i, item in enumerate(gen):
            if limit is not None and i >= limit:
                break
            yield item

    out: dict[str, Any] = {}
    t = time.perf_counter()
    extractor = TimedExtractor(Extractor(Settings()))
    out["pipeline start-up (s)"] = time.perf_counter() - t
    from clashlog.store.db import open_engine

    sqlite_store = RecordingStore(open_engine(str(workdir / "muc4.db")))
    t = time.perf_counter()
    summary = ingest(items(), sqlite_store, extractor)
    total = time.perf_counter() - t
    n = summary.read
    extract_s, store_s = extractor.seconds, sqlite_store.seconds
    counts = stats(sqlite_store.engine)
    out.update(
        {
            "MUC-4 articles ingested": n,
            "failed": len(summary.failed),
            "reports (events as extracted)": counts["reports"],
            "merged events": counts["events"],
            "claims": counts["claims"],
            "near-duplicate articles linked": counts["near_duplicate_articles"],
            "extraction (s, 1 process)": extract_s,
            "SQLite: end-to-end ingest (articles/s)": n / total,
            "SQLite: storage only (s)": store_s,
            "SQLite: storage only (articles/s)": n / store_s if store_s else None,
            "SQLite: storage ms/article": 1000 * store_s / max(n, 1),
            "SQLite: consistency problems": len(check_consistency(sqlite_store.engine)),
        }
    )
    t = time.perf_counter()
    again = ingest(items(), sqlite_store, extractor)
    out["SQLite: re-ingest, all skipped (articles/s)"] = again.read / (time.perf_counter() - t)
    out["SQLite: re-ingest added"] = again.added
    sqlite_store.close()

    pg_url, reason, drop = (
        _pg_database(pg_admin) if pg_admin else (None, "no PostgreSQL URL given", lambda: None)
    )
    if pg_url is None:
        out["PostgreSQL"] = f"skipped: {reason}"
        return out
    try:
        pg_store = EventStore(open_engine(pg_url))
        t = time.perf_counter()
        for article, result, source in sqlite_store.kept:
            pg_store.add_article(article, result, source=source)
        pg_s = time.perf_counter() - t
        pg_counts = stats(pg_store.engine)
        out.update(
            {
                "PostgreSQL: storage only (s)": pg_s,
                "PostgreSQL: storage only (articles/s)": n / pg_s if pg_s else None,
                "PostgreSQL: storage ms/article": 1000 * pg_s / max(n, 1),
                "PostgreSQL: end-to-end ingest (articles/s)": n / (extract_s + pg_s),
                "PostgreSQL: same merged events as SQLite": pg_counts["events"] == counts["events"],
            }
        )
        pg_store.close()
    finally:
        drop()
    return out


# -------------------------------------------------------------------- query

COUNTRIES = [f"Country {chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(40)]


def synthetic_events(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    weights = [1 / (i + 1) for i in range(len(COUNTRIES))]  # Zipf-like: a few countries hold most events
    types = [
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Strategic developments",
    ]
    rows = []
    for i in range(n):
        country = rng.choices(COUNTRIES, weights)[0]
        day = f"{rng.randint(2018, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        aid = f"syn-{i:06d}"
        rows.append(
            {
                "event_id": f"ev{i:07d}",
                "event_date": day,
                "event_type": rng.choice(types),
                "sub_event_type": "Armed clash",
                "disorder_type": "Political violence",
                "actor1": f"Military Forces of {country}",
                "actor2": "Rebels",
                "country": country,
                "iso3": None,
                "admin1": f"Region {rng.randint(1, 20)}",
                "location": f"Town {rng.randint(1, 500)}",
                "latitude": rng.uniform(-40, 60),
                "longitude": rng.uniform(-20, 120),
                "geo_precision": 1,
                "time_precision": 1,
                "fatalities": rng.randint(0, 20),
                "source": "Synthetic Wire",
                "source_scale": "National",
                "notes": "A synthetic event for the query benchmark; about as long as a real ACLED note.",
                "contested": rng.random() < 0.05,
                "n_reports": 1,
                "n_sources": 1,
                "article_ids": [aid],
                "claim_ids": [],
                "evidence": [
                    {
                        "article_id": aid,
                        "start": 0,
                        "end": 40,
                        "text": "A synthetic sentence of forty chars....",
                    }
                ],
            }
        )
    return rows


def bench_query(url: str, label: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    from sqlalchemy import insert

    from clashlog.store import schema as S
    from clashlog.store.db import open_engine
    from clashlog.store.query import EventFilter, count_events, query_events

    engine = open_engine(url)
    t = time.perf_counter()
    with engine.begin() as conn:
        for i in range(0, len(rows), 5000):
            conn.execute(insert(S.events), rows[i : i + 5000])
    load_s = time.perf_counter() - t
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE events")
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    out: dict[str, Any] = {f"{label}: bulk load of {len(rows):,} events (s)": load_s}
    for kind, country in (("common", COUNTRIES[0]), ("rare", COUNTRIES[-1])):
        f = EventFilter(country=country)
        hits = count_events(engine, f)
        list(query_events(engine, f))  # warm-up
        times = []
        for _ in range(REPEATS):
            t = time.perf_counter()
            got = list(query_events(engine, f))
            times.append(time.perf_counter() - t)
        assert len(got) == hits
        out[f"{label}: events --country ({kind}, {hits:,} hits) median ms"] = 1000 * statistics.median(times)
    engine.dispose()
    cmd = [sys.executable, "-m", "clashlog", "events", "--db", url, "--country", COUNTRIES[-1], "--format", "jsonl",
           "--output", os.devnull]  # fmt: skip
    times = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    out[f"{label}: `clashlog events --country` (rare) wall s, process start included"] = statistics.median(
        times
    )
    return out


def run(
    *,
    shared: str | os.PathLike[str] | None = None,
    pg_admin: str | None = DEFAULT_PG,
    limit: int | None = None,
    n_synthetic: int = N_SYNTHETIC,
) -> dict[str, Any]:
    shared = Path(shared or os.environ.get("CLASHLOG_SHARED", "../shared"))
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="clashlog-bench-") as tmp:
        work = Path(tmp)
        muc = shared / MUC_FILE
        if muc.is_file():
            out.update(bench_ingest(muc, work, pg_admin, limit))
        else:
            out["ingest"] = f"skipped: {muc} not found"
        rows = synthetic_events(n_synthetic)
        out.update(bench_query(f"sqlite:///{work / 'synthetic.db'}", "SQLite", rows))
        pg_url, reason, drop = _pg_database(pg_admin) if pg_admin else (None, "no URL", lambda: None)
        if pg_url is None:
            out["PostgreSQL query"] = f"skipped: {reason}"
        else:
            try:
                out.update(bench_query(pg_url, "PostgreSQL", rows))
            finally:
                drop()
    return out


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{os.cpu_count()} CPUs ({cpu}), load average {load:.1f} at the end of the run, Python {sys.version.split()[0]}"


NOTES = """\
How to read this:

- *Storage* is everything `EventStore.add` does per article: one transaction
  with the article, its places, claims and reports, near-duplicate linking and
  re-merging of the touched groups.  It is a small share of ingest time: the
  NLP pipeline dominates (``clashlog ingest --processes 2`` runs extraction in
  two worker processes; storing stays in the parent, in input order).
- PostgreSQL is slower per article than SQLite here because every statement
  is a round trip over TCP to a server on the same machine; its advantage is
  concurrent readers and writers, not single-writer speed.
- Query latency is for materializing every matching event as a model record
  (what ``clashlog events`` writes); a common country means tens of thousands
  of events, so most of that time is Python object creation, not SQL.  The
  country filter is an index search on ``(country, event_date)``.
- Timings depend on the machine and on what else runs on it (the load average
  is given above); compare rows of the same run."""


def markdown(results: dict[str, Any], command: str, *, where: str | None = None) -> str:
    def fmt(v: Any) -> str:
        return f"{v:,.2f}" if isinstance(v, float) else str(v)

    lines = [
        "# Store performance",
        "",
        f"Command: `{command}`",
        "",
        f"Machine: {where or machine()}.",
        "",
        (__doc__ or "").split("\n\n", 2)[2].split("`run()`")[0].strip(),
        "",
        "| measure | value |",
        "|---|---|",
        *[f"| {k} | {fmt(v)} |" for k, v in results.items()],
        "",
        NOTES,
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--pg", default=DEFAULT_PG, help="PostgreSQL admin URL ('' to skip PostgreSQL)")
    ap.add_argument("--limit", type=int, default=None, help="ingest only the first N MUC-4 messages")
    ap.add_argument("--synthetic", type=int, default=N_SYNTHETIC)
    ap.add_argument("--write", help="write the markdown report here")
    args = ap.parse_args(argv)
    results = run(shared=args.shared, pg_admin=args.pg or None, limit=args.limit, n_synthetic=args.synthetic)
    command = "python benchmarks/bench_store.py " + " ".join(argv if argv is not None else sys.argv[1:])
    text = markdown(results, command.strip())
    print(json.dumps(results, indent=1, default=str), file=sys.stderr)
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
