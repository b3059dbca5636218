import importlib.util
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_settings_doc_is_current():
    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "gen_settings_doc.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert (ROOT / "docs" / "settings.md").read_text(encoding="utf-8") == gen.render(), \
        "docs/settings.md is stale: run scripts/gen_settings_doc.py"


def test_every_setting_has_help():
    from sitrep.settings import Settings
    assert all(help_ for _, _, help_ in Settings.describe())
