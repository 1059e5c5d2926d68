"""The scoring method, as numbers. docs/methodology.md states the same method in words.

Kept in one place so the engine, the reports' annex and the documentation cannot drift apart:
the annex prints these values, and a test checks that docs/methodology.md quotes them.
"""

from __future__ import annotations

from .findings import GradeBand, Method

OUTCOME_FRACTIONS: dict[str, float] = {"met": 1.0, "partly_met": 0.5, "not_met": 0.0}

WEIGHT_VALUES: dict[str, float] = {"core": 3.0, "important": 2.0, "good_practice": 1.0}

GRADE_BANDS: list[GradeBand] = [
    GradeBand(grade="A", min_index=80, label="strong: in line with the standards on nearly every point"),
    GradeBand(grade="B", min_index=65, label="good: sound, with gaps to close"),
    GradeBand(grade="C", min_index=50, label="partial: important protections are missing"),
    GradeBand(grade="D", min_index=35, label="weak: procedures with little protection"),
    GradeBand(grade="E", min_index=0, label="very weak: protection largely absent"),
]

#: Best grade allowed for a number of red flags: a harmful clause limits the grade whatever the
#: rest of the text says.
RED_FLAG_CAPS: dict[int, str] = {1: "C", 2: "D"}

#: Share of protection clauses (out of protection + control) at or above which a text is
#: protection-focused, and below which it is control-focused.
BALANCE_THRESHOLDS: dict[str, float] = {"protection_focused_at_least": 60.0, "control_focused_below": 40.0}

GRADES = [band.grade for band in GRADE_BANDS]


def grade_for(index: float) -> GradeBand:
    """The band an index falls in."""
    return next(band for band in GRADE_BANDS if index >= band.min_index)


def cap_for(red_flags: int) -> str | None:
    """The best grade allowed with this many red flags, or None if no cap applies."""
    if red_flags <= 0:
        return None
    return RED_FLAG_CAPS[min(red_flags, max(RED_FLAG_CAPS))]


def worse(a: str, b: str) -> str:
    return a if GRADES.index(a) >= GRADES.index(b) else b


def describe(weight_values: dict[str, float]) -> Method:
    """The method as recorded in every findings document."""
    top = max(RED_FLAG_CAPS)
    caps = {(f"{n}+" if n == top else str(n)): g for n, g in RED_FLAG_CAPS.items()}
    return Method(
        outcome_fractions=dict(OUTCOME_FRACTIONS),
        weight_values=dict(weight_values),
        grade_bands=list(GRADE_BANDS),
        red_flag_caps=caps,
        balance_thresholds=dict(BALANCE_THRESHOLDS),
    )
