"""pandas DataFrames of the export tables (``Dataset.to_pandas``); pandas is optional."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from pakru.dataset import Dataset

PANDAS_MISSING = (
    "Dataset.to_pandas() needs pandas, an optional dependency: pip install 'pakru[pandas]'"
)


def to_pandas(ds: "Dataset") -> "dict[str, pd.DataFrame]":
    """Table name → DataFrame with pandas' nullable types, one missing value each.

    Text is ``string``, whole numbers ``Int64`` and booleans ``boolean``, all
    with ``pd.NA`` for unknown; dates are ``datetime64`` with ``NaT``; list
    columns hold Python lists (never missing: an empty list). ``isna()`` is
    the one test for unknown. Each frame's ``attrs["pakru_data_version"]``
    is the data version it was made from.
    """
    try:
        import pandas as pd  # noqa: PLC0415 - optional dependency
    except ImportError as error:
        raise ImportError(PANDAS_MISSING) from error
    from pakru.export.definitions import build  # noqa: PLC0415

    frames = {}
    for name, table in build(ds).items():
        frame = pd.DataFrame(
            [
                {k: list(v) if isinstance(v, tuple) else v for k, v in row.items()}
                for row in table.rows
            ],
            columns=list(table.column_names),
        )
        for column in table.columns:
            if column.type == "date":
                frame[column.name] = pd.to_datetime(frame[column.name])
            elif column.type == "integer":
                frame[column.name] = frame[column.name].astype("Int64")
            elif column.type == "boolean":
                frame[column.name] = frame[column.name].astype("boolean")
            elif column.type == "string":  # pd.NA when unknown, like Int64 and boolean
                frame[column.name] = frame[column.name].astype("string")
        frame.attrs["pakru_data_version"] = ds.version
        frames[name] = frame
    return frames
