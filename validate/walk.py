"""Generic walks over a record: every field at every depth, references, evidence."""

import types
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel

from pakru.schema.common import Evidence, RefTarget
from pakru.validate.parse import Loc

T = TypeVar("T", bound=BaseModel)


@cache
def _ref_kinds(annotation: Any) -> tuple[str, ...] | None:
    """The kinds an annotation refers to, looking through Optional, tuple and Annotated."""
    origin = get_origin(annotation)
    if origin is Annotated:
        for meta in annotation.__metadata__:
            if isinstance(meta, RefTarget):
                return meta.kinds
        return _ref_kinds(get_args(annotation)[0])
    if origin in (Union, types.UnionType, tuple):
        for arg in get_args(annotation):
            if arg is not Ellipsis and (kinds := _ref_kinds(arg)) is not None:
                return kinds
    return None


@cache
def reference_fields(model: type[BaseModel]) -> dict[str, tuple[str, ...]]:
    """Field name → record kinds it may reference, for a model's reference fields."""
    out: dict[str, tuple[str, ...]] = {}
    for name, info in model.model_fields.items():
        kinds = next((m.kinds for m in info.metadata if isinstance(m, RefTarget)), None)
        kinds = kinds or _ref_kinds(info.annotation)  # type: ignore[arg-type]
        if kinds is not None:
            out[name] = kinds
    return out


def _holds_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(arg) for arg in get_args(annotation) if arg is not Ellipsis)


@cache
def _nested_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """Fields whose values can hold sub-models; only these need walking."""
    return tuple(n for n, info in model.model_fields.items() if _holds_models(info.annotation))


@cache
def _walked_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """Fields a reference walk visits: references and fields holding sub-models."""
    refs = reference_fields(model)
    return tuple(n for n in model.model_fields if n in refs or n in _nested_fields(model))


def _values(value: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            yield (*loc, index), item
    elif value is not None:
        yield loc, value


def references(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, str, tuple[str, ...]]]:
    """Every reference in ``model``: (location, referenced id, kinds allowed)."""
    refs = reference_fields(type(model))
    for name in _walked_fields(type(model)):
        value = getattr(model, name)
        for item_loc, item in _values(value, (*loc, name)):
            if isinstance(item, BaseModel):
                yield from references(item, item_loc)
            elif name in refs and isinstance(item, str):
                yield item_loc, item, refs[name]


def find(model: BaseModel, cls: type[T], loc: Loc = ()) -> Iterator[tuple[Loc, T]]:
    """Every instance of ``cls`` inside ``model`` (not ``model`` itself), with its location."""
    for name in _nested_fields(type(model)):
        for item_loc, item in _values(getattr(model, name), (*loc, name)):
            if isinstance(item, cls):
                yield item_loc, item
            elif isinstance(item, BaseModel):
                yield from find(item, cls, item_loc)


def evidence(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, Evidence]]:
    """Every evidence item in ``model``, with its location."""
    return find(model, Evidence, loc)
