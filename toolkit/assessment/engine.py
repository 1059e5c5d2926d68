"""Apply checklists to an agreement: model -> findings -> scores.

The engine knows nothing about particular criteria; everything specific lives in the checklist
YAML. For each criterion it tries the rule parts in a fixed order (not_applicable, red_flag, met,
partly_met; otherwise not met), records the trace of each part tried and the evidence of every
field the rule looks at, then scores per group, per checklist and overall.
"""

from __future__ import annotations

from .._version import __version__
from ..agreements import LoadedAgreement
from ..checklist.fields import all_clause_paths, clause_at, is_recorded, value_at
from ..checklist.load import check_profile_ids, load_checklists, load_sources
from ..checklist.model import RULE_PARTS, Checklist, Criterion, Profile
from ..codes import country_name
from ..model import Agreement
from . import method
from .findings import (
    AgreementSummary,
    Balance,
    ChecklistScore,
    Citation,
    Counts,
    Evidence,
    Finding,
    Findings,
    Gap,
    GroupScore,
    Overall,
    PartySummary,
    ProfileSummary,
    RedFlag,
    RulePart,
)



def assess(
    agreement: LoadedAgreement | Agreement,
    checklists: list[Checklist] | None = None,
    profile: Profile | None = None,
) -> Findings:
    """Assess an agreement against checklists (default: the profile's, else the shipped ones).

    Deterministic: the same agreement, checklists and profile always give the same findings.
    """
    if isinstance(agreement, LoadedAgreement):
        loaded = agreement
    else:
        loaded = LoadedAgreement(agreement, "<memory>", "")
    if checklists is None:
        checklists = load_checklists(profile.checklists if profile else None)
    weights = dict(method.WEIGHT_VALUES)
    overrides: dict[str, str] = {}
    excluded: set[str] = set()
    if profile is not None:
        check_profile_ids(profile, checklists)
        weights.update(profile.weight_values)
        overrides = {cid: o.weight for cid, o in profile.criteria.items() if o.weight}
        excluded = set(profile.exclude)

    doc = loaded.agreement
    findings = [
        _finding(doc, checklist, criterion, weights[overrides.get(criterion.id, criterion.weight)], overrides)
        for checklist in checklists
        for criterion in checklist.criteria
        if criterion.id not in excluded
    ]
    red_flags = _red_flags(findings, {c.id: c for cl in checklists for c in cl.criteria})
    return Findings(
        toolkit_version=__version__,
        agreement=_summary(loaded),
        checklists=[_checklist_score(c, findings) for c in checklists],
        profile=(
            ProfileSummary(id=profile.id, title=profile.title, overrides=overrides, excluded=sorted(excluded))
            if profile
            else None
        ),
        method=method.describe(weights),
        overall=_overall(findings, len(red_flags)),
        red_flags=red_flags,
        balance=balance(doc),
        groups=[_group_score(c, g.id, g.title, findings) for c in checklists for g in c.groups],
        gaps=_gaps(findings, red_flags),
        findings=findings,
    )


def _finding(doc: Agreement, checklist: Checklist, criterion: Criterion, weight: float, overrides: dict[str, str]) -> Finding:
    parts: list[RulePart] = []
    outcome, flagged = "not_met", False
    for part in RULE_PARTS:
        rule = criterion.rules.get(part)
        if rule is None:
            continue
        trace = rule.evaluate(doc)
        parts.append(RulePart(part=part, result=trace.result, trace=trace.to_dict()))
        if trace.result:
            outcome = {"not_applicable": "not_applicable", "red_flag": "not_met"}.get(part, part)
            flagged = part == "red_flag"
            break
    applicable = outcome != "not_applicable"
    fraction = method.OUTCOME_FRACTIONS.get(outcome, 0.0)
    return Finding(
        criterion=criterion.id,
        checklist=checklist.id,
        group=criterion.group,
        title=criterion.title,
        question=criterion.question,
        weight_class=overrides.get(criterion.id, criterion.weight),
        weight=weight,
        outcome=outcome,
        red_flag=flagged,
        red_flag_label=criterion.red_flag if flagged else None,
        points=round(weight * fraction, 4) if applicable else 0.0,
        max_points=weight if applicable else 0.0,
        evidence=_evidence(doc, criterion),
        trace=parts,
        sources=_citations(criterion),
        rationale=criterion.rationale,
        recommendation=criterion.recommendation,
        model_clause=criterion.model_clause,
    )


def _red_flags(findings: list[Finding], criteria: dict[str, Criterion]) -> list[RedFlag]:
    """One red flag per harmful clause: checklists that flag the same fields are merged."""
    merged: dict[tuple[str, ...], RedFlag] = {}
    for f in findings:
        if not f.red_flag:
            continue
        rule = criteria[f.criterion].rules["red_flag"]
        fields = tuple(sorted({info.clause_path or info.path for info in rule.fields()}))
        if fields in merged:
            merged[fields].criteria.append(f.criterion)
            continue
        evidence = [e for e in f.evidence if e.field in fields]
        merged[fields] = RedFlag(label=f.red_flag_label or f.title, criteria=[f.criterion], fields=list(fields), evidence=evidence)
    return list(merged.values())


def _evidence(doc: Agreement, criterion: Criterion) -> list[Evidence]:
    """The evidence of every field the criterion's rules look at, once per clause, in rule order."""
    out: list[Evidence] = []
    seen: set[str] = set()
    for part in RULE_PARTS:
        rule = criterion.rules.get(part)
        if rule is None:
            continue
        for info in rule.fields():
            key = info.clause_path or info.path
            if key in seen:
                continue
            seen.add(key)
            clause = clause_at(doc, info.clause_path)
            value = value_at(doc, key)
            if clause is not None:
                out.append(
                    Evidence(
                        field=key,
                        value=value,
                        article=clause.article,
                        quote=clause.quote,
                        silent=clause.is_silent and not clause.has_evidence,
                        suggested=clause.suggested,
                    )
                )
            else:
                out.append(Evidence(field=key, value=_plain(value), silent=not is_recorded(value)))
    return out


def _plain(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return list(value)
    return value


def _citations(criterion: Criterion) -> list[Citation]:
    register = load_sources()
    out = []
    for s in criterion.sources:
        doc = register.get(s.doc)
        assert doc is not None  # checked when the checklist was loaded
        out.append(Citation(doc=s.doc, short=doc.short, title=doc.title, ref=s.ref, certainty=s.certainty))
    return out


def _counts(findings: list[Finding]) -> Counts:
    counts = Counts()
    for f in findings:
        setattr(counts, f.outcome, getattr(counts, f.outcome) + 1)
    return counts


def _index(findings: list[Finding]) -> tuple[float | None, float, float]:
    points = sum(f.points for f in findings)
    maximum = sum(f.max_points for f in findings)
    if maximum == 0:
        return None, points, maximum
    return round(100 * points / maximum, 1), round(points, 4), round(maximum, 4)


def _group_score(checklist: Checklist, group_id: str, title: str, findings: list[Finding]) -> GroupScore:
    mine = [f for f in findings if f.checklist == checklist.id and f.group == group_id]
    score, points, maximum = _index(mine)
    return GroupScore(
        checklist=checklist.id, group=group_id, title=title, score=score, points=points, max_points=maximum, counts=_counts(mine)
    )


def _checklist_score(checklist: Checklist, findings: list[Finding]) -> ChecklistScore:
    mine = [f for f in findings if f.checklist == checklist.id]
    return ChecklistScore(
        id=checklist.id,
        version=checklist.version,
        title=checklist.title,
        sha256=checklist.sha256,
        index=_index(mine)[0],
        counts=_counts(mine),
    )


def _overall(findings: list[Finding], red_flags: int) -> Overall:
    index = _index(findings)[0]
    counts = _counts(findings)
    if index is None:
        return Overall(
            counts=counts, index=None, grade=None, grade_label=None, grade_uncapped=None, capped_by_red_flags=False, red_flags=red_flags
        )
    uncapped = method.grade_for(index).grade
    cap = method.cap_for(red_flags)
    grade = method.worse(uncapped, cap) if cap else uncapped
    label = next(b.label for b in method.GRADE_BANDS if b.grade == grade)
    return Overall(
        counts=counts,
        index=index,
        grade=grade,
        grade_label=label,
        grade_uncapped=uncapped,
        capped_by_red_flags=grade != uncapped,
        red_flags=red_flags,
    )


def _gaps(findings: list[Finding], red_flags: list[RedFlag]) -> list[Gap]:
    """Criteria not fully met, most important first: red flags, then weight, then points lost.

    Criteria of several checklists that flag the same clause make one gap, so the first places
    of the list are not spent on one clause.
    """
    position = {f.criterion: i for i, f in enumerate(findings)}
    same_flag = {cid: flag.criteria for flag in red_flags for cid in flag.criteria}
    ordered = [f for f in findings if f.outcome in ("not_met", "partly_met")]
    ordered.sort(key=lambda f: (not f.red_flag, -f.weight, -(f.max_points - f.points), position[f.criterion]))
    gaps: list[Gap] = []
    placed: set[str] = set()
    for f in ordered:
        if f.criterion in placed:
            continue
        others = [c for c in same_flag.get(f.criterion, []) if c != f.criterion] if f.red_flag else []
        placed.update(others)
        gaps.append(
            Gap(
                criterion=f.criterion,
                title=f.red_flag_label or f.title if f.red_flag else f.title,
                outcome=f.outcome,
                red_flag=f.red_flag,
                weight_class=f.weight_class,
                points_lost=round(f.max_points - f.points, 4),
                also=others,
            )
        )
    return gaps


def balance(doc: Agreement) -> Balance:
    """Count what the text says: clauses that protect workers against clauses that control flows.

    A clause counts when it is not silent. A clause whose value harms workers (passports may be
    kept, workers pay fees) counts on the control side, whatever section it sits in.
    """
    protection: list[str] = []
    control: list[str] = []
    governance = 0
    for path, orientation in all_clause_paths():
        clause = clause_at(doc, path)
        if clause is None or clause.is_silent:
            continue
        status = getattr(clause, "status", "silent")
        if status in clause.HARMFUL:
            control.append(path)
        elif orientation == "protection":
            protection.append(path)
        elif orientation == "control":
            control.append(path)
        else:
            governance += 1
    total = len(protection) + len(control)
    share = round(100 * len(protection) / total, 1) if total else None
    thresholds = method.BALANCE_THRESHOLDS
    if share is None:
        verdict = "not-enough-text"
    elif share >= thresholds["protection_focused_at_least"]:
        verdict = "protection-focused"
    elif share < thresholds["control_focused_below"]:
        verdict = "control-focused"
    else:
        verdict = "balanced"
    return Balance(
        protection=len(protection),
        control=len(control),
        governance=governance,
        protection_share=share,
        verdict=verdict,
        protection_fields=protection,
        control_fields=control,
    )


def _party(party) -> PartySummary:  # type: ignore[no-untyped-def]
    return PartySummary(
        country=party.country,
        country_name=country_name(party.country) or party.country,
        name=party.name,
        name_lang=party.name_lang,
        competent_authority=party.competent_authority,
    )


def _summary(loaded: LoadedAgreement) -> AgreementSummary:
    doc = loaded.agreement
    ident = doc.identity
    return AgreementSummary(
        title=ident.title,
        short_title=ident.short_title,
        source_file=loaded.source,
        sha256=loaded.sha256,
        encoding=doc.about.encoding,
        cited_source=doc.about.source,
        origin=_party(ident.parties.origin),
        destination=_party(ident.parties.destination),
        kind=ident.kind,
        status=ident.status,
        signed=ident.dates.signed,
        entry_into_force=ident.dates.entry_into_force,
        expiry=ident.dates.expiry,
        languages=ident.languages,
    )
