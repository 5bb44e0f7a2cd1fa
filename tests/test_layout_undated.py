"""A dateline with a day and month but no year ("MOSCOW, April 26. /TASS/.").

The year is not guessed: the publication day is read only from a full date of
the same day and month that the text prints (one year only); otherwise the
layout keeps the day as printed (``undated``) and ``pakru new source`` says in
the scaffold why ``published`` is null.
"""

import pytest
import yaml

from pakru.tools.layout import Field, read_layout
from pakru.tools.scaffold import read_fields, source_yaml

HEAD = "Russia and Pakistan discuss regional security\n\n"
TASS = "MOSCOW, April 26. /TASS/. Russian and Pakistani diplomats met in Moscow on Friday.\n"


def test_no_year_and_no_date_line_gives_no_publication_day() -> None:
    layout = read_layout(HEAD + TASS)
    assert layout.published is None
    assert layout.undated == Field("published", "April 26", "MOSCOW, April 26. /TASS/.")
    assert layout.dateline is not None
    assert layout.dateline.agency == "TASS"


def test_the_scaffold_says_why_the_day_is_null() -> None:
    text = source_yaml("src-x", "005_x.txt", read_fields(HEAD + TASS))
    [line] = [ln for ln in text.splitlines() if ln.startswith("published:")]
    assert line.startswith("published: null  # 'MOSCOW, April 26. /TASS/.' prints the day")
    assert "(April 26) but no year" in line
    record = yaml.safe_load(text)
    assert record["published"] is None
    # the dateline's quote supports the publisher and the dateline, never a day
    assert [e["supports"] for e in record["evidence"]] == [["title"], ["publisher"], ["dateline"]]


@pytest.mark.parametrize(
    ("later", "day", "quote"),
    [
        ("The talks on April 26, 2019 were the second round.", "2019-04-26", "April 26, 2019"),
        ("It was issued on Friday, 26 April 2019.", "2019-04-26", "Friday, 26 April 2019"),
    ],
)
def test_a_full_date_of_that_day_in_the_text_gives_the_year(
    later: str, day: str, quote: str
) -> None:
    layout = read_layout(HEAD + TASS + "\n" + later + "\n")
    assert layout.published == Field("published", day, quote)
    assert layout.undated is None


@pytest.mark.parametrize(
    "later",
    [
        # another day: not the dateline's
        "The first round was held on April 25, 2019.",
        # two years of that day: an anniversary, not the day of the report
        "Talks on April 26, 2019 came a year after those of April 26, 2018.",
    ],
)
def test_no_year_is_taken_from_another_day_or_from_two_years(later: str) -> None:
    layout = read_layout(HEAD + TASS + "\n" + later + "\n")
    assert layout.published is None
    assert layout.undated is not None
    assert layout.undated.value == "April 26"


def test_a_dateline_with_its_year_or_a_date_line_is_not_undated() -> None:
    dated = read_layout(HEAD + "ISLAMABAD, April 20, 2019 (APP): The talks were held.\n")
    assert dated.published == Field("published", "2019-04-20", "April 20, 2019")
    assert dated.undated is None
    lined = read_layout("Friday, April 26, 2019\n\n" + HEAD + TASS)
    assert lined.published is not None
    assert lined.published.value == "2019-04-26"
    assert lined.undated is None
