"""pakru: Pakistan–Russia security dialogues, meetings and agreements, from news reports.

>>> import pakru
>>> ds = pakru.load()
>>> meeting = ds.get("cgss-12")
>>> meeting.date.earliest.isoformat(), meeting.date.precision
('2018-03-02', 'day')

``pakru.__version__`` is the package's version and ``pakru.data_version``
the version of the data it ships (``records/VERSION``); a loaded dataset
knows its own (``ds.version``).

Heavy modules (pydantic models, the validator) and even the version
look-ups are done on first use, so ``import pakru`` stays fast.
"""

from importlib import import_module

# Not ``from typing import TYPE_CHECKING``: importing typing (and re) would be
# most of what ``import pakru`` costs. Type checkers treat this name the same.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pakru.dataset import KindError
    from pakru.dataset.collection import QueryError
    from pakru.library import Dataset
    from pakru.loading import DatasetError, load

    __version__: str
    data_version: str | None

__all__ = [
    "Dataset",
    "DatasetError",
    "KindError",
    "QueryError",
    "__version__",
    "data_version",
    "load",
]

_LAZY = {
    "load": "pakru.loading",
    "DatasetError": "pakru.loading",
    "Dataset": "pakru.library",
    "KindError": "pakru.dataset",
    "QueryError": "pakru.dataset.collection",
}


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415 - slow import

    try:
        return version("pakru")
    except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
        return "0+unknown"


def __getattr__(name: str) -> "Any":
    if name == "__version__":
        value: Any = _package_version()
        globals()[name] = value
        return value
    if name == "data_version":
        from pakru.tools.tree import VERSION_FILE, shipped_records  # noqa: PLC0415
        from pakru.validate.manifest import read_version  # noqa: PLC0415

        value, _ = read_version(shipped_records() / VERSION_FILE, f"records/{VERSION_FILE}")
        globals()[name] = value
        return value
    if name in _LAZY:
        module = import_module(_LAZY[name])
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pakru' has no attribute {name!r}")
