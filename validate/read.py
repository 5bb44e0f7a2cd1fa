"""Stage 1, read: file bytes → text, with size, encoding and NUL checks."""

from dataclasses import dataclass
from pathlib import Path

from pakru.validate.findings import Finding

MAX_BYTES = 1_000_000
"""Largest record or source file accepted; a record is a few kilobytes."""


@dataclass(frozen=True)
class Text:
    """A file's decoded text and the path it is reported under."""

    path: str
    text: str


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def read_text(path: Path, shown: str | None = None, max_bytes: int = MAX_BYTES) -> Text | Finding:
    """Read ``path`` as UTF-8 text, or return the finding that says why not."""
    name = shown if shown is not None else str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
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
