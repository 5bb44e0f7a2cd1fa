"""``pakru.load()``: the dataset as typed records."""

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from pakru.dataset import Dataset
from pakru.manifest import ManifestError, data_version, records_root, withdrawals
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
    validated against the models, and :class:`~pakru.manifest.ManifestError`
    when ``VERSION`` or ``withdrawn.json`` is malformed. The data version and
    the withdrawn ids are read from the first folder in ``paths`` (default:
    the shipped records). Cross-record rules are the validator's
    business (``pakru validate``); loading does not run them.
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
    root = next((p for p in paths if p.is_dir()), None) if paths else records_root()
    version = data_version(root) if root else None
    withdrawn = withdrawals(root) if root else ()
    dataset = loaded.dataset
    for item in withdrawn:
        if item.id in dataset:
            raise ManifestError(f"withdrawn id {item.id!r} still names a record")
        known = item.into in dataset or item.into in {w.id for w in withdrawn}
        if item.into is not None and not known:
            raise ManifestError(f"{item.id!r} was merged into {item.into!r}, which is unknown")
    return Dataset(dataset.entries, dataset.texts, version=version, withdrawn=withdrawn)
