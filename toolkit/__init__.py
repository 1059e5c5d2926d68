"""moukit: score bilateral labour migration agreements and MOUs against ILO standards.

The library is the product; the ``moukit`` command is a thin layer over these functions::

    import toolkit
    loaded = toolkit.load_agreement("examples/g2g-employment-permit-mou.yaml")
    findings = toolkit.assess(loaded)                 # the shipped checklists
    print(findings.overall.index, findings.overall.grade)
    findings.model_dump_json(indent=2)                # the versioned JSON document

Data flows one way: file -> validated model -> findings -> scores -> rendered output.
"""

from ._version import __version__
from .agreements import LoadedAgreement, agreement_from_text, load_agreement
from .assess.engine import assess
from .assess.findings import FINDINGS_FORMAT, Findings
from .checklist.load import DEFAULT_CHECKLISTS, find_checklist, load_checklist, load_checklists, load_profile
from .errors import InvalidAgreement, InvalidChecklist, MoukitError, Problem, UsageError
from .model import Agreement

__all__ = [
    "Agreement",
    "DEFAULT_CHECKLISTS",
    "FINDINGS_FORMAT",
    "Findings",
    "InvalidAgreement",
    "InvalidChecklist",
    "LoadedAgreement",
    "MoukitError",
    "Problem",
    "UsageError",
    "__version__",
    "agreement_from_text",
    "assess",
    "find_checklist",
    "load_agreement",
    "load_checklist",
    "load_checklists",
    "load_profile",
]
