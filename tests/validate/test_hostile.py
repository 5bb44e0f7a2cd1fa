"""Hostile input through the command line: a clear finding, exit 1, never a traceback."""

import hashlib
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO

BOMB = (
    "type: meeting\n"
    + "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n"
        for i in range(1, 12)
    )
)


def _validate(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pakru", "validate", str(root), "--select", "read,yaml,schema"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


CASES: list[tuple[str, bytes, str]] = [
    (
        "object-tag",
        b"type: meeting\nid: !!python/object/apply:os.system [echo hacked]\n",
        "meetings/x.yaml:2:5: error[yaml.tag] tag 'tag:yaml.org,2002:python/object/apply:os.system'"
        " is not allowed in records",
    ),
    (
        "alias-bomb",
        BOMB.encode(),
        "meetings/x.yaml:2:5: error[yaml.alias] anchor &a0 is not allowed in records",
    ),
    (
        "duplicate-key",
        b"type: meeting\nid: x\nid: y\n",
        "meetings/x.yaml:3:1: error[yaml.duplicate-key] duplicate key 'id' (first on line 2)",
    ),
    (
        "unquoted-no",
        b"type: meeting\nid: x\nlocation: {city: NO, country: NO, venue: null}\n",
        "meetings/x.yaml:3:18: warning[yaml.ambiguous-scalar] location.city: plain 'NO' is a "
        "boolean in YAML 1.1 "
        "and a string here; quote it",
    ),
    (
        "invalid-utf8",
        b"type: meeting\ntitle: caf\xe9\n",
        "meetings/x.yaml:2:11: error[read.encoding] file is not valid UTF-8 (byte 0xe9)",
    ),
    ("empty", b"", "meetings/x.yaml:1:1: error[yaml.empty] file holds no record"),
    (
        "nul-byte",
        b"type: meeting\x00\n",
        "meetings/x.yaml:1:14: error[read.nul-byte] file contains a NUL byte",
    ),
    (
        "tab-indent",
        b"type: meeting\nlocation:\n\tcity: Moscow\n",
        "meetings/x.yaml:3:1: error[yaml.tab] tab used for indentation; use spaces",
    ),
]


@pytest.mark.parametrize(("name", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_hostile_file(
    name: str, content: bytes, expected: str, write_tree: Callable[[dict[str, str]], Path]
) -> None:
    root = write_tree({})
    (root / "meetings").mkdir(parents=True)
    (root / "meetings" / "x.yaml").write_bytes(content)
    done = _validate(root)
    assert done.returncode == 1, done.stdout
    assert "Traceback" not in done.stderr
    assert f"{root}/{expected}" in done.stdout.splitlines()


def test_a_bad_file_never_stops_the_other_files_findings(tmp_path: Path) -> None:
    """``!!map`` on a scalar once raised KeyError and ended the run; a control
    character gave a finding without a line."""
    root = tmp_path / "records" / "meetings"
    root.mkdir(parents=True)
    (root / "a.yaml").write_bytes(b"type: meeting\nid: a\ntitle: !!map foo\n")
    (root / "b.yaml").write_bytes(b"type: meeting\nid: b\ntitle: !!seq foo\n")
    (root / "c.yaml").write_bytes(b"type: meeting\nid: c\ntitle: x\x1by\n")
    done = _validate(root.parent)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stdout.splitlines()[:3] == [
        f"{root}/a.yaml:3:8: error[yaml.tag] tag !!map cannot be on a scalar",
        f"{root}/b.yaml:3:8: error[yaml.tag] tag !!seq cannot be on a scalar",
        f"{root}/c.yaml:3:9: error[yaml.syntax] invalid YAML: control character U+001B is not "
        "allowed; write it as an escape in a double-quoted string",
    ]


def test_load_raises_the_dataset_error_not_a_key_error(tmp_path: Path) -> None:
    import pakru  # noqa: PLC0415

    root = tmp_path / "records"
    shutil.copytree(REPO / "tests" / "cases" / "_base", root)
    (root / "meetings" / "bad.yaml").write_bytes(b"type: meeting\nid: bad\ntitle: !!map x\n")
    with pytest.raises(pakru.DatasetError) as raised:
        pakru.load(root)
    assert "yaml.tag" in str(raised.value)
    assert "bad.yaml:3:8" in str(raised.value)


def test_fifty_megabyte_file_is_refused_unread(tmp_path: Path) -> None:
    root = tmp_path / "records" / "meetings"
    root.mkdir(parents=True)
    with (root / "big.yaml").open("wb") as handle:
        handle.write(b"type: meeting\n")
        handle.truncate(50 * 1024 * 1024)
    done = _validate(root.parent)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stdout.splitlines()[0] == (
        f"{root}/big.yaml: error[read.too-large] file is larger than 1,000,000 bytes"
    )


def _snapshot(root: Path) -> dict[str, tuple[int, str]]:
    return {
        p.relative_to(root).as_posix(): (
            p.stat().st_mtime_ns,
            hashlib.sha256(p.read_bytes()).hexdigest(),
        )
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_validator_never_writes_to_the_records(tmp_path: Path) -> None:
    records = tmp_path / "records"
    shutil.copytree(REPO / "records", records)
    (records / "meetings" / "bad.yaml").write_text("type: meeting\nid: bad\nid: worse\n")
    before = _snapshot(records)
    for fmt in ("text", "json", "github"):
        subprocess.run(
            [sys.executable, "-m", "pakru", "validate", str(records), "--format", fmt],
            capture_output=True,
            check=False,
            timeout=60,
        )
    assert _snapshot(records) == before
