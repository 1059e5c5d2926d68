"""Bad agreement files give one located message per problem: file:line:column: field: message."""

from __future__ import annotations

from pathlib import Path

import pytest

import toolkit

BROKEN = Path(__file__).parent / "fixtures" / "broken_agreements"

EXPECTED = {
    "many_problems.yaml": [
        "many_problems.yaml:5:14: identity.parties.origin.country: not an ISO 3166-1 alpha-2 country code: 'XX'",
        "many_problems.yaml:7:3: identity.kind: Input should be 'binding_agreement', 'mou', 'protocol' or 'implementing_arrangement' (got 'memo')",
        "many_problems.yaml:9:3: identity.dates: expiry (2019-01-01) is before signature (2020-05-01)",
        "many_problems.yaml:15:5: recruitment.fees.cap_amount: Input should be greater than or equal to 0 (got -5)",
        "many_problems.yaml:17:24: protection.passport_retention.status: Input should be 'silent', 'prohibited', 'permitted_with_consent' or 'permitted' (got 'prohibted')",
        "many_problems.yaml:18:3: protection.unknown_thing: unknown field (check the spelling)",
    ],
    "bad_json.json": [
        "bad_json.json:5:5: identity.parties: the country of origin and the country of destination are the same",
        "bad_json.json:8:5: identity.languages: not an ISO 639 language code: 'zz'",
        "bad_json.json:10:60: governance.joint_committee.meets_every_months: Input should be greater than 0 (got 0)",
    ],
    "duplicate_key.yaml": ['duplicate_key.yaml:4:3: not valid YAML: while constructing a mapping found duplicate key "title"'],
    "not_yaml.yaml": ["not_yaml.yaml:2:9: not valid YAML: while parsing a flow mapping expected ',' or '}', but got ':'"],
    "not_a_mapping.yaml": ["not_a_mapping.yaml:1:1: an agreement must be a mapping of fields, not a list"],
    "empty.yaml": ["empty.yaml:1:1: an agreement must be a mapping of fields, not empty"],
    "real_without_source.yaml": [
        "real_without_source.yaml:1:1: about: an encoding of a real text must cite it in `source`",
        "real_without_source.yaml:10:3: identity.dates: entry into force (2021-01-01) is before signature (2021-06-01)",
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_problem_is_located(name: str) -> None:
    with pytest.raises(toolkit.InvalidAgreement) as caught:
        toolkit.load_agreement(BROKEN / name)
    got = [str(p).replace(str(BROKEN) + "/", "") for p in caught.value.problems]
    expected = EXPECTED[name]
    assert len(got) == len(expected), "\n".join(got)
    for want, line in zip(expected, got):
        assert line.startswith(want), f"\nwant: {want}\ngot:  {line}"


def test_every_fixture_is_pinned() -> None:
    assert {p.name for p in BROKEN.iterdir()} == set(EXPECTED)


def test_missing_file() -> None:
    with pytest.raises(toolkit.InvalidAgreement, match="nope.yaml: file not found"):
        toolkit.load_agreement("nope.yaml")


def test_silent_is_the_default_never_a_guess() -> None:
    agreement = toolkit.agreement_from_text(
        "about: {encoding: illustrative}\nidentity: {title: T, kind: mou, status: draft, parties: {origin: {country: np}, destination: {country: MY}}}\n"
    )
    assert agreement.identity.parties.origin.country == "NP"
    assert agreement.protection.passport_retention.status == "silent"
    assert agreement.recruitment.fees.status == "silent"
    assert agreement.admission.change_of_employer.status == "silent"


def test_shorthand_status_and_full_form_are_the_same() -> None:
    base = "about: {encoding: illustrative}\nidentity: {title: T, kind: mou, status: draft, parties: {origin: {country: NP}, destination: {country: MY}}}\n"
    short = toolkit.agreement_from_text(base + "protection: {passport_retention: prohibited}\n")
    full = toolkit.agreement_from_text(base + "protection: {passport_retention: {status: prohibited}}\n")
    assert short == full


def test_errors_in_text_name_the_given_source() -> None:
    with pytest.raises(toolkit.InvalidAgreement) as caught:
        toolkit.agreement_from_text("about: {encoding: maybe}\n", source="upload.yaml")
    assert str(caught.value.problems[0]).startswith("upload.yaml:1:")
