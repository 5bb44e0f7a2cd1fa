"""The pre-commit hooks and the GitHub workflow check their checkout and fail when it is broken.

The hooks are driven exactly as pre-commit drives them: the hook's ``files``
pattern matched against the changed paths, then its ``entry`` (plus its
``args``, and the file names when ``pass_filenames``) run at the
repository's root with the hook's environment first on ``PATH``. The
workflow is checked against GitHub's workflow schema (as check-jsonschema
ships it), against its copy in the maintainers' guide and the commands the
README documents, and its commands are run on a broken copy of the records.
"""

import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from pakru.site.__main__ import main as write_site
from tests.checkouts import BROKEN_FILE, MARKER, broken_checkout, copy_checkout
from tests.conftest import REPO

BIN = Path(sys.executable).parent
"""The environment pakru is installed in, which a hook or a CI job would put first on PATH."""

HOOKS: list[dict[str, Any]] = yaml.safe_load(
    (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
)
WORKFLOW_FILE = REPO / ".github" / "workflows" / "pakru.yml"
WORKFLOW: dict[str, Any] = yaml.safe_load(WORKFLOW_FILE.read_text(encoding="utf-8"))
RECORDS = len(list((REPO / "records").glob("*/*.yaml")))
TEXT = "records/sources/text/004_70d7bb2ad96e1bf1.txt"
"""The report text of ``src-70d7bb2a``, which ``cgss-12`` and others quote."""


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PAKRU_RECORDS"}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def _hook(hook_id: str) -> dict[str, Any]:
    return next(h for h in HOOKS if h["id"] == hook_id)


def run_hook(
    hook: dict[str, Any], root: Path, changed: Sequence[str]
) -> subprocess.CompletedProcess[str] | None:
    """Run ``hook`` at ``root`` as pre-commit does for a commit changing ``changed``.

    None when pre-commit would skip it ("(no files to check) Skipped").
    """
    files = re.compile(hook.get("files", ""))
    exclude = re.compile(hook.get("exclude", "^$"))
    matched = [p for p in changed if files.search(p) and not exclude.search(p)]
    if not matched and not hook.get("always_run", False):
        return None
    argv = [*shlex.split(hook["entry"]), *hook.get("args", [])]
    if hook.get("pass_filenames", True):
        argv += matched
    return subprocess.run(
        argv, cwd=root, env=_env(), capture_output=True, text=True, check=False, timeout=300
    )


# --- the pre-commit hooks -----------------------------------------------------------------------


def test_the_validate_hook_needs_no_args_and_watches_every_file_of_the_tree() -> None:
    hook = _hook("pakru-validate")
    assert "args" not in hook
    assert hook["pass_filenames"] is False
    assert shlex.split(hook["entry"])[:2] == ["pakru", "validate"]
    files = re.compile(hook["files"])
    for changed in (TEXT, "records/VERSION", "records/withdrawn.json", BROKEN_FILE):
        assert files.search(changed), changed
    assert not files.search("README.md")


@pytest.mark.parametrize(
    ("changed", "breakage", "named"),
    [
        (BROKEN_FILE, "record", BROKEN_FILE),
        (TEXT, "text", "records/meetings/cgss-12.yaml"),
        ("records/VERSION", "version", "records/VERSION"),
        ("records/withdrawn.json", "withdrawn", "records/withdrawn.json"),
    ],
)
def test_the_validate_hook_fails_on_a_broken_repository(
    changed: str, breakage: str, named: str, tmp_path: Path
) -> None:
    root = copy_checkout(tmp_path / "repo")
    if breakage == "record":
        broken_checkout(tmp_path / "other")
        (root / BROKEN_FILE).write_bytes((tmp_path / "other" / BROKEN_FILE).read_bytes())
    elif breakage == "text":
        text = root / TEXT
        # the report's words change: the quotes of the records citing it no longer occur
        text.write_text(text.read_text("utf-8").replace("Friday", "Saturday"), "utf-8")
    elif breakage == "version":
        (root / "records" / "VERSION").write_text("banana\n", "utf-8")
    else:
        (root / "records" / "withdrawn.json").write_text("[{", "utf-8")
    done = run_hook(_hook("pakru-validate"), root, [changed])
    assert done is not None, f"the hook is skipped when {changed} changes"
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{named}:" in done.stdout
    assert done.stdout.splitlines()[-1] == (
        f"Checked {RECORDS} records in {root / 'records'} (found from {root} upwards)."
    )


def test_the_validate_hook_passes_a_sound_repository(tmp_path: Path) -> None:
    root = copy_checkout(tmp_path / "repo")
    done = run_hook(_hook("pakru-validate"), root, ["records/meetings/cgss-12.yaml"])
    assert done is not None
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_validate_hook_fails_where_there_is_no_records_tree(tmp_path: Path) -> None:
    (tmp_path / "repo" / "data" / "records").mkdir(parents=True)  # not at the root: not found
    done = run_hook(_hook("pakru-validate"), tmp_path / "repo", ["data/records/VERSION"])
    assert done is not None
    assert done.returncode == 2
    assert "no records tree found" in done.stderr


def test_the_fmt_hook_checks_the_changed_records(tmp_path: Path) -> None:
    root = copy_checkout(tmp_path / "repo")
    path = root / BROKEN_FILE
    path.write_text(path.read_text("utf-8").replace("kind: ", "kind:   ", 1), "utf-8")
    hook = _hook("pakru-fmt")
    assert run_hook(hook, root, [TEXT]) is None  # texts are not record files
    done = run_hook(hook, root, [BROKEN_FILE])
    assert done is not None
    assert done.returncode == 1
    assert done.stdout.startswith(f"{BROKEN_FILE}: not in canonical form")


# --- the GitHub workflow ------------------------------------------------------------------------


def _steps(job: str) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = WORKFLOW["jobs"][job]["steps"]
    return steps


def _commands(text: str) -> list[str]:
    """Shell commands of a script: one per line or ``&&`` part, comments and prompts left out."""
    out = []
    for line in text.splitlines():
        for part in line.split(" && "):
            command = part.split("  #")[0].strip()
            command = re.sub(r"^(\.venv/bin/|\$ )", "", command)
            if command and not command.startswith("#"):
                out.append(command)
    return out


def _run_commands() -> list[str]:
    return [
        command
        for job in WORKFLOW["jobs"]
        for step in _steps(job)
        if "run" in step
        for command in _commands(step["run"])
    ]


def test_the_workflow_is_valid_for_github() -> None:
    done = subprocess.run(
        [
            str(BIN / "check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            str(WORKFLOW_FILE),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_guide_shows_the_workflow_file_as_it_is() -> None:
    guide = (REPO / "docs" / "guide.md").read_text(encoding="utf-8")
    match = re.search(
        r"<!-- workflow: \.github/workflows/pakru\.yml -->\n```yaml\n(.*?)```", guide, re.DOTALL
    )
    assert match, "docs/guide.md has no copy of the workflow"
    assert match.group(1) == WORKFLOW_FILE.read_text(encoding="utf-8")


def test_the_workflows_commands_are_the_ones_the_readme_documents() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    documented = {
        command
        for block in re.findall(r"```sh\n(.*?)```", readme, re.DOTALL)
        for command in _commands(block)
    }
    commands = _run_commands()
    assert commands
    assert [c for c in commands if c not in documented] == []


def test_the_workflow_validates_with_annotations_uploads_sarif_and_builds_the_site() -> None:
    validate = next(c for c in _run_commands() if c.startswith("pakru validate"))
    argv = shlex.split(validate)
    assert argv[argv.index("--format") + 1] == "github"
    assert "--no-installed" in argv
    assert not [a for a in argv[2:] if not a.startswith("-") and "=" not in a and a != "github"]
    outputs = dict(argv[i + 1].split("=", 1) for i, a in enumerate(argv) if a == "--output")
    upload = next(s for s in _steps("validate") if "upload-sarif" in s.get("uses", ""))
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == outputs["sarif"]
    assert "!cancelled()" in upload["if"]  # uploaded when the findings failed the job too
    assert WORKFLOW["jobs"]["validate"]["permissions"]["security-events"] == "write"
    assert "mkdocs build --strict" in _run_commands()


def test_the_workflows_validate_command_fails_on_a_broken_checkout(tmp_path: Path) -> None:
    root = broken_checkout(tmp_path / "checkout")
    validate = next(c for c in _run_commands() if c.startswith("pakru validate"))
    done = subprocess.run(
        shlex.split(validate),
        cwd=root,
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert f"::error file={BROKEN_FILE}," in done.stdout
    argv = shlex.split(validate)
    outputs = dict(argv[i + 1].split("=", 1) for i, a in enumerate(argv) if a == "--output")
    sarif = json.loads((root / outputs["sarif"]).read_text("utf-8"))
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
        if r["level"] == "error"
    }
    assert BROKEN_FILE in uris
    assert f'name="{BROKEN_FILE}"' in (root / outputs["junit"]).read_text("utf-8")
    assert done.stderr.splitlines()[-1] == (
        f"Checked {RECORDS} records in {root / 'records'} (found from {root} upwards)."
    )


def test_the_site_built_in_a_broken_checkout_shows_its_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """``python -m pakru.site`` (what mkdocs-gen-files runs, without mkdocs) in the checkout."""
    root = broken_checkout(tmp_path / "checkout", site=True)
    monkeypatch.chdir(root)
    monkeypatch.delenv("PAKRU_RECORDS", raising=False)
    with caplog.at_level("INFO", logger="mkdocs.plugins.pakru"):
        assert write_site([str(tmp_path / "out")]) == 0
    page = (tmp_path / "out" / "meetings" / "cgss-12.md").read_text("utf-8")
    assert MARKER in page
    assert (
        f"pakru: building the site from {RECORDS} records in {root / 'records'} "
        f"(found from {root} upwards)"
    ) in caplog.messages
