"""Frictionless data package: ``datapackage.json`` describing the CSV files of the CSV export.

The descriptor follows Data Package v2 (``$schema`` of the v2 profiles,
``type: table`` resources; no v1 ``profile``). Its title, description,
keywords and contributors come from ``CITATION.cff``
(:mod:`pakru.export.citation`), its sources are the news reports the records
quote (the ``sources`` table), and ``dtypes.csv`` (:mod:`pakru.export.typemap`)
is a resource too. No homepage is given: the project states none yet.

Every table is a resource with a Table Schema: field types, ``required``
constraints, the primary key and the foreign keys. List columns use the
``list`` type with ``;`` as delimiter (an item's own ``;`` escaped, see
:data:`LIST_NOTE`). The data version is the package's
``version``; ``meta.csv`` is a resource too. The CSV files follow the CSV
export's formula policy (:mod:`pakru.export.csv_`): a text value beginning
with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or ``'`` is
written with one ``'`` in front, which the package's ``description`` says.
"""

import json
from collections.abc import Mapping
from pathlib import Path

from pakru.export import csv_, typemap
from pakru.export.citation import citation
from pakru.export.model import Column, Row, Table, meta_table
from pakru.tools.atomic import write_text

FILE_NAME = "datapackage.json"

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"
SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"

FORMULA_NOTE = (
    "Text values that begin with =, +, -, @, a tab, a carriage return or ' are written "
    "with one ' in front, so that no spreadsheet reads them as a formula; remove that "
    "first ' to get the value (pakru.export.read_csv does). Numbers, dates and booleans "
    "are written as they are."
)
"""The CSV formula policy, as the package's ``description`` states it."""

LIST_NOTE = (
    "In a list column an item's own ; is written \\; and its \\ as \\\\, so that the "
    "delimiter splits the items exactly (pakru.export.read_csv undoes it)."
)
"""How a list item holding the delimiter is written (:func:`pakru.export.csv_.to_text`)."""

DESCRIPTION = f"{FORMULA_NOTE} {LIST_NOTE}"
"""The package's ``description``: how the CSV files spell what a reader must undo."""


def field(column: Column) -> dict[str, object]:
    """The Table Schema field descriptor of a column."""
    out: dict[str, object] = {"name": column.name, "description": column.description}
    if column.type == "list":
        out |= {"type": "list", "delimiter": csv_.LIST_SEPARATOR, "itemType": column.item}
    elif column.type == "boolean":
        out |= {"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]}
    else:
        out["type"] = column.type
    if column.required:
        out["constraints"] = {"required": True}
    return out


def resource(table: Table) -> dict[str, object]:
    """The resource descriptor of a table."""
    schema: dict[str, object] = {
        "$schema": SCHEMA_PROFILE,
        "fields": [field(c) for c in table.columns],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(fk.columns),
                "reference": {
                    "resource": "" if fk.table == table.name else fk.table,
                    "fields": list(fk.refers_to),
                },
            }
            for fk in table.foreign_keys
        ]
    return {
        "$schema": RESOURCE_PROFILE,
        "name": table.name,
        "type": "table",
        "path": f"{table.name}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": table.description,
        "schema": schema,
    }


def dtypes_resource() -> dict[str, object]:
    """The resource of ``dtypes.csv``: the type of every column of the other resources."""
    boolean = {"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]}
    fields: list[dict[str, object]] = [
        {"name": name, **(boolean if name == "required" else {"type": "string"})}
        for name in typemap.FIELDS
    ]
    return {
        "$schema": RESOURCE_PROFILE,
        "name": "dtypes",
        "type": "table",
        "path": typemap.CSV_FILE,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": typemap.NOTE,
        "schema": {
            "$schema": SCHEMA_PROFILE,
            "fields": fields,
            "primaryKey": ["table", "column"],
        },
    }


def sources(tables: Mapping[str, Table]) -> list[dict[str, str]]:
    """The news reports the records quote, as Data Package ``sources``: title, publisher, date."""
    out = []
    for row in tables["sources"].rows if "sources" in tables else ():
        words = [str(row[k]) for k in ("publisher", "published") if row.get(k) is not None]
        title = str(row.get("title") or row["file"])
        out.append({"title": f"{title} ({', '.join(words)})" if words else title})
    return out


def descriptor(tables: Mapping[str, Table], meta: Mapping[str, str]) -> dict[str, object]:
    """The ``datapackage.json`` document (Data Package v2)."""
    cite = citation()
    about = f"{cite.abstract} {DESCRIPTION}" if cite.abstract else DESCRIPTION
    return {
        "$schema": PROFILE,
        "name": meta["name"],
        "title": meta["title"],
        "description": f"{about} {typemap.NOTE}",
        "version": meta["data_version"],
        "keywords": list(cite.keywords),
        "contributors": [{"title": name, "roles": ["creator"]} for name in cite.authors],
        "sources": sources(tables),
        "licenses": [
            {
                "name": meta["license"],
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0",
            }
        ],
        "resources": [
            *(resource(t) for t in (meta_table({}), *tables.values())),
            dtypes_resource(),
        ],
    }


def write(
    tables: Mapping[str, Table], meta: Mapping[str, str], records: list[object], out: Path
) -> list[Path]:
    """Write the CSV files and ``datapackage.json`` describing them."""
    written = csv_.write(tables, meta, records, out)
    path = out / FILE_NAME
    text = json.dumps(descriptor(tables, meta), ensure_ascii=False, indent=1)
    write_text(path, text + "\n")
    return [path, *written]


def read(out: Path, like: Mapping[str, Table]) -> tuple[dict[str, list[Row]], dict[str, str]]:
    """Read the CSV files back; the meta's data version is checked against the descriptor."""
    tables, meta = csv_.read(out, like)
    document = json.loads((out / FILE_NAME).read_text(encoding="utf-8"))
    if document.get("version") != meta.get("data_version"):
        raise ValueError("datapackage.json and meta.csv disagree on the data version")
    return tables, meta
