"""The Dataset the library hands out: ``pakru.load()`` returns it and ``pakru.Dataset`` is it.

It adds to :class:`pakru.dataset.Dataset` what builds on the exports. The
exports build on the dataset, not the other way round, so these methods live
here, above both, and import the export modules only when called.
"""

from typing import TYPE_CHECKING

from pakru import dataset

if TYPE_CHECKING:
    import pandas as pd

    from pakru.export.model import Table


class Dataset(dataset.Dataset):
    """All records of a pakru dataset (:class:`pakru.dataset.Dataset`), and its export tables.

    >>> sorted(fixture().tables())[:3]
    ['acts', 'agreements', 'bodies']
    """

    @classmethod
    def of(cls, ds: dataset.Dataset) -> "Dataset":
        """``ds`` as this class: the same records, texts, version and withdrawn ids."""
        if isinstance(ds, cls):
            return ds
        return cls(ds, ds.texts, version=ds.version, withdrawn=ds.withdrawn.values())

    def tables(self) -> "dict[str, Table]":
        """Every export table by name (:func:`pakru.export.tables`): what every format writes."""
        from pakru.export import tables  # noqa: PLC0415 - only when asked for

        return tables(self)

    def acts_table(self) -> "Table":
        """The ``acts`` table: one CAMEO-coded row per act, with both actors (see the codebook)."""
        from pakru.export.acts import acts_table  # noqa: PLC0415 - only when asked for

        return acts_table(self)

    def to_pandas(self) -> "dict[str, pd.DataFrame]":
        """Every table of the exports as a pandas DataFrame, ``meta`` and ``source_texts``
        included (:mod:`pakru.export.frames`; needs pandas and pyarrow).

        Nullable dtypes throughout, so ``pd.NA`` is the one missing value
        (:func:`pakru.export.dtypes` names each column's dtype):

        >>> frames = fixture().to_pandas()
        >>> frames["meetings"].loc[:, ["id", "status", "date_earliest"]].head(2)
                id status date_earliest
        0  cgss-12   held    2018-03-02
        1  fm-talks-moscow   held          <NA>
        """
        from pakru.export import each_table, meta  # noqa: PLC0415 - only when asked for
        from pakru.export.frames import frames  # noqa: PLC0415 - pandas is optional

        return frames(each_table(self), self.version, meta(self))
