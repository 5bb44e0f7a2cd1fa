"""``pakru draft`` on both corpora: its figures must not fall below the committed ones.

The figures (and which of issue 27's targets are met) are printed in the test
output's summary. The test fails on a regression against ``tests/draft/figures.json``,
not on a target the drafter does not meet yet; ``python -m tests.draft.score --write``
stores new figures when the drafter improves.
"""

import json

import pytest

from tests.draft import score
from tests.draft.conftest import FIGURES_TEXT


def test_the_draft_figures_do_not_regress(request: pytest.FixtureRequest) -> None:
    scores = score.score_all()
    current = score.figures(scores)
    met = "\n".join(
        f"- {name}: {'n/a' if value is None else f'{value:.3f}'} (target {least}): "
        + ("met" if ok else "NOT met")
        for name, value, least, ok in score.targets(current)
    )
    request.config.stash[FIGURES_TEXT] = score.text_report(scores) + "\nTargets:\n" + met + "\n"
    committed = json.loads(score.FIGURES.read_text(encoding="utf-8"))
    assert score.regressions(current, committed) == [], f"run {score.COMMAND} to see the figures"
    stored_failed = {c: set(v["failed"]) for c, v in committed["corpora"].items()}
    for corpus, c in current["corpora"].items():
        new = set(c["failed"]) - stored_failed[corpus]
        assert not new, f"the drafter now fails on {corpus} reports {sorted(new)}"
