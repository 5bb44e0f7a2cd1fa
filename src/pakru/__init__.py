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
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("pakru")
except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
    __version__ = "0+unknown"

if TYPE_CHECKING:
    from pakru.dataset import Dataset
    from pakru.loading import DatasetError, load

__all__ = ["Dataset", "DatasetError", "__version__", "load"]

_LAZY = {"load": "pakru.loading", "DatasetError": "pakru.loading", "Dataset": "pakru.dataset"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = import_module(_LAZY[name])
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pakru' has no attribute {name!r}")
