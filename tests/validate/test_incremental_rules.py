"""Incremental rules (issue 28 point 3): a cached run re-runs a rule only where an edit
reaches (:class:`pakru.validate.registry.Scope`), and still reports exactly what a full run
reports.

Every cross-record rule is tested on its own case tree (``tests/cases/<rule>/invalid``,
where the rule has findings), and all rules together on a generated corpus: random edits
of every kind (a new file, a removed file, an edited id, broken YAML, an edited reference,
date, city, series or other value, an edited quote, an edited report text), two rounds of
them, each compared finding for finding (rule, file, line, column, message) with a run that
parses every file and runs every rule on the whole tree.
"""

import datetime as dt
import random
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks import corpus
from pakru.validate import cache, incremental, run
from pakru.validate.registry import RULES, Context
from pakru.validate.run import check
from tests.validate.test_cases import CASES, build_tree

TODAY = dt.date(2018, 6, 1)
KINDS = ["value", "value", "value", "id", "break", "remove", "new", "quote", "text"]
Edit = tuple[str, int, int, int]
"""(what, which file, a choice, another choice)."""

EDITS = st.lists(
    st.tuples(
        st.sampled_from(KINDS),
        st.integers(0, 10_000),
        st.integers(0, 10_000),
        st.integers(0, 10_000),
    ),
    min_size=1,
    max_size=3,
)
VALUE = re.compile(r"^(?P<lead>\s*(?:- )?)(?P<key>[a-z_]+): (?P<value>\S.*)$")


def _records(tree: Path) -> list[Path]:
    return sorted(p for p in tree.rglob("*.yaml") if p.is_file())


def _values(tree: Path) -> dict[str, list[str]]:
    """Every scalar value of the tree by key: what an edit may put in another file."""
    out: dict[str, set[str]] = {}
    for path in _records(tree):
        for line in path.read_text(encoding="utf-8").splitlines():
            if (m := VALUE.match(line)) is not None:
                out.setdefault(m["key"], set()).add(m["value"])
    return {k: sorted(v) for k, v in out.items()}


def _edit(tree: Path, edit: Edit) -> Path | None:  # noqa: PLR0911, PLR0912 - one branch a kind
    """Apply ``edit`` to ``tree``; the record file it changed or added, if any."""
    what, which, choice, other = edit
    if what == "text":
        texts = sorted(tree.glob("*/text/*.txt"))
        if not texts:
            return None
        text = texts[which % len(texts)]
        words = text.read_text(encoding="utf-8").split(" ")
        del words[choice % len(words)]  # may orphan a quote of a record that did not change
        text.write_text(" ".join(words), encoding="utf-8")
        return None
    files = _records(tree)
    if not files:
        return None
    path = files[which % len(files)]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    if what == "remove":
        path.unlink()
        return None
    if what == "break":
        lines.insert(choice % len(lines), ": [\n")
    elif what == "new":  # a new record: the file's copy under a new id
        new_id = f"{path.stem}-n{choice % 5}"
        copy = path.with_name(f"{new_id}.yaml")
        if copy.exists():
            return None
        text = "".join(lines).replace(f"id: {path.stem}\n", f"id: {new_id}\n", 1)
        copy.write_text(text, encoding="utf-8")
        return copy
    elif what == "id":
        ids = sorted(p.stem for p in files)
        at = next((i for i, line in enumerate(lines) if line.startswith("id: ")), None)
        if at is None:
            return None
        new_id = ids[choice % len(ids)] if other % 2 else f"{path.stem}-x"
        lines[at] = f"id: {new_id}\n"  # another record's id, or one no file is named after
    elif what == "quote":
        quotes = [i for i, line in enumerate(lines) if "quote: " in line]
        if not quotes:
            return None
        at = quotes[choice % len(quotes)]
        words = lines[at].rstrip("\n").split(" ")
        del words[-1 - other % max(1, len(words) - 2)]
        lines[at] = " ".join(words) + "\n"
    else:  # a value taken from another file: a reference, a date, a city, a series…
        values = _values(tree)
        keyed = [i for i, line in enumerate(lines) if VALUE.match(line)]
        if not keyed:
            return None
        at = keyed[choice % len(keyed)]
        m = VALUE.match(lines[at])
        assert m is not None
        donors = [*values.get(m["key"], []), "null"]
        lines[at] = f"{m['lead']}{m['key']}: {donors[other % len(donors)]}\n"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _modes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """How each cached run from now on ran its rules ("full" or "incremental")."""
    seen: list[str] = []
    real = incremental.rerun

    def spy(*args: Any, **kwargs: Any) -> incremental.Rerun:
        again = real(*args, **kwargs)
        seen.append(again.mode)
        return again

    monkeypatch.setattr(run, "rerun", spy)
    return seen


def _compare(tree: Path, edits: list[Edit], modes: list[str]) -> None:
    """Apply ``edits`` and compare the cached run with the full one, tree and files."""
    context = Context(today=TODAY)
    twice = _twice(tree)
    changed = [p for p in (_edit(tree, e) for e in edits) if p is not None and p.exists()]
    warm = check([tree], context=context, cached=True).findings
    assert modes[-1] == "incremental" or twice or _twice(tree)
    full = check([tree], context=context, cached=False).findings
    assert warm == full
    if changed:  # pakru validate FILE...: the files against their tree
        warm = check(changed, context=context, incremental=True, cached=True).findings
        full = check(changed, context=context, incremental=True, cached=False).findings
        assert warm == full


def _twice(tree: Path) -> bool:
    """Whether two files give one id (then every rule runs on the whole tree)."""
    ids = [
        line.removeprefix("id: ").strip()
        for path in _records(tree)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("id: ")
    ]
    return len(ids) != len(set(ids))


def _property(
    make: Callable[[Path], None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[[list[Edit], list[Edit]], None]:
    def example(first: list[Edit], second: list[Edit]) -> None:
        # a fresh folder per example: hypothesis replays an example with the same random seed
        work = Path(tempfile.mkdtemp(prefix="run-", dir=tmp_path))
        try:
            monkeypatch.setenv(cache.ENV, str(work / "cache"))
            tree = work / "records"
            make(tree)
            modes = _modes(monkeypatch)
            check([tree], context=Context(today=TODAY), cached=True)  # the state, warm
            assert modes == ["full"]
            _compare(tree, first, modes)
            _compare(tree, second, modes)  # from the state an incremental run left
        finally:
            shutil.rmtree(work)

    return example


CROSS_RECORD = sorted(r.id for r in RULES.values() if r.func is not None)


@pytest.mark.parametrize("rule", CROSS_RECORD)
def test_each_rule_incremental_equals_full_on_its_cases(
    rule: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    example = _property(
        lambda tree: build_tree(CASES / rule / "invalid", tree), tmp_path, monkeypatch
    )
    settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))(
        given(first=EDITS, second=EDITS)(example)
    )()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated records tree of 60 records (clean), written once."""
    root = tmp_path_factory.mktemp("generated") / "records"
    corpus.write(corpus.build(60, random.Random(11)), root)  # noqa: S311 - not crypto
    return root


def test_incremental_equals_full_on_a_generated_tree(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    example = _property(lambda tree: shutil.copytree(generated, tree), tmp_path, monkeypatch)
    settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))(
        given(first=EDITS, second=EDITS)(example)
    )()


def test_an_edit_re_runs_a_scoped_rule_on_few_records(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    tree = tmp_path / "records"
    shutil.copytree(generated, tree)
    check([tree], cached=True)
    sizes: list[int] = []
    real = incremental._Subsets.of

    def spy(self: incremental._Subsets, ids: set[str]) -> Any:
        sizes.append(len(ids))
        return real(self, ids)

    monkeypatch.setattr(incremental._Subsets, "of", spy)
    meeting = sorted((tree / "meetings").glob("*.yaml"))[0]
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(re.sub(r"(?m)^title: .*$", "title: Edited", text), encoding="utf-8")
    check([meeting], incremental=True, cached=True)
    assert sizes
    assert max(sizes) < len(_records(tree)) / 2


def _forge(entry: Path, state: object) -> None:
    """Write ``state`` into the rule state ``entry``, under its header and key, checksummed."""
    import hashlib  # noqa: PLC0415
    import pickle  # noqa: PLC0415

    header, key, _, _ = entry.read_bytes().split(b"\n", 3)
    body = pickle.dumps(state)
    checksum = hashlib.sha256(body).hexdigest().encode()
    entry.write_bytes(b"\n".join((header, key, checksum, body)))


def test_a_damaged_or_forged_rule_state_means_a_full_run(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    tree = tmp_path / "records"
    shutil.copytree(generated, tree)
    meeting = sorted((tree / "meetings").glob("*.yaml"))[0]
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace("status: held", "status: planned"), encoding="utf-8")
    full = check([tree], cached=False).findings
    assert full  # the edit has findings, which a forged state could hide or change
    check([tree], cached=True)
    modes = _modes(monkeypatch)
    (entry,) = (tmp_path / "cache").glob("rules-*.pickle")
    stated = incremental.read_state(cache.RecordCache.open(tree))
    assert isinstance(stated, tuple)
    files = stated[1]
    damaged: list[Callable[[], None]] = [
        lambda: entry.write_bytes(entry.read_bytes()[:-10] + b"0123456789"),  # checksum fails
        lambda: _forge(entry, {"k": Path("x")}),  # a class no entry may name
        lambda: _forge(entry, (stated[0], dict.fromkeys(files, 7), {})),  # files of another shape
        lambda: _forge(entry, (stated[0], files, {"dates.order": {"x": ("not a finding",)}})),
        lambda: _forge(entry, (stated[0], files, {"dates.order": {"x": 3}})),
    ]
    for damage in damaged:
        check([tree], cached=True)  # a good state again
        damage()
        assert check([tree], cached=True).findings == full
        assert modes[-1] == "full"
    shutil.rmtree(tmp_path / "cache")  # safe to delete at any time
    assert check([tree], cached=True).findings == full


def test_select_and_ignore_filter_a_cached_run_as_a_full_one(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    tree = tmp_path / "records"
    shutil.copytree(generated, tree)
    check([tree], cached=True, select=["ids"])  # the state holds every rule's findings
    meeting = sorted((tree / "meetings").glob("*.yaml"))[0]
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace("status: held", "status: planned"), encoding="utf-8")
    for select, ignore in ((["dates", "status"], []), ([], ["dates"]), ([], [])):
        full = check([tree], cached=False, select=select, ignore=ignore).findings
        assert check([tree], cached=True, select=select, ignore=ignore).findings == full
    assert {f.rule for f in full} > {f.rule for f in check([tree], select=["dates"]).findings}
