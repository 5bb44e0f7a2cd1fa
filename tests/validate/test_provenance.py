"""The Dataset keeps records only; the pipeline's provenance keeps their files and positions."""

import shutil
from pathlib import Path

from pakru.validate.load import load_dataset
from tests.conftest import REPO

BASE = REPO / "tests" / "cases" / "_base"


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "records"
    shutil.copytree(BASE, root)
    copy = root / "meetings" / "wg-07-copy.yaml"
    shutil.copyfile(root / "meetings" / "wg-07.yaml", copy)
    return root


def test_provenance_lists_every_file_and_the_dataset_every_id(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    loaded = load_dataset([root])
    paths = [Path(o.path).relative_to(root).as_posix() for o in loaded.provenance]
    assert paths.count("meetings/wg-07.yaml") == paths.count("meetings/wg-07-copy.yaml") == 1
    assert len(loaded.provenance) == len(loaded.dataset) + 1  # the copy repeats an id
    first = loaded.provenance.of("wg-07")
    assert first is next(o for o in loaded.provenance if o.record.id == "wg-07")
    assert first.path.endswith("meetings/wg-07-copy.yaml")  # files are read in sorted order
    assert first.record is loaded.dataset.get("wg-07")  # the Dataset keeps the first read


def test_positions_are_found_again_from_the_file(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    origin = load_dataset([root]).provenance.of("wg-07")
    assert origin is not None
    lines = origin.file.read_text(encoding="utf-8").splitlines()
    line, column = origin.position(("status",))
    assert lines[line - 1][column - 1 :].startswith("held")
    key_line, key_column = origin.position(("status",), key=True)
    assert (key_line, lines[key_line - 1][key_column - 1 :].split(":")[0]) == (line, "status")
    origin.file.unlink()  # already parsed once: the positions are kept
    assert origin.position(("status",)) == (line, column)


def test_a_file_gone_before_its_positions_are_asked_for_gives_the_file_start(
    tmp_path: Path,
) -> None:
    root = _tree(tmp_path)
    origin = load_dataset([root]).provenance.of("wg-07")
    assert origin is not None
    origin.file.unlink()
    assert origin.position(("status",)) == (1, 1)


def test_the_dataset_holds_no_file_data(tmp_path: Path) -> None:
    dataset = load_dataset([_tree(tmp_path)]).dataset
    held = {type(v).__name__ for v in vars(dataset).values()}
    assert not held & {"Origin", "Provenance", "Parsed", "PosixPath"}
