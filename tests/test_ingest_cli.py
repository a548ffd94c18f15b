"""`clashlog ingest` and the query commands end to end, including a SIGKILL mid-ingest."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from clashlog.cli import cli
from clashlog.read import read_inputs
from clashlog.store.db import open_engine
from clashlog.store.ingest import EventStore, ingest
from clashlog.store.query import check_consistency, snapshot

PLACES = ["Kalbajar", "Lachin", "Dashkasan", "Tovuz", "Gadabay", "Jermuk", "Goris", "Berd"]
OUTLETS = ["APA", "Armenpress", "Trend"]


def small_articles(n: int) -> list[dict]:
    """Short, distinct reports (a few of them of the same shelling, from different outlets)."""
    out = []
    for i in range(n):
        place, day = PLACES[i % len(PLACES)], 1 + (i // len(PLACES)) % 28
        out.append(
            {
                "id": f"art{i:04d}",
                "outlet": OUTLETS[i % len(OUTLETS)],
                "published": f"2022-09-{day:02d}",
                "text": f"Armenian forces shelled Azerbaijani army positions near {place} on September {day}, 2022. "
                f"{i % 5 + 1} soldiers were killed, the Ministry of Defense said in statement {i}.",
            }
        )
    return out


def write_jsonl(path: Path, records: list[dict], *, extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(r) for r in records]
    lines[1:1] = extra_lines
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def invoke(extractor, *args: str):
    return CliRunner().invoke(cli, list(args), obj={"extractor": extractor}, catch_exceptions=False)


def test_bad_input_is_reported_and_skipped_and_a_rerun_adds_nothing(extractor, tmp_path):
    src = write_jsonl(
        tmp_path / "in.jsonl",
        small_articles(4),
        extra_lines=('{"id": "broken", "text": ', '{"id": "no-text"}'),
    )
    db = str(tmp_path / "c.db")
    first = invoke(extractor, "ingest", str(src), "--db", db, "--no-progress")
    assert first.exit_code == 1
    assert f"{src}:2" in first.stderr and f"{src}:3" in first.stderr
    assert "articles read: 4; added: 4; skipped as duplicates: 0" in first.stderr
    assert "failed: 2" in first.stderr
    counts = json.loads(invoke(extractor, "stats", "--db", db, "--json", "--check").stdout)
    assert counts["articles"] == 4 and counts["problems"] == []

    again = invoke(extractor, "ingest", str(src), "--db", db, "--no-progress")
    assert "added: 0; skipped as duplicates: 4" in again.stderr
    assert json.loads(invoke(extractor, "stats", "--db", db, "--json").stdout) == {
        k: v for k, v in counts.items() if k != "problems"
    }


def test_ingest_and_query_through_the_cli_on_both_backends(extractor, db_url, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", small_articles(3))
    assert invoke(extractor, "ingest", str(src), "--db", db_url, "--no-progress").exit_code == 0
    events = invoke(extractor, "events", "--db", db_url, "--format", "jsonl").stdout.splitlines()
    articles = invoke(extractor, "articles", "--db", db_url, "--format", "jsonl").stdout.splitlines()
    assert len(articles) == 3
    assert sorted(a for line in events for a in json.loads(line)["article_ids"]) == [
        "art0000",
        "art0001",
        "art0002",
    ]
    counts = json.loads(invoke(extractor, "stats", "--db", db_url, "--json", "--check").stdout)
    assert counts["problems"] == [] and counts["articles"] == 3


def test_a_missing_input_file_fails_with_its_name_and_no_traceback(extractor, tmp_path):
    result = invoke(
        extractor, "ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "c.db"), "--no-progress"
    )
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr and "Traceback" not in result.stderr


def test_an_unreachable_database_is_a_clean_error(extractor, tmp_path):
    result = invoke(extractor, "events", "--db", str(tmp_path / "no" / "such" / "dir.db"))
    assert result.exit_code == 1 and "does not exist" in result.stderr


@pytest.fixture
def stored(extractor, tmp_path):
    db = str(tmp_path / "q.db")
    src = write_jsonl(tmp_path / "in.jsonl", small_articles(6))
    assert invoke(extractor, "ingest", str(src), "--db", db, "--no-progress").exit_code == 0
    return db


def test_events_export_as_acled_csv_jsonl_geojson_and_parquet(extractor, stored, tmp_path):
    rows = [
        json.loads(line)
        for line in invoke(extractor, "events", "--db", stored, "--format", "jsonl").stdout.splitlines()
    ]
    table = list(
        csv.DictReader(io.StringIO(invoke(extractor, "events", "--db", stored, "--format", "csv").stdout))
    )
    assert len(table) == len(rows)
    header = invoke(extractor, "events", "--db", stored, "--format", "csv").stdout.splitlines()[0].split(",")
    assert header[:3] == ["event_id_cnty", "event_date", "year"] and "fatalities" in header
    geo = json.loads(invoke(extractor, "events", "--db", stored, "--format", "geojson").stdout)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == len(rows)
    out = tmp_path / "events.parquet"
    assert (
        invoke(extractor, "events", "--db", stored, "--format", "parquet", "--output", str(out)).exit_code
        == 0
    )
    assert out.stat().st_size > 0


def test_query_commands_filter_and_validate_their_options(extractor, stored):
    everything = invoke(extractor, "events", "--db", stored, "--format", "jsonl").stdout.splitlines()
    since = invoke(extractor, "events", "--db", stored, "--since", "2099-01-01", "--format", "jsonl")
    assert since.exit_code == 0 and since.stdout == ""
    bad = invoke(extractor, "events", "--db", stored, "--since", "last week")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr
    assert invoke(extractor, "events", "--db", stored, "--format", "parquet").exit_code == 2
    articles = invoke(extractor, "articles", "--db", stored, "--format", "jsonl").stdout.splitlines()
    assert len(articles) == 6
    claims = invoke(
        extractor, "claims", "--db", stored, "--format", "jsonl", "--claimant", "'; DROP TABLE claims; --"
    )
    assert claims.exit_code == 0 and claims.stdout == ""
    table = invoke(extractor, "events", "--db", stored)
    assert table.exit_code == 0 and f"{len(everything)} row(s)" in table.stderr


def _count_articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_a_consistent_store_and_a_rerun_completes_it(extractor, tmp_path):
    n = 40
    src = write_jsonl(tmp_path / "many.jsonl", small_articles(n))
    killed_db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "clashlog", "ingest", str(src), "--db", str(killed_db), "--no-progress"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + 120
        while _count_articles(killed_db) < 5 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        stored_at_kill = _count_articles(killed_db)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert 0 < stored_at_kill < n, "the ingest should have been killed part-way through"

    engine = open_engine(str(killed_db))
    assert check_consistency(engine) == []  # includes PRAGMA integrity_check and orphan checks
    engine.dispose()

    rerun = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert "skipped as duplicates: " in rerun.stderr

    with EventStore.open(str(tmp_path / "whole.db")) as whole:
        ingest(read_inputs([str(src)], max_bytes=10_000_000), whole, extractor)
        expected = snapshot(whole.engine)
    resumed = open_engine(str(killed_db))
    assert check_consistency(resumed) == []
    assert snapshot(resumed) == expected
    resumed.dispose()
