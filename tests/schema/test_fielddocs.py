"""Field descriptions come from a generated module; it must match the attribute docstrings."""

import json
import subprocess
import sys
from pathlib import Path

from pakru.tools import docstrings

DUMP = """
import json, sys
from pakru.schema.base import Model
if sys.argv[1] == "pydantic":
    # pydantic's own reading of attribute docstrings, as the models used before
    Model.model_config["use_attribute_docstrings"] = True
import pakru.schema

def every(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from every(sub)

out = {f"{c.__module__}.{c.__qualname__}": {n: f.description for n, f in c.model_fields.items()}
       for c in every(Model)}
print(json.dumps(out, sort_keys=True))
"""


def _descriptions(how: str) -> dict[str, dict[str, str | None]]:
    done = subprocess.run(
        [sys.executable, "-c", DUMP, how], capture_output=True, text=True, check=True
    )
    result: dict[str, dict[str, str | None]] = json.loads(done.stdout)
    return result


def test_generated_module_is_current() -> None:
    assert not docstrings.stale(), "run 'pakru schema' and commit schema/fielddocs.py"


def test_descriptions_are_those_pydantic_reads_from_the_docstrings() -> None:
    generated, read = _descriptions("generated"), _descriptions("pydantic")
    assert generated == read
    described = sum(d is not None for fields in read.values() for d in fields.values())
    assert described > 50  # the comparison is not between two empty tables


def test_stale_module_is_detected(tmp_path: Path) -> None:
    target = tmp_path / "fielddocs.py"
    assert docstrings.stale(target)
    target.write_text(docstrings.render(), encoding="utf-8")
    assert not docstrings.stale(target)
    target.write_text(docstrings.render().replace("Record kind.", "Kind."), encoding="utf-8")
    assert docstrings.stale(target)


def test_cli_default_out_is_the_schema_modules() -> None:
    from pakru.cli import schema as cli_schema  # noqa: PLC0415
    from pakru.schema import jsonschema  # noqa: PLC0415

    assert cli_schema.DEFAULT_OUT.parts == jsonschema.JSON_DIR.parts[-2:] == ("schema", "json")
