"""`clashlog ingest | events | claims | articles | stats`: thin commands over `clashlog.store`."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from typing import IO, Any, TypeVar

import click

from ..errors import ClashlogError
from ..settings import Settings, load_settings

F = TypeVar("F", bound=Callable[..., Any])


def _settings(config: str | None) -> Settings:
    try:
        return load_settings(config)
    except (OSError, ValueError) as exc:
        raise click.UsageError(str(exc)) from exc


def db_options(func: F) -> F:
    func = click.option("--config", "config", type=click.Path(dir_okay=False), help="Settings overlay file.")(
        func
    )
    func = click.option(
        "--db",
        "db",
        metavar="URL",
        help="Database: a SQLite path or URL (default sqlite:///clashlog.db, from settings) or postgresql://...",
    )(func)
    return func


def _open_engine(db: str | None, config: str | None):  # type: ignore[no-untyped-def]
    from ..store.db import open_engine

    url = db or _settings(config).database
    try:
        return open_engine(url)
    except ClashlogError as exc:
        raise click.ClickException(exc.message) from exc


@contextmanager
def _engine(db: str | None, config: str | None):  # type: ignore[no-untyped-def]
    """The store's engine for one command, disposed when the command is done with it."""
    engine = _open_engine(db, config)
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def _output(path: str | None, *, binary: bool = False):  # type: ignore[no-untyped-def]
    if path is None or path == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    with open(
        path, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else ""
    ) as fh:
        yield fh


def _write_jsonl(records: Iterable[Any], out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def _table(title: str, columns: list[str], rows: Iterable[list[Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    n = 0
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
        n += 1
    console = Console()
    if not console.is_terminal:  # a pipe or file: do not squeeze the table into 80 columns
        console = Console(width=200)
    console.print(table)
    click.echo(f"{n} row(s)", err=True)


# ---------------------------------------------------------------------- ingest


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_options
@click.option("--published", metavar="ISO", help="Publication date for inputs that do not state one.")
@click.option("--outlet", metavar="NAME", help="Outlet for inputs that do not name one.")
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal)."
)
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    help="Extraction worker processes (default: n_process setting).",
)
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    db: str | None,
    config: str | None,
    published: str | None,
    outlet: str | None,
    progress: bool | None,
    processes: int | None,
) -> None:
    """Read articles (files, directories, - for stdin), extract events and claims, and store them.

    Re-ingesting adds nothing; near-duplicate articles are linked; reports of
    the same event from several articles are merged into one event.
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    from ..pipeline import Extractor
    from ..read import read_inputs
    from ..store.ingest import EventStore
    from ..store.ingest import ingest as run_ingest

    settings = _settings(config).with_overrides(database=db, n_process=processes)
    engine = _open_engine(settings.database, config)
    store = EventStore(engine)
    console = Console(stderr=True)
    show = console.is_terminal if progress is None else progress
    # a caller (a test, an embedding application) may pass a ready Extractor in ctx.obj
    given = ctx.obj.get("extractor") if isinstance(ctx.obj, dict) else None
    extractor = given or Extractor(settings)
    items = read_inputs(list(paths), max_bytes=settings.max_input_bytes)
    bar = Progress(
        SpinnerColumn(),
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not show,
    )
    with bar:
        task = bar.add_task("ingest", total=None, status="")

        def on_item(item: object, outcome: object) -> None:
            status = getattr(outcome, "status", "unreadable")
            bar.update(task, advance=1, status=f"{status}: {getattr(item, 'source', '')}"[-60:])

        try:
            summary = run_ingest(
                items,
                store,
                extractor,
                published=published,
                outlet=outlet,
                n_process=settings.n_process,
                on_item=on_item,
            )
        finally:
            store.close()
    for failure in summary.failed:
        click.echo(f"clashlog: {failure.source}: {failure.message}", err=True)
    click.echo(
        f"articles read: {summary.read}; added: {summary.added}; "
        f"skipped as duplicates: {summary.skipped_duplicates}; near-duplicates linked: {summary.near_duplicates}; "
        f"failed: {len(summary.failed)}; events new: {summary.events_new}; "
        f"reports merged into existing events: {summary.events_merged}; claims: {summary.claims}",
        err=True,
    )
    if summary.failed:
        sys.exit(1)


# ---------------------------------------------------------------------- events

EVENT_TABLE_COLUMNS = [
    "event_id",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "fatalities",
    "contested",
    "source",
]


@click.command("events")
@db_options
@click.option("--country", help="Country name or ISO3 code.")
@click.option("--admin1", help="First-level region, as stored.")
@click.option("--since", metavar="YYYY-MM-DD", help="Events on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Events on or before this day.")
@click.option("--type", "event_type", help="ACLED event_type or sub_event_type.")
@click.option("--actor", help="Part of an actor name (any actor field).")
@click.option(
    "--contested/--uncontested", default=None, help="Only events whose figures are (or are not) disputed."
)
@click.option("--limit", type=click.IntRange(min=0), help="At most this many events.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "jsonl", "geojson", "parquet"]),
    default="table",
    show_default=True,
)
@click.option(
    "--output", "-o", metavar="FILE", help="Write to FILE instead of stdout (required for parquet)."
)
def events(
    db: str | None,
    config: str | None,
    country: str | None,
    admin1: str | None,
    since: str | None,
    until: str | None,
    event_type: str | None,
    actor: str | None,
    contested: bool | None,
    limit: int | None,
    fmt: str,
    output: str | None,
) -> None:
    """Query merged events; CSV uses the ACLED column names."""
    from ..store.query import EventFilter, query_events

    for label, value in (("--since", since), ("--until", until)):
        _check_day(label, value)
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs --output FILE")
    flt = EventFilter(
        country=country,
        admin1=admin1,
        since=since,
        until=until,
        event_type=event_type,
        actor=actor,
        contested=contested,
        limit=limit,
    )
    with _engine(db, config) as engine:
        rows = list(query_events(engine, flt))
    _write_events(rows, fmt, output)


def _check_day(label: str, value: str | None) -> None:
    from datetime import date

    if value is None:
        return
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a YYYY-MM-DD date", param_hint=label) from exc


def _write_events(rows: list[Any], fmt: str, output: str | None) -> None:
    if fmt == "table" and not output:
        _table("events", EVENT_TABLE_COLUMNS, ([getattr(e, c) for c in EVENT_TABLE_COLUMNS] for e in rows))
        return
    if fmt in ("table", "jsonl"):
        with _output(output) as out:
            _write_jsonl(rows, out)
        return
    try:
        from .. import export
    except ImportError as exc:  # pragma: no cover - export.py is written by the reader engineer
        raise click.ClickException(f"--format {fmt} is not available: {exc}") from exc
    try:
        if fmt == "csv":
            with _output(output) as out:
                export.write_csv(rows, out)
        elif fmt == "geojson":
            with _output(output) as out:
                json.dump(export.to_geojson(rows), out, ensure_ascii=False)
                out.write("\n")
        elif fmt == "parquet":
            export.write_parquet(rows, output)  # type: ignore[arg-type]
    except ClashlogError as exc:
        raise click.ClickException(exc.message) from exc


# ---------------------------------------------------------------------- claims

CLAIM_TABLE_COLUMNS = [
    "claim_id",
    "claimant",
    "stance",
    "claim_type",
    "quantity_kind",
    "value_low",
    "value_high",
    "side",
    "event_id",
    "text",
]


@click.command("claims")
@db_options
@click.option(
    "--contested/--uncontested", default=None, help="Only claims on contested (or uncontested) events."
)
@click.option("--claimant", help="Part of the claimant's (or relaying outlet's) name.")
@click.option("--kind", help="claim_type (casualties, weapons, ...) or quantity_kind (killed, injured, ...).")
@click.option("--stance", type=click.Choice(["asserts", "denies"]))
@click.option("--event", "event_id", metavar="EVENT_ID", help="Claims on this event.")
@click.option("--article", "article_id", metavar="ARTICLE_ID", help="Claims made in this article.")
@click.option("--limit", type=click.IntRange(min=0))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--output", "-o", metavar="FILE")
def claims(
    db: str | None,
    config: str | None,
    contested: bool | None,
    claimant: str | None,
    kind: str | None,
    stance: str | None,
    event_id: str | None,
    article_id: str | None,
    limit: int | None,
    fmt: str,
    output: str | None,
) -> None:
    """Query the claims ledger: who said what, asserted or denied."""
    from ..store.query import ClaimFilter, query_claims

    flt = ClaimFilter(
        contested=contested,
        claimant=claimant,
        kind=kind,
        stance=stance,
        event_id=event_id,
        article_id=article_id,
        limit=limit,
    )
    with _engine(db, config) as engine:
        rows = list(query_claims(engine, flt))
    if fmt == "table" and not output:
        _table("claims", CLAIM_TABLE_COLUMNS, ([getattr(c, k) for k in CLAIM_TABLE_COLUMNS] for c in rows))
        return
    with _output(output) as out:
        _write_jsonl(rows, out)


# -------------------------------------------------------------------- articles

ARTICLE_TABLE_COLUMNS = ["article_id", "published", "outlet", "title", "duplicate_of", "n_events", "n_claims"]


@click.command("articles")
@db_options
@click.option("--outlet", help="Part of the outlet name.")
@click.option("--since", metavar="YYYY-MM-DD", help="Published on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Published on or before this day.")
@click.option("--duplicates/--originals", default=None, help="Only near-duplicates (or only originals).")
@click.option("--search", help="Text that the title or body contains.")
@click.option("--limit", type=click.IntRange(min=0))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--output", "-o", metavar="FILE")
def articles(
    db: str | None,
    config: str | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    duplicates: bool | None,
    search: str | None,
    limit: int | None,
    fmt: str,
    output: str | None,
) -> None:
    """List stored articles (jsonl includes the cleaned text)."""
    from ..store.query import ArticleFilter, query_articles

    for label, value in (("--since", since), ("--until", until)):
        _check_day(label, value)
    flt = ArticleFilter(
        outlet=outlet, since=since, until=until, duplicates=duplicates, search=search, limit=limit
    )
    with _engine(db, config) as engine:
        rows = list(query_articles(engine, flt))
    if fmt == "table" and not output:
        _table(
            "articles",
            ARTICLE_TABLE_COLUMNS,
            ([r.to_dict(with_text=False).get(k) for k in ARTICLE_TABLE_COLUMNS] for r in rows),
        )
        return
    with _output(output) as out:
        _write_jsonl(rows, out)


# ----------------------------------------------------------------------- stats


@click.command("stats")
@db_options
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
@click.option("--check", is_flag=True, help="Also check the store's consistency (exit 1 on problems).")
def stats(db: str | None, config: str | None, as_json: bool, check: bool) -> None:
    """Counts of articles, events, claims; optionally a consistency check."""
    from ..store.query import check_consistency
    from ..store.query import stats as store_stats

    with _engine(db, config) as engine:
        counts = store_stats(engine)
        problems = check_consistency(engine) if check else []
    if check:
        counts["problems"] = problems
    if as_json:
        click.echo(json.dumps(counts, ensure_ascii=False, sort_keys=False))
    else:
        for key, value in counts.items():
            if isinstance(value, dict):
                click.echo(f"{key}:")
                for k, v in value.items():
                    click.echo(f"  {k or '(unknown)'}: {v}")
            elif isinstance(value, list):
                click.echo(f"{key}: {len(value)}")
                for item in value:
                    click.echo(f"  {item}")
            else:
                click.echo(f"{key}: {value}")
    if problems:
        sys.exit(1)


COMMANDS = [ingest, events, claims, articles, stats]
