"""Rendered list and monitoring pages kept per process and served again until the data changes.

A view decorated with :func:`cached_page` is rendered once per key and the HTML (compressed) kept in
a small least-recently-used store of this process. The key holds everything a page depends on besides
the data: the user, the language, the full URL, whether htmx asked for the fragment, and today's
date. Pages carry the session's signed CSRF token: it is kept as a mark and the reader's own token
is put in its place when the page is served, so a user's sessions (tabs, devices, a new log-in) share
the page and each gets a token its session accepts. The request keys of forms that start background
tasks (an export) are marked the same way and every served copy gets fresh ones: a kept key would make
the next export return the earlier one's task. The data are represented by the data version
(webapp/data_version.py), read BEFORE rendering: any committed write — by this or another process,
server, background task or command — changes it, so the next request renders afresh.

Nothing is kept when a flash message is waiting (the page shows it once), when the session has no
CSRF token yet or the view changed the session, or when the answer is not a plain 200 HTML page.
Entries live at most a quarter of the CSRF token's time limit (5 minutes at most). ``PAGE_CACHE_SIZE``
pages per process; 0 = off.
"""
from __future__ import annotations

import datetime as dt
import functools
import threading
import time
import zlib
from collections import OrderedDict

from flask import current_app, g, make_response, request, session
from flask_wtf.csrf import generate_csrf
from flask_babel import get_locale
from flask_login import current_user

from webapp import data_version
from webapp.db import database

MAX_SECONDS = 300
TOKEN_MARK = b"__page-cache-csrf-token__"
REQUEST_KEY_MARK = b"__page-cache-request-key__"
KEPT_HEADERS = ("Content-Type", "Vary")


class PageCache:
    """Least-recently-used pages of one process (thread-safe), dropped whole when the version moves."""

    def __init__(self, size: int, seconds: float):
        self.size = size
        self.seconds = seconds
        self.hits = self.misses = self.stored = 0
        self._pages: OrderedDict = OrderedDict()
        self._version = None
        self._lock = threading.Lock()

    def get(self, key: tuple, version):
        with self._lock:
            if version != self._version:  # a write: every page kept so far can never be asked for again
                self._pages.clear()
                self._version = version
            key = (*key, version)  # besides the clearing: a page is only ever served for its own version
            found = self._pages.get(key)
            if found is None or found[0] < time.monotonic():
                self._pages.pop(key, None)
                self.misses += 1
                return None
            self._pages.move_to_end(key)
            self.hits += 1
            return found[1], found[2]

    def put(self, key: tuple, version, body: bytes, headers: list) -> None:
        with self._lock:
            if version != self._version:
                return  # the data changed while this page was rendered
            self._pages[(*key, version)] = (time.monotonic() + self.seconds, zlib.compress(body, 1), headers)
            self.stored += 1
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)

    def __len__(self) -> int:
        return len(self._pages)


def init_app(app) -> None:
    limit = app.config.get("WTF_CSRF_TIME_LIMIT", 3600)
    seconds = MAX_SECONDS if not limit else min(MAX_SECONDS, limit / 4)
    app.extensions["page_cache"] = PageCache(max(0, int(app.config.get("PAGE_CACHE_SIZE") or 0)), seconds)


def _key():
    """The page's key, or None when this request must not use the cache."""
    if request.method != "GET" or not current_user.is_authenticated or session.get("_flashes"):
        return None
    if not session.get(_token_field()):
        return None  # rendering makes one and stores it in the session: that answer must really be sent
    from webapp.htmx import is_htmx
    return (current_user.get_id(), str(get_locale()), request.url, is_htmx(), dt.date.today().isoformat())


def _token_field() -> str:
    return current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")


def _plain_page(response) -> bool:
    return (response.status_code == 200 and response.mimetype == "text/html" and not response.direct_passthrough
            and "Set-Cookie" not in response.headers and not any(h.startswith("HX-") for h in response.headers.keys()))


def cached_page(view):
    """Serve the view's page from the page cache while the data version stays the same."""
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        cache = current_app.extensions.get("page_cache")
        key = _key() if cache is not None and cache.size else None
        version = data_version.read(database.obj) if key is not None else None
        if version is None:
            return view(*args, **kwargs)
        found = cache.get(key, version)
        if found is not None:
            body, headers = found
            body = zlib.decompress(body)
            if TOKEN_MARK in body:
                body = body.replace(TOKEN_MARK, generate_csrf().encode())
            if REQUEST_KEY_MARK in body:  # each copy's forms start their own background tasks
                from webapp.tasks.lifecycle import new_request_key
                first, *rest = body.split(REQUEST_KEY_MARK)
                body = first + b"".join(new_request_key().encode() + part for part in rest)
            response = make_response(body)
            for name, value in headers:
                response.headers[name] = value
            return response
        before = dict(session)
        response = make_response(view(*args, **kwargs))
        if _plain_page(response) and dict(session) == before:
            body, token = response.get_data(), g.get(_token_field())
            body = body.replace(token.encode(), TOKEN_MARK) if token else body
            for made in g.get("request_keys_made", ()):
                body = body.replace(made.encode(), REQUEST_KEY_MARK)
            cache.put(key, version, body,
                      [(name, value) for name, value in response.headers.items() if name in KEPT_HEADERS])
        return response
    return wrapper
