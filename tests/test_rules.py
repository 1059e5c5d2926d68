"""Every operator of the rule language, on real agreement fields, and how rules are refused."""

from __future__ import annotations

from typing import Any

import pytest

import toolkit
from toolkit.checklist.rules import ALL_OPERATORS, RuleError, compile_rule
from worked_examples import base_agreement, merge


def agreement(fragment: dict[str, Any] | None = None) -> toolkit.Agreement:
    return toolkit.Agreement.model_validate(merge(base_agreement(), fragment or {}))


def holds(rule: dict[str, Any], fragment: dict[str, Any] | None = None) -> bool:
    return compile_rule(rule).evaluate(agreement(fragment)).result


RETENTION = {"protection": {"passport_retention": "prohibited"}}
COMMITTEE = {
    "governance": {
        "joint_committee": {
            "status": "specific",
            "members": ["government_origin", "government_destination", "workers_organizations"],
            "meets_every_months": 6,
        }
    }
}
TERMS = {"employment_contract": {"minimum_terms": {"status": "specific", "terms": ["wages", "normal_hours", "wages", "food"]}}}

CASES = [
    # operator, rule, fragment, expected
    ("equals", {"field": "protection.passport_retention", "equals": "prohibited"}, RETENTION, True),
    ("equals", {"field": "protection.passport_retention", "equals": "prohibited"}, None, False),
    ("equals", {"field": "scope.seasonal", "equals": True}, {"scope": {"seasonal": True}}, True),
    ("in", {"field": "protection.passport_retention", "in": ["permitted", "prohibited"]}, RETENTION, True),
    ("in", {"field": "protection.passport_retention", "in": ["permitted"]}, RETENTION, False),
    ("at_least", {"field": "protection.freedom_of_association", "at_least": "specific"}, {"protection": {"freedom_of_association": "enforced"}}, True),
    ("at_least", {"field": "protection.freedom_of_association", "at_least": "specific"}, {"protection": {"freedom_of_association": "general"}}, False),
    ("at_least", {"field": "protection.freedom_of_association", "at_least": "general"}, {"protection": {"freedom_of_association": "contrary"}}, False),
    ("at_least", {"field": "identity.duration_years", "at_least": 2}, {"identity": {"duration_years": 3}}, True),
    ("at_least", {"field": "identity.duration_years", "at_least": 2}, None, False),
    ("at_most", {"field": "governance.joint_committee.meets_every_months", "at_most": 12}, COMMITTEE, True),
    ("at_most", {"field": "governance.joint_committee.meets_every_months", "at_most": 3}, COMMITTEE, False),
    ("at_most", {"field": "protection.legal_aid", "at_most": "general"}, {"protection": {"legal_aid": "specific"}}, False),
    ("is_set", {"field": "governance.joint_committee.meets_every_months", "is_set": True}, COMMITTEE, True),
    ("is_set", {"field": "governance.joint_committee.meets_every_months", "is_set": True}, None, False),
    ("is_set", {"field": "protection.legal_aid", "is_set": False}, None, True),
    ("is_set", {"field": "scope.sectors", "is_set": True}, {"scope": {"sectors": ["agriculture"]}}, True),
    ("contains", {"field": "governance.joint_committee.members", "contains": "workers_organizations"}, COMMITTEE, True),
    ("contains", {"field": "governance.joint_committee.members", "contains": "employers_organizations"}, COMMITTEE, False),
    ("contains_any", {"field": "governance.joint_committee.members", "contains_any": ["civil_society", "workers_organizations"]}, COMMITTEE, True),
    ("contains_any", {"field": "governance.joint_committee.members", "contains_any": ["civil_society"]}, COMMITTEE, False),
    ("contains_all", {"field": "governance.joint_committee.members", "contains_all": ["government_origin", "workers_organizations"]}, COMMITTEE, True),
    ("contains_all", {"field": "governance.joint_committee.members", "contains_all": ["government_origin", "employers_organizations"]}, COMMITTEE, False),
    ("count", {"count": "employment_contract.minimum_terms.terms", "at_least": 3}, TERMS, True),  # distinct: wages, normal_hours, food
    ("count", {"count": "employment_contract.minimum_terms.terms", "at_least": 4}, TERMS, False),
    ("count", {"count": "employment_contract.minimum_terms.terms", "at_most": 0}, None, True),
    ("count", {"count": "employment_contract.minimum_terms.terms", "of": ["wages", "weekly_rest"], "at_least": 2}, TERMS, False),
    ("count", {"count": "employment_contract.minimum_terms.terms", "of": ["wages", "food"], "at_least": 2}, TERMS, True),
    ("evidence", {"evidence": "protection.passport_retention"}, {"protection": {"passport_retention": {"status": "prohibited", "article": "Art. 7"}}}, True),
    ("evidence", {"evidence": "protection.passport_retention"}, RETENTION, False),
    ("all", {"all": [{"field": "protection.passport_retention", "equals": "prohibited"}, {"field": "scope.seasonal", "equals": False}]}, RETENTION, True),
    ("all", {"all": [{"field": "protection.passport_retention", "equals": "prohibited"}, {"field": "scope.seasonal", "equals": True}]}, RETENTION, False),
    ("any", {"any": [{"field": "protection.passport_retention", "equals": "permitted"}, {"field": "scope.seasonal", "equals": False}]}, RETENTION, True),
    ("any", {"any": [{"field": "protection.passport_retention", "equals": "permitted"}, {"field": "scope.seasonal", "equals": True}]}, RETENTION, False),
    ("not", {"not": {"field": "protection.passport_retention", "equals": "prohibited"}}, RETENTION, False),
    ("not", {"not": {"field": "protection.passport_retention", "equals": "prohibited"}}, None, True),
]


@pytest.mark.parametrize("operator,rule,fragment,expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_operator(operator: str, rule: dict[str, Any], fragment: dict[str, Any] | None, expected: bool) -> None:
    assert holds(rule, fragment) is expected


def test_every_operator_is_tested() -> None:
    assert {c[0] for c in CASES} == set(ALL_OPERATORS)


def test_trace_records_fields_values_and_results() -> None:
    rule = compile_rule({"all": [{"field": "protection.passport_retention", "equals": "prohibited"}, {"not": {"field": "scope.seasonal", "equals": True}}]})
    trace = rule.evaluate(agreement(RETENTION)).to_dict()
    assert trace["result"] is True
    assert trace["children"][0] == {
        "test": "protection.passport_retention is prohibited",
        "result": True,
        "field": "protection.passport_retention",
        "value": "prohibited",
    }
    assert trace["children"][1]["children"][0]["value"] is False


def test_describe_reads_as_words() -> None:
    rule = compile_rule({"any": [{"field": "protection.legal_aid", "at_least": "specific"}, {"count": "scope.sectors", "at_least": 2}]})
    assert rule.describe() == "(protection.legal_aid is at least specific or scope.sectors lists at least 2 items)"
    none = compile_rule({"count": "admission.selection_channels", "of": ["direct_hiring"], "at_most": 0})
    assert none.describe() == "admission.selection_channels lists none of: direct_hiring"


@pytest.mark.parametrize(
    "rule,message",
    [
        ({}, "a rule must be a mapping"),
        ({"all": []}, "'all' takes a non-empty list of rules"),
        ({"all": [{"field": "scope.seasonal", "equals": True}], "any": []}, "must stand alone"),
        ({"field": "scope.seasonal"}, "a field test takes exactly one operator"),
        ({"field": "scope.seasonal", "equals": "yes"}, "scope.seasonal is true or false"),
        ({"field": "scope.sectors", "equals": "x"}, "scope.sectors is a list"),
        ({"field": "scope.seasonal", "contains": True}, "contains applies to lists"),
        ({"count": "scope.seasonal", "at_least": 1}, "count applies to lists"),
        ({"count": "scope.sectors", "at_least": -1}, "at_least takes a whole number of items"),
        ({"count": "scope.sectors", "at_least": 1, "below": 3}, "unknown rule operator 'below'"),
        ({"evidence": "scope.sectors"}, "'evidence' needs a clause field"),
        ({"field": "protection", "equals": "x"}, "is a group of fields"),
        ({"field": "identity.duration_years", "at_least": "two"}, "takes a number"),
        ({"regex": "x"}, "unknown rule operator regex"),
        ({"field": "governance.joint_committee.members", "contains": "unions"}, "'unions' is not a value of governance.joint_committee.members"),
    ],
)
def test_bad_rules_are_refused(rule: dict[str, Any], message: str) -> None:
    with pytest.raises(RuleError, match=None) as caught:
        compile_rule(rule)
    assert message in str(caught.value)


def test_no_rule_is_evaluated_as_code() -> None:
    # A string that would be code anywhere else is just an unknown value here.
    with pytest.raises(RuleError, match="is not a value of"):
        compile_rule({"field": "protection.passport_retention", "equals": "__import__('os').system('true')"})
