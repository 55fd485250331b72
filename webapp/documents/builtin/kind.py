"""A document kind defined inside a module that holds several: its title, template and sample."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Kind:
    TITLE: str
    build: Callable
    SAMPLE: dict
    FILENAME: str = "document.docx"
