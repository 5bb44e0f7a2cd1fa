"""The data version and the ids that were merged or withdrawn: values of a Dataset.

Both are read from files next to the records (``VERSION`` and
``withdrawn.json``, named in :mod:`pakru.tools.tree`): the data version is
a semantic version (see ``docs/versioning.md``); a merged id resolves to
the record it became, and a withdrawn id raises :class:`WithdrawnError`
with the reason. This module holds the values; reading and checking the
files is a stage of the validator (:mod:`pakru.validate.manifest`), shared
by ``pakru validate`` and ``pakru.load()``, so a malformed file is a
finding with file and line.
"""

from dataclasses import dataclass
from typing import Literal

SEMVER = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$"


class WithdrawnError(KeyError):
    """The id was withdrawn: it names no record any more. ``withdrawal`` says why."""

    def __init__(self, withdrawal: "Withdrawal") -> None:
        self.withdrawal = withdrawal
        super().__init__(
            f"record {withdrawal.id!r} was withdrawn in data version "
            f"{withdrawal.version}: {withdrawal.reason}"
        )

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Withdrawal:
    """An id that no longer names a record: merged into another one, or withdrawn."""

    id: str
    status: Literal["merged", "withdrawn"]
    into: str | None
    reason: str
    version: str
