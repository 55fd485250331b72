"""Command line: flask --app webapp <command>."""
from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from webapp import migrations
from webapp.db import database


def _upgrade() -> list[int]:
    return migrations.upgrade(database.obj)


@click.command("init-db")
def init_db_command():
    """Create the database or upgrade it to the newest schema (keeps every record)."""
    applied = _upgrade()
    version = migrations.current_version(database.obj)
    if applied:
        click.echo(f"База данных обновлена до версии {version} (применены миграции: {', '.join(map(str, applied))}).")
    else:
        click.echo(f"База данных уже в актуальной версии {version}.")


@click.command("db-version")
def db_version_command():
    """Print the schema version of the database and the newest one this code knows."""
    click.echo(f"{migrations.current_version(database.obj)} / {migrations.latest_version()}")


@click.command("create-admin")
@click.option("--login", required=True, help="Логин администратора")
@click.option("--name", "full_name", required=True, help="ФИО")
@click.option("--organisation", default="", help="Краткое название ОО (создаётся, если её нет)")
@click.password_option(help="Пароль (не короче 8 символов)")
def create_admin_command(login, full_name, organisation, password):
    """Create an administrator account (and the organisation, if there is none)."""
    from webapp.models import Organisation, User
    _upgrade()
    if len(password) < 8:
        raise click.ClickException("Пароль должен быть не короче 8 символов.")
    login = login.strip().lower()
    if User.select().where(User.login == login).exists():
        raise click.ClickException(f"Логин «{login}» уже занят.")
    with database.atomic():
        org = None
        if organisation:
            org = Organisation.get_or_none(Organisation.short_name == organisation)
            if org is None:
                org = Organisation.create(name=organisation, short_name=organisation)
        else:
            org = Organisation.select().order_by(Organisation.id).first()
            if org is None:
                org = Organisation.create(name="Образовательная организация", short_name="ОО")
        user = User(organisation=org, login=login, full_name=full_name, category="teacher")
        user.set_password(password)
        user.save()
        user.set_roles(["admin", "coordinator"])
        from webapp.questionnaires.loader import ensure_default_questionnaires
        ensure_default_questionnaires(org)
    click.echo(f"Администратор «{login}» создан в организации «{org.short_name}».")


@click.command("load-demo")
@click.option("--if-empty", is_flag=True, help="Загрузить, только если в базе ещё нет организаций")
@with_appcontext  # the demo's pairs announce themselves with links to their pages
def load_demo_command(if_empty):
    """Load the demo school (mentors, mentees, coordinator) into the database."""
    from webapp import demo
    from webapp.models import Organisation
    _upgrade()
    if if_empty and Organisation.select().exists():
        click.echo("В базе уже есть данные: демонстрационная школа не загружалась.")
        return
    summary = demo.load()
    click.echo(f"Демонстрационная школа загружена: {summary}.")


@click.command("generate-region")
@click.option("--schools", default=100, show_default=True, type=int, help="Школ в регионе")
@click.option("--people", default=60_000, show_default=True, type=int, help="Людей во всех школах")
@click.option("--years", default=2, show_default=True, type=int, help="Учебных лет с парами")
@click.option("--seed", default=1, show_default=True, type=int, help="Зерно случайных чисел (повторяемость)")
@click.option("--name", "region_name", default="Синтетический регион", show_default=True, help="Название региона")
@click.option("--password", default="demo2026", show_default=True, help="Пароль всех созданных учётных записей")
def generate_region_command(schools, people, years, seed, region_name, password):
    """Generate a synthetic region for load tests (bulk inserts; SQLite or PostgreSQL)."""
    import time
    from webapp.region import generate
    _upgrade()
    began = time.perf_counter()
    try:
        summary = generate.generate(schools=schools, people=people, years=years, seed=seed,
                                    region_name=region_name.strip()[:200], password=password)
    except generate.GenerateError as exc:
        raise click.ClickException(exc.message)
    click.echo(f"Регион «{region_name}» создан за {time.perf_counter() - began:.1f} с: школ {summary.schools}, "
               f"людей {summary.people}, пар и групп {summary.pairs}, ответов {summary.responses}. Вход: region.admin, "
               f"region.method, kurator.s001… (пароль {password}).")


@click.command("load-region-demo")
def load_region_demo_command():
    """Load a small demo region: the demo school, two more schools, the regional centre's log-ins."""
    from webapp.region import demo as region_demo
    _upgrade()
    click.echo(f"Демонстрационный регион загружен: {region_demo.load()}.")


def demo_logins() -> list[tuple[str, str]]:
    """(login, role) of the demo accounts that still have the demo password: `serve` prints them.

    One password check per distinct hash: the demo's users share one, and each check (scrypt) costs
    about 0.1 s of the server's start."""
    from webapp import demo
    from webapp.models import User
    from webapp.region.demo import REGION_LOGINS
    is_demo: dict[str, bool] = {}
    found = []
    for login, role in demo.DEMO_LOGINS + REGION_LOGINS:
        user = User.get_or_none(User.login == login)
        if user is None:
            continue
        if user.password_hash not in is_demo:
            is_demo[user.password_hash] = user.check_password(demo.DEMO_PASSWORD)
        if is_demo[user.password_hash]:
            found.append((login, role))
    return found


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="worker processes (default: the WORKERS setting)")
def serve_command(host, port, workers):
    """Serve the application (gunicorn workers on Linux, waitress elsewhere), printing the demo log-ins."""
    from webapp import create_app, demo, serving
    from webapp.db import release_all
    workers = workers or current_app.config["WORKERS"]
    click.echo(f"Наставник работает: http://{host}:{port}/")
    for login, role in demo_logins():
        click.echo(f"  {role:<14} логин {login:<10} пароль {demo.DEMO_PASSWORD}")
    click.echo("Остановить: Ctrl+C")
    release_all()  # no connection of this process is carried into the workers
    worker = None
    if current_app.config["EMBEDDED_WORKER"]:
        from webapp.tasks import embedded
        worker = embedded.EmbeddedWorker()
        click.echo("  фоновые задачи выполняет обработчик, запущенный рядом с сервером")
    try:
        serving.serve(create_app, host=host, port=port, workers=workers)
    finally:
        if worker is not None:
            worker.stop()


def init_app(app) -> None:
    from webapp.tasks.worker import worker_command
    for command in (init_db_command, db_version_command, create_admin_command, load_demo_command, serve_command,
                    worker_command, generate_region_command, load_region_demo_command):
        app.cli.add_command(command)
    from webapp.ops.cli import COMMANDS as OPS_COMMANDS
    for command in OPS_COMMANDS:
        app.cli.add_command(command)
