"""Cross-record rules, one module per theme; importing this package registers them all.

Every module in this folder is imported, so a new rule module needs no list
entry here. With setuptools' strict editable install (what the README's
set-up uses) the installed package is a tree of links made at install
time, and a module added later has no link yet: the folder the links point
to is searched too, so the new module is found and registered at once. Re-run
the install (README, "Contributing") so that ``mypy -p pakru`` checks it
as well; ``tests/test_packaging.py`` fails until then.
"""

import pkgutil
from importlib import import_module
from pathlib import Path


def search_path(path: list[str], init_file: str) -> list[str]:
    """``path`` plus the folder ``init_file`` really lives in, when that is elsewhere (a link)."""
    source = str(Path(init_file).resolve().parent)
    return path if source in path else [*path, source]


def module_names(path: list[str]) -> list[str]:
    """Names of the modules in the folders of ``path``, sorted, private ones (``_x``) left out."""
    return sorted({m.name for m in pkgutil.iter_modules(path) if not m.name.startswith("_")})


__path__ = search_path(list(__path__), __file__)
MODULES = tuple(module_names(__path__))
"""The rule modules, in the order they are imported (and their rules registered)."""

for _name in MODULES:
    import_module(f"{__name__}.{_name}")
