"""Background work on a task queue (huey, on the application's own database).

A page submits a task (:func:`webapp.tasks.lifecycle.submit`); a worker process (`flask worker`, or
the one `flask serve` starts beside the server) claims it, runs its kind's handler, beats while it
runs and records progress in the database, where any app server reads it. A worker that stops
beating is found by the reaper and its task is marked failed; a retry runs it again.
"""
