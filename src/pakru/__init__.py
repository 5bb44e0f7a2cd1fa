"""pakru: Pakistan–Russia security dialogues, meetings and agreements, from news reports.

>>> import pakru
>>> ds = pakru.load()
>>> meeting = ds.get("cgss-12")
>>> meeting.date.earliest.isoformat(), meeting.date.precision
('2018-03-02', 'day')

Heavy modules (pydantic models, the validator) are imported on first use,
so ``import pakru`` stays fast.
"""

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("pakru")
except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
    __version__ = "0+unknown"

if TYPE_CHECKING:
    from pakru.dataset import Dataset
    from pakru.load import DatasetError, load

__all__ = ["Dataset", "DatasetError", "__version__", "load"]


def __getattr__(name: str) -> Any:
    if name in ("load", "DatasetError"):
        from pakru import load as _load  # noqa: PLC0415 - lazy on purpose

        return getattr(_load, name)
    if name == "Dataset":
        from pakru.dataset import Dataset  # noqa: PLC0415

        return Dataset
    raise AttributeError(f"module 'pakru' has no attribute {name!r}")
