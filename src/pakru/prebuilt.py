"""The shipped records, validated once: ``pakru.load()`` without building a validator.

Reading and validating the shipped records (a few dozen small files) costs
little in itself; building the models' validators costs far more. So the
result of a full load of the shipped records (the records, the report texts,
the data version and the withdrawn ids) is kept in ``prebuilt.pickle`` beside
this module, written by ``python -m pakru.prebuilt``, with a digest of what it
was built from:

- every file in the records folder (its path and bytes);
- every file of the ``pakru.schema`` package folder (the models, their rules
  and the reference extract);
- the pydantic and pydantic-core versions.

``pakru.load()`` without arguments computes the digest again and uses the
file only when it matches. Anything else, an edited, added or removed record,
a changed model, another pydantic, a missing or unreadable file, means a full
load that validates every record, as for any other folder. The file is read
by an unpickler that can make pakru's models, dates and
:class:`~pakru.dataset.versions.Withdrawal` and nothing else: no other class or
function named in it is ever imported or called.

``tests/library/test_prebuilt.py`` fails when the file is stale (its digest or
its records differ from a full load of today's records) and checks that every
record, text, the version and the withdrawn ids it gives are identical to
the validated ones.
"""

import datetime as dt
import hashlib
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pakru.dataset import Dataset
from pakru.dataset.versions import Withdrawal
from pakru.schema import Record
from pakru.schema.base import Model
from pakru.tools.tree import shipped_records

try:  # the C unpickler itself: the pickle module's own import costs a millisecond more
    from _pickle import Unpickler, UnpicklingError
except ImportError:  # pragma: no cover - an interpreter without it
    from pickle import Unpickler, UnpicklingError

# beside the real module: in a strict editable install, the checkout's file
PREBUILT_FILE = Path(__file__).resolve().with_name("prebuilt.pickle")
HEADER = b"pakru-prebuilt 1\n"
"""The file's first line; then the digest in hex and a newline, then the pickle."""

Payload = tuple[tuple[Record, ...], dict[str, str], str | None, tuple[Withdrawal, ...]]
"""What the pickle holds: the records, the texts, the data version and the withdrawn ids."""


def _files(folder: Path, *, recurse: bool) -> Iterator[tuple[str, str]]:
    """(path relative to ``folder``, path on disk) of every file, sorted; caches skipped."""
    with os.scandir(folder) as it:
        entries = sorted(it, key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir():
            if recurse and entry.name != "__pycache__":
                for rel, path in _files(Path(entry.path), recurse=True):
                    yield f"{entry.name}/{rel}", path
        elif entry.is_file():
            yield entry.name, entry.path


def _schema_folder() -> Path:
    return Path(sys.modules["pakru.schema"].__file__ or "").parent


def digest(records: Path, schema: Path | None = None) -> str:
    """What a prebuilt dataset depends on: the records and schema files, and pydantic."""
    from pydantic.version import VERSION  # noqa: PLC0415 - already imported by the models
    from pydantic_core import __version__ as core  # noqa: PLC0415

    h = hashlib.sha256(f"pydantic {VERSION}, pydantic-core {core}\n".encode())
    # the records recursively; the schema package's own files (json/ is generated from them)
    for name, folder, recurse in (
        ("records", records, True),
        ("schema", schema or _schema_folder(), False),
    ):
        for rel, path in _files(folder, recurse=recurse):
            with open(path, "rb") as f:  # noqa: PTH123 - the plain call, no Path per file
                data = f.read()
            h.update(f"{name}/{rel} {len(data)}\n".encode())
            h.update(data)
    return h.hexdigest()


class _Unpickler(Unpickler):
    """Makes pakru's models, dates and withdrawals; refuses any other class or function."""

    def find_class(self, module: str, name: str) -> Any:
        found = getattr(sys.modules.get(module), name, None)
        if (module, name) in (("datetime", "date"), ("pakru.dataset.versions", "Withdrawal")) or (
            module.startswith("pakru.schema.")
            and isinstance(found, type)
            and issubclass(found, Model)
        ):
            return found
        raise UnpicklingError(f"prebuilt data may not name {module}.{name}")


def _payload(dataset: Dataset) -> Payload:
    return (
        dataset.records,
        dict(dataset.texts),
        dataset.version,
        tuple(dataset.withdrawn.values()),
    )


def _dataset(payload: Payload) -> Dataset:
    records, texts, version, withdrawn = payload
    return Dataset(records, texts, version=version, withdrawn=withdrawn)


def _read_payload(path: Path, expected: str | None) -> tuple[str, Payload] | None:
    """The digest and payload in ``path``; None when missing, malformed or not ``expected``."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(HEADER):
        return None
    stated, _, body = data[len(HEADER) :].partition(b"\n")
    if expected is not None and stated != expected.encode():
        return None
    try:
        payload = _Unpickler(io.BytesIO(body)).load()
    except Exception:  # a damaged file, of whatever kind, means a full load
        return None
    return stated.decode(), payload


def read(records: Path, path: Path = PREBUILT_FILE) -> Dataset | None:
    """The prebuilt dataset when it was built from exactly ``records`` and today's models."""
    if not path.exists():
        return None
    try:
        expected = digest(records)
    except (OSError, RecursionError):  # unreadable, or a folder linked into itself
        return None  # the full load says what is wrong, with file and rule
    found = _read_payload(path, expected)
    return _dataset(found[1]) if found else None


def build() -> tuple[str, Payload]:
    """A full load of the shipped records, validated, and the digest it depends on."""
    from pakru.validate.pipeline import load_dataset  # noqa: PLC0415 - the full loader, only here
    from pakru.validate.report import text  # noqa: PLC0415

    loaded = load_dataset()
    errors = [f for f in loaded.findings if f.severity == "error"]
    if errors:  # pakru.load() would raise DatasetError: nothing to prebuild
        raise ValueError("the shipped records have errors:\n" + text(errors))
    return digest(shipped_records()), _payload(loaded.dataset)


def canonical(value: object) -> object:
    """``value`` as plain nested tuples, models with their class and set fields.

    Two models can be ``==`` and still differ in ``model_fields_set`` (what
    ``model_dump(exclude_unset=True)`` leaves out); this form tells them apart.
    """
    if isinstance(value, Model):
        return (
            type(value),
            tuple(sorted(value.model_fields_set)),
            tuple((k, canonical(v)) for k, v in value.__dict__.items()),
        )
    if isinstance(value, tuple | list):
        return (type(value), tuple(canonical(v) for v in value))
    if isinstance(value, dict):
        return (dict, tuple((k, canonical(v)) for k, v in value.items()))
    if isinstance(value, dt.date):
        return (type(value), value.isoformat())
    return (type(value), value)


def stale(path: Path = PREBUILT_FILE) -> bool:
    """Whether ``path`` differs from what :func:`write` would write now."""
    expected, payload = build()
    found = _read_payload(path, expected)
    return found is None or canonical(found[1]) != canonical(payload)


def write(path: Path = PREBUILT_FILE) -> bool:
    """Write the prebuilt dataset; return whether the file changed.

    An unchanged dataset is not written again: pickled sets follow the
    interpreter's string hashing, so the bytes differ from run to run.
    """
    expected, payload = build()
    found = _read_payload(path, expected)
    if found is not None and canonical(found[1]) == canonical(payload):
        return False
    import pickle  # noqa: PLC0415 - writing only

    body = pickle.dumps(payload, protocol=5)
    path.write_bytes(HEADER + expected.encode() + b"\n" + body)
    return True


def main(argv: list[str] | None = None) -> int:
    """``python -m pakru.prebuilt [--check]``: write the file, or exit 1 when it is stale."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--check"]:
        if stale():
            print(f"{PREBUILT_FILE}: stale; run 'python -m pakru.prebuilt'", file=sys.stderr)  # noqa: T201
            return 1
        return 0
    if args:
        print("usage: python -m pakru.prebuilt [--check]", file=sys.stderr)  # noqa: T201
        return 2
    print(f"{'wrote' if write() else 'unchanged'} {PREBUILT_FILE}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
