"""``--jobs`` gives the same findings as one process; ``validate FILE...`` checks a few files."""

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from benchmarks import corpus
from pakru.cli import main
from pakru.validate import workers
from pakru.validate.incremental import records_tree_of
from pakru.validate.registry import Context
from pakru.validate.run import validate

TODAY = Context(today=dt.date(2026, 1, 1))


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A valid generated tree with three broken files (schema, YAML, dangling reference)."""
    c = corpus.build(60, random.Random(3))  # noqa: S311 - test data
    records = json.loads(json.dumps(c.records))
    meeting = next(r for r in records if r["type"] == "meeting" and r["status"] == "held")
    meeting["participants"][0]["ref"] = "ghost"
    root = tmp_path / "records"
    corpus.write(corpus.Corpus(records, c.texts), root)
    body = next(root.glob("bodies/*.yaml"))
    body.write_text(body.read_text(encoding="utf-8").replace("kind:", "knid:"), encoding="utf-8")
    event = next(root.glob("events/*.yaml"))
    event.write_text("type: event\nid: [oops\n", encoding="utf-8")
    return root


def test_jobs_give_the_same_findings(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # sources too: one whose report text is gone, one with a schema finding
    gone, broken = sorted(tree.glob("sources/*.yaml"))[:2]
    name = next(line for line in gone.read_text(encoding="utf-8").splitlines() if "file:" in line)
    (tree / "sources" / "text" / name.split(": ")[1].strip("'")).unlink()
    broken.write_text(broken.read_text(encoding="utf-8") + "extra: 1\n", encoding="utf-8")
    one = validate([tree], context=TODAY)
    monkeypatch.setattr(workers, "CHUNK", 7)  # force several tasks on a small tree
    two = validate([tree], context=TODAY, jobs=2)
    assert one == two
    assert {f.rule for f in one} >= {
        "references.resolve",
        "schema.unknown-key",
        "yaml.syntax",
        "read.io",
    }
    assert {f.path.rsplit("/", 2)[-2] for f in one if f.rule == "read.io"} == {"text"}
    assert broken.name in {Path(f.path).name for f in one if f.rule == "schema.unknown-key"}
    assert all(f.line > 0 for f in one if f.rule not in ("references.source-text", "read.io"))


def _file_of(tree: Path, record_id: str) -> Path:
    return next(tree.glob(f"*/{record_id}.yaml"))


def test_incremental_reports_only_the_given_files(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree.parent)
    everything = validate([tree], context=TODAY)
    dangling = next(f for f in everything if f.rule == "references.resolve")
    meeting = Path(dangling.path)
    assert validate([meeting], context=TODAY, incremental=True) == [dangling]
    # a file nothing broken refers to: clean, though the tree has errors
    source = next(tree.glob("sources/*.yaml"))
    refs = {f.path for f in validate([source], context=TODAY, incremental=True)}
    assert refs <= {f.path for f in everything}
    assert str(Path("records/events")) not in {str(Path(p).parent) for p in refs}


def test_incremental_includes_files_that_refer_to_the_given_one(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree.parent)
    everything = validate([tree], context=TODAY)
    ghost = next(f for f in everything if "ghost" in f.message)
    text = Path(ghost.path).read_text(encoding="utf-8")
    series = next(line.split(": ")[1] for line in text.splitlines() if line.startswith("series:"))
    found = validate([_file_of(tree, series)], context=TODAY, incremental=True)
    assert ghost in found  # the meeting refers to the series given


def test_cli_jobs_and_files(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--today", "2026-01-01", "--jobs", "2", str(tree)]) == 1
    full = capsys.readouterr().out
    clean = next(tree.glob("conflicts/*.yaml"))
    assert main(["validate", "--today", "2026-01-01", str(clean)]) == 0
    assert capsys.readouterr().out == "No findings.\n"
    assert "references.resolve" in full


def test_records_tree_of() -> None:
    assert records_tree_of(Path("/x/records/meetings/a.yaml")) == Path("/x/records")
    assert records_tree_of(Path("/x/elsewhere/a.yaml")) is None


def _take(shared: dict[str, object], key: str) -> object:
    return shared[key]


def test_map_shared_hands_workers_the_shared_value_without_pickling_it() -> None:
    import pickle  # noqa: PLC0415
    import threading  # noqa: PLC0415

    shared = {"lock": threading.Lock(), "a": 1, "b": 2}  # a lock cannot be pickled
    with pytest.raises(TypeError):
        pickle.dumps(shared)
    assert workers.map_shared(_take, shared, ["a", "b", "a"], jobs=2) == [1, 2, 1]
    assert workers.map_shared(_take, shared, ["b"], jobs=1) == [2]
