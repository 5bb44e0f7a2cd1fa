"""``pakru.load()`` from the user cache: a hit is identical, a change misses, bad entries fail."""

import hashlib
import io
import os
import pickle
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import pakru
from pakru import loading
from pakru.dataset import Dataset
from pakru.tools.tree import RECORDS_ENV, shipped_records
from pakru.validate import cache
from pakru.validate.cache import ENV, HEADER, digest, folder, read_dataset
from tests.canonical import canonical
from tests.conftest import REPO


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own (made on first use)."""
    path = tmp_path / "cache"
    monkeypatch.setenv(ENV, str(path))
    return path


@pytest.fixture(scope="module")
def validated() -> Dataset:
    """The shipped records, read, parsed and validated in full."""
    return loading._load(())


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped records as ``records/`` of the working folder: what
    ``pakru.load()`` with no argument finds and keeps in the cache."""
    root = tmp_path / "checkout"
    shutil.copytree(shipped_records(), root / "records", ignore=shutil.ignore_patterns("__py*"))
    monkeypatch.chdir(root)
    monkeypatch.delenv(RECORDS_ENV, raising=False)
    return root / "records"


@pytest.fixture
def full_loads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, ...]]:
    """The full loads made from now on (each is also made)."""
    made: list[tuple[Path, ...]] = []
    full = loading._load

    def counted(paths: tuple[Path, ...]) -> Dataset:
        made.append(paths)
        return full(paths)

    monkeypatch.setattr(loading, "_load", counted)
    return made


def _entries(path: Path) -> list[Path]:
    return sorted(path.glob("dataset-*.pickle"))


def _same(one: Dataset, other: Dataset) -> None:
    assert canonical(one.records) == canonical(other.records)  # set fields too, at every depth
    assert list(one.texts.items()) == list(other.texts.items())
    assert (one.version, one.withdrawn) == (other.version, other.withdrawn)
    assert repr(one) == repr(other)


def test_a_second_load_comes_from_the_cache_identical(
    cache_dir: Path, checkout: Path, full_loads: list[tuple[Path, ...]], validated: Dataset
) -> None:
    first = pakru.load()
    assert full_loads == [(checkout,)]
    assert len(_entries(cache_dir)) == 1
    second = pakru.load()
    assert full_loads == [(checkout,)]  # no full load: the cache
    assert second is not first
    _same(second, first)
    _same(second, validated)


def test_canonical_tells_set_fields_apart(validated: Dataset) -> None:
    record = validated.records[0]
    rebuilt = type(record).model_construct(_fields_set={"id"}, **record.__dict__)
    assert rebuilt == record
    assert canonical(rebuilt) != canonical(record)


@pytest.mark.parametrize("change", ["edit", "add", "remove", "rename", "text", "version"])
def test_a_changed_records_tree_misses(
    cache_dir: Path, checkout: Path, full_loads: list[tuple[Path, ...]], change: str
) -> None:
    pakru.load()
    meeting = checkout / "meetings" / "cgss-12.yaml"
    if change == "edit":
        text = meeting.read_text(encoding="utf-8")
        meeting.write_text(text.replace("title: ", "title: Edited ", 1), encoding="utf-8")
    elif change == "add":
        shutil.copy(checkout / "people" / "sergey-ryabkov.yaml", checkout / "people" / "x.yaml")
    elif change == "remove":
        next((checkout / "events").glob("*.yaml")).unlink()
    elif change == "rename":
        meeting.rename(checkout / "meetings" / "renamed.yaml")
    elif change == "text":  # a report's text: a quote may no longer be in it
        report = next((checkout / "sources" / "text").iterdir())
        report.write_text(report.read_text(encoding="utf-8") + "More.\n", encoding="utf-8")
    else:
        (checkout / "VERSION").write_text("9.9.9\n", encoding="utf-8")
    loaded = pakru.load()
    assert len(full_loads) == 2  # the change was read, not the cache
    assert len(_entries(cache_dir)) == 2
    if change == "edit":
        assert loaded.meeting("cgss-12").title.startswith("Edited ")
    if change == "version":
        assert loaded.version == "9.9.9"


def test_a_changed_model_changes_the_key(tmp_path: Path) -> None:
    schema = tmp_path / "schema"
    shutil.copytree(Path(sys.modules["pakru.schema"].__file__ or "").parent, schema)
    records = shipped_records()
    assert digest(records, schema) == digest(records)
    model = schema / "meeting.py"
    model.write_text(model.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert digest(records, schema) != digest(records)


def test_the_key_names_the_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    import pydantic.version  # noqa: PLC0415

    before = digest(shipped_records())
    monkeypatch.setattr(pydantic.version, "VERSION", "2.999")
    assert digest(shipped_records()) != before


def test_a_copy_of_the_records_has_the_same_key(tmp_path: Path) -> None:
    # the key is of paths and bytes, not of where the folder is
    copy = tmp_path / "records"
    shutil.copytree(shipped_records(), copy, ignore=shutil.ignore_patterns("__py*"))
    assert digest(copy) == digest(shipped_records())


def _damaged(entry: Path, how: str) -> None:
    whole = entry.read_bytes()
    if how == "truncated":
        entry.write_bytes(whole[: len(whole) // 2])
    elif how == "a byte changed":  # the checksum no longer matches
        entry.write_bytes(whole[:-10] + bytes([whole[-10] ^ 1]) + whole[-9:])
    elif how == "another key":
        entry.write_bytes(whole.replace(entry.stem.removeprefix("dataset-").encode(), b"0" * 64))
    elif how == "not an entry":
        entry.write_bytes(b"anything at all")
    else:
        entry.write_bytes(b"")


@pytest.mark.parametrize(
    "how", ["truncated", "a byte changed", "another key", "not an entry", "empty"]
)
def test_a_damaged_entry_is_ignored_and_replaced(
    cache_dir: Path, checkout: Path, full_loads: list[tuple[Path, ...]], how: str
) -> None:
    first = pakru.load()
    (entry,) = _entries(cache_dir)
    _damaged(entry, how)
    _same(pakru.load(), first)
    assert len(full_loads) == 2  # a full load, not the damaged entry
    pakru.load()
    assert len(full_loads) == 2  # and the entry it wrote is good
    assert _entries(cache_dir) == [entry]


def _forged(entry: Path, payload: object) -> None:
    """Replace ``entry`` with a well-formed one (key, checksum) holding ``payload``."""
    key = entry.stem.removeprefix("dataset-")
    body = pickle.dumps(payload, protocol=5)
    checksum = hashlib.sha256(body).hexdigest()
    entry.write_bytes(HEADER + f"{key}\n{checksum}\n".encode() + body)


@pytest.mark.parametrize("foreign", [Path("x"), print, subprocess.run, os.system])
def test_an_entry_naming_another_class_or_function_is_refused(
    cache_dir: Path, checkout: Path, full_loads: list[tuple[Path, ...]], foreign: object
) -> None:
    pakru.load()
    (entry,) = _entries(cache_dir)
    _forged(entry, ((foreign,), {}, None, ()))
    assert read_dataset(checkout)[1] is None
    body = entry.read_bytes().split(b"\n", 3)[3]
    with pytest.raises(pickle.UnpicklingError, match="may not name"):
        cache._Unpickler(io.BytesIO(body)).load()
    pakru.load()
    assert len(full_loads) == 2


@pytest.mark.parametrize(
    "payload",
    [(1, 2, 3, 4), ("abc", {}, None, ()), ((), {1: "x"}, None, ()), ((), {}, 1.5, ()), [1, 2]],
)
def test_an_entry_of_another_shape_is_refused(
    cache_dir: Path, checkout: Path, full_loads: list[tuple[Path, ...]], payload: object
) -> None:
    pakru.load()
    (entry,) = _entries(cache_dir)
    _forged(entry, payload)
    assert read_dataset(checkout)[1] is None
    assert len(pakru.load()) > 0  # no error: a full load
    assert len(full_loads) == 2


def test_a_forged_entry_of_pakrus_own_classes_is_what_is_read(
    cache_dir: Path, checkout: Path, validated: Dataset
) -> None:
    # the checksum guards against damage, not against the owner of the folder: only
    # pakru's own classes are ever made, so the worst a forger gets is other records
    pakru.load()
    (entry,) = _entries(cache_dir)
    _forged(entry, (validated.records[:1], {}, "0.0.1", ()))
    found = pakru.load()
    assert (len(found), found.version) == (1, "0.0.1")


def test_an_entry_another_user_owns_is_refused(
    cache_dir: Path,
    checkout: Path,
    full_loads: list[tuple[Path, ...]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pakru.load()
    owner = cache_dir.stat().st_uid
    monkeypatch.setattr(os, "getuid", lambda: owner + 1)
    assert read_dataset(checkout)[1] is None
    pakru.load()
    assert len(full_loads) == 2


def test_the_folder_is_safe_to_delete(
    cache_dir: Path, checkout: Path, full_loads: list[tuple[Path, ...]]
) -> None:
    first = pakru.load()
    shutil.rmtree(cache_dir)
    _same(pakru.load(), first)
    assert len(full_loads) == 2
    assert len(_entries(cache_dir)) == 1  # made again


def test_an_empty_variable_turns_the_cache_off(
    checkout: Path, full_loads: list[tuple[Path, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, "")
    assert folder() is None
    pakru.load()
    pakru.load()
    assert len(full_loads) == 2


@pytest.mark.parametrize("inside", ["records", "package", "a file"])
def test_no_cache_inside_the_records_or_the_package_or_where_it_cannot_be(
    checkout: Path,
    full_loads: list[tuple[Path, ...]],
    monkeypatch: pytest.MonkeyPatch,
    inside: str,
) -> None:
    package = Path(pakru.__file__).parent
    before = sorted(package.rglob("*"))
    blocker = checkout.parent / "a-file"
    blocker.write_text("", encoding="utf-8")
    where = {
        "records": checkout / "cache",
        "package": package / "cache",
        "a file": blocker / "cache",
    }[inside]
    monkeypatch.setenv(ENV, str(where))
    assert folder(besides=checkout) is None
    pakru.load()
    pakru.load()
    assert len(full_loads) == 2  # no cache, and no error either
    assert not where.exists()
    assert sorted(package.rglob("*")) == before


def test_the_default_folder_is_the_platforms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert folder() == (tmp_path / "xdg" / "pakru").resolve()
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert folder() == (tmp_path / "home" / ".cache" / "pakru").resolve()


def test_the_newest_entries_are_kept(cache_dir: Path, checkout: Path) -> None:
    version = checkout / "VERSION"
    for n in range(cache.KEEP + 2):
        version.write_text(f"1.0.{n}\n", encoding="utf-8")
        assert pakru.load().version == f"1.0.{n}"
    assert len(_entries(cache_dir)) == cache.KEEP


def _run(code: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return done.stdout.strip()


def test_load_of_the_shipped_records_from_the_cache_builds_no_validator(
    cache_dir: Path, tmp_path: Path
) -> None:
    # what makes it fast: no YAML parser, no model's validator built (defer_build),
    # of the validator only the cache; the first process loads in full and keeps it
    env = {**os.environ, ENV: str(cache_dir)}
    env.pop(RECORDS_ENV, None)
    code = (
        "import os, sys, pakru; from pakru.schema import Meeting; os.chdir(sys.argv[1]); "
        "ds = pakru.load(); print(len(ds), Meeting.__pydantic_complete__, "
        "sorted(m for m in sys.modules if m.startswith(('yaml', 'pakru.validate'))))"
    )
    code = code.replace("sys.argv[1]", repr(str(tmp_path)))  # no records tree from there
    first = _run(code, env)
    assert "'pakru.validate.load'" in first  # loaded in full
    again = _run(code, env)
    assert again.split(" ", 1) == [
        first.split(" ", 1)[0],
        "False ['pakru.validate', 'pakru.validate.cache']",
    ]


def test_nothing_built_is_committed_or_shipped() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "*.pickle"], capture_output=True, text=True, check=True, cwd=REPO
    ).stdout
    assert tracked == ""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    data: dict[str, list[str]] = pyproject["tool"]["setuptools"]["package-data"]
    assert not any("pickle" in pattern for patterns in data.values() for pattern in patterns)
