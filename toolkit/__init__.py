"""moukit: score bilateral labour migration agreements and MOUs against ILO standards.

The library is the product; the ``moukit`` command is a thin layer over these functions::

    import toolkit
    loaded = toolkit.load_agreement("examples/g2g-employment-permit-mou.yaml")
    findings = toolkit.assess(loaded)                 # the shipped checklists
    print(findings.overall.index, findings.overall.grade)
    findings.model_dump_json(indent=2)                # the versioned JSON document

Data flows one way: file -> validated model -> findings -> scores -> rendered output.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

# Public names and the module that defines each. They are imported on first use, so that
# `moukit --help` does not pay for pydantic, ruamel.yaml and the models.
_EXPORTS = {
    "Agreement": "toolkit.model",
    "LoadedAgreement": "toolkit.agreements",
    "agreement_from_text": "toolkit.agreements",
    "load_agreement": "toolkit.agreements",
    "assess": "toolkit.assessment.engine",
    "FINDINGS_FORMAT": "toolkit.assessment.findings",
    "Findings": "toolkit.assessment.findings",
    "DEFAULT_CHECKLISTS": "toolkit.checklist.load",
    "find_checklist": "toolkit.checklist.load",
    "load_checklist": "toolkit.checklist.load",
    "load_checklists": "toolkit.checklist.load",
    "load_profile": "toolkit.checklist.load",
    "InvalidAgreement": "toolkit.errors",
    "InvalidChecklist": "toolkit.errors",
    "MoukitError": "toolkit.errors",
    "Problem": "toolkit.errors",
    "UsageError": "toolkit.errors",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from .agreements import LoadedAgreement, agreement_from_text, load_agreement
    from .assessment.engine import assess
    from .assessment.findings import FINDINGS_FORMAT, Findings
    from .checklist.load import DEFAULT_CHECKLISTS, find_checklist, load_checklist, load_checklists, load_profile
    from .errors import InvalidAgreement, InvalidChecklist, MoukitError, Problem, UsageError
    from .model import Agreement
