"""The site builds with Zensical, the maintained successor of Material for MkDocs that reads
``mkdocs.yml``, with every link intact (issue 29, point 5).

``python -m pakru.site`` writes the whole docs tree (Zensical runs no MkDocs
plugins), a copy of ``mkdocs.yml`` without the gen-files plugin configures
it, and ``zensical build --strict`` builds it, as the maintainers' guide says.
Without Zensical the test skips locally and fails under CI (``CI`` set); CI
installs it (``.ci/run``).
"""

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.site.conftest import FIXTURE_RECORDS, REPO, SITE_BASE, unavailable
from tests.site.linkcheck import broken_links


def zensical_config(out: Path) -> Path:
    """``mkdocs.yml`` without the gen-files plugin, written as ``out/zensical.yml`` (its
    ``docs`` and ``site`` folders are then ``out/docs`` and ``out/site``)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not _is_gen_files(p)]
    path = out / "zensical.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _is_gen_files(plugin: object) -> bool:
    return plugin == "gen-files" or (isinstance(plugin, dict) and "gen-files" in plugin)


def _zensical() -> str:
    if importlib.util.find_spec("zensical") is None:
        unavailable("Zensical is not installed (pip install zensical)")
    beside = Path(sys.executable).parent / "zensical"
    found = str(beside) if beside.is_file() else shutil.which("zensical")
    if found is None:
        unavailable("no zensical command")
    assert found is not None
    return found


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture records' site, built by Zensical."""
    command = _zensical()
    out = tmp_path_factory.mktemp("zensical")
    env = {**os.environ, "PAKRU_RECORDS": str(FIXTURE_RECORDS)}
    written = subprocess.run(
        [sys.executable, "-m", "pakru.site", str(out / "docs"), "--docs", str(REPO / "docs")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert written.returncode == 0, written.stderr
    built = subprocess.run(
        [command, "build", "--strict", "-f", str(zensical_config(out))],
        cwd=out,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    assert (out / "site" / "index.html").is_file()
    return out / "site"


def test_zensical_builds_the_site_with_every_link_intact(zensical_site: Path) -> None:
    assert broken_links(zensical_site, SITE_BASE) == []


def test_zensical_builds_every_page_mkdocs_builds(zensical_site: Path, fixture_site: Path) -> None:
    def pages(site: Path) -> set[str]:
        return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}

    assert pages(fixture_site) - pages(zensical_site) == set()
    series = (zensical_site / "bodies/jwg-ct/index.html").read_text(encoding="utf-8")
    assert 'href="../../meetings/jwg-ct-07/"' in series  # the pictures' links, rewritten right
