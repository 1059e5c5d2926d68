"""Where the toolkit's own data lives: checklists and templates.

In a wheel they are installed inside the package (toolkit/checklists, toolkit/templates); in a
source checkout they sit at the top of the repository. Both layouts are looked up here and
nowhere else.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def asset_dir(name: str) -> Path:
    """The directory of bundled asset ``name`` ('checklists' or 'templates')."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"moukit is installed without its {name}/ directory (looked in {_PACKAGE})")


def checklists_dir() -> Path:
    return asset_dir("checklists")


def templates_dir() -> Path:
    return asset_dir("templates")
