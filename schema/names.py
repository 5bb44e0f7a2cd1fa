"""Names as the reports print them: the name forms of people and bodies, found as whole words.

The act extraction (whom a sentence names) and coverage (what a sentence
mentions) find names with these two functions.
"""

import re
from functools import lru_cache

from pakru.schema.body import Body
from pakru.schema.person import Person


def name_forms(record: object) -> tuple[str, ...]:
    """A person's name, aliases and titles; a body's name and aliases; nothing for others."""
    if isinstance(record, Person):
        return (record.name, *record.aliases, *(t.title for t in record.titles))
    if isinstance(record, Body):
        return (record.name, *record.aliases)
    return ()


@lru_cache(maxsize=1024)
def name_pattern(form: str) -> re.Pattern[str]:
    """The pattern finding ``form`` as a whole word: as printed when it is all capitals (an
    acronym such as "IS"), else ignoring case.

    >>> [m.group() for m in name_pattern("IS").finditer("IS, is and ISIS")]
    ['IS']
    """
    flags = 0 if form.isupper() else re.IGNORECASE
    return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)", flags)
