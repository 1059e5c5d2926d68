"""Clause types: what an agreement says on one point, and where it says it.

Every clause records a ``status`` (what the text says, ``silent`` when it says nothing) and
the evidence for it: the article reference and the quoted words. Findings cite this evidence,
so a reader can check each judgement against the text.

``status`` values are stable codes, never translated; labels for people live in the message
catalogue. Values that harm workers are listed in ``HARMFUL`` so the protection-versus-control
balance can count them on the control side.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

#: Strength of a commitment, from weakest to strongest. ``contrary`` means the text denies or
#: excludes the protection.
Strength = Literal["contrary", "silent", "general", "specific", "enforced"]
STRENGTH_ORDER: dict[str, int] = {"contrary": -1, "silent": 0, "general": 1, "specific": 2, "enforced": 3}

STRENGTH_HELP = (
    "silent: the agreement does not address this (default); "
    "general: mentioned in general or aspirational terms ('shall endeavour', 'in accordance with national law' only); "
    "specific: a specific, binding commitment; "
    "enforced: a specific commitment plus a mechanism that makes it work (responsible body, procedure, sanction or monitoring); "
    "contrary: the agreement denies or excludes this protection"
)


class Strict(BaseModel):
    """Base for every model of the format: unknown keys are errors, not silently dropped."""

    model_config = ConfigDict(extra="forbid", validate_default=True, str_strip_whitespace=True)


class Clause(Strict):
    """Base of all clauses: the evidence that backs a status."""

    HARMFUL: ClassVar[frozenset[str]] = frozenset({"contrary"})

    article: str | None = Field(
        default=None, description="Where the agreement says it: article, paragraph or annex, e.g. 'Art. 7(2)'."
    )
    quote: str | None = Field(default=None, description="The words of the agreement, quoted exactly.")
    note: str | None = Field(default=None, description="The assessor's note on how this was read.")
    suggested: bool = Field(
        default=False,
        description="True when this entry was suggested by automatic extraction and a person has not confirmed it yet.",
    )

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        # `passport_retention: prohibited` is accepted as short for `{status: prohibited}`.
        if isinstance(value, str):
            return {"status": value}
        return value

    @property
    def has_evidence(self) -> bool:
        """True when the clause cites an article or quotes the text."""
        return bool(self.article or self.quote)

    @property
    def is_silent(self) -> bool:
        return getattr(self, "status", "silent") == "silent"


class Provision(Clause):
    """A protection or commitment, rated by how strongly the agreement makes it."""

    status: Strength = Field(default="silent", description=STRENGTH_HELP)


class DocumentRetention(Clause):
    """Whether employers or agents may keep the worker's passport and identity documents."""

    HARMFUL: ClassVar[frozenset[str]] = frozenset({"permitted", "permitted_with_consent"})
    status: Literal["silent", "prohibited", "permitted_with_consent", "permitted"] = Field(
        default="silent",
        description="prohibited: nobody but the worker may keep them; permitted_with_consent: 'safekeeping' with the worker's consent; permitted: employers or agents may hold them.",
    )


CostItem = Literal[
    "medical", "insurance", "skills_tests", "training_orientation", "equipment", "travel_lodging", "administrative"
]
COST_HELP = (
    "The seven groups of related costs in the ILO 2019 definition of recruitment fees and related costs: "
    "medical, insurance, skills_tests, training_orientation, equipment, travel_lodging, administrative."
)


class RecruitmentFees(Clause):
    """Who pays recruitment fees and related costs."""

    HARMFUL: ClassVar[frozenset[str]] = frozenset({"worker_pays", "capped"})
    status: Literal["silent", "employer_pays", "capped", "worker_pays"] = Field(
        default="silent",
        description="employer_pays: no fee or cost is charged to workers; capped: workers may be charged up to a ceiling; worker_pays: workers are charged fees.",
    )
    cap_amount: float | None = Field(default=None, ge=0, description="Ceiling on what a worker may be charged, if any.")
    cap_currency: str | None = Field(default=None, description="Currency of cap_amount (ISO 4217, e.g. USD).")
    cap_months_of_wages: float | None = Field(
        default=None, ge=0, description="Ceiling expressed in months of the worker's wages, if the text does so."
    )
    defined_per_ilo_2019: bool = Field(
        default=False,
        description="True when the agreement defines fees and related costs consistently with the ILO 2019 definition.",
    )
    costs_borne_by_employer: list[CostItem] = Field(
        default_factory=list, description="Related costs the agreement says the employer pays. " + COST_HELP
    )
    costs_charged_to_worker: list[CostItem] = Field(
        default_factory=list, description="Related costs the agreement lets be charged to the worker. " + COST_HELP
    )


class HealthTesting(Clause):
    """A medical test (HIV, pregnancy) and whether the agreement makes it a condition."""

    HARMFUL: ClassVar[frozenset[str]] = frozenset({"mandatory"})
    status: Literal["silent", "prohibited", "not_required", "mandatory"] = Field(
        default="silent",
        description="prohibited: the test may not be required; not_required: not among the required tests; mandatory: a required test, whose result can bar or end employment.",
    )


class EmployerChange(Clause):
    """Whether a worker may change employer."""

    HARMFUL: ClassVar[frozenset[str]] = frozenset({"employer_consent", "prohibited"})
    status: Literal["silent", "free", "for_cause", "authority_approval", "employer_consent", "prohibited"] = Field(
        default="silent",
        description="free: without anyone's permission; for_cause: at least for abuse, non-payment or insolvency; authority_approval: with a public authority's approval; employer_consent: only with the current employer's consent; prohibited.",
    )


class DomesticWorkerCoverage(Clause):
    """How the agreement treats domestic workers."""

    HARMFUL: ClassVar[frozenset[str]] = frozenset({"excluded"})
    status: Literal["silent", "covered", "separate_instrument", "excluded"] = Field(
        default="silent",
        description="covered: in scope of this agreement; separate_instrument: covered by another named instrument between the parties; excluded: left out with no other instrument.",
    )
    other_instrument: str | None = Field(default=None, description="The separate instrument, when there is one.")


class WageWithholding(Clause):
    """Whether wages may be held back from the worker."""

    HARMFUL: ClassVar[frozenset[str]] = frozenset({"permitted", "mandatory"})
    status: Literal["silent", "prohibited", "permitted", "mandatory"] = Field(
        default="silent",
        description="prohibited: wages are paid in full and on time; permitted: employers may hold part of the wages; mandatory: part of the wages is held until the worker returns or finishes the contract.",
    )


class ForcedSavings(Clause):
    """Compulsory savings or funds taken from wages and released later."""

    HARMFUL: ClassVar[frozenset[str]] = frozenset({"mandatory"})
    status: Literal["silent", "none", "voluntary", "mandatory"] = Field(
        default="silent",
        description="none: the agreement rules out compulsory savings; voluntary: savings schemes are the worker's choice; mandatory: part of wages must go into a fund released on return.",
    )


class LabourLawCoverage(Clause):
    """Whether the destination's labour law applies to the workers covered."""

    HARMFUL: ClassVar[frozenset[str]] = frozenset({"excluded"})
    status: Literal["silent", "applies", "applies_with_exclusions", "excluded"] = Field(
        default="silent",
        description="applies: in full; applies_with_exclusions: some covered workers or matters are excluded; excluded: covered workers are outside labour law.",
    )


class Publication(Clause):
    """Whether the text is public."""

    HARMFUL: ClassVar[frozenset[str]] = frozenset({"confidential"})
    status: Literal["silent", "published", "confidential"] = Field(
        default="silent",
        description="published: the text is public and workers are informed of it; confidential: the text is confidential or disclosure needs both parties' consent.",
    )


class WorkerCharge(Clause):
    """A charge that may fall on workers: refunds on leaving early, bonds or deposits."""

    HARMFUL: ClassVar[frozenset[str]] = frozenset({"required", "permitted"})
    status: Literal["silent", "prohibited", "permitted", "required"] = Field(
        default="silent",
        description="prohibited: workers may not be charged; permitted: workers may be charged; required: the agreement requires workers to pay.",
    )


class ReturnOfIrregularMigrants(Clause):
    """Cooperation on the return of migrant workers in an irregular situation."""

    status: Literal["silent", "with_safeguards", "without_safeguards"] = Field(
        default="silent",
        description="with_safeguards: due process, individual assessment and no collective expulsion are stated; without_safeguards: return or readmission with no such safeguards.",
    )
    HARMFUL: ClassVar[frozenset[str]] = frozenset({"without_safeguards"})
