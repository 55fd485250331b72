"""Page numbers for long tables."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Page:
    items: list
    number: int
    size: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def has_prev(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def parse_page(value) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), 100000)


def paginate_list(items: list, number: int, size: int) -> Page:
    """A page of an already-built list (rows whose order or filter SQL cannot express)."""
    total = len(items)
    number = min(max(number, 1), max(1, -(-total // size)))
    return Page(items[(number - 1) * size:number * size], number, size, total)


def paginate(query, number: int, size: int) -> Page:
    total = query.count()
    number = min(number, max(1, -(-total // size)))
    return Page(list(query.paginate(number, size)), number, size, total)
