"""The agreement format: one bilateral labour migration agreement or MOU, clause family by clause family.

These pydantic models are the single source of truth for the format: the JSON Schema
(`moukit schema`), the annotated template (`moukit new`) and the checklists' field names all
come from them. Every point defaults to ``silent``: what the text does not say is recorded as
not said, never guessed.

Each clause field carries an ``x-orientation`` (protection, control or governance) used for the
protection-versus-control balance, which the ILO names as the main weakness of Asian MOUs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from ..codes import country_name, language_name
from .clauses import (
    Clause,
    DocumentRetention,
    DomesticWorkerCoverage,
    EmployerChange,
    ForcedSavings,
    HealthTesting,
    LabourLawCoverage,
    Provision,
    Publication,
    RecruitmentFees,
    ReturnOfIrregularMigrants,
    Strength,
    Strict,
    WageWithholding,
    WorkerCharge,
)

AGREEMENT_FORMAT = "moukit-agreement/1.0"

Orientation = Literal["protection", "control", "governance"]


def clause(description: str, orientation: Orientation, kind: type[Clause] = Provision) -> Any:
    """A clause field: defaults to silent and records which side of the balance it counts on."""
    return Field(default_factory=kind, description=description, json_schema_extra={"x-orientation": orientation})


def protects(description: str, kind: type[Clause] = Provision) -> Any:
    return clause(description, "protection", kind)


def controls(description: str, kind: type[Clause] = Provision) -> Any:
    return clause(description, "control", kind)


def governs(description: str, kind: type[Clause] = Provision) -> Any:
    return clause(description, "governance", kind)


# --------------------------------------------------------------------------- identity


class About(Strict):
    """What this file encodes: a real, cited text or an illustration."""

    encoding: Literal["real", "illustrative"] = Field(
        description="real: encodes a published agreement, cited in `source`; illustrative: an invented text for training or testing."
    )
    source: str | None = Field(default=None, description="Citation of the text encoded (title, date, where published).")
    url: str | None = Field(default=None, description="Where the text can be read. Kept as text; never fetched.")
    encoded_by: str | None = Field(default=None, description="Who encoded the agreement.")
    encoded_on: dt.date | None = Field(default=None, description="When it was encoded.")
    notes: str | None = Field(default=None, description="Anything a reader of the encoding should know.")

    @model_validator(mode="after")
    def _real_needs_source(self) -> "About":
        if self.encoding == "real" and not self.source:
            raise ValueError("an encoding of a real text must cite it in `source`")
        return self


class Party(Strict):
    """One side of the agreement."""

    country: str = Field(description="ISO 3166-1 alpha-2 code of the country, e.g. NP, MY, KH.")
    name: str | None = Field(default=None, description="Country name as the agreement writes it (any script).")
    competent_authority: str | None = Field(
        default=None, description="The authority responsible for implementing the agreement, usually the labour ministry."
    )
    other_authorities: list[str] = Field(default_factory=list, description="Other agencies with a role.")
    name_lang: str | None = Field(
        default=None, description="Language of `name` and the authorities as written (ISO 639-1, e.g. th, km, my, ar)."
    )

    @field_validator("country")
    @classmethod
    def _iso_country(cls, value: str) -> str:
        code = value.upper()
        if len(code) != 2 or country_name(code) is None:
            raise ValueError(f"not an ISO 3166-1 alpha-2 country code: {value!r}")
        return code

    @field_validator("name_lang")
    @classmethod
    def _iso_lang(cls, value: str | None) -> str | None:
        return _language(value)


def _language(value: str | None) -> str | None:
    if value is None:
        return None
    code = value.lower()
    if len(code) not in (2, 3) or language_name(code) is None:
        raise ValueError(f"not an ISO 639 language code: {value!r}")
    return code


class Parties(Strict):
    origin: Party = Field(description="The country of origin of the migrant workers.")
    destination: Party = Field(description="The country of destination.")

    @model_validator(mode="after")
    def _two_countries(self) -> "Parties":
        if self.origin.country == self.destination.country:
            raise ValueError("the country of origin and the country of destination are the same")
        return self


class Dates(Strict):
    signed: dt.date | None = Field(default=None, description="Date of signature.")
    entry_into_force: dt.date | None = Field(default=None, description="Date of entry into force.")
    expiry: dt.date | None = Field(default=None, description="Date the agreement expires, if fixed.")

    @model_validator(mode="after")
    def _order(self) -> "Dates":
        if self.signed and self.expiry and self.expiry < self.signed:
            raise ValueError(f"expiry ({self.expiry}) is before signature ({self.signed})")
        if self.signed and self.entry_into_force and self.entry_into_force < self.signed:
            raise ValueError(f"entry into force ({self.entry_into_force}) is before signature ({self.signed})")
        if self.entry_into_force and self.expiry and self.expiry < self.entry_into_force:
            raise ValueError(f"expiry ({self.expiry}) is before entry into force ({self.entry_into_force})")
        return self


class Identity(Strict):
    """What the agreement is, between whom, and for how long."""

    title: str = Field(description="Full title of the agreement.")
    short_title: str | None = Field(default=None, description="A short name for headers and tables.")
    parties: Parties = Field(description="The country of origin and the country of destination.")
    kind: Literal["binding_agreement", "mou", "protocol", "implementing_arrangement"] = Field(
        description="binding_agreement: a treaty-level agreement; mou: memorandum of understanding; protocol; implementing_arrangement."
    )
    status: Literal["draft", "signed", "in_force", "expired", "terminated"] = Field(
        description="Where the agreement stands today."
    )
    dates: Dates = Field(default_factory=Dates, description="Dates of signature, entry into force and expiry.")
    duration_years: float | None = Field(default=None, gt=0, description="Duration in years, if stated.")
    renewal: Provision = governs("Renewal: automatic, or after a joint review.")
    termination: Provision = governs("Termination and amendment procedures, with notice.")
    termination_notice_months: float | None = Field(default=None, ge=0, description="Notice of termination, in months.")
    deployed_workers_protected_on_termination: Provision = protects(
        "Workers already deployed keep their rights and permits if the agreement is suspended or ends."
    )
    languages: list[str] = Field(default_factory=list, description="Languages of the authentic texts (ISO 639-1 codes).")
    publication: Publication = governs("Whether the text is public and workers informed of it.", Publication)

    @field_validator("languages")
    @classmethod
    def _langs(cls, value: list[str]) -> list[str]:
        return [_language(code) or code for code in value]


# --------------------------------------------------------------------------- scope

SkillLevel = Literal["low_skilled", "semi_skilled", "skilled", "highly_skilled"]


class Scope(Strict):
    """Who and what the agreement covers."""

    sectors: list[str] = Field(default_factory=list, description="Sectors covered, e.g. manufacturing, agriculture, construction.")
    occupations: list[str] = Field(default_factory=list, description="Occupations covered, if listed.")
    skill_levels: list[SkillLevel] = Field(
        default_factory=list, description="Skill levels covered: low_skilled, semi_skilled, skilled, highly_skilled."
    )
    seasonal: bool = Field(default=False, description="True for a seasonal scheme.")
    domestic_workers: DomesticWorkerCoverage = protects(
        "Whether domestic workers are covered, excluded, or covered by a separate instrument.", DomesticWorkerCoverage
    )
    family_members: Provision = protects("Family members: accompaniment, reunification, their rights.")
    obligations_of_each_party: Provision = governs("The distinct obligations of the origin and destination sides are set out.")


# --------------------------------------------------------------------------- standards

Instrument = Literal[
    "MLF", "C29", "P29", "C87", "C98", "C97", "C100", "C102", "C105", "C111", "C118", "C138", "C143", "C155",
    "C157", "C181", "C182", "C189", "C190", "R86", "R151", "R188", "R201", "GPOG", "ICRMW", "ICCPR", "ICESCR",
    "CEDAW", "CRC", "UDHR", "PALERMO", "GCM", "FPRW_1998",
]


class Standards(Strict):
    """The standards the agreement refers to, and whose law applies."""

    instruments_referenced: list[Instrument] = Field(
        default_factory=list,
        description="International instruments the text refers to, by code: MLF (ILO Multilateral Framework), C97, C143, C181, C189, ICRMW (UN Migrant Workers Convention), GCM, FPRW_1998 (ILO Declaration on Fundamental Principles and Rights at Work), ...",
    )
    other_instruments: list[str] = Field(default_factory=list, description="Other instruments referred to, by name.")
    commitment_to_standards: Provision = protects("The parties commit to international human rights and labour standards.")
    national_labour_law: LabourLawCoverage = protects(
        "Whether the destination's labour law applies to the covered workers.", LabourLawCoverage
    )
    more_favourable_provisions_saved: Provision = protects(
        "The agreement does not lower more favourable protections of national law or other instruments."
    )
    equal_treatment_pay: Provision = protects("Equality of treatment with nationals in pay and remuneration.")
    equal_treatment_conditions: Provision = protects("Equality of treatment in hours, overtime, holidays and other conditions.")
    equal_treatment_social_security: Provision = protects("Equality of treatment in social security.")
    equal_treatment_trade_union: Provision = protects("Equality of treatment in trade union membership and collective bargaining.")
    non_discrimination: Provision = protects("Non-discrimination on sex, race, religion, nationality, HIV status or pregnancy.")


# --------------------------------------------------------------------------- admission and migration process


class Admission(Strict):
    """How workers are admitted and prepared: flows, selection, permits, testing, orientation."""

    demand_lists: Provision = controls("The destination sends lists of jobs or labour demand.")
    quotas: Provision = controls("Annual quotas or ceilings on admissions.")
    labour_market_test: Provision = controls("Admissions follow a labour market test or demand assessment.")
    selection_channels: list[Literal["public_employment_service", "government_to_government", "licensed_private_agencies", "direct_hiring"]] = Field(
        default_factory=list,
        description="Channels through which workers are selected: public_employment_service, government_to_government, licensed_private_agencies, direct_hiring.",
        json_schema_extra={"x-orientation": "control"},
    )
    selection_procedure: Provision = controls("Selection and testing procedure for applicants.")
    work_permit_years: float | None = Field(default=None, gt=0, description="Length of the work permit, in years.")
    work_permit_renewal: Provision = protects("The permit can be renewed or extended; any qualifying period before reapplying.")
    residence_matches_work_permit: Provision = protects(
        "Residence permission lasts at least as long as the work permit; job loss does not by itself end legal stay."
    )
    change_of_employer: EmployerChange = protects("Whether and how a worker may change employer.", EmployerChange)
    freedom_to_resign_and_return: Provision = protects(
        "The worker may resign and return home; no exit permit from the employer; no imprisonment for breach of contract."
    )
    medical_examination: Provision = controls("Medical examinations required for admission.")
    medical_costs_not_borne_by_worker: Provision = protects("The cost of medical examinations is not borne by the worker.")
    hiv_testing: HealthTesting = protects("HIV testing as a condition of admission or employment.", HealthTesting)
    pregnancy_testing: HealthTesting = protects("Pregnancy testing as a condition of admission or employment.", HealthTesting)
    pre_departure_orientation: Provision = protects("Pre-departure orientation on rights, law, culture and complaint channels.")
    post_arrival_orientation: Provision = protects("Post-arrival orientation in the destination.")
    orientation_free_of_charge: Provision = protects("Orientation and training are free of charge to the worker.")
    language_training: Provision = protects("Language training.")
    skills_training: Provision = protects("Skills training before departure or on the job.")
    skills_testing_and_recognition: Provision = protects("Skills testing, certification or mutual recognition of qualifications.")
    information_exchange: Provision = governs("The parties exchange information on law, labour demand, wages and living conditions.")
    simplified_formalities: Provision = governs("Formalities for departure, travel, entry and residence are simplified and speeded up.")
    misleading_information_prevented: Provision = protects("Steps against misleading advertising and information on jobs.")
    minimum_age: Provision = protects("A minimum age is stated; no recruitment of children.")
    women_access_regular_channels: Provision = protects("Women have access to the regular channels; no discriminatory bans on women's migration.")


# --------------------------------------------------------------------------- recruitment


class Recruitment(Strict):
    """Recruitment agencies, fees and liability."""

    licensing_origin: Provision = protects("Agencies in the country of origin are licensed and supervised.")
    licensing_destination: Provision = protects("Agencies or employers in the destination are licensed or authorised and supervised.")
    public_register_of_agencies: Provision = protects("A public register lets workers verify licensed agencies and job offers.")
    fees: RecruitmentFees = protects("Who pays recruitment fees and related costs.", RecruitmentFees)
    cost_recovery_from_wages: WorkerCharge = protects(
        "Whether recruitment costs may be recovered from workers' wages.", WorkerCharge
    )
    refund_on_early_exit: WorkerCharge = protects(
        "Whether a worker (or the origin side) must refund recruitment costs when leaving early ('absconding').", WorkerCharge
    )
    contract_substitution_prevented: Provision = protects(
        "Contract substitution is prevented: the contract is verified or registered by both sides and cannot be replaced."
    )
    joint_liability: Provision = protects("Agencies and employers are jointly and severally liable for workers' claims.")
    sanctions_on_agencies: Provision = protects("Sanctions on abusive or fraudulent agencies (suspension, licence withdrawal).")
    blacklist_exchange: Provision = governs("Lists of licensed and blacklisted agencies and employers are exchanged.")
    non_discriminatory_selection: Provision = protects("Recruitment and selection are non-discriminatory.")
    public_employment_service_role: Provision = governs("Public employment services take part in recruitment, free to workers.")


# --------------------------------------------------------------------------- employment contract

ContractTerm = Literal[
    "parties_and_workplace", "job_description", "duration", "wages", "wage_payment_method", "normal_hours",
    "weekly_rest", "leave_and_holidays", "overtime", "accommodation", "food", "transport", "insurance",
    "injury_compensation", "emergency_medical_care", "termination_and_notice", "repatriation", "dispute_settlement",
    "probation",
]


class ContractTerms(Clause):
    """The minimum terms the agreement requires every contract to state."""

    status: Strength = Field(default="silent", description="How firmly the agreement requires these terms.")
    terms: list[ContractTerm] = Field(
        default_factory=list,
        description="Terms the contract must state: parties_and_workplace, job_description, duration, wages, wage_payment_method, normal_hours, weekly_rest, leave_and_holidays, overtime, accommodation, food, transport, insurance, injury_compensation, emergency_medical_care, termination_and_notice, repatriation, dispute_settlement, probation.",
    )


class EmploymentContract(Strict):
    """The individual employment contract."""

    written: Provision = protects("A written contract is required.")
    understood_language: Provision = protects("The contract is in a language the worker understands.")
    before_departure: Provision = protects("The worker receives the contract before leaving the country of origin.")
    standard_contract_annexed: Provision = protects("A standard or model contract is annexed to the agreement.")
    minimum_terms: ContractTerms = Field(
        default_factory=ContractTerms,
        description="Minimum terms every contract must state.",
        json_schema_extra={"x-orientation": "protection"},
    )
    enforceable_in_destination: Provision = protects("The contract is enforceable in the country of destination.")


# --------------------------------------------------------------------------- protection


class Wages(Strict):
    """Wage protection."""

    minimum_wage: Provision = protects("Minimum wage coverage, or a stated minimum wage.")
    paid_monthly_or_more_often: Provision = protects("Wages paid at least monthly, on time.")
    payment_to_worker_account: Provision = protects("Wages paid into an account in the worker's name.")
    deductions_limited: Provision = protects("Deductions limited to those allowed by law; none for recruitment costs.")
    withholding: WageWithholding = protects("Whether wages may be withheld.", WageWithholding)
    forced_savings: ForcedSavings = protects("Compulsory savings taken from wages.", ForcedSavings)
    equal_pay_for_work_of_equal_value: Provision = protects("Equal pay for work of equal value; no sex discrimination in pay.")


class GenderProtections(Strict):
    maternity_protection: Provision = protects("Maternity protection and leave.")
    no_dismissal_for_pregnancy: Provision = protects("No dismissal or deportation because of pregnancy.")
    harassment_and_violence: Provision = protects("Protection against harassment and violence, including gender-based violence.")
    gender_responsive_measures: Provision = protects("Other gender-responsive measures: women's specific needs, services, data.")


class DomesticWorkerProtections(Strict):
    """C189-level protections, relevant when domestic workers are in scope."""

    hours_of_work: Provision = protects("Normal hours and overtime as for workers generally.")
    weekly_rest_24h: Provision = protects("Weekly rest of at least 24 consecutive hours.")
    daily_rest: Provision = protects("Daily rest periods.")
    paid_annual_leave: Provision = protects("Paid annual leave.")
    live_out_choice: Provision = protects("Free to agree whether to live in the household.")
    decent_live_in_conditions: Provision = protects("Decent, private accommodation and food for live-in workers.")
    free_during_rest: Provision = protects("Not obliged to stay in the household during rest or leave.")
    communication: Provision = protects("Free to communicate (phone) with family and others.")
    labour_inspection_of_households: Provision = protects("Labour inspection or complaint follow-up reaches private households.")
    agency_fees_not_deducted: Provision = protects("Agency fees are not deducted from domestic workers' pay.")


class Protection(Strict):
    """Rights and protections of workers in the destination."""

    passport_retention: DocumentRetention = protects(
        "Whether employers or agents may keep workers' passports and identity documents.", DocumentRetention
    )
    wages: Wages = Field(default_factory=Wages, description="Wage protection.")
    working_time_and_rest: Provision = protects("Limits on working time, weekly rest and paid leave.")
    accommodation_standards: Provision = protects("Decent accommodation standards.")
    freedom_of_association: Provision = protects("Freedom of association, union membership and collective bargaining.")
    occupational_safety_and_health: Provision = protects("Occupational safety and health protection.")
    employment_injury_compensation: Provision = protects("Compensation for employment injury.")
    social_security_coverage: Provision = protects("Social security coverage in the destination.")
    social_security_portability: Provision = protects(
        "Portability or totalisation of social security rights, or a commitment to a social security agreement."
    )
    health_care: Provision = protects("Access to health care and emergency medical care.")
    medical_insurance_paid_by_employer: Provision = protects("Medical or accident insurance paid by the employer.")
    gender: GenderProtections = Field(default_factory=GenderProtections, description="Gender-specific protections.")
    domestic_workers: DomesticWorkerProtections = Field(
        default_factory=DomesticWorkerProtections, description="Protections specific to domestic workers."
    )
    complaint_mechanism: Provision = protects("An accessible complaint mechanism (hotline, labour attaché, labour office).")
    protection_from_retaliation: Provision = protects("Protection from retaliation for complaining.")
    interpreters: Provision = protects("Interpreters in complaint and court procedures.")
    legal_aid: Provision = protects("Legal aid or assistance.")
    access_to_courts: Provision = protects("Access to courts and dispute resolution on the same terms as nationals.")
    stay_while_claim_heard: Provision = protects("The worker may stay, or pursue the claim after return, while a claim is heard.")
    labour_inspection: Provision = protects("Labour inspection covers migrant workers' workplaces.")
    consular_and_attache_support: Provision = protects("Consular and labour-attaché access and assistance.")
    welfare_fund: Provision = protects("A welfare fund or insurance for migrants in difficulty, at no cost to the worker.")
    emergency_repatriation: Provision = protects("Emergency repatriation and assistance in crises.")
    return_cost_not_on_worker: Provision = protects("Return travel is not paid by the worker when the contract ends or fails through no fault of the worker.")
    no_return_for_illness_or_injury: Provision = protects("No forced return because of illness or injury after arrival.")
    family_emergency_leave: Provision = protects("Leave to return home for family emergencies.")
    trafficking_and_forced_labour: Provision = protects(
        "Prevention of trafficking and forced labour, with victim protection and assistance, not only enforcement."
    )
    rights_from_past_employment: Provision = protects(
        "Unpaid wages and social security from past employment are protected, even for workers in an irregular situation."
    )


# --------------------------------------------------------------------------- return and development


class ReturnAndDevelopment(Strict):
    return_and_reintegration: Provision = protects("Return and reintegration support: job placement, services.")
    skills_certification: Provision = protects("A certificate of employment or of skills acquired, issued at the end.")
    remittance_transfer: Provision = protects("Free transfer of earnings and savings; cheaper remittance channels.")
    contributions_refund_or_portability: Provision = protects("Refund or portability of contributions on return.")
    circular_migration: Provision = protects("Circular migration: the chance of a later assignment, re-entry facilitated.")


# --------------------------------------------------------------------------- governance

Constituent = Literal[
    "government_origin", "government_destination", "employers_organizations", "workers_organizations",
    "civil_society", "migrant_organizations",
]
Stage = Literal["negotiation", "implementation", "monitoring"]


class JointCommittee(Clause):
    status: Strength = Field(default="silent", description="Whether a joint committee or working group is set up, and how firmly.")
    members: list[Constituent] = Field(
        default_factory=list,
        description="Who sits on it: government_origin, government_destination, employers_organizations, workers_organizations, civil_society, migrant_organizations.",
    )
    meets_every_months: float | None = Field(default=None, gt=0, description="How often it must meet, in months (12 = yearly).")
    mandate: list[Literal["implementation", "monitoring", "dispute_settlement", "review", "complaints"]] = Field(
        default_factory=list, description="What it is charged with: implementation, monitoring, dispute_settlement, review, complaints."
    )
    reports_published: bool = Field(default=False, description="True when its minutes or reports are published.")


class SocialPartners(Clause):
    status: Strength = Field(default="silent", description="How firmly the agreement involves employers' and workers' organizations.")
    employers_organizations: list[Stage] = Field(
        default_factory=list, description="Stages employers' organizations take part in: negotiation, implementation, monitoring."
    )
    workers_organizations: list[Stage] = Field(
        default_factory=list, description="Stages workers' organizations take part in: negotiation, implementation, monitoring."
    )


class Governance(Strict):
    """How the agreement is run, monitored and reviewed."""

    competent_authorities_designated: Provision = governs("Competent authorities or focal points are designated on each side.")
    joint_committee: JointCommittee = Field(
        default_factory=JointCommittee, description="Joint committee or working group.", json_schema_extra={"x-orientation": "governance"}
    )
    social_partners: SocialPartners = Field(
        default_factory=SocialPartners,
        description="Involvement of employers' and workers' organizations.",
        json_schema_extra={"x-orientation": "governance"},
    )
    civil_society: Provision = governs("Civil society or migrant organizations take part.")
    monitoring_and_evaluation: Provision = governs("Monitoring and evaluation: indicators, periodic joint reviews, reports.")
    sex_disaggregated_data: Provision = governs("Exchange of data disaggregated by sex.")
    data_exchange: Provision = governs("Data on flows, recruitment costs and complaints are collected and exchanged, with data protection.")
    dispute_settlement_between_parties: Provision = governs("Settlement of disputes between the parties on interpretation or implementation.")
    resources: Provision = governs("Resources (budget, staff) for implementation.")
    review_before_renewal: Provision = governs("A joint review before renewal.")


# --------------------------------------------------------------------------- control measures


class ControlMeasures(Strict):
    """Measures that regulate and control flows rather than protect workers."""

    return_of_irregular_migrants: ReturnOfIrregularMigrants = controls(
        "Return or readmission of migrant workers in an irregular situation.", ReturnOfIrregularMigrants
    )
    quotas_tied_to_returns: Provision = controls("Admissions or quotas depend on the return of workers in an irregular situation.")
    worker_bonds_or_deposits: WorkerCharge = controls("Bonds or deposits required from workers.", WorkerCharge)
    employer_bonds_or_deposits: Provision = controls("Bonds or deposits required from employers.")
    employer_sanctions: Provision = controls("Sanctions on employers of workers in an irregular situation.")
    border_and_document_control: Provision = controls("Cooperation on border control, document security and verification.")
    worker_obligations: Provision = controls("Duties imposed on workers (obedience, not to leave the employer) without matching rights.")


# --------------------------------------------------------------------------- the agreement


class Agreement(Strict):
    """One bilateral labour migration agreement or MOU, encoded for assessment."""

    format: Literal["moukit-agreement/1.0"] = Field(
        default="moukit-agreement/1.0", description="Version of the agreement format."
    )
    about: About = Field(description="Whether this encodes a real, cited text or is illustrative.")
    identity: Identity
    scope: Scope = Field(default_factory=Scope)
    standards: Standards = Field(default_factory=Standards)
    admission: Admission = Field(default_factory=Admission)
    recruitment: Recruitment = Field(default_factory=Recruitment)
    employment_contract: EmploymentContract = Field(default_factory=EmploymentContract)
    protection: Protection = Field(default_factory=Protection)
    return_and_development: ReturnAndDevelopment = Field(default_factory=ReturnAndDevelopment)
    governance: Governance = Field(default_factory=Governance)
    control_measures: ControlMeasures = Field(default_factory=ControlMeasures)


__all__ = ["AGREEMENT_FORMAT", "Agreement", "Strength"]
