"""Commands: backup, restore, upgrade (flask --app webapp <command>)."""
from __future__ import annotations

from pathlib import Path

import click
from flask import current_app

from webapp import migrations
from webapp.db import database
from webapp.ops.archive import ArchiveError
from webapp.ops.backup import BackupError, Places, create_backup, is_due
from webapp.ops.restore import RestoreRefused, restore_archive
from webapp.ops.upgrade import UpgradeError, upgrade
from webapp.russian.numbers import count


def _keep():
    config = current_app.config
    return int(config["BACKUP_KEEP_DAILY"]), int(config["BACKUP_KEEP_WEEKLY"])


def _size(n: int) -> str:
    text = f"{n / 1024 / 1024:.1f} МБ" if n >= 1024 * 1024 else f"{n / 1024:.1f} КБ"
    return text.replace(".", ",")


def _contents(manifest: dict) -> str:
    """«32 таблицы, 2140 строк»: what an archive holds, numbers agreeing with their nouns."""
    rows = sum(manifest["tables"].values())
    return (f"{count(len(manifest['tables']), 'таблица', 'таблицы', 'таблиц')}, "
            f"{count(rows, 'строка', 'строки', 'строк')}")


@click.command("backup")
@click.option("--if-due", is_flag=True,
              help="Только если последней копии больше BACKUP_INTERVAL_HOURS часов (для таймера systemd)")
def backup_command(if_due):
    """Back up the database, uploads and secret key into one verified archive in BACKUP_FOLDER."""
    places = Places.of(current_app)
    if if_due and not is_due(places.backup_folder, int(current_app.config["BACKUP_INTERVAL_HOURS"])):
        click.echo("Резервная копия ещё свежая: новая не нужна.")
        return
    try:
        result = create_backup(database.obj, places, *_keep())
    except BackupError as error:
        current_app.logger.error("Backup failed")
        raise click.ClickException(f"Резервная копия не сделана: {error}. Прежние копии не тронуты.") from error
    files = count(len(result.manifest["files"]), "файл", "файла", "файлов")
    click.echo(f"Резервная копия: {result.path} ({_size(result.size)}, схема {result.manifest['schema_version']}, "
               f"{_contents(result.manifest)}, {files}); проверена.")
    for path in result.removed:
        click.echo(f"Удалена старая копия: {path.name}")


@click.command("restore")
@click.argument("archive", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Заменить базу данных, в которой уже есть данные")
def restore_command(archive, force):
    """Restore an archive made by `backup` into this installation (replacing, never merging)."""
    try:
        manifest = restore_archive(database.obj, Places.of(current_app), archive, force=force)
    except ArchiveError as error:
        raise click.ClickException(f"Архив отклонён: {error}") from error
    except RestoreRefused as error:
        raise click.ClickException(f"Восстановление не выполнено: {error}") from error
    click.echo(f"Восстановлено из {archive.name} (копия от {manifest['created_at']}, схема "
               f"{manifest['schema_version']}): {_contents(manifest)} — совпадает с описью.")
    if manifest["schema_version"] < migrations.latest_version():
        click.echo("Схема старее этой версии программы: выполните flask --app webapp upgrade.")
    click.echo("Перезапустите приложение, чтобы оно прочитало восстановленный ключ.")


@click.command("upgrade")
def upgrade_command():
    """Back up, then apply pending migrations in one transaction (rolled back if one fails)."""
    try:
        result = upgrade(database.obj, Places.of(current_app), *_keep())
    except UpgradeError as error:
        raise click.ClickException(str(error)) from error
    if not result.applied:
        click.echo(f"База данных уже в актуальной версии {result.after}.")
        return
    if result.backup:
        click.echo(f"Резервная копия перед обновлением: {result.backup}")
    click.echo(f"База данных обновлена с версии {result.before} до {result.after} "
               f"(миграции: {', '.join(map(str, result.applied))}).")


COMMANDS = (backup_command, restore_command, upgrade_command)
