"""The codebook pages: the coding policy (:mod:`pakru.acts.policy`) and a page per code used.

``pages(site)`` gives ``codebook/index.md`` (every rule: code, label,
QuadClass, Goldstein score, trigger, reason and its test sentence; the actor
rules; the sentences deliberately left uncoded) and ``codebook/<code>.md``
for each code the dataset uses, listing its acts. What the records wrote
(actors' names, quoted sentences) reaches them through :func:`esc`.
"""

from collections.abc import Iterable

from pakru.acts import Act, Actor
from pakru.acts.actors import ACTOR_BASES, ROLES
from pakru.acts.codes import CAMEO, GOLDSTEIN, QUAD_CLASSES, quad_class, root
from pakru.acts.policy import NOT_ACTS, POLICY, CodingRule
from pakru.schema.text import normalise
from pakru.site.context import Site
from pakru.site.markup import esc, table

FOLDER = "codebook"


def code_page(code: str) -> str:
    """The path of the page listing the acts of one code, e.g. ``codebook/046.md``."""
    return f"{FOLDER}/{code}.md"


def pages(site: Site) -> dict[str, str]:
    """Page path → Markdown: the policy page, then one page per code the acts use."""
    used = sorted({a.code for a in site.acts})
    out = {f"{FOLDER}/index.md": _policy_page(site.acts, used)}
    for code in used:
        page = code_page(code)
        out[page] = _code_page(site, code, [a for a in site.acts if a.code == code], page)
    return out


def _code_cell(rule: CodingRule) -> str:
    if rule.code is None:
        return "no code"
    return f"`{rule.code}` {CAMEO[rule.code]}"


def _policy_page(found: Iterable[Act], used: list[str]) -> str:
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
        ROLES,
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


def _actor_text(actor: Actor | None) -> str:
    if actor is None:
        return "—"
    names = ", ".join(actor.names)
    code = actor.cameo or "?"
    return f"`{code}`" + (f" ({esc(names)})" if names else "")


def _when(act: Act) -> str:
    date = act.date
    if date.precision == "unknown":
        return "unknown"
    if date.earliest == date.latest:
        return str(date.earliest)
    return f"{date.earliest or '…'} – {date.latest or '…'}"


def _code_page(site: Site, code: str, found: list[Act], page: str) -> str:
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
            site.link(page, act.record),
            _when(act),
            _actor_text(act.actor1),
            _actor_text(act.actor2),
            "yes" if act.planned else "no",
            f"“{esc(normalise(act.sentences[0] if act.sentences else ''))}”",
        ]
        for act in found
    ]
    head = ["act", "record", "when", "actor 1", "actor 2", "planned", "quote"]
    lines += table(head, rows)
    return "\n".join([*lines, ""])
