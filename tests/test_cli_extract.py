"""`clashlog extract` end to end: formats, overrides, stdin, exit codes, bad inputs.

The spaCy pipeline is built once per session (the ``extractor`` fixture of
conftest.py) and handed to the command instead of a fresh one, so that each
invocation does not reload the model; one test runs the real console entry
point in a subprocess.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from clashlog.cli import cli
from clashlog.export import ACLED_COLUMNS, EXTRA_COLUMNS

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "articles"

GOOD = """13 September 2022 10:40 (UTC+04:00)

By Leyla Aliyeva

During the night of September 13, units of the Armenian armed forces shelled the positions of the Azerbaijan Army in the Kalbajar and Lachin directions using mortars, the Ministry of Defense of Azerbaijan said.

Two Azerbaijani servicemen were killed, the ministry said.

---

Follow us on Twitter @ExampleNews
"""

# the contract's fields (CONTRACT.md); the checker there also verifies offsets
ARTICLE_FIELDS = {"article_id", "title", "outlet", "byline", "published", "url", "language", "text"}
PLACE_FIELDS = {"article_id", "name", "start", "end", "resolved_name", "feature", "country", "iso3", "admin1",
                "admin2", "latitude", "longitude", "gazetteer_id"}  # fmt: skip
EVENT_FIELDS = {"event_id", "event_date", "event_date_end", "time_precision", "time_of_day", "disorder_type",
                "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
                "civilian_targeting", "country", "iso3", "admin1", "admin2", "location", "latitude", "longitude",
                "geo_precision", "fatalities", "fatalities_low", "fatalities_high", "source", "source_scale",
                "notes", "article_ids", "claim_ids", "evidence"}  # fmt: skip
CLAIM_FIELDS = {"claim_id", "article_id", "claimant", "via", "stance", "claim_type", "subject", "side",
                "quantity_kind", "value_low", "value_high", "date", "event_id", "text", "start", "end"}  # fmt: skip
EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}  # fmt: skip


@pytest.fixture
def run(monkeypatch, extractor):
    """Invoke `clashlog extract ARGS` in-process with the session's pipeline; returns the click Result."""
    import clashlog.pipeline

    monkeypatch.setattr(clashlog.pipeline, "Extractor", lambda settings=None: extractor)

    def invoke(*args: str, stdin: str | bytes | None = None):
        return CliRunner().invoke(cli, ["extract", *args], input=stdin, catch_exceptions=False)

    return invoke


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def check_contract(doc: dict) -> None:
    """The output follows CONTRACT.md: every field, valid types, offsets into the cleaned text."""
    assert set(doc) >= {"articles", "places", "events", "claims"}
    texts = {a["article_id"]: a["text"] for a in doc["articles"]}
    for a in doc["articles"]:
        assert set(a) >= ARTICLE_FIELDS
    for p in doc["places"]:
        assert set(p) >= PLACE_FIELDS
        assert texts[p["article_id"]][p["start"] : p["end"]] == p["name"]
    for e in doc["events"]:
        assert set(e) >= EVENT_FIELDS
        assert e["event_type"] in EVENT_TYPES
        assert len(e["event_date"]) == 10
        for ev in e["evidence"]:
            assert texts[ev["article_id"]][ev["start"] : ev["end"]] == ev["text"]
    for c in doc["claims"]:
        assert set(c) >= CLAIM_FIELDS
        assert c["stance"] in {"asserts", "denies"}
        assert texts[c["article_id"]][c["start"] : c["end"]] == c["text"]


# ------------------------------------------------------------------ formats


def test_json_prints_one_contract_object(run, good: Path):
    result = run("--format", "json", str(good))
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    check_contract(doc)
    [article] = doc["articles"]
    assert article["published"] == "2022-09-13T10:40:00+04:00"
    assert article["byline"] == "Leyla Aliyeva"
    assert article["text"].startswith("During the night of September 13")
    assert "Follow us" not in article["text"]


def test_json_is_the_default_format(run, good: Path):
    assert set(json.loads(run(str(good)).stdout)) == {"articles", "places", "events", "claims"}


def test_jsonl_prints_one_record_per_article(run, good: Path, tmp_path: Path):
    other = tmp_path / "other.jsonl"
    other.write_text('{"id": "r1", "text": "Police detained 20 protesters in Yerevan on Monday."}\n')
    result = run("--format", "jsonl", str(good), str(other))
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert all(set(r) == {"article", "places", "events", "claims"} for r in records)
    assert records[1]["article"]["article_id"] == "r1"
    for r in records:
        aid = r["article"]["article_id"]
        assert all(aid in e["article_ids"] for e in r["events"])
        assert all(c["article_id"] == aid for c in r["claims"])


def test_csv_has_acled_columns_first_then_the_extra_fields(run, good: Path):
    events = json.loads(run(str(good)).stdout)["events"]
    result = run("--format", "csv", str(good))
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    header = rows[0]
    assert tuple(header[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert tuple(header[len(ACLED_COLUMNS) : len(ACLED_COLUMNS) + len(EXTRA_COLUMNS)]) == EXTRA_COLUMNS
    assert len(rows) - 1 == len(events)
    if events:
        first = dict(zip(header, rows[1], strict=True))
        assert first["event_id_cnty"] == first["event_id"]
        assert first["year"] == first["event_date"][:4]
        assert json.loads(first["evidence"])  # evidence as JSON


def test_geojson_is_a_feature_collection_of_events(run, good: Path):
    events = json.loads(run(str(good)).stdout)["events"]
    result = run("--format", "geojson", str(good))
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["type"] == "FeatureCollection"
    assert len(doc["features"]) == len(events)
    for feature in doc["features"]:
        props = feature["properties"]
        if props["latitude"] is None:
            assert feature["geometry"] is None
        else:
            assert feature["geometry"] == {
                "type": "Point",
                "coordinates": [props["longitude"], props["latitude"]],
            }


def test_table_is_readable_text(run, good: Path):
    result = run("--format", "table", str(good))
    assert result.exit_code == 0
    assert "events from 1 articles" in result.stdout


def test_published_and_outlet_options_override_the_article(run, good: Path):
    doc = json.loads(run("--published", "2022-09-14", "--outlet", "news.am", str(good)).stdout)
    [article] = doc["articles"]
    assert article["published"] == "2022-09-14"
    assert article["outlet"] == "News Am"


def test_two_processes_give_the_same_output_as_one(run, tmp_path: Path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(GOOD.replace("Two", ["One", "Two", "Three"][i]))
    one = json.loads(run("--processes", "1", str(tmp_path)).stdout)
    two = json.loads(run("--processes", "2", str(tmp_path)).stdout)
    assert one == two
    assert len(one["articles"]) == 3


# --------------------------------------------------------------- bad inputs


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.txt", b"\x00\x01\x02\x03" * 64, "binary file"),
        ("empty.txt", b"", "empty file"),
        ("invalid.txt", bytes(range(0x80, 0x100)) * 8, "not valid UTF-8"),
        (
            "bad.jsonl",
            b'{"text": "Shelling near Bakhmut on Monday."}\n{"text": oops}\n',
            "malformed JSON line",
        ),
        ("bad.json", b'{"text": "unterminated', "malformed JSON"),
    ],
)
def test_bad_input_is_named_exit_1_and_the_good_file_still_printed(
    run, good, tmp_path, name, content, message
):
    bad = tmp_path / name
    bad.write_bytes(content)
    result = run("--format", "json", str(bad), str(good))
    assert result.exit_code == 1
    assert str(bad) in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    doc = json.loads(result.stdout)
    assert any(a["byline"] == "Leyla Aliyeva" for a in doc["articles"])


def test_oversized_file_is_refused_with_its_size(run, good, tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # a sparse 50 MB file
    result = run(str(big), str(good))
    assert result.exit_code == 1
    assert f"{big}: too large (52428800 bytes > limit of" in result.stderr
    assert len(json.loads(result.stdout)["articles"]) == 1


def test_nonexistent_path_is_exit_1_with_its_name(run, good, tmp_path):
    result = run(str(tmp_path / "nope.txt"), str(good))
    assert result.exit_code == 1
    assert "nope.txt: no such file or directory" in result.stderr


# ------------------------------------------------------------- usage errors


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--format", "xml", "x.txt"],
        ["--published", "yesterday-ish", "x.txt"],
        ["--processes", "0", "x.txt"],
        ["--config", "/nonexistent/clashlog.cfg", "x.txt"],
        ["-", "-"],
        ["--no-such-option", "x.txt"],
    ],
)
def test_usage_errors_exit_2(run, args):
    result = run(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


# -------------------------------------------------------------------- stdin


def test_stdin_text(run):
    result = run("--format", "jsonl", "-", stdin=GOOD)
    assert result.exit_code == 0
    [line] = result.stdout.strip().splitlines()
    assert json.loads(line)["article"]["published"] == "2022-09-13T10:40:00+04:00"


def test_stdin_jsonl_records(run):
    data = '{"id": "a", "text": "Police detained protesters in Yerevan."}\n{"id": "b", "text": "Clashes near Bakhmut."}\n'
    doc = json.loads(run("-", stdin=data).stdout)
    assert [a["article_id"] for a in doc["articles"]] == ["a", "b"]


def test_console_script_reads_stdin_and_reports_bad_files_without_traceback(tmp_path: Path):
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00" * 100)
    proc = subprocess.run(
        [sys.executable, "-m", "clashlog", "extract", "--format", "jsonl", str(bad), "-"],
        input=GOOD.encode(),
        capture_output=True,
        timeout=300,
        check=False,
    )
    stderr = proc.stderr.decode()
    assert proc.returncode == 1, stderr
    assert f"{bad}: binary file" in stderr
    assert "Traceback" not in stderr
    [line] = proc.stdout.decode().strip().splitlines()
    assert json.loads(line)["article"]["byline"] == "Leyla Aliyeva"


# ------------------------------------------------------------- demo corpus


def test_demo_corpus_output_follows_the_contract(run):
    result = run("--format", "json", str(EXAMPLES))
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    check_contract(doc)
    files = [p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html", ".jsonl"}]
    jsonl_records = sum(len(p.read_text().splitlines()) for p in files if p.suffix == ".jsonl")
    assert len(doc["articles"]) == len(files) - 1 + jsonl_records
    assert all(a["published"] for a in doc["articles"]), "every demo article has a date to resolve against"
    assert all(a["outlet"] for a in doc["articles"])
    for a in doc["articles"]:  # nothing the cleaner should remove is left
        assert "Latest news" not in a["text"] and "Follow us" not in a["text"] and "Related" not in a["text"]


# ------------------------------------------------------------------ export.py


def _event(**fields):
    from clashlog.model import Event, Evidence

    base = dict(
        event_id="e1",
        event_date="2022-09-13",
        event_type="Battles",
        sub_event_type="Armed clash",
        disorder_type="Political violence",
        iso3="ARM",
        country="Armenia",
        article_ids=["a1", "a2"],
        evidence=[Evidence("a1", 0, 5, "Units")],
    )
    base.update(fields)
    return Event(**base)


def test_write_csv_accepts_records_and_dicts_and_fills_acled_columns():
    from clashlog.export import write_csv

    buf = io.StringIO()
    n = write_csv([_event(), _event(event_id="e2", latitude=None).to_dict() | {"admin3": "X"}], buf)
    assert n == 2
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["iso"] == "51"  # ISO numeric, as ACLED
    assert rows[0]["region"] == "Caucasus and Central Asia"
    assert rows[0]["year"] == "2022"
    assert rows[0]["article_ids"] == "a1; a2"
    assert json.loads(rows[0]["evidence"]) == [{"article_id": "a1", "start": 0, "end": 5, "text": "Units"}]
    assert rows[0]["latitude"] == "" and rows[1]["admin3"] == "X"


def test_geojson_point_uses_lon_lat_order():
    from clashlog.export import to_geojson

    doc = to_geojson([_event(latitude=40.1, longitude=46.2), _event(event_id="e2")])
    assert doc["features"][0]["geometry"] == {"type": "Point", "coordinates": [46.2, 40.1]}
    assert doc["features"][1]["geometry"] is None


def test_jsonl_and_json_serialize_records_and_dicts():
    from clashlog.export import iter_jsonl, to_json

    lines = list(iter_jsonl([_event(), {"event_id": "e9"}]))
    assert json.loads(lines[0])["event_id"] == "e1" and json.loads(lines[1]) == {"event_id": "e9"}
    assert json.loads(to_json(events=[_event()]))["events"][0]["evidence"][0]["text"] == "Units"


def test_write_parquet_round_trips(tmp_path: Path):
    pq = pytest.importorskip("pyarrow.parquet")
    from clashlog.export import write_parquet

    path = tmp_path / "events.parquet"
    assert write_parquet([_event(), _event(event_id="e2")], path) == 2
    table = pq.read_table(path)
    assert table.num_rows == 2
    assert table.column("event_id").to_pylist() == ["e1", "e2"]


@pytest.mark.parametrize(
    ("low", "high", "kind", "shown"),
    [
        (5, 5, "killed", "5 killed"),
        (30, 40, "killed", "30–40 killed"),
        (45, None, "killed", "45+ killed"),
        (None, 60, "killed", "≤60 killed"),
        (None, None, "killed_or_injured", "no figure killed_or_injured"),
        (None, None, None, ""),
    ],
)
def test_table_shows_open_ranges_of_a_claim_figure(low, high, kind, shown):
    from clashlog.cli.extract_cmd import _figure

    assert _figure(low, high, kind) == shown
