"""Today's records yield exactly the acts they state, with the policy's codes and both actors."""

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

import pakru
from pakru.acts import Act, acts, problems, rows
from pakru.acts.model import RETROSPECTIVE_DAYS
from pakru.dataset import Dataset
from pakru.schema import DateInterval, Meeting
from tests.acts import expected


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return pakru.load()


def _cameo(actor: object) -> str | None:
    return getattr(actor, "cameo", None)


def test_the_expected_acts_file_is_current() -> None:
    # today's acts live in tests/acts/expected-acts.tsv, reviewed in the diff
    assert expected.GENERATED.read_text(encoding="utf-8") == expected.current(), (
        f"the acts changed: run `{expected.COMMAND} --write` and review the diff"
    )


def test_check_names_the_changed_rows_and_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = expected.current()
    lines = text.splitlines()
    stale = tmp_path / "expected-acts.tsv"
    stale.write_text("\n".join([*lines[:3], "gone\t-", *lines[4:]]) + "\n", encoding="utf-8")
    monkeypatch.setattr(expected, "GENERATED", stale)
    monkeypatch.setattr(expected, "REPO", tmp_path)
    assert expected.main(["--check"]) == 1
    assert capsys.readouterr().out == f"- gone\t-\n+ {lines[3]}\nexpected-acts.tsv is stale\n"
    assert expected.main(["--write"]) == 0
    assert stale.read_text(encoding="utf-8") == text
    capsys.readouterr()
    assert expected.main(["--check"]) == 0
    assert capsys.readouterr().out == "expected-acts.tsv is current\n"


def test_every_act_has_actors_and_quotes_from_its_record(shipped: Dataset) -> None:
    assert problems(shipped) == ((), ())
    for act in acts(shipped):
        record = shipped.get(act.record)
        assert act.sentences
        for sentence in act.sentences:
            assert any(sentence in " ".join(q.quote.split()) for q in act.quotes)
        assert set(act.sources) <= set(shipped.sources_of(record.id))


def test_actor_evidence_names_the_records(shipped: Dataset) -> None:
    by_id = {a.id: a for a in acts(shipped)}
    call = by_id["security-consultations-2018-03-14--call-on"]
    assert call.actor1 is not None
    assert call.actor2 is not None
    assert (call.actor1.records, call.actor1.country, call.actor1.basis) == (
        ("mikhail-popov",),
        "RU",
        "participant",
    )
    assert (call.actor2.records, call.actor2.country) == (("tehmina-janjua",), "PK")
    assert (call.actor1.alpha3, call.actor1.cow, call.actor2.cow) == ("RUS", 365, 770)
    # "He also applauded …": the speaker is not named; the other side of the meeting
    applause = by_id["nsa-meeting-2018-03--praise--pak-rus"]
    assert applause.actor1 is not None
    assert applause.actor1.country == "PK"
    assert "other-side" in applause.actor1.basis


def test_a_statement_is_one_row_per_speaker_and_target(shipped: Dataset) -> None:
    rows = [a for a in acts(shipped) if a.record == "fm-talks-2018-02-us-nato-criticism"]
    pairs = {
        (a.actor1.country if a.actor1 else None, a.actor2.cameo if a.actor2 else None) for a in rows
    }
    assert pairs == {("PK", "USA"), ("PK", "IGO"), ("RU", "USA"), ("RU", "IGO")}
    assert {a.code for a in rows} == {"111"}
    assert {a.quad_class for a in rows} == {3}


def test_a_two_sided_act_is_two_directed_rows_sharing_a_group(shipped: Dataset) -> None:
    found = acts(shipped)
    directed_rows = rows(shipped)
    assert len(directed_rows) == sum(2 if a.mutual else 1 for a in found)
    assert len({r.id for r in directed_rows}) == len(directed_rows)
    mutual = [a for a in found if a.mutual]
    assert mutual  # the check below is not vacuous
    for act in found:
        mine = [r for r in directed_rows if r.group_id == act.id]
        if not act.mutual:
            assert mine == [act]
            assert not act.reciprocal
            continue
        there, back = mine
        assert (there.actor1, there.actor2) == (act.actor1, act.actor2)
        assert (back.actor1, back.actor2) == (act.actor2, act.actor1)
        assert there.group == back.group == act.id
        assert there.reciprocal
        assert back.reciprocal
        assert there.id != back.id
        assert (there.code, there.date, there.quotes) == (back.code, back.date, back.quotes)


def test_an_intent_is_dated_when_it_was_stated(shipped: Dataset) -> None:
    planned = [a for a in acts(shipped) if a.part == "meeting-planned"]
    assert planned
    for act in planned:
        record = shipped.get(act.record)
        assert isinstance(record, Meeting)
        assert record.announced_at is not None
        announced = shipped.get(record.announced_at)
        assert isinstance(announced, Meeting)
        assert act.date == announced.date
        assert act.plan == record.date
    assert all(a.plan is None for a in acts(shipped) if a.part != "meeting-planned")


def test_an_intent_no_meeting_announced_is_dated_by_its_first_report(shipped: Dataset) -> None:
    planned = next(a for a in acts(shipped) if a.part == "meeting-planned")
    records = [
        r.model_copy(update={"announced_at": None}) if r.id == planned.record else r
        for r in shipped.records
    ]
    ds = Dataset(records, shipped.texts, version=shipped.version)
    act = next(a for a in acts(ds) if a.record == planned.record)
    first = min(d for s in ds.sources_of(act.record) if (d := ds.source(s).published))
    assert act.date == DateInterval(earliest=None, latest=first, precision="range", derivations=())
    planned_meeting = ds.get(act.record)
    assert isinstance(planned_meeting, Meeting)
    assert act.plan == planned_meeting.date


def _publication(ds: Dataset, source_id: str) -> tuple[dt.date | None, dt.date | None]:
    source = ds.source(source_id)
    if source.published is not None:
        return source.published, source.published
    assert source.publication is not None
    return source.publication.earliest, source.publication.latest


def test_every_act_carries_its_reports_publication_interval(shipped: Dataset) -> None:
    for act in acts(shipped):
        spans = [_publication(shipped, s) for s in act.sources]
        assert act.reported is not None
        firsts = [f for f, _ in spans]
        lasts = [x for _, x in spans]
        assert act.reported.earliest == (None if None in firsts else min(firsts))  # type: ignore[type-var]
        assert act.reported.latest == (None if None in lasts else max(lasts))  # type: ignore[type-var]


def test_a_background_mention_is_retrospective(shipped: Dataset) -> None:
    act = acts(shipped)[0]
    day = dt.date(2018, 3, 21)
    published = DateInterval(earliest=day, latest=day, precision="day", derivations=())

    def ending(days_before: int | None) -> Act:
        last = None if days_before is None else day - dt.timedelta(days=days_before)
        when = DateInterval(earliest=None, latest=last, precision="range", derivations=())
        return replace(act, date=when, reported=published)

    assert ending(RETROSPECTIVE_DAYS + 1).retrospective is True
    assert ending(RETROSPECTIVE_DAYS).retrospective is False
    assert ending(0).retrospective is False
    assert ending(None).retrospective is None
    assert replace(act, reported=None).retrospective is None
    # in the table, the flag is the definition applied to each act's own dates
    for a in acts(shipped):
        report = a.reported.earliest if a.reported else None
        if a.date.latest is None or report is None:
            assert a.retrospective is None
        else:
            assert a.retrospective is ((report - a.date.latest).days > RETROSPECTIVE_DAYS)


def test_no_act_for_states(shipped: Dataset) -> None:
    records = {a.record for a in acts(shipped)}
    assert "rats-membership" not in records
    assert "sco-accession-2017" not in records
    assert "is-attacks-afghanistan-2017" not in records


def test_an_outcome_held_by_another_record_is_not_coded_twice(shipped: Dataset) -> None:
    ids = [a.id for a in acts(shipped)]
    # Popov's commitment is its own event record; the outcome quoting it adds no act
    assert "popov-cooperation-commitment--state-commitment" in ids
    assert not any(i.startswith("nsa-meeting-2018-03--reiterate") for i in ids)
    # the next meeting, announced among the 7th JWG's commitments, is the planned meeting's act
    assert [i for i in ids if i.endswith("--next-meeting")] == ["jwg-ct-next--next-meeting"]
