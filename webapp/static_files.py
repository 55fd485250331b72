"""Stylesheets, scripts and icons kept by the browser until they change.

Every ``url_for("static", ...)`` gets ``?v=`` and a short hash of the file's content. A request that
carries the current hash is answered with a year-long, immutable ``Cache-Control``, so a browser asks
for each file once and then opens pages with one request instead of ten (two stylesheets, six
scripts and the icon were revalidated on every page before: on a school's slow network that is most
of the wait). When a file changes its hash changes, pages name the new URL, and the old copy is
never used again; a request with an old or no hash is answered without a long cache.
"""
from __future__ import annotations

import hashlib
import os

from flask import Flask, request
from werkzeug.security import safe_join

YEAR = 365 * 24 * 3600


class StaticVersions:
    """Content hashes of the static files, computed once per file (again when its size or time changes)."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self._known: dict[str, tuple[tuple[int, int], str]] = {}

    def version(self, filename: str) -> str | None:
        path = safe_join(self.folder, filename)  # None for a name that leaves the folder
        if path is None:
            return None
        try:
            stat = os.stat(path)
        except OSError:
            return None
        stamp = (stat.st_size, stat.st_mtime_ns)
        known = self._known.get(filename)
        if known is None or known[0] != stamp:
            try:
                with open(path, "rb") as file:
                    digest = hashlib.sha256(file.read()).hexdigest()[:12]
            except OSError:
                return None
            known = self._known[filename] = (stamp, digest)
        return known[1]


def init_app(app: Flask) -> None:
    versions = StaticVersions(app.static_folder)

    @app.url_defaults
    def _add_version(endpoint, values):
        if endpoint == "static" and "v" not in values and "filename" in values:
            version = versions.version(values["filename"])
            if version:
                values["v"] = version

    @app.after_request
    def _keep_versioned_files(response):
        if request.endpoint == "static" and response.status_code in (200, 304):
            asked = request.args.get("v")
            if asked and asked == versions.version(request.view_args.get("filename", "")):
                response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
            else:
                response.headers["Cache-Control"] = "no-cache"
        return response
