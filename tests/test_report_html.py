"""The HTML, Markdown and JSON reports: escaping, self-containment, the catalogue, determinism.

No PDF is rendered here (see test_report_pdf.py), so these tests are fast.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from ruamel.yaml import YAML

import toolkit
from toolkit.assets import templates_dir
from toolkit.checklist.load import load_checklist
from toolkit.render.html import ReportOptions, render_html, report_context
from toolkit.render.markdown import md_escape, render_markdown
from toolkit.render.messages import load_messages
from toolkit.inputs import load_input
from toolkit.render.report import ReportRenderer

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "report"
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


@pytest.fixture(scope="module")
def checklist():
    return load_checklist(FIXTURES / "checklist.yaml")


@pytest.fixture(scope="module")
def hostile(checklist):
    return toolkit.assess(toolkit.load_agreement(FIXTURES / "hostile.yaml"), [checklist])


@pytest.fixture(scope="module")
def hostile_html(hostile):
    return render_html(hostile, ReportOptions(assessors=('<img src="http://127.0.0.1:9/a.png"> Jane Doe',)))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_agreement_text_never_becomes_markup(hostile_html):
    tags = tags_of(hostile_html)
    names = {t for t, _ in tags}
    for forbidden in ("script", "img", "link", "iframe", "object", "embed", "image"):
        assert forbidden not in names, forbidden
    assert [t for t, _ in tags].count("style") == 2  # the stylesheet and the page rules, nothing from the text
    for tag, attrs in tags:
        for name in ("href", "src", "data", "xlink:href"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith("#"), f"<{tag} {name}={value!r}> points outside the document"
        assert "style" not in attrs, f"<{tag}> carries an inline style"
    # ...and the text is there, literally (escaped)
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in hostile_html
    assert "&lt;link rel=attachment href=file:///etc/hostname&gt;" in hostile_html
    assert "{{ 7*7 }}" in hostile_html and "49" not in hostile_html.split("<body>")[1].split("Index")[0]
    assert "&lt;img src=&#34;http://127.0.0.1:9/a.png&#34;&gt; Jane Doe" in hostile_html


def test_html_is_self_contained(hostile_html):
    lowered = hostile_html.lower()
    assert "<link" not in lowered
    assert "@import" not in lowered.split("<body>")[0]
    css = (templates_dir() / "report.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    assert "url(" not in css and "@import" not in css
    assert "<svg" in hostile_html  # the charts are inline


def test_markdown_escapes_everything(hostile):
    md = render_markdown(hostile)
    assert "<img" not in md and "<script" not in md and "<link" not in md
    assert "\\[x\\](http://127.0.0.1:9/md)" in md  # no link is made
    assert "\\*bold\\* \\_it\\_ \\| pipe" in md
    assert md_escape("# not a heading") == "\\# not a heading"
    assert md_escape("1. not a list") == "1\\. not a list"


def test_json_report_is_the_findings_document(hostile, tmp_path):
    out = ReportRenderer().write(hostile, tmp_path / "f.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == toolkit.FINDINGS_FORMAT
    assert toolkit.Findings.model_validate(data) == hostile


def test_report_from_findings_json_equals_report_from_agreement(checklist, tmp_path, monkeypatch):
    """Every output is a view of the findings: the JSON alone gives the same report."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    renderer = ReportRenderer()
    findings = toolkit.assess(toolkit.load_agreement(FIXTURES / "multiscript-small.yaml"), [checklist])
    renderer.write(findings, tmp_path / "f.json")
    again, was_findings = load_input(tmp_path / "f.json")
    assert was_findings and again == findings
    assert render_html(again) == render_html(findings)
    assert render_markdown(again) == render_markdown(findings)


def test_html_is_byte_identical_with_source_date_epoch(hostile, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first, second = render_html(hostile), render_html(hostile)
    assert first == second
    assert "1 January 2026" in first
    assert 'content="2026-01-01T00:00:00Z"' in first


def test_date_defaults_to_today(hostile, monkeypatch):
    import datetime as dt

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    context = report_context(hostile)
    today = dt.datetime.now(dt.timezone.utc).date()
    assert str(today.year) in context["date_text"]


def test_outcomes_have_symbol_and_word_and_red_flags_come_first(hostile_html):
    body = hostile_html.split("<body>")[1]
    assert "✗ not met" in body and "◐ partly met" in body and "– not applicable" in body
    summary = body.split('id="summary"')[1]
    assert summary.index("Red flags") < summary.index("Index ")
    assert "Employers may keep workers&#39; passports" in summary
    assert "(citation not verified)" in body  # the recalled citation of RT-1
    assert "The agreement is silent" in body


def test_quotations_of_partner_scripts_are_tagged(checklist):
    findings = toolkit.assess(toolkit.load_agreement(FIXTURES / "multiscript-small.yaml"), [checklist])
    html = render_html(findings)
    for lang in ("km", "my", "lo", "th", "ar", "hi", "bn"):
        assert f'lang="{lang}"' in html, lang
    assert 'dir="rtl"' in html
    assert "\u200b" in html  # break opportunities in Khmer, Myanmar and Lao


# --------------------------------------------------------------------------- message catalogue

TEMPLATE_FILES = sorted(p for p in templates_dir().rglob("*.j2"))
KEY_CALL = re.compile(r"msg\(\s*'([a-z0-9_.]*[a-z0-9_])'")
DYNAMIC_PREFIX = re.compile(r"msg\(\s*'([a-z0-9_.]+\.)'\s*~")


def test_every_message_used_by_a_template_exists():
    messages = load_messages("en")
    used = set()
    for path in TEMPLATE_FILES:
        text = path.read_text(encoding="utf-8")
        used.update(KEY_CALL.findall(text))
    missing = sorted(k for k in used if k not in messages)
    assert not missing, f"keys used in templates but missing from messages/en.yaml: {missing}"


def test_catalogue_entries_are_used():
    """No dead entries: every key is used by a template or the Python context (codes are looked up by kind)."""
    messages = load_messages("en")
    sources = "".join(p.read_text(encoding="utf-8") for p in TEMPLATE_FILES)
    sources += "".join(p.read_text(encoding="utf-8") for p in (Path(toolkit.__file__).parent / "render").glob("*.py"))
    dynamic = set(DYNAMIC_PREFIX.findall(sources))
    unused = []
    for key in messages.entries:
        if key.startswith(("code.", "annex.glossary.terms", "date.")):
            continue
        if f"'{key}'" in sources or f'"{key}"' in sources:
            continue
        if any(key.startswith(prefix) for prefix in dynamic):
            continue
        if key.startswith("meta.keyword_"):
            continue
        unused.append(key)
    assert not unused, f"catalogue entries no template uses: {unused}"


def test_templates_hold_no_prose():
    """Fixed strings live in the catalogue: text between tags in the templates is markup or Jinja only."""
    for path in TEMPLATE_FILES:
        if path.name == "report.md.j2":
            continue
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\{#.*?#\}", "", text, flags=re.S)
        text = re.sub(r"\{[{%].*?[%}]\}", "", text, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", text)
        words = re.findall(r"[A-Za-z]{3,}", text)
        assert not words, f"{path.name} holds fixed text {words[:5]}; put it in templates/messages/en.yaml"


def test_catalogue_placeholders_are_simple():
    data = YAML(typ="safe").load((templates_dir() / "messages" / "en.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    messages = load_messages("en")
    for key, value in messages.entries.items():
        if isinstance(value, str):
            for name in re.findall(r"\{([^}]*)\}", value):
                assert re.fullmatch(r"[a-z_]+", name), f"{key}: placeholder {{{name}}}"


def test_a_criterion_that_does_not_apply_shows_why_not_what_it_would_have_read():
    """DW-07 does not apply to an agreement that excludes domestic workers: the report gives that
    exclusion as its evidence, not the contract clauses DW-07 would otherwise have examined."""
    root = Path(__file__).resolve().parent.parent
    findings = toolkit.assess(toolkit.load_agreement(root / "examples" / "control-focused-mou.yaml"))
    finding = findings.finding("DW-07")
    assert finding.outcome == "not_applicable"
    assert {"scope.domestic_workers", "employment_contract.minimum_terms"} <= {e.field for e in finding.evidence}
    context = report_context(findings)
    (view,) = [v for cl in context["checklist_views"] for g in cl.groups for v in g.findings if v.finding.criterion == "DW-07"]
    assert [e.field for e in view.evidence] == ["Scope › domestic workers"]
    assert view.silent == []
