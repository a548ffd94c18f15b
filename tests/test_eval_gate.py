"""The quality gate: floors pass and fail, and lowering a floor needs an explicit flag."""

from __future__ import annotations

import pytest

from clashlog.errors import EvalError, GateFailure
from clashlog.evaluate import gate
from clashlog.evaluate.metrics import EvalReport, Metric

FLOORS = """
# comment
[acled_x]
event_type = 0.80
actor1 = 0.50
"""


def report(**values: float) -> EvalReport:
    return EvalReport(
        name="acled_x", gold="x.csv", n_records=10,
        metrics=[Metric.proportion(k, round(v * 10), 10) for k, v in values.items()],
    )


def test_gate_passes_when_every_metric_is_at_or_above_its_floor():
    out = gate.check([report(event_type=0.8, actor1=0.9)], gate.parse_floors(FLOORS))
    assert out.ok and out.checked == 2


def test_gate_fails_when_a_metric_drops_below_its_floor():
    out = gate.check([report(event_type=0.7, actor1=0.9)], gate.parse_floors(FLOORS))
    assert not out.ok
    assert out.failures == [("acled_x.event_type", 0.7, 0.8)]
    assert any("FAIL acled_x.event_type" in line for line in out.lines())


def test_gate_fails_when_a_floored_metric_is_no_longer_reported():
    out = gate.check([report(event_type=0.9)], gate.parse_floors(FLOORS))
    assert out.failures == [("acled_x.actor1", None, 0.5)]


def test_gate_skips_reports_whose_gold_file_is_absent():
    out = gate.check([], gate.parse_floors(FLOORS), skipped=["acled_x.csv"])
    assert out.ok and out.skipped == ["acled_x"]
    assert not gate.check([], gate.parse_floors(FLOORS)).ok  # a missing report without a reason fails


def test_raising_a_floor_is_accepted(tmp_path):
    f = tmp_path / "floors.toml"
    f.write_text(FLOORS.replace("0.80", "0.85"), encoding="utf-8")
    assert gate.load_floors(f, previous=FLOORS)["acled_x"]["event_type"] == 0.85


def test_lowering_a_floor_is_refused_without_the_flag(tmp_path):
    f = tmp_path / "floors.toml"
    f.write_text(FLOORS.replace("0.80", "0.70"), encoding="utf-8")
    with pytest.raises(GateFailure, match="allow-lower-floors"):
        gate.load_floors(f, previous=FLOORS)
    assert gate.load_floors(f, previous=FLOORS, allow_lower=True)["acled_x"]["event_type"] == 0.70


def test_removing_a_floor_counts_as_lowering_it(tmp_path):
    f = tmp_path / "floors.toml"
    f.write_text("[acled_x]\nevent_type = 0.80\n", encoding="utf-8")
    with pytest.raises(GateFailure, match="actor1 0.5 -> removed"):
        gate.load_floors(f, previous=FLOORS)


def test_a_floors_file_outside_git_is_taken_as_it_is(tmp_path):
    f = tmp_path / "floors.toml"
    f.write_text(FLOORS, encoding="utf-8")
    assert gate.head_version(f) is None
    assert gate.load_floors(f)["acled_x"]["actor1"] == 0.5


def test_malformed_floors_are_refused_with_a_message():
    with pytest.raises(EvalError, match="not valid TOML"):
        gate.parse_floors("[a\nb = ")
    with pytest.raises(EvalError, match="must be a number"):
        gate.parse_floors('[a]\nb = "high"\n')


def test_suggested_floors_sit_below_the_measured_values_and_parse():
    text = gate.suggest_floors([report(event_type=0.9, actor1=0.5)], margin=0.02)
    floors = gate.parse_floors(text)
    assert floors["acled_x"] == {"event_type": 0.88, "actor1": 0.48}
    assert gate.check([report(event_type=0.9, actor1=0.5)], floors).ok
