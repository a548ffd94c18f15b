"""Which gold files exist, which scorer reads each, and how much of each is used.

The dev set lives in a shared folder (``../shared/eval/`` beside the checkout)
that users' machines do not have; `run_all` scores whatever is there and says
what it skipped.  Limits follow issue 8 and the eval README: the first 500
notes of each ACLED file, all MUC-4 messages, all GeoWebNews/LGL articles, the
first 2,000 UCDP rows.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvalError
from .metrics import EvalReport

logger = logging.getLogger(__name__)

KINDS = ("acled", "ucdp", "muc", "geo")
ABSENT = "file absent"


@dataclass(frozen=True)
class GoldSpec:
    filename: str
    kind: str
    limit: int | None
    title: str


DEV_SET: tuple[GoldSpec, ...] = (
    GoldSpec("acled_armenia_2018_2019.csv", "acled", 500, "ACLED Armenia 2018–19 (first 500 notes)"),
    GoldSpec("acled_myanmar_2021h1.csv", "acled", 500, "ACLED Myanmar 2021 H1 (first 500 notes)"),
    GoldSpec("acled_global_2016_oldschema.csv", "acled", 500, "ACLED global June 2016, pre-2019 schema (mapped)"),
    GoldSpec("ucdp_ukraine_2014_2016.csv", "ucdp", 2000, "UCDP GED Ukraine 2014–16 (first 2,000 rows)"),
    GoldSpec("muc4_dev_tst1_tst2.jsonl", "muc", None, "MUC-4 DEV + TST1 + TST2 (1,500 messages)"),
    GoldSpec("geo_GWN.xml", "geo", None, "GeoWebNews (geoparsing)"),
    GoldSpec("geo_lgl.xml", "geo", None, "LGL local news (geoparsing)"),
)


@dataclass
class RunResult:
    reports: list[EvalReport] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # report name -> title
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)

    @property
    def absent(self) -> set[str]:
        """Files skipped only because they are not there (the gate forgives those, not failures)."""
        return {f for f, why in self.skipped if why == ABSENT}
    seconds: dict[str, float] = field(default_factory=dict)  # report name -> wall time


def eval_dir(shared: str | Path) -> Path:
    """``--shared DIR`` may name the shared folder or its ``eval/`` subfolder."""
    shared = Path(shared)
    return shared / "eval" if (shared / "eval").is_dir() else shared


def detect_kind(path: str | Path) -> str:
    """Guess the gold format from the file name and its first line."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return "geo"
    if suffix in {".jsonl", ".json"}:
        return "muc"
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", errors="replace") as fh:
            header = fh.readline().lower()
        if "source_headline" in header or "where_description" in header:
            return "ucdp"
        if "notes" in header and "event_type" in header:
            return "acled"
    raise EvalError(f"cannot tell what kind of gold file {path} is; give --kind {'|'.join(KINDS)}")


def _scorer(kind: str) -> Callable[..., EvalReport]:
    module, func = {
        "acled": ("clashlog.evaluate.acled", "score_acled"),
        "ucdp": ("clashlog.evaluate.ucdp", "score_ucdp"),
        "muc": ("clashlog.evaluate.muc", "score_muc"),
        "geo": ("clashlog.evaluate.geo", "score_geo_xml"),
    }[kind]
    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        raise EvalError(f"the {kind} scorer is not available ({module}: {exc})") from exc
    fn = getattr(mod, func, None)
    if fn is None:
        raise EvalError(f"the {kind} scorer is not available ({module}.{func} missing)")
    return fn  # type: ignore[no-any-return]


def score_file(
    path: str | Path,
    extractor: Any,
    *,
    kind: str | None = None,
    limit: int | None = None,
    n_process: int = 2,
) -> EvalReport:
    """Score one gold file with the scorer for its kind."""
    kind = kind or detect_kind(path)
    if kind not in KINDS:
        raise EvalError(f"unknown gold kind {kind!r}; one of {', '.join(KINDS)}")
    fn = _scorer(kind)
    kwargs: dict[str, Any] = {"limit": limit}
    if "n_process" in inspect.signature(fn).parameters:
        kwargs["n_process"] = n_process
    return fn(path, extractor, **kwargs)


def available(shared: str | Path) -> list[tuple[GoldSpec, Path]]:
    base = eval_dir(shared)
    return [(spec, base / spec.filename) for spec in DEV_SET if (base / spec.filename).is_file()]


def run_all(
    shared: str | Path,
    extractor: Any,
    *,
    n_process: int = 2,
    only: set[str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> RunResult:
    """Score every dev-set file present under ``shared``; missing files and scorers are listed as skipped."""
    base = eval_dir(shared)
    if not base.is_dir():
        raise EvalError(f"no shared eval folder at {base}")
    out = RunResult()
    for spec in DEV_SET:
        path = base / spec.filename
        if only and spec.kind not in only and spec.filename not in only:
            continue
        if not path.is_file():
            out.skipped.append((spec.filename, ABSENT))
            continue
        if progress:
            progress(f"scoring {spec.filename} ({spec.kind})")
        t0 = time.perf_counter()
        try:
            report = score_file(path, extractor, kind=spec.kind, limit=spec.limit, n_process=n_process)
        except EvalError as exc:
            logger.info("skipped %s: %s", spec.filename, exc.message)
            out.skipped.append((spec.filename, exc.message))
            continue
        except Exception as exc:  # a broken scorer must not sink the other reports; the gate still fails
            logger.exception("scoring %s failed", spec.filename)
            out.skipped.append((spec.filename, f"scorer failed: {exc!r}"))
            continue
        out.seconds[report.name] = time.perf_counter() - t0
        out.titles[report.name] = spec.title
        out.reports.append(report)
    return out
