"""README documents every self-hosting command, setting and file."""
from __future__ import annotations

import re

from webapp import ROOT

README = (ROOT / "README.md").read_text()
SECTION = README[README.index("## Running it for a real school"):README.index("## Configuration")]
CONFIG_TABLE = README[README.index("## Configuration"):README.index("## Commands")]


def test_instance_path_is_in_the_configuration_table():
    """The other settings are checked against webapp.config.SETTINGS by tests/test_config.py."""
    assert re.search(r"\| `INSTANCE_PATH`", CONFIG_TABLE)


def test_running_it_for_a_school_names_each_command_and_file():
    for text in ("flask --app webapp backup", "backup --if-due", "flask --app webapp restore ARCHIVE", "--force",
                 "flask --app webapp upgrade", "make db", "deploy/install-service", "--render-only",
                 "nastavnik.service", "nastavnik-backup.timer", "journalctl -u nastavnik", "0700",
                 "deploy/Caddyfile", "deploy/nginx.conf", "tls internal", "nginx -t", "caddy validate",
                 "BEHIND_HTTPS_PROXY=1", "TRUSTED_PROXIES", "/admin/health", "/healthz", "UPLOAD_QUOTA",
                 "docker compose up -d --build", "docker compose exec app flask --app webapp create-admin",
                 "--profile postgres", "Dockerfile"):
        assert text in SECTION, text


def test_commands_table_lists_the_new_commands():
    commands = README[README.index("## Commands"):README.index("## Tests")]
    for row in ("`backup [--if-due]`", "`restore ARCHIVE [--force]`", "`upgrade`"):
        assert row in commands, row


def test_the_files_readme_names_exist():
    for path in ("deploy/install-service", "deploy/Caddyfile", "deploy/nginx.conf", "Dockerfile", "compose.yaml",
                 "deploy/systemd/nastavnik.service", "deploy/systemd/nastavnik-backup.service",
                 "deploy/systemd/nastavnik-backup.timer"):
        assert (ROOT / path).is_file(), path
