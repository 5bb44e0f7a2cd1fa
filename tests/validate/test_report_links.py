"""SARIF points code scanning at the docs: the tool's informationUri, each rule's help and link."""

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from pakru.cli import main
from pakru.site.reference_pages import rules_page
from pakru.validate.registry import RULES
from pakru.validate.report import RULES_URL
from tests.conftest import REPO
from tests.test_cli import BAD_MEETING


def test_the_rules_url_is_the_sites_rules_page() -> None:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert urljoin(config["site_url"], "reference/rules/") == RULES_URL
    assert any("reference/rules.md" in str(item) for item in config["nav"])


def test_sarif_names_the_docs_and_gives_every_rule_its_help(
    write_tree: Callable[[dict[str, str]], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_tree({"meetings/x.yaml": BAD_MEETING})
    assert main(["validate", str(root), "--format", "sarif"]) == 1
    driver = json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == RULES_URL
    assert driver["rules"]
    page = rules_page()
    for described in driver["rules"]:
        rule = RULES[described["id"]]
        assert described["help"] == {"text": rule.doc}
        assert described["helpUri"] == f"{RULES_URL}#{rule.id}"
        # the anchor is the rule's own row of the rules page (the built page:
        # tests/site/test_build.py::test_every_rule_has_its_own_anchor_on_the_rules_page)
        assert page.count(f'id="{rule.id}"') == 1
