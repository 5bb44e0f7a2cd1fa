"""Benchmark pakru as the corpus grows: ``python benchmarks/scale.py --json benchmarks/scale.json``.

Issue 28's figures, each in a fresh process on corpora of N records made by
``benchmarks/corpus.py`` (cached under ``--data``, as ``run.py`` caches them):

- ``load()``, ``coverage()``, each export format and ``--format all`` at every
  size (default 1,000, 10,000 and 100,000): the step's own CPU seconds, the
  process's wall and CPU seconds and peak RSS;
- the site (``mkdocs build``) at the site sizes (default 1,000 and 10,000):
  CPU and wall seconds, pages written, the search index's size, and, with
  Chromium, how long a query typed into the search box takes to show results;
- memory at the largest size: ``pakru validate`` and ``ds.to_pandas()``
  against ``load()``'s peak RSS;
- ``pakru --version`` and ``pakru --help`` in fresh processes.

The growth factor (time at 10N / time at N, which should stay ≤ 11 for x10
records) is computed for every step timed at two sizes and printed; ``--check``
makes a missed growth target the exit status. ``benchmarks/page.py`` turns the
JSON into the scale section of ``docs/performance.md``.
"""

import argparse
import datetime as dt
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.run import dataset_dir, machine, run  # noqa: E402

FORMAT = 1
"""Layout of the JSON this writes; ``benchmarks/page.py`` refuses any other."""

GROWTH = 11.0
"""Largest acceptable time ratio for ten times the records."""

EXPORTS = ("json", "jsonl", "csv", "sqlite", "datapackage", "parquet")

STEP = """\
import json, sys, time, gc
from pathlib import Path
import pakru
gc.disable()  # as the pakru command runs
t = time.process_time()
ds = pakru.load([Path(sys.argv[1])])
out = {{"load": time.process_time() - t, "records": len(ds)}}
t = time.process_time()
{body}
out["step"] = time.process_time() - t
print(json.dumps(out))
"""

BODIES = {
    "load": "pass",
    "coverage": "from pakru.coverage import coverage\ncoverage(ds)",
    "to_pandas": "frames = ds.to_pandas()",
}


ONE_PROCESS = """\
import json, resource, sys, time, gc
from pathlib import Path
import pakru
from pakru.coverage import coverage
gc.disable()

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

t = time.process_time()
ds = pakru.load([Path(sys.argv[1])])
out = {"records": len(ds), "load": time.process_time() - t, "load_mib": peak()}
t = time.process_time()
frames = ds.to_pandas()
out["to_pandas"] = time.process_time() - t
out["to_pandas_mib"] = peak()
del frames
t = time.process_time()
coverage(ds)
out["coverage"] = time.process_time() - t
out["coverage_mib"] = peak()
print(json.dumps(out))
"""


def one_process(directory: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """For a corpus too large to load once per step on a busy machine: one process loads it,
    then makes the DataFrames, then the coverage; each step's CPU seconds and the peak RSS
    after it. The size's row (``load``, ``coverage``) and the memory figures (``pakru
    validate`` not measured)."""
    done = run([sys.executable, "-c", ONE_PROCESS, str(directory)])
    try:
        inner = json.loads(done["out"].strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise SystemExit(f"the one-process run failed:\n{done['out']}") from None
    base = {"records": inner["records"], "load_cpu": inner["load"], "cpu": done["cpu"]}
    row = {
        "load": {**base, "step_cpu": 0.0, "wall": done["wall"], "rss_mib": inner["load_mib"]},
        "coverage": {
            **base,
            "step_cpu": inner["coverage"],
            "wall": done["wall"],
            "rss_mib": inner["coverage_mib"],
        },
        "one_process": True,
    }
    mem = {
        "load_mib": inner["load_mib"],
        "validate_mib": None,
        "to_pandas_mib": inner["to_pandas_mib"],
        "to_pandas_cpu": inner["to_pandas"],
    }
    return row, mem


def export_body(fmt: str, out: Path) -> str:
    return f"from pakru.export import export\nexport(ds, {fmt!r}, Path({str(out)!r}))"


def step(directory: Path, body: str) -> dict[str, Any]:
    """A fresh process loading ``directory`` then running ``body``: its figures."""
    done = run([sys.executable, "-c", STEP.format(body=body), str(directory)])
    try:
        inner = json.loads(done["out"].strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise SystemExit(f"the step failed:\n{body}\n{done['out']}") from None
    return {
        "step_cpu": inner["step"],
        "load_cpu": inner["load"],
        "records": inner["records"],
        "cpu": done["cpu"],
        "wall": done["wall"],
        "rss_mib": done["rss_mib"],
    }


def exports(directory: Path, scratch: Path) -> dict[str, Any]:
    """Every format alone, then ``all``, each into an empty folder."""
    out: dict[str, Any] = {}
    for fmt in (*EXPORTS, "all"):
        target = scratch / f"export-{fmt}"
        shutil.rmtree(target, ignore_errors=True)
        out[fmt] = step(directory, export_body(fmt, target))
        shutil.rmtree(target, ignore_errors=True)
        print(f"    export {fmt}: {out[fmt]['step_cpu']:.2f} s CPU", flush=True)
    return out


def site(directory: Path, scratch: Path, search: bool) -> dict[str, Any]:
    """``mkdocs build`` of ``directory``: time, pages, index sizes, and searches in Chromium.

    The search indexes are Material's full-text index of the site's prose pages
    (``search/search_index.json``) and the record search's one file per record kind
    (``search/records/``), fetched when the search box is first used.
    """
    dest = scratch / "site"
    shutil.rmtree(dest, ignore_errors=True)
    env = [
        "env",
        f"PAKRU_RECORDS={directory}",
        "DISABLE_MKDOCS_2_WARNING=true",
        "NO_MKDOCS_2_WARNING=1",
    ]
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    done = run([*env, sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(dest)])
    if not (dest / "index.html").is_file():
        raise SystemExit(f"the site did not build:\n{done['out'][-3000:]}")
    material = sorted((dest / "search").glob("*.json"))
    records = sorted((dest / "search" / "records").glob("*.json"))
    figures: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": done["cpu"],
        "wall": done["wall"],
        "rss_mib": done["rss_mib"],
        "load_before": load_before,
        "load_after": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "pages": sum(1 for _ in dest.rglob("index.html")),
        "index_files": len(material),
        "index_bytes": sum(p.stat().st_size for p in material),
        "largest_index_bytes": max((p.stat().st_size for p in material), default=0),
        "record_index_files": len(records),
        "record_index_bytes": sum(p.stat().st_size for p in records),
        "largest_record_index_bytes": max((p.stat().st_size for p in records), default=0),
    }
    if search:
        figures["search"] = search_times(dest)
    shutil.rmtree(dest, ignore_errors=True)
    return figures


SEARCH = """\
import json, sys, time, threading
from functools import partial
from http.server import ThreadingHTTPServer, SimpleHTTPRequestHandler
from playwright.sync_api import sync_playwright

class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *a): pass

server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=sys.argv[1]))
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}/"
args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
records = ".pk-record-result"
prose = ".md-search-result > ol.md-search-result__list:last-child > li"

def query(page, text, results, shown=None):
    # the query arrives as one input event (as a paste does), so the time is the search's
    # own, not Playwright's typing one key at a time on a busy machine
    box = page.locator("input.md-search__input")
    start = time.perf_counter()
    box.click()
    box.fill(text)
    found = page.locator(results)
    if shown is not None:
        found = found.filter(has_text=shown)
    found.first.wait_for(state="visible", timeout=120000)
    return time.perf_counter() - start

out = {}
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=sys.argv[2], args=args)
    page = browser.new_page()
    start = time.perf_counter()
    page.goto(base)
    page.wait_for_load_state("load")
    out["page_load_s"] = time.perf_counter() - start
    # the record search's files are fetched when the box is first used: in the first query
    out["first_query_s"] = query(page, sys.argv[3], records, sys.argv[3])
    out["second_query_s"] = query(page, sys.argv[4], records, sys.argv[4])
    out["prose_query_s"] = query(page, sys.argv[5], prose, sys.argv[5])  # Material's index
    browser.close()
server.shutdown()
print(json.dumps(out))
"""


def _record_queries(site_dir: Path) -> tuple[str, str]:
    """The name of the last record of the largest record index (a query that needs all of
    it) and of the first record of the smallest."""
    shards = sorted(
        (site_dir / "search" / "records").glob("*.json"), key=lambda p: p.stat().st_size
    )
    shards = [p for p in shards if p.name != "index.json"]
    last = json.loads(shards[-1].read_text(encoding="utf-8"))[-1][1]
    first = json.loads(shards[0].read_text(encoding="utf-8"))[0][1]
    return str(last), str(first)


def search_times(site_dir: Path) -> dict[str, Any]:
    """Seconds from a query entered in the search box (at once, as a paste) to its result
    shown: a record's name the first time (the record search's files fetched), another
    record's name (the files loaded), and a word of the prose pages (Material's index)."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).is_file():
        return {"skipped": "no chromium"}
    first, second = _record_queries(site_dir)
    done = subprocess.run(
        [sys.executable, "-c", SEARCH, str(site_dir), chromium, first, second, "dialogue"],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    if done.returncode != 0:
        return {"skipped": done.stderr.strip().splitlines()[-1][:200] if done.stderr else "?"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return {**result, "queries": [first, second, "dialogue"]}


def startup(repeat: int) -> dict[str, Any]:
    """Least CPU and wall seconds of ``repeat`` fresh processes for each command."""
    commands = {
        "bare": [sys.executable, "-c", "pass"],
        "version": [sys.executable, "-m", "pakru", "--version"],
        "help": [sys.executable, "-m", "pakru", "--help"],
    }
    out: dict[str, Any] = {}
    for _ in range(repeat):
        for name, command in commands.items():
            r = run(command)
            for kind in ("cpu", "wall"):
                key = f"{name}_{kind}"
                out[key] = min(out.get(key, r[kind]), r[kind])
    return out


def memory(directory: Path) -> dict[str, Any]:
    """Peak RSS (MiB) of ``load()``, ``pakru validate`` and ``load()`` + ``to_pandas()``."""
    loaded = step(directory, BODIES["load"])
    validated = run([sys.executable, "-m", "pakru", "validate", "--jobs", "1", str(directory)])
    frames = step(directory, BODIES["to_pandas"])
    return {
        "load_mib": loaded["rss_mib"],
        "validate_mib": validated["rss_mib"],
        "to_pandas_mib": frames["rss_mib"],
        "to_pandas_cpu": frames["step_cpu"],
    }


def growth(sizes: dict[str, Any]) -> list[dict[str, Any]]:
    """Time ratio of each step between consecutive sizes, against the x11 bound."""
    rows = []
    ns = sorted(sizes, key=int)
    for small, large in itertools.pairwise(ns):
        a, b = sizes[small], sizes[large]
        timed = [("coverage", "coverage"), ("load", "load")]
        timed += [(f"export {f}", f) for f in (*EXPORTS, "all")]
        for label, key in timed:
            x = a.get(key) if not label.startswith("export") else a.get("exports", {}).get(key)
            y = b.get(key) if not label.startswith("export") else b.get("exports", {}).get(key)
            if x and y:
                field = "load_cpu" if key == "load" else "step_cpu"
                rows.append(_ratio(label, small, large, x[field], y[field]))
        if "site" in a and "site" in b:
            rows.append(_ratio("site build", small, large, a["site"]["cpu"], b["site"]["cpu"]))
    return rows


def _ratio(label: str, small: str, large: str, x: float, y: float) -> dict[str, Any]:
    factor = (y / x) / (int(large) / int(small)) * 10 if x > 0 else float("inf")
    return {
        "step": label,
        "from": int(small),
        "to": int(large),
        "ratio": factor,
        "ok": factor <= GROWTH,
    }


def _arguments() -> argparse.ArgumentParser:
    """The options of :func:`main`."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1000,10000,100000", help="comma-separated N")
    p.add_argument("--site-sizes", default="1000,10000", help="N at which the site is built")
    p.add_argument("--search", action="store_true", help="time a search in Chromium")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "pakru-bench")
    p.add_argument("--json", type=Path, default=None, help="write the figures here")
    p.add_argument("--check", action="store_true", help="exit 1 when a growth factor is over")
    p.add_argument("--repeat", type=int, default=5, help="rounds of the start-up timings")
    p.add_argument(
        "--merge",
        type=Path,
        default=None,
        help="add the sizes measured to this earlier --json (its start-up and memory kept "
        "unless measured again), so sizes can be run apart",
    )
    p.add_argument("--no-memory", action="store_true", help="skip the memory figures")
    p.add_argument(
        "--one-process",
        action="store_true",
        help="at every size: load, to_pandas() and coverage() in one process (no exports, "
        "no site, no pakru validate): for 100,000 records on a busy machine",
    )
    p.add_argument(
        "--steps",
        default="coverage,exports,site",
        help="which steps to time at each size (load is always timed)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the scale benchmark, print the figures, write ``--json``."""
    args = _arguments().parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    site_sizes = {int(s) for s in args.site_sizes.split(",") if s}
    report: dict[str, Any] = {
        "format": FORMAT,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "install": _install(),
        "sizes": {},
    }
    scratch = Path(tempfile.mkdtemp(prefix="pakru-scale-"))
    try:
        if args.repeat:
            print("start-up", flush=True)
            report["startup"] = startup(args.repeat)
        for n in sizes:
            directory = dataset_dir(args.data, n, args.seed)
            print(f"N = {n:,}", flush=True)
            if args.one_process:
                row, mem = one_process(directory)
                report["sizes"][str(n)] = row
                report["memory"] = {"n": n, **mem}
                print(f"    coverage: {row['coverage']['step_cpu']:.2f} s CPU", flush=True)
                continue
            row: dict[str, Any] = {"load": step(directory, BODIES["load"])}
            steps = set(args.steps.split(","))
            if "coverage" in steps:
                row["coverage"] = step(directory, BODIES["coverage"])
                print(f"    coverage: {row['coverage']['step_cpu']:.2f} s CPU", flush=True)
            if "exports" in steps:
                row["exports"] = exports(directory, scratch)
            if n in site_sizes and "site" in steps:
                row["site"] = site(directory, scratch, args.search)
                print(f"    site: {row['site']['cpu']:.1f} s CPU", flush=True)
            report["sizes"][str(n)] = row
        if not args.no_memory and sizes and not args.one_process:
            largest = dataset_dir(args.data, max(sizes), args.seed)
            report["memory"] = {"n": max(sizes), **memory(largest)}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    report["load_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    if args.merge is not None and args.merge.is_file():
        report = _merged(json.loads(args.merge.read_text(encoding="utf-8")), report)
    report["growth"] = growth(report["sizes"])
    for g in report["growth"]:
        mark = "ok" if g["ok"] else "OVER"
        print(f"  {g['step']:<20} {g['from']:>7,} → {g['to']:>7,}: x{g['ratio']:.2f}  {mark}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 1 if args.check and not all(g["ok"] for g in report["growth"]) else 0


def _merged(earlier: dict[str, Any], later: dict[str, Any]) -> dict[str, Any]:
    """``earlier`` with ``later``'s sizes, memory and start-up laid over it; both dates and
    loads are kept in the date and load fields."""
    sizes = {n: dict(row) for n, row in earlier["sizes"].items()}
    for n, row in later["sizes"].items():
        sizes[n] = {**sizes.get(n, {}), **row}  # a step measured again replaces the earlier
    out = {**earlier, "sizes": sizes}
    for key in ("memory", "startup"):
        if key in later:
            out[key] = later[key]
    out["date"] = f"{earlier['date']} and {later['date']}"
    out["load_before"] = f"{earlier['load_before']}; {later['load_before']}"
    out["load_after"] = f"{earlier['load_after']}; {later['load_after']}"
    return out


def _install() -> str:
    """How pakru is installed here: its version, editable or not, and the optional parsers."""
    done = subprocess.run(
        [sys.executable, "-m", "pip", "show", "pakru", "py-yaml12"],
        capture_output=True,
        text=True,
        check=False,
    )
    fields = [
        line
        for line in done.stdout.splitlines()
        if line.startswith(("Name:", "Version:", "Editable project location:"))
    ]
    editable = any(line.startswith("Editable") for line in fields)
    names = [
        line.split(":", 1)[1].strip() for line in fields if line.startswith(("Name", "Version"))
    ]
    pairs = " ".join(f"{a} {b}" for a, b in zip(names[::2], names[1::2], strict=False))
    return f"{pairs} ({'editable' if editable else 'plain'} install)"


if __name__ == "__main__":
    raise SystemExit(main())
