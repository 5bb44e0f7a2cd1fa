"""Right by default for every reader: the dtype map, one missing value, dates as dates, one
date vocabulary, a complete v2 data package, a citation with year, version and date."""

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import pakru
from pakru.dataset import Dataset
from pakru.export import dtypes, export, read_csv
from pakru.export.citation import Citation, CitationError, citation
from pakru.export.typemap import CSV_FILE, FIELDS, JSON_FILE, PANDAS
from pakru.library import Dataset as Library
from tests.conftest import REPO

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def out(ds: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reads")
    export(ds, "all", folder)
    return folder


def test_the_dtype_map_names_every_column_of_every_table(ds: Dataset) -> None:
    mapped = dtypes()
    tables = Library.of(ds).tables()
    assert set(mapped) == {"meta", *tables}
    for name, table in tables.items():
        assert list(mapped[name]) == list(table.column_names)
    code = mapped["acts"]["cameo_code"]
    assert (code["type"], code["pandas"], code["readr"], code["arrow"]) == ("string",) * 2 + (
        "c",
        "string",
    )
    assert mapped["meetings"]["ordinal"]["pandas"] == "Int64"
    assert mapped["meetings"]["participant_ids"]["arrow"] == "list<string>"


def test_every_export_ships_the_dtype_map(out: Path) -> None:
    for fmt in ("csv", "json", "jsonl", "sqlite", "parquet", "datapackage"):
        shipped = json.loads((out / fmt / JSON_FILE).read_text("utf-8"))
        assert shipped["tables"] == dtypes(), fmt
        with (out / fmt / CSV_FILE).open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert tuple(rows[0]) == FIELDS
        by_name = {(r["table"], r["column"]): r for r in rows}
        assert by_name[("acts", "cameo_code")]["pandas"] == "string"
        assert len(rows) == sum(len(c) for c in dtypes().values())


def _nullable(frame: Any) -> None:
    for name in frame.columns:
        column = frame[name]
        if str(column.dtype) == "object":  # list columns: lists, never missing
            assert not column.isna().any(), name
            assert all(isinstance(v, list) for v in column), name
            continue
        assert str(column.dtype) in set(PANDAS.values()), (name, column.dtype)
        assert all(v is pd.NA for v in column[column.isna()]), name


def test_to_pandas_has_one_missing_value_and_every_table(ds: Dataset) -> None:
    frames = Library.of(ds).to_pandas()
    assert {"meta", "source_texts"} <= set(frames)
    assert set(frames) == set(dtypes())
    for frame in frames.values():
        _nullable(frame)
    floats = [("meetings", "latitude"), ("meetings", "longitude"), ("acts", "goldstein")]
    for table, column in floats:  # where to_pandas() used to give np.nan
        assert str(frames[table][column].dtype) == "Float64", (table, column)
    unknown = frames["meetings"].set_index("id").loc["fm-talks-moscow", "latitude"]
    assert unknown is pd.NA
    meta = frames["meta"].set_index("key")["value"]
    assert meta["data_version"] == ds.version


def test_csv_parquet_and_to_pandas_give_the_same_frames(ds: Dataset, out: Path) -> None:
    frames = Library.of(ds).to_pandas()
    for name, frame in frames.items():
        if name == "meta":
            continue
        from_csv = read_csv(out / "csv" / f"{name}.csv")
        from_parquet = pd.read_parquet(out / "parquet" / f"{name}.parquet")
        assert from_parquet.dtypes.astype(str).to_dict() == frame.dtypes.astype(str).to_dict()
        assert from_csv.dtypes.astype(str).to_dict() == frame.dtypes.astype(str).to_dict()
        for other in (from_csv, from_parquet):
            for column in frame.columns:
                left, right = frame[column].tolist(), other[column].tolist()
                assert [None if v is pd.NA else v for v in left] == [
                    None if v is pd.NA else (list(v) if hasattr(v, "tolist") else v) for v in right
                ], (name, column)


def test_parquet_dates_are_dates(out: Path) -> None:
    meetings = pd.read_parquet(out / "parquet" / "meetings.parquet").set_index("id")
    assert str(meetings["date_earliest"].dtype) == "date32[day][pyarrow]"
    assert meetings["date_earliest"].dt.year.loc["cgss-12"] == 2018


def test_one_date_vocabulary_across_tables() -> None:
    """Every interval is ``<what>_earliest`` / ``<what>_latest`` / ``<what>_precision``."""
    for table, columns in dtypes().items():
        for name, entry in columns.items():
            assert not re.search(r"_(start|end)$", name), (table, name)
            if entry["type"] == "date" and (table, name) != ("sources", "published"):
                prefix, _, bound = name.rpartition("_")
                assert bound in ("earliest", "latest"), (table, name)
                assert {f"{prefix}_earliest", f"{prefix}_latest", f"{prefix}_precision"} <= set(
                    columns
                ), (table, name)


def test_the_data_package_is_a_complete_v2_descriptor(out: Path) -> None:
    text = (out / "datapackage" / "datapackage.json").read_text("utf-8")
    document = json.loads(text)
    assert '"profile"' not in text  # no v1 profile mixed with v2 types
    assert document["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert all(r["type"] == "table" for r in document["resources"])
    cited = citation()
    assert document["keywords"] == list(cited.keywords)
    assert document["contributors"] == [{"title": "pakru developers", "roles": ["creator"]}]
    assert cited.abstract in document["description"]
    assert len(document["sources"]) == 2  # the fixture's two reports
    assert all(s["title"] for s in document["sources"])
    assert "homepage" not in document  # the project states none
    assert "dtypes" in {r["name"] for r in document["resources"]}


def test_the_data_package_validates_with_frictionless(out: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(out / "datapackage" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def _released(version: str) -> str:
    changelog = (REPO / "CHANGELOG.md").read_text("utf-8")
    found = re.search(rf"^## {re.escape(version)} \((\d{{4}}-\d{{2}}-\d{{2}})\)", changelog, re.M)
    assert found, f"CHANGELOG.md has no dated section for {version}"
    return found.group(1)


def test_citation_cff_states_version_and_release_date() -> None:
    data = yaml.safe_load((REPO / "CITATION.cff").read_text("utf-8"))
    assert data["version"] == (REPO / "records" / "VERSION").read_text("utf-8").strip()
    assert data["date-released"] == _released(data["version"])
    assert "repository-code" not in data  # no repository URL is stated anywhere yet


def test_bibtex_and_apa_come_from_citation_cff() -> None:
    cite = citation()
    assert cite.version == pakru.load().version
    bibtex = cite.bibtex()
    assert "YourReferenceHere" not in bibtex
    assert f"year = {{{cite.released.year}}}" in bibtex
    assert f"version = {{{cite.version}}}" in bibtex
    assert "author = {{pakru developers}}" in bibtex
    assert cite.apa().startswith(f"pakru developers. ({cite.released.year}). pakru: ")
    assert f"(Version {cite.version}) [Data set]." in cite.apa()


def test_a_citation_names_people_and_a_url_when_stated() -> None:
    text = (
        "title: T\nversion: 1.0.0\ndate-released: 2026-01-02\nrepository-code: https://x.test/r\n"
        "authors:\n  - family-names: Khan\n    given-names: Ayesha Noor\n  - name: Lab & Co\n"
    )
    cite = citation(text)
    assert cite == Citation(
        "T", ("Khan, Ayesha Noor", "Lab & Co"), "1.0.0", cite.released, "https://x.test/r"
    )
    assert (
        cite.apa()
        == "Khan, A. N., & Lab & Co. (2026). T (Version 1.0.0) [Data set]. https://x.test/r"
    )
    assert "author = {Khan, Ayesha Noor and {Lab \\& Co}}" in cite.bibtex()
    assert "url = {https://x.test/r}" in cite.bibtex()
    with pytest.raises(CitationError, match="date-released is missing"):
        citation("title: T\nversion: 1\nauthors:\n  - name: A\n")


def test_the_readme_shows_the_analysts_first_five_minutes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both README blocks run as written, after ``pakru export --format all --out out/``."""
    from tests.test_readme import block_after  # noqa: PLC0415

    export(pakru.load(), "all", tmp_path / "out")
    monkeypatch.chdir(tmp_path)
    for marker in ("analyst-read", "analyst-helpers"):
        namespace: dict[str, object] = {}
        exec(compile(block_after(marker), "README.md", "exec"), namespace)  # noqa: S102
        if marker == "analyst-read":
            assert str(namespace["frames"]["acts"]["cameo_code"].dtype) == "string"  # type: ignore[index]
            assert namespace["acts"]["cameo_code"].map(len).min() == 3  # type: ignore[index]
        else:
            assert namespace["by_year"].total == len(  # type: ignore[attr-defined]
                pakru.load().meetings.where(status="held")
            )
