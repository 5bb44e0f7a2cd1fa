"""The codebook pages: the coding policy (:mod:`pakru.acts.policy`) and a page per code used.

``pages(site)`` gives ``codebook/index.md`` (each code used: our definition,
QuadClass, Goldstein score and PLOVER counterpart; the inter-coder agreement
figures the agreement script generated; every rule: code, label, QuadClass,
Goldstein score, trigger, reason and its test sentence; the actor rules; the
sentences deliberately left uncoded) and ``codebook/<code>.md`` for each code
the dataset uses, listing its directed rows. What the records wrote
(actors' names, quoted sentences) reaches them through :func:`esc`.
"""

import json
from collections.abc import Iterable
from importlib import resources
from importlib.resources.abc import Traversable

from pakru.acts import Act, Actor
from pakru.acts.actors import ACTOR_BASES, ROLES
from pakru.acts.codes import CAMEO, GOLDSTEIN, QUAD_CLASSES, quad_class, root
from pakru.acts.plover import crosswalk
from pakru.acts.policy import NOT_ACTS, POLICY, CodingRule, Uncoded
from pakru.schema.text import normalise
from pakru.site.context import Site
from pakru.site.markup import esc, table

FOLDER = "codebook"


def code_page(code: str) -> str:
    """The path of the page listing the acts of one code, e.g. ``codebook/046.md``."""
    return f"{FOLDER}/{code}.md"


DEFINITIONS: dict[str, str] = {
    "010": "A public statement that fits no more specific comment code.",
    "011": "Declining to comment on a matter.",
    "012": "A gloomy or worried remark about a situation, including concern about a third party.",
    "013": "A hopeful remark about how a situation will go.",
    "014": "Weighing options in public without committing to one.",
    "015": "Owning up to, or claiming, an act.",
    "016": "Denying having done something.",
    "017": "A symbolic act: a ceremony, a wreath, a gesture.",
    "018": "Offering condolences or sympathy.",
    "019": "Saying that the two sides see an issue the same way (convergence of views).",
    "020": "Asking for something, when no more specific appeal code fits.",
    "021": "Asking another actor for material help or cooperation.",
    "022": "Asking for diplomatic cooperation or policy support.",
    "025": "Asking an actor to give way or make a concession.",
    "026": "Asking to meet or to negotiate.",
    "030": "Saying one will cooperate, without naming which kind (no 031–039 fits).",
    "031": "Saying one will cooperate materially (economic, military, judicial, intelligence).",
    "0311": "Saying one will cooperate economically.",
    "0312": "Saying one will cooperate on military matters.",
    "0313": "Saying one will cooperate on judicial matters.",
    "0314": "Saying one will cooperate on intelligence.",
    "032": "Saying one will support another diplomatically (in fora, on a policy).",
    "033": "Saying one will give aid.",
    "0331": "Saying one will give economic aid.",
    "0332": "Saying one will give military aid (training, equipment, capability).",
    "036": "Saying one will meet or negotiate, e.g. agreeing on the next meeting.",
    "040": "Consultation of an unspecified kind.",
    "041": "Talking by telephone.",
    "042": "Travelling to another actor to meet them.",
    "043": "Receiving a visiting actor.",
    "044": "Meeting on a third party's ground.",
    "045": "Mediating between others.",
    "046": "Holding talks or negotiations (takes precedence over an unspecified visit).",
    "050": "Diplomatic cooperation that fits no more specific code (e.g. renewing ties).",
    "051": "Praising, thanking or endorsing another actor, or expressing satisfaction.",
    "052": "Defending another actor in words.",
    "053": "Rallying support for another actor.",
    "054": "Granting diplomatic recognition.",
    "057": "Signing or concluding a formal agreement.",
    "060": "Material cooperation of an unspecified kind.",
    "061": "Cooperating economically.",
    "062": "Cooperating militarily: joint exercises, arms transfers, military training.",
    "063": "Cooperating on judicial matters (extradition, legal assistance).",
    "064": "Sharing intelligence or information, e.g. briefing on threat assessments.",
    "070": "Giving aid of an unspecified kind.",
    "110": "Disapproval that fits no more specific code.",
    "111": "Criticising or denouncing another actor's conduct.",
    "112": "Accusing another actor of wrongdoing.",
    "180": "Unconventional violence such as terrorist attacks, not further specified.",
}
"""Each CAMEO event code in the project's own words: what a sentence must report for an
act to get it. The labels are the codebook's (Schrodt 2012); these sentences are not."""

AGREEMENT_FILE = "agreement.json"
"""The inter-coder agreement figures, shipped in :mod:`pakru.acts` beside the policy they
measure; written by ``python -m tests.acts.agreement --write`` (a test checks it is current)."""

COLUMNS = (
    ("independent_rows", "independent rows"),
    ("project_rows", "project rows"),
    ("pairs", "pairs"),
    ("recall", "recall"),
    ("precision", "precision"),
    ("root_agreement", "root code agrees"),
    ("full_agreement", "full code agrees"),
    ("kappa_root", "kappa (root)"),
    ("kappa_full", "kappa (full code)"),
)
"""The figures' keys in the file and the column heads the page gives them."""

KAPPA_SCOPE = (
    "Rows are matched report by report: a project row and an independent row pair when they "
    "have the same directed dyad (the first three letters of both CAMEO actor codes) and "
    "quotes sharing at least half of the shorter one. Recall (pairs over independent rows) "
    "and precision (pairs over project rows) count all rows; the code agreements and "
    "Cohen's kappa are computed over the paired rows only, so they say how the two codings "
    "agree on the acts both coded, not how many acts either missed."
)
"""What the agreement figures are computed over (the agreement script's method, whose
docstring is not shipped; its ``scope`` in the figures file says the same)."""


def pages(site: Site, figures_file: Traversable | None = None) -> dict[str, str]:
    """Page path → Markdown: the policy page, then one page per code the acts use.

    ``figures_file`` holds the agreement figures (:data:`AGREEMENT_FILE` of
    :mod:`pakru.acts` by default)."""
    rows = site.acts  # directed rows, as the acts table has them
    used = sorted({a.code for a in rows})
    shipped = resources.files("pakru.acts") / AGREEMENT_FILE
    figures = agreement(shipped if figures_file is None else figures_file)
    index = f"{FOLDER}/index.md"
    out = {index: _policy_page(rows, used, _named(site, index, figures))}
    for code in used:
        page = code_page(code)
        out[page] = _code_page(site, code, [a for a in rows if a.code == code], page)
    return out


Figures = tuple[list[str], list[list[str]]]
"""A table of figures: its head and its rows, as text."""


def agreement(figures_file: Traversable) -> Figures | None:
    """The inter-coder agreement table in ``figures_file``, or None when it holds none.

    The file maps ``sources`` (source id → figures) and ``all`` (the pooled figures)
    to objects keyed as :data:`COLUMNS`; shares print as percentages, kappas with two
    decimals."""
    if not figures_file.is_file():
        return None
    data = json.loads(figures_file.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("all"), dict):
        return None
    sources = data.get("sources")
    named = sorted(sources.items()) if isinstance(sources, dict) else []
    rows = [[str(name), *_figures(values)] for name, values in [*named, ("all", data["all"])]]
    return ["source", *(head for _, head in COLUMNS)], rows


def _figures(values: object) -> list[str]:
    """One row's cells: counts as they are, shares as percentages, kappas as decimals."""
    got = values if isinstance(values, dict) else {}
    cells = []
    for key, _ in COLUMNS:
        value = got.get(key)
        if isinstance(value, float) and key.startswith("kappa"):
            cells.append(f"{value:.2f}")
        elif isinstance(value, float):
            cells.append(f"{value:.0%}".replace("%", " %"))
        else:
            cells.append("" if value is None else str(value))
    return cells


def _code_cell(rule: CodingRule) -> str:
    if rule.code is None:
        return "no code"
    return f"`{rule.code}` {CAMEO[rule.code]}"


def _codes_table(used: list[str]) -> list[str]:
    rows = []
    for code in used:
        plover = crosswalk(code, CAMEO[code])
        counterpart = (
            "none: " + plover.reason
            if plover.event_type is None
            else " · ".join(
                x
                for x in (
                    f"`{plover.event_type}`",
                    plover.mode and f"mode {plover.mode}",
                    plover.context and f"context {plover.context}",
                )
                if x
            )
        )
        rows.append(
            [
                f"[`{code}`]({code}.md) {CAMEO[code]}",
                DEFINITIONS.get(code, "(no definition written yet)"),
                f"{quad_class(code)} ({QUAD_CLASSES[quad_class(code)]})",
                f"{GOLDSTEIN[code]:+.1f}",
                counterpart,
            ]
        )
    return table(["code", "definition", "QuadClass", "Goldstein", "PLOVER"], rows)


def _named(site: Site, page: str, figures: Figures | None) -> Figures | None:
    """The figures with each cell naming a source as a link to its page, in words; every
    other cell escaped. None when they name a source the dataset lacks: they are about
    other records (a site built from another tree)."""
    if figures is None:
        return None
    head, rows = figures
    if any(c.startswith("src-") and c not in site.ds for r in rows for c in r):
        return None

    def cell(text: str) -> str:
        return site.link(page, text) if text in site.ds and text.startswith("src-") else esc(text)

    return [esc(h) for h in head], [[cell(c) for c in r] for r in rows]


def _agreement_section(figures: Figures | None) -> list[str]:
    lines = [
        "## Inter-coder agreement",
        "",
        "A second coder coded the reports by hand from the CAMEO codebook before looking at",
        "the table; the agreement script compares the two codings, directed row by directed",
        "row (`python -m tests.acts.agreement`).",
        "",
    ]
    if figures is None:
        return [*lines, "No agreement figures for these records are part of this build.", ""]
    head, rows = figures
    return [*lines, *table(head, rows), "", KAPPA_SCOPE, ""]


def _uncoded_row(uncoded: Uncoded) -> list[str]:
    if uncoded.source is None:
        return [f"{uncoded.sentence}…", "none: an example written for the policy", uncoded.why]
    return [f"“{uncoded.sentence}…”", f"`{uncoded.source}`", uncoded.why]


def _policy_page(found: Iterable[Act], used: list[str], figures: Figures | None) -> str:
    counts: dict[str, int] = {}
    groups: dict[str, set[str]] = {}
    for act in found:
        counts[act.rule.id] = counts.get(act.rule.id, 0) + 1
        groups.setdefault(act.rule.id, set()).add(act.group_id)
    lines = [
        "# Codebook: how acts get their CAMEO codes",
        "",
        "Every row of the `acts` table is one directed act a record states, coded by the first",
        "rule below, in this order, that applies to the part of the record and whose trigger",
        "occurs in one sentence of its quotes. A two-sided act (both sides met, both agreed)",
        "is two rows with the actors reversed, sharing `group_id`, as CAMEO counts it; the",
        '"acts (rows)" column counts acts (distinct `group_id`), then rows. Rules without a',
        "code record states, not acts.",
        'Codes are strings (`"046"`, never the number 46).',
        "",
        "## Codes",
        "",
        "Each code used, in our words, with its QuadClass, its Goldstein score and its PLOVER",
        "counterpart (event type, mode, context) by the crosswalk of `pakru.acts.plover`,",
        "which follows the PLOVER project's CAMEO2PLOVER table and manual. PLOVER drops",
        "CAMEO's comment and appeal roots (01, 02): those rows have no PLOVER type.",
        "",
        *_codes_table(used),
        "",
        *_agreement_section(figures),
        "## Rules",
        "",
    ]
    rows = []
    for number, rule in enumerate(POLICY, 1):
        quad = "" if rule.code is None else str(quad_class(rule.code))
        score = "" if rule.code is None else f"{GOLDSTEIN[rule.code]:+.1f}"
        applies = ", ".join(rule.parts) + (f" ({', '.join(rule.kinds)})" if rule.kinds else "")
        count = f"{len(groups.get(rule.id, ()))} ({counts.get(rule.id, 0)})"
        rows.append(
            [str(number), f"`{rule.id}`", _code_cell(rule), quad, score, applies, count, rule.why]
        )
    head = ["#", "rule", "code", "QuadClass", "Goldstein", "applies to", "acts (rows)", "why"]
    lines += table(head, rows)
    lines += [
        "",
        "## Triggers and test sentences",
        "",
        "Each rule's trigger (a regular expression, case-insensitive, matched in one",
        "sentence; `a1` and `a2` mark the words naming actor 1 and actor 2), its test",
        "case, a sentence it codes, and the CAMEO codebook definition or example it follows:",
        "",
    ]
    lines += [
        f"- `{r.id}`: `{r.trigger}`  \n  “{r.example}”  \n  Follows: {r.cites}" for r in POLICY
    ]
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
        "Sentences of the reports the policy deliberately does not code, with the report",
        "printing each (verbatim, its opening words); a row naming no report is an example",
        "written for the policy, not a quote.",
        "",
        *table(["sentence", "report", "why no act"], [_uncoded_row(u) for u in NOT_ACTS]),
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
        "Each row's `date_*` and `location_*` columns say when and where the act was done",
        "or, for an intent, stated; `plan_date_*`, `plan_city` and `plan_country` the",
        "planned event an intent concerns (`realised_by_id` the meeting that carried it",
        "out; a held meeting's acts name the plan in `realises_id`); `report_date_*` when its",
        "reports were published; `retrospective` is true for a background mention (an act",
        "that ended more than a month before its first report). Count distinct `group_id`",
        "for acts, rows for directed events.",
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
    plover = crosswalk(code, CAMEO[code])
    groups = len({a.group_id for a in found})
    lines = [
        f"# `{code}` {CAMEO[code]}",
        "",
        DEFINITIONS.get(code, "(no definition written yet)"),
        "",
        f"Root `{root(code)}`, QuadClass {quad_class(code)} ({QUAD_CLASSES[quad_class(code)]}), "
        f"Goldstein {GOLDSTEIN[code]:+.1f}. {len(found)} directed "
        f"row{'s' if len(found) != 1 else ''} ({groups} act{'s' if groups != 1 else ''}).",
        "",
        f"PLOVER: {plover.event_type or 'none'}"
        + (f", mode {plover.mode}" if plover.mode else "")
        + (f", context {plover.context}" if plover.context else "")
        + f" ({plover.reason}).",
        "",
    ]
    by_group: dict[str, list[Act]] = {}
    for act in found:
        by_group.setdefault(act.group_id, []).append(act)
    rows = [
        [
            f"`{group}`",
            site.link(page, act.record),
            _when(act) + ("" if act.plan is None else f" (plans {act.plan.describe()})"),
            "yes" if act.retrospective else "no" if act.retrospective is False else "unknown",
            "<br>".join(f"{_actor_text(r.actor1)} → {_actor_text(r.actor2)}" for r in directed),
            "yes" if act.planned else "no",
            f"“{esc(normalise(act.sentences[0] if act.sentences else ''))}”",
        ]
        for group, directed in by_group.items()
        for act in directed[:1]
    ]
    head = ["act", "record", "when", "background", "directed rows", "planned", "quote"]
    lines += table(head, rows, searched=False)
    return "\n".join([*lines, ""])
