# syntax=docker/dockerfile:1
# Наставник in a container, for servers whose system Python is older than 3.11.
#   docker compose up -d --build
#   docker compose exec app flask --app webapp create-admin --login admin --name "ФИО" --organisation "ОО"
# The instance folder (database, secret key, uploads, backups) is the volume /app/instance.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# 1. htmx, fetched and checksum-verified by the same script as `make setup` (needs npm and openssl).
FROM node:20-bookworm AS assets
WORKDIR /src
COPY bin/fetch-assets bin/fetch-assets
RUN bin/fetch-assets && test -f static/vendor/htmx.min.js

# 2. The virtual environment with the application's dependencies, and the compiled catalogues.
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
RUN python -m venv /opt/venv
COPY pyproject.toml README.md ./
COPY webapp webapp
COPY matching matching
RUN /opt/venv/bin/pip install -e ".[postgres]"
COPY translations translations
RUN /opt/venv/bin/python -c "from webapp.i18n import compile_catalogues; compile_catalogues()"
# The runtime user cannot write into /app, so the modules are compiled here (else every start compiles them
# all again: about a quarter of the import time); checked-hash: valid whatever times the copied files carry.
RUN /opt/venv/bin/python -m compileall -q --invalidation-mode checked-hash webapp matching

# 3. The runtime image: no compilers, no npm; runs as an unprivileged user.
FROM ${PYTHON_IMAGE}
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --home-dir /app/instance --shell /usr/sbin/nologin nastavnik
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    INSTANCE_PATH=/app/instance \
    PORT=8000
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
COPY templates templates
COPY static static
COPY --from=assets /src/static/vendor static/vendor
RUN install -d -m 0700 -o nastavnik -g nastavnik /app/instance
USER nastavnik
VOLUME ["/app/instance"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=4).status == 200 else 1)"]
# Pending migrations are applied (after a backup) before serving, as on `systemctl restart`.
CMD ["sh", "-c", "flask --app webapp upgrade && exec flask --app webapp serve --host 0.0.0.0 --port \"${PORT}\""]
