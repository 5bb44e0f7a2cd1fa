"""What the build says about its own tools, so maintainers see it before it bites."""

NOTICE = (
    "pakru site: MkDocs 1.x is no longer maintained, and Material for MkDocs reaches end of "
    "life on 2027-05-05; its successor is Zensical (https://zensical.org). The maintainers' "
    "guide says how to build this site with it."
)
"""Printed at the start of every build (an INFO line, so ``--strict`` still passes)."""
