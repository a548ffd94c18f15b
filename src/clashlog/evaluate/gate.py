"""The quality gate: pinned floors per metric, and a refusal to lower them quietly.

Floors live in ``eval_floors.toml`` at the repository root, one table per
report (the gold file's stem) and one line per metric::

    [acled_armenia_2018_2019]
    event_type = 0.90     # fails when the measured value drops below 0.90

Raising a floor is a one-line edit.  Lowering one (or deleting it) is refused
unless ``allow_lower`` is given (``--allow-lower-floors``): `load_floors`
compares the file with its version in git ``HEAD`` (``git show HEAD:<path>``),
so a lowered floor cannot slip in with an unrelated change; a reviewer sees the
flag in the CI script or the commit.  Without git (a tarball) or when the file
is new in the working tree, there is nothing to compare with and the file is
taken as it is.
"""

from __future__ import annotations

import logging
import math
import subprocess
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvalError, GateFailure
from .metrics import EvalReport

logger = logging.getLogger(__name__)

Floors = dict[str, dict[str, float]]
# metric kinds a floor makes sense for (km errors and error AUCs are lower-is-better: not gated)
HIGHER_IS_BETTER = frozenset({"proportion", "f1"})


def parse_floors(text: str, *, source: str = "floors") -> Floors:
    """Parse and validate a floors TOML text: ``{report: {metric: floor}}``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise EvalError(f"{source}: not valid TOML: {exc}") from exc
    floors: Floors = {}
    for report, table in data.items():
        if not isinstance(table, dict):
            raise EvalError(f"{source}: {report!r} must be a table of metric = floor")
        for metric, value in table.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise EvalError(f"{source}: {report}.{metric} must be a number, not {value!r}")
            floors.setdefault(report, {})[metric] = float(value)
    return floors


def head_version(path: str | Path) -> str | None:
    """The file's text in git HEAD, or None when there is no git, no HEAD, or the file is new."""
    path = Path(path).resolve()
    try:
        top = subprocess.run(
            ["git", "-C", str(path.parent), "rev-parse", "--show-toplevel"],
            capture_output=True, text=True, timeout=10,
        )
        if top.returncode != 0:
            return None
        rel = path.relative_to(Path(top.stdout.strip()).resolve()).as_posix()
        shown = subprocess.run(
            ["git", "-C", top.stdout.strip(), "show", f"HEAD:{rel}"],
            capture_output=True, text=True, timeout=10,
        )
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    return shown.stdout if shown.returncode == 0 else None


def lowered_floors(old: Floors, new: Floors) -> list[tuple[str, float, float | None]]:
    """Floors of ``old`` that ``new`` lowers or removes: (report.metric, old floor, new floor or None)."""
    out: list[tuple[str, float, float | None]] = []
    for report, metrics in old.items():
        for metric, floor in metrics.items():
            now = new.get(report, {}).get(metric)
            if now is None or now < floor:
                out.append((f"{report}.{metric}", floor, now))
    return out


def load_floors(path: str | Path, *, allow_lower: bool = False, previous: str | None = None) -> Floors:
    """Read the floors file; refuse it if it lowers floors of its git-HEAD version unless ``allow_lower``.

    ``previous`` overrides the text to compare with (tests; None = ask git).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EvalError(f"cannot read floors file {path}: {exc}") from exc
    floors = parse_floors(text, source=str(path))
    before = previous if previous is not None else head_version(path)
    if before is None:
        logger.info("no committed version of %s to compare floors with", path)
        return floors
    lowered = lowered_floors(parse_floors(before, source=f"HEAD:{path.name}"), floors)
    if lowered and not allow_lower:
        listing = ", ".join(f"{k} {old:g} -> {'removed' if new is None else f'{new:g}'}" for k, old, new in lowered)
        raise GateFailure(
            f"{path} lowers floors recorded in git HEAD ({listing}); pass --allow-lower-floors to accept"
        )
    for k, old, new in lowered:
        logger.warning("floor lowered with --allow-lower-floors: %s %s -> %s", k, old, new)
    return floors


@dataclass
class GateOutcome:
    failures: list[tuple[str, float | None, float]] = field(default_factory=list)  # (key, value, floor)
    passes: list[tuple[str, float, float]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # reports whose gold file is absent

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def checked(self) -> int:
        return len(self.failures) + len(self.passes)

    def lines(self) -> list[str]:
        out = [f"FAIL {k}: {'missing' if v is None else f'{v:.4f}'} < floor {f:.4f}" for k, v, f in self.failures]
        out += [f"skip {name}: gold file absent" for name in self.skipped]
        return out


def check(reports: Sequence[EvalReport], floors: Floors, *, skipped: Iterable[str] = ()) -> GateOutcome:
    """Compare measured metrics with their floors.

    A floored metric that was not measured fails (a scorer that stops
    reporting must not pass silently), unless its whole report was skipped
    because the gold file is absent (``skipped`` holds file names or stems).
    """
    by_name = {r.name: r for r in reports}
    absent = {Path(s).stem for s in skipped} | set(skipped)
    outcome = GateOutcome()
    for report_name, metrics in sorted(floors.items()):
        report = by_name.get(report_name)
        if report is None and report_name in absent:
            outcome.skipped.append(report_name)
            continue
        for metric_name, floor in sorted(metrics.items()):
            key = f"{report_name}.{metric_name}"
            m = report.metric(metric_name) if report else None
            if m is None:
                outcome.failures.append((key, None, floor))
            elif m.value + 1e-9 < floor:
                outcome.failures.append((key, m.value, floor))
            else:
                outcome.passes.append((key, m.value, floor))
    return outcome


def suggest_floors(reports: Sequence[EvalReport], *, margin: float = 0.02) -> str:
    """A floors file a little below the measured values (proportions and F1 only)."""
    lines = [
        "# Quality floors for `make eval-gate` (clashlog eval --all --gate eval_floors.toml).",
        "# One table per gold file, one line per metric: the gate fails when a measured value drops",
        "# below its floor. Raising a floor is a one-line edit; lowering or removing one is refused",
        "# unless --allow-lower-floors is given (the gate compares with this file in git HEAD).",
    ]
    for r in reports:
        rows = [(m.name, max(0.0, m.value - margin)) for m in r.metrics if m.kind in HIGHER_IS_BETTER]
        if rows:
            lines += ["", f"[{r.name}]"] + [f"{n} = {math.floor(round(v * 100, 6)) / 100:.2f}" for n, v in rows]
    return "\n".join(lines) + "\n"
