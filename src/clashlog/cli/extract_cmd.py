"""`clashlog extract`: article files in, events/places/claims out (stateless)."""

from __future__ import annotations

import configparser
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import click

from ..errors import ClashlogError
from ..export import article_bundle, iter_jsonl, to_geojson, to_json, write_csv
from ..model import ExtractResult, ReadError
from ..read import read_inputs
from ..read.timestamps import normalize_published
from ..settings import load_settings

FORMATS = ("json", "jsonl", "csv", "geojson", "table")
# width of the `table` output when stdout is not a terminal (make demo, pipes)
TABLE_WIDTH = 150


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="json",
    show_default=True,
    help="json: one object {articles, places, events, claims}; jsonl: one line per article "
    '{"article", "places", "events", "claims"}; csv: events, ACLED columns first; '
    "geojson: a FeatureCollection of events; table: a readable summary.",
)
@click.option(
    "--published", metavar="ISO", help="Publication date/time of every input (overrides datelines)."
)
@click.option("--outlet", metavar="NAME", help="Outlet of every input (overrides what the articles say).")
@click.option("--config", type=click.Path(dir_okay=False), help="Settings file overlaying the defaults.")
@click.option(
    "--processes", type=click.IntRange(min=1), help="Worker processes (default: n_process setting)."
)
@click.option("-v", "--verbose", is_flag=True, help="Log progress, and tracebacks of failures, on stderr.")
def extract(
    paths: tuple[str, ...],
    fmt: str,
    published: str | None,
    outlet: str | None,
    config: str | None,
    processes: int | None,
    verbose: bool,
) -> None:
    """Extract ACLED-coded events, places and claims from news articles.

    PATH is a .txt, .html/.htm, .json or .jsonl file, a directory of them, or
    - for stdin.  A JSON record has "text" and optionally "id", "title",
    "url", "published", "outlet", "language".

    Exit status: 0 success; 1 some inputs could not be read (each is named on
    stderr, the others are still processed and printed); 2 usage error.
    """
    setup_logging(verbose=verbose)
    if published is not None and normalize_published(published) is None:
        raise click.BadParameter(
            f"{published!r} is not a date (use ISO 8601, e.g. 2022-09-13 or 2022-09-13T10:40+04:00)",
            param_hint="--published",
        )
    if paths.count("-") > 1:
        raise click.UsageError("stdin ('-') can be given only once")
    try:
        settings = load_settings(config).with_overrides(n_process=processes)
    except (OSError, ValueError, configparser.Error) as exc:
        raise click.UsageError(f"bad --config: {exc}") from exc

    from ..pipeline import Extractor  # heavy import (spaCy) only once arguments are valid

    try:
        extractor = Extractor(settings)
    except (OSError, ImportError, ClashlogError) as exc:
        raise click.ClickException(f"cannot load the pipeline: {exc}") from exc
    items = read_inputs(paths, max_bytes=settings.max_input_bytes)
    results = extractor.extract(items, published=published, outlet=outlet, n_process=settings.n_process)
    errors: list[ReadError] = []
    try:
        _write(fmt, _reporting(results, errors))
    except BrokenPipeError:  # `clashlog extract ... | head`
        sys.stderr.close()
        raise SystemExit(1 if errors else 0) from None
    if errors:
        click.echo(f"clashlog: {len(errors)} input(s) could not be read or processed", err=True)
        click.get_current_context().exit(1)


class _NoTraceback(logging.Formatter):
    """One line per message: a failure is reported, its traceback is not (unless --verbose)."""

    def format(self, record: logging.LogRecord) -> str:
        return f"clashlog: {record.levelname.lower()}: {record.getMessage()}"


def setup_logging(*, verbose: bool) -> None:
    """Log to stderr: warnings as one line each; with ``verbose``, everything with tracebacks."""
    handler = logging.StreamHandler(sys.stderr)
    if verbose:
        handler.setFormatter(logging.Formatter("clashlog: %(levelname)s: %(name)s: %(message)s"))
    else:
        handler.setFormatter(_NoTraceback())
    root = logging.getLogger("clashlog")
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    root.propagate = False


def _reporting(results: Iterable[ExtractResult], errors: list[ReadError]) -> Iterator[ExtractResult]:
    """Pass results through, naming each unreadable input on stderr as soon as it is seen."""
    for result in results:
        for error in result.errors:
            errors.append(error)
            click.echo(f"clashlog: error: {error.source}: {error.message}", err=True)
        yield result


def _write(fmt: str, results: Iterator[ExtractResult]) -> None:
    out = sys.stdout
    if fmt == "jsonl":  # streamed: one line per article as soon as it is done
        for result in results:
            for article in result.articles:
                aid = article.article_id
                bundle = article_bundle(
                    article,
                    places=[p for p in result.places if p.article_id == aid],
                    events=[e for e in result.events if aid in e.article_ids or not e.article_ids],
                    claims=[c for c in result.claims if c.article_id == aid],
                )
                out.write(next(iter_jsonl([bundle])) + "\n")
                out.flush()
        return
    total = ExtractResult()
    for result in results:
        total.extend(result)
    if fmt == "json":
        out.write(
            to_json(articles=total.articles, places=total.places, events=total.events, claims=total.claims)
            + "\n"
        )
    elif fmt == "csv":
        write_csv(total.events, out)
    elif fmt == "geojson":
        out.write(json.dumps(to_geojson(total.events), ensure_ascii=False, indent=2) + "\n")
    else:
        render_table(total)


# ---------------------------------------------------------------- table


def _short(text: Any, limit: int) -> str:
    s = "" if text is None else " ".join(str(text).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def render_table(result: ExtractResult) -> None:
    """A readable summary: events (date, type, actors, place, fatalities, source), then claims."""
    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else TABLE_WIDTH)
    titles = {a.article_id: a.title or _short(a.text, 60) for a in result.articles}
    events = Table(
        title=f"{len(result.events)} events from {len(result.articles)} articles", show_lines=False
    )
    for name, style in (
        ("date", "cyan"),
        ("type / sub-type", "bold"),
        ("actors", ""),
        ("location", "green"),
        ("deaths", "red"),
        ("source", "dim"),
    ):
        events.add_column(name, style=style, overflow="fold")
    for e in sorted(result.events, key=lambda ev: (ev.event_date, ev.event_type, ev.location or "")):
        when = e.event_date + (f"–{e.event_date_end[5:]}" if e.event_date_end else "")
        when += f" {e.time_of_day}" if e.time_of_day else ""
        actors = e.actor1 or "?"
        if e.assoc_actor_1:
            actors += f" (+{e.assoc_actor_1})"
        if e.actor2:
            actors += f"\nvs {e.actor2}" + (f" (+{e.assoc_actor_2})" if e.assoc_actor_2 else "")
        place = ", ".join(p for p in (e.location, e.admin1, e.country) if p) or "?"
        deaths = "" if e.fatalities is None else str(e.fatalities)
        if e.fatalities_high is not None and e.fatalities_high != e.fatalities:
            deaths += f" ({e.fatalities_low}–{e.fatalities_high})"
        events.add_row(when, f"{e.event_type}\n{e.sub_event_type}", actors, place, deaths, e.source or "")
    console.print(events)
    if result.claims:
        claims = Table(title=f"{len(result.claims)} claims")
        for name in ("claimant", "stance", "type", "figure", "statement", "article"):
            claims.add_column(name, overflow="fold")
        for c in result.claims:
            figure = _figure(c.value_low, c.value_high, c.quantity_kind)
            stance = "[red]denies[/red]" if c.stance == "denies" else c.stance
            claims.add_row(
                c.claimant or "?",
                stance,
                c.claim_type,
                figure,
                _short(c.text, 90),
                _short(titles.get(c.article_id), 40),
            )
        console.print(claims)


COMMANDS = [extract]


def _figure(low: int | None, high: int | None, kind: str | None) -> str:
    """A claim's figure for the table: "5", "30–40", "1000+" (at least), "≤60" (up to), then the kind."""
    if low is None and high is None:
        number = "no figure" if kind else ""
    elif high is None:
        number = f"{low}+"
    elif low is None:
        number = f"≤{high}"
    elif low == high:
        number = str(low)
    else:
        number = f"{low}–{high}"
    return f"{number} {kind or ''}".strip()
