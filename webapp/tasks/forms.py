"""The form behind a button that starts a background task: its CSRF token and its request key."""
from __future__ import annotations

from flask_wtf import FlaskForm

from webapp.form_fields import RequestKeyField


class TaskRequestForm(FlaskForm):
    """«Start this in the background»: submitting the same page twice gives back the task the first one made."""
    request_key = RequestKeyField()
