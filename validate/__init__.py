"""The pakru validator: read → parse → models → dataset → rules → findings → report.

Each arrow is one module (``read``, ``parse``, ``models``, ``manifest``, ``pakru.dataset``,
``rules``, ``findings``, ``report``); ``load`` strings the first ones together for
``pakru.load()`` and ``pakru validate``, ``run`` adds the rules, with the run's ``index``;
``workers`` holds the process plumbing, ``cache`` the user cache of ``pakru.load()``.
"""
