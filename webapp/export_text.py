"""Text written into files people open (XLSX, DOCX): one sanitising layer for every export.

- Characters XML 1.0 cannot hold (C0 controls other than tab/newline/carriage return, lone
  surrogates, U+FFFE/U+FFFF) are removed: openpyxl and python-docx refuse them with an error.
- A text cell that starts like a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return) is
  stored as text with the cell's «quote prefix» set, exactly what Excel and LibreOffice do when a
  person types ``'=…``: the cell shows the text as typed and is never evaluated.

Input is also cleaned at the boundary (webapp.input_text); this layer covers what is already
stored and whatever reaches an export by another path.
"""
from __future__ import annotations

import re

ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def clean(value) -> str:
    """``value`` as text an XML document can hold."""
    return ILLEGAL_RE.sub("", value if isinstance(value, str) else str(value))


def cell_value(value):
    """A value for a spreadsheet cell: text cleaned, everything else (numbers, dates, None) as is."""
    return clean(value) if isinstance(value, str) else value


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def neutralise_cell(cell) -> None:
    if is_formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def append(ws, values) -> None:
    """``ws.append`` for text from people: cleaned, and never a live formula."""
    ws.append([cell_value(v) for v in values])
    for cell in ws[ws.max_row]:
        neutralise_cell(cell)


def neutralise(workbook) -> None:
    """Every formula-like text cell of ``workbook`` as quoted text (a last check before saving)."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or is_formula_like(cell.value):
                    neutralise_cell(cell)
