"""Наставник: the application factory."""
from __future__ import annotations

import os
from pathlib import Path

from flask import Flask
from flask_wtf.csrf import CSRFProtect
from htmx_flask import Htmx

ROOT = Path(__file__).resolve().parent.parent

csrf = CSRFProtect()


def create_app(test_config: dict | None = None, instance_path: str | None = None) -> Flask:
    # INSTANCE_PATH chooses the folder instance/config.py lives in, so it is read before the settings
    instance_path = (instance_path or (test_config or {}).get("INSTANCE_PATH")
                     or os.environ.get("INSTANCE_PATH"))
    app = Flask(__name__, instance_relative_config=True,
                instance_path=str(Path(instance_path).resolve()) if instance_path else None,
                template_folder=str(ROOT / "templates"), static_folder=str(ROOT / "static"))
    Path(app.instance_path).mkdir(mode=0o700, parents=True, exist_ok=True)  # database, key: the app's alone

    from webapp.config import check_servers, default_config, from_environment, load_secret_key
    app.config.from_mapping(default_config(app.instance_path))
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_mapping(from_environment())
    if test_config:
        app.config.from_mapping(test_config)
    check_servers(app.config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = load_secret_key(app.instance_path)

    from webapp import access, auth, db, errors, i18n, input_text, security_headers, static_files
    db.init_app(app)
    from webapp.tasks import queue
    queue.init_app(app)
    csrf.init_app(app)
    Htmx(app)
    input_text.init_app(app)
    i18n.init_app(app)
    auth.init_app(app)
    access.init_app(app)
    errors.init_app(app)
    security_headers.init_app(app)
    static_files.init_app(app)
    from webapp import page_cache
    page_cache.init_app(app)
    from webapp.ops import proxy, error_clock
    proxy.init_app(app)
    error_clock.init_app(app)

    from webapp import templating
    templating.init_app(app)

    from webapp.ids import BoundedIntConverter
    app.url_map.converters["int"] = BoundedIntConverter
    from webapp.blueprints import register_all
    register_all(app)

    from webapp import cli
    cli.init_app(app)
    return app
