"""Whatever the bytes, the validator returns findings and never raises."""

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pakru.validate.registry import Context
from pakru.validate.run import validate

CASES = Path(__file__).resolve().parent.parent / "cases"
MEETING = (CASES / "_base" / "meetings" / "wg-07.yaml").read_text(encoding="utf-8")
LINES = MEETING.splitlines(keepends=True)
SCALARS = st.sampled_from(
    ["null", "~", "NO", "0001-01-01", "9999-12-31", "-1", "1e999", "'x'", "[]", "{}", "&a x", "*a"]
)


def _run(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / "records"
        shutil.copytree(CASES / "_base", tree)
        for name, data in files.items():
            (tree / name).write_bytes(data)
        findings = validate([tree], context=Context())
        assert all(f.rule for f in findings)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    _run({"meetings/fuzz.yaml": data})


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(LINES) - 1), SCALARS)
def test_one_value_replaced(index: int, value: str) -> None:
    line = LINES[index]
    head = line.split(":", 1)[0] if ":" in line else line.rstrip("\n")
    lines = [*LINES[:index], f"{head}: {value}\n", *LINES[index + 1 :]]
    _run({"meetings/wg-07.yaml": "".join(lines).encode()})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(LINES)), st.integers(0, len(LINES)))
def test_lines_dropped(start: int, stop: int) -> None:
    lines = LINES[: min(start, stop)] + LINES[max(start, stop) :]
    _run({"meetings/wg-07.yaml": "".join(lines).encode()})
