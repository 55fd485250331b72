"""Every documented setting is read from the environment and from instance/config.py."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from webapp import create_app
from webapp.config import SETTINGS, SettingError, from_environment

README = Path(__file__).resolve().parents[1] / "README.md"
SAMPLE = {str: "x-value", "parse_int": "4242", "parse_bool": "on"}
EXPECTED = {str: "x-value", "parse_int": 4242, "parse_bool": True}
# TEST_DATABASE_URL is read by the test suite; INSTANCE_PATH chooses where instance/config.py is,
# so create_app reads it from the environment before the settings (tests/ops covers it).
NOT_SETTINGS = {"TEST_DATABASE_URL", "INSTANCE_PATH"}


def documented_settings() -> set[str]:
    section = README.read_text().split("## Configuration", 1)[1].split("\n## ", 1)[0]
    names = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            names.update(re.findall(r"`([A-Z][A-Z0-9_]+)`", line.split("|")[1]))
    return names - NOT_SETTINGS


def _kind(setting):
    return str if setting.parse is str else setting.parse.__name__


def test_every_documented_setting_is_known():
    assert documented_settings() == {s.name for s in SETTINGS}


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_each_setting_comes_from_the_environment(setting, tmp_path, monkeypatch):
    value = SAMPLE[_kind(setting)]
    if setting.name == "DATABASE_URL":
        value = f"sqlite:///{tmp_path / 'env.sqlite3'}"
    monkeypatch.setenv(setting.name, value)
    if setting.name == "SERVERS":  # several servers start only with a shared key (tests/tasks/test_servers.py)
        monkeypatch.setenv("SECRET_KEY", "k" * 64)
    app = create_app({"TESTING": True}) if setting.name == "DATABASE_URL" else \
        create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"})
    expected = value if setting.name == "DATABASE_URL" else EXPECTED[_kind(setting)]
    assert app.config[setting.name] == expected


def test_instance_config_file_is_read_and_the_environment_wins(tmp_path, monkeypatch):
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.py").write_text('PAGE_SIZE = 7\nMAIL_SERVER = "smtp.school.local"\n')
    monkeypatch.setenv("MAIL_SERVER", "smtp.env.local")
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"},
                     instance_path=str(instance))
    assert app.config["PAGE_SIZE"] == 7
    assert app.config["MAIL_SERVER"] == "smtp.env.local"


def test_a_malformed_setting_names_itself():
    with pytest.raises(SettingError, match="PAGE_SIZE"):
        from_environment({"PAGE_SIZE": "twenty"})
    with pytest.raises(SettingError, match="MAIL_USE_TLS"):
        from_environment({"MAIL_USE_TLS": "perhaps"})
