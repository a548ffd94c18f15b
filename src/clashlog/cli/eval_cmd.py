"""`clashlog eval`: score clashlog against gold data, write docs/accuracy.md, run the quality gate."""

from __future__ import annotations

import logging
import shlex
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import ClashlogError

if TYPE_CHECKING:
    from ..pipeline import Extractor

logger = logging.getLogger(__name__)


def _extractor(config: str | None) -> Extractor:
    from ..pipeline import Extractor
    from ..settings import load_settings

    return Extractor(load_settings(config))


def _revision() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None


def _command_line(ctx: click.Context) -> str:
    """The command as typed (options given on the command line, in declaration order)."""
    from click.core import ParameterSource

    parts = ["clashlog", "eval"]
    for param in ctx.command.params:
        if not isinstance(param, click.Option) or param.name is None:
            continue
        if ctx.get_parameter_source(param.name) != ParameterSource.COMMANDLINE:
            continue
        value = ctx.params[param.name]
        flag = max(param.opts, key=len)
        parts += [flag] if param.is_flag else [flag, shlex.quote(str(value))]
    return " ".join(parts)


@click.command("eval")
@click.option("--gold", "gold", type=click.Path(exists=True, dir_okay=False), help="One gold file to score.")
@click.option("--kind", type=click.Choice(["acled", "ucdp", "muc", "geo"]), help="Gold format (default: guessed).")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N records.")
@click.option("--all", "all_", is_flag=True, help="Score every dev-set file under --shared.")
@click.option("--shared", type=click.Path(file_okay=False), default="../shared", show_default=True,
              help="The shared folder holding eval/ (used with --all).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--errors", "n_errors", type=click.IntRange(min=0), default=10, show_default=True,
              help="How many wrong answers to list per report.")
@click.option("--write", "write", type=click.Path(dir_okay=False), help="Write the markdown report (with --all).")
@click.option("--gate", "gate", type=click.Path(exists=True, dir_okay=False),
              help="Fail (exit 1) when a metric is below its floor in this TOML file.")
@click.option("--allow-lower-floors", is_flag=True,
              help="Accept a floors file that lowers floors recorded in git HEAD.")
@click.option("--suggest-floors", "suggest", type=click.Path(dir_okay=False),
              help="Write a floors file 0.02 below the measured values (with --all), for review.")
@click.option("--n-process", type=click.IntRange(min=1), default=2, show_default=True)
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Settings overlay file.")
def eval_(
    gold: str | None,
    kind: str | None,
    limit: int | None,
    all_: bool,
    shared: str,
    fmt: str,
    n_errors: int,
    write: str | None,
    gate: str | None,
    allow_lower_floors: bool,
    suggest: str | None,
    n_process: int,
    config: str | None,
) -> None:
    """Score clashlog against gold data (ACLED CSV, UCDP GED CSV, MUC-4 keys, GeoWebNews/LGL XML).

    \b
    clashlog eval --gold acled_armenia_2018_2019.csv --limit 500
    clashlog eval --all --shared ../shared --write docs/accuracy.md
    clashlog eval --all --shared ../shared --gate eval_floors.toml
    """
    from rich.console import Console

    from ..evaluate import gate as gate_mod
    from ..evaluate import report as report_mod
    from ..evaluate import runner

    if bool(gold) == bool(all_):
        raise click.UsageError("give either --gold FILE or --all")
    if (write or gate or suggest) and not all_:
        raise click.UsageError("--write, --gate and --suggest-floors go with --all")
    out = Console(soft_wrap=False, width=200)
    err = Console(stderr=True)
    command = _command_line(click.get_current_context())
    try:
        floors = None
        if gate:  # check the floors file before spending minutes on scoring
            floors = gate_mod.load_floors(gate, allow_lower=allow_lower_floors)
        if gold:
            report = runner.score_file(gold, _extractor(config), kind=kind, limit=limit, n_process=n_process)
            if fmt == "json":
                click.echo(report_mod.reports_json([report]))
            else:
                out.print(report_mod.rich_report(report, errors=n_errors))
            return
        base = runner.eval_dir(shared)
        if not runner.available(shared):
            click.echo(f"eval skipped: no gold files under {base} (the shared eval folder is absent)")
            return
        result = runner.run_all(shared, _extractor(config), n_process=n_process,
                                progress=lambda msg: err.print(f"[dim]{msg}[/dim]"))
    except ClashlogError as exc:
        raise click.ClickException(exc.message) from exc
    for name, why in result.skipped:
        err.print(f"skipped {name}: {why}")
    if fmt == "json":
        click.echo(report_mod.reports_json(result.reports, skipped=result.skipped, seconds=result.seconds))
    else:
        for r in result.reports:
            out.print(report_mod.rich_report(r, errors=n_errors))
    if write:
        from ..evaluate.muc import mapping_markdown

        text = report_mod.markdown(
            result.reports, command=command, titles=result.titles, skipped=result.skipped,
            seconds=result.seconds, revision=_revision(), n_process=n_process,
            extra_sections=[mapping_markdown()],
        )
        Path(write).parent.mkdir(parents=True, exist_ok=True)
        Path(write).write_text(text, encoding="utf-8")
        err.print(f"wrote {write}")
    if suggest:
        Path(suggest).write_text(gate_mod.suggest_floors(result.reports), encoding="utf-8")
        err.print(f"wrote suggested floors to {suggest}")
    if floors is not None:
        outcome = gate_mod.check(result.reports, floors, skipped=result.absent)
        for line in outcome.lines():
            err.print(line)
        if not outcome.ok:
            raise click.ClickException(f"quality gate failed: {len(outcome.failures)} metric(s) below their floor")
        err.print(f"quality gate passed ({outcome.checked} metrics checked)")


COMMANDS = [eval_]
