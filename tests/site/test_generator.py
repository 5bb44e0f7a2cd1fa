"""Unit tests of the page generator's pure parts."""

import datetime as dt
from pathlib import Path

import pytest

from docs.gen_pages import fmt_date, gaps, mark, quote_id
from pakru.schema import DateInterval


def _interval(first: str | None, last: str | None, precision: str) -> DateInterval:
    return DateInterval.model_validate(
        {"earliest": first, "latest": last, "precision": precision}, strict=False
    )


def test_gaps() -> None:
    assert gaps([7, 9]) == [8]
    assert gaps([7, 8, 9]) == []
    assert gaps([]) == []
    assert gaps([3, 6]) == [4, 5]


def test_fmt_date_ranges() -> None:
    assert fmt_date(_interval("2018-03-21", "2018-03-21", "day")) == "2018-03-21"
    assert fmt_date(_interval("2018-02-01", "2018-02-28", "month")) == (
        "February 2018 (2018-02-01 – 2018-02-28)"
    )
    assert fmt_date(_interval(None, "2018-03-03", "range")) == "? – 2018-03-03"
    assert fmt_date(_interval(None, None, "unknown")) == "date unknown"
    assert dt.date(2018, 3, 3).isoformat() == "2018-03-03"


def test_mark_overlapping_quotes() -> None:
    text = "Pakistan and Russia today held\nthe 7th meeting."
    outer, inner = "Pakistan and Russia today held the 7th meeting.", "Russia today"
    quotes = {quote_id(outer): outer, quote_id(inner): inner, quote_id("absent"): "absent"}
    html, found = mark(text, quotes)
    assert set(found) == {quote_id(outer), quote_id(inner)}
    assert html.count(f'id="{quote_id(outer)}"') == 1
    assert (
        f'<mark class="pk-quote {" ".join(sorted([quote_id(outer), quote_id(inner)]))}">' in (html)
        or f"{quote_id(inner)} {quote_id(outer)}" in html
        or f"{quote_id(outer)} {quote_id(inner)}" in html
    )
    assert "absent" not in html


def test_quote_id_ignores_whitespace() -> None:
    assert quote_id("a  b\nc") == quote_id("a b c")


def test_sentence_coverage() -> None:
    from docs.gen_pages import sentence_coverage  # noqa: PLC0415

    assert sentence_coverage("A b. C d! E f? “G.” H", {"C d", "H"}) == (2, 5)
    assert sentence_coverage("", set()) == (0, 0)


def test_prose_turns_rest_code_into_code_spans() -> None:
    from docs.gen_pages import prose  # noqa: PLC0415

    assert prose("in ``records/x`` and *y*") == r"in `records/x` and \*y\*"


def test_exports_copies_what_pakru_export_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess  # noqa: PLC0415

    from docs import gen_pages  # noqa: PLC0415

    calls: list[list[str]] = []

    def fake_run(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        calls.append(command)
        fmt, out = command[command.index("--format") + 1], Path(command[command.index("--out") + 1])
        if fmt == "csv":
            return subprocess.CompletedProcess(command, 2, "", "no such format")
        out.mkdir(parents=True)
        (out / f"pakru.{fmt}").write_bytes(b"data")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(subprocess, "run", fake_run)
    files, lines = gen_pages.exports("some/records")
    assert files["downloads/json/pakru.json"] == b"data"
    assert "downloads/csv/pakru.csv" not in files
    assert any(line.startswith("- **csv**: not available") for line in lines)
    assert any("(downloads/sqlite/pakru.sqlite)" in line for line in lines)
    assert all(c[-1] == "some/records" for c in calls)


def test_series_page_shows_a_gap(tmp_path: Path) -> None:
    import shutil  # noqa: PLC0415

    import pakru  # noqa: PLC0415
    from docs.gen_pages import pages  # noqa: PLC0415
    from tests.site.conftest import FIXTURE_RECORDS  # noqa: PLC0415

    records = tmp_path / "records"
    shutil.copytree(FIXTURE_RECORDS, records)
    (records / "meetings" / "jwg-ct-08.yaml").unlink()
    built = pages(pakru.load([records]), run_exports=False)
    series = built["bodies/jwg-ct.md"]
    assert isinstance(series, str)
    assert "Gaps in the numbering: 8." in series
    assert "| 8 | *no record (gap)* |" in series
    rows = [
        line.split("|")[1].strip()
        for line in series.splitlines()
        if line[:4] in ("| 7 ", "| 8 ", "| 9 ")
    ]
    assert rows == ["7", "8", "9"]


def test_sentence_coverage_cuts_at_line_ends() -> None:
    from docs.gen_pages import sentence_coverage  # noqa: PLC0415

    assert sentence_coverage("date 2019-04-20\nThe meeting was held.", {"was held"}) == (1, 2)


def test_hostile_text_is_escaped(tmp_path: Path) -> None:
    import shutil  # noqa: PLC0415

    import pakru  # noqa: PLC0415
    from docs.gen_pages import pages  # noqa: PLC0415
    from tests.site.conftest import FIXTURE_RECORDS  # noqa: PLC0415

    records = tmp_path / "records"
    shutil.copytree(FIXTURE_RECORDS, records)
    path = records / "meetings" / "jwg-ct-07.yaml"
    hostile = "7th | <script>x</script> *a* [b](c)"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [f"title: '{hostile}'" if line.startswith("title:") else line for line in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    built = pages(pakru.load([records]), run_exports=False)
    page = built["meetings/jwg-ct-07.md"]
    assert isinstance(page, str)
    assert "<script>" not in page
    assert r"7th \| &lt;script&gt;x&lt;/script&gt; \*a\* \[b\](c)" in page
