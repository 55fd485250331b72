"""What the administrator's health page shows: codes and figures, no personal data."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from webapp import migrations
from webapp.ops import engines, error_clock, status
from webapp.ops.archive import list_archives
from webapp.ops.backup import app_version
from webapp.tasks.status import QueueState, queue_state

STALE_AFTER = dt.timedelta(days=1)


@dataclass
class Backup:
    at: dt.datetime | None = None
    size: int = 0
    verified: bool = False
    stale: bool = True
    failed_at: dt.datetime | None = None
    failure: str = ""
    count: int = 0


@dataclass
class Health:
    version: str
    schema_version: int
    latest_schema: int
    engine: str
    db_size: int
    integrity: str
    uploads_size: int
    upload_quota: int
    backup: Backup
    mail_configured: bool
    last_error_at: dt.datetime | None
    queue: "QueueState | None" = None
    tasks_cut_off: int = 0
    instance_private: bool = True

    @property
    def pending_migrations(self) -> int:
        return max(0, self.latest_schema - self.schema_version)

    @property
    def uploads_share(self) -> int:
        return round(100 * self.uploads_size / self.upload_quota) if self.upload_quota else 0

    @property
    def warnings(self) -> list[str]:
        """Codes of what needs the administrator's attention."""
        codes = []
        if self.pending_migrations:
            codes.append("pending_migrations")
        if self.integrity != "ok":
            codes.append("integrity")
        if self.uploads_share >= 90:
            codes.append("uploads_quota")
        if self.backup.failed_at:
            codes.append("backup_failed")
        if self.backup.stale:
            codes.append("backup_stale")
        if self.tasks_cut_off:
            codes.append("tasks_cut_off")
        if self.queue is not None and self.queue.no_worker:
            codes.append("no_worker")
        if not self.instance_private:
            codes.append("instance_open")
        return codes


def runs_cut_off(now: dt.datetime) -> int:
    """Matching runs left queued or running with no background task behind them (run inside a
    request that a restart cut off, or by a version before the queue), all schools together."""
    from webapp.models import BackgroundTask, MatchingRun
    from webapp.models.pairing import QUEUED, RUNNING
    from webapp.pairing import runs
    with_task = BackgroundTask.select(BackgroundTask.target_id).where(BackgroundTask.kind == "matching_run")
    return MatchingRun.select().where(MatchingRun.status.in_([QUEUED, RUNNING]),
                                      MatchingRun.created_at < now - runs.STALE_AFTER,
                                      MatchingRun.id.not_in(with_task)).count()


def backup_state(folder: Path, now: dt.datetime) -> Backup:
    data = status.read(folder)
    archives = list_archives(folder)
    state = Backup(count=len(archives))
    success = data.get("last_success") or {}
    if success and (folder / success.get("file", "")).is_file():
        state.at = status.parse_time(success.get("at"))
        state.size, state.verified = int(success.get("size", 0)), bool(success.get("verified"))
    elif archives:  # made by an older version or the status file was lost: the newest archive
        state.at = dt.datetime.fromtimestamp(archives[0].stat().st_mtime)
        state.size = archives[0].stat().st_size
    failure = data.get("last_failure") or {}
    failed_at = status.parse_time(failure.get("at"))
    if failed_at and (state.at is None or failed_at >= state.at):
        state.failed_at, state.failure = failed_at, failure.get("reason", "")
    state.stale = state.at is None or now - state.at > STALE_AFTER
    return state


def collect(app, db: pw.Database, now: dt.datetime | None = None) -> Health:
    now = now or dt.datetime.now()
    config = app.config
    try:
        integrity = engines.integrity(db)
    except pw.DatabaseError as error:
        integrity = str(error)
    return Health(
        version=app_version(),
        schema_version=migrations.current_version(db),
        latest_schema=migrations.latest_version(),
        engine=engines.engine_name(db),
        db_size=engines.size_bytes(db),
        integrity=integrity,
        uploads_size=engines.folder_size(Path(config["UPLOAD_FOLDER"])),
        upload_quota=int(config.get("UPLOAD_QUOTA") or 0),
        backup=backup_state(Path(config["BACKUP_FOLDER"]), now),
        mail_configured=bool(config.get("MAIL_SERVER")),
        last_error_at=error_clock.last_error_at(app),
        queue=queue_state(config, now),
        tasks_cut_off=runs_cut_off(now),
        instance_private=_private(Path(app.instance_path)),
    )


def _private(folder: Path) -> bool:
    """Nobody but the application's user may read the instance folder (database, key, uploads)."""
    try:
        return folder.stat().st_mode & 0o077 == 0
    except OSError:
        return False


def is_alive(db: pw.Database) -> bool:
    try:
        db.execute_sql("SELECT 1").fetchone()
        return True
    except pw.DatabaseError:
        return False


WARNING_MESSAGES = {
    "pending_migrations": "Схема базы данных старее программы: выполните flask --app webapp upgrade.",
    "integrity": "Проверка целостности базы данных нашла ошибки: восстановите её из резервной копии.",
    "uploads_quota": "Загруженные файлы занимают 90 процентов квоты или больше.",
    "backup_failed": "Последняя попытка резервного копирования не удалась.",
    "backup_stale": "Резервной копии моложе суток нет.",
    "instance_open": "Папку instance с базой данных и ключом могут читать другие пользователи: chmod 700 на неё.",
    "tasks_cut_off": "Есть подборы пар, прерванные перезапуском сервера: их нужно запустить снова.",
    "no_worker": "Фоновые задачи ждут в очереди, но ни один обработчик (flask worker) не работает.",
}
