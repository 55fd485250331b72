"""Sessions (Flask-Login): loading the signed-in user."""
from __future__ import annotations

from flask_login import LoginManager

from webapp.auth import sessions
from webapp.ids import parse_id
from webapp.models import Organisation, User

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Войдите, чтобы продолжить."
login_manager.session_protection = "basic"


@login_manager.user_loader
def load_user(user_id: str):
    user_id = parse_id(user_id)
    if user_id is None:
        return None
    # with the person's organisation in the same query: nearly every page reads it (the header, the
    # organisation scope of every list), which cost a second query per request
    user = User.select(User, Organisation).join(Organisation).where(User.id == user_id).first()
    if user is None or not user.is_active or not sessions.is_current(user):
        return None
    return user


def init_app(app) -> None:
    login_manager.init_app(app)
