"""E-mail about a new pair, through a real SMTP conversation with a tiny local sink."""
from __future__ import annotations

import socketserver
import threading

import pytest

from tests.pairs.builders import matching_school
from tests.pairs.test_matching_runs import start
from tests.factories import make_school
from webapp.models import MatchingRun, Suggestion


class _SMTPHandler(socketserver.StreamRequestHandler):
    def handle(self):
        def say(line):
            self.wfile.write((line + "\r\n").encode())
        say("220 sink ESMTP")
        data, in_data = [], False
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if in_data:
                if line == ".":
                    self.server.messages.append("\n".join(data))
                    data, in_data = [], False
                    say("250 OK")
                else:
                    data.append(line[1:] if line.startswith("..") else line)
                continue
            verb = line.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                say("250 sink")
            elif verb == "DATA":
                in_data = True
                say("354 go ahead")
            elif verb == "QUIT":
                say("221 bye")
                return
            else:
                say("250 OK")


@pytest.fixture
def smtp_sink():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SMTPHandler)
    server.daemon_threads = True
    server.messages = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_mentor_and_mentee_get_an_email_with_the_partners_address(make_app, smtp_sink):
    import email
    from email import policy
    app = make_app(MATCHING_SYNC=True, MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp_sink.server_address[1],
                   MAIL_DEFAULT_SENDER="nastavnik@school.example")
    with app.app_context():
        people = matching_school(make_school())
        client = app.test_client()
        client.post("/login", data={"login": "kurator", "password": "correct-horse-1"})
        start(client)
        run = MatchingRun.get()
        s = Suggestion.get((Suggestion.run == run) & (Suggestion.mentor == people["mentor"])
                           & (Suggestion.mentee == people["young1"]))
        client.post(f"/matching/suggestions/{s.id}/approve")
    messages = [email.message_from_string(m, policy=policy.default) for m in smtp_sink.messages]
    by_to = {m["To"]: m.get_content() for m in messages}
    assert set(by_to) == {"mentor@school.example", "young1@school.example"}
    assert "young1@school.example" in by_to["mentor@school.example"]
    assert "mentor@school.example" in by_to["young1@school.example"]


def test_without_mail_server_nothing_is_sent_and_pairing_works(coordinator, people):
    start(coordinator)
    s = Suggestion.select().where(Suggestion.assigned).first()
    assert coordinator.post(f"/matching/suggestions/{s.id}/approve").status_code == 303
