"""Every shipped criterion has worked examples for every outcome its rule can give."""

from __future__ import annotations


import pytest

from worked_examples import CRITERIA_DIR, _yaml, criteria_by_id, expected_kind


def _cases() -> dict[str, set[str]]:
    covered: dict[str, set[str]] = {}
    for path in sorted(CRITERIA_DIR.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        for case in _yaml(path) or []:
            covered.setdefault(case["criterion"], set()).add(expected_kind(case))
    return covered


@pytest.mark.parametrize("criterion_id", sorted(criteria_by_id()))
def test_every_outcome_has_a_worked_example(criterion_id: str) -> None:
    _checklist, criterion = criteria_by_id()[criterion_id]
    covered = _cases().get(criterion_id, set())
    missing = [o for o in criterion.possible_outcomes() if o not in covered]
    assert not missing, f"{criterion_id}: no worked example for {missing} in tests/criteria/"


def test_worked_example_files_match_checklists() -> None:
    names = {p.stem for p in CRITERIA_DIR.glob("*.yaml") if not p.name.startswith("_")}
    shipped = {cl.id for cl, _ in criteria_by_id().values()}
    assert shipped <= names, f"checklists without worked examples: {sorted(shipped - names)}"
