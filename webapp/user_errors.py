"""Domain errors a person reads: a catalogue message id and its parameters, translated once, when shown.

A service raises ``PairingError("%(name)s вне банка наставляемых.", name=…)``; the view shows
``exc.message`` in the reader's language. Nothing translates the text twice, and the parameters
are never baked into a message id.
"""
from __future__ import annotations

from flask import has_app_context
from flask_babel import gettext


class UserError(ValueError):
    def __init__(self, message: str, **params):
        super().__init__(message)
        self.msgid, self.params = message, params

    @property
    def message(self) -> str:
        if not has_app_context():
            return self.msgid % self.params if self.params else self.msgid
        return gettext(self.msgid, **self.params)

    def __str__(self) -> str:
        return self.message
