"""ZIP archives from users (DOCX, XLSX, PPTX, ODT) opened only within limits.

A small file may inflate to gigabytes (a "zip bomb"). Before anything is decompressed, the
central directory is read and checked: the number of members, each member's and the total
uncompressed size, and the compression ratio of every large member. Python's ``zipfile`` never
returns more bytes than a member's declared size (and checks its CRC), so these declared sizes
also bound what openpyxl or python-docx will inflate afterwards. Single members are read in
chunks with a cap (``read_member``), never with ``ZipFile.read``.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class ArchiveLimits:
    max_members: int = 2000
    max_member_size: int = 32 * MB
    max_total_size: int = 128 * MB
    max_ratio: int = 200          # uncompressed / compressed, for members above ratio_floor
    ratio_floor: int = 1 * MB     # small members may compress well (a page of blank cells)


DEFAULT_LIMITS = ArchiveLimits()


class ArchiveRejected(Exception):
    """The archive is unreadable or exceeds a limit; ``code`` says which (words at the edge)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def open_checked(data: bytes, limits: ArchiveLimits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """A ``ZipFile`` over ``data`` whose central directory passed every limit.

    Raises ArchiveRejected("not_zip" | "too_many_members" | "member_too_large" | "too_large" |
    "ratio").
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise ArchiveRejected("not_zip") from None
    try:
        check(archive, limits)
    except ArchiveRejected:
        archive.close()
        raise
    return archive


def check(archive: zipfile.ZipFile, limits: ArchiveLimits = DEFAULT_LIMITS) -> None:
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise ArchiveRejected("too_many_members")
    total = 0
    for info in members:
        if info.file_size > limits.max_member_size:
            raise ArchiveRejected("member_too_large")
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise ArchiveRejected("ratio")
        total += info.file_size
        if total > limits.max_total_size:
            raise ArchiveRejected("too_large")


def read_member(archive: zipfile.ZipFile, name: str, cap: int) -> bytes | None:
    """At most ``cap`` bytes of member ``name`` read in chunks; None when absent or longer."""
    try:
        handle = archive.open(name)
    except KeyError:
        return None
    chunks, size = [], 0
    try:
        with handle:
            while True:
                chunk = handle.read(min(64 * 1024, cap + 1 - size))
                if not chunk:
                    break
                size += len(chunk)
                if size > cap:
                    return None
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error):
        return None
    return b"".join(chunks)


def names(data: bytes, limits: ArchiveLimits = DEFAULT_LIMITS) -> list[str]:
    """Member names of a checked archive (raises ArchiveRejected)."""
    with open_checked(data, limits) as archive:
        return archive.namelist()
