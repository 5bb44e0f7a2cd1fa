"""pakru: Pakistan–Russia security dialogues, meetings and agreements, from news reports.

>>> import pakru
>>> ds = pakru.load()
>>> meeting = ds.get("cgss-12")
>>> meeting.date.earliest.isoformat(), meeting.date.precision
('2018-03-02', 'day')

Heavy modules (pydantic models, the validator) are imported on first use,
so ``import pakru`` stays fast.
"""

from importlib import import_module

# Not ``from typing import TYPE_CHECKING``: importing typing (and re) would be
# most of what ``import pakru`` costs. Type checkers treat this name the same.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pakru.dataset import Dataset
    from pakru.loading import DatasetError, load

__all__ = ["Dataset", "DatasetError", "__version__", "load"]

_LAZY = {"load": "pakru.loading", "DatasetError": "pakru.loading", "Dataset": "pakru.dataset"}


def _version() -> str:
    # importlib.metadata costs ~30 ms on import: only paid when asked for
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("pakru")
    except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
        return "0+unknown"


def __getattr__(name: str) -> "Any":
    if name == "__version__":
        globals()[name] = value = _version()
        return value
    if name in _LAZY:
        module = import_module(_LAZY[name])
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pakru' has no attribute {name!r}")
