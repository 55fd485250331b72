"""Behind an HTTPS reverse proxy: one setting turns on Secure cookies and trusts X-Forwarded-*.

``BEHIND_HTTPS_PROXY`` switches it on; ``TRUSTED_PROXIES`` says how many proxies stand in front
(each appends one address to X-Forwarded-For), so a client cannot forge its address past them.
"""
from __future__ import annotations

from werkzeug.middleware.proxy_fix import ProxyFix


def init_app(app) -> None:
    if not app.config.get("BEHIND_HTTPS_PROXY"):
        return
    hops = max(1, int(app.config.get("TRUSTED_PROXIES") or 1))
    app.config.update(
        SESSION_COOKIE_SECURE=True,
        REMEMBER_COOKIE_SECURE=True,
        PREFERRED_URL_SCHEME="https",
    )
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops, x_prefix=hops)
