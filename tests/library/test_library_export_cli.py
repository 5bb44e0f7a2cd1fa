"""``pakru export`` behaves: a summary per export, --format all, --force, CITATION and LICENSE."""

import hashlib
import json
import sys
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from pakru.cli import main
from pakru.dataset import Dataset
from pakru.export import FILE_LIST, FORMATS, SHIPPED_FILES, ExportError, export, read
from pakru.export import tables as export_tables
from tests.conftest import REPO


def test_format_all_writes_every_format_into_its_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fixture_root: Path, ds: Dataset
) -> None:
    assert main(["export", "--format", "all", "--out", str(tmp_path), str(fixture_root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == list(FORMATS)
    assert all(
        line.endswith(f"→ {tmp_path / fmt}") for line, fmt in zip(lines, FORMATS, strict=True)
    )
    tables = export_tables(ds)
    for fmt in FORMATS:
        rows, meta = read(fmt, tmp_path / fmt, tables)
        assert rows["meetings"] == list(tables["meetings"].rows), fmt
        assert rows["source_texts"] == list(tables["source_texts"].rows), fmt
        assert meta["data_version"] == "1.0.0"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_carries_citation_and_licence(fmt: str, tmp_path: Path, ds: Dataset) -> None:
    export(ds, fmt, tmp_path)
    for name in SHIPPED_FILES:
        assert (tmp_path / name).read_bytes() == (REPO / name).read_bytes()


def test_a_non_empty_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fixture_root: Path
) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["export", "--format", "csv", "--out", str(tmp_path), str(fixture_root)]) == 2
    assert capsys.readouterr().err == (
        f"pakru export: {tmp_path} is not empty; choose an empty folder, or pass --force to "
        "replace the files of a previous pakru export there (nothing else is removed)\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_force_removes_only_what_pakru_wrote(tmp_path: Path, ds: Dataset) -> None:
    export(ds, "all", tmp_path)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "csv" / "analysis.R").write_text("# mine", encoding="utf-8")
    with pytest.raises(ExportError):
        export(ds, "json", tmp_path)
    written = export(ds, "json", tmp_path, force=True)
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert left == sorted([FILE_LIST, "notes.txt", "csv/analysis.R", *(p.name for p in written)])
    manifest = json.loads((tmp_path / FILE_LIST).read_text(encoding="utf-8"))
    digests = {p.name: "sha256:" + hashlib.sha256(p.read_bytes()).hexdigest() for p in written}
    assert manifest == {"format": "json", "files": digests}


def test_force_never_follows_a_manifest_outside_the_folder(tmp_path: Path, ds: Dataset) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    digest = "sha256:" + hashlib.sha256(b"keep").hexdigest()
    (out / FILE_LIST).write_text(
        json.dumps({"files": {"../outside.txt": digest, str(outside): digest}}), encoding="utf-8"
    )
    export(ds, "csv", out, force=True)
    assert outside.read_text(encoding="utf-8") == "keep"


def test_parquet_without_pyarrow_says_which_extra(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fixture_root: Path,
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    argv = ["export", "--format", "parquet", "--out", str(tmp_path / "p"), str(fixture_root)]
    assert main(argv) == 1
    assert capsys.readouterr().err == (
        "pakru export: the Parquet export needs pyarrow, an optional dependency: "
        "pip install 'pakru[parquet]'\n"
    )
    assert main(["export", "--format", "all", "--out", str(tmp_path / "a"), str(fixture_root)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "parquet: skipped (pip install 'pakru[parquet]' for its dependency)"
    )


def test_parquet_keeps_lists_dates_and_descriptions(tmp_path: Path, ds: Dataset) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    export(ds, "parquet", tmp_path)
    table = pq.read_table(tmp_path / "meetings.parquet")
    participants = table.schema.field("participant_ids").type
    assert pa.types.is_list(participants)
    assert participants.value_type == pa.string()
    assert table.schema.field("date_earliest").type == pa.date32()
    status = next(c for c in export_tables(ds)["meetings"].columns if c.name == "status")
    assert table.schema.field("status").metadata == {b"description": status.description.encode()}
    assert json.loads(table.schema.metadata[b"pakru"])["data_version"] == "1.0.0"


def test_no_placeholder_urls_anywhere() -> None:
    for name in ("pyproject.toml", "CITATION.cff", "README.md"):
        assert "example.invalid" not in (REPO / name).read_text(encoding="utf-8"), name
    assert "pakru.invalid" not in (REPO / "schema" / "json" / "record.schema.json").read_text(
        encoding="utf-8"
    )


def test_the_package_ships_citation_and_licence() -> None:
    """Package data (the wheel itself is checked by .ci/run, which builds and installs it)."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    assert set(SHIPPED_FILES) <= set(config["setuptools"]["package-data"]["pakru"])
    assert set(SHIPPED_FILES) <= set(config["setuptools"]["license-files"])
    for name in SHIPPED_FILES:
        shipped = resources.files("pakru").joinpath(name)
        assert shipped.read_bytes() == (REPO / name).read_bytes()
