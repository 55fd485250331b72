"""Links people type into the app (a roadmap item's document): local paths stay in the app, anything
else is shown as an external link with its host, so nobody is sent off-site unawares."""
from __future__ import annotations

from urllib.parse import urlsplit


def is_local(url: str) -> bool:
    """A path of this site: starts with one slash, not ``//host`` or ``/\\host`` (browsers read both as hosts)."""
    url = (url or "").strip()
    return url.startswith("/") and not url.startswith(("//", "/\\")) and not urlsplit(url).netloc


def is_acceptable(url: str) -> bool:
    url = (url or "").strip()
    if is_local(url):
        return True
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and "\\" not in url


def external_host(url: str) -> str:
    """The host an external link leads to ("" for a local path)."""
    return "" if is_local(url) else urlsplit((url or "").strip()).hostname or ""


def init_app(app) -> None:
    app.jinja_env.filters["external_host"] = external_host
