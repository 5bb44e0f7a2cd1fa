"""Contributor tools: ``pakru fmt``, ``new``, ``changelog`` and ``schema``, and their file
plumbing (which records tree a command reads, writing files whole and inside their tree)."""
