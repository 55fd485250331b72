"""Rotation keeps the newest backup of each of the last N days and M weeks; --if-due skips fresh ones."""
from __future__ import annotations

import datetime as dt

from tests.ops.conftest import run
from webapp.db import database
from webapp.ops.archive import archive_name, archive_time, list_archives
from webapp.ops.backup import Places, create_backup, is_due
from webapp.ops.rotation import to_keep


def test_to_keep_daily_and_weekly():
    start = dt.datetime(2026, 1, 1, 3, 0)  # a Thursday
    names = [start + dt.timedelta(hours=12 * i) for i in range(60)]  # two a day for 30 days
    from pathlib import Path
    archives = sorted((Path(archive_name(t)) for t in names), key=lambda p: p.name, reverse=True)
    kept = sorted(archive_time(p) for p in to_keep(archives, daily=3, weekly=2))
    newest = names[-1]
    daily = [newest, newest - dt.timedelta(days=1), newest - dt.timedelta(days=2)]
    # The newest of each of the last two ISO weeks: the week of Jan 30 and the week of Jan 25 (Sunday).
    weekly = [newest, dt.datetime(2026, 1, 25, 15, 0)]
    assert kept == sorted(set(daily) | set(weekly))


def test_backups_rotate_on_disk(site, backups):
    places = Places.of(site)
    start = dt.datetime(2026, 3, 2, 1, 0)  # a Monday
    for day in range(15):
        create_backup(database.obj, places, keep_daily=3, keep_weekly=2, now=start + dt.timedelta(days=day))
    left = [archive_time(p).date() for p in list_archives(backups)]
    # the last 3 days, plus the newest of the previous ISO week (Sunday 15 March)
    assert left == [dt.date(2026, 3, 16), dt.date(2026, 3, 15), dt.date(2026, 3, 14)]
    sidecars = sorted(p.name for p in backups.glob("*.sha256"))
    assert sidecars == sorted(p.name + ".sha256" for p in list_archives(backups))


def test_weekly_backups_outlive_daily_ones(site, backups):
    places = Places.of(site)
    start = dt.datetime(2026, 3, 2, 1, 0)
    for day in range(0, 22, 7):  # one backup each Monday for four weeks
        create_backup(database.obj, places, keep_daily=1, keep_weekly=3, now=start + dt.timedelta(days=day))
    left = [archive_time(p).date() for p in list_archives(backups)]
    assert left == [dt.date(2026, 3, 23), dt.date(2026, 3, 16), dt.date(2026, 3, 9)]


def test_if_due_makes_a_backup_only_when_the_last_is_old(site, backups):
    assert is_due(backups, 24)
    first = run(site, "backup", "--if-due")
    assert first.exit_code == 0 and "проверена" in first.output, first.output
    again = run(site, "backup", "--if-due")
    assert again.exit_code == 0 and "ещё свежая" in again.output
    assert len(list_archives(backups)) == 1
    newest = archive_time(list_archives(backups)[0])
    assert not is_due(backups, 24, now=newest + dt.timedelta(hours=23))
    assert is_due(backups, 24, now=newest + dt.timedelta(hours=24))


def test_two_backups_in_the_same_second_both_keep_their_archives(tmp_path):
    """The second gets «-2» and sorts as the newer one (a scheduled and a manual backup may coincide)."""
    import datetime as dt
    when = dt.datetime(2026, 11, 29, 21, 30, 35)
    for name in (archive_name(when), archive_name(when, 2), archive_name(when - dt.timedelta(seconds=1))):
        (tmp_path / name).write_bytes(b"x")
    names = [p.name for p in list_archives(tmp_path)]
    assert names == ["nastavnik-backup-20261129-213035-2.tar.gz", "nastavnik-backup-20261129-213035.tar.gz",
                     "nastavnik-backup-20261129-213034.tar.gz"]
    assert archive_time(tmp_path / names[0]) == when
