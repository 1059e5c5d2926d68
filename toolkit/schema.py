"""Formats exported from the pydantic models: the JSON Schema and the annotated template.

Both are generated, never written by hand, so they cannot drift from the models.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from .model.introspect import choices as _choices
from .model.introspect import submodel as _model_type
from .model import AGREEMENT_FORMAT, Agreement, Clause

SCHEMA_ID = "https://moukit.invalid/schema/agreement-1.0.json"


def agreement_schema() -> dict[str, Any]:
    """The JSON Schema of the agreement format, as draft-07 (what YAML editors' language server reads)."""
    schema = Agreement.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    out: dict[str, Any] = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "moukit agreement",
        "description": (Agreement.__doc__ or "").strip(),
    }
    out.update(schema)
    out["definitions"] = definitions
    _allow_status_shorthand(out)
    _describe_references(out)
    return out


def _describe_references(schema: dict[str, Any]) -> None:
    """Give every property that refers to a definition that definition's description.

    Draft-07 ignores keywords beside a bare `$ref`, so the reference goes inside `allOf` and the
    description beside it, where editors show it as a hover.
    """
    definitions = schema["definitions"]
    for definition in [schema, *definitions.values()]:
        for prop in definition.get("properties", {}).values():
            ref = prop.get("$ref") or next((a["$ref"] for a in prop.get("anyOf", []) if "$ref" in a), None)
            if ref is None:
                continue
            target = definitions.get(ref.rsplit("/", 1)[-1], {})
            if "description" not in prop and target.get("description"):
                prop["description"] = target["description"]
            if "$ref" in prop and len(prop) > 1:
                prop["allOf"] = [{"$ref": prop.pop("$ref")}]


def _clause_statuses() -> dict[str, list[str]]:
    """Definition name -> the status values of every clause model."""
    found: dict[str, list[str]] = {}

    def walk(model: type[BaseModel]) -> None:
        for field in model.model_fields.values():
            sub = _model_type(field)
            if sub is None:
                continue
            if issubclass(sub, Clause):
                found[sub.__name__] = _choices(sub.model_fields["status"].annotation)
            else:
                walk(sub)

    walk(Agreement)
    return found


def _allow_status_shorthand(schema: dict[str, Any]) -> None:
    """Let editors accept `passport_retention: prohibited`, as the models do, for `{status: prohibited}`."""
    statuses = _clause_statuses()
    for definition in [schema, *schema["definitions"].values()]:
        for prop in definition.get("properties", {}).values():
            ref = prop.get("$ref", "")
            name = ref.rsplit("/", 1)[-1]
            if name not in statuses:
                continue
            del prop["$ref"]
            prop["anyOf"] = [
                {"$ref": ref},
                {"type": "string", "enum": statuses[name], "description": "Short for {status: VALUE}, with no evidence."},
            ]


def agreement_schema_json() -> str:
    return json.dumps(agreement_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


# --------------------------------------------------------------------------- annotated template

HEADER = """\
# yaml-language-server: $schema=agreement.schema.json
# An agreement to assess with moukit. Fill in what the agreement says, clause by clause.
#
# - Leave a point `silent` when the agreement says nothing about it: never guess.
# - For each point the agreement addresses, set `status`, give the `article` (e.g. "Art. 7(2)")
#   and `quote` the words of the text, so every finding can cite its evidence.
# - Strength scale used by most points: silent | general | specific | enforced | contrary.
# - Fields marked REQUIRED must be filled before `moukit validate` accepts the file.
# - `moukit schema > agreement.schema.json` next to this file turns on completion in editors.
"""


def _comment(text: str, indent: str, width: int = 96) -> list[str]:
    import textwrap

    return [f"{indent}# {line}" for line in textwrap.wrap(text, width - len(indent) - 2)] or []


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return " true" if value else " false"
    if isinstance(value, (int, float)):
        return f" {value}"
    if isinstance(value, list):
        return " []"
    return " " + json.dumps(value, ensure_ascii=False)


def _first_line(text: str | None) -> str:
    lines = (text or "").strip().splitlines()
    return lines[0] if lines else ""


def _lines(model: type[BaseModel], indent: str) -> list[str]:
    out: list[str] = []
    for name, field in model.model_fields.items():
        if name == "format":
            out.append(f'{indent}format: "{AGREEMENT_FORMAT}"')
            continue
        sub = _model_type(field)
        required = field.is_required()
        description = field.description or _first_line(sub.__doc__ if sub else None)
        if description:
            out.extend(_comment(("REQUIRED. " if required else "") + description, indent))
        if sub is not None and issubclass(sub, Clause):
            out.append(f"{indent}{name}:")
            # status first: it is what the assessor decides; article and quote back it up.
            ordered = sorted(sub.model_fields.items(), key=lambda item: item[0] != "status")
            for cname, cfield in ordered:
                if cname in ("note", "suggested"):
                    continue
                choices = _choices(cfield.annotation)
                if cname == "status":
                    out.append(f"{indent}  status: silent  # {' | '.join(choices)}")
                    continue
                hint = f"  # {' | '.join(choices)}" if choices and cname not in ("article", "quote") else ""
                default = cfield.get_default(call_default_factory=True)
                out.append(f"{indent}  {cname}:{_scalar(default)}{hint}")
        elif sub is not None:
            out.append(f"{indent}{name}:")
            out.extend(_lines(sub, indent + "  "))
        else:
            choices = _choices(field.annotation)
            hint = f"  # {' | '.join(choices)}" if choices else ""
            default = None
            if not required:
                default = field.get_default(call_default_factory=True)
            out.append(f"{indent}{name}:{_scalar(default)}{hint}")
    return out


def annotated_template() -> str:
    """A complete agreement file to fill in, every field with its description as a comment."""
    return HEADER + "\n" + "\n".join(_lines(Agreement, "")) + "\n"
