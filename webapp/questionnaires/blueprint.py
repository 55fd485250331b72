"""The questionnaires' blueprint: its routes live in ``views`` (filling in), ``assign_views`` (who
must fill what) and ``editor_views`` (versions and questions); webapp/blueprints.py imports all three
and registers it, so no view module imports another."""
from flask import Blueprint

bp = Blueprint("questionnaires", __name__, url_prefix="/questionnaires")
