"""``pakru draft``: a report's sentences turned into proposed records and edits, each value
with its quote or the rule and quote deriving it, for a person to confirm.

:func:`draft` is the whole of it: a :class:`~pakru.dataset.Dataset` (the tree the
report is added to), the source record and its text in; a :class:`Draft` out. It
writes nothing; :mod:`pakru.draft.output` turns a draft into YAML, JSON and diffs.
"""

from pakru.draft.model import Draft, Edit, Proposal
from pakru.draft.run import draft

__all__ = ["Draft", "Edit", "Proposal", "draft"]
