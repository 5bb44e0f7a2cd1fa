"""A hostile records tree: script payloads in every free-text field of every record kind.

A pull request's preview builds the site from records nobody has reviewed, so
the site must show whatever they hold as text. :func:`plant` copies a records
tree and appends :data:`PAYLOAD` to every free-text value of every record
(and to every report text). "Free text" is found by introspection, not listed:
every ``str`` field of every model reachable from the record kinds that is no
reference, no country code and no choice, and whose type accepts the payload
(ids, file names and field paths have patterns that refuse it). A field added
to the models is planted without a change here, and :func:`plant` reports
which fields it reached so a test can insist on all of them.
"""

import shutil
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from pakru.schema.introspect import FieldSpec, fields, models
from pakru.schema.record import RECORD_TYPES

MARK = "pkxss"
"""In the id of every element a payload would create: ``[id*=pkxss]`` finds any that got in."""

PAYLOADS = (
    "javascript:alert(1)",
    "<script>alert(2)</script>",
    f"<img src=x onerror=alert(3) id={MARK}3>",
    f"</title><img src=x onerror=alert(4) id={MARK}4>",
    f'"><svg onload=alert(5) id={MARK}5>',
    f"'><svg onload=alert(6) id={MARK}6>",
    "[x](javascript:alert(7))",
    f"![x](x){{: onerror=alert(8) id={MARK}8 }}",
    "&lt;script&gt;alert(9)&lt;/script&gt;",
    f"&lt;img src=x onerror=alert(10) id={MARK}10&gt;",
    f"&#60;img src=x onerror=alert(11) id={MARK}11&#62;",
    f'<iframe srcdoc="<script>alert(12)</script>" id={MARK}12></iframe>',
    f"</script></style></textarea><img src=x onerror=alert(13) id={MARK}13>",
    f"<style id={MARK}14>body{{display:none}}</style>",
    f'x" autofocus onfocus="alert(15)" id="{MARK}15',
    f"\n\n<div id={MARK}16><script>alert(16)</script></div>\n\n- [y](javascript:alert(16))\n",
    f"<a href=javascript:alert(17) id={MARK}17>click</a> *em* `code` | cell | #",
    # last, so that it ends every planted title: Markdown's attr_list reads it there
    f'{{: onfocus="alert(18)" autofocus id="{MARK}18" }}',
)
"""Each payload alone, as a hostile contributor would write it."""

PAYLOAD = " ".join(PAYLOADS).replace(";", "")
"""What is planted: every payload, the attribute list last, without ";".

The CSV export joins list columns (a person's titles, aliases) with ";" and
refuses an item holding one, which fails the whole build; browsers and
``striptags`` read ``&lt`` and ``&#60`` without their ";" all the same.
"""

VISIBLE = "<script>alert(2)</script>"
"""A piece of the payload that a page showing record text as text shows verbatim."""


@cache
def _accepts(owner: type[BaseModel], name: str) -> bool:
    """Whether the field's own type (constraints included) takes the payload."""
    info = owner.model_fields[name]
    kind: Any = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    many = fields_of(owner)[name].many
    try:
        TypeAdapter(kind).validate_python((PAYLOAD,) if many else PAYLOAD)
    except ValidationError:
        return False
    return True


@cache
def fields_of(model: type[BaseModel]) -> dict[str, FieldSpec]:
    """A model's fields by name."""
    return {spec.name: spec for spec in fields(model)}


def is_free_text(spec: FieldSpec) -> bool:
    """A field a contributor writes words into: a ``str`` that is no id, code or choice."""
    return (
        spec.scalar is str
        and spec.choices is None
        and spec.refers_to is None
        and not spec.country
        and _accepts(spec.owner, spec.name)
    )


def free_text_fields() -> set[tuple[str, str]]:
    """(model, field) of every free-text field reachable from the record kinds."""
    roots = [t.model for t in RECORD_TYPES.values()]
    return {
        (model.__name__, spec.name)
        for model in models(roots)
        for spec in fields(model)
        if is_free_text(spec)
    }


def _planted(value: Any, many: bool) -> list[Any] | str:
    if many:
        return [*(value or []), PAYLOAD]  # the record's own forms stay, for name matching
    return PAYLOAD if value is None else f"{value} {PAYLOAD}"


def _plant(data: dict[str, Any], model: type[BaseModel], reached: set[tuple[str, str]]) -> None:
    """Plant the payload in ``data`` (a ``model`` as YAML gives it), depth first."""
    for spec in fields(model):
        value = data.get(spec.name)
        if spec.model is not None:
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict):
                    _plant(item, spec.model, reached)
            continue
        if not is_free_text(spec):
            continue
        missing = spec.name not in data
        for attempt in (_planted(value, spec.many), [PAYLOAD] if spec.many else PAYLOAD):
            data[spec.name] = attempt
            try:  # a model rule may refuse it here (a dateline only for dateline rules)
                model.model_validate(data, strict=False)
            except ValidationError:
                continue
            reached.add((model.__name__, spec.name))
            break
        else:
            if missing:
                del data[spec.name]
            else:
                data[spec.name] = value


def _quotes(data: Any) -> Iterator[tuple[str, str]]:
    """(source id, quote) of every quote in a record as YAML gives it."""
    if isinstance(data, dict):
        if isinstance(data.get("source"), str) and isinstance(data.get("quote"), str):
            yield data["source"], data["quote"]
        for value in data.values():
            yield from _quotes(value)
    elif isinstance(data, list):
        for item in data:
            yield from _quotes(item)


def plant(records: Path, dest: Path) -> set[tuple[str, str]]:
    """Copy ``records`` to ``dest`` with the payload planted; the (model, field)s it reached.

    Every report text gets the payload too, and the planted quotes citing it,
    so that quotes are found and highlighted on its page, except the first
    source's, whose quotes are listed as not found.
    """
    shutil.copytree(records, dest, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    reached: set[tuple[str, str]] = set()
    quoted: dict[str, list[str]] = {}
    files: dict[str, str] = {}
    for kind in RECORD_TYPES.values():
        for path in sorted((dest / kind.folder).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            _plant(data, kind.model, reached)
            for source, quote in _quotes(data):
                quoted.setdefault(source, []).append(quote)
            if kind.name == "source":
                files[data["id"]] = data["file"]
            path.write_text(
                yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6),
                encoding="utf-8",
            )
    for n, (source, file) in enumerate(sorted(files.items())):
        text = dest / "sources" / "text" / file
        added = [PAYLOAD, *(quoted.get(source, []) if n else [])]
        with text.open("a", encoding="utf-8") as f:
            f.write("\n\n" + "\n\n".join(added) + "\n")
    return reached
