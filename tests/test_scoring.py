"""The scoring method: points, indices, red-flag caps, balance, gaps and profiles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import toolkit
from toolkit.assessment import method
from toolkit.assessment.engine import balance
from worked_examples import base_agreement, merge

FIXTURES = Path(__file__).parent / "fixtures"
MINI = toolkit.load_checklist(FIXTURES / "checklists" / "mini.yaml")
ROOT = Path(__file__).resolve().parent.parent


def agreement(fragment: dict[str, Any] | None = None) -> toolkit.Agreement:
    return toolkit.Agreement.model_validate(merge(base_agreement(), fragment or {}))


GOOD = {
    "protection": {"passport_retention": "prohibited"},
    "governance": {
        "joint_committee": {
            "status": "enforced",
            "members": ["government_origin", "government_destination", "employers_organizations", "workers_organizations"],
            "meets_every_months": 6,
        }
    },
}


def test_all_met_scores_100_and_not_applicable_is_left_out() -> None:
    findings = toolkit.assess(agreement(GOOD), [MINI])
    assert [f.outcome for f in findings.findings] == ["met", "met", "not_applicable"]
    assert findings.overall.index == 100.0
    assert findings.overall.grade == "A"
    assert findings.finding("MINI-3").max_points == 0


def test_points_follow_weights_and_outcomes() -> None:
    doc = merge(GOOD, {"governance": {"joint_committee": {"status": "general"}}, "scope": {"domestic_workers": "covered"}})
    findings = toolkit.assess(agreement(doc), [MINI])
    # MINI-1 met (core 3/3), MINI-2 partly met (important 1/2), MINI-3 not met (good practice 0/1)
    assert [(f.outcome, f.points, f.max_points) for f in findings.findings] == [
        ("met", 3.0, 3.0),
        ("partly_met", 1.0, 2.0),
        ("not_met", 0.0, 1.0),
    ]
    assert findings.overall.index == round(100 * 4 / 6, 1)
    docs_group = next(g for g in findings.groups if g.group == "DOCS")
    assert docs_group.score == 75.0 and docs_group.counts.not_met == 1


def test_one_red_flag_caps_the_grade_at_c() -> None:
    findings = toolkit.assess(agreement(merge(GOOD, {"protection": {"passport_retention": "permitted"}})), [MINI])
    assert findings.overall.index == 40.0  # 2 of 5 points: the committee only
    flagged = findings.finding("MINI-1")
    assert flagged.outcome == "not_met" and flagged.red_flag
    assert findings.overall.red_flags == 1
    assert findings.overall.grade == "D"  # already below the cap
    assert findings.overall.capped_by_red_flags is False


def test_cap_lowers_a_good_grade_and_says_so() -> None:
    assert method.cap_for(0) is None
    assert method.cap_for(1) == "C"
    assert method.cap_for(5) == "D"
    assert method.worse("A", "C") == "C" and method.worse("E", "C") == "E"


def test_cap_applied_in_findings(tmp_path: Path) -> None:
    # Weight the red-flag criterion low so the index stays high while the flag is raised.
    profile_path = tmp_path / "p.yaml"
    profile_path.write_text("id: t\ntitle: T\ncriteria:\n  MINI-1: {weight: good_practice}\nweight_values: {good_practice: 0.1}\n")
    profile = toolkit.load_profile(profile_path)
    findings = toolkit.assess(agreement(merge(GOOD, {"protection": {"passport_retention": "permitted"}})), [MINI], profile)
    assert findings.overall.index is not None and findings.overall.index > 90
    assert findings.overall.grade_uncapped == "A"
    assert findings.overall.grade == "C"
    assert findings.overall.capped_by_red_flags is True
    assert findings.profile is not None and findings.profile.overrides == {"MINI-1": "good_practice"}


def test_same_clause_flagged_by_two_checklists_is_one_red_flag(tmp_path: Path) -> None:
    text = (FIXTURES / "checklists" / "mini.yaml").read_text().replace("id: mini\n", "id: mini-b\n").replace("MINI-", "MINIB-")
    other_path = tmp_path / "mini-b.yaml"
    other_path.write_text(text)
    other = toolkit.load_checklist(other_path)
    findings = toolkit.assess(agreement({"protection": {"passport_retention": "permitted"}}), [MINI, other])
    assert len(findings.red_flags) == 1
    assert findings.red_flags[0].criteria == ["MINI-1", "MINIB-1"]
    assert findings.overall.red_flags == 1
    # and one gap, at the top, naming both criteria
    assert (findings.gaps[0].criterion, findings.gaps[0].also) == ("MINI-1", ["MINIB-1"])
    assert "MINIB-1" not in [g.criterion for g in findings.gaps]


def test_gaps_put_red_flags_first_then_weight() -> None:
    doc = {"protection": {"passport_retention": "permitted"}, "scope": {"domestic_workers": "covered"}}
    findings = toolkit.assess(agreement(doc), [MINI])
    assert [g.criterion for g in findings.gaps] == ["MINI-1", "MINI-2", "MINI-3"]
    assert findings.gaps[0].red_flag


def test_profile_excludes_and_reweights(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("id: w\ntitle: Workers\nweight_values: {core: 4}\nexclude: [MINI-2]\n")
    findings = toolkit.assess(agreement(GOOD), [MINI], toolkit.load_profile(path))
    assert [f.criterion for f in findings.findings] == ["MINI-1", "MINI-3"]
    assert findings.finding("MINI-1").max_points == 4
    assert findings.method.weight_values["core"] == 4


def test_profile_naming_an_unknown_criterion_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("id: w\ntitle: W\nexclude: [MINI-9]\n")
    with pytest.raises(toolkit.InvalidChecklist, match="unknown criterion id 'MINI-9'"):
        toolkit.assess(agreement(GOOD), [MINI], toolkit.load_profile(path))


def test_profile_with_bad_weight_is_located(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("id: w\ntitle: W\nweight_values:\n  core: -1\n")
    with pytest.raises(toolkit.InvalidChecklist, match=r"p.yaml:3:\d+: weight_values: the weight of core must be more than 0"):
        toolkit.load_profile(path)


def test_balance_counts_harmful_clauses_as_control() -> None:
    doc = agreement(
        {
            "protection": {"passport_retention": "permitted", "freedom_of_association": "specific"},
            "admission": {"quotas": "specific", "demand_lists": "specific", "pre_departure_orientation": "general"},
            "governance": {"joint_committee": {"status": "general"}},
        }
    )
    b = balance(doc)
    assert sorted(b.control_fields) == ["admission.demand_lists", "admission.quotas", "protection.passport_retention"]
    assert sorted(b.protection_fields) == ["admission.pre_departure_orientation", "protection.freedom_of_association"]
    assert b.governance == 1
    assert b.protection_share == 40.0
    assert b.verdict == "balanced"


def test_balance_of_a_silent_text() -> None:
    b = balance(agreement())
    assert b.protection_share is None and b.verdict == "not-enough-text"


def test_evidence_cites_article_and_quote_or_silence() -> None:
    doc = {"protection": {"passport_retention": {"status": "prohibited", "article": "Art. 7", "quote": "No one shall keep..."}}}
    findings = toolkit.assess(agreement(doc), [MINI])
    ev = findings.finding("MINI-1").evidence[0]
    assert (ev.field, ev.article, ev.quote, ev.silent) == ("protection.passport_retention", "Art. 7", "No one shall keep...", False)
    silent = findings.finding("MINI-2").evidence[0]
    assert silent.field == "governance.joint_committee" and silent.silent


def test_trace_shows_which_rule_parts_decided() -> None:
    findings = toolkit.assess(agreement(GOOD), [MINI])
    parts = [(p.part, p.result) for p in findings.finding("MINI-1").trace]
    assert parts == [("red_flag", False), ("met", True)]
    assert findings.finding("MINI-3").trace[0].part == "not_applicable"


def test_methodology_page_states_the_numbers_the_engine_uses() -> None:
    text = (ROOT / "docs" / "methodology.md").read_text()
    for band in method.GRADE_BANDS:
        assert f"| {band.grade} |" in text
        assert band.label in text
    for cls, value in method.WEIGHT_VALUES.items():
        assert f"| {int(value)} |" in text
    assert "1 red flag the grade is at most C" in text and "2 or more red flags the grade is at most D" in text
    assert "**60 or more** is *protection-focused*, **under 40** *control-focused*" in text
    assert method.BALANCE_THRESHOLDS == {"protection_focused_at_least": 60.0, "control_focused_below": 40.0}
    assert method.RED_FLAG_CAPS == {1: "C", 2: "D"}


def test_checklist_paths_in_a_profile_are_relative_to_the_profile(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "ministry"
    folder.mkdir()
    (folder / "ours.yaml").write_text((FIXTURES / "checklists" / "mini.yaml").read_text())
    (folder / "profile.yaml").write_text("id: ours\ntitle: Ours\nchecklists: [ours.yaml]\n")
    monkeypatch.chdir(tmp_path)  # not the profile's folder
    findings = toolkit.assess(agreement(GOOD), profile=toolkit.load_profile(folder / "profile.yaml"))
    assert [c.id for c in findings.checklists] == ["mini"]
