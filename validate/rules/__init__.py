"""Cross-record rules, one module per theme; importing this package registers them all.

Every module in the package's own folder (``__path__``) is imported: a new
rule module needs no list entry. In a strict editable install (a tree of links
made at install time) it appears once the install is run again, as any new
module does (README, "Contributing"; ``tests/test_packaging.py`` says so).
"""

import pkgutil
from importlib import import_module

MODULES = tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name[0] != "_"))
"""The rule modules, in the order they are imported (and their rules registered)."""

for _name in MODULES:
    import_module(f"{__name__}.{_name}")
