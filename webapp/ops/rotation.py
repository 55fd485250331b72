"""Which backups to keep: the newest of each of the last N days and of the last M ISO weeks."""
from __future__ import annotations

from pathlib import Path

from webapp.ops.archive import archive_time, checksum_path, list_archives


def to_keep(archives: list[Path], daily: int, weekly: int) -> set[Path]:
    """``archives`` newest first. The newest archive is always kept."""
    keep: set[Path] = set(archives[:1])
    days: list = []
    weeks: list = []
    for archive in archives:
        when = archive_time(archive)
        day, week = when.date(), when.isocalendar()[:2]
        if day not in days and len(days) < daily:
            days.append(day)
            keep.add(archive)
        if week not in weeks and len(weeks) < weekly:
            weeks.append(week)
            keep.add(archive)
    return keep


def rotate(folder: Path, daily: int, weekly: int) -> list[Path]:
    """Delete the archives (and their checksum files) that fall out; returns what was deleted."""
    archives = list_archives(folder)
    keep = to_keep(archives, daily, weekly)
    removed = []
    for archive in archives:
        if archive not in keep:
            archive.unlink()
            checksum_path(archive).unlink(missing_ok=True)
            removed.append(archive)
    return removed
