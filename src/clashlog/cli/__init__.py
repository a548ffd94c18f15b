"""The `clashlog` command line: thin click commands over library functions.

Each command group lives in its own module; this module only assembles them.
The library never prints or exits: commands map errors to exit codes
(0 success, 1 some inputs failed, 2 usage error).
"""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="clashlog")
def cli() -> None:
    """Turn news reports about armed conflict into a geocoded, source-attributed event dataset."""


def _register() -> None:
    from . import eval_cmd, extract_cmd, gazetteer_cmd, store_cmd

    for module in (extract_cmd, store_cmd, eval_cmd, gazetteer_cmd):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    cli(prog_name="clashlog")
