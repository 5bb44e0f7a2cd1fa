"""Acts: who did what to whom, where and when, coded with CAMEO.

- :mod:`pakru.acts.codes`: the code lists (CAMEO labels, Goldstein scores,
  QuadClasses, actor roles) and the date and country codes joining pakru
  with Wikidata and COW;
- :mod:`pakru.acts.policy`: the coding policy, one ordered list of rules;
- :mod:`pakru.acts.model`: :class:`Act` and :class:`Actor`;
- :mod:`pakru.acts.actors`: how each act's actors are found;
- :mod:`pakru.acts.extract`: :func:`acts`, the acts the records state,
  :func:`rows`, the same as directed rows (the ``acts`` table), and
  :func:`problems`, what keeps a record's acts from being coded;
- :mod:`pakru.acts.plover`: the CAMEO → PLOVER crosswalk.
"""

from pakru.acts.extract import Problem, acts, problems, rows, unsupported
from pakru.acts.model import Act, Actor

__all__ = ["Act", "Actor", "Problem", "acts", "problems", "rows", "unsupported"]
