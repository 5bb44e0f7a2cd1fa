"""Read an exported CSV file into pandas with every column's declared type.

pandas (like readr and Stata) guesses column types from the text, so the
code ``"046"`` becomes the number 46 and an empty list becomes NaN. This
reader takes the types from the table definitions instead: codes and other
text stay strings, whole numbers are nullable ``Int64``, dates
``datetime64``, list columns Python lists (``[]`` when empty), and only an
unquoted empty cell is missing (``<NA>``). Text cells written with a ``'``
in front, so that no spreadsheet reads them as a formula
(:func:`pakru.export.csv_.protect`), come back without it, as the value was.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from pakru.export.csv_ import cell_value, parse
from pakru.export.definitions import Column

if TYPE_CHECKING:
    import pandas as pd

_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


def columns(table_name: str) -> dict[str, Column]:
    """The declared columns of an export table, by name (empty for an unknown table)."""
    from pakru.dataset import Dataset  # noqa: PLC0415
    from pakru.export.definitions import build  # noqa: PLC0415

    tables = build(Dataset(()))
    table = tables.get(table_name)
    return {} if table is None else {c.name: c for c in table.columns}


def read_csv(path: str | Path) -> "pd.DataFrame":
    """One CSV file of ``pakru export --format csv`` as a DataFrame, typed as the table declares.

    The table is named by the file (``acts.csv`` → ``acts``); columns of
    an unknown table are read as strings.
    """
    import pandas as pd  # noqa: PLC0415 - optional dependency

    path = Path(path)
    header, *rows = parse(path.read_bytes().decode("utf-8"))
    declared = columns(path.stem)
    data: dict[str, object] = {}
    for index, name in enumerate(header):
        if name is None:
            raise ValueError(f"{path}: empty column name in the header")
        column = declared.get(name, Column(name, "string", ""))
        values = [None if r[index] is None else cell_value(column, r[index] or "") for r in rows]
        if column.type == "list":
            data[name] = pd.Series([list(v) if isinstance(v, tuple) else [] for v in values])
        elif column.type == "date":
            data[name] = pd.to_datetime(pd.Series(values, dtype=object))
        else:
            data[name] = pd.Series(values, dtype=_DTYPES[column.type])
    return pd.DataFrame(data, columns=[h for h in header if h is not None])
