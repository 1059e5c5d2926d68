"""Turn an input file into findings: an agreement is loaded and assessed; a findings JSON is read as it is.

This module sits at the top of the chain, beside the CLI: it drives the stages below it
(file -> model -> findings) so that renderers only ever receive findings.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .agreements import load_agreement
from .assessment.engine import assess
from .assessment.findings import FINDINGS_FORMAT, Findings
from .checklist.model import Checklist, Profile
from .errors import InvalidAgreement, Problem
from .yamlio import YAMLReadError, load_file, problems_from_validation


def is_findings_document(data: Any) -> bool:
    """True for a mapping whose ``format`` names a moukit findings document."""
    return isinstance(data, dict) and str(data.get("format", "")).startswith("moukit-findings/")


def load_findings(path: str | Path, data: Any | None = None) -> Findings:
    """Read a findings JSON document (as written by ``moukit score --format json``)."""
    path = Path(path)
    if data is None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InvalidAgreement([Problem(str(path), None, None, "", f"not a findings JSON document: {exc}")]) from None
    if not isinstance(data, dict):
        raise InvalidAgreement([Problem(str(path), 1, 1, "", "a findings document must be a JSON object")])
    if data.get("format") != FINDINGS_FORMAT:
        raise InvalidAgreement(
            [
                Problem(
                    str(path),
                    None,
                    None,
                    "format",
                    f"findings format {data.get('format')!r} is not supported; this moukit reads {FINDINGS_FORMAT}",
                )
            ]
        )
    try:
        return Findings.model_validate(data)
    except ValidationError as exc:
        try:
            located = load_file(path, positions=True)
        except YAMLReadError:
            located = data
        raise InvalidAgreement(problems_from_validation(exc, located, str(path))) from None


def load_input(
    path: str | Path, checklists: list[Checklist] | None = None, profile: Profile | None = None
) -> tuple[Findings, bool]:
    """Findings for one input: an agreement file is assessed, a findings JSON is read as it is.

    Returns the findings and whether the input was already a findings document.
    """
    path = Path(path)
    if path.suffix.lower() == ".json" and path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            data = None
        if is_findings_document(data):
            return load_findings(path, data), True
    return assess(load_agreement(path), checklists, profile), False
