"""Write assessment reports: pick the format from the output's suffix, render, write atomically.

* ``.pdf``: WeasyPrint, through :mod:`toolkit.render.pdf` (imported only here, only for a PDF);
* ``.html``/``.htm``: one self-contained file, styles and charts inline, nothing linked;
* ``.md``: Markdown;
* ``.json``: the findings document itself.

Every format is a view of one :class:`~toolkit.assessment.findings.Findings` object; a findings JSON
file can stand in for an agreement (:func:`load_input`), so a report can be rendered again from
the JSON alone. A :class:`ReportRenderer` keeps what can be reused between reports (templates,
parsed stylesheet, fonts), so rendering many reports in one call is cheaper per report.

Files are written through a temporary file in the same directory and moved into place with
``os.replace``: a failure leaves no partial file, and an existing report is replaced whole or not
at all. A report is never written over one of the input files.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from pydantic import ValidationError

from ..agreements import load_agreement
from ..assessment.engine import assess
from ..assessment.findings import FINDINGS_FORMAT, Findings
from ..checklist.model import Checklist, Profile
from ..errors import InvalidAgreement, Problem, UsageError
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


# --------------------------------------------------------------------------- input


def is_findings_document(data: Any) -> bool:
    return isinstance(data, dict) and str(data.get("format", "")).startswith("moukit-findings/")


def load_findings(path: str | Path, data: Any | None = None) -> Findings:
    """Read a findings JSON document (as written by ``moukit score --format json``)."""
    path = Path(path)
    if data is None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InvalidAgreement(
                [Problem(str(path), None, None, "", f"not a findings JSON document: {exc}")]
            ) from None
    if data.get("format") != FINDINGS_FORMAT:
        raise InvalidAgreement(
            [
                Problem(
                    str(path),
                    None,
                    None,
                    "format",
                    f"findings format {data.get('format')!r} is not supported; this moukit reads {FINDINGS_FORMAT}",
                )
            ]
        )
    try:
        return Findings.model_validate(data)
    except ValidationError as exc:
        problems = [
            Problem(str(path), None, None, ".".join(str(p) for p in err["loc"]), err["msg"])
            for err in exc.errors(include_url=False)
        ]
        raise InvalidAgreement(problems) from None


def load_input(
    path: str | Path, checklists: list[Checklist] | None = None, profile: Profile | None = None
) -> tuple[Findings, bool]:
    """Findings for one input: an agreement file is assessed, a findings JSON is read as it is.

    Returns the findings and whether the input was already a findings document.
    """
    path = Path(path)
    if path.suffix.lower() == ".json" and path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            data = None
        if is_findings_document(data):
            return load_findings(path, data), True
    return assess(load_agreement(path), checklists, profile), False


# --------------------------------------------------------------------------- writing


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, data: bytes, protect: Iterable[str | Path] = ()) -> Path:
    """Write ``data`` to ``path`` via a temporary file and ``os.replace``; never over a protected file."""
    path = Path(path)
    for source in protect:
        source = Path(source)
        if path.exists() and source.exists() and os.path.samefile(path, source):
            raise UsageError(f"refusing to write the report over the input file {source}")
    if path.is_dir():
        raise UsageError(f"{path} is a directory; give a file name ending in .pdf, .html, .md or .json")
    directory = path.parent
    if not directory.is_dir():
        raise UsageError(f"the output directory {directory} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


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
        for source in protect:
            if out.exists() and Path(source).exists() and os.path.samefile(out, source):
                raise UsageError(f"refusing to write the report over the input file {source}")
        data = self.render(findings, fmt, timing)
        t0 = time.perf_counter()
        write_atomic(out, data, protect)
        timing.write += time.perf_counter() - t0
        self.timings.append(timing)
        return out

    def report(
        self,
        source: str | Path,
        out: str | Path,
        *,
        checklists: list[Checklist] | None = None,
        profile: Profile | None = None,
        protect: Iterable[str | Path] = (),
    ) -> Path:
        """Assess (or read) ``source`` and write its report to ``out``."""
        timing = Timings()
        t0 = time.perf_counter()
        findings, _ = load_input(source, checklists, profile)
        timing.load = time.perf_counter() - t0
        return self.write(findings, out, protect=[source, *protect], timing=timing)


def render_report(findings: Findings, fmt: str, options: ReportOptions | None = None) -> bytes:
    """One report as bytes (a convenience for notebooks and web apps)."""
    return ReportRenderer(options or ReportOptions()).render(findings, fmt)


def write_report(
    findings: Findings, out: str | Path, options: ReportOptions | None = None, protect: Iterable[str | Path] = ()
) -> Path:
    """Write one report; the format follows ``out``'s suffix (.pdf, .html, .md, .json)."""
    return ReportRenderer(options or ReportOptions()).write(findings, out, protect=protect)
