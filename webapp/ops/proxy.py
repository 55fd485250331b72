"""Behind a reverse proxy or load balancer: the client's address (login throttling, the audit) and,
behind HTTPS, the scheme are read from ``X-Forwarded-*`` set by exactly ``TRUSTED_PROXIES`` proxies.

``TRUSTED_PROXIES`` says how many proxies stand in front (each appends one address to
X-Forwarded-For), so a client cannot forge its address past them; 0 (the default) trusts none.
``BEHIND_HTTPS_PROXY`` also makes cookies Secure and counts one proxy when none is set.
"""
from __future__ import annotations

from werkzeug.middleware.proxy_fix import ProxyFix


def init_app(app) -> None:
    hops = max(0, int(app.config.get("TRUSTED_PROXIES") or 0))
    if app.config.get("BEHIND_HTTPS_PROXY"):
        hops = hops or 1
        app.config.update(
            SESSION_COOKIE_SECURE=True,
            REMEMBER_COOKIE_SECURE=True,
            PREFERRED_URL_SCHEME="https",
        )
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops, x_prefix=hops)
