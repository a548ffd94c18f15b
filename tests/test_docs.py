"""Docs are checked by tests: the CLI reference and the settings are documented."""

import importlib.util
from dataclasses import fields
from pathlib import Path

from clashlog.settings import DEFAULT_CONFIG, Settings

ROOT = Path(__file__).resolve().parents[1]


def _generator():
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_regenerated_from_the_commands(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    gen = _generator()
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == gen.render(), (
        "docs/cli.md is stale: run `COLUMNS=100 python scripts/gen_cli_docs.py`"
    )


def test_every_command_is_in_the_reference():
    gen = _generator()
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for path, _command in gen.walk(gen.cli, ["clashlog"]):
        assert f"## `{' '.join(path)}`" in text


def test_every_setting_is_documented_in_the_default_config():
    cfg = DEFAULT_CONFIG.read_text(encoding="utf-8")
    for f in fields(Settings):
        assert f"\n{f.name} =" in cfg, f"setting {f.name} missing from default.cfg"
