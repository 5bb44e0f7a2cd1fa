"""JSON Lines: ``<table>.jsonl`` (one object per line), ``meta.json``, ``records.jsonl``.

Values are spelt as in the JSON export (:mod:`pakru.export.json_`, which
writes both); one line per row streams well into ``jq``, DuckDB or
``pandas.read_json(lines=True)``.
"""

from functools import partial

from pakru.export import json_

write = partial(json_.write, lines=True)
read = partial(json_.read, lines=True)
