"""docs/performance.md is generated from the committed benchmark JSON, never typed by hand."""

import copy
import json
from typing import Any

import pytest

from benchmarks import page


def _figures() -> dict[str, Any]:
    report: dict[str, Any] = json.loads(page.FIGURES.read_text(encoding="utf-8"))
    return report


def test_figures_are_of_the_current_format() -> None:
    page.check(_figures())


def test_page_is_generated_from_the_figures() -> None:
    assert page.PAGE.read_text(encoding="utf-8") == page.render(_figures()), (
        "run 'python benchmarks/page.py' (after 'benchmarks/run.py --json benchmarks/figures.json')"
    )


@pytest.mark.parametrize(
    "damage",
    [
        lambda r: r.update(format=page.FORMAT - 1),
        lambda r: r.pop("machine"),
        lambda r: r["startup"].pop("load_cpu"),
        lambda r: r.pop("load_parts"),
        lambda r: next(iter(r["sizes"].values()))["processes"].pop("validate"),
        lambda r: r.update(sizes={}),
    ],
)
def test_other_layouts_are_refused(damage: Any) -> None:
    report = copy.deepcopy(_figures())
    damage(report)
    with pytest.raises(page.FormatError):
        page.render(report)


def test_a_missed_target_is_shown_with_what_bounds_it() -> None:
    report = copy.deepcopy(_figures())
    report["startup"]["load_cpu"] = 10.0
    text = page.render(report)
    assert "What bounds the missed targets" in text
    assert "pydantic" in text.split("What bounds the missed targets")[1]


def _scale() -> dict[str, Any]:
    scale: dict[str, Any] = json.loads(page.SCALE.read_text(encoding="utf-8"))
    return scale


def test_scale_figures_are_of_the_current_format() -> None:
    page.scale_page.check(_scale())


@pytest.mark.parametrize(
    "damage",
    [
        lambda s: s.update(format=page.scale_page.FORMAT + 1),
        lambda s: s.pop("growth"),
        lambda s: s.pop("install"),
        lambda s: next(iter(s["sizes"].values())).pop("coverage"),
        lambda s: s.update(sizes={}),
    ],
)
def test_other_scale_layouts_are_refused(damage: Any) -> None:
    scale = copy.deepcopy(_scale())
    damage(scale)
    with pytest.raises(page.FormatError):
        page.render(_figures(), scale)


def test_a_growth_over_the_bound_is_shown_as_missed() -> None:
    scale = copy.deepcopy(_scale())
    scale["growth"] = [{"step": "coverage", "from": 1000, "to": 10000, "ratio": 12.5, "ok": False}]
    text = page.render(_figures(), scale)
    assert (
        "| every step: x10 records ≤ x11 time | worst x12.50 (coverage, 1,000 → 10,000) | **no** |"
        in text
    )


def test_the_incremental_figures_are_on_the_page() -> None:
    data = {
        "format": 1,
        "date": "2026-12-08 01:58 UTC",
        "command": "python benchmarks/incremental.py --sizes 10000",
        "load_before": [7.1, 6.6, 5.3],
        "load_after": [10.9, 10.7, 8.5],
        "sizes": {"10000": {"full": 10.5, "file_uncached": 11.0, "file": 0.42, "ratio": 0.04}},
    }
    text = page.render(_figures(), _scale(), data)
    assert (
        "| 10,000 | 10.50 s | 11.00 s | 0.42 s | 0.040x | — | — | yes | 2026-12-08 01:58 UTC, "
        "`python benchmarks/incremental.py --sizes 10000` | 7.10 6.60 5.30 → 10.90 10.70 8.50 |"
    ) in text
    two = {
        "format": 2,
        "sizes": {
            "30000": {
                **data["sizes"]["10000"],  # type: ignore[dict-item]
                "file_uncached": None,
                "date": "2026-12-08 02:27 UTC",
                "command": "python benchmarks/incremental.py --sizes 30000",
                "load_before": [9.4, 10.9, 10.0],
                "load_after": [5.8, 7.1, 8.5],
            }
        },
    }
    text = page.render(_figures(), _scale(), two)
    assert "| 30,000 | 10.50 s | — | 0.42 s | 0.040x | — | — | yes | 2026-12-08 02:27 UTC" in text
    assert "| 9.40 10.90 10.00 → 5.80 7.10 8.50 |" in text
    data["format"] = 3
    assert "Not shown: `benchmarks/incremental.json` is of format 3" in page.render(
        _figures(), _scale(), data
    )


def test_a_site_section_of_its_own_is_read() -> None:
    scale = copy.deepcopy(_scale())
    site = {
        "cpu": 20.0,
        "wall": 30.0,
        "rss_mib": 300.0,
        "pages": 1026,
        "index_files": 1,
        "index_bytes": 2**20,
        "largest_index_bytes": 2**20,
        "record_index_files": 8,
        "record_index_bytes": 2**21,
        "largest_record_index_bytes": 2**19,
        "search": {"page_load_s": 0.5, "first_query_s": 0.4, "second_query_s": 0.1},
    }
    scale["site"] = {"1000": site, "10000": {**site, "cpu": 150.0}}
    text = page.render(_figures(), scale)
    assert "| site at 10,000 < 10x the 1,000-record build | x7.50 CPU | yes |" in text
    assert (
        "| 1,000 | 20.00 s | 30.00 s | 300 MiB | 1,026 | 1.0 MiB in 1 file(s) | 1.0 MiB |" in text
    )
    assert "2.0 MiB in 8 file(s) | 0.50 MiB |" in text
