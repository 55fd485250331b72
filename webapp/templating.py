"""Template globals: labels, navigation by role."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_login import current_user

from webapp.labels import CATEGORY_LABELS, ROLE_LABELS
from webapp.pairing.notifications import NotificationsLabel

# (endpoint, label, roles that see it; None = every signed-in user)
NAVIGATION = [
    ("dashboard.index", _l("Главная"), None),
    ("users.index", _l("Пользователи"), {"admin", "coordinator"}),
    ("banks.mentors", _l("Банк наставников"), {"admin", "coordinator"}),
    ("banks.mentees", _l("Банк наставляемых"), {"admin", "coordinator"}),
    ("consents.mine", _l("Мои согласия и данные"), {"mentor", "mentee"}),
    ("questionnaires.mine", _l("Мои анкеты"), {"mentor", "mentee"}),
    ("questionnaires.index", _l("Анкеты"), {"admin", "coordinator"}),
    ("pairing.index", _l("Подбор пар"), {"admin", "coordinator"}),
    ("programmes.index", _l("Пары и программы"), None),
    ("pairing.unpaired", _l("Без пары"), {"admin", "coordinator"}),
    ("notifications.index", NotificationsLabel(), None),
    ("roadmap.index", _l("Дорожная карта"), None),
    ("monitoring.index", _l("Мониторинг"), {"admin", "coordinator"}),
    ("monitoring.mine", _l("Мониторинг пар"), {"mentor", "mentee"}),
    ("practices.index", _l("Копилка практик"), None),
    ("recognition.register", _l("Поощрения"), {"admin", "coordinator"}),
    ("news.index", _l("Новости"), None),
]


def navigation():
    if not current_user.is_authenticated:
        return []
    return [(endpoint, label) for endpoint, label, allowed in NAVIGATION
            if allowed is None or current_user.has_role(*allowed)]


def init_app(app) -> None:
    app.jinja_env.globals.update(
        ROLE_LABELS=ROLE_LABELS,
        CATEGORY_LABELS=CATEGORY_LABELS,
        navigation=navigation,
    )
