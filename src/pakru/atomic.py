"""Atomic, durable file writes: a reader sees the old file or the new one, never a part.

Every file pakru writes (``pakru fmt``, ``pakru export``, ``pakru schema``)
goes through :func:`write_bytes`: the content is written to a temporary file
in the same folder, flushed to disk (``fsync``), given the mode of the file
it replaces and renamed over it; the folder is then synced so the rename
itself survives a crash. A write that fails (disk full, file-size limit,
killed process) leaves the original file byte-for-byte as it was, and the
temporary file is removed when the process lives to do it.

The rename replaces a symbolic link at the target path instead of writing
through it, so a link planted in an output folder cannot redirect a write
out of the tree.
"""

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

TEMP_PREFIX = ".pakru-"
TEMP_SUFFIX = ".tmp"
"""Temporary files are named ``.pakru-<name>.<random>.tmp``: hidden, and never a record suffix."""


class WriteError(OSError):
    """A file could not be written; the original (if any) is unchanged."""


def _mode(path: Path) -> int:
    """The permission bits to give the new file: the old file's, else the umask's default."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISREG(info.st_mode):
        return stat.S_IMODE(info.st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _temporary(path: Path) -> tuple[int, Path]:
    """Create and open a new temporary file next to ``path`` (never an existing one)."""
    for _ in range(100):
        name = f"{TEMP_PREFIX}{path.name}.{os.urandom(4).hex()}{TEMP_SUFFIX}"
        temp = path.with_name(name)
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            return os.open(temp, flags, 0o600), temp
        except FileExistsError:
            continue
    raise WriteError(f"{path}: cannot create a temporary file")  # pragma: no cover


def _sync_folder(folder: Path) -> None:
    # a rename is durable only once the folder's entry is on disk; some file
    # systems cannot open a folder for syncing, and then the rename still stands
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def write_with(path: Path, fill: Callable[[Path], None]) -> Path:
    """Have ``fill`` write a temporary file next to ``path``, then move it into place.

    For writers that need a file name rather than bytes (SQLite). ``fill``
    receives the temporary path, which exists and is empty.
    """
    if path.is_dir() and not path.is_symlink():
        raise WriteError(f"{path}: is a folder, not a file")
    mode = _mode(path)
    handle, temp = _temporary(path)
    os.close(handle)
    try:
        fill(temp)
        handle = os.open(temp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
        temp.chmod(mode)
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _sync_folder(path.parent)
    return path


def write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and durably; keep the old file's mode."""

    def fill(temp: Path) -> None:
        handle = os.open(temp, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
        finally:
            os.close(handle)

    return write_with(path, fill)


def write_text(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 (newlines as given) to ``path`` atomically."""
    return write_bytes(path, text.encode("utf-8"))
