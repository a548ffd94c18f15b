"""The pipeline's shape: stages in data order, declared attributes, no placeholders left."""

from pathlib import Path

import clashlog
from clashlog.pipeline import STAGES
from clashlog.settings import Settings, load_settings

PACKAGE = Path(clashlog.__file__).parent


def test_stages_follow_the_data_path():
    names = [name for name, _ in STAGES]
    assert names.index("clashlog_segment") < names.index("clashlog_dates")
    assert names.index("clashlog_toponyms") < names.index("clashlog_syntax") < names.index("clashlog_places")
    assert names.index("clashlog_events") < names.index("clashlog_claims")


def test_no_stage_module_is_a_placeholder():
    offenders = [
        str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if "PLACEHOLDER" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_default_config_file_matches_the_settings_defaults():
    assert load_settings() == Settings()


def test_user_config_overlays_the_defaults(tmp_path):
    cfg = tmp_path / "my.cfg"
    cfg.write_text("[clashlog]\nn_process = 2\nparse_all_sentences = yes\n", encoding="utf-8")
    s = load_settings(cfg)
    assert s.n_process == 2 and s.parse_all_sentences is True
    assert s.model == Settings().model
