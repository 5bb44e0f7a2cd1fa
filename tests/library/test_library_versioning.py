"""Data version, CHANGELOG, CITATION.cff and withdrawn ids of the shipped records."""

import json
import re
from pathlib import Path

import pytest
import yaml

import pakru
from pakru.cli import main
from pakru.dataset.versions import SEMVER
from pakru.loading import DatasetError
from pakru.tools.tree import shipped_records

ROOT = Path(__file__).resolve().parents[2]


def data_version() -> str | None:
    return pakru.load().version


def test_version_is_semver_and_in_one_place() -> None:
    version = data_version()
    assert version is not None
    assert re.match(SEMVER, version)
    assert (ROOT / "records" / "VERSION").read_text("utf-8").strip() == version
    assert (shipped_records() / "VERSION").is_file()


def test_pakru_version_shows_both(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    out = capsys.readouterr().out.strip()
    assert out == f"pakru {pakru.__version__} (data {data_version()})"


def test_pakru_version_with_a_bad_version_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "VERSION").write_text("banana\n", "utf-8")
    # the folder pakru --version reads (tests/test_cli_light.py: the same as shipped_records())
    monkeypatch.setattr("pakru.cli.records_folder", lambda: str(tmp_path))
    with pytest.raises(SystemExit):
        main(["--version"])
    out = capsys.readouterr().out.strip()
    assert out == f"pakru {pakru.__version__} (data invalid: run pakru validate)"


def test_citation_cff_names_the_data_version() -> None:
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert citation["version"] == data_version()
    assert {"title", "authors", "message", "license"} <= set(citation)


def test_changelog_names_the_version_and_every_id() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert re.search(rf"^## {re.escape(str(data_version()))}\b", changelog, re.MULTILINE)
    ds = pakru.load()
    ids = [r.id for r in ds.records] + list(ds.withdrawn)
    missing = [i for i in ids if f"`{i}`" not in changelog]
    assert not missing, (
        f"ids not in CHANGELOG.md: {missing[:10]}; run 'pakru changelog --old "
        "previous/records.json' and add its output (see docs/versioning.md)"
    )


def test_shipped_withdrawn_file_is_valid() -> None:
    ds = pakru.load()
    for item in ds.withdrawn.values():
        assert item.id not in ds
        assert re.match(SEMVER, item.version)


def test_fixture_withdrawn_ids_appear_in_exports(fixture_root: Path, tmp_path: Path) -> None:
    main(["export", "--format", "json", "--out", str(tmp_path), str(fixture_root)])
    rows = json.loads((tmp_path / "withdrawn.json").read_text("utf-8"))
    assert {r["id"]: r["into_id"] for r in rows} == {
        "khawaja-muhammad-asif": "khawaja-asif",
        "jwg-ct-2019": None,
    }


def _copy(src: Path, dst: Path) -> Path:
    for path in src.rglob("*"):
        if path.is_file():
            target = dst / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    return dst


def _only_finding(root: Path) -> str:
    """The one finding ``pakru.load`` refuses ``root`` with, as ``file:line:col rule: message``."""
    with pytest.raises(DatasetError) as caught:
        pakru.load([root])
    [f] = caught.value.findings
    return f"{Path(f.path).name}:{f.line}:{f.column} {f.rule}: {f.message}"


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        (
            '[{"id": "cgss-12", "status": "withdrawn", "into": null, "reason": "x", '
            '"version": "1.0.0"}]',
            "withdrawn.json:1:2 manifest.withdrawn-record: withdrawn id 'cgss-12' still names a"
            " record",
        ),
        (
            '[\n  {"id": "old", "status": "merged", "into": "nowhere", "reason": "x", '
            '"version": "1.0.0"}]',
            "withdrawn.json:2:3 manifest.merged-unknown: 'old' was merged into 'nowhere', which"
            " is unknown",
        ),
        (
            '[{"id": "old", "status": "merged", "into": null, "reason": "x", "version": "1.0.0"}]',
            "withdrawn.json:1:2 manifest.entry: entry 0: a merged id needs 'into'",
        ),
        ('{"id": "old"}', "withdrawn.json:1:1 manifest.json: expected a list of withdrawn entries"),
        ("not json", "withdrawn.json:1:1 manifest.json: not JSON: Expecting value"),
        ("[" * 100_000, "withdrawn.json:1:1 manifest.json: not JSON: nested too deeply"),
    ],
)
def test_bad_withdrawn_file(
    entries: str, expected: str, fixture_root: Path, tmp_path: Path
) -> None:
    root = _copy(fixture_root, tmp_path / "records")
    (root / "withdrawn.json").write_text(entries, "utf-8")
    assert _only_finding(root) == expected


def test_bad_version(fixture_root: Path, tmp_path: Path) -> None:
    root = _copy(fixture_root, tmp_path / "records")
    (root / "VERSION").write_text("banana\n", "utf-8")
    expected = (
        "VERSION:1:1 manifest.version: 'banana' is not a semantic version (MAJOR.MINOR.PATCH)"
    )
    assert _only_finding(root) == expected


def test_validate_and_load_report_the_same_manifest_findings(
    fixture_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(fixture_root, tmp_path / "records")
    (root / "VERSION").write_text("banana\n", "utf-8")
    (root / "withdrawn.json").write_text("not json\n", "utf-8")
    with pytest.raises(DatasetError) as caught:
        pakru.load([root])
    assert main(["validate", "--select", "manifest", str(root)]) == 1
    out = capsys.readouterr().out
    loaded = [f"{f.path}:{f.line}:{f.column}" for f in caught.value.findings]
    assert len(loaded) == 2
    assert all(place in out for place in loaded)
    assert "manifest.version" in out
    assert "manifest.json" in out


def test_changelog_command(
    fixture_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["export", "--format", "json", "--out", str(tmp_path), str(fixture_root)])
    capsys.readouterr()
    old = json.loads((tmp_path / "records.json").read_text("utf-8"))
    for item in old:
        if item["id"] == "cgss-12":
            item["ordinal"] = 11
    old.append({"id": "khawaja-muhammad-asif", "type": "person"})
    old.append({"id": "vanished", "type": "event"})
    old_path = tmp_path / "old.json"
    old_path.write_text(json.dumps(old), "utf-8")
    code = main(["changelog", "--old", str(old_path), str(fixture_root)])
    captured = capsys.readouterr()
    assert code == 1
    assert "- `cgss-12`: ordinal" in captured.out
    assert (
        "- `khawaja-muhammad-asif` → `khawaja-asif`: Two name forms of one person." in captured.out
    )
    assert "'vanished' is gone" in captured.err


def test_cli_reports_a_bad_manifest(
    fixture_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(fixture_root, tmp_path / "records")
    (root / "VERSION").write_text("one\n", "utf-8")
    assert main(["export", "--format", "json", "--out", str(tmp_path / "out"), str(root)]) == 1
    assert "not a semantic version" in capsys.readouterr().err
    assert main(["changelog", str(root)]) == 1
