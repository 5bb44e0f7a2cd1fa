"""A mutation fuzzer over the real records, shared by the test and the long run.

:func:`mutate` turns a shipped record's bytes into hostile bytes (YAML
indicators, tags, markers, control characters, NEL and U+2028, tabs, stray
bytes, lines deleted, doubled, swapped or shifted). :class:`Harness` puts them
in a small records tree and runs everything that reads a record file:
``pakru validate`` (the pipeline), ``pakru.load()``, ``pakru fmt --check``
and ``pakru fmt`` (the command, in this process), and the formatter itself.
:meth:`Harness.check` asserts that

- no exception escapes any of them (``load()`` raises only ``DatasetError``),
- every finding about the file has a line and a column,
- the parse stage gives the same result with and without libyaml,
- ``fmt`` formats exactly the files ``validate`` parses (``fmt --check`` and
  ``fmt`` fail on a file exactly when its parse stage refuses it),
- formatting keeps the data and every comment, and is idempotent.

``tests/properties/test_fuzz_records.py`` runs a few hundred cases;
``python -m benchmarks.fuzz`` runs as many as asked (20,000 or more).
"""

import contextlib
import io
import random
import shutil
from collections import Counter
from pathlib import Path

import pakru
from pakru.cli import main
from pakru.tools.fmt import FormatError, format_text
from pakru.validate import parse as parse_module
from pakru.validate.findings import Finding
from pakru.validate.parse import Parsed, comments, parse
from pakru.validate.read import Text, read_text
from pakru.validate.registry import Context
from pakru.validate.run import validate
from tests.conftest import REPO

BASE = REPO / "tests" / "cases" / "_base"
RECORDS: tuple[tuple[str, bytes], ...] = tuple(
    (p.relative_to(REPO / "records").as_posix(), p.read_bytes())
    for p in sorted((REPO / "records").glob("*/*.yaml"))
)
"""Every shipped record file: (its path under records/, its bytes)."""

TOKENS: tuple[bytes, ...] = tuple(
    t.encode("utf-8") if isinstance(t, str) else t
    for t in (
        ": ",
        ":",
        "- ",
        "-",
        "'",
        '"',
        "!!map ",
        "!!seq ",
        "!!str ",
        "!!int ",
        "!!null ",
        "! ",
        "!x ",
        "&a ",
        "*a",
        "{",
        "}",
        "[",
        "]",
        ",",
        "#",
        " # c",
        "# c\n",
        "\n",
        " ",
        "  ",
        "\n---\n",
        "---\n",
        "\n...\n",
        "...",
        "%YAML 1.2\n---\n",
        "%YAML 1.3\n",
        "%TAG !e! tag:yaml.org,2002:\n",
        "? ",
        "?",
        "|",
        ">-",
        "|+",
        "\t",
        "\x1b",
        "\x7f",
        "\x85",
        "\u2028",
        "\ufeff",
        "\r",
        "\r\n",
        "\\",
        '"\\u',
        '"\\U99999999"',
        "yes",
        "null",
        "~",
        "0x1F",
        "1e999",
        "9" * 30,
        ".inf",
        "é",
        "→",
        b"\xff",
        b"\xc3",
        b"\x00",
    )
)


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [b""]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """``data`` with one to four random edits."""
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(data))
        kind = rng.randrange(9)
        if kind <= 2:
            data = data[:at] + rng.choice(TOKENS) + data[at:]
        elif kind == 3:
            data = data[:at] + data[at + rng.randint(1, 20) :]
        elif kind == 4 and data:
            byte = bytes([rng.randrange(256)])
            data = data[: min(at, len(data) - 1)] + byte + data[min(at, len(data) - 1) + 1 :]
        else:
            lines = _lines(data)
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            if kind == 5:
                lines.insert(i, lines[j])
            elif kind == 6:
                lines[i], lines[j] = lines[j], lines[i]
            elif kind == 7:
                lines[i] = b"  " + lines[i]
            else:
                lines[i] = lines[i][rng.randint(1, 3) :] if lines[i].startswith(b" ") else b""
            data = b"".join(lines)
    return data


def _quiet(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def _pure(source: Text) -> Parsed | Finding:
    """The parse stage without libyaml, as on a PyYAML built without it."""
    saved = parse_module._FAST
    parse_module._FAST = None
    try:
        return parse(source)
    finally:
        parse_module._FAST = saved


def _same(a: Parsed | Finding, b: Parsed | Finding) -> bool:
    if isinstance(a, Parsed) and isinstance(b, Parsed):
        return a.data == b.data and a.warnings == b.warnings
    return a == b


class Harness:
    """A records tree (the case tree) in ``folder``, and the checks over one mutated file."""

    def __init__(self, folder: Path) -> None:
        self.tree = folder / "records"
        if self.tree.exists():
            shutil.rmtree(self.tree)
        shutil.copytree(BASE, self.tree)

    def check(self, name: str, data: bytes) -> None:
        """Run every reader over ``data`` written as ``records/NAME``; assert the properties."""
        target = self.tree / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        try:
            self._check(target, data)
        finally:
            target.unlink(missing_ok=True)

    def _check(self, target: Path, data: bytes) -> None:
        findings = validate([self.tree], context=Context())
        shown = [f for f in findings if f.path.endswith(target.name)]
        assert all(f.line >= 1 and f.column >= 1 for f in shown), shown
        with contextlib.suppress(pakru.DatasetError):  # and nothing else
            pakru.load(self.tree)
        source = read_text(target, target.name)
        parsed = source if isinstance(source, Finding) else parse(source)
        if isinstance(source, Text):
            assert _same(parsed, _pure(source)), "the parse stage depends on libyaml"
        refused = isinstance(parsed, Finding)
        stage_findings = [f for f in shown if f.rule.split(".")[0] in ("read", "yaml")]
        assert refused == any(f.severity == "error" for f in stage_findings), stage_findings
        if isinstance(source, Text):
            self._format(source, refused)
        check, _, check_err = _quiet(["fmt", "--check", str(target)])
        before = target.read_bytes()
        code, _, err = _quiet(["fmt", str(target)])
        assert (code != 0) == refused, (code, err)
        assert (check_err != "") == refused, check_err
        assert check == (1 if refused else int(before != target.read_bytes())), check
        if not refused:
            again, _, _ = _quiet(["fmt", "--check", str(target)])
            assert again == 0, "fmt --check fails after fmt"

    @staticmethod
    def _format(source: Text, refused: bool) -> None:
        try:
            result = format_text(source.text, source.path)
        except FormatError:
            assert refused, "fmt refuses a file the parse stage reads"
            return
        assert not refused, "fmt formats a file the parse stage refuses"
        before, after = parse(source), parse(Text(source.path, result))
        assert isinstance(before, Parsed), before
        assert isinstance(after, Parsed), after
        assert after.data == before.data, "fmt changes the data"
        assert Counter(comments(result)) == Counter(comments(source.text)), "fmt loses a comment"
        assert format_text(result, source.path) == result, "fmt is not idempotent"
