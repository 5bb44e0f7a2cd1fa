"""The record cache of ``pakru validate --cache`` / ``pakru validate FILE`` (issue 28 point 3).

A run that takes records back from the user cache reports exactly what a
run that parses and builds every file reports, after any edits to the tree;
only the edited files are parsed again.
"""

import random
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks import corpus
from pakru.validate import cache, load
from pakru.validate.findings import Finding
from pakru.validate.run import check

Edit = tuple[str, int, int]
"""(what, which file, a choice): modify, break, remove, add a copy, or edit a report text."""

EDITS = st.lists(
    st.tuples(
        st.sampled_from(["modify", "break", "remove", "copy", "text"]),
        st.integers(0, 10_000),
        st.integers(0, 10_000),
    ),
    min_size=1,
    max_size=4,
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated records tree of 40 records (clean), written once."""
    root = tmp_path_factory.mktemp("base") / "records"
    corpus.write(corpus.build(40, random.Random(7)), root)  # noqa: S311 - not crypto
    return root


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder for this test alone."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(folder))
    return folder


def _records(tree: Path) -> list[Path]:
    return sorted(p for p in tree.rglob("*.yaml") if p.is_file())


def _edit(tree: Path, edit: Edit) -> Path | None:
    """Apply ``edit`` to ``tree``; the record file it changed or added, if any."""
    what, which, choice = edit
    files = _records(tree)
    if what == "text":
        texts = sorted(tree.glob("*/text/*.txt"))
        text = texts[which % len(texts)]
        words = text.read_text(encoding="utf-8").split(" ")
        del words[choice % len(words)]  # may orphan a quote of a record that did not change
        text.write_text(" ".join(words), encoding="utf-8")
        return None
    if not files:
        return None
    path = files[which % len(files)]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    if what == "remove":
        path.unlink()
        return None
    if what == "copy":  # a second file: wrong file name, duplicate id
        copy = path.with_name(f"copy-{choice}.yaml")
        if copy == path:  # the file is that copy already: nothing to add
            return None
        shutil.copyfile(path, copy)
        return copy
    line = choice % len(lines)
    if what == "break":
        lines.insert(line, ": [\n")
    else:  # change a value: a date, an id, a reference, a title…
        key, colon, value = lines[line].partition(": ")
        lines[line] = f"{key}{colon}x{value}" if colon else lines[line].replace("-", "- x", 1)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _both(paths: list[Path], *, incremental: bool) -> tuple[list[Finding], list[Finding]]:
    """Findings of a cached run (the cache warm) and of a run that builds every file."""
    warm = check(paths, incremental=incremental, cached=True).findings
    full = check(paths, incremental=incremental, cached=False).findings
    return warm, full


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(edits=EDITS)
def test_cached_runs_report_what_full_runs_report(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edits: list[Edit]
) -> None:
    # a fresh folder per example: hypothesis replays an example with the same random seed
    work = Path(tempfile.mkdtemp(prefix="run-", dir=tmp_path))
    try:
        monkeypatch.setenv(cache.ENV, str(work / "cache"))
        tree = work / "records"
        shutil.copytree(base, tree)
        check([tree], cached=True)  # the cache, warm with every record before the edits
        changed = [p for p in (_edit(tree, e) for e in edits) if p is not None and p.exists()]
        warm, full = _both([tree], incremental=False)
        assert warm == full
        if changed:  # pakru validate FILE...: the files against their tree
            warm, full = _both(changed, incremental=True)
            assert warm == full
    finally:
        shutil.rmtree(work)


@pytest.fixture
def tree(base: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "records"
    shutil.copytree(base, copy)
    return copy


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files parsed from now on (by the cached route)."""
    seen: list[str] = []
    parse = load._parse_read

    def counted(path: Path, shown: str, text: object) -> load.FileRead:
        seen.append(path.name)
        return parse(path, shown, text)  # type: ignore[arg-type]

    monkeypatch.setattr(load, "_parse_read", counted)
    return seen


def test_a_warm_run_parses_only_the_edited_file(
    tree: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = check([tree], cached=True).findings
    assert list(own_cache.glob("records-*.pickle"))  # kept in the cache folder, nowhere else
    assert not list(tree.rglob("*.pickle"))
    seen = _parses(monkeypatch)
    assert check([tree], cached=True).findings == first
    assert seen == []
    meeting = next(iter(sorted((tree / "meetings").glob("*.yaml"))))
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace("status: held", "status: helt"), encoding="utf-8")
    found = check([meeting], incremental=True, cached=True).findings
    assert seen == [meeting.name]
    line = text.splitlines().index("status: held") + 1
    assert [(f.path, f.line, f.rule) for f in found] == [
        (str(meeting), line, "schema.invalid-value")
    ]


def test_other_code_or_versions_mean_no_cached_record(
    tree: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check([tree], cached=True)
    seen = _parses(monkeypatch)
    monkeypatch.setattr(cache, "versions", lambda: "another pydantic, another rule")
    check([tree], cached=True)
    assert len(seen) == len(_records(tree))


def test_a_damaged_cache_entry_is_ignored(tree: Path, own_cache: Path) -> None:
    first = check([tree], cached=True).findings
    (entry,) = own_cache.glob("records-*.pickle")
    data = entry.read_bytes()
    entry.write_bytes(data[:-10] + b"0123456789")  # the checksum no longer holds
    assert check([tree], cached=True).findings == first
    shutil.rmtree(own_cache)  # safe to delete at any time
    assert check([tree], cached=True).findings == first


def test_a_cache_entry_naming_another_class_is_refused(tree: Path, own_cache: Path) -> None:
    import hashlib  # noqa: PLC0415
    import pickle  # noqa: PLC0415

    check([tree], cached=True)
    (entry,) = own_cache.glob("records-*.pickle")
    header, key, _, _ = entry.read_bytes().split(b"\n", 3)
    body = pickle.dumps({"k": (Path("x"), ())})  # a class no cache entry may name
    checksum = hashlib.sha256(body).hexdigest().encode()
    entry.write_bytes(b"\n".join((header, key, checksum, body)))
    assert cache._read_records(entry, key.decode()) == {}
