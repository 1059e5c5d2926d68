"""Load an agreement file into a validated :class:`~toolkit.model.Agreement`.

The first step of the chain file -> model -> findings -> scores -> output. Every problem is
reported with the file, the line and the field path, all at once, so a user can fix a file in
one pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from pydantic import ValidationError

from .errors import InvalidAgreement, Problem
from .model import Agreement
from .yamlio import YAMLReadError, load_text, problems_from_validation, read_source


@dataclass(frozen=True)
class LoadedAgreement:
    """An agreement with where it came from: the file name and a hash of its bytes."""

    agreement: Agreement
    source: str
    sha256: str


def parse_agreement(data: Any, source: str, located: Callable[[], Any] | None = None) -> Agreement:
    """Validate already-parsed YAML/JSON data; raise :class:`InvalidAgreement` with located problems.

    ``located`` returns the same document read with positions; it is called only on error.
    """
    if not isinstance(data, dict):
        kind = "empty" if data is None else "a list" if isinstance(data, list) else f"a single value ({data!r})"
        raise InvalidAgreement([Problem(source, 1, 1, "", f"an agreement must be a mapping of fields, not {kind}")])
    try:
        return Agreement.model_validate(data)
    except ValidationError as exc:
        raise InvalidAgreement(problems_from_validation(exc, located() if located else data, source)) from None


def load_agreement(path: str | Path) -> LoadedAgreement:
    """Read, parse and validate an agreement file (YAML or JSON).

    Raises :class:`~toolkit.errors.InvalidAgreement` listing every problem as
    ``file:line:column: field.path: message``.
    """
    path = Path(path)
    try:
        text, digest = read_source(path)
        data = load_text(text, str(path))
    except YAMLReadError as exc:
        raise InvalidAgreement([exc.problem]) from None
    agreement = parse_agreement(data, str(path), lambda: load_text(text, str(path), positions=True))
    return LoadedAgreement(agreement, path.name, digest)


def agreement_from_text(text: str, source: str = "<text>") -> Agreement:
    """Parse and validate agreement text (YAML or JSON); for notebooks and web apps."""
    try:
        data = load_text(text, source)
    except YAMLReadError as exc:
        raise InvalidAgreement([exc.problem]) from None
    return parse_agreement(data, source, lambda: load_text(text, source, positions=True))
