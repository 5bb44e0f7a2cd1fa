"""Hostile input and arguments: a finding or a usage error, never a traceback or a silent skip."""

import os
from pathlib import Path

import pytest

import pakru as pakru_package
from pakru.cli import main
from pakru.loading import NotRecordsError
from pakru.validate import workers
from pakru.validate.findings import Finding
from pakru.validate.load import load_dataset
from pakru.validate.registry import RULES
from pakru.validate.run import validate
from tests.faults.conftest import Run, only, pakru, snapshot

TODAY = ("--today", "2018-06-01")


def _validate(tree: Path, *args: str | Path) -> Run:
    """Validate ``tree`` and check that it did not change a byte."""
    before = snapshot(tree)
    done = pakru("validate", tree, *TODAY, *args)
    assert snapshot(tree) == before
    return done


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- evidence must carry meaning -------------------------------------------------------------


def test_whitespace_quote_cannot_support_an_invented_city(tree: Path) -> None:
    meeting = tree / "meetings" / "wg-next.yaml"
    _edit(meeting, "city: Moscow", "city: Atlantis")
    _edit(
        meeting,
        "evidence:\n",
        "evidence:\n  - source: src-a\n    quote: '\u00a0\u2003\u00a0'\n"
        "    supports: [location.city]\n",
    )
    done = _validate(tree, "--strict")
    assert done.code == 1
    assert only(done.out_lines, "evidence.quote") == [
        f"{meeting}:24:12: error[evidence.quote] evidence[0].quote: quote is empty once "
        "whitespace is normalised; quote the source's words"
    ]


# --- sizes a user controls are bounded -------------------------------------------------------


def test_a_billion_ordinal_gives_one_short_gap_finding(tree: Path) -> None:
    _edit(tree / "meetings" / "wg-07.yaml", "ordinal: 7", "ordinal: 1000000000")
    six = (tree / "meetings" / "wg-07.yaml").read_text(encoding="utf-8")
    six = six.replace("id: wg-07", "id: wg-01").replace("ordinal: 1000000000", "ordinal: 1")
    (tree / "meetings" / "wg-01.yaml").write_text(six, encoding="utf-8")
    done = _validate(tree, "--select", "series.gap")
    assert done == Run(
        0,
        f"{tree}/meetings/wg-07.yaml:20:10: info[series.gap] ordinal: wg has no record of "
        "meeting numbers 2 to 999,999,999 (999,999,998 meetings)\nFound 1 info in 1 file.\n",
        "",
    )


def test_many_near_duplicates_give_one_finding(tree: Path) -> None:
    text = (tree / "meetings" / "wg-07.yaml").read_text(encoding="utf-8")
    for n in range(300):
        copy = text.replace("id: wg-07", f"id: wg-07-copy-{n:03}").replace(
            "ordinal: 7", "ordinal: null"
        )
        (tree / "meetings" / f"wg-07-copy-{n:03}.yaml").write_text(copy, encoding="utf-8")
    done = _validate(tree, "--select", "duplicates")
    assert done.code == 0
    assert done.out_lines == [
        f"{tree}/meetings/wg-07-copy-000.yaml:7:3: warning[duplicates.likely] date: may be the "
        "same meeting as wg-07, wg-07-copy-001, wg-07-copy-002, wg-07-copy-003, wg-07-copy-004 "
        "and 295 more (301 meetings alike by series and number, or by kind, city and dates); "
        "if both report one meeting, keep one record and add the other's sources, quotes and "
        "participants to it (docs/contributing.md, 'A second report of a meeting'); if the "
        "reports disagree, keep both, link them with same_as and add a Conflict record",
        "Found 1 warning in 1 file.",
    ]


def test_jobs_are_capped_at_cores_and_chunks(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures  # noqa: PLC0415

    started: list[int] = []

    class Recorder(concurrent.futures.ThreadPoolExecutor):
        def __init__(self, max_workers: int, **_: object) -> None:
            started.append(max_workers)
            super().__init__(max_workers=1)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Recorder)
    monkeypatch.setattr(workers, "CHUNK", 3)
    files = len(list(tree.rglob("*.yaml")))
    serial = validate([tree])
    assert validate([tree], jobs=99_999) == serial
    # one pool reads the files, one runs the rules (a task per theme)
    themes = len({r.theme for r in RULES.values() if r.func is not None})
    assert started == [
        min(workers.default_jobs(), -(-files // 3)),
        min(workers.default_jobs(), themes),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--jobs", "-1"), "argument --jobs: expected a whole number of processes, got '-1'"),
        (("--jobs", "lots"), "argument --jobs: expected a whole number of processes, got 'lots'"),
        (("--today", "20180601"), "argument --today: expected YYYY-MM-DD, got '20180601'"),
        (("--today", "2018-W22-5"), "argument --today: expected YYYY-MM-DD, got '2018-W22-5'"),
    ],
)
def test_bad_arguments_are_usage_errors(tree: Path, args: tuple[str, ...], message: str) -> None:
    done = pakru("validate", tree, *args)
    assert done.code == 2
    assert done.err_lines[-1] == f"pakru validate: error: {message}"


@pytest.mark.parametrize(("option", "value"), [("--select", "dats"), ("--ignore", "dates.weekdya")])
def test_unknown_rule_ids_are_usage_errors(tree: Path, option: str, value: str) -> None:
    (tree / "meetings" / "broken.yaml").write_text("type: meeting\n", encoding="utf-8")
    done = _validate(tree, option, f"ids,{value}")
    assert done == Run(
        2, "", f"pakru validate: {option}: no rule id or prefix {value!r} (see 'pakru rules')\n"
    )


# --- no traceback ----------------------------------------------------------------------------


def test_an_integer_past_the_digit_limit_is_a_finding(tree: Path) -> None:
    _edit(tree / "meetings" / "wg-07.yaml", "ordinal: 7", "ordinal: " + "9" * 5000)
    done = _validate(tree)
    assert done.code == 1
    assert done.out_lines[0] == (
        f"{tree}/meetings/wg-07.yaml:20:10: error[yaml.number] an integer of 5,000 "
        "characters is too long"
    )


def test_date_arithmetic_at_the_calendar_edge_is_a_finding(tree: Path) -> None:
    _edit(tree / "sources" / "src-a.yaml", "published: 2018-03-03", "published: 0001-01-01")
    done = _validate(tree, "--select", "dates.weekday")
    assert done.code == 1
    assert done.out_lines[0] == (
        f"{tree}/meetings/wg-07.yaml:11:7: error[dates.weekday] date.derivations[0]: "
        "weekday-before-publication cannot be computed within the calendar (years 1 to 9999)"
    )


def test_a_stated_value_outside_the_documented_form_is_a_finding(tree: Path) -> None:
    _edit(tree / "meetings" / "wg-next.yaml", "value: '2019'", "value: '+2019'")
    done = _validate(tree, "--select", "dates.stated")
    assert done.out_lines[0] == (
        f"{tree}/meetings/wg-next.yaml:11:7: error[dates.stated] date.derivations[0]: "
        "'+2019' is not a valid value for stated-year ([0-9]{4})"
    )


def test_an_escaping_exception_is_one_line_and_exit_2(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pakru.validate import run  # noqa: PLC0415 - the command imports it when run

    def broken(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError("something\nunforeseen")

    monkeypatch.setattr(run, "check", broken)
    assert main(["validate", str(tree)]) == 2
    assert capsys.readouterr() == ("", "pakru validate: RuntimeError: something unforeseen\n")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read: No such file or directory"),
        (
            b"[{",
            "not a JSON file: Expecting property name enclosed in double quotes: "
            "line 1 column 3 (char 2)",
        ),
        (
            b'["caf\xe9"]',
            "not a JSON file: 'utf-8' codec can't decode byte 0xe9 in position 5: "
            "invalid continuation byte",
        ),
        (b'{"id": "x"}', "not a records.json (expected a list of records, each with an 'id')"),
    ],
)
def test_changelog_old_file_problems_are_usage_errors(
    tree: Path, tmp_path: Path, content: bytes | None, message: str
) -> None:
    old = tmp_path / "records.json"
    if content is not None:
        old.write_bytes(content)
    done = pakru("changelog", "--old", old, tree)
    assert done == Run(2, "", f"pakru changelog: --old {old}: {message}\n")


# --- nothing silently skipped ----------------------------------------------------------------


def test_dangling_link_fifo_and_upper_case_suffix_are_findings(tree: Path) -> None:
    meetings = tree / "meetings"
    (meetings / "gone.yaml").symlink_to(tree / "nowhere.yaml")
    os.mkfifo(meetings / "pipe.yaml")
    (meetings / "wg-07.yaml").rename(meetings / "wg-07.YAML")
    done = _validate(tree, "--select", "read")
    assert done == Run(
        1,
        f"{meetings}/gone.yaml: error[read.io] dangling symbolic link to '{tree}/nowhere.yaml'\n"
        f"{meetings}/pipe.yaml: error[read.io] cannot read file: a FIFO\n"
        f"{meetings}/wg-07.YAML: error[read.suffix] suffix '.YAML' is not read as a record; "
        "rename the file to wg-07.yaml\n"
        "Found 3 errors in 3 files.\n",
        "",
    )


def test_overlapping_paths_are_read_once(tree: Path) -> None:
    alone = _validate(tree)
    assert alone == Run(0, "No findings.\n", "")
    paths = (tree, tree / "meetings", tree / "meetings" / "wg-07.yaml")
    assert pakru("validate", *paths, *TODAY) == alone


@pytest.mark.parametrize(
    "error",
    [PermissionError(13, "Permission denied"), FileNotFoundError(2, "No such file or directory")],
)
def test_an_unreadable_or_vanished_folder_is_a_finding(
    tree: Path, monkeypatch: pytest.MonkeyPatch, error: OSError
) -> None:
    # simulated, so that it also holds for root and at the exact moment of the walk
    real = os.scandir
    locked = tree / "meetings"

    def scandir(path: str | Path) -> object:
        if Path(path) == locked:
            raise error
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    loaded = load_dataset([tree])
    assert [f for f in loaded.findings if f.rule == "read.io"] == [
        Finding(
            locked.as_posix(), 0, 0, "read.io", "error", f"cannot read folder: {error.strerror}"
        )
    ]
    assert "wg-07" not in loaded.dataset


def test_a_real_unreadable_folder(tree: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads folders whatever their mode; see the simulated test above")
    locked = tree / "meetings"
    locked.chmod(0)
    try:
        done = pakru("validate", tree, "--select", "read")
    finally:
        locked.chmod(0o755)
    assert done == Run(
        1,
        f"{locked}: error[read.io] cannot read folder: Permission denied\n"
        "Found 1 error in 1 file.\n",
        "",
    )


def test_control_characters_in_file_names_are_escaped(tree: Path) -> None:
    (tree / "meetings" / "x\x1b[2K\nfake.yaml").write_text("type: meeting\nid: x\nid: y\n")
    done = _validate(tree, "--select", "yaml")
    assert done.out_lines[0] == (
        f"{tree}/meetings/x\\x1b[2K\\nfake.yaml:3:1: error[yaml.duplicate-key] duplicate key "
        "'id' (first on line 2)"
    )
    assert "\x1b" not in done.out


# --- load() ----------------------------------------------------------------------------------


def test_load_takes_a_str_a_path_or_a_sequence(tree: Path) -> None:
    ids = {r.id for r in pakru_package.load(tree).records}
    assert {r.id for r in pakru_package.load(str(tree)).records} == ids
    assert {r.id for r in pakru_package.load([str(tree)]).records} == ids
    assert {r.id for r in pakru_package.load((tree / "meetings", tree / "bodies")).records} == {
        "wg-07",
        "wg-next",
        "wg",
    }


NO_PATHS = (
    "no paths given: pass a records folder or file, or call load() with no argument for the "
    "records tree found from the working folder upwards (else the data installed with pakru)"
)


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            "/",
            "/ is not a records tree: it has none of the folders agreements/, bodies/, "
            "conflicts/, events/, meetings/, people/, sources/",
        ),
        (42, "paths must be str or Path, not int"),
        ("/no/such/records", "/no/such/records: no such file or folder"),
        ("/etc/hostname", "/etc/hostname is not a record file (.yaml or .yml)"),
        ([], NO_PATHS),  # not the default tree: that is load() with no argument
        ((), NO_PATHS),
        ("x" * 5000, f"{'x' * 60}…{'x' * 20} (5000 characters): File name too long"),
        (
            "/proc/self/root" * 300,
            "/proc/self/root/proc/self/root/proc/self/root/proc/self/root…/root/proc/self/root"
            " (4500 characters): File name too long",
        ),
    ],
)
def test_load_refuses_what_is_not_a_records_tree(given: object, message: str) -> None:
    with pytest.raises(NotRecordsError) as raised:
        pakru_package.load(given)  # type: ignore[arg-type]
    assert str(raised.value) == message


def test_cli_refuses_what_is_not_a_records_tree() -> None:
    done = pakru("validate", "/")
    assert done.code == 2
    assert done.err == (
        "pakru validate: / is not a records tree: it has none of the folders agreements/, "
        "bodies/, conflicts/, events/, meetings/, people/, sources/\n"
    )
