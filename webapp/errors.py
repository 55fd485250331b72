"""One error handler: clear Russian pages (or fragments for htmx) instead of tracebacks."""
from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: "Запрос не понят. Проверьте введённые данные и попробуйте ещё раз.",
    403: "У вас нет прав для этого действия.",
    404: "Страница не найдена или у вас нет к ней доступа.",
    405: "Так обратиться к этой странице нельзя.",
    413: "Файл слишком большой. Допустимый размер — не более 5 МБ.",
    429: "Слишком много попыток. Подождите и попробуйте снова.",
    500: "Внутренняя ошибка. Администратор увидит её в журнале.",
}


def init_app(app) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(error):
        from flask_login import current_user
        from webapp.access import PUBLIC, rule_for
        from webapp.auth.return_to import to_login
        if not current_user.is_authenticated and rule_for(request.endpoint) != PUBLIC:
            return to_login()  # the session ended (its token with it): log in again, then back
        message = _("Форма устарела или отправлена не с этой страницы. Обновите страницу и повторите.")
        return render_template("error.html", code=400, message=message), 400

    @app.errorhandler(HTTPException)
    def _http(error):
        code = error.code or 500
        message = _(MESSAGES.get(code, error.description or ""))
        return render_template("error.html", code=code, message=message), code

    @app.errorhandler(Exception)
    def _unexpected(error):
        if app.testing and not app.config.get("TEST_ERROR_PAGES"):
            raise error  # a test sees the traceback, not a 500 page
        app.logger.exception("Unhandled error")
        return render_template("error.html", code=500, message=_(MESSAGES[500])), 500
