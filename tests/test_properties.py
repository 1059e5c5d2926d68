"""Property tests: any valid agreement scores within bounds, and the same way twice."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.assessment import method
from toolkit.checklist.fields import FieldInfo, all_field_paths
from toolkit.checklist.load import shipped_checklist_paths
from worked_examples import base_agreement, merge

# Fields a random agreement may set: everything with a closed set of values, plus numbers.
SKIP_PREFIXES = ("format", "about.", "identity.parties.", "identity.title", "identity.short_title", "identity.dates", "identity.languages")
FIELDS = [f for f in all_field_paths() if not f.path.startswith(SKIP_PREFIXES) and (f.choices or f.kind in ("bool", "number"))]


def _value(info: FieldInfo) -> st.SearchStrategy[Any]:
    if info.kind == "list":
        return st.lists(st.sampled_from(info.choices), max_size=len(info.choices), unique=True)
    if info.choices:
        return st.sampled_from(info.choices)
    if info.kind == "bool":
        return st.booleans()
    return st.one_of(st.none(), st.floats(min_value=0.5, max_value=60, allow_nan=False))


def _set(tree: dict[str, Any], path: str, value: Any) -> None:
    *parents, leaf = path.split(".")
    node = tree
    for name in parents:
        node = node.setdefault(name, {})
    if isinstance(node.get(leaf), dict):  # a clause already holding sub-fields
        node[leaf]["status"] = value
    elif leaf in node:
        return
    else:
        node[leaf] = value


@st.composite
def agreements(draw: st.DrawFn) -> toolkit.Agreement:
    chosen = draw(st.lists(st.sampled_from(FIELDS), max_size=60, unique_by=lambda f: f.path))
    tree: dict[str, Any] = {}
    # Clause sub-fields (x.terms) before the clause itself (x), so the status lands in the clause.
    for info in sorted(chosen, key=lambda f: -f.path.count(".")):
        value = draw(_value(info))
        if info.clause_path == info.path:
            *parents, leaf = info.path.split(".")
            node = tree
            for name in parents:
                node = node.setdefault(name, {})
            clause = node.setdefault(leaf, {})
            clause["status"] = value
            if draw(st.booleans()):
                clause["article"] = draw(st.text(min_size=1, max_size=12))
                clause["quote"] = draw(st.text(max_size=40))
        else:
            _set(tree, info.path, value)
    return toolkit.Agreement.model_validate(merge(base_agreement(), tree))


CHECKLISTS = toolkit.load_checklists([p.stem for p in shipped_checklist_paths()])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agreements())
def test_scores_stay_in_bounds_and_are_deterministic(agreement: toolkit.Agreement) -> None:
    findings = toolkit.assess(agreement, CHECKLISTS)
    again = toolkit.assess(agreement, CHECKLISTS)
    assert findings.model_dump_json() == again.model_dump_json()

    o = findings.overall
    if o.index is not None:
        assert 0 <= o.index <= 100
        assert o.grade_uncapped == method.grade_for(o.index).grade
        cap = method.cap_for(len(findings.red_flags))
        if cap:
            assert method.GRADES.index(o.grade) >= method.GRADES.index(cap)
        else:
            assert o.grade == o.grade_uncapped
    for group in findings.groups:
        assert group.score is None or 0 <= group.score <= 100
        assert 0 <= group.points <= group.max_points
    for f in findings.findings:
        assert 0 <= f.points <= f.max_points
        assert f.red_flag is False or f.outcome == "not_met"
        assert f.trace, f.criterion
    share = findings.balance.protection_share
    assert share is None or 0 <= share <= 100
    # Every criterion not fully met is a gap, or merged into the gap of the same red flag.
    assert len(findings.gaps) + sum(len(g.also) for g in findings.gaps) == sum(
        f.outcome in ("not_met", "partly_met") for f in findings.findings
    )
