"""pandas DataFrames of the export tables, typed as the tables declare; pandas is optional.

pandas (like readr and Stata) guesses column types from a CSV file's text, so
the code ``"046"`` becomes the number 46 and an empty list NaN. Here every
column takes its declared type instead, from the tables in memory
(:func:`frames`, what ``ds.to_pandas()`` gives) or read back from a CSV
export (:func:`read_csv`): text is ``string``, whole numbers ``Int64``, other
numbers ``Float64`` and booleans ``boolean``, all with ``pd.NA`` for unknown;
dates are ``datetime64`` with ``NaT``; list columns hold Python lists (never
missing: an empty list). ``isna()`` is the one test for unknown. In a CSV
file only an unquoted empty cell is unknown, and a text cell written with a
``'`` in front (:func:`pakru.export.csv_.protect`) or a list item with an
escaped ``;`` comes back as the value was.
"""

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from pakru.export.csv_ import cell_value, parse
from pakru.export.model import Column, Table, Value

if TYPE_CHECKING:
    import pandas as pd

    from pakru.dataset import Dataset

PANDAS_MISSING = (
    "pakru's DataFrames need pandas, an optional dependency: pip install 'pakru[pandas]'"
)

_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


def _pandas() -> Any:
    try:
        import pandas as pd  # noqa: PLC0415 - optional dependency
    except ImportError as error:
        raise ImportError(PANDAS_MISSING) from error
    return pd


def frame(columns: Sequence[Column], rows: Sequence[Sequence[Value]]) -> "pd.DataFrame":
    """Rows of table values (one value per column, in order) as a typed DataFrame."""
    return _frame(columns, lambda at, _name: [row[at] for row in rows])


def _frame(
    columns: Sequence[Column], values_of: "Callable[[int, str], list[Value]]"
) -> "pd.DataFrame":
    """A typed DataFrame whose column ``at`` (named ``name``) holds ``values_of(at, name)``."""
    pandas = _pandas()
    data = {}
    for at, column in enumerate(columns):
        values = values_of(at, column.name)
        if column.type == "list":
            lists = [list(v) if isinstance(v, tuple) else [] for v in values]
            data[column.name] = pandas.Series(lists, dtype=object)
        elif column.type == "date":
            data[column.name] = pandas.to_datetime(pandas.Series(values, dtype=object))
        else:
            data[column.name] = pandas.Series(values, dtype=_DTYPES[column.type])
    return cast("pd.DataFrame", pandas.DataFrame(data, columns=[c.name for c in columns]))


def frames(tables: Mapping[str, Table], version: str | None) -> "dict[str, pd.DataFrame]":
    """Table name → DataFrame; each frame's ``attrs["pakru_data_version"]`` is ``version``."""
    out = {}
    for name, table in tables.items():
        out[name] = table_frame(table)
        out[name].attrs["pakru_data_version"] = version
    return out


def table_frame(table: Table) -> "pd.DataFrame":
    """One table as a typed DataFrame, read column by column from its rows (no copy of them)."""
    rows = table.rows
    return _frame(table.columns, lambda _at, name: [r[name] for r in rows])


def dataset_frames(ds: "Dataset") -> "dict[str, pd.DataFrame]":
    """:func:`frames` of ``ds``'s tables, each table made, turned into a DataFrame and let go
    before the next is made: ``ds.to_pandas()`` holds one table's rows at a time."""
    from pakru.export.definitions import TABLES  # noqa: PLC0415 - the acts' coding is heavy

    out = {}
    for make in TABLES:
        table = make(ds)
        out[table.name] = table_frame(table)
        out[table.name].attrs["pakru_data_version"] = ds.version
        del table
    return out


def columns(table_name: str) -> dict[str, Column]:
    """The declared columns of an export table, by name (empty for an unknown table)."""
    from pakru.dataset import Dataset  # noqa: PLC0415
    from pakru.export.definitions import TABLES  # noqa: PLC0415

    made = (make(Dataset(())) for make in TABLES)
    table = next((t for t in made if t.name == table_name), None)
    return {} if table is None else {c.name: c for c in table.columns}


def read_csv(path: str | Path) -> "pd.DataFrame":
    """One CSV file of ``pakru export --format csv`` as a DataFrame, typed as its table declares.

    The table is named by the file (``acts.csv`` → ``acts``); columns of an
    unknown table (``meta.csv``) are read as text.
    """
    path = Path(path)
    header, *rows = parse(path.read_bytes().decode("utf-8"))
    if None in header:
        raise ValueError(f"{path}: empty column name in the header")
    declared = columns(path.stem)
    typed = [declared.get(str(name), Column(str(name), "string", "")) for name in header]
    cells = [
        [None if v is None else cell_value(c, v) for c, v in zip(typed, r, strict=True)]
        for r in rows
    ]
    return frame(typed, cells)
