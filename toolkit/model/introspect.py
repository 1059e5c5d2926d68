"""Reading the agreement models' own type annotations: shared by the rule checker and the format exports."""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, Union

from pydantic import BaseModel
from pydantic.fields import FieldInfo


def strip_optional(annotation: Any) -> Any:
    """``X | None`` -> ``X``; anything else unchanged."""
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def choices(annotation: Any) -> list[str]:
    """The values of a ``Literal`` (or a list of one), else an empty list."""
    annotation = strip_optional(annotation)
    if typing.get_origin(annotation) is list:
        annotation = strip_optional(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) is Literal:
        return [str(a) for a in typing.get_args(annotation)]
    return []


def submodel(field: FieldInfo) -> type[BaseModel] | None:
    """The model a field holds, when it holds one."""
    annotation = strip_optional(field.annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None
