"""The committed JSON Schema files are exactly what the models export, and are valid schemas."""

import json

import pytest
from jsonschema import Draft202012Validator

from pakru.schema import RECORD_TYPES
from pakru.schema import jsonschema as exported
from tests.conftest import REPO

COMMITTED = REPO / "schema" / "json"


def test_committed_schemas_match_the_models() -> None:
    assert exported.stale(COMMITTED) == [], "run 'pakru schema' and commit schema/json"


def test_stale_detects_a_changed_file(tmp_path: pytest.TempPathFactory) -> None:
    out = tmp_path / "json"  # type: ignore[operator]
    exported.write(out)
    assert exported.stale(out) == []
    (out / "meeting.schema.json").write_text("{}", encoding="utf-8")
    assert exported.stale(out) == ["meeting.schema.json"]


@pytest.mark.parametrize("name", [*RECORD_TYPES, "record"])
def test_each_schema_is_a_valid_draft_2020_12_schema(name: str) -> None:
    document = json.loads((COMMITTED / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(document)
    assert document["$id"].endswith(f"/{name}.schema.json")


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
