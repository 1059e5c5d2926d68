"""The rule language: small declarative tests on agreement fields.

A rule is a YAML mapping. Leaves test one field::

    {field: protection.passport_retention, equals: prohibited}
    {field: protection.passport_retention, in: [permitted, permitted_with_consent]}
    {field: protection.freedom_of_association, at_least: specific}   # silent < general < specific < enforced
    {field: identity.duration_years, at_most: 5}
    {field: governance.joint_committee.members, contains: workers_organizations}
    {field: governance.joint_committee.members, contains_any: [civil_society, migrant_organizations]}
    {field: governance.joint_committee.meets_every_months, is_set: true}
    {count: employment_contract.minimum_terms.terms, at_least: 10}
    {count: admission.selection_channels, of: [public_employment_service, government_to_government], at_least: 1}
    {evidence: protection.passport_retention}                       # an article or quote is recorded

and ``all: [...]``, ``any: [...]`` and ``not: {...}`` combine them. Nothing is evaluated as
code. Every rule records a trace of which parts and fields decided it.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from ..model import Agreement
from ..model.clauses import STRENGTH_ORDER
from .fields import FieldInfo, UnknownField, clause_at, is_recorded, resolve, value_at

FIELD_OPERATORS = ("equals", "in", "at_least", "at_most", "contains", "contains_any", "contains_all", "is_set")
COUNT_OPERATORS = ("at_least", "at_most")
COMBINATORS = ("all", "any", "not")


class RuleError(ValueError):
    """A rule that cannot be used; ``loc`` is the path to the bad part inside the rule."""

    def __init__(self, message: str, loc: tuple[str | int, ...] = ()):
        self.loc = loc
        super().__init__(message)


@dataclass
class Trace:
    """How one part of a rule came out: the test in words, the value seen, the result."""

    test: str
    result: bool
    field: str | None = None
    value: Any = None
    children: list["Trace"] = dc_field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"test": self.test, "result": self.result}
        if self.field is not None:
            out["field"] = self.field
            out["value"] = self.value
        if self.children:
            out["children"] = [c.to_dict() for c in self.children]
        return out


class Rule:
    """A compiled rule node."""

    def evaluate(self, agreement: Agreement) -> Trace:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def fields(self) -> list[FieldInfo]:  # pragma: no cover - abstract
        raise NotImplementedError



def _fmt(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_fmt(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@dataclass
class Combine(Rule):
    op: str
    parts: list[Rule]

    def evaluate(self, agreement: Agreement) -> Trace:
        children = [p.evaluate(agreement) for p in self.parts]
        if self.op == "all":
            result = all(c.result for c in children)
        elif self.op == "any":
            result = any(c.result for c in children)
        else:
            result = not children[0].result
        return Trace(self.describe_short(), result, children=children)

    def describe_short(self) -> str:
        return {"all": "all of", "any": "any of", "not": "not"}[self.op]

    def describe(self) -> str:
        inner = [p.describe() for p in self.parts]
        if self.op == "not":
            return f"it is not the case that {inner[0]}"
        joiner = " and " if self.op == "all" else " or "
        return "(" + joiner.join(inner) + ")" if len(inner) > 1 else inner[0]

    def fields(self) -> list[FieldInfo]:
        return [f for p in self.parts for f in p.fields()]



@dataclass
class FieldTest(Rule):
    info: FieldInfo
    op: str
    expected: Any

    def evaluate(self, agreement: Agreement) -> Trace:
        value = value_at(agreement, self.info.path)
        return Trace(self.describe(), self._check(value), self.info.path, _jsonable(value))

    def _check(self, value: Any) -> bool:
        op, expected = self.op, self.expected
        if op == "equals":
            return value == expected
        if op == "in":
            return value in expected
        if op == "is_set":
            return is_recorded(value) is expected
        if op == "contains":
            return expected in (value or [])
        if op == "contains_any":
            return any(e in (value or []) for e in expected)
        if op == "contains_all":
            return all(e in (value or []) for e in expected)
        if value is None:
            return False
        if self.info.ordinal:
            value, expected = STRENGTH_ORDER[value], STRENGTH_ORDER[expected]
        return value >= expected if op == "at_least" else value <= expected

    def describe(self) -> str:
        path, e = self.info.path, self.expected
        words = {
            "equals": f"{path} is {_fmt(e)}",
            "in": f"{path} is one of: {_fmt(e)}",
            "at_least": f"{path} is at least {_fmt(e)}",
            "at_most": f"{path} is at most {_fmt(e)}",
            "contains": f"{path} includes {_fmt(e)}",
            "contains_any": f"{path} includes any of: {_fmt(e)}",
            "contains_all": f"{path} includes all of: {_fmt(e)}",
            "is_set": f"{path} is {'recorded' if e else 'not recorded'}",
        }
        return words[self.op]

    def fields(self) -> list[FieldInfo]:
        return [self.info]



@dataclass
class CountTest(Rule):
    info: FieldInfo
    op: str
    expected: int
    of: tuple[str, ...] | None

    def evaluate(self, agreement: Agreement) -> Trace:
        items = value_at(agreement, self.info.path) or []
        counted = [i for i in items if self.of is None or i in self.of]
        n = len(set(counted))
        result = n >= self.expected if self.op == "at_least" else n <= self.expected
        return Trace(self.describe(), result, self.info.path, {"count": n, "items": sorted(set(counted))})

    def describe(self) -> str:
        which = f" of: {_fmt(self.of)}" if self.of else ""
        if self.op == "at_most" and self.expected == 0:
            return f"{self.info.path} lists none{which}" if self.of else f"{self.info.path} is empty"
        bound = "at least" if self.op == "at_least" else "at most"
        noun = "item" if self.expected == 1 else "items"
        return f"{self.info.path} lists {bound} {self.expected} {noun}{which}"

    def fields(self) -> list[FieldInfo]:
        return [self.info]



@dataclass
class EvidenceTest(Rule):
    info: FieldInfo

    def evaluate(self, agreement: Agreement) -> Trace:
        clause = clause_at(agreement, self.info.clause_path)
        result = bool(clause and clause.has_evidence)
        shown = {"article": clause.article, "quote": clause.quote} if clause else None
        return Trace(self.describe(), result, self.info.path, shown)

    def describe(self) -> str:
        return f"{self.info.path} cites an article or quotes the text"

    def fields(self) -> list[FieldInfo]:
        return [self.info]



def _jsonable(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


# --------------------------------------------------------------------------- compiling


def compile_rule(node: Any, loc: tuple[str | int, ...] = ()) -> Rule:
    """Check a rule as written in YAML and turn it into an evaluable :class:`Rule`.

    Raises :class:`RuleError` with the location of the offending part.
    """
    if not isinstance(node, dict) or not node:
        raise RuleError("a rule must be a mapping such as {field: ..., equals: ...} or {all: [...]}", loc)
    keys = set(node)
    combinators = keys & set(COMBINATORS)
    if combinators:
        if len(keys) != 1:
            raise RuleError(f"'{next(iter(combinators))}' must stand alone in its mapping; found also: {', '.join(sorted(keys - combinators))}", loc)
        (op,) = keys
        inner = node[op]
        if op == "not":
            return Combine("not", [compile_rule(inner, loc + ("not",))])
        if not isinstance(inner, list) or not inner:
            raise RuleError(f"'{op}' takes a non-empty list of rules", loc + (op,))
        return Combine(op, [compile_rule(part, loc + (op, i)) for i, part in enumerate(inner)])
    if "field" in keys:
        return _compile_field(node, loc)
    if "count" in keys:
        return _compile_count(node, loc)
    if "evidence" in keys:
        if len(keys) != 1:
            raise RuleError("'evidence' takes only a field path", loc)
        info = _resolve(node["evidence"], loc + ("evidence",))
        if info.clause_path is None:
            raise RuleError(f"'evidence' needs a clause field; {info.path} records no article or quote", loc + ("evidence",))
        return EvidenceTest(info)
    raise RuleError(
        f"unknown rule operator {', '.join(sorted(map(str, keys)))!s}; use field (with {', '.join(FIELD_OPERATORS)}), count, evidence, all, any or not",
        loc,
    )


def _resolve(path: Any, loc: tuple[str | int, ...]) -> FieldInfo:
    if not isinstance(path, str):
        raise RuleError("a field path must be text such as protection.passport_retention", loc)
    try:
        return resolve(path)
    except UnknownField as exc:
        raise RuleError(str(exc), loc) from None


def _compile_field(node: dict[str, Any], loc: tuple[str | int, ...]) -> FieldTest:
    info = _resolve(node["field"], loc + ("field",))
    ops = [k for k in node if k != "field"]
    unknown = [k for k in ops if k not in FIELD_OPERATORS]
    if unknown:
        raise RuleError(f"unknown rule operator {unknown[0]!r}; a field test takes one of: {', '.join(FIELD_OPERATORS)}", loc + (unknown[0],))
    if len(ops) != 1:
        raise RuleError(f"a field test takes exactly one operator ({', '.join(FIELD_OPERATORS)}); found {len(ops)}", loc)
    op = ops[0]
    expected = node[op]
    where = loc + (op,)
    if op == "is_set":
        if not isinstance(expected, bool):
            raise RuleError("is_set takes true or false", where)
        return FieldTest(info, op, expected)
    if op in ("contains", "contains_any", "contains_all"):
        if info.kind != "list":
            raise RuleError(f"{op} applies to lists; {info.path} is a {info.kind}", where)
        values = [expected] if op == "contains" else expected
        if not isinstance(values, list) or not values:
            raise RuleError(f"{op} takes a non-empty list of values", where)
        _check_choices(info, values, where)
        return FieldTest(info, op, expected if op == "contains" else tuple(values))
    if info.kind == "list":
        raise RuleError(f"{info.path} is a list; use contains, contains_any, contains_all or count", where)
    if op == "in":
        if not isinstance(expected, list) or not expected:
            raise RuleError("in takes a non-empty list of values", where)
        _check_choices(info, expected, where)
        return FieldTest(info, op, tuple(expected))
    if op in ("at_least", "at_most"):
        if info.ordinal:
            _check_choices(info, [expected], where)
        elif info.kind == "number":
            if isinstance(expected, bool) or not isinstance(expected, (int, float)):
                raise RuleError(f"{op} on {info.path} takes a number", where)
        else:
            raise RuleError(
                f"{op} applies to numbers and to the silent < general < specific < enforced scale; {info.path} is neither", where
            )
        return FieldTest(info, op, expected)
    # equals
    if info.kind == "bool" and not isinstance(expected, bool):
        raise RuleError(f"{info.path} is true or false", where)
    if info.kind == "number" and (isinstance(expected, bool) or not isinstance(expected, (int, float))):
        raise RuleError(f"{info.path} is a number", where)
    _check_choices(info, [expected], where)
    return FieldTest(info, op, expected)


def _check_choices(info: FieldInfo, values: list[Any], loc: tuple[str | int, ...]) -> None:
    if not info.choices:
        return
    for value in values:
        if value not in info.choices:
            raise RuleError(f"{value!r} is not a value of {info.path}; it takes: {', '.join(info.choices)}", loc)


def _compile_count(node: dict[str, Any], loc: tuple[str | int, ...]) -> CountTest:
    info = _resolve(node["count"], loc + ("count",))
    if info.kind != "list":
        raise RuleError(f"count applies to lists; {info.path} is a {info.kind}", loc + ("count",))
    extra = set(node) - {"count", "of", *COUNT_OPERATORS}
    if extra:
        key = sorted(extra)[0]
        raise RuleError(f"unknown rule operator {key!r}; count takes at_least or at_most, and optionally of", loc + (key,))
    ops = [k for k in COUNT_OPERATORS if k in node]
    if len(ops) != 1:
        raise RuleError("count takes exactly one of at_least or at_most", loc)
    bound = node[ops[0]]
    if isinstance(bound, bool) or not isinstance(bound, int) or bound < 0:
        raise RuleError(f"{ops[0]} takes a whole number of items", loc + (ops[0],))
    of = node.get("of")
    if of is not None:
        if not isinstance(of, list) or not of:
            raise RuleError("of takes a non-empty list of values", loc + ("of",))
        _check_choices(info, of, loc + ("of",))
        of = tuple(of)
    return CountTest(info, ops[0], bound, of)


ALL_OPERATORS = frozenset(COMBINATORS + FIELD_OPERATORS + ("count", "evidence"))
