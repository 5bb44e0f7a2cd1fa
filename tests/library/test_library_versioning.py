"""Data version, CHANGELOG, CITATION.cff and withdrawn ids of the shipped records."""

import json
import re
from pathlib import Path

import pytest
import yaml

import pakru
from pakru.cli import main
from pakru.manifest import SEMVER, ManifestError, data_version, records_root, withdrawals

ROOT = Path(__file__).resolve().parents[2]


def test_version_is_semver_and_in_one_place() -> None:
    version = data_version()
    assert version is not None
    assert re.match(SEMVER, version)
    assert (ROOT / "records" / "VERSION").read_text("utf-8").strip() == version
    assert (records_root() / "VERSION").is_file()


def test_pakru_version_shows_both(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    out = capsys.readouterr().out.strip()
    assert out == f"pakru {pakru.__version__} (data {data_version()})"


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
    for item in withdrawals():
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


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (
            '[{"id": "cgss-12", "status": "withdrawn", "into": null, "reason": "x", '
            '"version": "1.0.0"}]',
            "still names a record",
        ),
        (
            '[{"id": "old", "status": "merged", "into": "nowhere", "reason": "x", '
            '"version": "1.0.0"}]',
            "which is unknown",
        ),
        (
            '[{"id": "old", "status": "merged", "into": null, "reason": "x", "version": "1.0.0"}]',
            "needs 'into'",
        ),
        ('{"id": "old"}', "expected a list"),
    ],
)
def test_bad_withdrawn_file(entries: str, message: str, fixture_root: Path, tmp_path: Path) -> None:
    root = _copy(fixture_root, tmp_path / "records")
    (root / "withdrawn.json").write_text(entries, "utf-8")
    with pytest.raises(ManifestError, match=message):
        pakru.load([root])


def test_bad_version(fixture_root: Path, tmp_path: Path) -> None:
    root = _copy(fixture_root, tmp_path / "records")
    (root / "VERSION").write_text("v1\n", "utf-8")
    with pytest.raises(ManifestError, match="not a semantic version"):
        pakru.load([root])


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
