"""The page of one record: its facts in words, each with the quotes behind it."""

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from pakru.acts import Actor
from pakru.schema import (
    Agreement,
    BaseDerivation,
    Body,
    Conflict,
    DateInterval,
    Event,
    Evidence,
    Location,
    Meeting,
    Person,
    Record,
    Source,
    Statement,
)
from pakru.schema.derivations import NameDerivation
from pakru.schema.introspect import field, fields
from pakru.schema.markers import Role
from pakru.site.codebook import code_page
from pakru.site.context import Site
from pakru.site.markup import esc, facts, front_matter, table
from pakru.site.paths import page_of, rel
from pakru.site.quotes import Citation, Passage, by_record, highlighted, quote_id
from pakru.site.relations import linked_as, quoted_for
from pakru.site.series import plan_words, series_section
from pakru.site.words import (
    RULE_WORDS,
    country,
    date_words,
    field_label,
    field_paths_in_words,
    label,
    place_words,
    summary,
)

_ELSEWHERE = frozenset({Role.KEY, Role.NOTE})
"""Fields shown in a page's head and notes rather than among its facts (type, id, note)."""


def data_path(record: Record, suffix: str) -> str:
    """Where a record's own file is published on the site, e.g. ``data/meetings/x.json``."""
    return "data/" + page_of(record).removesuffix(".md") + suffix


def record_page(site: Site, record: Record, *, has_yaml: bool) -> str:
    """The whole page of one record, as Markdown."""
    page = page_of(record)
    name = label(record)
    lines = [
        front_matter(name, summary(record), searched=False) + f"# {esc(name)}",
        "",
        *_head(page, record, has_yaml=has_yaml),
    ]
    lines += _notes(site, page, record)
    if isinstance(record, Conflict):
        lines += _conflict_head(site, page, record)
    shown = list(_facts(site, page, record))
    if isinstance(record, Meeting):
        shown.append(("Who led each side", leads(site, page, record)))
    lines += facts(shown)
    lines += _sections(site, page, record)
    lines += _identities(site, page, record)
    lines += ["## Evidence", "", *_evidence(site, page, record.evidence), ""]
    lines += _linked_from(site, page, record)
    return "\n".join(lines) + "\n"


def _head(page: str, record: Record, *, has_yaml: bool) -> list[str]:
    files = [f"[download JSON]({rel(page, data_path(record, '.json'))})"]
    if has_yaml:
        files.insert(0, f"[view YAML]({rel(page, data_path(record, '.yaml'))})")
    links = f'<p class="pk-files" markdown="span">{" · ".join(files)}</p>'
    return [esc(summary(record)), "", links, ""]


def _notes(site: Site, page: str, record: Record) -> list[str]:
    out: list[str] = []
    if isinstance(record, Meeting) and record.status == "planned":
        held = site.ds.realised_by(record.id)
        words = esc(plan_words(site.ds, held[0]) or "") if held else ""
        said = (
            f"Carried out: {words} ({site.link(page, held[0].id)})."
            if held
            else "Announced in the sources; no source reports it as held."
        )
        out += ['!!! info "Planned"', f"    {said}", ""]
    elif getattr(record, "status", None) == "planned":
        out += [
            '!!! info "Planned"',
            "    Announced in the sources; no source reports it as held.",
            "",
        ]
    elif isinstance(record, Meeting) and (plan := plan_words(site.ds, record)):
        assert record.realises is not None
        out += [
            '!!! info "Carries out a plan"',
            f"    {esc(plan)} (the plan: {site.link(page, record.realises)}).",
            "",
        ]
    if record.note:
        out += ['!!! note "Editor\'s note"', f"    {note_md(site, page, record)}", ""]
    return out


_ID = re.compile(r"(?<![\w/-])[a-z0-9]+(?:-[a-z0-9]+)+(?:/[a-z0-9]+(?:-[a-z0-9]+)+)?(?![\w/-])")


def note_md(site: Site, page: str, record: Record) -> str:
    """An editor's note with record ids as links and field paths in words."""
    text = field_paths_in_words(record.note or "", type(record))
    parts: list[str] = []
    at = 0
    for match in _ID.finditer(text):
        record_id = match.group().rsplit("/", 1)[-1]
        if record_id not in site.ds:
            continue
        parts += [esc(text[at : match.start()]), site.link(page, record_id)]
        at = match.end()
    parts.append(esc(text[at:]))
    return "".join(parts)


def _supports(evidence: Evidence, name: str) -> bool:
    return any(s == name or s.startswith(f"{name}.") for s in evidence.supports)


def _facts(site: Site, page: str, record: Record) -> Iterator[tuple[str, str]]:
    model = type(record)
    for spec in fields(model):
        name = spec.name
        if spec.roles & _ELSEWHERE or spec.is_evidence or spec.sub_record or spec.is_derivation:
            continue  # derivations are shown under the field they give (below)
        value = getattr(record, name)
        if not spec.required and value == spec.default:
            continue  # an optional field left empty says nothing ("announced at", held meeting)
        shown = value_md(site, page, model, name, value)
        quotes = [
            site.quote_link(page, e, short=True) for e in record.evidence if _supports(e, name)
        ]
        if isinstance(value, DateInterval):
            quotes += [
                f"{esc(RULE_WORDS[d.rule].capitalize())}: {site.quote_link(page, d, short=True)}"
                for d in value.derivations
            ]
        quotes += [
            f"{esc(_rule_words(d))}: {site.quote_link(page, d, short=True)}"
            for d in _derivations_of(record, name, value)
        ]
        extra = "".join(f"<br>{q}" for q in quotes)
        yield field_label(name), f"{shown}{extra}"


def _rule_words(d: BaseDerivation) -> str:
    """A derivation's rule in words; a name rule says what it read and which packages."""
    words = d.rule.replace("-", " ").capitalize()
    if isinstance(d, NameDerivation):
        return f"{words} of “{d.printed}” ({', '.join(d.packages)})"
    return words


def _derivations_of(record: Record, name: str, value: object) -> tuple[BaseDerivation, ...]:
    """The place, country, ordinal or name derivations that give field ``name`` of ``record``."""
    if isinstance(value, Location):
        return value.derivations
    own: tuple[BaseDerivation, ...] = getattr(record, "derivations", ())
    gives = {Meeting: "ordinal", Event: "aliases"}.get(type(record), "country")
    return own if name == gives else ()


def value_md(  # noqa: PLR0911 - one return per kind of value
    site: Site, page: str, model: type[BaseModel], name: str, value: Any
) -> str:
    """One field's value in words."""
    if value is None:
        return "*not known*"
    if isinstance(value, DateInterval):
        return esc(date_words(value))
    if isinstance(value, Location):
        return esc(place_words(value))
    if isinstance(value, tuple):
        items = [value_md(site, page, model, name, item) for item in value]
        return ", ".join(items) if items else "*none*"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        spec = field(model, name)
        if spec.refers_to is not None:
            return site.link(page, value)
        if spec.country:
            return esc(country(value))
        return esc(value.replace("-", " ") if name in ("kind", "status") else value)
    if isinstance(value, dt.date):
        return esc(f"{value.day} {value:%B %Y}")
    return esc(str(value))


def _sections(site: Site, page: str, record: Record) -> list[str]:
    out: list[str] = []
    if isinstance(record, Meeting):
        out += _participants(site, page, record)
        for title, items in (("Topics", record.topics), ("Outcomes", record.outcomes)):
            if items:
                out += [f"## {title}", "", *_statements(site, page, items), ""]
    out += _acts(site, page, record)
    if isinstance(record, Person):
        out += _person(site, page, record)
    if isinstance(record, Body) and record.kind == "dialogue-series":
        out += series_section(site, page, record)
    if isinstance(record, Body | Person):
        out += _involved(site, page, record)
    if isinstance(record, Conflict):
        out += ["## Sides", "", *sides(site, page, record)]
    if isinstance(record, Source):
        out += _source(site, page, record)
    return out


def _acts(site: Site, page: str, record: Record) -> list[str]:
    """The acts the record states, each linking to the codebook page of its CAMEO code."""
    found = site.acts_of.get(record.id, [])
    if not found:
        return []
    rows = [
        [
            f"[{esc(act.code)} {esc(act.label)}]({rel(page, code_page(act.code))})",
            esc(_actor_words(act.actor1)),
            esc(_actor_words(act.actor2)),
            "yes" if act.planned else "no",
        ]
        for act in found
    ]
    return [
        "## Acts",
        "",
        "What the record states was done, coded by the "
        f"[codebook]({rel(page, 'codebook/index.md')}):",
        "",
        *table(["CAMEO code", "Actor 1", "Actor 2", "Planned"], rows),
    ]


def _actor_words(actor: Actor | None) -> str:
    if actor is None:
        return "not known"
    who = ", ".join(actor.names) or (country(actor.country) if actor.country else "")
    return f"{who} ({actor.cameo})" if actor.cameo and who else who or "not known"


def _participants(site: Site, page: str, record: Meeting) -> list[str]:
    if not record.participants:
        return []
    rows = [
        [
            site.link(page, p.ref),
            esc(country(p.side)) if p.side else "*not known*",
            esc(p.role) if p.role else "*not known*",
            "yes" if p.lead else "no",
            "<br>".join(site.quote_link(page, e, short=True) for e in p.evidence),
        ]
        for p in record.participants
    ]
    return [
        "## Participants",
        "",
        *table(["Who", "Side", "Role", "Led a delegation", "Evidence"], rows),
    ]


def _statements(site: Site, page: str, items: tuple[Statement, ...]) -> list[str]:
    out = []
    for s in items:
        quotes = "; ".join(site.quote_link(page, e, short=True) for e in s.evidence)
        out.append(f"- {esc(s.text)} — {quotes}")
    return out


def _person(site: Site, page: str, record: Person) -> list[str]:
    lines: list[str] = []
    if record.titles:
        lines += ["## Titles", ""]
        for t in record.titles:
            body = f" ({site.link(page, t.body)})" if t.body else ""
            quotes = "; ".join(site.quote_link(page, e, short=True) for e in t.evidence)
            lines.append(
                f"- {esc(t.title)}{body}, attested {esc(date_words(t.attested))} — {quotes}"
            )
        lines.append("")
    return lines


def _involved(site: Site, page: str, record: Person | Body) -> list[str]:
    """Meetings, agreements and events the actor takes part in, in timeline order."""
    rank = site.timeline_rank
    dated = sorted(
        (
            r
            for r in site.ds.involving(record.id)
            if isinstance(r, Meeting | Agreement | Event) and r.id in rank
        ),
        key=lambda r: rank[r.id],
    )
    if not dated:
        return []
    lines = ["## Takes part in", ""]
    lines += [f"- {esc(date_words(r.date))}: {site.link(page, r.id)}" for r in dated]
    return [*lines, ""]


def sides(site: Site, page: str, conflict: Conflict) -> list[str]:
    """A conflict's sides, one block each (side by side on wide screens)."""
    out = ['<div class="pk-sides" markdown="1">']
    for n, side in enumerate(conflict.sides, 1):
        field = f" — about its {esc(field_label(side.field).lower())}" if side.field else ""
        quotes = "\n".join(f"- {site.quote_link(page, e)}" for e in side.evidence)
        out += [
            '<section class="pk-side" markdown="1">',
            "",
            f"**Side {n}: {site.link(page, side.record)}**{field}",
            "",
            esc(side.claim),
            "",
            quotes,
            "",
            "</section>",
        ]
    return [*out, "</div>", ""]


def conflict_name(site: Site, conflict: Conflict) -> str:
    """The records a conflict weighs, in words: "A and B" (or "A, B and C")."""
    names = [label(site.ds[s.record]) if s.record in site.ds else s.record for s in conflict.sides]
    unique = list(dict.fromkeys(names))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]


def _conflict_head(site: Site, page: str, conflict: Conflict) -> list[str]:
    """What a conflict page is about, naming its records (the title gives its subject)."""
    records = list(dict.fromkeys(s.record for s in conflict.sides))
    links = [site.link(page, r) for r in records]
    named = links[0] if len(links) == 1 else ", ".join(links[:-1]) + " and " + links[-1]
    if conflict.kind == "possible-identity":
        said = f"Possibly one and the same: {named}. The records are kept apart."
    else:
        said = f"The sources disagree about {named}."
    return [said, ""]


def leads(site: Site, page: str, meeting: Meeting) -> str:
    """Who led each side of a meeting, or that the sources do not say: "Pakistan: not
    reported; Russia: Sergey Ryabkov"."""
    sides_seen = dict.fromkeys(["PK", "RU", *(p.side for p in meeting.participants if p.side)])
    parts = []
    for side in sides_seen:
        led = [site.link(page, p.ref) for p in meeting.participants if p.lead and p.side == side]
        parts.append(f"{esc(country(side))}: {', '.join(led) if led else 'not reported'}")
    unsided = [site.link(page, p.ref) for p in meeting.participants if p.lead and not p.side]
    if unsided:
        parts.append(f"side not known: {', '.join(unsided)}")
    return "; ".join(parts)


def _identities(site: Site, page: str, record: Record) -> list[str]:
    """Conflicts naming this record, with the other records they weigh it against."""
    found = [
        c
        for c in site.ds.conflicts
        if c.id != record.id and any(s.record == record.id for s in c.sides)
    ]
    if not found:
        return []
    lines = ["## Disputed or possibly the same", ""]
    for c in found:
        others = [site.link(page, s.record) for s in c.sides if s.record != record.id]
        how = "may be the same as" if c.kind == "possible-identity" else "is disputed against"
        lines.append(f"- This record {how} {', '.join(others)}: {site.link(page, c.id)}")
    return [*lines, ""]


def _evidence(site: Site, page: str, evidence: tuple[Evidence, ...]) -> list[str]:
    out = []
    for n, e in enumerate(evidence, 1):
        what = (
            f" — supports: {esc(', '.join(field_label(s) for s in e.supports))}"
            if e.supports
            else ""
        )
        out.append(f"{n}. {site.quote_link(page, e)}{what}")
    return out


def _linked_from(site: Site, page: str, record: Record) -> list[str]:
    linked = site.linked_from.get(record.id, [])
    if not linked:
        return []
    lines = ["## Linked from", ""]
    seen: set[str] = set()
    for rid, loc in linked:
        line = f"- {site.link(page, rid)}, {esc(linked_as(loc))}"
        if line not in seen:
            seen.add(line)
            lines.append(line)
    return [*lines, ""]


def _source(site: Site, page: str, source: Source) -> list[str]:
    """A source's full text with cited passages highlighted, and who cites each passage."""
    cov = site.coverage.get(source.id)
    used = sum(1 for s in cov.sentences if set(s.cited_by) - {source.id}) if cov else 0
    total = len(cov.sentences) if cov else 0
    found = site.passages.get(source.id, [])

    def note(p: Passage) -> str:
        citing = set(p.records) - {source.id}
        if not citing:
            return ""  # only the source's own metadata quotes it
        n = len(citing)
        return (
            f'<a class="pk-cite" href="#by-{p.qid}">cited by {n} record{"s" if n > 1 else ""}</a>'
        )

    text = highlighted(site.ds.text(source.id) or "", found, note)
    lines = [
        "## Full text",
        "",
        '!!! warning "Third-party text"',
        "    This report is reproduced unchanged so that every quote can be checked. It remains",
        "    under its publisher's rights and is not covered by the data licence.",
        "",
        f'<p class="pk-sentences">Sentences quoted by the records: '
        f'<span class="pk-used">{used}</span> of <span class="pk-total">{total}</span>.</p>',
        "",
        f'<div class="pk-source-text" markdown="0">{text}</div>',
        "",
        "## Cited passages",
        "",
    ]
    cited = [c for c in site.cited.get(source.id, []) if c.record != source.id]
    if not cited:
        return [*lines, "No record cites this source yet.", ""]
    passages = {p.qid: p for p in found}
    for qid, group in _by_passage(cited).items():
        first = group[0]
        anchor = f'<span class="pk-anchor" id="by-{qid}"></span>' if qid in passages else ""
        lines.append(f"- {anchor}{site.quote_link(page, first)}")
        for rid, items in by_record(group).items():
            what = "; ".join(dict.fromkeys(quoted_for(c.loc, c.supports) for c in items))
            lines.append(f"    - {site.link(page, rid)}: {esc(what)}")
    missing = [c for c in cited if quote_id(c.quote) not in passages]
    if missing:
        lines += ["", "Quotes not found in the text (the validator reports them):", ""]
        lines += sorted({f"- “{esc(c.quote)}”" for c in missing})
    return [*lines, ""]


def _by_passage(cited: list[Citation]) -> dict[str, list[Citation]]:
    out: dict[str, list[Citation]] = {}
    for c in cited:
        out.setdefault(quote_id(c.quote), []).append(c)
    return out
