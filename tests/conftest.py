"""Shared fixtures, and the collector of worked examples (tests/criteria/*.yaml).

Each worked example gives an agreement fragment and the outcome a criterion must give for it,
in the spirit of OpenFisca's YAML tests. The fragment is merged onto a minimal valid agreement
(tests/criteria/_base.yaml), so it only states what the example is about.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from worked_examples import WorkedExampleFile

ROOT = Path(__file__).resolve().parent.parent


def pytest_collect_file(parent: pytest.Collector, file_path: Path):  # type: ignore[no-untyped-def]
    if file_path.suffix == ".yaml" and file_path.parent.name == "criteria" and not file_path.name.startswith("_"):
        return WorkedExampleFile.from_parent(parent, path=file_path)
    return None


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return ROOT / "examples"


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the test run's parsed-checklist and template caches out of the user's ~/.cache."""
    import os

    os.environ["MOUKIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("moukit-cache"))
