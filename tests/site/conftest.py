"""Site fixtures: the site built once per session from the fixture records and from the dataset."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

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
    """The site built from the dataset installed with pakru."""
    return _built(None, tmp_path_factory.mktemp("real-site"))
