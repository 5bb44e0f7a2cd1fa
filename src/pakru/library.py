"""The Dataset the library hands out: the dataset value, plus the export tables and frames.

``pakru.load()`` returns this class, and ``pakru.Dataset`` is it. It adds to
:class:`pakru.dataset.Dataset` what builds on the exports:
:meth:`~Dataset.tables`, :meth:`~Dataset.acts_table` and
:meth:`~Dataset.to_pandas`. They live here, in the library's front layer,
because the exports build on the dataset and not the other way round: the
dataset layer imports nothing above it, and these methods import the export
modules only when called, so ``pakru.load()`` never loads them.
"""

from typing import TYPE_CHECKING

from pakru import dataset

if TYPE_CHECKING:
    import pandas as pd

    from pakru.export.model import Table


class Dataset(dataset.Dataset):
    """All records of a pakru dataset, with the export tables (see :class:`pakru.dataset.Dataset`).

    >>> ds = fixture()
    >>> sorted(ds.tables())[:3]
    ['acts', 'agreements', 'bodies']
    """

    @classmethod
    def of(cls, ds: dataset.Dataset) -> "Dataset":
        """``ds`` as this class, sharing its records and indexes (nothing is copied)."""
        return ds if isinstance(ds, cls) else ds._shared_as(cls)

    def tables(self) -> "dict[str, Table]":
        """Every export table, by name: ``pakru.export.tables(ds)``, what every format writes."""
        from pakru.export import tables  # noqa: PLC0415 - only when asked for

        return tables(self)

    def acts_table(self) -> "Table":
        """The ``acts`` table: one CAMEO-coded row per act, with both actors.

        See :mod:`pakru.export.acts` and the codebook; it is also the ``acts``
        table of every export and of :meth:`to_pandas`.
        """
        from pakru.export.acts import acts_table  # noqa: PLC0415 - only when asked for

        return acts_table(self)

    def to_pandas(self) -> "dict[str, pd.DataFrame]":
        """Every export table as a pandas DataFrame (:func:`pakru.export.frames.frames`).

        Needs the ``pandas`` extra. Dates become ``datetime64`` columns (``NaT``
        when unknown), whole numbers nullable ``Int64``, and list columns hold
        Python lists.

        >>> frames = fixture().to_pandas()
        >>> frames["meetings"].loc[:, ["id", "status", "date_earliest"]].head(2)
                id status date_earliest
        0  cgss-12   held    2018-03-02
        1  fm-talks-moscow   held           NaT
        """
        from pakru.export.frames import frames  # noqa: PLC0415 - pandas is optional

        return frames(self.tables(), self.version)
