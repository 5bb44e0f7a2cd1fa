"""Atomic, durable file writes that stay inside their tree: a reader sees the old file or
the new one, never a part, and no write follows a link.

Every file pakru writes (``pakru fmt``, ``pakru new``, ``pakru export``,
``pakru schema``) goes through :func:`write_bytes` (or :func:`write_with`):
the content is written to a temporary file in the same folder, flushed to
disk (``fsync``), given the mode of the file it replaces and renamed over
it; the folder is then synced so the rename itself survives a crash. A
write that fails (disk full, file-size limit) leaves the original file
byte-for-byte as it was, and the temporary file is removed.

Staying inside the tree. A command writes into a folder its user named (the
*root*: ``--out``, ``--records``). Given ``root``, a write is refused with
:class:`UnsafePathError` unless the path lies under it and nothing from the
root down to the file, the root included, is a symbolic link
(:func:`check_inside`); :func:`make_folders` creates missing folders on the
same terms. Without ``root`` (``pakru fmt``) the rename still replaces a
link at the target path instead of writing through it.

Orphans. A temporary file is named ``.pakru-<name>.<random>.tmp`` and its
writer holds an exclusive ``flock`` on it until it is renamed into place, so
a killed run's temporary file (and the ``-journal``, ``-wal`` and ``-shm``
files SQLite keeps beside a database) is told apart from one being written
right now: :func:`remove_orphans` removes the first kind only, and the
commands that write into a folder call it first. Staging folders
(:func:`staging`) are locked and cleaned the same way.
"""

import contextlib
import errno
import os
import shutil
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no lock, so no orphan is ever removed
    fcntl = None  # type: ignore[assignment]

TEMP_PREFIX = ".pakru-"
TEMP_SUFFIX = ".tmp"
"""Temporary files are named ``.pakru-<name>.<random>.tmp``: hidden, and never a record suffix."""

SIDE_SUFFIXES = ("-journal", "-wal", "-shm")
"""Files SQLite keeps beside a database while it writes: ``<temporary file><suffix>``."""

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class WriteError(OSError):
    """A file could not be written; the original (if any) is unchanged."""


class UnsafePathError(WriteError):
    """A path to write leads out of the folder it must stay in, or through a link."""


# -- staying inside the tree --------------------------------------------------------


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except FileNotFoundError:
        return None


def check_inside(root: Path, path: Path) -> None:
    """Refuse ``path`` unless it lies under ``root`` through real folders, no link on the way.

    ``path`` must be ``root`` or below it, spelt without ``..``; ``root`` and
    every part of ``path`` below it that exists must not be a symbolic link,
    and every existing folder on the way must be a folder. What does not
    exist yet is created by the caller (:func:`make_folders`, a write).
    Raises :class:`UnsafePathError` naming the offending path.
    """
    try:
        rel = path.relative_to(root)
    except ValueError:
        raise UnsafePathError(errno.EPERM, f"{path} is outside {root}") from None
    if ".." in rel.parts:
        raise UnsafePathError(errno.EPERM, f"{path} leads out of {root} ('..')")
    current = root
    for index, part in enumerate(("", *rel.parts)):
        current = current / part if part else current
        info = _lstat(current)
        if info is None:
            return
        if stat.S_ISLNK(info.st_mode):
            raise UnsafePathError(
                errno.ELOOP,
                f"{current} is a symbolic link; pakru does not write through links",
            )
        if index < len(rel.parts) and not stat.S_ISDIR(info.st_mode):
            raise UnsafePathError(errno.ENOTDIR, f"{current} is not a folder")


def make_folders(root: Path, folder: Path) -> Path:
    """Create ``folder`` (and the folders above it, up to ``root``), refusing any link.

    ``root`` itself must exist. Each missing folder is created on its own, and
    one that appeared meanwhile is checked again, so a link planted between
    the check and the creation is refused too.
    """
    check_inside(root, folder)
    current = root
    for part in folder.relative_to(root).parts:
        current = current / part
        try:
            current.mkdir()
        except FileExistsError:
            info = current.lstat()
            if stat.S_ISLNK(info.st_mode):
                raise UnsafePathError(
                    errno.ELOOP,
                    f"{current} is a symbolic link; pakru does not write through links",
                ) from None
            if not stat.S_ISDIR(info.st_mode):
                raise UnsafePathError(errno.ENOTDIR, f"{current} is not a folder") from None
    return folder


# -- temporary files and their locks ---------------------------------------------------


def _mode(path: Path) -> int:
    """The permission bits to give the new file: the old file's, else the umask's default."""
    info = _lstat(path)
    if info is not None and stat.S_ISREG(info.st_mode):
        return stat.S_IMODE(info.st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _lock(handle: int) -> None:
    """Hold an exclusive lock on an open temporary file or folder while it is written."""
    if fcntl is not None:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _temporary(path: Path) -> tuple[int, Path]:
    """Create, open and lock a new temporary file next to ``path`` (never an existing one)."""
    for _ in range(100):
        name = f"{TEMP_PREFIX}{path.name}.{os.urandom(4).hex()}{TEMP_SUFFIX}"
        temp = path.with_name(name)
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW
            handle = os.open(temp, flags, 0o600)
        except FileExistsError:
            continue
        _lock(handle)
        return handle, temp
    raise WriteError(f"{path}: cannot create a temporary file")  # pragma: no cover


def _remove_temporary(temp: Path) -> None:
    for name in (temp.name, *(temp.name + s for s in SIDE_SUFFIXES)):
        with contextlib.suppress(OSError):
            (temp.parent / name).unlink()


def _sync_folder(folder: Path) -> None:
    # a rename is durable only once the folder's entry is on disk; some file
    # systems cannot open a folder for syncing, and then the rename still stands
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _link_into_place(temp: Path, path: Path) -> None:
    """Give the finished temporary file the name ``path`` only if nothing has it yet."""
    try:
        os.link(temp, path, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError:  # hard links not supported here: check, then rename
        if _lstat(path) is not None:
            raise FileExistsError(errno.EEXIST, f"{path} exists already", str(path)) from None
        temp.replace(path)
        return
    temp.unlink()


def write_with(
    path: Path,
    fill: Callable[[Path], None],
    *,
    root: Path | None = None,
    replace: bool = True,
) -> Path:
    """Have ``fill`` write a temporary file next to ``path``, then move it into place.

    For writers that need a file name rather than bytes (SQLite). ``fill``
    receives the temporary path, which exists and is empty. With ``root``,
    ``path`` must lie inside it with no link on the way (:func:`check_inside`).
    With ``replace=False`` an existing ``path`` (a dangling link included) is
    never replaced: ``FileExistsError``, and nothing is left behind.
    """
    if root is not None:
        check_inside(root, path)
    info = _lstat(path)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise WriteError(errno.EISDIR, f"{path}: is a folder, not a file")
    if info is not None and not replace:
        raise FileExistsError(errno.EEXIST, f"{path} exists already", str(path))
    mode = _mode(path)
    lock, temp = _temporary(path)
    try:
        fill(temp)
        handle = os.open(temp, os.O_RDONLY | _NOFOLLOW)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
        temp.chmod(mode)
        if root is not None:
            check_inside(root, path)  # again: nothing planted while the file was written
        if replace:
            temp.replace(path)
        else:
            _link_into_place(temp, path)
    except BaseException:
        _remove_temporary(temp)
        raise
    finally:
        os.close(lock)
    _sync_folder(path.parent)
    return path


def write_bytes(path: Path, data: bytes, *, root: Path | None = None, replace: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically and durably; keep the old file's mode.

    ``root`` and ``replace`` as for :func:`write_with`.
    """

    def fill(temp: Path) -> None:
        handle = os.open(temp, os.O_WRONLY | _NOFOLLOW)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
        finally:
            os.close(handle)

    return write_with(path, fill, root=root, replace=replace)


def write_text(path: Path, text: str, *, root: Path | None = None, replace: bool = True) -> Path:
    """Write ``text`` as UTF-8 (newlines as given) to ``path`` atomically."""
    return write_bytes(path, text.encode("utf-8"), root=root, replace=replace)


def move_into(source: Path, path: Path, root: Path) -> Path:
    """Rename the finished file ``source`` to ``path`` inside ``root`` (a staged file put in
    place), replacing a regular file there but never a link or a folder."""
    check_inside(root, path)
    info = _lstat(path)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise WriteError(errno.EISDIR, f"{path}: is a folder, not a file")
    source.replace(path)
    _sync_folder(path.parent)
    return path


# -- what a killed run left behind -----------------------------------------------------


def _orphan_base(name: str) -> str | None:
    """The temporary file's name that ``name`` belongs to, or None when it is not pakru's."""
    if not name.startswith(TEMP_PREFIX):
        return None
    for suffix in SIDE_SUFFIXES:
        if name.endswith(TEMP_SUFFIX + suffix):
            return name.removesuffix(suffix)
    return name if name.endswith(TEMP_SUFFIX) else None


def _in_use(path: Path) -> bool:
    """Whether a live process holds the lock of the temporary file or folder ``path``."""
    if fcntl is None:  # pragma: no cover - no locks: never call anything an orphan
        return True
    try:
        handle = os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell: leave it
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(handle)  # closing releases the lock just taken
    return False


def remove_orphans(folder: Path) -> list[Path]:
    """Remove the temporary files and staging folders a killed pakru run left in ``folder``.

    Only names pakru gives (``.pakru-*.tmp``, with SQLite's ``-journal``,
    ``-wal`` and ``-shm`` beside them) whose writer is gone (nobody holds
    their lock) are removed; links, and files another run is writing, stay.
    Returns what was removed.
    """
    try:
        with os.scandir(folder) as listing:
            entries = sorted(
                (e.name, e.is_file(follow_symlinks=False), e.is_dir(follow_symlinks=False))
                for e in listing
            )
    except (FileNotFoundError, NotADirectoryError):
        return []
    present = {name for name, _, _ in entries}
    removed: list[Path] = []
    for name, is_file, is_dir in entries:
        base = _orphan_base(name)
        if base is None or not (is_file or is_dir):
            continue  # not a name pakru gives, or a link, FIFO or device: never pakru's
        if base != name and base in present:
            continue  # a side file: it goes with its database, below
        path = folder / name
        if _in_use(path):
            continue
        if is_dir:
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        removed.append(path)
        if base == name:
            for suffix in SIDE_SUFFIXES:
                side = folder / (name + suffix)
                if name + suffix in present:
                    with contextlib.suppress(FileNotFoundError):
                        side.unlink()
                    removed.append(side)
    return removed


@contextlib.contextmanager
def staging(folder: Path, label: str) -> Iterator[Path]:
    """A new, locked, hidden folder ``.pakru-<label>.<random>.tmp`` inside ``folder``.

    Files are written there first and moved into place once all of them
    stand; the folder and whatever is left in it are removed on leaving,
    and :func:`remove_orphans` removes it if the run is killed first.
    """
    for _ in range(100):
        path = folder / f"{TEMP_PREFIX}{label}.{os.urandom(4).hex()}{TEMP_SUFFIX}"
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue
        break
    else:  # pragma: no cover
        raise WriteError(f"{folder}: cannot create a staging folder")
    handle = -1
    try:
        handle = os.open(path, os.O_RDONLY)
        _lock(handle)
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
        with contextlib.suppress(OSError):
            path.rmdir()  # rmtree opens the folder first; should that fail, an empty one still goes
        if handle >= 0:
            os.close(handle)
