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
