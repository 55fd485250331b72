"""Response headers every page carries."""
from __future__ import annotations

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'")


def init_app(app) -> None:
    if app.config.get("SESSION_COOKIE_SECURE") is None:
        https = (bool(app.config.get("BEHIND_HTTPS_PROXY"))
                 or str(app.config.get("BASE_URL") or "").startswith("https://"))
        app.config["SESSION_COOKIE_SECURE"] = https
        app.config["REMEMBER_COOKIE_SECURE"] = https
        if https:
            app.config["PREFERRED_URL_SCHEME"] = "https"

    @app.after_request
    def _headers(response):
        if response.mimetype == "text/html":
            # pages carry personal data (minors' among them): no browser or proxy keeps a copy
            response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response
