"""An independent reading of the spec's data invariants, for generated corpora.

The validator's cross-record rules are the real check; this oracle restates
the invariants the corpus generator promises (quotes verbatim in their
source, dates equal to their derivations, held meetings not after their
sources, series numbered in date order, one person per name form) in a few
lines of plain Python over the raw data, so a generator bug shows up even on
a branch where a rule is not yet registered.
"""

import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from benchmarks.corpus import Corpus

WEEKDAYS = [d.lower() for d in calendar.day_name]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def derived(d: dict[str, Any], published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """The interval one derivation gives (the rules the generator uses)."""
    rule = d["rule"]
    if rule == "stated-day":
        day = dt.date.fromisoformat(d["value"])
        return day, day
    if rule == "stated-month":
        year, month = map(int, d["value"].split("-"))
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    assert published is not None, d
    if rule == "publication-day":
        return published, published
    if rule == "weekday-before-publication":
        back = (published.weekday() - WEEKDAYS.index(d["weekday"])) % 7
        day = published - dt.timedelta(days=back)
        return day, day
    raise AssertionError(f"oracle does not know rule {rule!r}")


def _precision(earliest: dt.date | None, latest: dt.date | None) -> str:
    if earliest is None and latest is None:
        return "unknown"
    if earliest == latest:
        return "day"
    if earliest is None or latest is None:
        return "range"
    last = calendar.monthrange(latest.year, latest.month)[1]
    if (earliest.year, earliest.month, earliest.day, latest.day) == (
        latest.year,
        latest.month,
        1,
        last,
    ):
        return "month"
    return "range"


def problems(corpus: Corpus) -> list[str]:  # noqa: PLR0912 - one list of checks
    """Every broken invariant, as a sentence; empty when the corpus is valid."""
    out: list[str] = []
    sources = {r["id"]: r for r in corpus.records if r["type"] == "source"}
    texts = {sid: _norm(corpus.texts[s["file"]]) for sid, s in sources.items()}
    ids = [r["id"] for r in corpus.records]
    if len(ids) != len(set(ids)):
        out.append("duplicate ids")
    for record in corpus.records:
        rid = record["id"]
        for node in _walk(record):
            quoted = "quote" in node and "source" in node
            if quoted and _norm(node["quote"]) not in texts.get(node["source"], ""):
                out.append(f"{rid}: quote {node['quote']!r} not in {node['source']}")
            if "precision" in node:
                earliest, latest = _day(node["earliest"]), _day(node["latest"])
                if earliest and latest and earliest > latest:
                    out.append(f"{rid}: interval reversed")
                if _precision(earliest, latest) != node["precision"]:
                    out.append(f"{rid}: precision {node['precision']} for {earliest}..{latest}")
                for d in node.get("derivations", []):
                    published = _day(sources[d["source"]]["published"])
                    if derived(d, published) != (earliest, latest):
                        out.append(f"{rid}: {d['rule']} gives {derived(d, published)}")
        if record["type"] in ("meeting", "event") and record["status"] == "held":
            earliest = _day(record["date"]["earliest"])
            for e in record["evidence"]:
                published = _day(sources[e["source"]]["published"])
                if earliest and published and earliest > published:
                    out.append(f"{rid}: held after {e['source']} was published")
                announces = re.search(
                    r"would be held|will be held|next meeting|to be held", e["quote"]
                )
                if "status" in e["supports"] and announces:
                    out.append(f"{rid}: held, but its status quote announces")
    series: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in corpus.records:
        if m["type"] == "meeting" and m["series"]:
            series[m["series"]].append(m)
    for sid, meetings in series.items():
        held = sorted(
            (m for m in meetings if m["date"]["earliest"]), key=lambda m: m["date"]["earliest"]
        )
        ordinals = [m["ordinal"] for m in held]
        if ordinals != sorted(ordinals) or len(set(ordinals)) != len(ordinals):
            out.append(f"{sid}: ordinals {ordinals} not in date order")
    names: dict[str, str] = {}
    for p in corpus.records:
        if p["type"] == "person":
            for form in [p["name"], *p.get("aliases", [])]:
                if names.setdefault(form.lower(), p["id"]) != p["id"]:
                    out.append(f"name form {form!r} used by two people")
    return out
