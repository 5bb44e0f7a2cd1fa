"""``pakru new``: source records read from the text, scaffolds for every kind."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

import pakru
from pakru.cli import main
from pakru.schema import RECORD_TYPES, Source
from pakru.tools.scaffold import read_fields, source_id, text_hash
from pakru.validate.registry import Context
from pakru.validate.run import validate
from tests.conftest import REPO

SHIPPED = pakru.load()


@pytest.fixture(autouse=True)
def _no_records_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """``pakru new`` writes into the tree found from the working folder; a ``PAKRU_RECORDS``
    set around the suite (``tests/growth.py``) would win, and these tests would write there."""
    monkeypatch.delenv("PAKRU_RECORDS", raising=False)


@pytest.mark.parametrize("source", SHIPPED.sources, ids=lambda s: s.id)
def test_ids_of_shipped_sources_follow_the_file_name_rule(source: Source) -> None:
    assert source_id(source.file) == source.id


@pytest.mark.parametrize("source", SHIPPED.sources, ids=lambda s: s.id)
def test_reading_a_shipped_text_gives_its_curated_record(source: Source) -> None:
    """What the tool reads from each report is exactly what the editors recorded from it."""
    fields = read_fields(SHIPPED.texts[source.id])
    read = {f.name: f.value for f in fields}
    curated = {
        name: str(getattr(source, name))
        for name in ("title", "publisher", "author", "published")
        if getattr(source, name) is not None
    }
    if source.dateline is not None:
        curated["dateline"] = source.dateline.city
        if source.dateline.agency is not None:
            curated["dateline.agency"] = source.dateline.agency
    assert read == curated
    quotes = {(e.quote, e.supports) for e in source.evidence}
    assert {(f.quote, (f.name,)) for f in fields if f.name != "dateline.agency"} == quotes


def test_new_source_writes_text_and_record_that_validate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(REPO / "records", tmp_path / "records")
    report = tmp_path / "report.txt"
    report.write_text("Pakistan, Russia talk\n\nBy Jane Roe\n\nThey talked.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    texts = tmp_path / "records" / "sources" / "text"
    number = max(int(p.name[:3]) for p in texts.glob("*.txt")) + 1  # the next after the last
    assert main(["new", "source", "report.txt"]) == 0
    digest = text_hash(report.read_bytes())
    assert capsys.readouterr().out.splitlines()[:2] == [
        f"wrote records/sources/text/{number:03d}_{digest}.txt",
        f"wrote records/sources/src-{digest[:8]}.yaml",
    ]
    assert validate([tmp_path / "records"], select=["schema", "evidence", "references"]) == []
    ds = pakru.load([tmp_path / "records"])
    source = ds.get(f"src-{digest[:8]}")
    assert isinstance(source, Source)
    assert (source.title, source.author, source.published) == (
        "Pakistan, Russia talk",
        "Jane Roe",
        None,
    )
    assert main(["new", "source", "report.txt"]) == 1
    assert capsys.readouterr().err == (
        f"pakru new: report.txt is already in the dataset as "
        f"records/sources/text/{number:03d}_{digest}.txt\n"
    )


@pytest.mark.parametrize(
    ("head", "read"),
    [
        ("MOSCOW (TASS) –", ("Moscow", "TASS", "TASS")),
        ("ISLAMABAD, March 3 (Reuters) -", ("Islamabad", "Reuters", "Reuters")),
        ("KARACHI:", ("Karachi", None, None)),
    ],
)
def test_new_source_stores_the_dateline_with_its_quote(
    head: str,
    read: tuple[str, str | None, str | None],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shutil.copytree(REPO / "records", tmp_path / "records")
    report = tmp_path / "report.txt"
    text = f"Envoys meet for security talks\n\n{head} Envoys held talks.\n"
    report.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "source", "report.txt"]) == 0
    digest = text_hash(report.read_bytes())
    source = pakru.load([tmp_path / "records"]).get(f"src-{digest[:8]}")
    assert isinstance(source, Source)
    assert source.dateline is not None
    assert (source.dateline.city, source.dateline.agency, source.publisher) == read
    quoted = [e.quote for e in source.evidence if "dateline" in e.supports]
    assert quoted == [head]
    rules = ["schema", "evidence", "references", "places"]
    assert validate([tmp_path / "records"], select=rules) == []


@pytest.mark.parametrize("kind", [k for k in RECORD_TYPES if k != "source"])
def test_scaffold_of_every_kind_fails_only_on_the_values_to_fill(
    kind: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.copytree(REPO / "records", tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    assert main(["new", kind, "new-one", "--source", "src-9a68526d"]) == 0
    path = Path("records") / RECORD_TYPES[kind].folder / "new-one.yaml"
    assert capsys.readouterr().out.splitlines()[0] == f"wrote {path}"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"type: {kind}\nid: new-one\n")
    findings = validate([Path("records")])
    assert findings
    assert {f.path for f in findings if f.severity == "error"} == {str(path)}
    # only missing values: the YAML parses and no key is unknown or missing
    assert {f.rule for f in findings if f.path == str(path)} <= {
        "schema.wrong-type",
        "schema.invalid-value",
    }
    assert main(["new", kind, "new-one"]) == 1
    assert capsys.readouterr().err == f"pakru new: {path} exists already\n"


def test_new_rejects_a_bad_id_and_a_missing_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "meeting", "x"]) == 2
    assert capsys.readouterr().err == (
        f"pakru new: no records tree found from {tmp_path} upwards (pakru never changes its "
        "installed data; use --records DIR)\n"
    )
    Path("records", "meetings").mkdir(parents=True)
    assert main(["new", "meeting", "Bad_Id"]) == 2
    assert capsys.readouterr().err == (
        "pakru new: 'Bad_Id' is not an id: lower-case letters, digits, single hyphens\n"
    )


def test_person_scaffold_has_a_title_to_date_and_filling_it_validates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # a written tree: the case base, whose meeting wg-07 is led by anna-karim; her record is
    # made again from the scaffold, filled in as docs/contributing.md shows
    tree = shutil.copytree(REPO / "tests" / "cases" / "_base", tmp_path / "records")
    (tree / "people" / "anna-karim.yaml").unlink()
    monkeypatch.chdir(tmp_path)
    assert main(["new", "person", "anna-karim", "--source", "src-a"]) == 0
    capsys.readouterr()
    path = tree / "people" / "anna-karim.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    (title,) = data["titles"]
    assert set(title) >= {"title", "body", "attested", "evidence"}
    assert set(title["attested"]) == {"earliest", "latest", "precision", "derivations"}
    assert title["evidence"] == [{"source": "src-a", "quote": None}]
    context = Context(today=dt.date(2018, 6, 1))
    scaffold_rules = {f.rule for f in validate([tree], context=context)}
    assert scaffold_rules <= {"schema.wrong-type", "schema.invalid-value"}  # nulls, no missing key
    data.update(name="Anna Karim", country="PK")
    data["evidence"] = [
        {
            "source": "src-a",
            "quote": "Ambassador Anna Karim, Special Secretary, led the Pakistan side",
            "supports": ["name", "country"],
        }
    ]
    title.update(title="Special Secretary")
    title["attested"] = {
        "earliest": dt.date(2018, 3, 2),
        "latest": dt.date(2018, 3, 2),
        "precision": "day",
        "derivations": [
            {"rule": "same-as-record", "source": "src-a", "quote": "on Friday", "anchor": "wg-07"}
        ],
    }
    title["evidence"] = [{"source": "src-a", "quote": "Ambassador Anna Karim, Special Secretary"}]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert validate([tree], context=context) == []
