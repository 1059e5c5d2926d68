"""The terminal summary of a findings document: red flags first, then scores and the main gaps."""

from __future__ import annotations

import re
import textwrap

from ..assessment.findings import Findings

OUTCOME_WORDS = {
    "met": "met",
    "partly_met": "partly met",
    "not_met": "not met",
    "not_applicable": "not applicable",
}
KIND_WORDS = {
    "binding_agreement": "binding agreement",
    "mou": "MOU",
    "protocol": "protocol",
    "implementing_arrangement": "implementing arrangement",
}
BAR = 20


def _bar(score: float | None) -> str:
    if score is None:
        return "n/a".ljust(BAR)
    filled = round(score / 100 * BAR)
    return "#" * filled + "." * (BAR - filled)


# C0 and C1 control characters (and DEL): agreement text must not drive the user's terminal.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: object) -> str:
    """Untrusted text made safe for a terminal: control characters become U+FFFD."""
    return _CONTROL.sub("\ufffd", str(text))


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def summary(findings: Findings, *, gaps: int = 10, width: int = 100) -> str:
    """A readable plain-text summary (no colour codes, so it can be piped or saved)."""
    a = findings.agreement
    lines: list[str] = []
    add = lines.append
    add(a.title)
    add(
        f"{a.origin.country_name} (origin) -> {a.destination.country_name} (destination) | "
        f"{KIND_WORDS.get(a.kind, a.kind)} | {a.status.replace('_', ' ')}"
        + (" | illustrative text" if a.encoding == "illustrative" else "")
    )
    add("Checklists: " + ", ".join(f"{c.id} {c.version}" for c in findings.checklists))
    if findings.profile:
        add(f"Profile: {findings.profile.id} ({findings.profile.title})")
    add("")

    if findings.red_flags:
        add(f"RED FLAGS ({len(findings.red_flags)}): clauses that harm workers")
        for flag in findings.red_flags:
            add(f"  ! {flag.label}  [{', '.join(flag.criteria)}]")
            for ev in flag.evidence:
                if ev.silent:
                    continue
                where = ev.article or "no article given"
                quote = f': "{_clip(ev.quote, width - 20)}"' if ev.quote else ""
                add(f"      {where}{quote}")
    else:
        add("Red flags: none")
    add("")

    o = findings.overall
    if o.index is None:
        add("Overall index: not applicable (no criterion applies)")
    else:
        grade = f"grade {o.grade} ({o.grade_label})"
        if o.capped_by_red_flags:
            grade += f"; {o.grade_uncapped} before the red-flag cap"
        add(f"Overall index: {o.index:.1f} / 100, {grade}")
    b = findings.balance
    if b.protection_share is None:
        add("Protection vs control: the text records too little to tell")
    else:
        add(
            f"Protection vs control: {b.protection} protection clauses, {b.control} control clauses "
            f"-> {b.protection_share:.0f}% protection ({b.verdict.replace('-', ' ')})"
        )
    add("")

    add("Scores by principle or theme")
    for c in findings.checklists:
        index = "n/a" if c.index is None else f"{c.index:.1f}"
        add(f"  {c.title} ({c.id}): {index}")
        for g in findings.groups:
            if g.checklist != c.id:
                continue
            score = "  n/a" if g.score is None else f"{g.score:5.1f}"
            add(f"    {_bar(g.score)} {score}  {_clip(g.title, width - 36)}")
    add("")

    shown = findings.gaps[:gaps]
    if shown:
        add(f"Most important gaps ({len(shown)} of {len(findings.gaps)})")
        by_id = {f.criterion: f for f in findings.findings}
        for number, gap in enumerate(shown, 1):
            finding = by_id[gap.criterion]
            flag = "RED FLAG, " if gap.red_flag else ""
            ids = ", ".join([gap.criterion, *gap.also])
            add(f"  {number}. {gap.title} ({ids}) [{flag}{OUTCOME_WORDS[gap.outcome]}, {gap.weight_class.replace('_', ' ')}]")
            for line in textwrap.wrap(finding.recommendation, width - 7):
                add(f"       {line}")
        add("")
    counts = findings.overall.counts
    add("Outcomes: " + ", ".join(f"{OUTCOME_WORDS[k]} {getattr(counts, k)}" for k in OUTCOME_WORDS))
    add("Details: moukit score FILE --format json; why a criterion came out: moukit explain ID")
    return printable("\n".join(lines)) + "\n"
