"""``pakru --version`` and ``--help`` answer without the models (issue 28: ≤ 50 ms, measured in
benchmarks/scale.py), with the same answers as the package's own look-ups."""

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

import pakru
from pakru.cli import (
    _LONGEST,
    COMMANDS,
    SEMVER,
    VERSION_FILE,
    _command,
    _data_version,
    main,
    package_version,
    parser,
    records_folder,
    version_string,
)
from pakru.dataset.versions import SEMVER as DATASET_SEMVER
from pakru.tools.tree import VERSION_FILE as TREE_VERSION_FILE
from pakru.tools.tree import shipped_records
from pakru.validate.manifest import read_version
from pakru.validate.read import MAX_BYTES


def test_the_light_copies_equal_their_originals() -> None:
    assert SEMVER == DATASET_SEMVER
    assert VERSION_FILE == TREE_VERSION_FILE
    assert records_folder() == str(shipped_records())
    assert _LONGEST == MAX_BYTES


def test_the_version_string_is_the_packages() -> None:
    assert package_version() == pakru.__version__
    assert version_string() == f"pakru {pakru.__version__} (data {pakru.data_version})"


@pytest.mark.parametrize(
    "content",
    [
        b"2.1.0\n",
        b"10.0.3-rc.1",
        b"  1.2.3  \n",
        b"1.2",
        b"v1.2.3",
        b"1.2.3\n4.5.6",
        b"\xff\xfe",
        b"1.2.3-" + b"a" * 5000,
        b"1.2.3-" + b"a" * 1_000_000,
        None,
    ],
    ids=[
        "plain",
        "pre-release",
        "spaces",
        "short",
        "v",
        "two-lines",
        "not-utf8",
        "long",
        "too-long",
        "none",
    ],
)
def test_the_light_data_version_reads_as_the_validator_does(
    tmp_path: Path, content: bytes | None
) -> None:
    if content is not None:
        (tmp_path / VERSION_FILE).write_bytes(content)
    expected, findings = read_version(tmp_path / VERSION_FILE, "records/VERSION")
    if content is None:
        assert _data_version(str(tmp_path)) == "unversioned"
    elif expected is not None:
        assert _data_version(str(tmp_path)) == expected
    else:
        assert findings
        assert _data_version(str(tmp_path)) == "invalid: run pakru validate"


def test_a_version_file_linked_out_of_the_tree_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.write_text("9.9.9\n", encoding="utf-8")
    tree = tmp_path / "records"
    (tree / "meetings").mkdir(parents=True)
    (tree / VERSION_FILE).symlink_to(outside)
    assert read_version(tree / VERSION_FILE, "records/VERSION")[0] is None
    assert _data_version(str(tree)) == "invalid: run pakru validate"


def test_version_through_main(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == version_string() + "\n"


def _group(top: argparse.ArgumentParser) -> "argparse._SubParsersAction[argparse.ArgumentParser]":
    [group] = [a for a in top._actions if isinstance(a, argparse._SubParsersAction)]
    return group


def _subcommands(top: argparse.ArgumentParser) -> dict[str, str | None]:
    return {str(a.dest): a.help for a in _group(top)._choices_actions}


def test_every_command_takes_its_help_line_from_the_one_table() -> None:
    assert _subcommands(parser()) == COMMANDS
    for name in COMMANDS:
        assert _subcommands(parser(name)) == COMMANDS


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_the_help_is_the_same_whichever_module_was_imported(command: str) -> None:
    full = parser()
    assert parser(command).format_help() == full.format_help()
    if command:
        mine = _group(parser(command)).choices[command]
        assert mine.format_help() == _group(full).choices[command].format_help()


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        ([], ""),
        (["--help"], ""),
        (["--version", "validate"], "validate"),
        (["export", "--format", "all", "--out", "x"], "export"),
        (["-h", "fmt", "--check"], "fmt"),
        (["nosuch"], "nosuch"),
    ],
)
def test_the_command_is_the_first_word(argv: list[str], command: str) -> None:
    assert _command(argv) == command


HEAVY = ("pydantic", "pakru.schema", "pakru.dataset", "importlib.metadata", "yaml", "pathlib")


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help_import_no_models(flag: str) -> None:
    code = (
        "import sys\n"
        "before = set(sys.modules)  # what the interpreter's start-up imported (site, .pth files)\n"
        "from pakru.cli import main\n"
        "try:\n"
        f"    main([{flag!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in set(sys.modules) - before if m.startswith({HEAVY!r})"
        " or m.startswith('pakru.cli.')))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONSTARTUP"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert done.stdout.splitlines()[-1] == "[]", done.stdout
    assert (f"pakru {pakru.__version__} " in done.stdout) == (flag == "--version")


def test_a_command_imports_its_own_module_only() -> None:
    code = (
        "import sys\n"
        "from pakru.cli import main\n"
        "try:\n"
        "    main(['rules', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('pakru.cli.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "['pakru.cli.rules']", done.stdout


def test_version_as_an_option_among_others_still_answers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version", "validate"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == version_string() + "\n"
