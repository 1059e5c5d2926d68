"""Run the worked examples of tests/criteria/*.yaml as pytest items."""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

import toolkit
from toolkit.agreements import parse_agreement
from toolkit.checklist.load import shipped_checklist_paths
from toolkit.checklist.model import Checklist, Criterion

CRITERIA_DIR = Path(__file__).resolve().parent / "criteria"
OUTCOMES = ("met", "partly_met", "not_met", "not_applicable")


def _yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def base_agreement() -> dict[str, Any]:
    return _yaml(CRITERIA_DIR / "_base.yaml")


def merge(base: Any, fragment: Any) -> Any:
    """Deep-merge ``fragment`` onto ``base`` (mappings merge, everything else replaces)."""
    if isinstance(base, dict) and isinstance(fragment, dict):
        out = dict(base)
        for key, value in fragment.items():
            out[key] = merge(base.get(key), value) if key in base else copy.deepcopy(value)
        return out
    return copy.deepcopy(fragment)


@lru_cache(maxsize=None)
def criteria_by_id() -> dict[str, tuple[Checklist, Criterion]]:
    out = {}
    for path in shipped_checklist_paths():
        checklist = toolkit.load_checklist(path)
        for criterion in checklist.criteria:
            out[criterion.id] = (checklist, criterion)
    return out


def expected_kind(case: dict[str, Any]) -> str:
    """The outcome a case exercises, with a red flag counted as its own kind."""
    return "red_flag" if case.get("red_flag") else case["outcome"]


class WorkedExampleFile(pytest.File):
    def collect(self):  # type: ignore[no-untyped-def]
        cases = _yaml(self.path) or []
        for index, case in enumerate(cases):
            name = f"{case.get('criterion', '?')}: {case.get('name', index)}"
            yield WorkedExample.from_parent(self, name=name, case=case)


class WorkedExample(pytest.Item):
    def __init__(self, *, case: dict[str, Any], **kwargs: Any):
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        case = self.case
        unknown = set(case) - {"criterion", "name", "agreement", "outcome", "red_flag", "note"}
        assert not unknown, f"unknown keys in worked example: {sorted(unknown)}"
        assert case.get("outcome") in OUTCOMES, f"outcome must be one of {OUTCOMES}"
        found = criteria_by_id().get(case["criterion"])
        assert found is not None, f"no shipped criterion has id {case['criterion']!r}"
        checklist, _criterion = found
        agreement = parse_agreement(merge(base_agreement(), case.get("agreement") or {}), str(self.path))
        findings = toolkit.assess(agreement, [checklist])
        finding = findings.finding(case["criterion"])
        got = (finding.outcome, finding.red_flag)
        want = (case["outcome"], bool(case.get("red_flag", False)))
        if got != want:
            tried = "; ".join(f"{p.part}={p.result}" for p in finding.trace)
            raise AssertionError(f"expected {want}, got {got} (rule parts tried: {tried})")

    def reportinfo(self):  # type: ignore[no-untyped-def]
        return self.path, None, self.name
