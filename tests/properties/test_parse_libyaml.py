"""libyaml and the pure-Python parser give pakru's parser the same result.

``parse`` reads libyaml's event stream for speed (about 12x faster than
PyYAML's pure-Python parser) and falls back to the Python parser only to
word a syntax error; the findings must not depend on which one ran.
"""

import dataclasses
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pakru.validate import parse as parse_module
from pakru.validate.parse import parse
from pakru.validate.read import Text
from tests.properties import strategies as st_pakru


def _both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    fast = parse(Text("x.yaml", text))
    with monkeypatch.context() as m:
        m.setattr(parse_module, "_FAST", None)
        slow = parse(Text("x.yaml", text))
    return fast, slow


def _comparable(result: Any) -> Any:
    return dataclasses.asdict(result) if dataclasses.is_dataclass(result) else result


# Small edits that turn a valid record into the broken files maintainers write.
_EDITS = st.sampled_from(
    [
        *(": ", "- ", "'", '"', "!!int ", "&a ", "*a", "{", "[", "#", "\n---\n", "yes", "\x07"),
        *("\t", "?", ":", "%FOO x\n", "%YAML 1.1\n", '"\\ud800"', '"\\U99999999"', "\x85", "]"),
        *("!!map ", "! ", " # c", "\ufeff", "\r"),
    ]
)


@settings(max_examples=60)
@given(st_pakru.records(), st.lists(st.tuples(st.integers(0, 10_000), _EDITS), max_size=3))
def test_libyaml_and_python_parsers_agree(data: dict[str, Any], edits: Any) -> None:
    text = st_pakru.dump_yaml(data)
    for at, edit in edits:
        cut = at % (len(text) + 1)
        text = text[:cut] + edit + text[cut:]
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, slow = _both(text, monkeypatch)
    assert _comparable(fast) == _comparable(slow)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n",
        "a: [1, 2\n",
        "a: b: c\n",
        "a:\n\t- 1\n",
        "a: 'x\n",
        "a: *x\n",
        "- 1\n- 2\n",
        "a: !!python/object:os.system x\n",
        "a: 1\n---\nb: 2\n",
        "key: yes\nother: ~\n",
        "a: \x07\n",
        "a: |\n  x\n b\n",
    ],
)
def test_known_inputs_agree(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = _both(text, monkeypatch)
    assert _comparable(fast) == _comparable(slow)


@pytest.mark.parametrize("text", ["t\type: source\n", "name:\tx\n", "name: \tx\n", "a: 'x\ty'\n"])
def test_a_tab_anywhere_is_refused_by_both(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml reads ``name:<tab>x`` and ``t<tab>ype``, the pure-Python parser refuses them:
    a tab is refused before either runs, with the same finding."""
    fast, slow = _both(text, monkeypatch)
    assert fast == slow
    assert fast.rule == "yaml.tab"
