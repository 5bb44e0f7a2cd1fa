"""People: one name form, one person; one post, one holder at a time."""

from collections.abc import Iterator

from pakru.dataset import Dataset
from pakru.schema import DateInterval
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.rules.common import overlaps
from pakru.validate.scopes import NAME_FORMS, POSTS, name_key, post_key


@rule("people.name-form", scope=NAME_FORMS)
def name_form(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A name form (name or alias, ignoring case) belongs to one person only."""
    owner: dict[str, str] = {}
    for person in dataset.people:
        for index, form in enumerate((person.name, *person.aliases)):
            key = name_key(form)
            first = owner.setdefault(key, person.id)
            if first != person.id:
                loc = ("name",) if index == 0 else ("aliases", index - 1)
                yield Hit(person.id, loc, f"name form {form!r} is also used by {first}")


@rule("people.post-clash", scope=POSTS)
def post_clash(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """Two people do not hold the same post (title, body, country) at the same date."""
    holders: dict[tuple[str, str | None, str | None], list[tuple[str, DateInterval]]] = {}
    for person in dataset.people:
        for index, title in enumerate(person.titles):
            key = post_key(person, title)
            for other, interval in holders.get(key, []):
                if other != person.id and overlaps(interval, title.attested):
                    yield Hit(
                        person.id,
                        ("titles", index),
                        f"{other} holds {title.title!r} at an overlapping date",
                    )
                    break
            holders.setdefault(key, []).append((person.id, title.attested))
