"""Shared metric types for every scorer: counts, proportions with 95% intervals.

Every scorer returns an `EvalReport`; `clashlog eval` renders reports as a
table, JSON, or the markdown in docs/accuracy.md, and the quality gate reads
`EvalReport.metrics` by name.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

Z95 = 1.959963984540054


def wilson_interval(correct: int, total: int, z: float = Z95) -> tuple[float, float]:
    """95% Wilson score interval for a proportion (well-behaved at 0 and n)."""
    if total <= 0:
        return (0.0, 0.0)
    p = correct / total
    denom = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denom
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass
class Metric:
    """One number of a report. ``value`` is a proportion unless ``kind`` says otherwise."""

    name: str
    value: float
    correct: int | None = None
    total: int | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    kind: str = "proportion"  # "proportion", "f1", "km", "count", "auc"
    note: str = ""

    @classmethod
    def proportion(cls, name: str, correct: int, total: int, note: str = "") -> Metric:
        lo, hi = wilson_interval(correct, total)
        return cls(name, correct / total if total else 0.0, correct, total, lo, hi, "proportion", note)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ErrorCase:
    """One wrong answer, shown so a person can see why."""

    text: str
    field: str
    expected: Any
    got: Any
    ref: str = ""  # gold record id


@dataclass
class EvalReport:
    name: str  # e.g. "acled_armenia_2018_2019"
    gold: str  # path of the gold file
    n_records: int
    metrics: list[Metric] = field(default_factory=list)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)  # gold -> predicted -> count
    errors: list[ErrorCase] = field(default_factory=list)
    notes: str = ""
    # further confusion matrices by field ("event_type", "sub_event_type", ...)
    confusions: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    # other numbers worth showing that are not gated (e.g. rows per gold label)
    extra: dict[str, Any] = field(default_factory=dict)

    def metric(self, name: str) -> Metric | None:
        return next((m for m in self.metrics if m.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "gold": self.gold,
            "n_records": self.n_records,
            "metrics": [m.to_dict() for m in self.metrics],
            "confusion": self.confusion,
            "errors": [asdict(e) for e in self.errors],
            "notes": self.notes,
            "confusions": self.confusions,
            "extra": self.extra,
        }


def macro_f1(pairs: list[tuple[str, str]], labels: set[str] | None = None) -> float:
    """Macro-averaged F1 over ``labels`` (default: the gold labels) from (gold, predicted) pairs."""
    labels = labels if labels is not None else {g for g, _ in pairs}
    if not labels:
        return 0.0
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in pairs:
        if g == p:
            tp[g] += 1
        else:
            fn[g] += 1
            fp[p] += 1
    f1s = []
    for lab in sorted(labels):  # a fixed order: the float sum must not depend on the hash seed
        prec = tp[lab] / (tp[lab] + fp[lab]) if tp[lab] + fp[lab] else 0.0
        rec = tp[lab] / (tp[lab] + fn[lab]) if tp[lab] + fn[lab] else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(f1s)


def confusion_matrix(pairs: list[tuple[str, str]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for g, p in pairs:
        row = out.setdefault(g, {})
        row[p] = row.get(p, 0) + 1
    return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))
