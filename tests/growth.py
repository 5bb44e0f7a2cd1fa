"""The whole suite on a grown checkout: adding reports turns nothing red but what a release asks.

``python -m tests.growth`` (a CI step, ``.ci/run``) does what a contributor
adding reports does, in a copy of this checkout, then runs every test there:

1. copies the checkout (the files git tracks or would track) into a fresh git
   repository, and puts the copy's ``src/`` first on ``PYTHONPATH`` so
   ``import pakru`` and the installed records are the copy's;
2. adds each report of ``tests/growth-data/`` in order, as
   docs/contributing.md says: ``pakru new source report.txt`` (the scaffold's
   title, publisher, date and dateline must be the finished record's: the
   layout reader reads this wire format), then the report's records
   (``overlay/``); ``pakru validate`` must find no error. The reports are of a
   dialogue series and a meeting kind none of the shipped reports has, later
   than every shipped meeting, in agency layouts none of them uses, and the
   second realises the plan the first announces;
3. regenerates the expected-data files with the commands docs/contributing.md
   lists (read from its table, so a new file there is run here too);
4. releases the data as docs/versioning.md says: the MINOR version bumped in
   ``records/VERSION`` and ``CITATION.cff``, and ``pakru changelog``'s section
   put at the top of ``CHANGELOG.md`` (the one test that asks for this,
   ``test_changelog_names_the_version_and_every_id``, is right to: a release
   names its new ids);
5. runs ``pytest`` in the copy with ``PAKRU_RECORDS`` naming the grown
   records and ``-p tests.records_guard``, which fails any test that writes
   into that tree.

A test that fails there pins today's data in code (move the expectation to an
expected-data file) or mixes two trees (read the tree ``pakru.load()`` reads).
Arguments after ``--`` go to pytest; ``--keep DIR`` grows into ``DIR`` and keeps it.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "growth-data"
STEPS = sorted(p for p in DATA.iterdir() if p.is_dir())
"""One folder per report, added in name order: ``report.txt`` and ``overlay/`` (records)."""

SCAFFOLD_FIELDS = ("title", "publisher", "author", "published", "dateline")
"""The fields ``pakru new source`` reads from the layout, checked against the finished record."""

GIT = ("git", "-c", "user.name=pakru growth", "-c", "user.email=growth@example.invalid")


class GrowthError(Exception):
    """A step of the growth failed: the message says which and why."""


def _run(
    argv: Sequence[str], cwd: Path, env: Mapping[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(argv), cwd=cwd, env=dict(env), capture_output=True, text=True, check=False
    )


def environment(link_tree: Path | None = None) -> dict[str, str]:
    """This environment without ``PAKRU_RECORDS``; ``link_tree`` first on ``PYTHONPATH``."""
    env = {k: v for k, v in os.environ.items() if k != "PAKRU_RECORDS"}
    if link_tree is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            [str(link_tree), *filter(None, [os.environ.get("PYTHONPATH")])]
        )
    return env


def grow(records: Path, env: Mapping[str, str] | None = None) -> list[str]:
    """Add every report of ``tests/growth-data/`` to ``records``; the ids added, in order.

    ``records`` is a folder named ``records`` (``pakru new source`` finds it from
    its parent). Raises :class:`GrowthError` when the layout reader misreads a
    report's layout.
    """
    env = environment() if env is None else env
    added: list[str] = []
    for step in STEPS:
        report = records.parent / f"{step.name}.txt"
        shutil.copyfile(step / "report.txt", report)
        new_source = [sys.executable, "-m", "pakru", "new", "source", report.name]
        done = _run(new_source, records.parent, env)
        if done.returncode != 0:
            raise GrowthError(f"{step.name}: pakru new source failed:\n{done.stdout}{done.stderr}")
        report.unlink()
        for finished in sorted((step / "overlay").rglob("*.yaml")):
            target = records / finished.relative_to(step / "overlay")
            record = yaml.safe_load(finished.read_text(encoding="utf-8"))
            if record["type"] == "source":
                if not target.is_file():
                    raise GrowthError(f"{step.name}: pakru new source wrote no {target.name}")
                scaffold = yaml.safe_load(target.read_text(encoding="utf-8"))
                misread = {
                    f: (scaffold.get(f), record.get(f))
                    for f in SCAFFOLD_FIELDS
                    if scaffold.get(f) != record.get(f)
                }
                if misread:
                    raise GrowthError(
                        f"{step.name}: the layout reader read (scaffold, finished) {misread}"
                    )
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(finished, target)
            if record["id"] not in added:  # a later report may add to a record (an alias)
                added.append(record["id"])
    return added


def copy_checkout(dest: Path) -> None:
    """The files git tracks or would track (untracked, not ignored), in a fresh repository."""
    listed = _run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        REPO,
        environment(),
    )
    if listed.returncode != 0:
        raise GrowthError(f"{REPO} is not a git checkout: {listed.stderr.strip()}")
    for name in filter(None, listed.stdout.split("\0")):
        source = REPO / name
        if source.is_symlink() or source.is_file():  # a file deleted in the work tree is not
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target, follow_symlinks=False)  # a link stays a link
    for argv in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "The checkout"]):
        done = _run([*GIT, *argv], dest, environment())
        if done.returncode != 0:
            raise GrowthError(f"git {argv[0]} in {dest}: {done.stderr.strip()}")


def link_tree(dest: Path) -> Path:
    """The copy's ``src/`` folder, to put first on ``PYTHONPATH``: ``import pakru`` then reads
    the copy's code and records, as the README's install of the copy would (its
    ``src/pakru/{schema,validate,records}`` are links into the copy's own folders, so a
    record added there is seen at once, with no re-install)."""
    src = dest / "src"
    for name in ("schema", "validate", "records"):
        folder = src / "pakru" / name
        if not (folder.is_symlink() and folder.resolve() == (dest / name).resolve()):
            raise GrowthError(f"{folder} is not a link to the copy's {name}/ (git core.symlinks?)")
    return src


def regenerate(dest: Path, env: Mapping[str, str]) -> list[str]:
    """Run the ``--write`` commands docs/contributing.md lists for the expected-data files."""
    page = (dest / "docs" / "contributing.md").read_text(encoding="utf-8")
    commands = re.findall(r"`(python -m tests(?:\.\w+)+ --write)`", page)
    if not commands:
        raise GrowthError("docs/contributing.md lists no command that regenerates a file")
    for command in commands:
        done = _run([sys.executable, *command.split()[1:]], dest, env)
        if done.returncode != 0:
            raise GrowthError(f"{command}: {done.stdout}{done.stderr}")
    return commands


def release(dest: Path, env: Mapping[str, str], day: datetime.date) -> str:
    """The MINOR release of docs/versioning.md: VERSION, CITATION.cff, the CHANGELOG section."""
    version_file = dest / "records" / "VERSION"
    major, minor, _ = version_file.read_text(encoding="utf-8").strip().split(".")
    version = f"{major}.{int(minor) + 1}.0"
    version_file.write_text(version + "\n", encoding="utf-8")
    citation = dest / "CITATION.cff"
    text = citation.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^version: .*$", f"version: {version}", text)
    text = re.sub(r"(?m)^date-released: .*$", f'date-released: "{day.isoformat()}"', text)
    citation.write_text(text, encoding="utf-8")
    done = _run([sys.executable, "-m", "pakru", "changelog", "--date", day.isoformat()], dest, env)
    if done.returncode != 0:
        raise GrowthError(f"pakru changelog: {done.stdout}{done.stderr}")
    changelog = dest / "CHANGELOG.md"
    head, sep, rest = changelog.read_text(encoding="utf-8").partition("\n## ")
    changelog.write_text(f"{head}\n{done.stdout.rstrip()}\n{sep}{rest}", encoding="utf-8")
    return version


def main(argv: Sequence[str] | None = None) -> int:
    """Grow a copy of the checkout and run the whole suite on it; pytest's exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    pytest_args = args[args.index("--") + 1 :] if "--" in args else []
    parser = argparse.ArgumentParser(prog="python -m tests.growth", description=__doc__)
    parser.add_argument("--keep", type=Path, help="grow into this (new) folder and keep it")
    options = parser.parse_args(args[: args.index("--")] if "--" in args else args)
    work: Path | None = None
    if options.keep is not None:
        dest = options.keep.absolute()
    else:
        work = Path(tempfile.mkdtemp(prefix="pakru-growth-"))
        dest = work / "pakru"
    try:
        started = time.monotonic()
        copy_checkout(dest)
        mirror = link_tree(dest)
        env = environment(mirror)
        added = grow(dest / "records", env)
        checked = _run([sys.executable, "-m", "pakru", "validate", "records"], dest, env)
        if checked.returncode != 0:
            raise GrowthError(f"the grown records do not validate:\n{checked.stdout}")
        commands = regenerate(dest, env)
        version = release(dest, env, datetime.datetime.now(datetime.UTC).date())
        print(f"grew {dest / 'records'} by {len(added)} records: {', '.join(added)}")
        print(f"regenerated: {'; '.join(commands)}; released data {version}")
        print(f"({time.monotonic() - started:.0f} s); the whole suite on the grown copy:")
        sys.stdout.flush()
        suite = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        started = time.monotonic()
        code = subprocess.run(
            [*suite, "-p", "tests.records_guard", *pytest_args],
            cwd=dest,
            env={**env, "PAKRU_RECORDS": str(dest / "records")},
            check=False,
        ).returncode
        print(f"the suite on the grown copy took {time.monotonic() - started:.0f} s")
        return code
    except GrowthError as error:
        print(f"python -m tests.growth: {error}", file=sys.stderr)
        return 2
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
