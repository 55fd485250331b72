"""Configuration: defaults, the instance folder, and the generated secret key."""
from __future__ import annotations

import os
import secrets
from pathlib import Path


def load_secret_key(instance_path: str) -> str:
    """SECRET_KEY from the environment, else from instance/secret_key (made on first run)."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def default_config(instance_path: str) -> dict:
    db_file = Path(instance_path) / "nastavnik.sqlite3"
    return {
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{db_file}"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "MAX_CONTENT_LENGTH": 5 * 1024 * 1024,
        "BABEL_DEFAULT_LOCALE": "ru",
        "LANGUAGES": ["ru", "en"],
        "INVITATION_MAX_AGE": 7 * 24 * 3600,
        "LOGIN_MAX_FAILURES_PER_ACCOUNT": 5,
        "LOGIN_MAX_FAILURES_PER_ADDRESS": 20,
        "LOGIN_FAILURE_WINDOW": 15 * 60,
        "PAGE_SIZE": 20,
        "UPLOAD_FOLDER": str(Path(instance_path) / "uploads"),
        "PRACTICE_MAX_FILE_SIZE": 10 * 1024 * 1024,  # one file of the methodical collection
        # upload quotas (webapp/practices/quota.py)
        "UPLOAD_FILES_PER_DAY": int(os.environ.get("UPLOAD_FILES_PER_DAY", 20)),
        "UPLOAD_BYTES_PER_DAY": int(os.environ.get("UPLOAD_BYTES_PER_DAY", 50 * 1024 * 1024)),
        "UPLOAD_SCHOOL_TOTAL_BYTES": int(os.environ.get("UPLOAD_SCHOOL_TOTAL_BYTES", 2 * 1024 ** 3)),
    }
