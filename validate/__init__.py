"""The pakru validator: read → parse → models → dataset → rules → findings → report.

Each arrow is one module (``read``, ``parse``, ``models``, ``manifest``, ``pakru.dataset``,
``rules``, ``findings``, ``report``); ``pipeline`` strings them together for
both ``pakru.load()`` and ``pakru validate``.
"""
