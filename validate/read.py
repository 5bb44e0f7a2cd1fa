"""Stage 1, read: which files to read, then file bytes → text, with size, encoding and NUL checks.

:func:`collect` walks the given folders and says what it did not read and
why (an unreadable folder, a dangling link, a FIFO, a ``.YAML`` file), so
nothing is skipped silently; :func:`read_text` reads one file.

Nothing is read from outside the records tree (:func:`tree_folder`): a record
file, a folder or a given path that is a link, or lies under one, whose
resolved location is outside the tree is a ``read.outside`` finding and is not
read, and so is a report text or manifest file behind such a link
(:func:`linked_out`). Records arrive as pull requests: a committed link to
``../../.git/config`` or ``/etc/passwd`` must not land in a report or the
site. Links that stay inside the tree are read as before.
"""

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pakru.validate.findings import Finding

MAX_BYTES = 1_000_000
"""Largest record or source file accepted; a record is a few kilobytes."""

RECORD_SUFFIXES = (".yaml", ".yml")
"""Suffixes of record files, lower-case only; ``x.YAML`` is reported, not read."""


@dataclass(frozen=True)
class Skipped:
    """A path that was found but not read, with the rule and message of its finding."""

    path: Path
    rule: str
    message: str


@dataclass
class Collected:
    """Record files to read, in order, and what was skipped."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in words (``a FIFO``), from its ``st_mode``."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _name(entry: "os.DirEntry[str]") -> str:
    return entry.name


def tree_folder(path: str | Path) -> Path:
    """The records tree ``path`` belongs to, as spelled (absolute, no link resolved).

    The nearest of ``path`` and the folders spelled above it that holds a
    records tree's layout (:func:`pakru.tools.tree.is_tree`) and is no link itself;
    outside any tree, ``path`` itself when it is a folder, else its folder.
    Nothing under the tree it gives may resolve outside it.
    """
    from pakru.tools.tree import is_tree  # noqa: PLC0415 - the models, only when a path is given

    spelled = Path(os.path.abspath(path))  # noqa: PTH100 - keeps links, unlike resolve()
    for folder in (spelled, *spelled.parents):
        if not folder.is_symlink() and is_tree(folder):
            return folder
    return spelled if spelled.is_dir() else spelled.parent


def outside(path: str | Path, root: str) -> str | None:
    """Why ``path`` must not be read: it resolves outside ``root`` (a resolved folder); or None."""
    real = os.path.realpath(path)
    if real == root or real.startswith(root.rstrip("/") + "/"):
        return None
    if os.path.islink(path):  # noqa: PTH114 - path may be a str
        target = os.readlink(path)  # noqa: PTH115 - path may be a str
        return f"symbolic link to {target!r}, which leads out of the records tree; not read"
    return f"resolves to {real!r} through a symbolic link, out of the records tree; not read"


def linked_out(path: str | Path) -> str | None:
    """Why the file ``path`` that a tree names (a report text, ``VERSION``) must not be read.

    Such a file lies where its folder does unless it, or its folder, is a
    link: only then is it resolved, and refused when it leads out of its
    records tree (:func:`tree_folder`). Returns None when it may be read.
    """
    # strings, two lstat calls: this runs for every source's text
    folder = os.path.dirname(path)  # noqa: PTH120
    if not (os.path.islink(path) or os.path.islink(folder)):  # noqa: PTH114
        return None
    return outside(path, os.path.realpath(tree_folder(path)))


class _Walk:
    """One walk over the given paths.

    ``seen`` holds the folders walked, so a folder named twice, or reached
    through a link, is walked once and a link loop ends. Files are read once
    under each name a folder lists them by: a link to a record, or a second
    hard link, is a second record file, which the ``ids.*`` rules then report
    (a link must not stand in for a record unseen). Only a file also named on
    its own (``pakru validate records records/meetings/x.yaml``) is read once.
    """

    def __init__(self) -> None:
        self.out = Collected()
        self.root = "/"
        """The resolved records tree of the path being walked: nothing outside it is read."""
        self.seen: set[tuple[int, int]] = set()
        self.named: set[tuple[int, int]] = set()
        """Files named on their own (not found in a folder)."""
        self.listed_files: set[tuple[int, int]] = set()

    def _once(self, info: os.stat_result) -> bool:
        key = (info.st_dev, info.st_ino)
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def skip(self, path: Path, rule: str, message: str) -> None:
        self.out.skipped.append(Skipped(path, rule, message))

    def given(self, path: Path) -> None:
        try:
            info = path.stat()
        except OSError as error:
            self._unstattable(path, error)
            return
        self.root = os.path.realpath(tree_folder(path))
        if (why := outside(path, self.root)) is not None:
            self.skip(path, "read.outside", why)
            return
        key = (info.st_dev, info.st_ino)
        if stat.S_ISDIR(info.st_mode):
            if self._once(info):
                self.folder(path, info.st_dev)
        elif key not in self.named and key not in self.listed_files:
            self.named.add(key)
            self.out.files.append(path)  # a named file is read whatever its suffix

    def _unstattable(self, path: Path, error: OSError) -> None:
        if path.is_symlink():
            self.skip(path, "read.io", f"dangling symbolic link to {str(path.readlink())!r}")
        else:
            self.skip(path, "read.io", f"cannot read: {error.strerror}")

    def folder(self, folder: Path, device: int) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=_name)
        except OSError as error:
            self.skip(folder, "read.io", f"cannot read folder: {error.strerror}")
            return
        for entry in entries:
            self.listed(entry, device)

    def listed(self, entry: "os.DirEntry[str]", device: int) -> None:
        """One entry of a folder's listing, read from the listing where it can be.

        A link is followed with ``stat`` (:meth:`entry`). For anything else the
        listing already says whether it is a folder or a regular file, and its
        inode; a file's device is its folder's, a file being no mount point.
        This spares a ``stat`` and a ``Path`` per file that is not a record.
        """
        if entry.is_symlink():
            self.entry(Path(entry.path), link=True)
            return
        suffix = os.path.splitext(entry.name)[1]  # noqa: PTH122 - a str, no Path per entry
        if entry.is_dir(follow_symlinks=False):
            self.entry(Path(entry.path))  # a folder's own stat: a mount point has its own device
        elif suffix.lower() not in RECORD_SUFFIXES:
            return
        elif suffix not in RECORD_SUFFIXES or not entry.is_file(follow_symlinks=False):
            self.entry(Path(entry.path))  # the finding is worded from the path and its stat
        else:
            self._file((device, entry.inode()), Path(entry.path))

    def entry(self, path: Path, *, link: bool = False) -> None:
        """A folder, a link or an odd file a listing holds; a link is followed only inside the tree.

        What a folder lists lies inside it; only a link can lead elsewhere, so
        only a link (``link``) is resolved against the tree being walked.
        """
        suffix = path.suffix
        record_like = suffix.lower() in RECORD_SUFFIXES
        try:
            info = path.stat()
        except OSError as error:
            self._unstattable(path, error)
            return
        if (
            link
            and (stat.S_ISDIR(info.st_mode) or record_like)
            and (why := outside(path, self.root)) is not None
        ):
            self.skip(path, "read.outside", why)
            return
        if stat.S_ISDIR(info.st_mode):
            if self._once(info):  # a linked folder is walked once; a link loop ends here
                self.folder(path, info.st_dev)
        elif not record_like:
            return
        elif suffix not in RECORD_SUFFIXES:
            self.skip(
                path,
                "read.suffix",
                f"suffix {suffix!r} is not read as a record; rename the file to "
                f"{path.stem}{suffix.lower()}",
            )
        elif not stat.S_ISREG(info.st_mode):
            self.skip(path, "read.io", f"cannot read file: {kind_of(info.st_mode)}")
        else:
            self._file((info.st_dev, info.st_ino), path)

    def _file(self, key: tuple[int, int], path: Path) -> None:
        """A record file a folder lists: read under this name unless also named on its own."""
        if key not in self.named:
            self.listed_files.add(key)
            self.out.files.append(path)


def collect(paths: Iterable[Path]) -> Collected:
    """Record files under ``paths`` (folders searched, sorted), and the skipped.

    Folders are searched recursively, following links to folders (each
    folder once, so a link loop ends). A file is read under each name a
    folder lists it by (a link or a hard link to a record is a record file
    of its own); a file named directly is read whatever its suffix, and once
    even when a folder given too holds it. Unreadable folders, dangling links, FIFOs and
    devices, and files whose suffix is a record suffix in another case
    (``.YAML``) are reported as skipped, and so is a given path, or a link
    found, that resolves outside the records tree (:func:`tree_folder`) of
    the path given: ``read.outside``, its folder not walked.
    """
    walk = _Walk()
    for path in paths:
        walk.given(path)
    return walk.out


@dataclass(frozen=True)
class Text:
    """A file's decoded text and the path it is reported under."""

    path: str
    text: str


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def _read_bytes(handle: int, size: int, max_bytes: int) -> bytes:
    """Up to ``max_bytes`` + 1 bytes of an open file whose size ``fstat`` gave as ``size``.

    Plain ``os.read`` calls sized by ``fstat``: a file object, or one read of
    ``max_bytes`` + 1, cost more than the rest of reading a small record
    (half the read stage; ``docs/performance.md``: validate). A file that
    grew meanwhile is read on.
    """
    data = os.read(handle, min(size, max_bytes) + 1)
    parts, total = [data], len(data)
    while data and total <= max_bytes:
        data = os.read(handle, max_bytes + 1 - total)
        parts.append(data)
        total += len(data)
    return data if len(parts) == 1 else b"".join(parts)


def read_text(
    path: str | Path, shown: str | None = None, max_bytes: int = MAX_BYTES
) -> Text | Finding:
    """Read ``path`` as UTF-8 text, or return the finding that says why not."""
    name = shown if shown is not None else str(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            info = os.fstat(handle)
            if not stat.S_ISREG(info.st_mode):
                kind = "Is a directory" if stat.S_ISDIR(info.st_mode) else kind_of(info.st_mode)
                return Finding(name, 0, 0, "read.io", "error", f"cannot read file: {kind}")
            data = _read_bytes(handle, info.st_size, max_bytes)
        finally:
            os.close(handle)
    except OSError as error:
        return Finding(name, 0, 0, "read.io", "error", f"cannot read file: {error.strerror}")
    if len(data) > max_bytes:
        return Finding(
            name, 0, 0, "read.too-large", "error", f"file is larger than {max_bytes:,} bytes"
        )
    if (nul := data.find(b"\0")) >= 0:
        line, column = _position(data, nul)
        return Finding(name, line, column, "read.nul-byte", "error", "file contains a NUL byte")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        return Finding(
            name,
            line,
            column,
            "read.encoding",
            "error",
            f"file is not valid UTF-8 (byte 0x{data[error.start]:02x})",
        )
    return Text(name, text.removeprefix("\ufeff"))


def read_inside(path: str | Path, shown: str) -> Text | Finding:
    """:func:`read_text` of a file its tree names (a report text, ``VERSION``, ``withdrawn.json``).

    Unless :func:`linked_out` refuses it: then the ``read.outside`` finding,
    and nothing is read.
    """
    if (why := linked_out(path)) is not None:
        return Finding(shown, 0, 0, "read.outside", "error", why)
    return read_text(path, shown)
