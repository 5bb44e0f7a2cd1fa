"""The ``pakru`` command: version, exit codes, formats, ``python -m pakru``."""

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import pakru
from pakru.cli import main
from tests.conftest import REPO

BAD_MEETING = """\
type: meeting
id: x
title: A meeting
kind: working-group
status: held
date: {earliest: null, latest: null, precision: unknown}
location: {cty: Moscow, country: RU, venue: null}
series: null
ordinal: null
evidence:
  - source: src-a
    quote: a quote
"""


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith(f"pakru {pakru.__version__}")


RECORD_FILES = len(list((REPO / "records").glob("*/*.y*ml")))
CHECKED = f"Checked {RECORD_FILES} records in {REPO / 'records'} (found from {REPO} upwards).\n"
"""The summary line of a command run at the root of this checkout."""


def test_shipped_dataset_validates_clean(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No error or warning; the infos say a meeting planned before the day has no record."""
    monkeypatch.delenv("PAKRU_RECORDS", raising=False)  # the tree found from the checkout
    monkeypatch.chdir(REPO)
    assert main(["validate", "--today", "2026-01-01"]) == 0
    *findings, summary, checked = capsys.readouterr().out.splitlines()
    assert findings  # today: the JWG meeting planned for 2019 (jwg-ct-next)
    for line in findings:
        assert re.fullmatch(
            r"records/meetings/[\w-]+\.yaml:\d+:\d+: info\[dates\.planned-past\] status: planned "
            r"for \S+, which is before 2026-01-01, and no record says it was held",
            line,
        ), line
    files = "1 file" if len(findings) == 1 else f"{len(findings)} files"
    infos = "1 info" if len(findings) == 1 else f"{len(findings)} infos"
    assert summary == f"Found {infos} in {files}."
    assert checked == CHECKED.strip()


def test_shipped_dataset_has_no_finding_before_the_planned_date(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PAKRU_RECORDS", raising=False)
    monkeypatch.chdir(REPO)
    assert main(["validate", "--today", "2018-12-31"]) == 0
    assert capsys.readouterr().out == "No findings.\n" + CHECKED


def test_findings_exit_1_with_file_line_rule(
    write_tree: Callable[[dict[str, str]], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_tree({"meetings/x.yaml": BAD_MEETING})
    assert main(["validate", str(root), "--select", "schema"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{root}/meetings/x.yaml:7:11: error[schema.missing-key] location: "
        "missing required key 'city'",
        f"{root}/meetings/x.yaml:7:12: error[schema.unknown-key] location: "
        "unknown key 'cty' (did you mean 'city'?)",
        "Found 2 errors in 1 file.",
    ]


def test_json_format_is_stable(
    write_tree: Callable[[dict[str, str]], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_tree({"meetings/x.yaml": BAD_MEETING})
    assert main(["validate", str(root), "--format", "json", "--select", "schema"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["version"] == 1
    assert document["summary"] == {"error": 2, "warning": 0, "info": 0}
    assert [(f["line"], f["column"], f["rule"], f["field"]) for f in document["findings"]] == [
        (7, 11, "schema.missing-key", "location"),
        (7, 12, "schema.unknown-key", "location"),
    ]


def test_github_format(
    write_tree: Callable[[dict[str, str]], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_tree({"meetings/x.yaml": BAD_MEETING})
    assert (
        main(["validate", str(root), "--format", "github", "--select", "schema.unknown-key"]) == 1
    )
    captured = capsys.readouterr()
    (line,) = captured.out.splitlines()
    assert captured.err == ""
    assert line.startswith("::error file=")
    assert line.endswith(
        "x.yaml,line=7,col=12,title=schema.unknown-key::location: unknown key 'cty' "
        "(did you mean 'city'?)"
    )


def test_ignore_removes_findings(
    write_tree: Callable[[dict[str, str]], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_tree({"meetings/x.yaml": BAD_MEETING})
    assert main(["validate", str(root), "--select", "schema", "--ignore", "schema"]) == 0
    assert capsys.readouterr() == ("No findings.\n", "")  # given paths: no tree line


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "/no/such/folder"],
        ["validate", "--format", "xml"],
        ["nosuchcommand"],
        ["validate", "--today", "yesterday"],
        ["coverage", "/no/such/folder"],
        ["export", "--format", "json", "--out", "/no/such/out", "/no/such/folder"],
        ["fmt", "/no/such/folder"],
    ],
)
def test_usage_errors_exit_2(argv: list[str]) -> None:
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    assert code == 2


def test_rules_lists_every_registered_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for rule_id in ("ids.unique", "references.resolve", "yaml.duplicate-key", "schema.unknown-key"):
        assert any(line.startswith(rule_id + " ") for line in out.splitlines()), rule_id


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pakru", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout.startswith("pakru ")


# --- several reports from one run ---------------------------------------------------------------


def test_several_reports_from_one_run_into_new_folders(
    write_tree: Callable[[dict[str, str]], Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = write_tree({"meetings/x.yaml": BAD_MEETING})
    sarif, junit = tmp_path / "reports" / "a" / "pakru.sarif", tmp_path / "reports" / "pakru.xml"
    argv = ["validate", str(root), "--select", "schema", "--format", "github"]
    argv += ["--output", f"sarif={sarif}", "--output", f"junit={junit}"]
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert [line.split(" ")[0] for line in captured.out.splitlines()] == ["::error", "::error"]
    assert captured.err == (
        f"{sarif}: Found 2 errors in 1 file.\n{junit}: Found 2 errors in 1 file.\n"
    )
    results = json.loads(sarif.read_text("utf-8"))["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["schema.missing-key", "schema.unknown-key"]
    assert junit.read_text("utf-8").count("<failure ") == 2


def test_output_file_into_a_missing_folder_is_created(
    write_tree: Callable[[dict[str, str]], Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = write_tree({"meetings/x.yaml": BAD_MEETING})
    target = tmp_path / "no" / "such" / "folder" / "x.sarif"
    argv = ["validate", str(root), "--format", "sarif", "--output-file", str(target)]
    assert main(argv) == 1
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text("utf-8"))["version"] == "2.1.0"


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("sarif={file}/x.sarif", "{file}/x.sarif: cannot create its folder: File exists"),
        ("sarif={file}/deeper/x.sarif", "{file}/deeper/x.sarif: cannot create its folder: "),
        ("sarif={folder}", "{folder}: is a folder, not a file"),
        ("xml={folder}/x.xml", "argument --output: unknown format 'xml'"),
        ("sarif", "argument --output: expected FORMAT=FILE, got 'sarif'"),
    ],
)
def test_an_output_that_cannot_be_written_is_a_usage_error_naming_it(
    output: str,
    message: str,
    write_tree: Callable[[dict[str, str]], Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = write_tree({"meetings/x.yaml": BAD_MEETING})
    file = tmp_path / "a-file"
    file.write_text("", encoding="utf-8")
    names = {"file": file, "folder": tmp_path}
    try:
        code = main(["validate", str(root), "--output", output.format(**names)])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    assert code == 2
    assert message.format(**names) in capsys.readouterr().err


def test_the_same_file_twice_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report"
    argv = ["validate", "-o", str(target), "--output", f"json={target}"]
    assert main(argv) == 2
    assert capsys.readouterr().err == f"pakru validate: {target}: named twice as an output file\n"
    assert not target.exists()
