"""``pakru --version`` and ``--help`` answer without the models (issue 28: ≤ 50 ms, measured in
benchmarks/scale.py), with the same answers as the package's own look-ups."""

import subprocess
import sys

import pytest

import pakru
from pakru.cli import SEMVER, main, package_version, version_string
from pakru.cli.new import KINDS
from pakru.dataset.versions import SEMVER as DATASET_SEMVER
from pakru.schema import RECORD_TYPES


def test_the_light_copies_equal_their_originals() -> None:
    assert SEMVER == DATASET_SEMVER
    assert tuple(RECORD_TYPES) == KINDS


def test_the_version_string_is_the_packages() -> None:
    assert package_version() == pakru.__version__
    assert version_string() == f"pakru {pakru.__version__} (data {pakru.data_version})"


def test_version_through_main(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == version_string() + "\n"


HEAVY = ("pydantic", "pakru.schema", "pakru.dataset", "importlib.metadata", "yaml")


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help_import_no_models(flag: str) -> None:
    code = (
        "import sys\n"
        "from pakru.cli import main\n"
        "try:\n"
        f"    main([{flag!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]", done.stdout
    assert (f"pakru {pakru.__version__} " in done.stdout) == (flag == "--version")


def test_version_as_an_option_among_others_still_answers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version", "validate"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == version_string() + "\n"
