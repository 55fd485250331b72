"""Template globals: labels, navigation by role."""
from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app, has_request_context, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from webapp.labels import CATEGORY_LABELS, ROLE_LABELS
from webapp.pairing.notifications import NotificationsLabel

PEOPLE, PAIRS, PROGRAMME = _l("Участники"), _l("Пары"), _l("Программа")

# (endpoint, label, roles that see it or None = every signed-in user, menu group or None)
NAVIGATION = [
    ("dashboard.index", _l("Главная"), None, None),
    ("users.index", _l("Пользователи"), {"admin", "coordinator"}, PEOPLE),
    ("banks.mentors", _l("Банк наставников"), {"admin", "coordinator"}, PEOPLE),
    ("banks.mentees", _l("Банк наставляемых"), {"admin", "coordinator"}, PEOPLE),
    ("questionnaires.index", _l("Анкеты"), {"admin", "coordinator"}, PEOPLE),
    ("consents.mine", _l("Мои согласия и данные"), {"mentor", "mentee"}, None),
    ("questionnaires.mine", _l("Мои анкеты"), {"mentor", "mentee"}, None),
    ("pairing.index", _l("Подбор пар"), {"admin", "coordinator"}, PAIRS),
    ("programmes.index", _l("Пары и программы"), None, PAIRS),
    ("pairing.unpaired", _l("Без пары"), {"admin", "coordinator"}, PAIRS),
    ("roadmap.index", _l("Дорожная карта"), None, PROGRAMME),
    ("monitoring.index", _l("Мониторинг"), {"admin", "coordinator"}, PROGRAMME),
    ("monitoring.mine", _l("Мониторинг пар"), {"mentor", "mentee"}, PROGRAMME),
    ("practices.index", _l("Копилка практик"), None, PROGRAMME),
    ("recognition.register", _l("Поощрения"), {"admin", "coordinator"}, PROGRAMME),
    ("news.index", _l("Новости"), None, PROGRAMME),
    ("documents.index", _l("Документы"), {"admin", "coordinator"}, PROGRAMME),
    ("notifications.index", NotificationsLabel(), None, None),
    ("ops.health_page", _l("Состояние системы"), {"admin"}, None),
    ("pool.index", _l("Региональный пул"), {"admin", "coordinator"}, PAIRS),
    ("pool.mine", _l("Дистанционное наставничество"), {"mentor", "mentee"}, None),
    ("region.index", _l("Регион"), {"regional_admin", "regional_method"}, None),
    ("region.school_list", _l("Школы региона"), {"regional_admin"}, None),
    ("regional_practices.review_list", _l("Региональная копилка"), {"regional_method"}, None),
    ("regional_practices.contests", _l("Конкурсы"), {"regional_method"}, None),
]


@dataclass
class MenuItem:
    label: object
    endpoint: str | None = None
    children: list = field(default_factory=list)
    current: bool = False


def navigation() -> list[MenuItem]:
    """The menu for the signed-in user: plain links, and groups (shown as disclosure menus) that
    hold two or more links; the group holding the current page is marked current."""
    if not current_user.is_authenticated:
        return []
    here = request.endpoint if has_request_context() else None
    menu: list[MenuItem] = []
    groups: dict[str, MenuItem] = {}
    for endpoint, label, allowed, group in NAVIGATION:
        if allowed is not None and not current_user.has_role(*allowed):
            continue
        if allowed is None and current_user.is_regional and not getattr(
                current_app.view_functions.get(endpoint), "regional_ok", False):
            continue  # a school's page: refused to regional people
        link = MenuItem(label, endpoint, current=endpoint == here)
        if group is None:
            menu.append(link)
            continue
        key = str(group)
        if key not in groups:
            groups[key] = MenuItem(group)
            menu.append(groups[key])
        groups[key].children.append(link)
        groups[key].current |= link.current
    return [item.children[0] if len(item.children) == 1 else item for item in menu]


def init_app(app) -> None:
    from webapp import plurals
    plurals.init_app(app)
    from webapp import links
    links.init_app(app)
    from webapp import shipped_text
    shipped_text.init_app(app)
    from webapp import number_format
    number_format.init_app(app)
    app.jinja_env.globals.update(
        ROLE_LABELS=ROLE_LABELS,
        CATEGORY_LABELS=CATEGORY_LABELS,
        navigation=navigation,
    )
