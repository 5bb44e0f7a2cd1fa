"""``pakru.tools.layout`` on the held-out report corpus (tests/corpus/reports) and the
shipped texts: headline, byline, publisher, agency, dateline city and publication day."""

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

import pakru
from pakru.schema import Source
from pakru.tools.layout import read_layout
from tests.conftest import REPO

CORPUS = REPO / "tests" / "corpus" / "reports"
EXPECTED = sorted(CORPUS.glob("*.expected.yaml"))


def _day(published: dict[str, Any] | None) -> str | None:
    if not published or published["precision"] != "day":
        return None  # a year, a range or nothing: not a day the layout prints
    day = published["earliest"]
    return day.isoformat() if isinstance(day, dt.date) else str(day)


def test_the_corpus_has_ten_layouts_or_more() -> None:
    assert len(EXPECTED) >= 10


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_layout_of_a_corpus_report_is_what_the_coder_recorded(path: Path) -> None:
    coded = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = (CORPUS / coded["text"]).read_text(encoding="utf-8")
    source = coded["source"]
    layout = read_layout(text)
    read = {
        "headline": layout.headline and layout.headline.value,
        "byline": layout.byline and layout.byline.value,
        "publisher": layout.publisher and layout.publisher.value,
        "agency": layout.dateline and layout.dateline.agency,
        "dateline_city": layout.dateline and layout.dateline.city,
        "published": layout.published and layout.published.value,
    }
    expected = {name: source[name] for name in read if name != "published"}
    expected["published"] = _day(source["published"])
    assert read == expected
    for found in (layout.headline, layout.byline, layout.publisher, layout.published):
        assert found is None or found.quote in text  # every value carries a verbatim quote
    assert layout.dateline is None or layout.dateline.quote in text


@pytest.mark.parametrize(
    ("head", "city", "agency", "publisher"),
    [
        ("MOSCOW (TASS) – Talks were held.", "Moscow", "TASS", "TASS"),
        ("ISLAMABAD (APP): Talks were held.", "Islamabad", "APP", "APP"),
        ("ISLAMABAD, March 3 (Reuters) - Talks were held.", "Islamabad", "Reuters", "Reuters"),
        ("LAHORE (Dunya News) – Talks were held.", "Lahore", None, "Dunya News"),
        ("KARACHI: Talks were held.", "Karachi", None, None),
        ("Peshawar, 4 Jan: Talks were held.", "Peshawar", None, None),
        ("KAZAN. Sept 14 (Interfax) - Talks were held.", "Kazan", "Interfax", "Interfax"),
        ("Quetta - May 2, 2024: Talks were held.", "Quetta", None, None),
    ],
)
def test_agency_datelines_give_the_publisher(
    head: str, city: str, agency: str | None, publisher: str | None
) -> None:
    layout = read_layout(f"Envoys meet for security talks\n\n{head}\n")
    assert layout.dateline is not None
    assert (layout.dateline.city, layout.dateline.agency) == (city, agency)
    assert (layout.publisher and layout.publisher.value) == publisher


def test_prose_opening_with_a_name_is_no_dateline() -> None:
    layout = read_layout("Envoys meet for security talks\n\nPakistan - Russia ties grew.\n")
    assert layout.dateline is None


@pytest.mark.parametrize("source", pakru.load().sources, ids=lambda s: s.id)
def test_shipped_sources_record_the_dateline_their_text_prints(source: Source) -> None:
    layout = read_layout(pakru.load().texts[source.id])
    read = layout.dateline and (layout.dateline.city, layout.dateline.agency)
    assert read == (source.dateline and (source.dateline.city, source.dateline.agency))


def test_a_dateline_with_a_full_date_gives_the_publication_day() -> None:
    layout = read_layout("Envoys meet for talks\n\nQuetta - May 2, 2024: Talks were held.\n")
    assert layout.published is not None
    assert (layout.published.value, layout.published.quote) == ("2024-05-02", "May 2, 2024")


def test_a_letterhead_names_the_publisher_and_is_no_headline() -> None:
    text = "MINISTRY OF DEFENCE\nPRESS RELEASE\nNo 12/2024\n\nQuetta - May 2, 2024: Talks.\n"
    layout = read_layout(text)
    assert layout.headline is None
    assert layout.publisher is not None
    assert layout.publisher.value == "MINISTRY OF DEFENCE"


@pytest.mark.parametrize(
    ("text", "city", "agency", "publisher", "published"),
    [
        (  # TASS's own layout: the agency between slashes, a day without a year
            "Moscow and Islamabad review security ties\n\n"
            "MOSCOW, April 26. /TASS/. Russia and Pakistan held consultations on security.\n",
            "Moscow",
            "TASS",
            "TASS",
            None,
        ),
        (  # the same, under a date line that gives the year
            " date 2019-04-26\n\nMOSCOW, April 26. /TASS/. Russia and Pakistan held talks.\n",
            "Moscow",
            "TASS",
            "TASS",
            "2019-04-26",
        ),
        (  # a full date after the city, the agency in parentheses, a colon
            "Envoys review counter-terrorism work\n\n"
            "ISLAMABAD, April 20, 2019 (APP): Pakistan and Russia held talks on Friday.\n",
            "Islamabad",
            "APP",
            "APP",
            "2019-04-20",
        ),
        (  # a full date after the city, the agency in parentheses, a dash
            "Envoys review counter-terrorism work\n\n"
            "MOSCOW, April 20, 2019 (TASS) - Russia and Pakistan held talks on Friday.\n",
            "Moscow",
            "TASS",
            "TASS",
            "2019-04-20",
        ),
    ],
)
def test_wire_datelines_with_a_year_or_slashes(
    text: str, city: str, agency: str, publisher: str, published: str | None
) -> None:
    layout = read_layout(text)
    assert layout.dateline is not None
    assert (layout.dateline.city, layout.dateline.agency) == (city, agency)
    assert (layout.publisher and layout.publisher.value) == publisher
    assert (layout.published and layout.published.value) == published
    assert layout.dateline.quote in text
    assert layout.published is None or layout.published.quote in text


def test_a_byline_in_capitals_names_the_author() -> None:
    text = (
        "Pakistan, Russia to hold talks on terrorism\n\n"
        "BY BAQIR SAJJAD SYED\n\n"
        "ISLAMABAD: Pakistan and Russia will hold talks on counter-terrorism next week.\n"
    )
    layout = read_layout(text)
    assert layout.byline is not None
    assert (layout.byline.value, layout.byline.quote, layout.byline_kind) == (
        "Baqir Sajjad Syed",
        "BY BAQIR SAJJAD SYED",
        "person",
    )
    assert layout.headline is not None
    assert layout.headline.value == "Pakistan, Russia to hold talks on terrorism"
    assert layout.dateline is not None
    assert layout.dateline.city == "Islamabad"


@pytest.mark.parametrize(
    "text",
    [
        "Russia, Pakistan agree on drills\n\nSource: Xinhua\n\nKARACHI, Oct. 9 -- Navies met.\n",
        "Diplomatic Diary: a busy week for envoys\n\nBy Sana Mir\n\nTalks were held.\n",
        "Weekly Wrap: ties deepen\n\nLAHORE: Officials met on Monday for talks.\n",
    ],
)
def test_a_colon_after_words_that_are_no_city_is_no_dateline(text: str) -> None:
    """A mixed-case line "Word Word: ..." is a dateline only when it names a city of the
    gazetteer: a source line or a column's name before a colon is not one."""
    layout = read_layout(text)
    assert layout.dateline is None or layout.dateline.city in {"Karachi", "Lahore"}
    first = text.split("\n", 1)[0]
    assert layout.headline is not None
    assert layout.headline.value == first


def test_a_mixed_case_city_before_a_colon_is_a_dateline() -> None:
    layout = read_layout("Envoys meet for talks\n\nRawalpindi: Talks were held on Monday.\n")
    assert layout.dateline is not None
    assert (layout.dateline.city, layout.dateline.agency) == ("Rawalpindi", None)
