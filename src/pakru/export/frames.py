"""pandas DataFrames of the export tables, typed as the tables declare; pandas is optional.

pandas (like readr and Stata) guesses column types from a CSV file's text, so
the code ``"046"`` becomes the number 46 and an empty list NaN. Here every
column takes its declared type instead, from the tables in memory
(:func:`frames`, what ``ds.to_pandas()`` gives) or read back from a CSV
export (:func:`read_csv`): text is ``string``, whole numbers ``Int64``, other
numbers ``Float64``, booleans ``boolean`` and dates ``date32[day][pyarrow]``
(dates, not times: compare them with ``datetime.date``; ``.dt.year`` works),
all with ``pd.NA`` for unknown — one missing value everywhere; list columns
hold Python lists (never missing: an empty list). ``isna()`` is the one test
for unknown. The map is :data:`pakru.export.typemap.PANDAS`, and ``pd.read_parquet``
of the Parquet export gives the same dtypes. In a CSV
file only an unquoted empty cell is unknown, and a text cell written with a
``'`` in front (:func:`pakru.export.csv_.protect`) or a list item with an
escaped ``;`` comes back as the value was.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from pakru.export.csv_ import cell_value, parse
from pakru.export.model import Column, Table, Value, meta_table
from pakru.export.typemap import PANDAS

if TYPE_CHECKING:
    import pandas as pd

PANDAS_MISSING = (
    "pakru's DataFrames need pandas and pyarrow, optional dependencies: pip install 'pakru[pandas]'"
)


def _pandas() -> Any:
    try:
        import pandas as pd  # noqa: PLC0415 - optional dependency
        import pyarrow  # noqa: F401, PLC0415 - pandas' date dtype needs it
    except ImportError as error:
        raise ImportError(PANDAS_MISSING) from error
    return pd


def frame(columns: Sequence[Column], rows: Sequence[Sequence[Value]]) -> "pd.DataFrame":
    """Rows of table values (one value per column, in order) as a typed DataFrame."""
    return _frame(columns, lambda at, _: [row[at] for row in rows])


def _frame(
    columns: Sequence[Column], values: "Callable[[int, Column], list[Value]]"
) -> "pd.DataFrame":
    """A typed DataFrame of ``columns``, the values of each asked for (``values(at, column)``)
    when its Series is made and let go once it is: one column's list at a time."""
    pandas = _pandas()
    data = {}
    for at, column in enumerate(columns):
        if column.type == "list":
            lists = [list(v) if isinstance(v, tuple) else [] for v in values(at, column)]
            data[column.name] = pandas.Series(lists, dtype=object)
        else:
            data[column.name] = pandas.Series(values(at, column), dtype=PANDAS[column.type])
    return cast("pd.DataFrame", pandas.DataFrame(data, columns=[c.name for c in columns]))


def table_frame(table: Table) -> "pd.DataFrame":
    """One table as a typed DataFrame, a column at a time (no list of rows is made)."""
    rows = table.rows
    return _frame(table.columns, lambda _, column: [row[column.name] for row in rows])


def frames(
    tables: Mapping[str, Table] | Iterable[Table],
    version: str | None,
    meta: Mapping[str, str] | None = None,
) -> "dict[str, pd.DataFrame]":
    """Table name → DataFrame; each frame's ``attrs["pakru_data_version"]`` is ``version``.

    With ``meta``, a ``meta`` frame (key, value) comes first, as in every export. Given
    the tables one at a time (an iterator, as ``ds.to_pandas()`` does), each is let go once
    its frame is made, so the tables never all sit in memory beside the frames.
    """
    out = {}
    every = tables.values() if isinstance(tables, Mapping) else tables
    if meta is not None:
        every = _after(meta, every)
    for table in every:
        made = out[table.name] = table_frame(table)
        made.attrs["pakru_data_version"] = version
        del table
    return out


def _after(meta: Mapping[str, str], tables: Iterable[Table]) -> Iterator[Table]:
    """The ``meta`` table, then ``tables``; holding none once it is given."""
    yield meta_table(meta)
    yield from tables


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
