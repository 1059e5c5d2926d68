"""What a field path in a rule points at, worked out from the agreement models.

Rules name fields such as ``protection.passport_retention``. Before any agreement is assessed,
each path is checked against the pydantic models so that a typo in a checklist is refused at
load time, and each compared value is checked against the values the field can take.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel

from ..model import Agreement, Clause
from ..model.clauses import STRENGTH_ORDER
from ..model.introspect import strip_optional


@dataclass(frozen=True)
class FieldInfo:
    """The kind of value found at a path: ``choice``, ``number``, ``bool``, ``text``, ``list`` or ``clause``."""

    path: str
    kind: str
    choices: tuple[str, ...] = ()
    ordinal: bool = False  # choices follow the silent < general < specific < enforced scale
    item_kind: str | None = None  # for lists: kind of the items
    description: str = ""
    clause_path: str | None = None  # the clause whose evidence backs this value, if any


class UnknownField(ValueError):
    pass


def _leaf(path: str, annotation: Any, description: str, clause_path: str | None) -> FieldInfo:
    annotation = strip_optional(annotation)
    origin = typing.get_origin(annotation)
    if origin is Literal:
        choices = tuple(str(a) for a in typing.get_args(annotation))
        ordinal = set(choices) == set(STRENGTH_ORDER)
        return FieldInfo(path, "choice", choices, ordinal, None, description, clause_path)
    if origin is list:
        (item,) = typing.get_args(annotation)
        item = strip_optional(item)
        if typing.get_origin(item) is Literal:
            choices = tuple(str(a) for a in typing.get_args(item))
            return FieldInfo(path, "list", choices, False, "choice", description, clause_path)
        return FieldInfo(path, "list", (), False, "text", description, clause_path)
    if annotation is bool:
        return FieldInfo(path, "bool", (), False, None, description, clause_path)
    if annotation in (int, float):
        return FieldInfo(path, "number", (), False, None, description, clause_path)
    return FieldInfo(path, "text", (), False, None, description, clause_path)


@lru_cache(maxsize=None)
def resolve(path: str) -> FieldInfo:
    """Return what ``path`` points at in the agreement model, or raise :class:`UnknownField`.

    A path that ends on a clause stands for the clause's ``status``.
    """
    model: type[BaseModel] = Agreement
    parts = path.split(".")
    clause_path: str | None = None
    description = ""
    for index, name in enumerate(parts):
        field = model.model_fields.get(name)
        if field is None:
            known = ", ".join(sorted(model.model_fields))
            where = ".".join(parts[:index]) or "the agreement"
            raise UnknownField(f"unknown field {path!r}: {where} has no field {name!r} (it has: {known})")
        description = field.description or description
        annotation = strip_optional(field.annotation)
        is_last = index == len(parts) - 1
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if issubclass(annotation, Clause):
                clause_path = ".".join(parts[: index + 1])
            if is_last:
                if issubclass(annotation, Clause):
                    status = annotation.model_fields["status"]
                    info = _leaf(path, status.annotation, description, clause_path)
                    return FieldInfo(path, info.kind, info.choices, info.ordinal, None, description, clause_path)
                raise UnknownField(f"field {path!r} is a group of fields; name one of them: {', '.join(annotation.model_fields)}")
            model = annotation
            continue
        if not is_last:
            raise UnknownField(f"unknown field {path!r}: {'.'.join(parts[: index + 1])} has no sub-fields")
        return _leaf(path, field.annotation, description, clause_path)
    raise UnknownField(f"unknown field {path!r}")  # pragma: no cover - loop always returns


def is_recorded(value: Any) -> bool:
    """Whether the agreement says something here: not None, empty, ``silent`` or false.

    A number is recorded even when it is 0 (a notice period of 0 months is a statement).
    """
    if value is None or value is False or value == "silent":
        return False
    if isinstance(value, (str, list, tuple)) and len(value) == 0:
        return False
    return True


def value_at(agreement: Agreement, path: str) -> Any:
    """The value at ``path`` in an agreement; a clause stands for its status."""
    node: Any = agreement
    for name in path.split("."):
        node = getattr(node, name)
    if isinstance(node, Clause):
        return node.status  # type: ignore[attr-defined]
    return node


def clause_at(agreement: Agreement, path: str | None) -> Clause | None:
    """The clause object at ``path`` (for its evidence), or None."""
    if path is None:
        return None
    node: Any = agreement
    for name in path.split("."):
        node = getattr(node, name)
    return node if isinstance(node, Clause) else None


def all_clause_paths() -> list[tuple[str, str]]:
    """Every clause in the model with its balance orientation, in model order."""
    found: list[tuple[str, str]] = []

    def walk(model: type[BaseModel], prefix: str, inherited: str | None) -> None:
        for name, field in model.model_fields.items():
            extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
            orientation = extra.get("x-orientation", inherited)
            annotation = strip_optional(field.annotation)
            path = f"{prefix}{name}"
            if isinstance(annotation, type) and issubclass(annotation, Clause):
                if orientation:
                    found.append((path, str(orientation)))
            elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
                walk(annotation, path + ".", orientation)

    walk(Agreement, "", None)
    return found


def all_field_paths() -> list[FieldInfo]:
    """Every path a rule may name, in model order, with its kind and allowed values."""
    out: list[FieldInfo] = []

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, field in model.model_fields.items():
            annotation = strip_optional(field.annotation)
            path = f"{prefix}{name}"
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                if issubclass(annotation, Clause):
                    out.append(resolve(path))
                    for sub in annotation.model_fields:
                        if sub not in ("status", "article", "quote", "note", "suggested"):
                            out.append(resolve(f"{path}.{sub}"))
                else:
                    walk(annotation, path + ".")
            else:
                out.append(resolve(path))

    walk(Agreement, "")
    return out
