"""`clashlog gazetteer`: build, inspect and query the offline gazetteer."""

from __future__ import annotations

import configparser
import json
from pathlib import Path

import click

from ..errors import ClashlogError


def _directory(config: str | None, directory: str | None) -> Path:
    from ..gazetteer.store import default_gazetteer_dir
    from ..settings import load_settings

    if directory:
        return Path(directory)
    try:
        settings = load_settings(config)
    except (OSError, ValueError, configparser.Error) as exc:
        raise click.UsageError(f"bad --config: {exc}") from exc
    return default_gazetteer_dir(settings.gazetteer_dir or None)


_config = click.option("--config", type=click.Path(dir_okay=False), help="Settings file overlaying the defaults.")
_dir = click.option("--dir", "directory", type=click.Path(file_okay=False),
                    help="Gazetteer directory (default: settings gazetteer_dir, else the user data dir).")


@click.group("gazetteer")
def gazetteer() -> None:
    """Build, inspect and query the offline gazetteer."""


@gazetteer.command("build")
@click.option("--add", "add", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A GeoNames country dump (XX.txt, 19 columns) or a Who's On First TSV/GeoJSON export "
                   "to add; kept for later rebuilds. Repeatable.")
@click.option("--no-world-cities", "no_world", is_flag=True,
              help="Leave out the 235k worldwide GeoNames cities: a small regional gazetteer built in seconds.")
@_config
@_dir
def build(add: tuple[str, ...], no_world: bool, config: str | None, directory: str | None) -> None:
    """Build (or rebuild) the gazetteer from packaged data plus added files."""
    from ..gazetteer.build import build_gazetteer

    target = _directory(config, directory)
    try:
        manifest = build_gazetteer(target, add=[Path(a) for a in add], world_cities=not no_world)
    except ClashlogError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"built {manifest['places']:,} places, {manifest['keys']:,} names, "
               f"{manifest['bytes'] / 1e6:.1f} MB in {manifest['build_seconds']} s -> {target}")
    if manifest.get("added_files"):
        click.echo("added: " + ", ".join(manifest["added_files"]))


@gazetteer.command("info")
@_config
@_dir
def info(config: str | None, directory: str | None) -> None:
    """Where the gazetteer is and what it holds."""
    from ..gazetteer.store import is_built

    target = _directory(config, directory)
    if not is_built(target, check_sources=False):
        raise click.ClickException(f"no gazetteer built in {target}; run `clashlog gazetteer build`")
    if not is_built(target):
        click.echo("note: built from older clashlog data; it is rebuilt on next use", err=True)
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    click.echo(f"directory: {target}")
    for key in ("places", "keys", "bytes", "build_seconds", "format", "added_files"):
        click.echo(f"{key}: {manifest.get(key)}")


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@_config
@_dir
def lookup(name: str, limit: int, as_json: bool, config: str | None, directory: str | None) -> None:
    """Every place the gazetteer knows under NAME (any spelling), most important first."""
    from ..gazetteer.store import Gazetteer, is_built

    target = _directory(config, directory)
    if not is_built(target, check_sources=False):
        raise click.ClickException(f"no gazetteer built in {target}; run `clashlog gazetteer build`")
    try:
        gaz = Gazetteer.load(target)
    except ClashlogError as exc:
        raise click.ClickException(str(exc)) from exc
    entries = gaz.lookup(name)
    if not entries:
        click.echo(f"no place named {name!r}", err=True)
        raise SystemExit(1)
    for e in entries[:limit]:
        country, iso3 = gaz.country(e.cc)
        row = {"gazetteer_id": e.gid, "name": e.name, "feature": e.feature, "country": country, "iso3": iso3,
               "admin1": e.admin1, "admin2": e.admin2, "latitude": e.lat, "longitude": e.lon,
               "population": e.population}
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(f"{e.gid:<16} {e.name:<28} {e.feature:<16} {country or '-':<22} "
                       f"{e.admin1 or '-':<22} {e.lat:9.4f} {e.lon:9.4f}  pop {e.population:,}")


COMMANDS = [gazetteer]
