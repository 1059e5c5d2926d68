"""Write assessment reports: pick the format from the output's suffix, render, write atomically.

* ``.pdf``: WeasyPrint, through :mod:`toolkit.render.pdf` (imported only here, only for a PDF);
* ``.html``/``.htm``: one self-contained file, styles and charts inline, nothing linked;
* ``.md``: Markdown;
* ``.json``: the findings document itself.

Every format is a view of one :class:`~toolkit.assessment.findings.Findings` object, and this
module receives nothing else (reading input files is :mod:`toolkit.inputs`' job), so a report can
be rendered again from the findings JSON alone. A :class:`ReportRenderer` keeps what can be reused between reports (templates,
parsed stylesheet, fonts), so rendering many reports in one call is cheaper per report.

Files are written through a temporary file in the same directory and moved into place with
``os.replace``: a failure leaves no partial file, and an existing report is replaced whole or not
at all. A report is never written over one of the input files.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from ..assessment.findings import Findings
from ..atomic import refuse_input_overwrite, write_atomic
from ..errors import UsageError
from .html import ReportOptions, render_html

if TYPE_CHECKING:  # pragma: no cover
    from .pdf import PdfRenderer

FORMATS: dict[str, str] = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "md", ".json": "json"}
EXTENSIONS: dict[str, str] = {"pdf": ".pdf", "html": ".html", "md": ".md", "json": ".json"}
REPORT_SUFFIX = "-report"


def format_for(path: str | Path) -> str:
    """The report format for an output path, from its suffix; refuse an unknown suffix."""
    suffix = Path(path).suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        known = ", ".join(sorted(set(FORMATS)))
        raise UsageError(f"cannot tell the report format of {path}: use a name ending in {known}") from None


def default_output(source: Path, fmt: str, directory: Path | None = None) -> Path:
    """Where the report of ``source`` goes without an explicit file name: STEM-report.EXT."""
    name = f"{source.stem}{REPORT_SUFFIX}{EXTENSIONS[fmt]}"
    return (directory if directory is not None else source.parent) / name


# --------------------------------------------------------------------------- writing


# --------------------------------------------------------------------------- rendering


@dataclass
class Timings:
    """Seconds spent on one report, by stage (the bench prints these)."""

    load: float = 0.0  # read, validate and assess (or read the findings JSON)
    template: float = 0.0  # Jinja2: findings -> HTML / Markdown / JSON
    layout: float = 0.0  # WeasyPrint: HTML -> PDF (parse, layout, write)
    write: float = 0.0  # atomic write to disk
    pages: int = 0

    @property
    def toolkit(self) -> float:
        return self.load + self.template

    @property
    def total(self) -> float:
        return self.load + self.template + self.layout + self.write


@dataclass
class ReportRenderer:
    """Renders findings in any format; one instance reuses the PDF machinery across reports."""

    options: ReportOptions = field(default_factory=ReportOptions)
    timings: list[Timings] = field(default_factory=list)
    _pdf: "PdfRenderer | None" = None

    @property
    def pdf(self) -> "PdfRenderer":
        if self._pdf is None:
            from .pdf import PdfRenderer  # WeasyPrint is imported here and nowhere else

            self._pdf = PdfRenderer()
        return self._pdf

    def render(self, findings: Findings, fmt: str, timing: Timings | None = None) -> bytes:
        """The report as bytes in ``fmt`` (pdf, html, md or json)."""
        timing = timing if timing is not None else Timings()
        t0 = time.perf_counter()
        if fmt == "json":
            data = (findings.model_dump_json(indent=2) + "\n").encode("utf-8")
            timing.template += time.perf_counter() - t0
            return data
        if fmt == "md":
            from .markdown import render_markdown

            data = render_markdown(findings, self.options).encode("utf-8")
            timing.template += time.perf_counter() - t0
            return data
        if fmt == "html":
            data = render_html(findings, self.options).encode("utf-8")
            timing.template += time.perf_counter() - t0
            return data
        if fmt == "pdf":
            html = render_html(findings, self.options, embed_css=False)
            t1 = time.perf_counter()
            timing.template += t1 - t0
            data = self.pdf.render(html)
            timing.layout += time.perf_counter() - t1
            timing.pages = self.pdf.pages
            return data
        raise UsageError(f"unknown report format {fmt!r}; use pdf, html, md or json")

    def write(
        self,
        findings: Findings,
        out: str | Path,
        *,
        fmt: str | None = None,
        protect: Iterable[str | Path] = (),
        timing: Timings | None = None,
    ) -> Path:
        """Render and write one report; the format follows ``out``'s suffix unless given."""
        out = Path(out)
        fmt = fmt or format_for(out)
        timing = timing if timing is not None else Timings()
        protect = list(protect)
        # Check before rendering, so a refused output costs nothing and leaves nothing behind.
        refuse_input_overwrite(out, protect, "the report")
        data = self.render(findings, fmt, timing)
        t0 = time.perf_counter()
        write_atomic(out, data, protect, what="the report")
        timing.write += time.perf_counter() - t0
        self.timings.append(timing)
        return out


def render_report(findings: Findings, fmt: str, options: ReportOptions | None = None) -> bytes:
    """One report as bytes (a convenience for notebooks and web apps)."""
    return ReportRenderer(options or ReportOptions()).render(findings, fmt)


def write_report(
    findings: Findings, out: str | Path, options: ReportOptions | None = None, protect: Iterable[str | Path] = ()
) -> Path:
    """Write one report; the format follows ``out``'s suffix (.pdf, .html, .md, .json)."""
    return ReportRenderer(options or ReportOptions()).write(findings, out, protect=protect)
