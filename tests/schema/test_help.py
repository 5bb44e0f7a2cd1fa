"""``help(Model)`` lists every field with its description, set as each model is defined."""

import inspect
import pydoc

from pakru.schema import RECORD_TYPES, Meeting
from pakru.schema.introspect import fields, models


def _listed(model: type) -> str:
    """The docstring as the introspection walker describes the model's fields."""
    lines = [inspect.cleandoc(model._pakru_doc), "", "Fields:"]  # type: ignore[attr-defined]
    for spec in fields(model):
        need = "required" if spec.required else "optional"
        lines.append(f"    {spec.name} ({need}): {spec.description.replace('``', '')}")
    return "\n".join(lines)


def test_every_record_model_lists_its_fields_as_introspection_sees_them() -> None:
    every = models(t.model for t in RECORD_TYPES.values())
    assert len(every) > 10
    for model in every:
        assert model.__doc__ == _listed(model), model.__name__


def test_help_shows_the_fields() -> None:
    text = pydoc.render_doc(Meeting, renderer=pydoc.plaintext)
    assert "Fields:" in text
    assert "status (required): held when a source reports it took place; planned when" in text
