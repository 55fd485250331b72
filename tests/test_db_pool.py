"""The web application's pooled connections: one open per worker thread, handed between threads safely."""
from __future__ import annotations

import threading

from webapp.db import open_database


def test_a_pooled_connection_returned_by_one_thread_serves_another(db_url):
    db = open_database(db_url, pool=True)
    results = []

    def query():
        db.connect(reuse_if_open=True)
        results.append(db.execute_sql("SELECT COUNT(*) FROM schema_version").fetchone()[0])
        db.close()  # back to the pool, still open

    for _ in range(3):
        thread = threading.Thread(target=query)
        thread.start()
        thread.join()
    assert len(results) == 3 and results[0] > 0
    if hasattr(db, "close_all"):
        assert len(db._connections) == 1  # the same connection went from thread to thread
        db.close_all()
