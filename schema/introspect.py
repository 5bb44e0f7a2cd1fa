"""The one walker over the record models: field facts, locations, references, quotes, dates.

Everything in pakru that needs to know what a field *is*, or to visit every
part of a record, asks this module; nothing else recurses over
``model_fields`` or type annotations. Field facts are computed once per model
class and cached, so walks in the validator's hot loops cost a dict lookup.

Locations
    :data:`Loc` is a path into a record, ``("participants", 0, "ref")``;
    :func:`field_path` spells it ``participants[0].ref``.

Field facts (per model class, cached)
    :func:`fields` gives a :class:`FieldSpec` per field, in declaration order;
    :func:`field` one by name (:func:`fields_by_name` all of them by name);
    :func:`models` every model reachable from some (for reference pages);
    :func:`model_at` the model a location lands in; :func:`names_a_field`
    whether ``"location.city"`` is a field path of a model.
    A :class:`FieldSpec` says whether the field is a list, may be null, which
    model it holds, which record kinds it refers to, whether it is a country
    code, a date interval, evidence, a sub-record with its own evidence, and
    which :class:`~pakru.schema.markers.Role` markers it carries (key,
    editorial, note, link); :attr:`FieldSpec.needs_support` combines them into
    "a source must state this".

Walks over a record (depth first, in field order)
    :func:`find` every instance of a model class; :func:`references` every id
    with the kinds it may name; :func:`quotes` every :class:`Evidence` and
    :class:`Derivation` (the things holding a verbatim quote);
    :func:`evidence` every Evidence; :func:`dated` every date interval;
    :func:`cited_sources` the ids of the sources a record quotes or names;
    :func:`is_set` whether a value states anything. :func:`parts` gives
    references, quotes and date intervals together in one walk (the
    validator's per-record pass, :mod:`pakru.validate.index`, uses it).
    :func:`texts` every free-text value with its location and field (what
    the ``text.invisible`` rule checks), :func:`text_values` the same values
    without locations, for a quick screen.

>>> from pakru.schema import Meeting
>>> field(Meeting, "participants").sub_record, field(Meeting, "title").needs_support
(True, False)
>>> field(Meeting, "series").refers_to
('body',)
>>> field_path(("participants", 0, "ref"))
'participants[0].ref'
"""

import types
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from types import MappingProxyType
from typing import Annotated, Any, Literal, NamedTuple, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel

from pakru.schema.common import BaseDerivation, Evidence
from pakru.schema.dates import DateInterval
from pakru.schema.markers import COUNTRY, RefTarget, Role
from pakru.schema.text import normalise

__all__ = [
    "FieldSpec",
    "Loc",
    "Quoted",
    "cited_sources",
    "dated",
    "evidence",
    "field",
    "field_path",
    "fields",
    "fields_by_name",
    "find",
    "is_set",
    "model_at",
    "models",
    "names_a_field",
    "quotes",
    "references",
    "text_values",
    "texts",
]

Loc = tuple[str | int, ...]
"""A location in a record: field names and list indexes, ``()`` for the record itself."""

Quoted = Evidence | BaseDerivation
"""The models that hold a verbatim ``quote`` of a ``source``: evidence and every derivation
(dates, places, countries, ordinals)."""

M = TypeVar("M", bound=BaseModel)


def field_path(loc: Loc) -> str:
    """``("participants", 0, "ref")`` → ``participants[0].ref``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@dataclass(frozen=True)
class FieldSpec:
    """What one field of a model is, read from its annotation, markers and docstring."""

    owner: type[BaseModel]
    """The model asked about (for an inherited field, the subclass, not the base)."""
    name: str
    """The field's name (its key in a record file)."""
    annotation: Any
    """The annotation as pydantic resolved it (for documentation)."""
    description: str
    """The field's docstring, whitespace-normalised ("" when it has none)."""
    required: bool
    """True when a record file must give the key."""
    default: Any
    """The default value of an optional key."""
    many: bool
    """True for a list (a tuple of items)."""
    optional: bool
    """True when the value (or, for a list, the list) may be null."""
    item: Any
    """The type of one value, with ``Annotated``, ``| None`` and ``tuple`` removed:
    ``str``, ``int``, ``bool``, ``datetime.date``, a ``Literal[...]`` or a model class."""
    roles: frozenset[Role]
    """The markers put on the field (see :mod:`pakru.schema.markers`)."""
    refers_to: tuple[str, ...] | None
    """Record kinds the id(s) in this field may name; None for a field that is no reference."""
    country: bool
    """True when the value(s) are country codes."""

    @cached_property
    def model(self) -> type[BaseModel] | None:
        """The model class the field holds (one, or a list of them), or None."""
        return self.item if _is_model(self.item) else None

    @cached_property
    def choices(self) -> tuple[Any, ...] | None:
        """The values a ``Literal`` field allows, in declaration order; None for other fields."""
        return get_args(self.item) if get_origin(self.item) is Literal else None

    @cached_property
    def scalar(self) -> type:
        """The Python type of one value: a ``Literal`` counts as the type of its values."""
        if get_origin(self.item) is Literal:
            return type(get_args(self.item)[0])
        return self.item if isinstance(self.item, type) else object

    @cached_property
    def is_evidence(self) -> bool:
        """True for a list of :class:`Evidence` (the quotes themselves)."""
        return self.model is Evidence

    @cached_property
    def sub_record(self) -> bool:
        """True when the field holds models carrying their own ``evidence`` (participants…)."""
        model = self.model
        return model is not None and model is not Evidence and "evidence" in model.model_fields

    @cached_property
    def dated(self) -> bool:
        """True for a :class:`DateInterval` field."""
        return self.model is DateInterval

    @cached_property
    def is_derivation(self) -> bool:
        """True for a list of derivations (of a date, place, country or ordinal): they carry
        their own quotes, and the validator recomputes what they give."""
        model = self.model
        return model is not None and issubclass(model, BaseDerivation)

    @cached_property
    def needs_support(self) -> bool:
        """True when a source must state the value: not a key, editorial, a note, a link,
        evidence or a sub-record with evidence of its own. (A date interval with
        derivations is supported by them: the ``evidence.unsupported`` rule checks that.)"""
        return not (self.roles or self.is_evidence or self.sub_record or self.is_derivation)


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _unwrap(annotation: Any, metadata: list[Any]) -> tuple[Any, bool, bool]:
    """``(item, many, optional)``; ``Annotated`` metadata met on the way goes to ``metadata``."""
    many = optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            metadata.extend(annotation.__metadata__)
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            if len(args) != 1:
                return annotation, many, optional  # a real union: no pakru field has one
            annotation = args[0]
        elif origin is tuple:
            many = True
            annotation = get_args(annotation)[0]
        else:
            return annotation, many, optional


@cache
def fields(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """Every field of ``model``, in declaration order (inherited fields first)."""
    out = []
    for name, info in model.model_fields.items():
        metadata: list[Any] = list(info.metadata)
        item, many, optional = _unwrap(info.annotation, metadata)
        refs = next((m.kinds for m in metadata if isinstance(m, RefTarget)), None)
        out.append(
            FieldSpec(
                owner=model,
                name=name,
                annotation=info.annotation,
                description=normalise(info.description or ""),
                required=info.is_required(),
                default=info.default,
                many=many,
                optional=optional,
                item=item,
                roles=frozenset(m for m in metadata if isinstance(m, Role)),
                refers_to=refs,
                country=COUNTRY in metadata,
            )
        )
    return tuple(out)


@cache
def fields_by_name(model: type[BaseModel]) -> Mapping[str, FieldSpec]:
    """Field name → :class:`FieldSpec`, for every field of ``model``."""
    return MappingProxyType({spec.name: spec for spec in fields(model)})


def field(model: type[BaseModel], name: str) -> FieldSpec:
    """The field ``name`` of ``model``; ``KeyError`` when it has none."""
    return fields_by_name(model)[name]


def models(roots: Iterable[type[BaseModel]]) -> tuple[type[BaseModel], ...]:
    """``roots`` and every model their fields hold, breadth first, each once.

    >>> from pakru.schema import Person
    >>> [m.__name__ for m in models([Person])]
    ['Person', 'Evidence', 'Title', 'CountryDerivation', 'DateInterval', 'Derivation']
    """
    queue = list(roots)
    seen: list[type[BaseModel]] = []
    while queue:
        model = queue.pop(0)
        if model not in seen:
            seen.append(model)
            queue.extend(spec.model for spec in fields(model) if spec.model is not None)
    return tuple(seen)


def model_at(model: type[BaseModel] | None, loc: Loc) -> type[BaseModel] | None:
    """The model class that the value at ``loc`` inside a ``model`` has, or None."""
    for part in loc:
        if model is None:
            return None
        if isinstance(part, str):
            spec = fields_by_name(model).get(part)
            model = spec.model if spec else None
    return model


@lru_cache(maxsize=4096)  # asked for every name in every evidence's supports: a small vocabulary
def names_a_field(model: type[BaseModel], dotted: str) -> bool:
    """Whether ``dotted`` (``"location.city"``) is a path of field names in ``model``."""
    current: type[BaseModel] | None = model
    for part in dotted.split("."):
        spec = fields_by_name(current).get(part) if current is not None else None
        if spec is None:
            return False
        current = spec.model
    return True


# -- walks over values --------------------------------------------------------------


@cache
def _leading_to(model: type[BaseModel], cls: Any) -> tuple[str, ...]:
    """Fields whose values are, or can contain, instances of ``cls``: the only ones a
    walk for ``cls`` enters (a search for dates skips participants and evidence)."""
    return tuple(
        spec.name
        for spec in fields(model)
        if spec.model is not None and any(issubclass(m, cls) for m in models([spec.model]))
    )


@cache
def _ref_walk(model: type[BaseModel]) -> tuple[tuple[str, tuple[str, ...] | None], ...]:
    """Fields a reference walk visits (references and fields holding models), with kinds."""
    return tuple(
        (spec.name, spec.refers_to)
        for spec in fields(model)
        if spec.refers_to is not None or spec.model is not None
    )


def _find_into(model: BaseModel, cls: Any, loc: Loc, out: list[tuple[Loc, Any]]) -> None:
    # Appends to one list rather than chaining generators: rules walk every record of a
    # corpus, and a generator frame per field and item cost more than the walk itself.
    values = model.__dict__  # a pydantic model keeps its field values here: no lookup chain
    for name in _leading_to(type(model), cls):
        value = values[name]
        if value is None:
            continue
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, cls):
                    out.append(((*loc, name, index), item))
                elif isinstance(item, BaseModel):
                    _find_into(item, cls, (*loc, name, index), out)
        elif isinstance(value, cls):
            out.append(((*loc, name), value))
        elif isinstance(value, BaseModel):
            _find_into(value, cls, (*loc, name), out)


def _find(model: BaseModel, cls: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    out: list[tuple[Loc, Any]] = []
    _find_into(model, cls, loc, out)
    return iter(out)


def find(model: BaseModel, cls: type[M], loc: Loc = ()) -> Iterator[tuple[Loc, M]]:
    """Every instance of ``cls`` inside ``model`` (not ``model`` itself), with its location.

    An instance found is not entered: its own parts are not searched.
    """
    return _find(model, cls, loc)


def quotes(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, Quoted]]:
    """Every :class:`Evidence` and derivation inside ``model``, in document order."""
    return _find(model, (Evidence, BaseDerivation), loc)


def evidence(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, Evidence]]:
    """Every evidence item inside ``model``, with its location."""
    return _find(model, Evidence, loc)


def dated(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, DateInterval]]:
    """Every date interval inside ``model`` (a record's ``date``, a title's ``attested``…)."""
    return _find(model, DateInterval, loc)


def references(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, str, tuple[str, ...]]]:
    """Every reference inside ``model``: (location, referenced id, kinds it may name)."""
    out: list[tuple[Loc, str, tuple[str, ...]]] = []
    _references_into(model, loc, out)
    return iter(out)


def _references_into(
    model: BaseModel, loc: Loc, out: list[tuple[Loc, str, tuple[str, ...]]]
) -> None:
    values = model.__dict__
    for name, kinds in _ref_walk(type(model)):
        value = values[name]
        if value is None:
            continue
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _references_into(item, (*loc, name, index), out)
                elif kinds is not None and isinstance(item, str):
                    out.append(((*loc, name, index), item, kinds))
        elif isinstance(value, BaseModel):
            _references_into(value, (*loc, name), out)
        elif kinds is not None and isinstance(value, str):
            out.append(((*loc, name), value, kinds))


@cache
def _found_as(cls: type[BaseModel]) -> tuple[bool, bool]:
    """Whether an instance of ``cls`` is a quote, and whether it is a date interval."""
    return issubclass(cls, Evidence | BaseDerivation), issubclass(cls, DateInterval)


@dataclass(frozen=True, slots=True)
class Parts:
    """What :func:`parts` finds in one walk: what :func:`references`, :func:`quotes` and
    :func:`dated` find, each in the same order."""

    references: tuple[tuple[Loc, str, tuple[str, ...]], ...]
    quotes: tuple[tuple[Loc, Quoted], ...]
    dated: tuple[tuple[Loc, DateInterval], ...]


def parts(model: BaseModel) -> Parts:
    """References, quotes and date intervals inside ``model``, in one walk.

    The validator reads all three of every record; one walk costs about a third
    of three. A reference walk enters every field holding a model, which
    includes every field a search for quotes or intervals enters; the flags keep
    those searches from looking inside what they found, as :func:`find` does not.
    """
    acc = _Found([], [], [])
    _walk_parts(acc, model, (), False, False)
    return Parts(tuple(acc.refs), tuple(acc.quotes), tuple(acc.dated))


class _Found(NamedTuple):
    """What :func:`parts` collects. Module-level functions fill it rather than
    nested ones: two nested functions calling each other form a reference cycle
    per call, which the validator (the collector paused) would keep until exit."""

    refs: list[tuple[Loc, str, tuple[str, ...]]]
    quotes: list[tuple[Loc, Quoted]]
    dated: list[tuple[Loc, DateInterval]]


def _visit_part(acc: _Found, item: object, here: Loc, in_quote: bool, in_dated: bool) -> None:
    if not isinstance(item, BaseModel):
        return
    quote, interval = _found_as(type(item))
    if quote and not in_quote:
        acc.quotes.append((here, item))  # type: ignore[arg-type]
    if interval and not in_dated:
        acc.dated.append((here, item))  # type: ignore[arg-type]
    _walk_parts(acc, item, here, in_quote or quote, in_dated or interval)


def _walk_parts(acc: _Found, model: BaseModel, loc: Loc, in_quote: bool, in_dated: bool) -> None:
    values = model.__dict__
    for name, kinds in _ref_walk(type(model)):
        value = values[name]
        if value is None:
            continue
        if kinds is None:  # a field holding models
            if isinstance(value, tuple):
                for index, item in enumerate(value):
                    _visit_part(acc, item, (*loc, name, index), in_quote, in_dated)
            else:
                _visit_part(acc, value, (*loc, name), in_quote, in_dated)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    acc.refs.append(((*loc, name, index), item, kinds))
        elif isinstance(value, str):
            acc.refs.append(((*loc, name), value, kinds))


# -- free text -----------------------------------------------------------------------

_TEXT, _TEXTS, _MODEL, _MODELS = range(4)


@cache
def _text_walk(model: type[BaseModel]) -> tuple[tuple[FieldSpec, int], ...]:
    """Fields holding free text or models, with what they hold. Fixed choices, references
    and keys are left out: their values are checked against a list or a pattern."""
    out = []
    for spec in fields(model):
        if spec.model is not None:
            out.append((spec, _MODELS if spec.many else _MODEL))
        elif (
            spec.scalar is str
            and spec.choices is None
            and spec.refers_to is None
            and Role.KEY not in spec.roles
        ):
            out.append((spec, _TEXTS if spec.many else _TEXT))
    return tuple(out)


TextAt = tuple[Loc, str, FieldSpec, BaseModel]
"""A text value: its location, the text, its field and the model holding it."""


def texts(model: BaseModel, loc: Loc = ()) -> Iterator[TextAt]:
    """Every free-text value inside ``model``: titles, names, aliases, roles, notes, quotes.

    Each comes with its location, its :class:`FieldSpec` (a note's roles, a
    quote's field) and the model holding it (a quote's :class:`Evidence`,
    whose ``source`` names the report).
    """
    out: list[TextAt] = []
    _texts_into(model, loc, out)
    return iter(out)


def _texts_into(model: BaseModel, loc: Loc, out: list[TextAt]) -> None:
    values = model.__dict__
    for spec, holds in _text_walk(type(model)):
        value = values[spec.name]
        if value is None:
            continue
        if holds == _TEXT:
            out.append(((*loc, spec.name), value, spec, model))
        elif holds == _TEXTS:
            out.extend(((*loc, spec.name, i), item, spec, model) for i, item in enumerate(value))
        elif holds == _MODEL:
            _texts_into(value, (*loc, spec.name), out)
        else:
            for index, item in enumerate(value):
                _texts_into(item, (*loc, spec.name, index), out)


def text_values(model: BaseModel) -> list[str]:
    """The free-text values :func:`texts` finds, in the same order, without locations
    (about twice as fast: for a screen over every record of a corpus)."""
    out: list[str] = []
    _text_values_into(model, out)
    return out


def _text_values_into(model: BaseModel, out: list[str]) -> None:
    values = model.__dict__
    for spec, holds in _text_walk(type(model)):
        value = values[spec.name]
        if value is None:
            continue
        if holds == _TEXT:
            out.append(value)
        elif holds == _TEXTS:
            out.extend(value)
        elif holds == _MODEL:
            _text_values_into(value, out)
        else:
            for item in value:
                _text_values_into(item, out)


def is_set(value: object) -> bool:
    """Whether a field value states anything: not null, not an empty list, a date
    interval with a bound, a sub-model with some part set."""
    if isinstance(value, DateInterval):
        return value.earliest is not None or value.latest is not None
    if isinstance(value, BaseModel):
        return any(is_set(getattr(value, name)) for name in type(value).model_fields)
    return value not in (None, ())


def cited_sources(model: BaseModel) -> set[str]:
    """Ids of every source ``model`` names: its quotes' sources and any other source reference."""
    return {ref for _, ref, kinds in references(model) if kinds == ("source",)}
