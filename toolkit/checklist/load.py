"""Load checklists, the source register and profiles, refusing any that cannot be applied.

A checklist is refused, with the checklist, the criterion and the line named, when a rule names
a field the agreement model does not have, uses an unknown operator or compares with a value the
field cannot take; when an id repeats; or when a criterion cites a document that is not in the
source register.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..assets import checklists_dir
from ..errors import InvalidChecklist, Problem, UsageError
from ..yamlio import (
    YAMLReadError,
    dotted,
    load_file,
    load_text,
    load_text_remembered,
    position,
    problems_from_validation,
    read_source,
)
from .model import RULE_PARTS, Checklist, Profile, SourceRegister
from .rules import RuleError, compile_rule

SOURCES_FILE = "sources.yaml"


def _read(path: Path, positions: bool = False) -> Any:
    try:
        return load_file(path, positions=positions)
    except YAMLReadError as exc:
        raise InvalidChecklist([exc.problem]) from None


@lru_cache(maxsize=None)
def load_sources(path: str | None = None) -> SourceRegister:
    """The register of source documents criteria may cite (checklists/sources.yaml)."""
    file = Path(path) if path else checklists_dir() / SOURCES_FILE
    data = _read(file)
    try:
        return SourceRegister.model_validate(data)
    except ValidationError as exc:
        raise InvalidChecklist(problems_from_validation(exc, _read(file, True), str(file))) from None


def load_checklist(path: str | Path) -> Checklist:
    """Load one checklist file and compile its rules; raise :class:`InvalidChecklist` if unusable."""
    path = Path(path)
    source = str(path)
    try:
        text, digest = read_source(path)
        data = load_text_remembered(text, source, digest)
    except YAMLReadError as exc:
        raise InvalidChecklist([exc.problem]) from None

    def located() -> Any:
        return load_text(text, source, positions=True)

    if not isinstance(data, dict):
        raise InvalidChecklist([Problem(source, 1, 1, "", "a checklist must be a mapping with id, version, groups and criteria")])
    try:
        checklist = Checklist.model_validate(data)
    except ValidationError as exc:
        where = located()
        raise InvalidChecklist([_name_criterion(p, where) for p in problems_from_validation(exc, where, source)]) from None

    # Problems are gathered with their place in the file and located at the end, reading the
    # file again with positions only when there is something to report.
    found: list[tuple[tuple[str | int, ...], str, str]] = []
    register = load_sources()
    group_ids = [g.id for g in checklist.groups]
    seen: dict[str, int] = {}

    def problem(index: int, loc: tuple[str | int, ...], criterion_id: str, message: str) -> None:
        label = f"criterion {criterion_id}" + (f": {dotted(loc)}" if loc else "")
        found.append((("criteria", index) + loc, label, message))

    for g_index, group_id in enumerate(group_ids):
        if group_ids.index(group_id) != g_index:
            found.append((("groups", g_index, "id"), f"groups[{g_index}].id", f"group id {group_id!r} is used twice"))

    for index, criterion in enumerate(checklist.criteria):
        cid = criterion.id
        if cid in seen:
            problem(index, ("id",), cid, f"id {cid!r} is used twice (first at criteria[{seen[cid]}])")
        seen.setdefault(cid, index)
        if criterion.group not in group_ids:
            problem(index, ("group",), cid, f"unknown group {criterion.group!r}; the checklist's groups are: {', '.join(group_ids)}")
        for s_index, cited in enumerate(criterion.sources):
            if register.get(cited.doc) is None:
                known = ", ".join(d.id for d in register.documents)
                problem(index, ("sources", s_index, "doc"), cid, f"unknown source document {cited.doc!r}; known: {known}")
        if (criterion.rule.red_flag is None) != (criterion.red_flag is None):
            problem(index, ("red_flag",), cid, "a criterion with a red_flag rule needs a red_flag label, and the other way round")
        compiled = {}
        for part in RULE_PARTS:
            raw = getattr(criterion.rule, part)
            if raw is None:
                continue
            try:
                compiled[part] = compile_rule(raw, ("rule", part))
            except RuleError as exc:
                problem(index, exc.loc, cid, str(exc))
        criterion._rules = compiled
    if found:
        where = located()
        raise InvalidChecklist([Problem(source, *position(where, loc), label, message) for loc, label, message in found])
    checklist._sha256 = digest
    checklist._path = path.name
    return checklist


def _name_criterion(problem: Problem, data: dict[str, Any]) -> Problem:
    """Say 'criterion MLF-11.1: weight' rather than 'criteria[12].weight' when the id is known."""
    match = re.match(r"^criteria\[(\d+)\]\.?(.*)$", problem.field)
    if not match:
        return problem
    criteria = data.get("criteria")
    index = int(match.group(1))
    if not isinstance(criteria, list) or index >= len(criteria) or not isinstance(criteria[index], dict):
        return problem
    cid = criteria[index].get("id")
    if not isinstance(cid, str):
        return problem
    rest = match.group(2)
    label = f"criterion {cid}" + (f": {rest}" if rest else "")
    return Problem(problem.file, problem.line, problem.column, label, problem.message)


def shipped_checklist_paths() -> list[Path]:
    """The checklists that ship with moukit, in a stable order."""
    return sorted(p for p in checklists_dir().glob("*.yaml") if p.name != SOURCES_FILE)


DEFAULT_CHECKLISTS = ("ilo-mlf", "fair-recruitment", "domestic-workers", "r86-model-agreement")


def _looks_like_a_path(ref: str) -> bool:
    """A reference with a directory part or a file suffix is a path; a bare name is a shipped id first."""
    return "/" in ref or "\\" in ref or Path(ref).suffix.lower() in (".yaml", ".yml", ".json")


def find_checklist(ref: str) -> Checklist:
    """Load a checklist by shipped id (e.g. ``ilo-mlf``) or by file path."""
    candidate = Path(ref)
    if _looks_like_a_path(ref):
        if not candidate.is_file():
            raise UsageError(f"checklist file not found: {ref}")
        return load_checklist(candidate)
    for path in shipped_checklist_paths():
        if path.stem == ref:
            return _load_shipped(str(path))
    if candidate.is_file():
        return load_checklist(candidate)
    known = ", ".join(p.stem for p in shipped_checklist_paths())
    raise UsageError(f"unknown checklist {ref!r}; shipped checklists: {known} (or give a path to a .yaml file)")


@lru_cache(maxsize=None)
def _load_shipped(path: str) -> Checklist:
    # Shipped files do not change while the process runs; rendering 50 reports loads them once.
    return load_checklist(path)


def load_checklists(refs: list[str] | tuple[str, ...] | None = None) -> list[Checklist]:
    """Load several checklists (the defaults when ``refs`` is empty); criterion ids must be unique across them."""
    checklists = [find_checklist(r) for r in (refs or DEFAULT_CHECKLISTS)]
    owner: dict[str, str] = {}
    problems = []
    ids = [c.id for c in checklists]
    for c in checklists:
        if ids.count(c.id) > 1:
            raise UsageError(f"checklist {c.id!r} is selected twice")
        for criterion in c.criteria:
            if criterion.id in owner:
                problems.append(
                    Problem(c.path, None, None, f"criterion {criterion.id}", f"id also used in checklist {owner[criterion.id]!r}")
                )
            owner[criterion.id] = c.id
    if problems:
        raise InvalidChecklist(problems)
    return checklists


PROFILES_DIR = "profiles"


def shipped_profile_paths() -> list[Path]:
    """The profiles that ship with moukit (checklists/profiles/*.yaml)."""
    return sorted((checklists_dir() / PROFILES_DIR).glob("*.yaml"))


def load_profile(ref: str | Path) -> Profile:
    """Load a profile that selects checklists and adjusts weights, by shipped id or by path."""
    path = Path(ref)
    if not _looks_like_a_path(str(ref)):
        shipped = {p.stem: p for p in shipped_profile_paths()}
        if str(ref) in shipped:
            path = shipped[str(ref)]
        elif not path.is_file():
            raise UsageError(f"unknown profile {str(ref)!r}; shipped profiles: {', '.join(shipped)} (or give a path to a .yaml file)")
    data = _read(path)
    if not isinstance(data, dict):
        raise InvalidChecklist([Problem(str(path), 1, 1, "", "a profile must be a mapping with id and title")])
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        raise InvalidChecklist(problems_from_validation(exc, _read(path, True), str(path))) from None
    profile._path = str(path)
    # A checklist named by path in a profile is found next to the profile, wherever moukit runs.
    profile.checklists = [
        str(path.parent / ref) if _looks_like_a_path(ref) and not Path(ref).is_absolute() else ref
        for ref in profile.checklists
    ]
    return profile


def check_profile_ids(profile: Profile, checklists: list[Checklist]) -> None:
    """Refuse a profile that names criteria none of the selected checklists has."""
    known = {c.id for cl in checklists for c in cl.criteria}
    unknown = [i for i in [*profile.criteria, *profile.exclude] if i not in known]
    if unknown:
        problems = []
        for criterion_id in unknown:
            key = "criteria" if criterion_id in profile.criteria else "exclude"
            problems.append(
                Problem(profile.path or profile.id, None, None, key, f"unknown criterion id {criterion_id!r}; the selected checklists do not have it")
            )
        raise InvalidChecklist(problems)
