"""Each bundled example gives its expected red flags, grade band and balance.

The examples are illustrative agreements of different kinds; these expectations are what a
reader of each text would expect, and they pin the behaviour of the shipped checklists.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import toolkit

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# example -> (grade, grade before the red-flag cap, balance verdict, red flags as their criteria)
EXPECTED = {
    "control-focused-mou": (
        "E",
        "E",
        "control-focused",
        {
            ("MLF-2.2",), ("MLF-4.5",), ("MLF-4.6",), ("MLF-7.2",), ("MLF-11.1", "FR-14"), ("MLF-11.2",),
            ("MLF-11.3", "FR-15"), ("MLF-11.6",), ("MLF-13.4", "FR-03", "FR-05"), ("MLF-13.6", "FR-08"),
            ("MLF-13.7", "FR-10"), ("MLF-13.8", "FR-09"), ("MLF-14.3",),
        },
    ),
    "domestic-worker-mou": ("D", "C", "protection-focused", {("MLF-13.8", "FR-09"), ("DW-09.1",)}),
    "g2g-employment-permit-mou": ("D", "D", "protection-focused", {("MLF-13.4", "FR-03", "FR-05")}),
    "good-practice-agreement": ("A", "A", "protection-focused", set()),
    "multiscript-mou": ("C", "C", "protection-focused", set()),
    "seasonal-agriculture-scheme": ("C", "C", "protection-focused", {("MLF-11.2",)}),
}


@pytest.fixture(scope="module")
def checklists() -> list:
    return toolkit.load_checklists()


def test_every_example_is_pinned() -> None:
    assert {p.stem for p in EXAMPLES.glob("*.yaml")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_red_flags_grade_and_balance(name: str, checklists: list) -> None:
    grade, uncapped, verdict, flags = EXPECTED[name]
    findings = toolkit.assess(toolkit.load_agreement(EXAMPLES / f"{name}.yaml"), checklists)
    assert {tuple(f.criteria) for f in findings.red_flags} == flags
    assert (findings.overall.grade, findings.overall.grade_uncapped) == (grade, uncapped)
    assert findings.balance.verdict == verdict
    assert findings.overall.capped_by_red_flags == (grade != uncapped)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_example_says_what_it_encodes(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../docs/agreement.schema.json")
    head = text.split("\nformat:", 1)[0].lower()
    agreement = toolkit.load_agreement(path).agreement
    word = "illustrative" if agreement.about.encoding == "illustrative" else "real"
    assert word in head, "the comment at the top must say whether the text is real or illustrative"
    if agreement.about.encoding == "real":
        assert agreement.about.source


def test_control_focused_example_is_the_worst_and_good_practice_the_best(checklists: list) -> None:
    indices = {
        p.stem: toolkit.assess(toolkit.load_agreement(p), checklists).overall.index for p in EXAMPLES.glob("*.yaml")
    }
    assert min(indices, key=indices.get) == "control-focused-mou"
    assert max(indices, key=indices.get) == "good-practice-agreement"
