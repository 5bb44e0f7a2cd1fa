"""The committed JSON Schema files are exactly what the models export, and are valid schemas."""

import json
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from jsonschema import Draft202012Validator

import pakru
from pakru.cli import main
from pakru.export import export
from pakru.schema import RECORD_TYPES
from pakru.schema import jsonschema as exported
from pakru.tools import schemafiles
from tests.conftest import REPO

COMMITTED = REPO / "schema" / "json"


def test_committed_schemas_match_the_models() -> None:
    assert schemafiles.stale(COMMITTED) == [], "run 'pakru schema' and commit schema/json"


def test_stale_detects_a_changed_file(tmp_path: pytest.TempPathFactory) -> None:
    out = tmp_path / "json"  # type: ignore[operator]
    schemafiles.write(out)
    assert schemafiles.stale(out) == []
    (out / "meeting.schema.json").write_text("{}", encoding="utf-8")
    assert schemafiles.stale(out) == ["meeting.schema.json"]


@pytest.mark.parametrize("name", [*RECORD_TYPES, "record", "records"])
def test_each_schema_is_a_valid_draft_2020_12_schema_with_a_relative_id(name: str) -> None:
    document = json.loads((COMMITTED / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(document)
    assert document["$id"] == f"{name}.schema.json"  # resolves against where it is read from
    assert "discriminator" not in json.dumps(document)  # ignored by JSON Schema validators


def test_references_are_described_in_the_schema() -> None:
    meeting = json.loads((COMMITTED / "meeting.schema.json").read_text(encoding="utf-8"))
    series = meeting["properties"]["series"]["anyOf"][0]
    assert series["x-references"] == ["body"]


def test_schema_rejects_an_unknown_key() -> None:
    document = json.loads((COMMITTED / "body.schema.json").read_text(encoding="utf-8"))
    record = {
        "type": "body",
        "id": "sco",
        "kind": "multilateral-organisation",
        "name": "Shanghai Cooperation Organization",
        "country": None,
        "evidence": [{"source": "src-a", "quote": "Shanghai Cooperation Organization"}],
    }
    Draft202012Validator(document).validate(record)
    errors = list(Draft202012Validator(document).iter_errors({**record, "nmae": "x"}))
    assert [e.message for e in errors] == [
        "Additional properties are not allowed ('nmae' was unexpected)"
    ]


def _check_jsonschema(schema: Path, *files: Path) -> tuple[int, list[str]]:
    """Run the check-jsonschema command; exit code and its error lines."""
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, [line.strip() for line in done.stdout.splitlines()[1:]]


BAD = {
    # a meeting whose status is not a meeting status: the error names status, not type
    "status": (
        ("status: held", "status: cancelled"),
        "$.status: 'cancelled' is not one of ['held', 'planned']",
    ),
    "ordinal": (
        ("ordinal: 12", "ordinal: twelve"),
        "$.ordinal: 'twelve' is not valid under any of the given schemas",
    ),
    "unknown-key": (
        ("series: cgss", "series: cgss\nsries: cgss"),
        "$: Additional properties are not allowed ('sries' was unexpected)",
    ),
    "type": (
        ("type: meeting", "type: meetin"),
        "$.type: 'meetin' is not one of ['source', 'person', 'body', 'meeting',",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_check_jsonschema_names_the_real_field(case: str, tmp_path: Path) -> None:
    (old, new), expected = BAD[case]
    text = (REPO / "records" / "meetings" / "cgss-12.yaml").read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "cgss-12.yaml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, errors = _check_jsonschema(COMMITTED / "record.schema.json", bad)
    assert code == 1
    assert errors[0].startswith(f"{bad}::{expected}"), errors
    field = expected.split(":", 1)[0]
    # no error about another field or another record kind (a nullable field adds its best match)
    assert [e for e in errors[1:] if e.startswith("$") and not e.startswith(field)] == []


def test_records_json_of_the_export_matches_records_schema(tmp_path: Path) -> None:
    ds = pakru.load()
    export(ds, "json", tmp_path)
    code, errors = _check_jsonschema(COMMITTED / "records.schema.json", tmp_path / "records.json")
    assert (code, errors) == (0, [])
    shipped = tmp_path / "records.schema.json"  # the export carries its schema
    assert shipped.read_bytes() == (COMMITTED / "records.schema.json").read_bytes()
    items = json.loads((tmp_path / "records.json").read_text(encoding="utf-8"))
    items[3]["evidence"] = []
    (tmp_path / "bad.json").write_text(json.dumps(items), encoding="utf-8")
    code, errors = _check_jsonschema(COMMITTED / "records.schema.json", tmp_path / "bad.json")
    assert code == 1
    assert errors == [f"{tmp_path / 'bad.json'}::$[3].evidence: [] should be non-empty"]


@pytest.fixture
def nowhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with no checkout above it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PAKRU_RECORDS", raising=False)
    return tmp_path


def test_schema_writes_into_the_checkout_found_from_the_working_folder(
    nowhere: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (nowhere / "records" / "meetings").mkdir(parents=True)
    (nowhere / "schema").mkdir()
    (nowhere / "docs").mkdir()
    monkeypatch.chdir(nowhere / "docs")
    assert main(["schema"]) == 0
    written = sorted(p.name for p in (nowhere / "schema" / "json").iterdir())
    assert written == sorted(exported.schemas())
    assert capsys.readouterr().out.splitlines() == [
        f"wrote ../schema/json/{name}" for name in exported.schemas()
    ]
    assert not (nowhere / "docs" / "schema").exists()
    assert main(["schema", "--check"]) == 0
    (nowhere / "schema" / "json" / "record.schema.json").write_text("{}", encoding="utf-8")
    assert main(["schema", "--check"]) == 1
    assert capsys.readouterr().err == (
        "../schema/json/record.schema.json: stale; run 'pakru schema'\n"
    )


def test_schema_check_from_docs_of_this_checkout_is_clean(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO / "docs")
    monkeypatch.delenv("PAKRU_RECORDS", raising=False)
    assert main(["schema", "--check"]) == 0
    assert capsys.readouterr() == ("", "")


def test_schema_outside_a_checkout_needs_out(
    nowhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (["schema"], ["schema", "--check"]):
        assert main(argv) == 2
        assert capsys.readouterr().err == (
            f"pakru schema: no checkout found from {nowhere} upwards (a folder holding "
            "records/ and schema/); give --out DIR\n"
        )
    assert list(nowhere.iterdir()) == []
    assert main(["schema", "--out", "schema/json"]) == 0
    written = sorted(p.name for p in (nowhere / "schema" / "json").iterdir())
    assert written == sorted(exported.schemas())
    assert capsys.readouterr().out.splitlines()[0].startswith("wrote schema/json/")


def test_schema_needs_a_schema_folder_beside_the_records(
    nowhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (nowhere / "records" / "meetings").mkdir(parents=True)
    assert main(["schema"]) == 2
    assert capsys.readouterr().err == (
        f"pakru schema: {nowhere / 'records'} has no schema/ folder beside it; give --out DIR\n"
    )
    assert sorted(p.name for p in nowhere.iterdir()) == ["records"]


def test_vscode_association_is_generated_and_committed() -> None:
    committed = (REPO / ".vscode" / "settings.json").read_text(encoding="utf-8")
    hint = "run 'pakru schema --vscode .vscode/settings.json'"
    assert committed == exported.vscode_settings(), hint
    mapping = json.loads(committed)["yaml.schemas"]
    assert mapping["./schema/json/meeting.schema.json"] == "records/meetings/*.yaml"
    assert len(mapping) == len(RECORD_TYPES)


def test_every_record_validates_through_the_association() -> None:
    """What an editor does: for each glob, check its files against the schema it names."""
    mapping = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    checked = 0
    for schema, pattern in mapping["yaml.schemas"].items():
        record_files = sorted(REPO.glob(pattern))
        assert record_files, pattern
        assert all(
            exported.associated(PurePosixPath(p.relative_to(REPO).as_posix()), REPO)
            for p in record_files
        )
        code, errors = _check_jsonschema(REPO / schema, *record_files)
        assert (code, errors) == (0, []), pattern
        checked += len(record_files)
    assert checked == len(pakru.load())


def test_association_reports_a_bad_record_in_its_folder(tmp_path: Path) -> None:
    text = (REPO / "records" / "people" / "sergey-lavrov.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "sergey-lavrov.yaml"
    bad.write_text(text.replace("name:", "nmae:", 1), encoding="utf-8")
    (schema,) = exported.associated(PurePosixPath("records/people/sergey-lavrov.yaml"), REPO)
    code, errors = _check_jsonschema(schema, bad)
    assert code == 1
    assert errors[:2] == [
        f"{bad}::$: Additional properties are not allowed ('nmae' was unexpected)",
        f"{bad}::$: 'name' is a required property",
    ]
