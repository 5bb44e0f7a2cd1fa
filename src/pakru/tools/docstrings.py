"""Field descriptions from attribute docstrings, extracted once into a committed module.

A field's description is the docstring written under it in the model::

    status: Literal["held", "planned"]
    \"\"\"Whether the meeting took place or was announced.\"\"\"

pydantic can read these itself (``use_attribute_docstrings``), but it does
so on every import, parsing each model's source file again: 50–120 ms of
``import pakru.schema``. Instead ``pakru schema`` writes them into
:mod:`pakru.schema.fielddocs`, which :class:`~pakru.schema.base.Model` reads,
and a test fails when that module is stale. The rules are pydantic's: a
string expression right after an annotated name in a class body, cleaned
with :func:`inspect.cleandoc`, and applied only to a field that has no
description of its own.
"""

import ast
import inspect
from pathlib import Path

from pakru import schema

SCHEMA_DIR = Path(schema.__file__ or "").resolve().parent
TARGET = SCHEMA_DIR / "fielddocs.py"
_HEAD = '''# ruff: noqa: E501 - generated; one description per line
"""Field descriptions of the models, keyed by class. Generated; do not edit.

Written by ``pakru schema`` from the attribute docstrings (see
:mod:`pakru.tools.docstrings`); ``tests/schema/test_fielddocs.py`` fails when stale.
"""

FIELD_DOCS: dict[str, dict[str, str]] = '''


def _class_docs(node: ast.ClassDef) -> dict[str, str]:
    docs: dict[str, str] = {}
    previous: ast.stmt | None = None
    for statement in node.body:
        if (
            isinstance(statement, ast.Expr)
            and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str)
            and isinstance(previous, ast.AnnAssign)
            and isinstance(previous.target, ast.Name)
        ):
            docs[previous.target.id] = inspect.cleandoc(statement.value.value)
        previous = statement
    return docs


def extract(directory: Path = SCHEMA_DIR) -> dict[str, dict[str, str]]:
    """``"pakru.schema.<module>.<Class>"`` → field → description, for every class with any."""
    out: dict[str, dict[str, str]] = {}
    for path in sorted(directory.glob("*.py")):
        module = f"pakru.schema.{path.stem}" if path.stem != "__init__" else "pakru.schema"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and (docs := _class_docs(node)):
                out[f"{module}.{node.name}"] = docs
    return out


def _literal(text: str) -> str:
    """A string literal as ``ruff format`` writes it: double quotes unless the text has some."""
    shown = repr(text)
    return f'"{shown[1:-1]}"' if shown[0] == "'" and '"' not in text else shown


def render(docs: dict[str, dict[str, str]] | None = None) -> str:
    """The text of the generated module."""
    lines = [_HEAD + "{"]
    for name, fields in sorted((extract() if docs is None else docs).items()):
        lines.append(f"    {_literal(name)}: {{")
        lines.extend(f"        {_literal(k)}: {_literal(doc)}," for k, doc in fields.items())
        lines.append("    },")
    return "\n".join([*lines, "}", ""])


def stale(target: Path = TARGET) -> bool:
    """True when the generated module differs from the docstrings."""
    return not target.exists() or target.read_text(encoding="utf-8") != render()
