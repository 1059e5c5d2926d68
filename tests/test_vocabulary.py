"""Everything moukit writes or ships uses the ILO's terms (see the seeds' terminology slide)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AVOID = {
    r"illegal (migrant|migration|worker)": "migrant workers in an irregular situation / irregular migration",
    r"(sending|receiving) (countr|state)": "countries of origin / destination",
    r"\bunskilled\b": "low-skilled",
    r"labou?r (export|import)": "labour migration",
    r"(exporting|importing) countr": "countries of origin / destination",
    r"(combat|fight)(ing)? (irregular|illegal)": "address / manage irregular migration",
}
FILES = sorted(
    p
    for pattern in ("checklists/**/*.yaml", "examples/*.yaml", "templates/**/*", "docs/*.md", "README.md", "toolkit/**/*.py")
    for p in ROOT.glob(pattern)
    if p.is_file() and p.suffix in (".yaml", ".md", ".py", ".j2", ".html", ".css")
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_ilo_vocabulary(path: Path) -> None:
    text = path.read_text(encoding="utf-8").lower()
    for pattern, instead in AVOID.items():
        match = re.search(pattern, text)
        # The vocabulary notes themselves name the terms to avoid.
        if match and "avoid" not in text[max(0, match.start() - 300) : match.start()]:
            pytest.fail(f"{path.relative_to(ROOT)} uses '{match.group(0)}'; the ILO's term is: {instead}")
