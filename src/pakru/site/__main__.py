"""``python -m pakru.site OUT``: write the site's whole docs tree into a folder, without MkDocs.

The hand-written pages of ``docs/`` are copied and the generated pages written
beside them, so any generator that reads a plain docs folder (Zensical, which
runs no MkDocs plugins) can build the site; see the maintainers' guide. The links
of the pictures (raw HTML) are written as Zensical reads them, relative to each
page's Markdown file.
"""

import argparse
import shutil
import sys
from pathlib import Path
from typing import IO, Any

from pakru.site.generate import SiteError, write


def main(argv: list[str] | None = None) -> int:
    """Copy ``--docs`` into ``OUT`` and write every generated page there."""
    parser = argparse.ArgumentParser(prog="python -m pakru.site", description=__doc__)
    parser.add_argument("out", type=Path, help="folder to write the docs tree into")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="hand-written pages")
    parser.add_argument("--site-url", default="", help="the address the site is served at")
    args = parser.parse_args(argv)
    out: Path = args.out
    shutil.copytree(args.docs, out, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.py"))

    def open_file(name: str, mode: str = "r", **kwargs: Any) -> IO[Any]:
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open(mode, **kwargs)

    try:
        write(open_file, site_url=args.site_url, links_from_file=True)
    except SiteError as error:
        sys.stderr.write(f"{error}\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
