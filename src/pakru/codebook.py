"""The codebook: the coding policy as Markdown pages, generated from :mod:`pakru.coding`.

``pages(acts)`` gives ``codebook/index.md`` (every rule: code, label, QuadClass,
Goldstein score, trigger, reason and its test sentence; the actor rules; the
sentences deliberately left uncoded) and ``codebook/<code>.md`` for each code
the dataset uses, listing its acts. The site writes them at build time.
"""

import unicodedata
from collections.abc import Callable, Iterable, Sequence

from pakru.act import ACTOR_BASES, Act, Actor
from pakru.codes import CAMEO, GOLDSTEIN, QUAD_CLASSES, quad_class, root
from pakru.coding import NOT_ACTS, POLICY, CodingRule
from pakru.schema.text import normalise

FOLDER = "codebook"

Link = Callable[[str, str], str]
"""(page, record id) → the Markdown naming that record on that page."""

TableMaker = Callable[[Sequence[str], Sequence[Sequence[str]]], list[str]]
"""(column heads, rows of Markdown cells) → the lines of a table."""

Escape = Callable[[str], str]
"""Record text → Markdown that shows it as it is (the site passes its own escaper)."""


def literal(text: str) -> str:
    """Text as Markdown that shows it as it is, and no markup: every character that is not a
    letter, digit or space becomes a numeric character reference (``<`` is ``&#60;``), a
    control character U+FFFD, and runs of whitespace one space."""
    return "".join(map(_literal_char, normalise(text)))


def _literal_char(c: str) -> str:
    if c.isalnum() or c == " ":
        return c
    return "\ufffd" if unicodedata.category(c) == "Cc" else f"&#{ord(c)};"


def pipe_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A Markdown pipe table (the site passes one that stacks rows on a phone)."""
    return [
        "| " + " | ".join(head) + " |",
        "| " + " | ".join("---" for _ in head) + " |",
        *("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows),
    ]


def _record_id(page: str, record_id: str) -> str:
    """A Link that names the record by its id, linking nowhere (outside the site)."""
    return f"`{record_id}`"


def code_page(code: str) -> str:
    """The path of the page listing the acts of one code, e.g. ``codebook/046.md``."""
    return f"{FOLDER}/{code}.md"


def pages(
    found: Sequence[Act],
    link: Link = _record_id,
    table: TableMaker = pipe_table,
    text: Escape = literal,
) -> dict[str, str]:
    """Page path → Markdown: the policy page, then one page per code used by ``found``.

    ``link`` names each act's record (the site passes one that links its page);
    ``table`` lays out the tables (the site passes one that stacks on a phone);
    ``text`` escapes what the records wrote (actors' names, quoted sentences), which
    is hostile input: it must show as text, never as markup.
    """
    used = sorted({a.code for a in found})
    out = {f"{FOLDER}/index.md": _policy_page(found, used, table)}
    for code in used:
        page = code_page(code)
        acts = [a for a in found if a.code == code]
        out[page] = _code_page(code, acts, page, link=link, table=table, text=text)
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _code_cell(rule: CodingRule) -> str:
    if rule.code is None:
        return "no code"
    return f"`{rule.code}` {CAMEO[rule.code]}"


def _policy_page(found: Iterable[Act], used: list[str], table: TableMaker) -> str:
    counts: dict[str, int] = {}
    for act in found:
        counts[act.rule.id] = counts.get(act.rule.id, 0) + 1
    lines = [
        "# Codebook: how acts get their CAMEO codes",
        "",
        "Every row of the `acts` table is one act a record states, coded by the first rule",
        "below, in this order, that applies to the part of the record and whose trigger occurs",
        "in one sentence of its quotes. Rules without a code record states, not acts.",
        'Codes are strings (`"046"`, never the number 46).',
        "",
    ]
    rows = []
    for number, rule in enumerate(POLICY, 1):
        quad = "" if rule.code is None else str(quad_class(rule.code))
        score = "" if rule.code is None else f"{GOLDSTEIN[rule.code]:+.1f}"
        applies = ", ".join(rule.parts) + (f" ({', '.join(rule.kinds)})" if rule.kinds else "")
        count = str(counts.get(rule.id, 0))
        rows.append(
            [str(number), f"`{rule.id}`", _code_cell(rule), quad, score, applies, count, rule.why]
        )
    head = ["#", "rule", "code", "QuadClass", "Goldstein", "applies to", "acts", "why"]
    lines += table(head, rows)
    lines += [
        "",
        "## Triggers and test sentences",
        "",
        "Each rule's trigger (a regular expression, case-insensitive, matched in one",
        "sentence; `a1` and `a2` mark the words naming actor 1 and actor 2) and its test",
        "case, a sentence it codes:",
        "",
    ]
    lines += [f"- `{r.id}`: `{r.trigger}`  \n  “{r.example}”" for r in POLICY]
    lines += [
        "",
        "## Actors",
        "",
        "Actor 1 acts on actor 2 (for mutual acts they act together, in the record's order).",
        "Each actor's `basis` names how it was found:",
        "",
        *(f"- `{basis}`: {text}." for basis, text in ACTOR_BASES.items()),
        "",
        "An actor's CAMEO code is its country's ISO alpha-3 code and a role: `GOV` for a",
        "person holding a title, the role of a body's kind (`MIL` armed forces, `IGO`",
        "multilateral bodies), else `MIL` or `GOV` when the act's sentence calls the actors",
        "militaries, troops, officials or delegations; otherwise the country alone (`PAK`).",
        "",
        "## Left uncoded",
        "",
        *table(["sentence", "why no act"], [[f"“{s}…”", why] for s, why in NOT_ACTS]),
        "",
        "## QuadClass",
        "",
        *(f"- {number}: {name}" for number, name in QUAD_CLASSES.items()),
        "",
        "## Reading the table",
        "",
        "The `acts` table is in every export (`pakru export --format csv|json|jsonl|sqlite|"
        'datapackage`), `ds.acts_table()` and `ds.to_pandas()["acts"]`. Codes are text:',
        "declared `string` in the Table Schema, `TEXT` in SQLite, quoted in CSV. In CSV an",
        'unquoted empty cell is unknown and a quoted one (`""`) an empty list. CSV readers',
        "guess types, so keep the codes as text:",
        "",
        "```python",
        "from pakru.export import read_csv  # every column typed as declared",
        'acts = read_csv("acts.csv")',
        "# or plain pandas:",
        'acts = pd.read_csv("acts.csv", dtype={"cameo_code": str, "cameo_root": str})',
        "```",
        "",
        "```r",
        'acts <- readr::read_csv("acts.csv", col_types = readr::cols(cameo_code = "c", '
        'cameo_root = "c"))',
        "```",
        "",
        "```stata",
        "import delimited acts.csv, stringcols(_all) clear",
        "```",
        "",
        "## Codes used",
        "",
        *(f"- [`{code}` {CAMEO[code]}]({code}.md) (root `{root(code)}`)" for code in used),
        "",
    ]
    return "\n".join(lines)


def _actor_text(actor: Actor | None, text: Escape) -> str:
    if actor is None:
        return "—"
    names = ", ".join(actor.names)
    code = actor.cameo or "?"
    return f"`{code}`" + (f" ({text(names)})" if names else "")


def _when(act: Act) -> str:
    date = act.date
    if date.precision == "unknown":
        return "unknown"
    if date.earliest == date.latest:
        return str(date.earliest)
    return f"{date.earliest or '…'} – {date.latest or '…'}"


def _code_page(
    code: str, found: list[Act], page: str, *, link: Link, table: TableMaker, text: Escape
) -> str:
    lines = [
        f"# `{code}` {CAMEO[code]}",
        "",
        f"Root `{root(code)}`, QuadClass {quad_class(code)} ({QUAD_CLASSES[quad_class(code)]}), "
        f"Goldstein {GOLDSTEIN[code]:+.1f}. {len(found)} act{'s' if len(found) != 1 else ''}.",
        "",
    ]
    rows = [
        [
            f"`{act.id}`",
            link(page, act.record),
            _when(act),
            _actor_text(act.actor1, text),
            _actor_text(act.actor2, text),
            "yes" if act.planned else "no",
            f"“{text(normalise(act.sentences[0] if act.sentences else ''))}”",
        ]
        for act in found
    ]
    head = ["act", "record", "when", "actor 1", "actor 2", "planned", "quote"]
    lines += table(head, rows)
    return "\n".join([*lines, ""])
