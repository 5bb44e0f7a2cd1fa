"""A record file that does not build is reported once, in that file, not in its referrers.

The file's name is its id (``ids.filename``), so references to that id are
not "missing": the real cause is the broken file's own finding.
"""

import datetime as dt
from pathlib import Path

import pytest

from pakru.validate.registry import Context
from pakru.validate.report import text
from pakru.validate.run import validate
from tests.validate.test_cases import BASE, build_tree

WG_07 = (BASE / "meetings" / "wg-07.yaml").read_text(encoding="utf-8")


def _report(tree: Path) -> list[str]:
    found = validate([tree], context=Context(today=dt.date(2018, 6, 1)))
    prefix = f"{tree.as_posix()}/"
    return [line.removeprefix(prefix) for line in text(found).splitlines()]


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (
            WG_07.replace("status: held\n", "status: held\nstatus: held\n", 1),
            [
                "meetings/wg-07.yaml:6:1: error[yaml.duplicate-key] "
                "duplicate key 'status' (first on line 5)",
                "Found 1 error in 1 file.",
            ],
        ),
        (
            WG_07.replace("kind:", "kidn:", 1),
            [
                "meetings/wg-07.yaml:1:1: error[schema.missing-key] missing required key 'kind'",
                "meetings/wg-07.yaml:4:1: error[schema.unknown-key] "
                "unknown key 'kidn' (did you mean 'kind'?)",
                "Found 2 errors in 1 file.",
            ],
        ),
    ],
    ids=["duplicate-key", "typo-key"],
)
def test_only_the_broken_file_is_reported(broken: str, expected: list[str], tmp_path: Path) -> None:
    tree = build_tree(tmp_path / "empty", tmp_path / "records")
    (tree / "meetings" / "wg-07.yaml").write_text(broken, encoding="utf-8")
    assert _report(tree) == expected


def test_a_missing_file_is_still_reported_in_its_referrers(tmp_path: Path) -> None:
    tree = build_tree(tmp_path / "empty", tmp_path / "records")
    (tree / "meetings" / "wg-07.yaml").unlink()
    report = _report(tree)
    assert (
        "meetings/wg-next.yaml:21:15: error[references.resolve] announced_at: "
        "no record with id 'wg-07'" in report
    )
