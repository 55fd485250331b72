"""Small files that inflate to a lot (zip bombs), written in chunks so making them costs little memory."""
from __future__ import annotations

import io
import struct
import zipfile

from openpyxl import Workbook

MB = 1024 * 1024


def _write_big(archive: zipfile.ZipFile, name: str, size: int, head: bytes = b"", fill: bytes = b"\0") -> None:
    chunk = fill * (MB // len(fill))
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w") as handle:
        handle.write(head)
        written = len(head)
        while written < size:
            part = chunk[: size - written]
            handle.write(part)
            written += len(part)


def odt_bomb(size: int = 160 * MB) -> bytes:
    """An ODT whose ``mimetype`` member inflates to ``size`` bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        _write_big(archive, "mimetype", size, head=b"application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def xlsx_bomb(size: int = 160 * MB) -> bytes:
    """A real workbook whose shared strings inflate to ``size`` bytes."""
    book = Workbook()
    book.active.append(["ФИО", "категория"])
    plain = io.BytesIO()
    book.save(plain)
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain.getvalue())) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in source.infolist():
            if info.filename != "xl/sharedStrings.xml":
                archive.writestr(info.filename, source.read(info.filename))
        _write_big(archive, "xl/sharedStrings.xml", size,
                   head=b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>',
                   fill=b"A")
    return buffer.getvalue()


def many_members(count: int = 5000) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for index in range(count):
            archive.writestr(f"word/media/{index}.bin", b"")
    return buffer.getvalue()


def lying_sizes(data: bytes, declared: int = 60) -> bytes:
    """``data`` with every member's declared uncompressed size rewritten to ``declared`` bytes."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        start = 0
        while (start := out.find(signature, start)) != -1:
            if out[start + offset: start + offset + 4] != b"\xff\xff\xff\xff":
                out[start + offset: start + offset + 4] = struct.pack("<I", declared)
            start += 4
    return bytes(out)
