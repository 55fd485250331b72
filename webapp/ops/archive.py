"""The backup archive: one dated tar.gz holding the database copy, uploads, the secret key and a
manifest with each file's SHA-256, the schema version and every table's row count.

Layout inside the archive::

    database.sqlite3 | database.pgdump   the database (SQLite copy or pg_dump custom format)
    secret_key                           instance/secret_key, when the key lives there
    uploads/...                          the uploaded files
    manifest.json                        written last: a truncated archive has none

Beside the archive a ``<name>.sha256`` file holds the whole archive's checksum
(``sha256sum -c`` reads it).
"""
from __future__ import annotations

import datetime as dt
import gzip
import os
import hashlib
import io
import json
import re
import tarfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

FORMAT = 1
PREFIX = "nastavnik-backup-"
SUFFIX = ".tar.gz"
MANIFEST = "manifest.json"
NAME_RE = re.compile(r"^nastavnik-backup-(\d{8}-\d{6})(?:-(\d+))?\.tar\.gz$")  # -2, -3: same second
CHUNK = 1024 * 1024


class ArchiveError(Exception):
    """The archive cannot be trusted; ``str()`` is the reason, in Russian, for the administrator."""


def archive_name(when: dt.datetime, sequence: int = 1) -> str:
    """The archive's file name; a second backup within the same second gets «-2», and so on."""
    return f"{PREFIX}{when:%Y%m%d-%H%M%S}{f'-{sequence}' if sequence > 1 else ''}{SUFFIX}"


def _order(path: Path) -> tuple:
    match = NAME_RE.match(path.name)
    return match.group(1), int(match.group(2) or 1)


def archive_time(path: Path) -> dt.datetime | None:
    match = NAME_RE.match(path.name)
    return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S") if match else None


def list_archives(folder: Path) -> list[Path]:
    """Our archives in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and NAME_RE.match(p.name)]
    return sorted(found, key=_order, reverse=True)


def checksum_path(archive: Path) -> Path:
    return archive.with_name(archive.name + ".sha256")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


class _HashingReader:
    def __init__(self, fh):
        self.fh, self.digest = fh, hashlib.sha256()

    def read(self, size=-1):
        data = self.fh.read(size)
        self.digest.update(data)
        return data


@dataclass
class ArchiveWriter:
    """Adds files to a tar.gz, hashing exactly the bytes written; ``close`` appends the manifest."""
    path: Path
    manifest: dict
    files: dict = field(default_factory=dict)

    def __post_init__(self):
        self.tar = tarfile.open(self.path, "w:gz", format=tarfile.PAX_FORMAT)
        os.chmod(self.path, 0o600)  # it holds minors' personal data and the secret key

    def add_file(self, source: Path, name: str) -> None:
        with open(source, "rb") as fh:
            info = tarfile.TarInfo(name)
            info.size = os.fstat(fh.fileno()).st_size
            info.mtime = int(source.stat().st_mtime)
            info.mode = 0o600
            reader = _HashingReader(fh)
            self.tar.addfile(info, reader)
        self.files[name] = {"sha256": reader.digest.hexdigest(), "size": info.size}

    def close(self) -> None:
        self.manifest["files"] = self.files
        data = json.dumps(self.manifest, ensure_ascii=False, indent=2, sort_keys=True).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mtime, info.mode = len(data), int(dt.datetime.now().timestamp()), 0o600
        self.tar.addfile(info, io.BytesIO(data))
        self.tar.close()

    def abort(self) -> None:
        try:
            self.tar.close()
        except Exception:  # noqa: BLE001 — the write already failed; the partial file is removed next
            pass


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


def read_archive(path: Path, extract_to: Path | None = None) -> dict:
    """Check every file of the archive against its manifest; extract into ``extract_to`` if given.

    Returns the manifest. Raises ArchiveError with the reason when the archive is damaged,
    truncated, altered or not ours.
    """
    if not path.is_file():
        raise ArchiveError(f"Файл {path} не найден.")
    sidecar = checksum_path(path)
    if sidecar.is_file():
        expected = sidecar.read_text().split()[0] if sidecar.read_text().strip() else ""
        if expected != sha256_file(path):
            raise ArchiveError("Контрольная сумма архива не совпадает с записанной в "
                               f"{sidecar.name}: архив повреждён или обрезан.")
    seen: dict[str, dict] = {}
    manifest = None
    try:
        # The whole gzip stream first: its CRC and length catch a flipped or missing byte even where
        # tar would stop early at what looks like the end of the archive.
        with gzip.open(path, "rb") as stream:
            while stream.read(CHUNK):
                pass
        with tarfile.open(path, "r:gz") as tar:
            for member in tar:
                if not _safe_name(member.name) or not member.isfile():
                    raise ArchiveError(f"В архиве недопустимый элемент «{member.name}».")
                fh = tar.extractfile(member)
                if member.name == MANIFEST:
                    manifest = json.loads(fh.read().decode())
                    continue
                digest, target = hashlib.sha256(), None
                if extract_to is not None:
                    target = extract_to / member.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    out = open(target, "wb")
                try:
                    for chunk in iter(lambda: fh.read(CHUNK), b""):
                        digest.update(chunk)
                        if target is not None:
                            out.write(chunk)
                finally:
                    if target is not None:
                        out.close()
                seen[member.name] = {"sha256": digest.hexdigest(), "size": member.size}
    except ArchiveError:
        raise
    except (tarfile.TarError, EOFError, zlib.error, OSError, gzip.BadGzipFile, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ArchiveError(f"Архив не читается (повреждён или обрезан): {error}.") from error
    if manifest is None:
        raise ArchiveError("В архиве нет описи manifest.json: архив обрезан или это не резервная копия Наставника.")
    if manifest.get("format") != FORMAT or not isinstance(manifest.get("files"), dict):
        raise ArchiveError("Опись архива неизвестного формата.")
    listed = manifest["files"]
    missing = sorted(set(listed) - set(seen))
    extra = sorted(set(seen) - set(listed))
    if missing:
        raise ArchiveError(f"В архиве не хватает файлов из описи: {', '.join(missing[:5])}.")
    if extra:
        raise ArchiveError(f"В архиве есть файлы, которых нет в описи: {', '.join(extra[:5])}.")
    for name, meta in listed.items():
        if meta.get("sha256") != seen[name]["sha256"]:
            raise ArchiveError(f"Контрольная сумма файла «{name}» не совпадает с описью: архив повреждён.")
    return manifest
