"""Site fixtures: the site built once per session from the fixture records, from the dataset
and from a hostile copy of the dataset; a local web server; headless Chromium."""

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import pytest
import yaml

from pakru.tools.tree import find
from tests.site.hostile import plant

REPO = Path(__file__).resolve().parents[2]
FIXTURE_RECORDS = Path(__file__).resolve().parent / "fixtures" / "records"
ARTIFACTS = REPO / "artifacts"
SITE_BASE = urlsplit(
    yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
).path
"""The path of ``site_url`` (``/pakru/``): absolute links on the site start with it."""


def build_site(records: Path | None, dest: Path) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` into ``dest``, from ``records`` or the installed dataset."""
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PAKRU_RECORDS", None)
    if records is not None:
        env["PAKRU_RECORDS"] = str(records)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml"]
    return subprocess.run(
        [*command, "-d", str(dest)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def _built(records: Path | None, dest: Path) -> Path:
    done = build_site(records, dest)
    dest.with_suffix(".log").write_text(done.stdout + done.stderr, encoding="utf-8")
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}"
    assert (dest / "index.html").is_file()
    return dest


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from tests/site/fixtures/records."""
    return _built(FIXTURE_RECORDS, tmp_path_factory.mktemp("fixture-site"))


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the tree ``pakru.load()`` reads in this process (the tests compare
    the pages with it): ``PAKRU_RECORDS`` when set (``tests/growth.py`` sets it to a grown
    copy), else the checkout's ``records/``."""
    return _built(find().path, tmp_path_factory.mktemp("real-site"))


class Hostile(NamedTuple):
    """A site built from hostile records."""

    site: Path
    records: Path
    planted: set[tuple[str, str]]
    """(model, field) of every field the payload was planted in."""


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    """The site built from a copy of records/ with script payloads in every free-text field
    and every report text (:mod:`tests.site.hostile`)."""
    tree = tmp_path_factory.mktemp("hostile-records") / "records"
    planted = plant(find().path, tree)
    return Hostile(_built(tree, tmp_path_factory.mktemp("hostile-site")), tree, planted)


CHROMIUM = os.environ.get("PAKRU_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",  # containers often have a 64 MB /dev/shm
]
SHOTS = ARTIFACTS / "screenshots"


def unavailable(reason: str) -> None:
    """Skip a browser test locally, fail it under CI (``CI`` set): CI never passes by skipping."""
    if os.environ.get("CI"):
        pytest.fail(f"browser test cannot run under CI: {reason}")
    pytest.skip(reason)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def serve() -> Iterator[Any]:
    """A function serving a folder on 127.0.0.1 and returning its base URL."""
    servers: list[ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def browser() -> Iterator[Any]:
    """Headless Chromium under Playwright (skips locally, fails under CI, when missing)."""
    if not Path(CHROMIUM).is_file() and shutil.which("chromium") is None:
        unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415
    except ImportError:
        unavailable("Playwright for Python is not installed (pip install playwright)")
    executable = CHROMIUM if Path(CHROMIUM).is_file() else shutil.which("chromium")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()
