"""Contributor tools: ``pakru fmt``, ``pakru new``, ``pakru changelog``, ``pakru schema``.

Each module does one job; none is imported by the library (``pakru.load()``):

- :mod:`~pakru.tools.fmt`: the canonical form of a record file;
- :mod:`~pakru.tools.scaffold`: new source records and empty records;
- :mod:`~pakru.tools.changes`: what changed between two data versions;
- :mod:`~pakru.tools.docstrings`: the generated field descriptions (``schema/fielddocs.py``);
- :mod:`~pakru.tools.tree`: which records tree a command reads;
- :mod:`~pakru.tools.atomic`: writing files whole, never outside their tree.
"""
