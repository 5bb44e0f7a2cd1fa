"""Hypothesis strategies for pakru records and whole datasets.

- ``records()`` (and ``sources()``, ``people()``, ``bodies()``, ``meetings()``,
  ``agreements()``, ``events()``, ``conflicts()``) build one record of a kind as
  the plain data a YAML file holds, exercising every field the models allow:
  any Unicode text, every date rule with its arguments, optional fields set
  or left out. They are valid for the *models*; cross-record rules do not
  apply to a lone record.
- ``datasets()`` builds a whole valid dataset (``benchmarks/corpus.py``) from
  a Hypothesis-controlled ``Random``: references resolve, series are
  numbered in date order, sources contain every quote and date derivations
  agree with the sources' publication dates.
- ``dump_yaml()`` writes a record the way a maintainer would, quoting a
  string wherever a YAML 1.2 core-schema reader (pakru's parser) would read
  something else.
"""

import datetime as dt
import re
from typing import Any, get_args

import yaml
from hypothesis import Phase
from hypothesis import strategies as st

from benchmarks import corpus
from pakru.schema.common import FIELD_NAME, ID_PATTERN
from pakru.schema.countries import COUNTRIES
from pakru.schema.dates import WEEKDAYS, DateRule

Data = dict[str, Any]

ids = st.from_regex(ID_PATTERN, fullmatch=True).filter(lambda s: len(s) <= 80)
# Any text a maintainer could type: no surrogates (not UTF-8) and no NUL (the
# reader refuses a file with a NUL byte, even escaped ones are fine but the
# point here is the models).
texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
quotes = st.text(st.characters(blacklist_categories=("Cs",)), min_size=3, max_size=60)
countries = st.sampled_from(sorted(COUNTRIES))
field_names = st.from_regex(FIELD_NAME, fullmatch=True).filter(lambda s: len(s) <= 30)
iso_dates = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat)
small = {"max_size": 3}


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def _record(draw: st.DrawFn, required: Data, optional: Data | None = None) -> Data:
    """A dict of ``required`` fields plus any subset of ``optional`` ones."""
    out = {name: draw(strategy) for name, strategy in required.items()}
    for name, strategy in (optional or {}).items():
        if draw(st.booleans()):
            out[name] = draw(strategy)
    return out


evidences = st.builds(
    lambda source, quote, supports: {"source": source, "quote": quote, "supports": supports},
    ids,
    quotes,
    st.lists(field_names, **small),
)
evidence_lists = st.lists(evidences, min_size=1, max_size=3)
statements = st.fixed_dictionaries({"text": texts, "evidence": evidence_lists})


@st.composite
def derivations(draw: st.DrawFn) -> Data:
    """A derivation with exactly the arguments its rule takes."""
    rule = draw(st.sampled_from(get_args(DateRule)))
    out: Data = {"rule": rule, "source": draw(ids), "quote": draw(quotes)}
    if rule.startswith("stated-"):
        day = draw(iso_dates)
        out["value"] = {"stated-day": day, "stated-month": day[:7], "stated-year": day[:4]}[rule]
    elif rule == "weekday-before-publication":
        out["weekday"] = draw(st.sampled_from(WEEKDAYS))
    elif rule.endswith("-record"):
        out["anchor"] = draw(ids)
    return out


date_intervals = st.fixed_dictionaries(
    {
        "earliest": _optional(iso_dates),
        "latest": _optional(iso_dates),
        "precision": st.sampled_from(("day", "month", "year", "range", "unknown")),
    },
    optional={"derivations": st.lists(derivations(), **small)},
)
locations = st.fixed_dictionaries(
    {"city": _optional(texts), "country": _optional(countries), "venue": _optional(texts)}
)
_head = {"id": ids, "evidence": evidence_lists}
_note = {"note": _optional(texts)}

sources = _record(
    {
        "type": st.just("source"),
        **_head,
        "file": st.from_regex(r"[A-Za-z0-9_.-]{1,20}\.txt", fullmatch=True),
        "title": _optional(texts),
        "publisher": _optional(texts),
        "author": _optional(texts),
        "published": _optional(iso_dates),
    },
    _note,
)
titles = _record(
    {"title": texts, "attested": date_intervals, "evidence": evidence_lists},
    {"body": _optional(ids)},
)
people = _record(
    {"type": st.just("person"), **_head, "name": texts, "country": _optional(countries)},
    {**_note, "aliases": st.lists(texts, **small), "titles": st.lists(titles, **small)},
)
bodies = _record(
    {
        "type": st.just("body"),
        **_head,
        "kind": st.sampled_from(
            (
                *("government", "ministry", "council", "office", "armed-forces"),
                *("dialogue-series", "multilateral-organisation", "military-alliance"),
                *("armed-group", "media"),
            )
        ),
        "name": texts,
        "country": _optional(countries),
    },
    {
        **_note,
        "aliases": st.lists(texts, **small),
        "members": st.lists(countries, **small),
        "parent": _optional(ids),
    },
)
participants = _record(
    {"ref": ids, "evidence": evidence_lists},
    {"role": _optional(texts), "side": _optional(countries), "lead": st.booleans()},
)
meetings = _record(
    {
        "type": st.just("meeting"),
        **_head,
        "title": texts,
        "kind": st.sampled_from(
            (
                *("working-group", "consultative-group", "ministerial-talks"),
                *("security-consultations", "courtesy-call", "other"),
            )
        ),
        "status": st.sampled_from(("held", "planned")),
        "date": date_intervals,
        "location": locations,
        "series": _optional(ids),
        "ordinal": _optional(st.integers(1, 10_000)),
    },
    {
        **_note,
        "announced_at": _optional(ids),
        "participants": st.lists(participants, **small),
        "topics": st.lists(statements, **small),
        "outcomes": st.lists(statements, **small),
        "agreements": st.lists(ids, **small),
        "same_as": st.lists(ids, **small),
    },
)
agreements = _record(
    {
        "type": st.just("agreement"),
        **_head,
        "title": texts,
        "kind": st.sampled_from(("treaty", "agreement", "accord", "commitment", "decision")),
        "status": st.sampled_from(("signed", "concluded", "agreed", "planned")),
        "date": date_intervals,
        "parties": st.lists(countries, min_size=1, max_size=3),
        "meeting": _optional(ids),
        "subject": _optional(texts),
    },
    {**_note, "same_as": st.lists(ids, **small)},
)
events = _record(
    {
        "type": st.just("event"),
        **_head,
        "title": texts,
        "kind": st.sampled_from(
            (
                *("exercise", "delivery", "accession", "membership"),
                *("relations-milestone", "dialogue-launch", "other"),
            )
        ),
        "status": st.sampled_from(("held", "recurring", "planned")),
        "date": date_intervals,
        "location": locations,
    },
    {
        **_note,
        "countries": st.lists(countries, **small),
        "bodies": st.lists(ids, **small),
        "same_as": st.lists(ids, **small),
    },
)
sides = _record(
    {"record": ids, "claim": texts, "evidence": evidence_lists},
    {"field": _optional(field_names)},
)
conflicts = _record(
    {
        "type": st.just("conflict"),
        **_head,
        "kind": st.sampled_from(("disagreement", "possible-identity")),
        "subject": texts,
        "sides": st.lists(sides, min_size=2, max_size=3),
    },
    _note,
)

KINDS: dict[str, st.SearchStrategy[Data]] = {
    "source": sources,
    "person": people,
    "body": bodies,
    "meeting": meetings,
    "agreement": agreements,
    "event": events,
    "conflict": conflicts,
}


def records() -> st.SearchStrategy[Data]:
    """One record of any kind, as the data a YAML file holds."""
    return st.one_of(*KINDS.values())


NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)
"""Phases for dataset tests: shrinking a generated corpus takes minutes and yields
no smaller story (the failing example is printed with its seed anyway)."""


def datasets(min_records: int = 20, max_records: int = 120) -> st.SearchStrategy[corpus.Corpus]:
    """A whole valid dataset: records and the texts of their sources."""
    return st.builds(
        corpus.build,
        st.integers(min_records, max_records),
        st.randoms(use_true_random=False),
    )


# -- YAML as a maintainer writes it --------------------------------------------

# Plain scalars that pakru's YAML 1.2 core-schema parser reads as something other
# than a string (or warns about); PyYAML's dumper resolves by YAML 1.1, so it
# leaves some of these plain (``1e3``, ``+1``, ``.5``, ``Null``...).
_NOT_A_STRING = re.compile(
    r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$"
)


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


# PyYAML writes NEL and the Unicode line/paragraph separators raw inside plain and
# single-quoted scalars, where a reader folds them into spaces (or drops them);
# only the double-quoted style escapes them (``\N``, ``\L``, ``\P``).
_LINE_BREAKS = frozenset("\x85\u2028\u2029")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    quote = not value or _NOT_A_STRING.match(value) or not _LINE_BREAKS.isdisjoint(value)
    style = '"' if quote else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Data, *, core_safe: bool = True) -> str:
    """YAML text for ``data``; ``core_safe=False`` uses PyYAML's own quoting (YAML 1.1)."""
    dumper = _Dumper if core_safe else yaml.SafeDumper
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True)
