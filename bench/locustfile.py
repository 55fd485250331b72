"""Locust users for bench_region_load.py: coordinators and participants of many schools, each user
on one of the app servers (as a balancer would send them), plus a bare route for the baseline.

Read from the environment (bench_region_load.py sets them):
  BENCH_SERVERS   comma-separated base URLs of the app servers
  BENCH_BARE      base URL of the bare Flask route served the same way
  BENCH_ACCOUNTS  a JSON file: [{"login": …, "role": "coordinator" | "participant"}, …]
  BENCH_PASSWORD  their password
  BENCH_REGIONAL  optional "path|login": the regional dashboard and a regional user
"""
from __future__ import annotations

import json
import os
import random
import re

from locust import HttpUser, between, task

SERVERS = os.environ.get("BENCH_SERVERS", "http://127.0.0.1:8000").split(",")
PASSWORD = os.environ.get("BENCH_PASSWORD", "demo2026")
ACCOUNTS = json.loads(open(os.environ["BENCH_ACCOUNTS"]).read()) if os.environ.get("BENCH_ACCOUNTS") else []
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def _by_role(role: str) -> list[str]:
    return [a["login"] for a in ACCOUNTS if a["role"] == role]


class SignedIn(HttpUser):
    abstract = True
    host = SERVERS[0]
    wait_time = between(1, 3)
    role = "coordinator"

    def on_start(self):
        self.client.base_url = random.choice(SERVERS)
        logins = _by_role(self.role)
        self.sign_in(random.choice(logins))

    def sign_in(self, login: str) -> None:
        page = self.client.get("/login", name="/login")
        token = CSRF.search(page.text)
        with self.client.post("/login", data={"login": login, "password": PASSWORD,
                                              "csrf_token": token.group(1) if token else ""},
                              name="/login [POST]", allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"log-in of {login} answered {response.status_code}")


class Coordinator(SignedIn):
    weight = 3
    role = "coordinator"

    @task(3)
    def dashboard(self):
        self.client.get("/dashboard")

    @task(2)
    def mentees(self):
        self.client.get("/banks/mentees")

    @task(2)
    def mentors(self):
        self.client.get("/banks/mentors")

    @task(1)
    def users(self):
        self.client.get("/users")

    @task(1)
    def pairs(self):
        self.client.get("/pairs")

    @task(1)
    def matching(self):
        self.client.get("/matching")

    @task(1)
    def monitoring(self):
        self.client.get("/monitoring")


class Participant(SignedIn):
    weight = 2
    role = "participant"

    @task(3)
    def dashboard(self):
        self.client.get("/dashboard")

    @task(1)
    def questionnaires(self):
        self.client.get("/questionnaires/mine")

    @task(1)
    def notifications(self):
        self.client.get("/notifications")


class Bare(HttpUser):
    """The baseline: the same server code, a route that only says «ok»."""
    weight = 1
    host = os.environ.get("BENCH_BARE", "http://127.0.0.1:8001")
    wait_time = between(1, 3)

    @task
    def bare(self):
        self.client.get("/", name="bare route")


if os.environ.get("BENCH_REGIONAL"):
    REGIONAL_PATH, REGIONAL_LOGIN = os.environ["BENCH_REGIONAL"].split("|", 1)

    class Regional(SignedIn):
        weight = 1
        fixed_count = 2  # a couple of regional users among the schools' people

        def on_start(self):
            self.client.base_url = random.choice(SERVERS)
            self.sign_in(REGIONAL_LOGIN)

        @task
        def regional_dashboard(self):
            self.client.get(REGIONAL_PATH, name=f"{REGIONAL_PATH} (regional dashboard)")
