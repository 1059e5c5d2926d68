"""The findings document: the versioned data every output (terminal, JSON, HTML, PDF) is a view of.

It is self-contained: each finding carries its criterion's question, sources, rationale and
model clause, and the evidence and trace that decided it, so a report can be rendered from the
JSON alone and a reader can follow any score down to the clause it rests on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

FINDINGS_FORMAT = "moukit-findings/1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PartySummary(_Model):
    country: str
    country_name: str
    name: str | None = None
    name_lang: str | None = None
    competent_authority: str | None = None


class AgreementSummary(_Model):
    title: str
    short_title: str | None
    source_file: str
    sha256: str
    encoding: Literal["real", "illustrative"]
    cited_source: str | None
    origin: PartySummary
    destination: PartySummary
    kind: str
    status: str
    signed: dt.date | None
    entry_into_force: dt.date | None
    expiry: dt.date | None
    languages: list[str]


class Citation(_Model):
    doc: str
    short: str
    title: str
    ref: str
    certainty: str


class Evidence(_Model):
    """What the agreement says on a field a rule looked at."""

    field: str
    value: Any
    article: str | None = None
    quote: str | None = None
    silent: bool
    suggested: bool = False


class RulePart(_Model):
    """One part of a criterion's rule that was tried, with its trace."""

    part: Literal["not_applicable", "red_flag", "met", "partly_met"]
    result: bool
    trace: dict[str, Any]


class Finding(_Model):
    criterion: str
    checklist: str
    group: str
    title: str
    question: str
    weight_class: str
    weight: float
    outcome: Literal["met", "partly_met", "not_met", "not_applicable"]
    red_flag: bool
    red_flag_label: str | None
    points: float
    max_points: float
    evidence: list[Evidence]
    trace: list[RulePart]
    sources: list[Citation]
    rationale: str
    recommendation: str
    model_clause: str


class Counts(_Model):
    met: int = 0
    partly_met: int = 0
    not_met: int = 0
    not_applicable: int = 0

    @property
    def total(self) -> int:
        return self.met + self.partly_met + self.not_met + self.not_applicable


class GroupScore(_Model):
    checklist: str
    group: str
    title: str
    score: float | None = Field(description="0-100; null when no criterion of the group applies.")
    points: float
    max_points: float
    counts: Counts


class ChecklistScore(_Model):
    id: str
    version: str
    title: str
    sha256: str
    index: float | None
    counts: Counts


class RedFlag(_Model):
    """A harmful clause. Criteria of several checklists that flag the same clause give one red flag."""

    label: str
    criteria: list[str]
    fields: list[str]
    evidence: list[Evidence]


class Overall(_Model):
    counts: Counts = Field(description="Outcomes over all the criteria applied.")
    index: float | None
    grade: str | None
    grade_label: str | None
    grade_uncapped: str | None
    capped_by_red_flags: bool
    red_flags: int


class Balance(_Model):
    protection: int
    control: int
    governance: int
    protection_share: float | None
    verdict: Literal["protection-focused", "balanced", "control-focused", "not-enough-text"]
    protection_fields: list[str]
    control_fields: list[str]


class Gap(_Model):
    """A criterion not fully met. A red flag raised by several checklists is one gap, the others in ``also``."""

    criterion: str
    title: str
    outcome: str
    red_flag: bool
    weight_class: str
    points_lost: float
    also: list[str] = Field(default_factory=list, description="Other criteria flagging the same clause.")


class GradeBand(_Model):
    grade: str
    min_index: float
    label: str


class Method(_Model):
    outcome_fractions: dict[str, float]
    weight_values: dict[str, float]
    grade_bands: list[GradeBand]
    red_flag_caps: dict[str, str] = Field(description="Number of red flags (as text, '1', '2+') -> best grade allowed.")
    balance_thresholds: dict[str, float]


class ProfileSummary(_Model):
    id: str
    title: str
    overrides: dict[str, str]
    excluded: list[str]


class Findings(_Model):
    """The result of assessing one agreement against a set of checklists."""

    format: Literal["moukit-findings/1.0"] = FINDINGS_FORMAT
    toolkit_version: str
    agreement: AgreementSummary
    checklists: list[ChecklistScore]
    profile: ProfileSummary | None
    method: Method
    overall: Overall
    red_flags: list[RedFlag]
    balance: Balance
    groups: list[GroupScore]
    gaps: list[Gap]
    findings: list[Finding]

    @model_validator(mode="after")
    def _references_resolve(self) -> "Findings":
        # A findings document can be read back from JSON: every reference in it must resolve,
        # or a view would fail half way through.
        checklists = {c.id for c in self.checklists}
        groups = {(g.checklist, g.group) for g in self.groups}
        criteria = {f.criterion for f in self.findings}
        for f in self.findings:
            if f.checklist not in checklists:
                raise ValueError(f"finding {f.criterion} names checklist {f.checklist!r}, which is not in checklists")
            if (f.checklist, f.group) not in groups:
                raise ValueError(f"finding {f.criterion} names group {f.group!r}, which is not in groups")
        named = [g.criterion for g in self.gaps] + [c for g in self.gaps for c in g.also]
        named += [c for flag in self.red_flags for c in flag.criteria]
        for criterion in named:
            if criterion not in criteria:
                raise ValueError(f"criterion {criterion!r} is named in gaps or red_flags but has no finding")
        return self

    def finding(self, criterion_id: str) -> Finding:
        return next(f for f in self.findings if f.criterion == criterion_id)
