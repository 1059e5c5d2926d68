"""The installed command works from any directory: checklists and templates ship inside the package."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _moukit() -> str:
    candidate = Path(sys.executable).parent / "moukit"
    found = str(candidate) if candidate.exists() else shutil.which("moukit")
    if not found:
        pytest.skip("moukit is not installed in this environment (pip install . first)")
    return found


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_score_every_example_from_another_directory(example: Path, tmp_path: Path) -> None:
    copy = tmp_path / example.name
    copy.write_bytes(example.read_bytes())
    result = subprocess.run([_moukit(), "score", copy.name], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Overall index:" in result.stdout
    assert "Traceback" not in result.stderr


def test_checklists_ship_with_the_command(tmp_path: Path) -> None:
    result = subprocess.run([_moukit(), "checklists"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for checklist in ("ilo-mlf", "fair-recruitment", "domestic-workers", "r86-model-agreement"):
        assert checklist in result.stdout
