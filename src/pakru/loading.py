"""``pakru.load()``: the dataset as typed records."""

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from pakru.dataset import Dataset
from pakru.validate.findings import Finding
from pakru.validate.pipeline import load_dataset
from pakru.validate.report import text


class DatasetError(ValueError):
    """The records could not be loaded; ``findings`` says where and why."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = tuple(findings)
        super().__init__("the dataset has errors:\n" + text(self.findings))


def load(paths: Sequence[str | Path] | None = None) -> Dataset:
    """Load the dataset shipped with pakru, or the records under ``paths``.

    Raises :class:`DatasetError` when a file cannot be read, parsed or
    validated against the models, or when ``VERSION`` or ``withdrawn.json``
    is malformed: the same findings ``pakru validate`` reports for these
    stages. The data version and the withdrawn ids are read from the first
    folder in ``paths`` (default: the shipped records). Cross-record rules
    are the validator's business (``pakru validate``); loading does not
    run them.
    """
    if paths:
        return _load(tuple(Path(p) for p in paths))
    return _load_default()


@cache
def _load_default() -> Dataset:
    return _load(())


def _load(paths: tuple[Path, ...]) -> Dataset:
    loaded = load_dataset(list(paths) or None)
    errors = [f for f in loaded.findings if f.severity == "error"]
    if errors:
        raise DatasetError(errors)
    return loaded.dataset
