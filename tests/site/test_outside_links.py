"""A preview build of a pull request never publishes a file from outside the records tree.

The cold trial of issues 22/23 replaced a report text with a link to
``../../../.git/config``: ``mkdocs build --strict`` passed and the token was
in the downloads and on the source's page. The text is not read
(``read.outside``), so loading fails and the build fails with it.
"""

import shutil
from pathlib import Path

from tests.site.conftest import FIXTURE_RECORDS, build_site

MARKER = "token-5b1d93"


def test_a_report_text_linked_out_of_the_tree_fails_the_build(tmp_path: Path) -> None:
    records = Path(shutil.copytree(FIXTURE_RECORDS, tmp_path / "records"))
    (tmp_path / "config").write_text(f"[core]\n\ttoken = {MARKER}\n", encoding="utf-8")
    text = records / "sources" / "text" / "fixture-a.txt"
    text.unlink()
    text.symlink_to("../../../config")
    site = tmp_path / "site"
    done = build_site(records, site)
    assert done.returncode != 0
    finding = (
        f"{text}: error[read.outside] symbolic link to '../../../config', "
        "which leads out of the records tree; not read"
    )
    assert finding in done.stdout + done.stderr
    assert MARKER not in done.stdout + done.stderr
    published = [p for p in site.rglob("*") if p.is_file() and MARKER.encode() in p.read_bytes()]
    assert published == []
