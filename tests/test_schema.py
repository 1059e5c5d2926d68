"""The exported JSON Schema is what editors check agreement files with: it must agree with the models."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from toolkit.schema import agreement_schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = agreement_schema()
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)


def _plain(value: Any) -> Any:
    # YAML dates become ISO strings, as an editor sees them.
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _errors(data: dict[str, Any]) -> list[str]:
    return [f"{'.'.join(map(str, e.path))}: {e.message}" for e in VALIDATOR.iter_errors(_plain(data))]


BASE = {
    "about": {"encoding": "illustrative"},
    "identity": {"title": "T", "kind": "mou", "status": "draft", "parties": {"origin": {"country": "NP"}, "destination": {"country": "MY"}}},
}


def test_schema_is_valid_draft_07() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_validates_against_the_schema(path: Path) -> None:
    assert _errors(YAML(typ="safe").load(path.read_text(encoding="utf-8"))) == []


def test_status_shorthand_is_accepted_as_by_the_models() -> None:
    assert _errors({**BASE, "protection": {"passport_retention": "prohibited"}}) == []
    assert _errors({**BASE, "protection": {"passport_retention": "prohibted"}}) != []


def test_unknown_fields_and_values_are_flagged() -> None:
    assert any("unknown_thing" in e for e in _errors({**BASE, "protection": {"unknown_thing": 1}}))
    assert _errors({**BASE, "identity": {**BASE["identity"], "kind": "memo"}}) != []


def test_fields_have_descriptions_for_editor_hovers() -> None:
    missing = []
    for name, definition in SCHEMA["definitions"].items():
        for prop, spec in definition.get("properties", {}).items():
            if "description" not in spec and prop not in ("article", "quote", "note", "suggested", "status"):
                missing.append(f"{name}.{prop}")
    assert missing == [], f"fields without a description: {missing}"
