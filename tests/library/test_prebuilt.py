"""``pakru.load()`` of the shipped records from the prebuilt file: current, identical, safe."""

import pickle
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from pydantic.version import VERSION as PYDANTIC

from pakru import prebuilt
from pakru.dataset import Dataset
from pakru.loading import _load
from pakru.prebuilt import HEADER, PREBUILT_FILE, canonical, digest, read
from pakru.tools.tree import shipped_records

STALE = "src/pakru/prebuilt.pickle is stale: run 'python -m pakru.prebuilt'"


@pytest.fixture(scope="module")
def validated() -> Dataset:
    """The shipped records, read, parsed and validated in full."""
    return _load(())


def test_the_prebuilt_file_is_current() -> None:
    assert not prebuilt.stale(), STALE


def test_the_prebuilt_dataset_is_identical_to_the_validated_one(validated: Dataset) -> None:
    fast = read(shipped_records())
    assert fast is not None, STALE
    assert [r.id for r in fast.records] == [r.id for r in validated.records]
    for mine, theirs in zip(fast.records, validated.records, strict=True):
        assert type(mine) is type(theirs)
        assert mine == theirs
        # == ignores which fields were set; canonical() compares them at every depth
        assert canonical(mine) == canonical(theirs), mine.id
    assert list(fast.texts.items()) == list(validated.texts.items())
    assert fast.version == validated.version
    assert fast.withdrawn == validated.withdrawn
    assert repr(fast) == repr(validated)


def test_canonical_tells_set_fields_apart(validated: Dataset) -> None:
    record = validated.records[0]
    rebuilt = type(record).model_construct(_fields_set={"id"}, **record.__dict__)
    assert rebuilt == record
    assert canonical(rebuilt) != canonical(record)


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "records"
    shutil.copytree(shipped_records(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_a_copy_of_the_records_is_read_from_the_file(tmp_path: Path) -> None:
    # the digest is of paths and bytes, not of where the folder is
    assert read(_copy(tmp_path)) is not None, STALE


@pytest.mark.parametrize("change", ["edit", "add", "remove", "rename"])
def test_a_changed_records_folder_is_not_read_from_the_file(tmp_path: Path, change: str) -> None:
    records = _copy(tmp_path)
    meeting = next((records / "meetings").glob("*.yaml"))
    if change == "edit":
        meeting.write_bytes(meeting.read_bytes() + b"# edited\n")
    elif change == "add":
        (records / "meetings" / "added.yaml").write_text("type: meeting\n", encoding="utf-8")
    elif change == "remove":
        meeting.unlink()
    else:
        meeting.rename(meeting.with_name("renamed.yaml"))
    assert read(records) is None


def test_a_changed_model_changes_the_digest(tmp_path: Path) -> None:
    schema = tmp_path / "schema"
    shutil.copytree(Path(sys.modules["pakru.schema"].__file__ or "").parent, schema)
    records = shipped_records()
    assert digest(records, schema) == digest(records)
    model = schema / "meeting.py"
    model.write_text(model.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert digest(records, schema) != digest(records)


def _file_with(tmp_path: Path, payload: object, stated: str) -> Path:
    path = tmp_path / "prebuilt.pickle"
    path.write_bytes(HEADER + stated.encode() + b"\n" + pickle.dumps(payload, protocol=5))
    return path


def test_another_digest_is_not_read(tmp_path: Path, validated: Dataset) -> None:
    payload = (validated.records, dict(validated.texts), validated.version, ())
    records = shipped_records()
    assert read(records, _file_with(tmp_path, payload, digest(records))) is not None
    assert read(records, _file_with(tmp_path, payload, "0" * 64)) is None
    assert read(records, tmp_path / "missing.pickle") is None


def test_the_file_can_name_no_other_class_or_function(tmp_path: Path) -> None:
    records = shipped_records()
    for foreign in (Path("x"), print, subprocess.run):
        assert read(records, _file_with(tmp_path, (foreign,), digest(records))) is None
        body = _file_with(tmp_path, (foreign,), "").read_bytes().split(b"\n", 2)[2]
        with pytest.raises(pickle.UnpicklingError, match="may not name"):
            prebuilt._Unpickler(__import__("io").BytesIO(body)).load()


def test_load_of_the_shipped_records_builds_no_validator() -> None:
    # what makes it fast: no validator module, no YAML parser, no model's
    # validator built (defer_build); a stale file would load in full instead
    code = (
        "import sys, pakru; from pakru.schema import Meeting; ds = pakru.load(); "
        "print(len(ds), Meeting.__pydantic_complete__, "
        "sorted(m for m in sys.modules if m.startswith(('yaml', 'pakru.validate'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split(" ", 1)[1].strip() == "False []", STALE


def test_the_file_is_package_data() -> None:
    assert PREBUILT_FILE.is_file()
    pyproject = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    assert '"prebuilt.pickle"' in pyproject


def test_an_unreadable_records_folder_is_not_read_from_the_file(tmp_path: Path) -> None:
    records = _copy(tmp_path)
    (records / "meetings" / "loop").symlink_to(records / "meetings")  # a folder inside itself
    assert read(records) is None
    assert read(tmp_path / "missing") is None


def test_a_damaged_file_is_not_read(tmp_path: Path) -> None:
    records = shipped_records()
    whole = PREBUILT_FILE.read_bytes()
    for damaged in (whole[: len(whole) // 2], whole[:-1], whole.replace(b"Meeting", b"Meetinx")):
        path = tmp_path / "prebuilt.pickle"
        path.write_bytes(damaged)
        assert read(records, path) is None


def test_the_test_extra_pins_the_installed_pydantic() -> None:
    """A new pydantic release must not turn a fresh machine's tests red.

    The prebuilt file's digest names the pydantic it was built with, so the
    test extra pins that exact version: installing it gives the pydantic the
    file was written for, and upgrading it is a deliberate change that comes
    with ``python -m pakru.prebuilt``.
    """
    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text("utf-8"))
    pins = [r for r in project["project"]["optional-dependencies"]["test"] if "pydantic" in r]
    assert pins == [f"pydantic=={PYDANTIC}"], "pin the installed pydantic in the test extra"
