"""The draft figures in the test output: the scorer's test leaves them for the summary."""

import pytest

FIGURES_TEXT = pytest.StashKey[str]()
"""What ``tests/draft/test_score_figures.py`` measured, printed at the end of the run."""


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    """Print the draft's precision and recall, and the targets met, after the tests."""
    text = config.stash.get(FIGURES_TEXT, None)
    if text is not None:
        terminalreporter.section("pakru draft: precision and recall (tests/draft/score.py)")
        terminalreporter.write(text)
