"""Checklists are refused at load, with the file, line, criterion and a message that says what to fix.

The broken fixtures in tests/fixtures/broken_checklists/ pin the wording of each error, as
OpenFisca does: a change to a message is a change users see.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import toolkit
from toolkit.checklist.load import DEFAULT_CHECKLISTS, load_checklists, shipped_checklist_paths

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = FIXTURES / "broken_checklists"

EXPECTED = {
    "unknown_field": "unknown_field.yaml:14:13: criterion B-1: rule.met.field: unknown field 'protection.pasport_retention': protection has no field 'pasport_retention'",
    "unknown_operator": "unknown_operator.yaml:17:52: criterion B-1: rule.met.any[1].matches: unknown rule operator 'matches'; a field test takes one of: equals, in, at_least, at_most, contains, contains_any, contains_all, is_set",
    "bad_value": "bad_value.yaml:14:51: criterion B-1: rule.met.equals: 'forbidden' is not a value of protection.passport_retention; it takes: silent, prohibited, permitted_with_consent, permitted",
    "duplicate_id": "duplicate_id.yaml:18:5: criterion B-1: id: id 'B-1' is used twice (first at criteria[0])",
    "unknown_source": "unknown_source.yaml:12:16: criterion B-1: sources[0].doc: unknown source document 'C999'",
    "missing_source": "missing_source.yaml:12:5: criterion B-1: sources: List should have at least 1 item after validation, not 0",
    "wrong_kind": "wrong_kind.yaml:14:51: criterion B-1: rule.met.at_least: at_least applies to numbers and to the silent < general < specific < enforced scale; protection.passport_retention is neither",
    "red_flag_without_label": "red_flag_without_label.yaml:7:5: criterion B-1: red_flag: a criterion with a red_flag rule needs a red_flag label",
    "unknown_group": "unknown_group.yaml:8:5: criterion B-1: group: unknown group 'H'; the checklist's groups are: G",
    "unknown_key": "unknown_key.yaml:11:5: criterion B-1: wieght: unknown field (check the spelling)",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_checklist_is_refused_with_located_message(name: str) -> None:
    with pytest.raises(toolkit.InvalidChecklist) as caught:
        toolkit.load_checklist(BROKEN / f"{name}.yaml")
    messages = [str(p) for p in caught.value.problems]
    assert any(EXPECTED[name] in m for m in messages), "\n".join(messages)


def test_every_broken_fixture_has_an_expected_message() -> None:
    assert {p.stem for p in BROKEN.glob("*.yaml")} == set(EXPECTED)


def test_not_yaml_is_refused_with_line(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("id: x\ncriteria: [\n", encoding="utf-8")
    with pytest.raises(toolkit.InvalidChecklist) as caught:
        toolkit.load_checklist(path)
    assert str(caught.value).startswith(f"{path}:3:")
    assert "not valid YAML" in str(caught.value)


@pytest.mark.parametrize("path", shipped_checklist_paths(), ids=lambda p: p.stem)
def test_shipped_checklist_loads_and_is_documented(path: Path) -> None:
    checklist = toolkit.load_checklist(path)
    assert checklist.id == path.stem
    assert checklist.version.count(".") == 2
    for criterion in checklist.criteria:
        assert criterion.sources, criterion.id
        assert len(criterion.model_clause.split()) >= 8, f"{criterion.id}: model clause too short to paste into a draft"
        assert criterion.question.rstrip().endswith("?"), f"{criterion.id}: the question should be a question"


def test_shipped_checklists_are_the_defaults_and_ids_are_unique() -> None:
    assert sorted(p.stem for p in shipped_checklist_paths()) == sorted(DEFAULT_CHECKLISTS)
    checklists = load_checklists()
    ids = [c.id for cl in checklists for c in cl.criteria]
    assert len(ids) == len(set(ids))


def test_ilo_mlf_covers_the_principles_the_issue_names() -> None:
    mlf = toolkit.find_checklist("ilo-mlf")
    assert len(mlf.criteria) >= 40
    cited = " ".join(s.ref for c in mlf.criteria for s in c.sources)
    for ref in ("4.5", "Principle 6", "Principle 11", "Principle 13"):
        assert ref in cited, ref


def test_criterion_ids_unique_across_two_selected_checklists(tmp_path: Path) -> None:
    copy = tmp_path / "mini-copy.yaml"
    copy.write_text((FIXTURES / "checklists" / "mini.yaml").read_text().replace("id: mini\n", "id: mini-copy\n"))
    with pytest.raises(toolkit.InvalidChecklist, match="criterion MINI-1: id also used in checklist 'mini'"):
        load_checklists([str(FIXTURES / "checklists" / "mini.yaml"), str(copy)])


def test_unknown_checklist_id_lists_the_shipped_ones() -> None:
    with pytest.raises(toolkit.UsageError, match="unknown checklist 'ilo'; shipped checklists: "):
        toolkit.find_checklist("ilo")


def test_checklist_hash_and_version_are_reported() -> None:
    mini = toolkit.load_checklist(FIXTURES / "checklists" / "mini.yaml")
    agreement = toolkit.agreement_from_text(
        "about: {encoding: illustrative}\nidentity: {title: T, kind: mou, status: draft, parties: {origin: {country: NP}, destination: {country: MY}}}\n"
    )
    findings = toolkit.assess(agreement, [mini])
    import hashlib

    assert findings.checklists[0].sha256 == hashlib.sha256((FIXTURES / "checklists" / "mini.yaml").read_bytes()).hexdigest()
    assert findings.checklists[0].version == "0.1.0"
