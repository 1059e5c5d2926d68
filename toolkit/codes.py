"""ISO 3166-1 country codes and ISO 639 language codes, with their English names.

The data is pycountry's (its JSON files), read directly: pycountry's own lookup builds an object
for each of some 8,000 languages on first use, 35 ms on every command, where a dictionary of
codes and names read from the same file takes 7 ms. pycountry stays the dependency that keeps
the lists current.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path


@lru_cache(maxsize=None)
def _database(name: str) -> list[dict[str, str]]:
    spec = find_spec("pycountry")
    if spec is None or spec.origin is None:  # pragma: no cover - pycountry is a dependency
        raise RuntimeError("moukit needs the pycountry package for ISO country and language codes")
    path = Path(spec.origin).parent / "databases" / f"{name}.json"
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    (entries,) = data.values()
    return entries


@lru_cache(maxsize=None)
def _countries() -> dict[str, str]:
    return {c["alpha_2"]: c.get("common_name") or c["name"] for c in _database("iso3166-1")}


@lru_cache(maxsize=None)
def _languages() -> dict[str, str]:
    names: dict[str, str] = {}
    for lang in _database("iso639-3"):
        names[lang["alpha_3"]] = lang["name"]
        if "alpha_2" in lang:
            names[lang["alpha_2"]] = lang["name"]
    return names


def country_name(alpha_2: str) -> str | None:
    """The English short name of an ISO 3166-1 alpha-2 code (upper case), or None if there is no such code."""
    return _countries().get(alpha_2)


def language_name(code: str) -> str | None:
    """The English name of an ISO 639-1 (two-letter) or 639-3 (three-letter) code, lower case; None if unknown."""
    return _languages().get(code)
