"""Cross-record rules, one module per theme; importing this package registers them all.

Every module in the package's own folder (``__path__``) is imported: a new
rule module needs no list entry and, in the README's editable install, no
reinstall (``tests/test_architecture.py`` adds one and runs ``pakru rules``).
"""

import pkgutil
from importlib import import_module

MODULES = tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name[0] != "_"))
"""The rule modules, in the order they are imported (and their rules registered)."""

for _name in MODULES:
    import_module(f"{__name__}.{_name}")
