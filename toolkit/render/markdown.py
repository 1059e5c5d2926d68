"""The report as Markdown, for a wiki, a pull request or a converter such as pandoc.

Same context and message catalogue as the HTML report, its own template (report.md.j2). The
environment autoescapes, so every value is escaped for Markdown explicitly with the ``md``
filter (or comes from :func:`md_msg`), which returns markup that autoescaping leaves alone; a value
that misses the filter is HTML-escaped, which is still safe in Markdown.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from ..assessment.findings import Findings
from .html import ReportOptions, environment, report_context
from .messages import load_messages

MD_TEMPLATE = "report.md.j2"

_SPECIAL = re.compile(r"([\\`*_\[\]#|~>!])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])(?=\s|$)", re.MULTILINE)
_SPACES = re.compile(r"\s+")
_PLACEHOLDER = re.compile(r"(\{[A-Za-z_][A-Za-z0-9_]*\})")


def md_escape(value: Any, strip: bool = True) -> str:
    """Escape text for inline Markdown: no emphasis, links, images, HTML or table breaks."""
    if value is None:
        return ""
    text = str(value)
    if isinstance(value, Markup):
        text = value.unescape()
    text = _SPACES.sub(" ", text)
    if strip:
        text = text.strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\2\\\3", text)
    if strip and text.startswith(("-", "+")):
        text = "\\" + text
    return text


def md(value: Any) -> Markup:
    return Markup(md_escape(value))


def md_quote(value: Any) -> Markup:
    """A Markdown blockquote of untrusted text, escaped line by line."""
    lines = str(value or "").splitlines() or [""]
    return Markup("\n".join("> " + md_escape(line) if line.strip() else ">" for line in lines))


def md_block(value: Any) -> Markup:
    """Multi-line text (a model clause) as escaped paragraphs."""
    paragraphs = re.split(r"\n\s*\n", str(value or "").strip())
    return Markup("\n\n".join(md_escape(p) for p in paragraphs if p.strip()))


def render_markdown(findings: Findings, options: ReportOptions | None = None) -> str:
    options = options or ReportOptions()
    messages = load_messages(options.language)
    context = report_context(findings, options)

    def md_msg(key: str, **params: Any) -> Markup:
        raw = str(messages.raw(key))
        if not params:
            return md(raw)
        escaped = {k: (v if isinstance(v, Markup) else md(v)) for k, v in params.items()}
        # escape the catalogue text around the placeholders, never inside them
        pieces = _PLACEHOLDER.split(raw)
        template = "".join(
            p if i % 2 else md_escape(p, strip=False).replace("{", "{{").replace("}", "}}")
            for i, p in enumerate(pieces)
        )
        return Markup(template).format(**escaped)

    context["msg"] = md_msg
    context["md"] = md
    env = environment()
    template = env.get_template(MD_TEMPLATE)
    return template.render(context, md=md, mdquote=md_quote, mdblock=md_block)
