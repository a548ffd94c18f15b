"""`clashlog eval` end to end on a tiny gold CSV written here (never the shared dev set)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from clashlog.cli import cli
from clashlog.errors import EvalError
from clashlog.evaluate import runner

HEADER = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2",
          "assoc_actor_2", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes"]
ROWS = [
    ["TST1", "2019-12-29", "Battles", "Armed clash", "Military Forces of Azerbaijan (2003-)", "",
     "Military Forces of Armenia (2018-)", "", "Tavush", "Berd", "40.88", "45.39", "2", "Test Outlet",
     "On 29 December 2019, military forces of Azerbaijan fired with small arms on the positions of the "
     "military forces of Armenia near Berd, Tavush."],
    ["TST2", "2019-12-27", "Protests", "Peaceful protest", "Protesters (Armenia)", "", "", "", "Yerevan",
     "Yerevan", "40.18", "44.51", "1", "Test Outlet",
     "On 27 December 2019, around 50 teachers held a protest in Yerevan demanding higher salaries."],
]


def write_gold(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(ROWS)
    return path


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("shared")
    write_gold(root / "eval" / "acled_armenia_2018_2019.csv")
    return root


def invoke(*args: str):
    return CliRunner().invoke(cli, ["eval", *args], catch_exceptions=False)


def test_eval_gold_prints_per_field_json(tmp_path):
    gold = write_gold(tmp_path / "tiny.csv")
    res = invoke("--gold", str(gold), "--format", "json", "--n-process", "1")
    assert res.exit_code == 0, res.output
    (rep,) = json.loads(res.output)["reports"]
    assert rep["name"] == "tiny" and rep["n_records"] == 2
    names = {m["name"] for m in rep["metrics"]}
    assert {"event_type", "sub_event_type", "sub_event_type_macro_f1", "event_date", "actor1", "actor2"} <= names
    assert all(0.0 <= m["value"] <= 1.0 for m in rep["metrics"])


def test_eval_gold_table_lists_metrics_and_errors(tmp_path):
    gold = write_gold(tmp_path / "tiny.csv")
    res = invoke("--gold", str(gold), "--limit", "1", "--errors", "3", "--n-process", "1")
    assert res.exit_code == 0, res.output
    assert "event_type" in res.output and "1 records" in res.output


def test_eval_all_without_the_shared_folder_says_so_and_exits_zero(tmp_path):
    res = invoke("--all", "--shared", str(tmp_path / "nowhere"))
    assert res.exit_code == 0
    assert "eval skipped" in res.output and "absent" in res.output


def test_eval_all_writes_markdown_with_the_command(shared, tmp_path):
    out = tmp_path / "docs" / "accuracy.md"
    res = invoke("--all", "--shared", str(shared), "--write", str(out), "--n-process", "1", "--format", "json")
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert "clashlog eval" in text and "--write" in text
    assert "What each number means" in text and "naive" in text
    assert "acled_armenia_2018_2019" in text


def test_eval_gate_fails_with_exit_1_below_a_floor_and_passes_above(shared, tmp_path):
    high = tmp_path / "high.toml"
    high.write_text("[acled_armenia_2018_2019]\nevent_type = 1.01\n", encoding="utf-8")
    res = invoke("--all", "--shared", str(shared), "--gate", str(high), "--n-process", "1", "--format", "json")
    assert res.exit_code == 1
    assert "quality gate failed" in res.output
    low = tmp_path / "low.toml"
    low.write_text("[acled_armenia_2018_2019]\nevent_type = 0.0\n\n[geo_lgl]\nfound = 0.5\n", encoding="utf-8")
    res = invoke("--all", "--shared", str(shared), "--gate", str(low), "--n-process", "1", "--format", "json")
    assert res.exit_code == 0, res.output


def test_eval_needs_gold_or_all(tmp_path):
    gold = write_gold(tmp_path / "tiny.csv")
    assert invoke().exit_code == 2
    assert invoke("--gold", str(gold), "--all").exit_code == 2
    assert invoke("--gold", str(gold), "--gate", str(gold)).exit_code == 2


def test_gold_kind_is_detected_from_the_file(tmp_path):
    assert runner.detect_kind(write_gold(tmp_path / "a.csv")) == "acled"
    (tmp_path / "u.csv").write_text("id,source_headline,best\n", encoding="utf-8")
    assert runner.detect_kind(tmp_path / "u.csv") == "ucdp"
    assert runner.detect_kind(tmp_path / "g.xml") == "geo"
    (tmp_path / "x.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(EvalError):
        runner.detect_kind(tmp_path / "x.csv")
