"""The checklist format: criteria as data, each with its source, rule, rationale and model clause."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from .rules import Rule

WeightClass = Literal["core", "important", "good_practice"]
Certainty = Literal["verified", "partly_verified", "recalled"]

#: The parts of a criterion's rule, in the order they are tried; the first that holds decides.
RULE_PARTS: tuple[str, ...] = ("not_applicable", "red_flag", "met", "partly_met")

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def _stable_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise ValueError(f"ids use letters, digits, '.', '-' and '_' only: {value!r}")
    return value


#: An id that reports, profiles and translations refer to: never translated, never reworded.
StableId = Annotated[str, AfterValidator(_stable_id)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Source(_Strict):
    """A citation: the document (an id from checklists/sources.yaml), the place in it, and how sure it is."""

    doc: str = Field(description="Id of the document in checklists/sources.yaml, e.g. MLF, C181, GPOG.")
    ref: str = Field(description="Principle, guideline, article or paragraph, e.g. 'Principle 11' or 'Art. 7(1)'.")
    certainty: Certainty = Field(
        description="verified: checked against the text; partly_verified: seen in part or in a secondary source; recalled: not verified, to be checked."
    )


class Outcomes(_Strict):
    """The rules that decide a criterion, tried in this order: not_applicable, red_flag, met, partly_met; otherwise not met."""

    not_applicable: dict[str, Any] | None = Field(default=None, description="When the criterion does not apply.")
    red_flag: dict[str, Any] | None = Field(default=None, description="When the text contains a clause that harms workers.")
    met: dict[str, Any] = Field(description="When the criterion is met.")
    partly_met: dict[str, Any] | None = Field(default=None, description="When it is partly met.")


class Criterion(_Strict):
    """One question the assessment asks of an agreement."""

    id: StableId = Field(description="Stable id, unique across all checklists, e.g. MLF-11.1.")
    group: StableId = Field(description="Id of the principle or theme this criterion belongs to.")
    title: str = Field(description="Short label.")
    question: str = Field(description="The question in plain language.")
    weight: WeightClass = Field(description="core, important or good_practice.")
    sources: list[Source] = Field(min_length=1, description="Where the criterion comes from.")
    rule: Outcomes
    red_flag: str | None = Field(default=None, description="What the red flag says, when the rule has a red_flag part.")
    rationale: str = Field(description="Why this matters for migrant workers.")
    recommendation: str = Field(description="What to add or change when the criterion is not met.")
    model_clause: str = Field(description="Model clause text to propose.")

    _rules: dict[str, Rule] = PrivateAttr(default_factory=dict)

    @property
    def rules(self) -> dict[str, Rule]:
        """Compiled rules by outcome part (set by the loader)."""
        return self._rules

    def possible_outcomes(self) -> list[str]:
        """The outcomes this criterion's rule can give; a red flag is a 'not met' that is flagged."""
        out = ["met", "not_met"]
        if self.rule.partly_met is not None:
            out.insert(1, "partly_met")
        if self.rule.not_applicable is not None:
            out.append("not_applicable")
        if self.rule.red_flag is not None:
            out.append("red_flag")
        return out


class Group(_Strict):
    id: StableId
    title: str
    description: str | None = None


class Checklist(_Strict):
    """A versioned list of criteria drawn from one standard."""

    id: StableId = Field(description="Stable id, e.g. ilo-mlf.")
    version: str = Field(description="Version of the checklist, e.g. 1.0.0.")
    title: str
    description: str
    applies_when: str | None = Field(default=None, description="In words: when the checklist applies.")
    groups: list[Group] = Field(min_length=1)
    criteria: list[Criterion] = Field(min_length=1)

    _sha256: str = PrivateAttr(default="")
    _path: str = PrivateAttr(default="")

    @property
    def sha256(self) -> str:
        return self._sha256

    @property
    def path(self) -> str:
        return self._path

    def group(self, group_id: str) -> Group:
        return next(g for g in self.groups if g.id == group_id)


class SourceDocument(_Strict):
    id: str
    title: str
    short: str = Field(description="Short name used in citations, e.g. 'C181'.")
    year: int | None = None
    issuer: str | None = None
    url: str | None = None


class SourceRegister(_Strict):
    documents: list[SourceDocument]

    def get(self, doc_id: str) -> SourceDocument | None:
        return next((d for d in self.documents if d.id == doc_id), None)


class CriterionOverride(_Strict):
    weight: WeightClass | None = Field(default=None, description="A different weight class for this criterion.")


class Profile(_Strict):
    """A selection and tailoring of checklists, without editing the shipped files."""

    id: str
    title: str
    description: str | None = None
    checklists: list[str] = Field(default_factory=list, description="Checklist ids or paths; empty means the defaults.")
    weight_values: dict[WeightClass, float] = Field(
        default_factory=dict, description="Points for each weight class, e.g. {core: 4, important: 2, good_practice: 1}."
    )
    criteria: dict[str, CriterionOverride] = Field(default_factory=dict, description="Per-criterion changes, by id.")
    exclude: list[str] = Field(default_factory=list, description="Criterion ids left out of the assessment.")

    _path: str = PrivateAttr(default="")

    @property
    def path(self) -> str:
        return self._path

    @field_validator("weight_values")
    @classmethod
    def _positive(cls, value: dict[str, float]) -> dict[str, float]:
        for key, number in value.items():
            if number <= 0:
                raise ValueError(f"the weight of {key} must be more than 0, not {number}")
        return value
