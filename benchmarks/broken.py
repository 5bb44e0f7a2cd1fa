"""The cost of a broken record file: the parse stage with and without libyaml's first pass.

Every syntax error libyaml finds is worded again by PyYAML's pure-Python
parser, so findings are the same with and without libyaml
(``tests/validate/test_parse.py``). This script measures what that costs on
hostile files up to the read stage's limit (``MAX_BYTES``): the time is
linear in the size and bounded by ``MAX_NODES``.

    python benchmarks/broken.py
"""

import time

from pakru.validate.parse import parse
from pakru.validate.read import MAX_BYTES, Text


def texts() -> dict[str, str]:
    """Broken files near the size limit, each of a different kind."""
    items = (MAX_BYTES - 100) // 22
    return {
        "unterminated flow sequence": "type: body\nname: [" + ", ".join(["x" * 20] * items),
        "unterminated quoted scalar": 'type: body\nname: "' + "x" * (MAX_BYTES - 100),
        "flow mapping past MAX_NODES": "type: body\nname: {"
        + ", ".join(f"k{i}: v" for i in range(60_000)),
    }


def main() -> None:
    """Print each text's size, the parse time and the finding's rule."""
    for name, text in texts().items():
        start = time.perf_counter()
        finding = parse(Text("broken.yaml", text))
        seconds = time.perf_counter() - start
        rule = getattr(finding, "rule", "parsed")
        print(f"{name}: {len(text):,} characters, {seconds:.2f} s, {rule}")


if __name__ == "__main__":
    main()
