"""A value in a form that tells apart what ``==`` does not: which fields a model had set."""

import datetime as dt

from pakru.schema.base import Model


def canonical(value: object) -> object:
    """``value`` as plain nested tuples, models with their class and set fields.

    Two models can be ``==`` and still differ in ``model_fields_set`` (what
    ``model_dump(exclude_unset=True)`` leaves out); this form tells them apart.
    """
    if isinstance(value, Model):
        return (
            type(value),
            tuple(sorted(value.model_fields_set)),
            tuple((k, canonical(v)) for k, v in value.__dict__.items()),
        )
    if isinstance(value, tuple | list):
        return (type(value), tuple(canonical(v) for v in value))
    if isinstance(value, dict):
        return (dict, tuple((k, canonical(v)) for k, v in value.items()))
    if isinstance(value, dt.date):
        return (type(value), value.isoformat())
    return (type(value), value)
