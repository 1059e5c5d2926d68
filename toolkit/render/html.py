"""The report as HTML: a Jinja2 environment over templates/ and the context built from findings.

The report is a view of a :class:`~toolkit.assessment.findings.Findings` document and nothing else:
no rule is evaluated here, the context only orders, groups and labels what the findings hold.
Autoescaping is on for every template and every string template, and no markup is built in
Python: charts come as geometry (:mod:`toolkit.render.charts`) and text as script runs
(:mod:`toolkit.render.scripts`), and the templates write both. What is marked safe here is the
bundled stylesheet, the page-margin CSS (its words escaped as CSS strings) and catalogue text
whose arguments are escaped.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .._version import __version__
from ..assessment.findings import Finding, Findings
from ..assets import templates_dir
from ..cache import template_bytecode_cache
from ..codes import language_name
from . import charts
from .messages import DEFAULT_LANGUAGE, Messages, format_date, load_messages
from .scripts import main_language, script_runs, text_direction

HTML_TEMPLATE = "report.html.j2"
STYLESHEET = "report.css"
SUMMARY_GAPS = 5
SUMMARY_RED_FLAGS = 4


# --------------------------------------------------------------------------- options


def source_date() -> dt.datetime | None:
    """The time given by SOURCE_DATE_EPOCH (reproducible builds), or None when it is not set."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    try:
        return dt.datetime.fromtimestamp(int(value), tz=dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        from ..errors import UsageError

        raise UsageError(f"SOURCE_DATE_EPOCH must be a number of seconds since 1970, not {value!r}") from None


@dataclass(frozen=True)
class ReportOptions:
    """What a report needs beyond the findings: who assessed, when, in which language."""

    assessors: tuple[str, ...] = ()
    language: str = DEFAULT_LANGUAGE
    #: Time of the assessment; defaults to SOURCE_DATE_EPOCH if set, else now.
    when: dt.datetime | None = None

    def moment(self) -> dt.datetime:
        if self.when is not None:
            return self.when if self.when.tzinfo else self.when.replace(tzinfo=dt.timezone.utc)
        return source_date() or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


# --------------------------------------------------------------------------- environment


def _number(value: Any, digits: int = 1) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and digits == 0:
        return str(int(value))
    text = f"{float(value):.{digits}f}"
    return text


def _points(value: Any) -> str:
    """Points and weights without trailing zeros: 3.0 -> '3', 1.5 -> '1.5'."""
    if value is None:
        return ""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text or "0"


@lru_cache(maxsize=None)
def environment() -> Environment:
    """The Jinja2 environment, built once per process and reused by every report."""
    env = Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=select_autoescape(
            enabled_extensions=("html", "j2", "xml", "md"), default_for_string=True, default=True
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=template_bytecode_cache(),
    )
    env.globals["script_runs"] = script_runs
    env.filters["direction"] = text_direction
    env.filters["number"] = _number
    env.filters["points"] = _points
    return env


@lru_cache(maxsize=None)
def stylesheet_text() -> str:
    """The report stylesheet (screen and print), read once."""
    return (templates_dir() / STYLESHEET).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- context

_ANCHOR_BAD = re.compile(r"[^A-Za-z0-9_-]+")


class _Anchors:
    """Unique, safe ids for anchors, derived from stable ids."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, prefix: str, raw: str) -> str:
        base = f"{prefix}-{_ANCHOR_BAD.sub('-', raw).strip('-') or 'x'}"
        anchor, n = base, 2
        while anchor in self.used:
            anchor, n = f"{base}-{n}", n + 1
        self.used.add(anchor)
        return anchor


@dataclass
class EvidenceView:
    """One field a criterion looked at that the text addresses, with its article and quotation."""

    field: str
    value: str
    article: str | None
    quote: str | None
    #: When the same quotation was shown for an earlier criterion of the same checklist, the
    #: quotation is not repeated: (criterion id, anchor) of where it is printed.
    quoted_under: tuple[str, str] | None
    suggested: bool


@dataclass
class FindingView:
    finding: Finding
    anchor: str
    evidence: list[EvidenceView]
    #: Labels of the fields the text is silent on.
    silent: list[str]


@dataclass
class GroupView:
    number: str
    anchor: str
    title: str
    score: float | None
    counts: Any
    findings: list[FindingView]


@dataclass
class ChecklistView:
    number: str
    anchor: str
    checklist: Any
    groups: list[GroupView] = field(default_factory=list)


@dataclass
class ActionView:
    number: str
    finding: Finding
    gap: Any
    anchor: str


@dataclass
class TierView:
    key: str
    anchor: str
    actions: list[ActionView]


TIERS = ("red_flag", "core", "important", "good_practice")


def _tier(gap: Any) -> str:
    if gap.red_flag:
        return "red_flag"
    return gap.weight_class if gap.weight_class in TIERS else "good_practice"


def _field_label(messages: Messages, path: str) -> str:
    parts = path.split(".")
    head = messages.label("section", parts[0])
    tail = " › ".join(messages.label("field", p) for p in parts[1:])
    return f"{head} › {tail}" if tail else head


def _value_label(messages: Messages, value: Any) -> str:
    if value is None or value == [] or value == "":
        return messages.text("evidence.no_value")
    if isinstance(value, bool):
        return messages.text("evidence.yes" if value else "evidence.no")
    if isinstance(value, (int, float)):
        return _points(value)
    if isinstance(value, list):
        return ", ".join(_value_label(messages, v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{messages.label('field', k)}: {_value_label(messages, v)}" for k, v in value.items())
    return messages.label("value", value)


def _css_string(text: str) -> str:
    """A CSS string literal; anything but plain printable characters is written as an escape."""
    out = []
    for char in text:
        if char.isalnum() or char in " .,:;-()/'":
            out.append(char)
        else:
            out.append(f"\\{ord(char):x} ")
    return '"' + "".join(out) + '"'


_PLACEHOLDER = re.compile(r"\{(page|pages)\}")


def page_css(messages: Messages) -> Markup:
    """The page header and footer rules, with their words from the catalogue (CSS strings escaped)."""
    parts = []
    pos = 0
    footer = messages.text("page.footer")
    for match in _PLACEHOLDER.finditer(footer):
        if match.start() > pos:
            parts.append(_css_string(footer[pos : match.start()]))
        parts.append(f"counter({match.group(1)})")
        pos = match.end()
    if pos < len(footer):
        parts.append(_css_string(footer[pos:]))
    return Markup(
        "@page { @top-right { content: %s } @bottom-right { content: %s } }\n"
        "@page :first { @top-left { content: none } @top-right { content: none }"
        " @bottom-left { content: none } @bottom-right { content: none } }"
        % (_css_string(messages.text("page.header_right")), " ".join(parts))
    )


def _checklist_views(
    findings: Findings, messages: Messages, anchors: "_Anchors"
) -> tuple[list["ChecklistView"], dict[str, str]]:
    """One section per checklist, one subsection per group, each finding with its evidence.

    A quotation already shown under an earlier criterion of the same checklist is referred to,
    not printed again.
    """
    by_key: dict[tuple[str, str], list[Finding]] = {}
    for f in findings.findings:
        by_key.setdefault((f.checklist, f.group), []).append(f)
    finding_anchor: dict[str, str] = {}
    views: list[ChecklistView] = []
    for section, cl in enumerate(findings.checklists, start=2):  # 1 is the executive summary
        view = ChecklistView(number=str(section), anchor=anchors("checklist", cl.id), checklist=cl)
        quoted: dict[tuple[str, str], tuple[str, str]] = {}
        groups = [g for g in findings.groups if g.checklist == cl.id]
        for n, g in enumerate(groups, start=1):
            items: list[FindingView] = []
            for f in by_key.get((cl.id, g.group), []):
                anchor = anchors("criterion", f.criterion)
                finding_anchor[f.criterion] = anchor
                items.append(_finding_view(f, anchor, messages, quoted))
            view.groups.append(
                GroupView(
                    number=f"{section}.{n}",
                    anchor=anchors("group", f"{cl.id}-{g.group}"),
                    title=g.title,
                    score=g.score,
                    counts=g.counts,
                    findings=items,
                )
            )
        views.append(view)
    return views, finding_anchor


def _finding_view(
    f: Finding, anchor: str, messages: Messages, quoted: dict[tuple[str, str], tuple[str, str]]
) -> "FindingView":
    evidence: list[EvidenceView] = []
    silent: list[str] = []
    shown = f.evidence
    if f.outcome == "not_applicable":
        # What matters is why the criterion does not apply: the fields of its applicability
        # test, not the clauses it would have looked at.
        deciding = _traced_fields(part.trace for part in f.trace if part.part == "not_applicable")
        shown = [ev for ev in f.evidence if ev.field in deciding] or f.evidence
    for ev in shown:
        label = _field_label(messages, ev.field)
        if ev.silent:
            silent.append(label)
            continue
        key = (ev.field, ev.quote or "")
        earlier = quoted.get(key) if ev.quote else None
        if ev.quote and earlier is None:
            quoted[key] = (f.criterion, anchor)
        evidence.append(
            EvidenceView(
                field=label,
                value=_value_label(messages, ev.value),
                article=ev.article,
                quote=ev.quote,
                quoted_under=earlier,
                suggested=ev.suggested,
            )
        )
    return FindingView(finding=f, anchor=anchor, evidence=evidence, silent=silent)


def _traced_fields(traces: Iterable[Any]) -> set[str]:
    """Every field a rule trace names, at any depth."""
    found: set[str] = set()
    stack = list(traces)
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("field"), str):
                found.add(node["field"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _action_tiers(
    findings: Findings, anchors: "_Anchors"
) -> tuple[list["TierView"], dict[str, str], dict[str, str]]:
    """The gaps as numbered actions in priority tiers, with the number and anchor of each."""
    by_id = {f.criterion: f for f in findings.findings}
    tiers: list[TierView] = []
    action_of: dict[str, str] = {}
    action_anchor: dict[str, str] = {}
    count = 0
    for key in TIERS:
        actions = []
        for gap in findings.gaps:
            if _tier(gap) != key or gap.criterion not in by_id:
                continue
            count += 1
            action = ActionView(
                number=str(count), finding=by_id[gap.criterion], gap=gap, anchor=anchors("action", gap.criterion)
            )
            action_of[gap.criterion] = action.number
            action_anchor[gap.criterion] = action.anchor
            actions.append(action)
        if actions:
            tiers.append(TierView(key=key, anchor=anchors("tier", key), actions=actions))
    return tiers, action_of, action_anchor


def _charts(
    findings: Findings, checklist_views: list["ChecklistView"], messages: Messages
) -> tuple[charts.BarChart, charts.BalanceBar]:
    """The geometry of the summary's two charts: scores by group, and protection versus control."""
    rows: list[charts.Bar] = []
    multi = len(findings.checklists) > 1
    for cl in checklist_views:
        if cl.checklist.index is None:
            # nothing of this checklist applies (domestic workers out of scope): one row, not one per theme
            rows.append(charts.Bar(label=cl.checklist.title, score=None))
            continue
        if multi:
            rows.append(charts.Bar(label=cl.checklist.title, score=cl.checklist.index, heading=True))
        rows.extend(charts.Bar(label=g.title, score=g.score) for g in cl.groups)
    thresholds = [b.min_index for b in findings.method.grade_bands if b.min_index > 0]
    chart = charts.bar_chart(
        rows,
        title=messages.text("summary.chart_title"),
        not_applicable=messages.text("summary.chart_na"),
        thresholds=thresholds,
    )
    b = findings.balance
    bt = findings.method.balance_thresholds
    balance_chart = charts.balance_bar(
        b.protection,
        b.control,
        title=messages.text("summary.balance_title"),
        protection_label=messages.text("summary.balance_protection", count=b.protection),
        control_label=messages.text("summary.balance_control", count=b.control),
        thresholds=[bt.get("control_focused_below", 40.0), bt.get("protection_focused_at_least", 60.0)],
        width=360,
    )
    return chart, balance_chart


def report_context(findings: Findings, options: ReportOptions | None = None) -> dict[str, Any]:
    """Everything the templates show, ordered and labelled; computed from the findings alone."""
    options = options or ReportOptions()
    messages = load_messages(options.language)
    moment = options.moment()
    a = findings.agreement
    anchors = _Anchors()

    hints: list[str] = [*a.languages]
    for party in (a.origin, a.destination):
        if party.name_lang:
            hints.insert(0, party.name_lang)

    checklist_views, finding_anchor = _checklist_views(findings, messages, anchors)
    section = 2 + len(checklist_views)  # 1 is the executive summary
    tiers, action_of, action_anchor = _action_tiers(findings, anchors)
    actions_section = str(section)
    annex_section = messages.text("annex.letter")
    by_id = {f.criterion: f for f in findings.findings}
    top_gaps = [(g, by_id[g.criterion]) for g in findings.gaps[:SUMMARY_GAPS] if g.criterion in by_id]
    chart, balance_chart = _charts(findings, checklist_views, messages)

    title = a.title
    header_title = a.short_title or a.title
    sources: dict[str, Any] = {}
    for f in findings.findings:
        for c in f.sources:
            sources.setdefault(c.doc, c)

    def msg(key: str, **params: Any) -> Markup:
        return messages.markup(key, **params)

    def label(kind: str, code: Any) -> str:
        return messages.label(kind, code)

    keywords = [messages.text("meta.keyword_" + k) for k in ("migration", "blma", "mlf", "recruitment")]
    keywords += [a.origin.country_name, a.destination.country_name]
    keywords += [c.id for c in findings.checklists]

    return {
        "f": findings,
        "a": a,
        "o": findings.overall,
        "balance": findings.balance,
        "msg": msg,
        "text": messages.text,
        "label": label,
        "lang": messages.language,
        "lang_hints": tuple(dict.fromkeys(h for h in hints if h)),
        "title": title,
        "header_title": header_title,
        "doc_title": messages.text("meta.title", title=header_title),
        "subject": messages.text("meta.subject", origin=a.origin.country_name, destination=a.destination.country_name),
        "keywords": ", ".join(dict.fromkeys(k for k in keywords if k)),
        "created": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "date_text": format_date(messages, moment.date()),
        "fmt_date": lambda d: format_date(messages, d),
        "assessors": list(options.assessors),
        "languages": [(code, language_name(code) or code) for code in a.languages],
        "checklist_views": checklist_views,
        "tiers": tiers,
        "action_of": action_of,
        "action_anchor": action_anchor,
        "actions_section": actions_section,
        "annex_section": annex_section,
        "finding_anchor": finding_anchor,
        "top_gaps": top_gaps,
        "red_flags_shown": findings.red_flags[:SUMMARY_RED_FLAGS],
        "red_flags_more": max(0, len(findings.red_flags) - SUMMARY_RED_FLAGS),
        "chart": chart,
        "balance_chart": balance_chart,
        "sources": [sources[k] for k in sorted(sources)],
        "main_language": lambda text: main_language(text, hints),
        "toolkit_version": __version__,
        "glossary": messages.list("annex.glossary.terms"),
        "page_css": page_css(messages),
        "embed_css": True,
        "stylesheet": "",
    }


def render_html(findings: Findings, options: ReportOptions | None = None, *, embed_css: bool = True) -> str:
    """The report as one self-contained HTML document (styles and charts inline, nothing linked).

    With ``embed_css=False`` the stylesheet is left out, for the PDF renderer, which applies the
    same stylesheet as a parsed object it reuses across reports.
    """
    context = report_context(findings, options)
    context["embed_css"] = embed_css
    context["stylesheet"] = Markup(stylesheet_text()) if embed_css else ""
    return environment().get_template(HTML_TEMPLATE).render(context)
