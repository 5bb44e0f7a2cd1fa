"""Fields every record kind has: id, evidence and an editorial note."""

from typing import Annotated, Any

from pydantic import BaseModel, Field

from pakru.schema.base import Model
from pakru.schema.common import Evidence, Id, Text
from pakru.schema.markers import KEY, NOTE

_LABEL_WIDTH = 60


class RecordBase(Model):
    """Common head of every record.

    ``evidence`` holds the quotes supporting the record's own fields; each
    quote names the fields it supports, and the validator's
    ``evidence.unsupported`` rule reports a factual field that no quote
    supports.
    """

    id: Annotated[Id, KEY]
    """Stable id of the record; equal to the file name without ``.yaml``."""
    evidence: Annotated[tuple[Evidence, ...], Field(min_length=1)]
    """Verbatim quotes that support this record's fields."""
    note: Annotated[Text | None, NOTE] = None
    """An editor's remark (why two mentions are one record, what is unclear). Never a fact."""

    def label(self) -> str:
        """What a reader calls the record: its title, name or subject, or its id."""
        for name in ("title", "name", "subject", "file"):
            value = getattr(self, name, None)
            if isinstance(value, str) and value:
                return value
        return self.id

    def __repr__(self) -> str:
        """One line in words: ``<Meeting jwg-ct-07: 7th Meeting of … (21 March 2018, held)>``."""
        label = self.label()
        if len(label) > _LABEL_WIDTH:
            label = label[: _LABEL_WIDTH - 1] + "…"
        details = [
            getattr(self, "date").describe() if hasattr(self, "date") else None,  # noqa: B009
            getattr(self, "status", None),
            _published(getattr(self, "published", None)),
        ]
        shown = ", ".join(str(d) for d in details if d)
        kind = type(self).__name__
        return f"<{kind} {self.id}: {label}{f' ({shown})' if shown else ''}>"

    def __str__(self) -> str:
        return self.__repr__()

    def _repr_html_(self) -> str:
        """A table of the record's fields with their descriptions, for notebooks."""
        import html  # noqa: PLC0415 - for notebooks only; its entity table is slow to import

        from pakru.schema.introspect import fields  # noqa: PLC0415 - introspect imports this module

        rows = []
        for spec in fields(type(self)):
            name, value = spec.name, getattr(self, spec.name)
            if name == "evidence":
                continue
            description = html.escape(spec.description, quote=True)
            rows.append(
                f'<tr><th title="{description}" style="text-align:left">{name}</th>'
                f"<td>{_html_value(value)}</td></tr>"
            )
        quotes = "".join(
            f"<li>“{html.escape(e.quote)}” <small>({html.escape(e.source)}"
            f"{'; ' + ', '.join(e.supports) if e.supports else ''})</small></li>"
            for e in self.evidence
        )
        return (
            f"<div><strong>{html.escape(type(self).__name__)} "
            f"<code>{html.escape(self.id)}</code></strong>"
            f"<table>{''.join(rows)}</table>"
            f"<details><summary>{len(self.evidence)} quotes</summary><ul>{quotes}</ul>"
            "</details></div>"
        )


def _published(day: Any) -> str | None:
    return f"published {day.day} {day:%B %Y}" if day is not None else None


def _html_value(value: Any) -> str:
    import html  # noqa: PLC0415 - see _repr_html_

    describe = getattr(value, "describe", None)
    if value is None or callable(describe):
        return html.escape(str(describe())) if callable(describe) else "<em>unknown</em>"
    if isinstance(value, tuple):
        if value and all(isinstance(v, str) for v in value):
            return html.escape(", ".join(value))
        return f"{len(value)} item{'s' if len(value) != 1 else ''}" if value else "—"
    if isinstance(value, BaseModel):
        parts = [f"{k}: {v}" for k, v in value.model_dump().items() if v is not None]
        return html.escape("; ".join(parts)) or "<em>unknown</em>"
    return html.escape(str(value))
