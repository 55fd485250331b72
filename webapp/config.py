"""Configuration: every setting, its type and default, read from instance/config.py and the environment.

Order (later wins): the defaults below, ``instance/config.py``, the environment, a test's overrides.
Every setting README documents is a :class:`Setting` here, so an installer can set any of them
either way; ``tests/test_config.py`` sets each one through the environment.
"""
from __future__ import annotations

import os
import secrets

import click
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

_TRUE = {"1", "true", "yes", "on", "да"}
_FALSE = {"0", "false", "no", "off", "нет", ""}


def parse_bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"expected on/off, got {raw!r}")


def parse_int(raw: str) -> int:
    return int(raw.strip().replace("_", ""))


@dataclass(frozen=True)
class Setting:
    name: str
    parse: Callable[[str], Any]
    default: Callable[[str], Any]  # instance_path -> default value


def _const(value):
    return lambda instance_path: value


SETTINGS: tuple[Setting, ...] = (
    Setting("DATABASE_URL", str,
            lambda inst: f"sqlite:///{Path(inst) / 'nastavnik.sqlite3'}"),
    Setting("SECRET_KEY", str, _const(None)),  # None: generated into instance/secret_key
    Setting("UPLOAD_FOLDER", str, lambda inst: str(Path(inst) / "uploads")),
    Setting("MAX_CONTENT_LENGTH", parse_int, _const(5 * 1024 * 1024)),
    Setting("PRACTICE_MAX_FILE_SIZE", parse_int, _const(10 * 1024 * 1024)),
    Setting("PAGE_SIZE", parse_int, _const(20)),
    Setting("INVITATION_MAX_AGE", parse_int, _const(7 * 24 * 3600)),
    Setting("LOGIN_MAX_FAILURES_PER_ACCOUNT", parse_int, _const(5)),
    Setting("LOGIN_MAX_FAILURES_PER_ADDRESS", parse_int, _const(20)),
    Setting("LOGIN_FAILURE_WINDOW", parse_int, _const(15 * 60)),
    Setting("MAIL_SERVER", str, _const("")),
    Setting("MAIL_PORT", parse_int, _const(25)),
    Setting("MAIL_USE_TLS", parse_bool, _const(False)),
    Setting("MAIL_USERNAME", str, _const("")),
    Setting("MAIL_PASSWORD", str, _const("")),
    Setting("MAIL_DEFAULT_SENDER", str, _const("")),
    Setting("MATCHING_SYNC", parse_bool, _const(False)),
    Setting("MATCHING_INLINE_LIMIT", parse_int, _const(0)),
    # the text component's sentence vectors, kept between runs ("" keeps them in memory only)
    Setting("SENTENCE_VECTOR_STORE", str, lambda inst: str(Path(inst) / "sentence-vectors.sqlite3")),
    Setting("WORKERS", parse_int, _const(2)),
    Setting("PAGE_CACHE_SIZE", parse_int, _const(1000)),  # rendered list pages kept per process; 0: off
    # background tasks on the queue (issue 11)
    Setting("EMBEDDED_WORKER", parse_bool, _const(True)),   # `serve` starts a worker beside the server
    Setting("WORKER_THREADS", parse_int, _const(1)),        # tasks one worker process runs at once
    Setting("TASK_HEARTBEAT_SECONDS", parse_int, _const(10)),
    Setting("TASK_STALE_SECONDS", parse_int, _const(45)),   # no heartbeat this long: the task is failed
    Setting("TASK_POLL_SECONDS", parse_int, _const(2)),     # longest wait of an idle worker between looks
    # several app servers (issue 11)
    Setting("SERVERS", parse_int, _const(1)),
    # self-hosting: backups, HTTPS behind a proxy, the health page
    Setting("BACKUP_FOLDER", str, lambda inst: str(Path(inst) / "backups")),
    Setting("BACKUP_KEEP_DAILY", parse_int, _const(7)),
    Setting("BACKUP_KEEP_WEEKLY", parse_int, _const(4)),
    Setting("BACKUP_INTERVAL_HOURS", parse_int, _const(24)),
    Setting("BEHIND_HTTPS_PROXY", parse_bool, _const(False)),
    Setting("TRUSTED_PROXIES", parse_int, _const(0)),  # 0: none (1 when BEHIND_HTTPS_PROXY is on)
    Setting("UPLOAD_QUOTA", parse_int, _const(2 * 1024 * 1024 * 1024)),
    # hardening (issue 12)
    Setting("UPLOAD_FILES_PER_DAY", parse_int, _const(20)),
    Setting("UPLOAD_BYTES_PER_DAY", parse_int, _const(50 * 1024 * 1024)),
    Setting("UPLOAD_SCHOOL_TOTAL_BYTES", parse_int, _const(2 * 1024 ** 3)),
    Setting("BASE_URL", str, _const("")),            # https://nastavnik.school.ru: absolute links (feed)
    Setting("SESSION_COOKIE_SECURE", parse_bool, _const(None)),  # None: on behind HTTPS (BEHIND_HTTPS_PROXY or an https BASE_URL)
)

FIXED = {
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "BABEL_DEFAULT_LOCALE": "ru",
    "LANGUAGES": ["ru", "en"],
}


class SettingError(click.ClickException, ValueError):
    """A setting that cannot be used (not of its type, or missing where required): a command line
    prints it as one clear line and exits 1 instead of a traceback."""


def default_config(instance_path: str) -> dict:
    config = dict(FIXED)
    for setting in SETTINGS:
        config[setting.name] = setting.default(instance_path)
    return config


def from_environment(environ=os.environ) -> dict:
    """The settings present in the environment, parsed to their types."""
    found = {}
    for setting in SETTINGS:
        raw = environ.get(setting.name)
        if raw is None:
            continue
        try:
            found[setting.name] = setting.parse(raw)
        except ValueError as exc:
            raise SettingError(f"{setting.name}: {exc}") from None
    return found


MIN_SHARED_KEY = 32


def check_servers(config: dict) -> None:
    """Several app servers must sign sessions with one key given to all of them: a key generated
    into each server's instance folder would log people out whenever the balancer switched server."""
    servers = config.get("SERVERS") or 1
    if servers < 1:
        raise SettingError(f"SERVERS: должно быть 1 или больше, указано {servers}")
    key = config.get("SECRET_KEY")
    if servers > 1 and (not key or len(str(key)) < MIN_SHARED_KEY):
        raise SettingError(
            f"SERVERS={servers}: задайте SECRET_KEY в окружении (или в instance/config.py) одинаковым на всех "
            f"серверах, не короче {MIN_SHARED_KEY} символов, например вывод команды "
            "python3 -c 'import secrets; print(secrets.token_hex(32))'. Без него серверы не запускаются.")


def load_secret_key(instance_path: str) -> str:
    """The key kept in instance/secret_key, made on first run."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()
